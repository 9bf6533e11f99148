import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '../config/env.validation';
import { Ticker } from '../jobs/ticker';
import { MailSender } from './mail-sender';
import { MailTransport } from './mail-transport';

/**
 * Calls `MailSender.sendDue` every JOBS_TICK_MS when JOBS_ENABLED and SMTP_URL is set; on
 * shutdown it stops and lets a running round finish.
 */
@Injectable()
export class MailTicker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly ticker: Ticker;

  constructor(
    sender: MailSender,
    private readonly transport: MailTransport,
    private readonly registry: SchedulerRegistry,
    private readonly config: ConfigService<AppConfig, true>,
  ) {
    this.ticker = new Ticker('mail', () => sender.sendDue(), new Logger(MailTicker.name));
  }

  onApplicationBootstrap(): void {
    if (this.config.get('JOBS_ENABLED', { infer: true }) && this.transport.configured) {
      this.ticker.start(this.registry, this.config.get('JOBS_TICK_MS', { infer: true }));
    }
  }

  onModuleDestroy(): Promise<void> {
    return this.ticker.stop(this.registry);
  }
}
