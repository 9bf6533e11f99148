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
  idempotency_key: string;
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
 * Delivers the outbox. Each round first marks `obsolete` the pending mail whose purpose has
 * passed (`useful_until`), then claims due mail with `FOR UPDATE SKIP LOCKED` and, in the same
 * statement, sets a lease (`next_attempt_at` = now + the longer of MAIL_LEASE_MS and the next
 * retry delay, attempts + 1), commits, then talks to SMTP outside any transaction and marks the
 * mail sent. An instance that dies between the claim and "sent" leaves the lease to expire, and
 * any sender delivers it then; the Message-ID comes from the idempotency key, so a mail that did
 * reach the server before a crash and is sent again is the same message (at least once, never a
 * different message). Failures retry with exponential backoff and jitter, capped at
 * MAIL_RETRY_MAX_MS, for as long as the mail is useful: an outage never makes mail `failed`.
 * Only a permanent refusal of this mail (5xx to RCPT TO, or to its content) does.
 */
@Injectable()
export class MailSender {
  private readonly logger = new Logger(MailSender.name);
  private readonly leaseMs: number;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    private readonly links: MailLinks,
    private readonly clock: Clock,
    config: ConfigService<AppConfig, true>,
    @Inject(JOBS_INSTANCE_ID) private readonly instance: string,
  ) {
    this.leaseMs = config.get('MAIL_LEASE_MS', { infer: true });
    this.retryBaseMs = config.get('MAIL_RETRY_BASE_MS', { infer: true });
    this.retryMaxMs = config.get('MAIL_RETRY_MAX_MS', { infer: true });
  }

  /** Delivers up to `limit` due mails; returns how many were sent. Does nothing without SMTP_URL. */
  async sendDue(limit = 50): Promise<number> {
    if (!this.transport.configured) return 0;
    await this.markObsolete();
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
   * Marks `obsolete` the due pending mail whose `useful_until` has passed. A mail a sender holds
   * (its lease runs) is left alone: delivered a moment late, it is recorded as sent. A failed
   * attempt never schedules the retry after `useful_until`, so mail becomes obsolete on time.
   */
  async markObsolete(): Promise<number> {
    const [rows] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE mail_messages SET status = 'obsolete', updated_at = now()
       WHERE id IN (
         SELECT id FROM mail_messages WHERE status = 'pending' AND useful_until <= $1 AND next_attempt_at <= $1
          FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [this.clock.now().toISOString()],
    );
    if (rows.length > 0)
      this.logger.warn(`${rows.length} mail(s) became obsolete undelivered: ${rows.map((r) => r.id).join(', ')}`);
    return rows.length;
  }

  /**
   * Claims due pending mail and leases it to this sender (one statement, so one transaction). The
   * lease lasts MAIL_LEASE_MS, or the next retry delay if longer, so a mail that crashes its
   * sender every time is tried at the backoff's pace, not every lease.
   * Public so a test can claim and then abandon mail, as a crashed instance would.
   */
  async claimDue(limit: number): Promise<ClaimedMail[]> {
    const now = this.clock.now();
    const [rows] = await this.dataSource.query<[ClaimedMail[], number]>(
      `UPDATE mail_messages
          SET attempts = attempts + 1, updated_at = now(),
              next_attempt_at = $1::timestamptz + greatest($2::float8, least($4::float8, $5::float8 * power(2::float8, least(attempts, 60)))) * interval '1 millisecond'
       WHERE id IN (
         SELECT id FROM mail_messages WHERE status = 'pending' AND next_attempt_at <= $1 AND (useful_until IS NULL OR useful_until > $1)
         ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING id, idempotency_key, to_address, locale, subject, text_body, html_body, attachments, message_id, attempts`,
      [now.toISOString(), this.leaseMs, limit, this.retryMaxMs, this.retryBaseMs],
    );
    return rows;
  }

  private async deliver(mail: ClaimedMail): Promise<boolean> {
    try {
      // The links' tokens are made now, outside the stored mail (see MailLinks).
      const [text, html] = await this.links.fill(this.dataSource.manager, { idempotencyKey: mail.idempotency_key }, [
        mail.text_body,
        mail.html_body,
      ]);
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
      `UPDATE mail_messages SET status = 'sent', sent_at = $2, last_error = NULL, updated_at = now()
       WHERE id = $1 AND (status = 'pending' OR status = 'obsolete' AND attempts = $3)`,
      [mail.id, this.clock.now().toISOString(), mail.attempts],
    );
    return true;
  }

  /**
   * Schedules the retry, unless another sender re-claimed the mail meanwhile (attempts moved on).
   * Only a permanent refusal of this very mail gives up: 5xx to its recipient (RCPT TO) or to its
   * content (after DATA). Anything else — connection refused, timeouts, 4xx, a 5xx to the session
   * (authentication, sender) — is an outage or a misconfiguration that will be mended: retried.
   */
  private async recordFailure(mail: ClaimedMail, error: unknown): Promise<void> {
    const gaveUp = isPermanentRefusal(error);
    const retryAt = new Date(
      this.clock.now().getTime() + retryDelayMs(mail.attempts, this.retryBaseMs, Math.random, this.retryMaxMs),
    );
    await this.dataSource.query(
      `UPDATE mail_messages SET status = CASE WHEN $3::boolean THEN 'failed' ELSE 'pending' END,
         next_attempt_at = CASE WHEN useful_until < $4::timestamptz THEN useful_until ELSE $4::timestamptz END,
         last_error = $5, updated_at = now()
       WHERE id = $1 AND status = 'pending' AND attempts = $2`,
      [mail.id, mail.attempts, gaveUp, retryAt.toISOString(), describeError(error)],
    );
    const message = `Mail ${mail.id} attempt ${mail.attempts} failed on ${this.instance}${gaveUp ? ', refused for good' : ''}: ${describeError(error)}`;
    if (gaveUp) this.logger.error(message);
    else this.logger.warn(message);
  }
}

/** A 5xx refusal of the recipient (RCPT TO) or of the message (after DATA): sending it again cannot help. */
export function isPermanentRefusal(error: unknown): boolean {
  const { responseCode, command, code } = (typeof error === 'object' && error !== null ? error : {}) as {
    responseCode?: unknown;
    command?: unknown;
    code?: unknown;
  };
  if (typeof responseCode !== 'number' || responseCode < 500 || responseCode >= 600) return false;
  return command === 'RCPT TO' || command === 'DATA' || code === 'EMESSAGE';
}
