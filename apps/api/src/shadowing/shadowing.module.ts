import { Module } from '@nestjs/common';
import { TrainingModule } from '../training/training.module';
import { VolunteersModule } from '../volunteers/volunteers.module';
import { PracticumController, PracticumReviewController, TraineeProgressController } from './shadowing.controller';
import { PracticumService } from './practicum.service';
import { TraineeProgressService } from './trainee-progress.service';

/** Trainee shadowing after the visit: the practicum record, its review, and the path to interpreter (#22). */
@Module({
  imports: [TrainingModule, VolunteersModule],
  controllers: [PracticumController, PracticumReviewController, TraineeProgressController],
  providers: [PracticumService, TraineeProgressService],
})
export class ShadowingModule {}
