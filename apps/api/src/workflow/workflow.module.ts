import { Module } from '@nestjs/common';
import { Workflow } from './workflow';
import { WorkflowLog } from './workflow-log';
import { NotificationsModule } from '../notifications/notifications.module';

/** The workflow's one way to change a status (Workflow.move) and its log. */
@Module({ imports: [NotificationsModule], providers: [WorkflowLog, Workflow], exports: [Workflow, WorkflowLog] })
export class WorkflowModule {}
