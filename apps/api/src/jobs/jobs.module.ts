import { Global, Module } from '@nestjs/common';
import { JobsService, JOBS_INSTANCE_ID } from './jobs.service';
import { JobsTicker } from './jobs.ticker';
import { instanceId } from './retry';

/** Durable timers; global so every feature can schedule jobs and register handlers. */
@Global()
@Module({
  providers: [JobsService, JobsTicker, { provide: JOBS_INSTANCE_ID, useFactory: instanceId }],
  exports: [JobsService, JOBS_INSTANCE_ID],
})
export class JobsModule {}
