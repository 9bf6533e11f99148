import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Locale, MailAttachment } from '@app/domain';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/env.validation';
import { JOBS_INSTANCE_ID } from '../jobs/jobs.service';
import { describeError, retryDelayMs } from '../jobs/retry';
import { MailLinks } from './mail-links';
import { MailTransport } from './mail-transport';

/** A mail claimed for delivery: its lease runs until `next_attempt_at`. */
export interface ClaimedMail {
  id: string;
  to_address: string;
  locale: Locale;
  subject: string;
  text_body: string;
  html_body: string;
  attachments: MailAttachment[] | null;
  message_id: string;
  attempts: number;
}

/**
 * Delivers the outbox. Each round claims due mail with `FOR UPDATE SKIP LOCKED` and, in the
 * same statement, sets a lease (`next_attempt_at = now + MAIL_LEASE_MS`, attempts + 1), commits,
 * then talks to SMTP outside any transaction and marks the mail sent. An instance that dies
 * between the claim and "sent" leaves the lease to expire, and any sender delivers it then; the
 * Message-ID comes from the idempotency key, so a mail that did reach the server before a crash
 * and is sent again is the same message. Failures retry with exponential backoff and jitter;
 * a permanent SMTP refusal (5xx) or MAIL_MAX_ATTEMPTS attempts make the mail `failed`.
 */
@Injectable()
export class MailSender {
  private readonly logger = new Logger(MailSender.name);
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    private readonly links: MailLinks,
    private readonly clock: Clock,
    config: ConfigService<AppConfig, true>,
    @Inject(JOBS_INSTANCE_ID) private readonly instance: string,
  ) {
    this.leaseMs = config.get('MAIL_LEASE_MS', { infer: true });
    this.maxAttempts = config.get('MAIL_MAX_ATTEMPTS', { infer: true });
    this.retryBaseMs = config.get('MAIL_RETRY_BASE_MS', { infer: true });
  }

  /** Delivers up to `limit` due mails; returns how many were sent. Does nothing without SMTP_URL. */
  async sendDue(limit = 50): Promise<number> {
    if (!this.transport.configured) return 0;
    let tried = 0;
    let sent = 0;
    while (tried < limit) {
      const batch = await this.claimDue(Math.min(10, limit - tried));
      if (batch.length === 0) break;
      tried += batch.length;
      for (const mail of batch) if (await this.deliver(mail)) sent++;
    }
    return sent;
  }

  /**
   * Claims due pending mail and leases it to this sender (one statement, so one transaction).
   * Public so a test can claim and then abandon mail, as a crashed instance would.
   */
  async claimDue(limit: number): Promise<ClaimedMail[]> {
    const now = this.clock.now();
    const [rows] = (await this.dataSource.query(
      `UPDATE mail_messages SET attempts = attempts + 1, next_attempt_at = $2, updated_at = now()
       WHERE id IN (
         SELECT id FROM mail_messages WHERE status = 'pending' AND next_attempt_at <= $1
         ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING id, to_address, locale, subject, text_body, html_body, attachments, message_id, attempts`,
      [now.toISOString(), new Date(now.getTime() + this.leaseMs).toISOString(), limit],
    )) as [ClaimedMail[], number];
    return rows;
  }

  private async deliver(mail: ClaimedMail): Promise<boolean> {
    try {
      // The links' tokens are made now, outside the stored mail (see MailLinks).
      const [text, html] = await this.links.fill(this.dataSource.manager, [mail.text_body, mail.html_body]);
      await this.transport.send({
        to: mail.to_address,
        subject: mail.subject,
        text,
        html,
        messageId: mail.message_id,
        locale: mail.locale,
        attachments: mail.attachments,
      });
    } catch (error) {
      await this.recordFailure(mail, error);
      return false;
    }
    await this.dataSource.query(
      `UPDATE mail_messages SET status = 'sent', sent_at = $2, last_error = NULL, updated_at = now() WHERE id = $1 AND status = 'pending'`,
      [mail.id, this.clock.now().toISOString()],
    );
    return true;
  }

  /** Schedules the retry, unless another sender re-claimed the mail meanwhile (attempts moved on). */
  private async recordFailure(mail: ClaimedMail, error: unknown): Promise<void> {
    const responseCode = (error as { responseCode?: number }).responseCode;
    const permanent = typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
    const gaveUp = permanent || mail.attempts >= this.maxAttempts;
    const retryAt = new Date(this.clock.now().getTime() + retryDelayMs(mail.attempts, this.retryBaseMs));
    await this.dataSource.query(
      `UPDATE mail_messages SET status = CASE WHEN $3::boolean THEN 'failed' ELSE 'pending' END,
         next_attempt_at = $4, last_error = $5, updated_at = now()
       WHERE id = $1 AND status = 'pending' AND attempts = $2`,
      [mail.id, mail.attempts, gaveUp, retryAt.toISOString(), describeError(error)],
    );
    const message = `Mail ${mail.id} attempt ${mail.attempts} failed on ${this.instance}${gaveUp ? ', giving up' : ''}: ${describeError(error)}`;
    if (gaveUp) this.logger.error(message);
    else this.logger.warn(message);
  }
}
