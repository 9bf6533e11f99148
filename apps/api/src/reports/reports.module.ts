import { Module } from '@nestjs/common';
import { DispatchesModule } from '../dispatches/dispatches.module';
import { DispatchReportController, ReportsController } from './reports.controller';
import { ReportReminders } from './report-reminders';
import { ReportsService } from './reports.service';

@Module({
  imports: [DispatchesModule],
  controllers: [DispatchReportController, ReportsController],
  providers: [ReportsService, ReportReminders],
  exports: [ReportsService],
})
export class ReportsModule {}
