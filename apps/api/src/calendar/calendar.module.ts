import { Module } from '@nestjs/common';
import { JwtSecret } from '../auth/jwt-secret';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { CalendarTokens } from './calendar-tokens';
import { VisitCalendars } from './visit-calendars';

/** Calendar files: the per-dispatch link, the subscription feed, and the mail's attachments. */
@Module({
  controllers: [CalendarController],
  providers: [CalendarService, CalendarTokens, VisitCalendars, JwtSecret],
  exports: [CalendarService],
})
export class CalendarModule {}
