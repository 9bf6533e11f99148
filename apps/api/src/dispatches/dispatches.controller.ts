import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, CurrentUser } from '../common/decorators/current-user.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { Page } from '../common/pagination.dto';
import { DispatchesService, DispatchView } from './dispatches.service';
import { CancelDispatchDto, CompleteDto, DispatchListQueryDto, NoShowDto } from './dto/dispatch.dto';
import { DispatchViewSchema } from '../common/openapi/workflow-views';
import { ApiFileResponse } from '../common/openapi/file';
import { ApiPageResponse } from '../common/openapi/page';

@ApiTags('dispatches')
@ApiBearerAuth()
@Controller('dispatches')
export class DispatchesController {
  constructor(private readonly dispatches: DispatchesService) {}

  @Get()
  @ApiPageResponse(DispatchViewSchema)
  @Roles('staff', 'coordinator', 'volunteer')
  list(@CurrentUser() actor: Actor, @Query() query: DispatchListQueryDto): Promise<Page<DispatchView>> {
    return this.dispatches.list(actor, query);
  }

  @Get(':id/calendar.ics')
  @Roles('staff', 'coordinator', 'volunteer')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="dispatch.ics"')
  @ApiFileResponse('text/calendar', 'The visit as an iCalendar entry')
  calendar(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    return this.dispatches.calendar(actor, id);
  }

  @Get(':id')
  @ApiOkResponse({ type: DispatchViewSchema })
  @Roles('staff', 'coordinator', 'volunteer')
  get(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DispatchView> {
    return this.dispatches.get(actor, id);
  }

  @Post(':id/reconfirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The dispatched volunteer says they are still coming (as the mail link does); idempotent',
  })
  @ApiOkResponse({ type: DispatchViewSchema })
  @ApiNotFoundResponse({ description: "Not the caller's dispatch" })
  @ApiConflictResponse({ description: 'DISPATCH_NOT_CONFIRMED: the dispatch is no longer confirmed' })
  @Roles('staff', 'coordinator', 'volunteer')
  reconfirm(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DispatchView> {
    return this.dispatches.reconfirm(actor, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Cancels the dispatch; for the dispatched volunteer this is "I can\'t go" (the interpreter\'s cancellation: the request looks for someone else)',
  })
  @ApiOkResponse({ type: DispatchViewSchema })
  @ApiConflictResponse({ description: 'VISIT_ENDED, or the dispatch is not confirmed' })
  @Roles('staff', 'coordinator', 'volunteer')
  cancel(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CancelDispatchDto,
  ): Promise<DispatchView> {
    return this.dispatches.cancel(actor, id, body.reason, body.party);
  }

  @Post(':id/no-show')
  @HttpCode(200)
  @ApiOkResponse({ type: DispatchViewSchema })
  @Roles('staff', 'coordinator')
  noShow(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: NoShowDto,
  ): Promise<DispatchView> {
    return this.dispatches.noShow(actor, id, body.party);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOkResponse({ type: DispatchViewSchema })
  @Roles('staff', 'coordinator', 'volunteer')
  complete(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CompleteDto,
  ): Promise<DispatchView> {
    return this.dispatches.complete(actor, id, new Date(body.actualStart), new Date(body.actualEnd));
  }
}
