import { Module } from '@nestjs/common';
import { FeesModule } from '../fees/fees.module';
import { DispatchesModule } from '../dispatches/dispatches.module';
import { MatchingModule } from '../matching/matching.module';
import { OffersModule } from '../offers/offers.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AssignmentService } from './assignment.service';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';
import { SwapsService } from './swaps.service';

@Module({
  imports: [FeesModule, MatchingModule, OffersModule, DispatchesModule, WorkflowModule, NotificationsModule],
  controllers: [RequestsController],
  providers: [RequestsService, AssignmentService, SwapsService],
  exports: [RequestsService],
})
export class RequestsModule {}
