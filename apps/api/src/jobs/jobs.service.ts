import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/env.validation';
import { describeError, retryDelayMs } from './retry';
import { valuesList } from '../database/values-list';

export interface JobContext {
  /** The transaction the job runs in: write the job's effects through it. */
  manager: EntityManager;
  /** The clock's time when the job was claimed. */
  now: Date;
  jobId: string;
  /** 1 on the first try. */
  attempt: number;
}

export type JobHandler<P = Record<string, unknown>> = (payload: P, ctx: JobContext) => Promise<void>;

export interface NewJob {
  type: string;
  dueAt: Date;
  /** Ids only: the payload is stored as it is and must carry no personal data. */
  payload: Record<string, unknown>;
  /** Idempotency key; see `schedule`. */
  key?: string;
}

/** Identifies this process in `jobs.claimed_by`; overridable in tests. */
export const JOBS_INSTANCE_ID = Symbol('JOBS_INSTANCE_ID');

interface ClaimedJob {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * Durable timers in PostgreSQL. Features schedule jobs inside their own transactions and
 * register a handler per type (in `onModuleInit`); `runDue` — called by the ticker on every
 * instance — claims due jobs with `FOR UPDATE SKIP LOCKED` and runs each in a transaction of its
 * own, so the handler's effects and `status = 'done'` commit together: a job runs exactly once
 * however many instances tick. The row lock is the lease: an instance that dies mid-job loses its
 * connection, PostgreSQL rolls the transaction back and another instance runs the job.
 */
@Injectable()
export class JobsService {
  private readonly logger = new Logger(JobsService.name);
  private readonly handlers = new Map<string, JobHandler>();
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    config: ConfigService<AppConfig, true>,
    @Inject(JOBS_INSTANCE_ID) private readonly instance: string,
  ) {
    this.maxAttempts = config.get('JOBS_MAX_ATTEMPTS', { infer: true });
    this.retryBaseMs = config.get('JOBS_RETRY_BASE_MS', { infer: true });
  }

  /** Sets the handler of a job type; one handler per type. */
  register<P = Record<string, unknown>>(type: string, handler: JobHandler<P>): void {
    if (this.handlers.has(type)) throw new Error(`A handler for job type "${type}" is already registered`);
    // Each type's payload is the one its scheduler wrote; the map itself only knows JSON objects.
    this.handlers.set(type, handler as JobHandler);
  }

  /**
   * Schedules a job in the caller's transaction (it exists only if that transaction commits).
   *
   * Keys: a key names one firing of a timer. While a job with the key is pending, scheduling it
   * again changes nothing (the first due time and payload stay). A cancelled job is re-armed with
   * the new due time and payload, so "cancel, then schedule with the same key" moves a timer.
   * A job that already ran (done) or gave up (failed) is never run again under the same key:
   * use a new key (e.g. with a version or the new time in it) for a new firing.
   */
  async schedule(manager: EntityManager, job: NewJob): Promise<void> {
    await this.scheduleMany(manager, [job]);
  }

  /**
   * `schedule` for several jobs in one statement (a wave arms its offers' expiry and the next
   * wave). A key given twice counts once, the first time, as two calls would.
   */
  async scheduleMany(manager: EntityManager, jobs: readonly NewJob[]): Promise<void> {
    const seen = new Set<string>();
    const rows = jobs.filter((job) => {
      if (job.key == null) return true;
      if (seen.has(job.key)) return false;
      seen.add(job.key);
      return true;
    });
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO jobs (type, due_at, payload, key)
       VALUES ${valuesList(rows.length, ['', '', 'jsonb', ''])}
       ON CONFLICT (key) DO UPDATE
         SET type = EXCLUDED.type, due_at = EXCLUDED.due_at, payload = EXCLUDED.payload, status = 'pending',
             attempts = 0, last_error = NULL, claimed_by = NULL, finished_at = NULL, updated_at = now()
         WHERE jobs.status = 'cancelled'`,
      rows.flatMap((job) => [job.type, job.dueAt.toISOString(), JSON.stringify(job.payload ?? {}), job.key ?? null]),
    );
  }

  /** Cancels the pending job with this key; returns whether there was one. */
  async cancel(manager: EntityManager, key: string): Promise<boolean> {
    const [, count] = await manager.query<[unknown, number]>(
      `UPDATE jobs SET status = 'cancelled', finished_at = $2, updated_at = now() WHERE key = $1 AND status = 'pending'`,
      [key, this.clock.now().toISOString()],
    );
    return count > 0;
  }

  /**
   * Cancels the pending jobs of the given type(s) — `null` for any type — whose payload contains
   * `payloadMatch` (jsonb `@>`, e.g. `{ requestId }`); returns how many.
   */
  async cancelWhere(
    manager: EntityManager,
    type: string | readonly string[] | null,
    payloadMatch: Record<string, unknown>,
  ): Promise<number> {
    const types = type === null ? null : typeof type === 'string' ? [type] : [...type];
    const [, count] = await manager.query<[unknown, number]>(
      `UPDATE jobs SET status = 'cancelled', finished_at = $3, updated_at = now()
       WHERE ($1::text[] IS NULL OR type = ANY($1::text[])) AND status = 'pending' AND payload @> $2::jsonb`,
      [types, JSON.stringify(payloadMatch), this.clock.now().toISOString()],
    );
    return count;
  }

  /** Whether a pending job of this type has a payload containing `payloadMatch` (jsonb `@>`). */
  async hasPending(manager: EntityManager, type: string, payloadMatch: Record<string, unknown>): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM jobs WHERE type = $1 AND status = 'pending' AND payload @> $2::jsonb LIMIT 1`,
      [type, JSON.stringify(payloadMatch)],
    );
    return rows.length > 0;
  }

  /**
   * Runs up to `limit` due jobs of the registered types, one transaction each; returns how many
   * completed. A handler that throws has its effects rolled back; the job is retried later with
   * exponential backoff, and marked failed after JOBS_MAX_ATTEMPTS. One job's failure never
   * stops the others.
   */
  async runDue(limit = 100): Promise<number> {
    const types = [...this.handlers.keys()];
    if (types.length === 0) return 0;
    let completed = 0;
    for (let i = 0; i < limit; i++) {
      const outcome = await this.runOne(types);
      if (outcome === 'none') break;
      if (outcome === 'done') completed++;
    }
    return completed;
  }

  /**
   * Runs the pending job with this key now, if it is due and no other instance holds it, exactly
   * as the ticker would (its own transaction, retried later on failure). For work a request
   * starts but should not hold its transaction open for: the caller commits, then runs it here;
   * if this process dies first, the ticker runs it.
   */
  runNow(key: string): Promise<'none' | 'done' | 'retry'> {
    return this.runOne([...this.handlers.keys()], key);
  }

  private async runOne(types: string[], key?: string): Promise<'none' | 'done' | 'retry'> {
    const runner = this.dataSource.createQueryRunner();
    let claimed: ClaimedJob | null = null;
    await runner.connect();
    try {
      await runner.startTransaction();
      const now = this.clock.now();
      const [job] = (await (key === undefined
        ? runner.query(
            `SELECT id, type, payload, attempts FROM jobs
             WHERE status = 'pending' AND due_at <= $1 AND type = ANY($2)
             ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
            [now.toISOString(), types],
          )
        : runner.query(
            `SELECT id, type, payload, attempts FROM jobs
             WHERE key = $3 AND status = 'pending' AND due_at <= $1 AND type = ANY($2)
             FOR UPDATE SKIP LOCKED`,
            [now.toISOString(), types, key],
          ))) as ClaimedJob[];
      if (!job) {
        await runner.commitTransaction();
        return 'none';
      }
      claimed = job;
      const outcome = await this.execute(runner, job, now);
      await runner.commitTransaction();
      return outcome;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      // The transaction itself broke (e.g. the savepoint could not be restored): the job's
      // effects are rolled back with it; count the attempt in a small transaction of its own.
      if (claimed) await this.recordBrokenAttempt(claimed, error).catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async recordBrokenAttempt(job: ClaimedJob, error: unknown): Promise<void> {
    const attempt = job.attempts + 1;
    const now = this.clock.now();
    await this.dataSource.query(
      `UPDATE jobs SET attempts = $2, last_error = $3, claimed_by = $4, updated_at = now(),
         status = CASE WHEN $2 >= $5 THEN 'failed' ELSE 'pending' END, due_at = $6
       WHERE id = $1 AND status = 'pending' AND attempts = $7`,
      [
        job.id,
        attempt,
        describeError(error),
        this.instance,
        this.maxAttempts,
        new Date(now.getTime() + retryDelayMs(attempt, this.retryBaseMs)).toISOString(),
        job.attempts,
      ],
    );
  }

  /**
   * Runs the handler behind a savepoint, still holding the job's row lock: on success the job
   * is marked done; on failure the handler's effects are undone and the retry is recorded, both
   * in the same transaction (no other instance can grab the job in between).
   */
  private async execute(runner: QueryRunner, job: ClaimedJob, now: Date): Promise<'done' | 'retry'> {
    const attempt = job.attempts + 1;
    const handler = this.handlers.get(job.type)!;
    await runner.query('SAVEPOINT job_handler');
    try {
      await handler(job.payload, { manager: runner.manager, now, jobId: job.id, attempt });
    } catch (error) {
      await runner.query('ROLLBACK TO SAVEPOINT job_handler');
      const gaveUp = attempt >= this.maxAttempts;
      const retryAt = new Date(now.getTime() + retryDelayMs(attempt, this.retryBaseMs));
      await runner.query(
        `UPDATE jobs SET attempts = $2, last_error = $3, claimed_by = $4, updated_at = now(),
           status = CASE WHEN $5::boolean THEN 'failed' ELSE 'pending' END,
           due_at = CASE WHEN $5::boolean THEN due_at ELSE $6 END,
           finished_at = CASE WHEN $5::boolean THEN $7::timestamptz ELSE NULL END
         WHERE id = $1`,
        [job.id, attempt, describeError(error), this.instance, gaveUp, retryAt.toISOString(), now.toISOString()],
      );
      const message = `Job ${job.type} ${job.id} attempt ${attempt} failed${gaveUp ? ', giving up' : ''}: ${describeError(error)}`;
      if (gaveUp) this.logger.error(message);
      else this.logger.warn(message);
      return 'retry';
    }
    await runner.query('RELEASE SAVEPOINT job_handler');
    await runner.query(
      `UPDATE jobs SET status = 'done', attempts = $2, claimed_by = $3, finished_at = $4, updated_at = now() WHERE id = $1`,
      [job.id, attempt, this.instance, now.toISOString()],
    );
    return 'done';
  }
}
