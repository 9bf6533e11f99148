import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentUser } from '../common/decorators/current-user.decorator';
import { AnyRole, Roles } from '../common/decorators/roles.decorator';
import { ApiPageResponse } from '../common/openapi/page';
import { Page } from '../common/pagination.dto';
import { MailListQueryDto, MailView } from './dto/mail.dto';
import { MailService } from './mail.service';

@ApiTags('mail')
@ApiBearerAuth()
@Controller('mail')
export class MailController {
  constructor(private readonly mail: MailService) {}

  /**
   * The mail the app wrote (outbox, sent, and kept when no SMTP_URL is set), newest first: staff
   * see all of it with the links' tokens hidden; everyone sees their own mail with working links.
   */
  @Get()
  @AnyRole()
  @ApiPageResponse(MailView)
  list(@CurrentUser() actor: Actor, @Query() query: MailListQueryDto): Promise<Page<MailView>> {
    return this.mail.list(actor, query);
  }

  /**
   * Puts an undelivered mail (pending, failed or obsolete) back in the outbox, due now, with no
   * end to its usefulness; the same message (Message-ID) goes out. 409 for sent or kept mail.
   * Audited (`POST /api/mail/:id/resend`).
   */
  @Post(':id/resend')
  @Roles('staff')
  @HttpCode(200)
  @ApiOkResponse({ type: MailView })
  resend(@Param('id', ParseUUIDPipe) id: string): Promise<MailView> {
    return this.mail.resend(id);
  }
}
