import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/decorators/roles.decorator';
import { ApiFileResponse } from '../common/openapi/file';
import { sendCalendar } from './calendar-response';
import { CalendarService } from './calendar.service';

const TOKEN = { name: 'token', description: 'The link’s token (43 characters, base64url)', type: String };

/**
 * Calendars answered without signing in: the token in the address is the credential (the
 * confirmation mail's link to one visit, or a volunteer's subscription feed). Unknown → 404.
 */
@ApiTags('calendar')
@Public()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('dispatches/:token.ics')
  @ApiParam(TOKEN)
  @ApiFileResponse('text/calendar', 'The visit as an iCalendar entry (cancelled: the entry that removes it)')
  async dispatch(@Param('token') token: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    return sendCalendar(res, await this.calendar.dispatchByToken(token));
  }

  @Get('feeds/:token.ics')
  @ApiParam(TOKEN)
  @ApiFileResponse('text/calendar', "The volunteer's confirmed visits, from 30 days ago on, to subscribe to")
  async feed(@Param('token') token: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    return sendCalendar(res, await this.calendar.feedByToken(token));
  }
}
