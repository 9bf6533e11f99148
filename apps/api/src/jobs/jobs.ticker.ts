import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '../config/env.validation';
import { JobsService } from './jobs.service';
import { Ticker } from './ticker';

/**
 * Calls `JobsService.runDue` every JOBS_TICK_MS when JOBS_ENABLED (tests switch it off and run
 * jobs by hand). On shutdown it stops ticking and waits for the running tick, before the
 * database connection closes.
 */
@Injectable()
export class JobsTicker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly ticker: Ticker;

  constructor(
    private readonly jobs: JobsService,
    private readonly registry: SchedulerRegistry,
    private readonly config: ConfigService<AppConfig, true>,
  ) {
    this.ticker = new Ticker('jobs', () => this.jobs.runDue(), new Logger(JobsTicker.name));
  }

  onApplicationBootstrap(): void {
    if (this.config.get('JOBS_ENABLED', { infer: true }))
      this.ticker.start(this.registry, this.config.get('JOBS_TICK_MS', { infer: true }));
  }

  onModuleDestroy(): Promise<void> {
    return this.ticker.stop(this.registry);
  }
}
