import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Actor, CurrentUser } from '../common/decorators/current-user.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { Page } from '../common/pagination.dto';
import { CandidatesService } from '../matching/candidates.service';
import { OffersService, ShadowOffersSent } from '../offers/offers.service';
import { SendOffersDto } from '../offers/dto/offer.dto';
import { AssignDto, SwapDto } from '../dispatches/dto/dispatch.dto';
import { DispatchView } from '../dispatches/dispatches.service';
import {
  CancelDto,
  CandidatesQueryDto,
  CreateRequestDto,
  RequestListQueryDto,
  RescheduleDto,
  ShadowSeatDto,
  UpdateRequestDto,
} from './dto/request.dto';
import { RequestsService } from './requests.service';
import { AssignmentService } from './assignment.service';
import { RequestView } from './request.view';
import { SwapsService, SwapView } from './swaps.service';
import {
  DispatchResultSchema,
  OffersSentSchema,
  RequestViewSchema,
  ShadowOffersSentSchema,
  SwapResultSchema,
} from '../common/openapi/workflow-views';
import { ApiPageResponse } from '../common/openapi/page';
import { OfferHistoryEntrySchema, StaffCandidatesSchema, SwapViewSchema } from './dto/candidate-views';
import type { OfferHistoryEntry } from '@app/domain/model';
import type { ContactedRankResult } from '../offers/offer-history';

@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
export class RequestsController {
  constructor(
    private readonly requests: RequestsService,
    private readonly candidates: CandidatesService,
    private readonly offers: OffersService,
    private readonly assignment: AssignmentService,
    private readonly swaps: SwapsService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: RequestViewSchema })
  @Roles('staff', 'coordinator')
  create(@CurrentUser() actor: Actor, @Body() body: CreateRequestDto): Promise<RequestView> {
    return this.requests.create(actor, body);
  }

  @Get()
  @ApiPageResponse(RequestViewSchema)
  @Roles('staff', 'coordinator')
  list(@CurrentUser() actor: Actor, @Query() query: RequestListQueryDto): Promise<Page<RequestView>> {
    return this.requests.list(actor, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: RequestViewSchema })
  @Roles('staff', 'coordinator')
  get(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RequestView> {
    return this.requests.get(actor, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: RequestViewSchema })
  @Roles('staff', 'coordinator')
  update(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateRequestDto,
  ): Promise<RequestView> {
    return this.requests.update(actor, id, body);
  }

  /**
   * Moves a confirmed visit that has not started to new times (no fee). The interpreter is asked
   * (mail with a reconfirmation link; their dispatch shows `rescheduledFrom` and no `reconfirmedAt`
   * until they answer; an "I can't go" then is not held against them). If the new time clashes with
   * another of their dispatches or their availability, they are released and the request goes back
   * to `open` with a new wave. Before confirmation, change the times with PATCH instead (409
   * REQUEST_NOT_CONFIRMED here); a visit that has started: 409 VISIT_STARTED.
   */
  @Post(':id/reschedule')
  @HttpCode(200)
  @ApiOkResponse({ type: RequestViewSchema })
  @ApiConflictResponse({ description: 'REQUEST_NOT_CONFIRMED, VISIT_STARTED or ILLEGAL_TRANSITION' })
  @ApiUnprocessableEntityResponse({ description: 'startsAt in the past, endsAt not after startsAt, or too long' })
  @Roles('staff', 'coordinator')
  reschedule(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RescheduleDto,
  ): Promise<RequestView> {
    return this.requests.reschedule(actor, id, body);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: RequestViewSchema })
  @Roles('staff', 'coordinator')
  cancel(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CancelDto,
  ): Promise<RequestView> {
    return this.requests.cancel(actor, id, body.reason);
  }

  /** Eligible volunteers ranked with the parts of their score, and why everyone else is excluded. */
  /** With each volunteer's phone and offer state: what staff need before phoning round. */
  @Get(':id/candidates')
  @ApiOkResponse({ type: StaffCandidatesSchema })
  @Roles('staff')
  candidatesFor(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: CandidatesQueryDto,
  ): Promise<ContactedRankResult> {
    return this.candidates.forStaff(id, query.role);
  }

  /**
   * The shadow seat of a confirmed request whose hospital agreed (`traineeWelcome`): offered to
   * this trainee, or to the best eligible trainees; they answer through the usual offer routes.
   */
  @Post(':id/shadow')
  @HttpCode(200)
  @ApiOkResponse({ type: ShadowOffersSentSchema })
  @Roles('staff')
  offerShadow(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ShadowSeatDto,
  ): Promise<ShadowOffersSent> {
    return this.offers.offerShadow(actor, id, body.volunteerId);
  }

  /** The offer history: who was asked, in which wave, and what they answered when. */
  @Get(':id/offers')
  @ApiOkResponse({ type: [OfferHistoryEntrySchema] })
  @Roles('staff')
  offerHistory(@Param('id', ParseUUIDPipe) id: string): Promise<OfferHistoryEntry[]> {
    return this.candidates.offerHistory(id);
  }

  @Post(':id/offers')
  @HttpCode(200)
  @ApiOkResponse({ type: OffersSentSchema })
  @Roles('staff')
  sendOffers(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SendOffersDto,
  ): Promise<{ sent: number }> {
    return this.offers.sendNow(actor, id, body.volunteerIds);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiOkResponse({ type: DispatchResultSchema })
  @Roles('staff')
  assign(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AssignDto,
  ): Promise<{ dispatch: DispatchView }> {
    return this.assignment.assign(actor, id, body.volunteerId, body.overrideReason);
  }

  /** For a request nobody free can take: volunteers one of their dispatches keeps from it, and who could take that dispatch over. */
  @Get(':id/swaps')
  @ApiOkResponse({ type: [SwapViewSchema] })
  @Roles('staff')
  swapsFor(@Param('id', ParseUUIDPipe) id: string): Promise<SwapView[]> {
    return this.swaps.options(id);
  }

  /** After both agreed on the phone: the dispatch moves to the cover and the volunteer takes this request, all or nothing. */
  @Post(':id/swap')
  @HttpCode(200)
  @ApiOkResponse({ type: SwapResultSchema })
  @Roles('staff')
  swap(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SwapDto,
  ): Promise<{ dispatch: DispatchView; handedOver: DispatchView }> {
    return this.swaps.swap(actor, id, body);
  }

  @Post(':id/hold')
  @HttpCode(200)
  @ApiOkResponse({ type: RequestViewSchema })
  @Roles('staff')
  hold(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RequestView> {
    return this.requests.setHold(actor, id, true);
  }

  /** Staff release any held request; a coordinator the draft they filed on hold. */
  @Post(':id/release')
  @HttpCode(200)
  @ApiOkResponse({ type: RequestViewSchema })
  @Roles('staff', 'coordinator')
  release(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RequestView> {
    return this.requests.setHold(actor, id, false);
  }
}
