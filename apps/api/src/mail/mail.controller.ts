import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/decorators/roles.decorator';
import { Page } from '../common/pagination.dto';
import { MailListQueryDto, MailView } from './dto/mail.dto';
import { MailService } from './mail.service';

@ApiTags('mail')
@ApiBearerAuth()
@Roles('staff')
@Controller('mail')
export class MailController {
  constructor(private readonly mail: MailService) {}

  /** The mail the app wrote (outbox, sent, and kept when no SMTP_URL is set), newest first. */
  @Get()
  @ApiOkResponse({ description: '{ data: MailView[], total }' })
  list(@Query() query: MailListQueryDto): Promise<Page<MailView>> {
    return this.mail.list(query);
  }
}
