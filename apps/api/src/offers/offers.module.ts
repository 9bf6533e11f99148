import { Module } from '@nestjs/common';
import { DispatchesModule } from '../dispatches/dispatches.module';
import { MatchingModule } from '../matching/matching.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OffersController } from './offers.controller';
import { OfferLinksController } from './offer-links.controller';
import { OfferLinksService } from './offer-links.service';
import { OffersService } from './offers.service';

@Module({
  imports: [MatchingModule, DispatchesModule, WorkflowModule, NotificationsModule],
  controllers: [OffersController, OfferLinksController],
  providers: [OffersService, OfferLinksService],
  exports: [OffersService],
})
export class OffersModule {}
