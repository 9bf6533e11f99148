import { Module } from '@nestjs/common';
import { DispatchesModule } from '../dispatches/dispatches.module';
import { OffersModule } from '../offers/offers.module';
import { WorkflowTimers } from './workflow-timers';

@Module({ imports: [OffersModule, DispatchesModule], providers: [WorkflowTimers] })
export class WorkflowTimersModule {}
