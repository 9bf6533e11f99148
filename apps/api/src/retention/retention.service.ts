import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/env.validation';
import { JobsService } from '../jobs/jobs.service';
import { scheduleDailySweep } from '../sweeps/daily-sweep';

export const RETENTION_JOB = 'retention.sweep';
/** The sweep runs every night at this hour, Tokyo time. */
const SWEEP_HOUR = 3;
const DAY = 86_400_000;

/**
 * Erases patient details (`request_patients` rows) PATIENT_RETENTION_DAYS after the request is
 * over: its visit ended that long ago and, if it was completed or cancelled, that happened that
 * long ago too. The request, its dispatches, reports and the figures stay; each erasure is written
 * to the audit trail (action `patient.erase`, by the system), in the same transaction.
 *
 * The same nightly sweep erases the bodies and attachments of mail that left the outbox (sent,
 * failed, obsolete, kept) MAIL_RETENTION_DAYS ago — the row stays, with recipient, subject,
 * status and times, so its idempotency key still stops the same mail being written again — and
 * deletes timers that ran or were cancelled JOBS_RETENTION_DAYS ago.
 */
@Injectable()
export class RetentionService implements OnModuleInit, OnApplicationBootstrap {
  private readonly retentionMs: number;
  private readonly jobsEnabled: boolean;
  private readonly mailRetentionMs: number;
  private readonly jobsRetentionMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.retentionMs = config.get('PATIENT_RETENTION_DAYS', { infer: true }) * DAY;
    this.jobsEnabled = config.get('JOBS_ENABLED', { infer: true });
    this.mailRetentionMs = config.get('MAIL_RETENTION_DAYS', { infer: true }) * DAY;
    this.jobsRetentionMs = config.get('JOBS_RETENTION_DAYS', { infer: true }) * DAY;
  }

  onModuleInit(): void {
    this.jobs.register(RETENTION_JOB, async (_payload, { manager, now }) => {
      await this.sweep(manager, now);
      await this.purgeMail(manager, now);
      await this.purgeJobs(manager, now);
      await scheduleDailySweep(this.jobs, manager, RETENTION_JOB, SWEEP_HOUR, now);
    });
  }

  /** Instances that run timers make sure the next sweep is scheduled. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.jobsEnabled) await this.scheduleSweep();
  }

  async scheduleSweep(): Promise<void> {
    await this.dataSource.transaction((m) =>
      scheduleDailySweep(this.jobs, m, RETENTION_JOB, SWEEP_HOUR, this.clock.now()),
    );
  }

  /** Erases what is due at `now`; returns the ids of the requests whose patient details went. */
  async sweep(manager: EntityManager, now: Date): Promise<string[]> {
    const cutoff = new Date(now.getTime() - this.retentionMs);
    const rows: { request_id: string }[] = await manager.query(
      `WITH erased AS (
         DELETE FROM request_patients p
          USING requests r
          WHERE r.id = p.request_id
            AND r.ends_at <= $1
            AND NOT EXISTS (SELECT 1 FROM status_transitions t
                             WHERE t.subject_type = 'request' AND t.subject_id = r.id
                               AND t.to_status IN ('completed', 'cancelled') AND t.at > $1)
          RETURNING p.request_id)
       SELECT request_id FROM erased`,
      [cutoff],
    );
    const erased = rows.map((r) => r.request_id).sort();
    await this.audit.record(
      manager,
      ...erased.map((id) => ({
        actor: null,
        actorRole: 'system',
        action: 'patient.erase',
        objectType: 'request',
        objectId: id,
        details: { retentionDays: this.retentionMs / DAY },
      })),
    );
    return erased;
  }

  /**
   * Erases the bodies and attachments of mail that is done with — sent, or failed, obsolete or kept
   * and untouched since — more than MAIL_RETENTION_DAYS ago; returns how many. Pending mail is never
   * touched.
   */
  async purgeMail(manager: EntityManager, now: Date): Promise<number> {
    const [, count] = await manager.query<[unknown, number]>(
      `UPDATE mail_messages SET text_body = '', html_body = '', attachments = NULL, purged_at = $2, updated_at = now()
       WHERE purged_at IS NULL AND status IN ('sent', 'failed', 'obsolete', 'kept') AND coalesce(sent_at, updated_at) <= $1`,
      [new Date(now.getTime() - this.mailRetentionMs), now],
    );
    return count;
  }

  /**
   * Deletes timers that ran (`done`) or were cancelled more than JOBS_RETENTION_DAYS ago; returns
   * how many. Failed ones stay for a person to look at. A timer's key names one firing (the job's
   * own object or date), so no key is scheduled again that long after it ran.
   */
  async purgeJobs(manager: EntityManager, now: Date): Promise<number> {
    const [, count] = await manager.query<[unknown, number]>(
      `DELETE FROM jobs WHERE status IN ('done', 'cancelled') AND finished_at <= $1`,
      [new Date(now.getTime() - this.jobsRetentionMs)],
    );
    return count;
  }
}
