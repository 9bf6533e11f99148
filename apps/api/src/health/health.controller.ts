import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import type { Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../common/decorators/roles.decorator';
import { DatabaseIndicator } from './database.indicator';
import { DeliveryIndicators } from './delivery.indicators';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: DatabaseIndicator,
    private readonly delivery: DeliveryIndicators,
  ) {}

  /** Liveness, for the load balancer: 200 when the database answers, 503 otherwise. */
  @Get()
  @Public()
  @HealthCheck()
  check() {
    return this.health.check([() => this.db.ping('database', 2000)]);
  }

  /**
   * Whether the system does its work, for monitoring and alerts: 503 when the database does not
   * answer, the SMTP server does not answer (SMTP_URL set), a mail has waited undelivered longer
   * than HEALTH_MAIL_LATE_MINUTES, or a timer is more than HEALTH_TIMERS_LATE_MINUTES past due.
   * Each part's details (counts and ages) are in the answer either way. Not for routing traffic:
   * an SMTP outage makes every instance 503 while requests are still served (mail waits).
   */
  @Get('ready')
  @Public()
  @HealthCheck()
  async ready(@Res({ passthrough: true }) res: Response) {
    try {
      return await this.health.check([
        () => this.db.ping('database', 2000),
        () => this.delivery.smtp(),
        () => this.delivery.mail(),
        () => this.delivery.timers(),
      ]);
    } catch (error) {
      // The error filter would hide terminus's report; here the report is the point.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      res.status(503);
      return error.getResponse();
    }
  }
}
