import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DispatchNotifier } from './dispatch-notifier';

@Module({ imports: [CalendarModule], providers: [DispatchNotifier], exports: [DispatchNotifier] })
export class NotificationsModule {}
