import { Module } from '@nestjs/common';
import { WorkflowLog } from './workflow-log';

@Module({ providers: [WorkflowLog], exports: [WorkflowLog] })
export class WorkflowModule {}
