import { Module } from '@nestjs/common';
import { registerConstraintMessage } from '../common/filters/constraint-errors';
import { DEFAULT_TRAINING_CONFIG, TRAINING_CONFIG } from './training.config';
import { TrainingController } from './training.controller';
import { TrainingService } from './training.service';

registerConstraintMessage('ck_training_courses_times', { code: 'VALIDATION_FAILED', field: 'endsAt', message: 'endsAt must be later than startsAt' });
registerConstraintMessage('fk_course_attendances_volunteer', { code: 'VOLUNTEER_HAS_TRAINING', field: 'volunteerId', message: 'The volunteer does not exist, or has training records' });

@Module({
  controllers: [TrainingController],
  providers: [TrainingService, { provide: TRAINING_CONFIG, useValue: DEFAULT_TRAINING_CONFIG }],
  exports: [TrainingService],
})
export class TrainingModule {}
