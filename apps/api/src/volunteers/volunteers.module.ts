import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { TrainingModule } from '../training/training.module';
import { UsersModule } from '../users/users.module';
import { LifecycleService } from './lifecycle.service';
import { VolunteerImportService } from './volunteer-import.service';
import { VolunteersController } from './volunteers.controller';
import { VolunteersService } from './volunteers.service';

@Module({
  imports: [UsersModule, TrainingModule, CalendarModule],
  controllers: [VolunteersController],
  providers: [VolunteersService, VolunteerImportService, LifecycleService],
  exports: [VolunteersService],
})
export class VolunteersModule {}
