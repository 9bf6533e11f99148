import { Module } from '@nestjs/common';
import { DEFAULT_TRAINING_CONFIG, TRAINING_CONFIG } from './training.config';
import { TrainingController } from './training.controller';
import { TrainingService } from './training.service';

@Module({
  controllers: [TrainingController],
  providers: [TrainingService, { provide: TRAINING_CONFIG, useValue: DEFAULT_TRAINING_CONFIG }],
  exports: [TrainingService, TRAINING_CONFIG],
})
export class TrainingModule {}
