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
 */
@Injectable()
export class RetentionService implements OnModuleInit, OnApplicationBootstrap {
  private readonly retentionMs: number;
  private readonly jobsEnabled: boolean;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.retentionMs = config.get('PATIENT_RETENTION_DAYS', { infer: true }) * DAY;
    this.jobsEnabled = config.get('JOBS_ENABLED', { infer: true });
  }

  onModuleInit(): void {
    this.jobs.register(RETENTION_JOB, async (_payload, { manager, now }) => {
      await this.sweep(manager, now);
      await scheduleDailySweep(this.jobs, manager, RETENTION_JOB, SWEEP_HOUR, now);
    });
  }

  /** Instances that run timers make sure the next sweep is scheduled. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.jobsEnabled) await this.scheduleSweep();
  }

  async scheduleSweep(): Promise<void> {
    await this.dataSource.transaction((m) => scheduleDailySweep(this.jobs, m, RETENTION_JOB, SWEEP_HOUR, this.clock.now()));
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
      ...erased.map((id) => ({ actor: null, actorRole: 'system', action: 'patient.erase', objectType: 'request', objectId: id, details: { retentionDays: this.retentionMs / DAY } })),
    );
    return erased;
  }
}
