import { Module } from '@nestjs/common';
import { registerConstraintMessage } from '../common/filters/constraint-errors';
import { UsersModule } from '../users/users.module';
import { HospitalsController } from './hospitals.controller';
import { HospitalsService } from './hospitals.service';

registerConstraintMessage('uq_hospitals_name', { code: 'HOSPITAL_NAME_TAKEN', field: 'name', message: 'A hospital with this name is already registered' });
registerConstraintMessage('ck_hospitals_name_not_blank', { code: 'VALIDATION_FAILED', field: 'name', message: 'name must not be blank' });
registerConstraintMessage('fk_users_hospital', { code: 'HOSPITAL_IN_USE', field: 'hospitalId', message: 'The hospital does not exist, or still has accounts' });

@Module({
  imports: [UsersModule],
  controllers: [HospitalsController],
  providers: [HospitalsService],
  exports: [HospitalsService],
})
export class HospitalsModule {}
