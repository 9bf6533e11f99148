import { Module } from '@nestjs/common';
import { DispatchNotifier } from './dispatch-notifier';

@Module({ providers: [DispatchNotifier], exports: [DispatchNotifier] })
export class NotificationsModule {}
