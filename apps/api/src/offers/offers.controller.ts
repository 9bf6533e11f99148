import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentUser } from '../common/decorators/current-user.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import { DeclineDto, OfferListQueryDto } from './dto/offer.dto';
import { DispatchView } from '../dispatches/dispatches.service';
import { OffersService, OfferView } from './offers.service';
import { DispatchResultSchema, OfferViewSchema } from '../common/openapi/workflow-views';
import { ApiPageResponse } from '../common/openapi/page';

/** A volunteer's own offers. */
@ApiTags('offers')
@ApiBearerAuth()
@Roles('volunteer')
@Controller('offers')
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @Get()
  @ApiOperation({
    summary: "The volunteer's own offers: pending first, then visits to come soonest first, past visits last",
  })
  @ApiPageResponse(OfferViewSchema)
  list(@CurrentUser() actor: Actor, @Query() query: OfferListQueryDto): Promise<{ data: OfferView[]; total: number }> {
    return this.offers.listMine(actor, query.status);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: DispatchResultSchema })
  accept(@CurrentUser() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<{ dispatch: DispatchView }> {
    return this.offers.accept(actor, id);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOkResponse({ type: OfferViewSchema })
  decline(
    @CurrentUser() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DeclineDto,
  ): Promise<OfferView> {
    return this.offers.decline(actor, id, body.reason);
  }
}
