import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentUser } from '../common/decorators/current-user.decorator';
import { AnyRole } from '../common/decorators/roles.decorator';
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
  @ApiOkResponse({ description: '{ data: MailView[], total }' })
  list(@CurrentUser() actor: Actor, @Query() query: MailListQueryDto): Promise<Page<MailView>> {
    return this.mail.list(actor, query);
  }
}
