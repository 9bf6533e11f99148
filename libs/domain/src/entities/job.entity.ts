import { Check, Column, Entity, Index } from 'typeorm';
import { BaseEntity } from './base.entity';
import type { JobStatus } from '../model';

/**
 * A durable timer: "run handler `type` with `payload` at `due_at`". Any API instance may claim a
 * due job (`FOR UPDATE SKIP LOCKED`); the handler's effects and `status = 'done'` commit in one
 * transaction, so a job runs exactly once. `key` makes scheduling idempotent.
 */
@Entity('jobs')
@Check('ck_jobs_status', `"status" IN ('pending', 'done', 'failed', 'cancelled')`)
@Check('ck_jobs_attempts', `"attempts" >= 0`)
@Index('ix_jobs_status_due', ['status', 'dueAt'])
export class Job extends BaseEntity {
  @Column({ type: 'varchar', length: 64 })
  type: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  /** Ids only, never personal data. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  payload: Record<string, unknown>;

  /** Idempotency key: one job per key (see JobsService.schedule). */
  @Index('uq_jobs_key', { unique: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  key: string | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: JobStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** The error's kind and message, trimmed and with e-mail addresses masked. */
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  /** The instance that last ran (or tried) the job. */
  @Column({ name: 'claimed_by', type: 'varchar', length: 100, nullable: true })
  claimedBy: string | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
