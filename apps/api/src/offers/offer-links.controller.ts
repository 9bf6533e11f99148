import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiGoneResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ErrorBody } from '../common/openapi/error-body';
import { Public } from '../common/decorators/roles.decorator';
import { DispatchesService, DispatchView } from '../dispatches/dispatches.service';
import { OfferView } from './offers.service';
import { DeclineDto } from './dto/offer.dto';
import { OfferLinksService } from './offer-links.service';
import {
  DispatchResultSchema,
  OfferLinkViewSchema,
  OfferViewSchema,
  ReconfirmedSchema,
} from '../common/openapi/workflow-views';

/**
 * Links from e-mail, answered without signing in: the token is the credential. GET only shows
 * (mail scanners follow links); answering is a POST.
 */
@ApiTags('offer links')
@Public()
@Controller()
export class OfferLinksController {
  constructor(
    private readonly links: OfferLinksService,
    private readonly dispatches: DispatchesService,
  ) {}

  @Get('offer-links/:token')
  @ApiOkResponse({ type: OfferLinkViewSchema })
  show(@Param('token') token: string): Promise<OfferView & { answerable: boolean }> {
    return this.links.show(token);
  }

  @Post('offer-links/:token/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: DispatchResultSchema })
  accept(@Param('token') token: string): Promise<{ dispatch: DispatchView }> {
    return this.links.accept(token);
  }

  @Post('offer-links/:token/decline')
  @HttpCode(200)
  @ApiOkResponse({ type: OfferViewSchema })
  decline(@Param('token') token: string, @Body() body: DeclineDto): Promise<OfferView> {
    return this.links.decline(token, body.reason);
  }

  @Post('reconfirm-links/:token')
  @HttpCode(200)
  @ApiOkResponse({ type: ReconfirmedSchema })
  @ApiGoneResponse({ type: ErrorBody, description: 'LINK_EXPIRED: mailed for a time the visit has since moved from' })
  reconfirm(@Param('token') token: string): Promise<{ reconfirmedAt: string; startsAt: string; endsAt: string }> {
    return this.dispatches.reconfirmByToken(token);
  }
}
