import { Module } from '@nestjs/common';
import { registerConstraintMessage } from '../common/filters/constraint-errors';
import { TrainingModule } from '../training/training.module';
import { UsersModule } from '../users/users.module';
import { LifecycleService } from './lifecycle.service';
import { VolunteerImportService } from './volunteer-import.service';
import { VolunteersController } from './volunteers.controller';
import { VolunteersService } from './volunteers.service';

registerConstraintMessage('uq_volunteers_email', { code: 'VOLUNTEER_EMAIL_TAKEN', field: 'email', message: 'A volunteer with this e-mail is already registered' });
registerConstraintMessage('uq_volunteer_bans_hospital', { code: 'BAN_EXISTS', field: 'hospitalId', message: 'This hospital is already excluded for the volunteer' });
registerConstraintMessage('uq_volunteer_bans_patient', { code: 'BAN_EXISTS', field: 'patientKey', message: 'This patient is already excluded for the volunteer' });
registerConstraintMessage('fk_volunteer_bans_hospital', { code: 'VALIDATION_FAILED', field: 'hospitalId', message: 'No such hospital' });
registerConstraintMessage('uq_users_volunteer', { code: 'VOLUNTEER_HAS_ACCOUNT', field: 'volunteerId', message: 'The volunteer already has an account' });
registerConstraintMessage('fk_users_volunteer', { code: 'VALIDATION_FAILED', field: 'volunteerId', message: 'No such volunteer record (or it still has an account)' });

@Module({
  imports: [UsersModule, TrainingModule],
  controllers: [VolunteersController],
  providers: [VolunteersService, VolunteerImportService, LifecycleService],
  exports: [VolunteersService],
})
export class VolunteersModule {}
