import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/env.validation';
import { describeError } from '../jobs/retry';
import { MailTransport } from '../mail/mail-transport';

/** How long one SMTP check is reused: monitors polling every few seconds open one connection per interval. */
const SMTP_CHECK_TTL_MS = 10_000;
/** Failed and obsolete mail, and failed timers, are counted over this window. */
const RECENT_MS = 7 * 86_400_000;
const seconds = (ms: number) => Math.max(0, Math.round(ms / 1000));

/**
 * What the readiness check (`GET /api/health/ready`) reports besides the database: whether the
 * SMTP server answers, how old the oldest undelivered mail is, and whether timers run on time.
 * Counts and ages only — never an address or a subject.
 */
@Injectable()
export class DeliveryIndicators {
  private readonly mailLateMs: number;
  private readonly timersLateMs: number;
  private smtpCheck: { at: number; result: Promise<string | null> } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    private readonly indicator: HealthIndicatorService,
    private readonly clock: Clock,
    config: ConfigService<AppConfig, true>,
  ) {
    this.mailLateMs = config.get('HEALTH_MAIL_LATE_MINUTES', { infer: true }) * 60_000;
    this.timersLateMs = config.get('HEALTH_TIMERS_LATE_MINUTES', { infer: true }) * 60_000;
  }

  /** Down when SMTP_URL is set and the server does not answer (greeting and, with credentials, login). */
  async smtp() {
    const check = this.indicator.check('smtp');
    if (!this.transport.configured) return check.up({ configured: false });
    const error = await this.verifySmtp();
    return error === null ? check.up({ configured: true }) : check.down({ configured: true, error });
  }

  /** Down when a mail has waited undelivered longer than HEALTH_MAIL_LATE_MINUTES. */
  async mail() {
    return this.orDown('mail', () => this.mailState());
  }

  private async mailState() {
    const now = this.clock.now();
    const [row]: { pending: number; retrying: number; oldest: Date | null; failed: number; obsolete: number }[] =
      await this.dataSource.query(
        `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE status = 'pending' AND attempts > 0)::int AS retrying,
              min(created_at) FILTER (WHERE status = 'pending') AS oldest,
              count(*) FILTER (WHERE status = 'failed' AND updated_at > $1)::int AS failed,
              count(*) FILTER (WHERE status = 'obsolete' AND updated_at > $1)::int AS obsolete
         FROM mail_messages WHERE status IN ('pending', 'failed', 'obsolete')`,
        [new Date(now.getTime() - RECENT_MS)],
      );
    const oldestAge = row.oldest ? now.getTime() - new Date(row.oldest).getTime() : 0;
    const details = {
      pending: row.pending,
      retrying: row.retrying,
      oldestPendingSeconds: row.oldest ? seconds(oldestAge) : null,
      lateAfterSeconds: seconds(this.mailLateMs),
      failedLast7Days: row.failed,
      obsoleteLast7Days: row.obsolete,
    };
    const check = this.indicator.check('mail');
    return row.oldest && oldestAge > this.mailLateMs ? check.down(details) : check.up(details);
  }

  /** Down when a pending timer is more than HEALTH_TIMERS_LATE_MINUTES past due (no instance runs timers, or they are stuck). */
  async timers() {
    return this.orDown('timers', () => this.timersState());
  }

  private async timersState() {
    const now = this.clock.now();
    const [row]: { overdue: number; oldest: Date | null; failed: number }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'pending' AND due_at < $1)::int AS overdue,
              min(due_at) FILTER (WHERE status = 'pending' AND due_at < $1) AS oldest,
              count(*) FILTER (WHERE status = 'failed' AND updated_at > $2)::int AS failed
         FROM jobs WHERE status IN ('pending', 'failed')`,
      [new Date(now.getTime() - this.timersLateMs), new Date(now.getTime() - RECENT_MS)],
    );
    const details = {
      overdue: row.overdue,
      mostOverdueSeconds: row.oldest ? seconds(now.getTime() - new Date(row.oldest).getTime()) : null,
      lateAfterSeconds: seconds(this.timersLateMs),
      failedLast7Days: row.failed,
    };
    const check = this.indicator.check('timers');
    return row.overdue > 0 ? check.down(details) : check.up(details);
  }

  /** A check whose query fails (the database is gone) is down, not a 500. */
  private async orDown<R>(key: string, state: () => Promise<R>) {
    try {
      return await state();
    } catch (error) {
      return this.indicator.check(key).down({ error: describeError(error, 200) });
    }
  }

  /** The SMTP verdict (null: up), shared by concurrent checks and reused for a few seconds. */
  private verifySmtp(): Promise<string | null> {
    const at = this.clock.now().getTime();
    if (!this.smtpCheck || Math.abs(at - this.smtpCheck.at) >= SMTP_CHECK_TTL_MS) {
      this.smtpCheck = {
        at,
        result: this.transport.verify().then(
          () => null,
          (error: unknown) => describeError(error, 200),
        ),
      };
    }
    return this.smtpCheck.result;
  }
}
