import { EntityManager } from 'typeorm';
import { JobsService } from '../apps/api/src/jobs/jobs.service';
import { createTestApp, createTestAppOnDatabase, TestApp } from './support/test-app';

const T0 = new Date('2026-12-01T00:00:00Z');
const MINUTE = 60_000;
const RETRY_BASE_MS = 60_000;

/** Test handlers: each writes an effect row in the job's transaction. */
function registerHandlers(jobs: JobsService): void {
  const effect = async (payload: { label: string }, manager: EntityManager, jobId: string) => {
    await manager.query('INSERT INTO job_effects (job_id, label) VALUES ($1, $2)', [jobId, payload.label]);
  };
  jobs.register<{ label: string }>('test.effect', (payload, ctx) => effect(payload, ctx.manager, ctx.jobId));
  // Writes its effect, then fails on its first `failures` attempts: the effect must not survive a failure.
  jobs.register<{ label: string; failures: number }>('test.flaky', async (payload, ctx) => {
    await effect(payload, ctx.manager, ctx.jobId);
    if (ctx.attempt <= payload.failures) throw new Error(`flaky failure for taro@example.jp, attempt ${ctx.attempt}`);
  });
}

describe('Jobs (durable timers)', () => {
  let t: TestApp;
  let jobs: JobsService;

  beforeAll(async () => {
    t = await createTestApp({ JOBS_MAX_ATTEMPTS: '3', JOBS_RETRY_BASE_MS: String(RETRY_BASE_MS) });
    jobs = t.app.get(JobsService);
    await t.dataSource.query(
      'CREATE TABLE job_effects (id serial PRIMARY KEY, job_id uuid NOT NULL, label text NOT NULL)',
    );
    registerHandlers(jobs);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    t.clock.set(T0);
    await t.dataSource.query('TRUNCATE job_effects, jobs');
  });

  const schedule = (job: { type?: string; dueAt: Date; payload: Record<string, unknown>; key?: string }) =>
    t.dataSource.transaction((m) => jobs.schedule(m, { type: 'test.effect', ...job }));
  const effects = async (label?: string): Promise<string[]> =>
    (
      await t.dataSource.query(
        `SELECT label FROM job_effects ${label ? 'WHERE label = $1' : ''} ORDER BY id`,
        label ? [label] : [],
      )
    ).map((r: { label: string }) => r.label);
  const jobRows = () => t.dataSource.query(`SELECT * FROM jobs ORDER BY created_at, id`);

  it('runs a job once when it is due, and not before', async () => {
    await schedule({ dueAt: new Date(T0.getTime() + 60 * MINUTE), payload: { label: 'due-in-an-hour' } });
    expect(await jobs.runDue()).toBe(0);
    t.clock.advance(59 * MINUTE);
    expect(await jobs.runDue()).toBe(0);
    expect(await effects()).toEqual([]);

    t.clock.advance(MINUTE);
    expect(await jobs.runDue()).toBe(1);
    expect(await effects()).toEqual(['due-in-an-hour']);
    const [row] = await jobRows();
    expect(row).toMatchObject({ status: 'done', attempts: 1, last_error: null });
    expect(row.claimed_by).toEqual(expect.any(String));

    t.clock.advance(24 * 60 * MINUTE);
    expect(await jobs.runDue()).toBe(0);
    expect(await effects()).toEqual(['due-in-an-hour']);
  });

  it('exists only if the scheduling transaction commits', async () => {
    await expect(
      t.dataSource.transaction(async (m) => {
        await jobs.schedule(m, { type: 'test.effect', dueAt: T0, payload: { label: 'rolled-back' } });
        throw new Error('the change that scheduled it failed');
      }),
    ).rejects.toThrow();
    expect(await jobRows()).toEqual([]);
  });

  it('schedules a key once: the second schedule changes nothing and the job runs once', async () => {
    await schedule({ dueAt: T0, payload: { label: 'first' }, key: 'offer-expiry:1' });
    await schedule({ dueAt: new Date(T0.getTime() + MINUTE), payload: { label: 'second' }, key: 'offer-expiry:1' });
    expect(await jobRows()).toHaveLength(1);
    expect(await jobs.runDue()).toBe(1);
    t.clock.advance(10 * MINUTE);
    await schedule({ dueAt: T0, payload: { label: 'after-done' }, key: 'offer-expiry:1' });
    expect(await jobs.runDue()).toBe(0);
    expect(await effects()).toEqual(['first']);
  });

  it('cancels by key, and re-arms a cancelled key with the new time and payload', async () => {
    const key = 'reminder:7';
    await schedule({ dueAt: new Date(T0.getTime() + 10 * MINUTE), payload: { label: 'old' }, key });
    expect(await t.dataSource.transaction((m) => jobs.cancel(m, key))).toBe(true);
    expect(await t.dataSource.transaction((m) => jobs.cancel(m, key))).toBe(false);
    t.clock.advance(10 * MINUTE);
    expect(await jobs.runDue()).toBe(0);

    await schedule({ dueAt: new Date(T0.getTime() + 30 * MINUTE), payload: { label: 'moved' }, key });
    expect(await jobs.runDue()).toBe(0);
    t.clock.advance(20 * MINUTE);
    expect(await jobs.runDue()).toBe(1);
    expect(await effects()).toEqual(['moved']);
  });

  it('schedules several jobs in one statement with the same rules: a key given twice counts once, a pending key is kept, a cancelled one re-armed', async () => {
    await schedule({ dueAt: T0, payload: { label: 'pending-before' }, key: 'k:pending' });
    await schedule({ dueAt: T0, payload: { label: 'cancelled-before' }, key: 'k:cancelled' });
    await t.dataSource.transaction((m) => jobs.cancel(m, 'k:cancelled'));
    await t.dataSource.transaction((m) =>
      jobs.scheduleMany(m, [
        { type: 'test.effect', dueAt: T0, payload: { label: 'new' }, key: 'k:new' },
        { type: 'test.effect', dueAt: T0, payload: { label: 'new-again' }, key: 'k:new' },
        { type: 'test.effect', dueAt: T0, payload: { label: 'pending-after' }, key: 'k:pending' },
        {
          type: 'test.effect',
          dueAt: new Date(T0.getTime() + MINUTE),
          payload: { label: 're-armed' },
          key: 'k:cancelled',
        },
        { type: 'test.effect', dueAt: T0, payload: { label: 'no-key' } },
      ]),
    );
    expect(await jobs.runDue()).toBe(3);
    t.clock.advance(MINUTE);
    expect(await jobs.runDue()).toBe(1);
    expect((await effects()).sort()).toEqual(['new', 'no-key', 'pending-before', 're-armed']);
  });

  it('schedules none of several jobs when the transaction rolls back', async () => {
    await expect(
      t.dataSource.transaction(async (m) => {
        await jobs.scheduleMany(m, [
          { type: 'test.effect', dueAt: T0, payload: { label: 'a' }, key: 'k:a' },
          { type: 'test.effect', dueAt: T0, payload: { label: 'b' }, key: 'k:b' },
        ]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow();
    expect(await jobRows()).toEqual([]);
  });

  it('cancels the pending jobs of a type whose payload matches', async () => {
    await schedule({ dueAt: T0, payload: { label: 'a', offerId: 'o-1' } });
    await schedule({ dueAt: T0, payload: { label: 'b', offerId: 'o-1' } });
    await schedule({ dueAt: T0, payload: { label: 'c', offerId: 'o-2' } });
    expect(await t.dataSource.transaction((m) => jobs.cancelWhere(m, 'test.effect', { offerId: 'o-1' }))).toBe(2);
    expect(await jobs.runDue()).toBe(1);
    expect(await effects()).toEqual(['c']);
  });

  it('rolls back a failing handler, retries it with growing backoff, and runs it once in the end', async () => {
    await schedule({ type: 'test.flaky', dueAt: T0, payload: { label: 'flaky', failures: 2 } });

    expect(await jobs.runDue()).toBe(0);
    expect(await effects()).toEqual([]);
    let [row] = await jobRows();
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.last_error).toContain('flaky failure for ***@***, attempt 1');
    const firstDelay = row.due_at.getTime() - T0.getTime();
    expect(firstDelay).toBeGreaterThanOrEqual(RETRY_BASE_MS / 2);
    expect(firstDelay).toBeLessThanOrEqual(RETRY_BASE_MS);
    expect(await jobs.runDue()).toBe(0);
    expect((await jobRows())[0].attempts).toBe(1);

    t.clock.set(row.due_at);
    const secondTry = row.due_at.getTime();
    expect(await jobs.runDue()).toBe(0);
    [row] = await jobRows();
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    const secondDelay = row.due_at.getTime() - secondTry;
    expect(secondDelay).toBeGreaterThanOrEqual(RETRY_BASE_MS);
    expect(secondDelay).toBeLessThanOrEqual(2 * RETRY_BASE_MS);
    expect(await effects()).toEqual([]);

    t.clock.set(row.due_at);
    expect(await jobs.runDue()).toBe(1);
    expect(await effects()).toEqual(['flaky']);
    expect((await jobRows())[0]).toMatchObject({ status: 'done', attempts: 3 });
  });

  it('gives up after JOBS_MAX_ATTEMPTS, and one job failing never holds up the others', async () => {
    await schedule({ type: 'test.flaky', dueAt: T0, payload: { label: 'broken', failures: 99 } });
    await schedule({ dueAt: T0, payload: { label: 'fine' } });
    expect(await jobs.runDue()).toBe(1);
    expect(await effects()).toEqual(['fine']);
    for (let i = 0; i < 5; i++) {
      t.clock.advance(24 * 60 * MINUTE);
      await jobs.runDue();
    }
    const broken = (await jobRows()).find((r: { type: string }) => r.type === 'test.flaky');
    expect(broken).toMatchObject({ status: 'failed', attempts: 3 });
    expect(broken.finished_at).toEqual(expect.any(Date));
    expect(await effects('broken')).toEqual([]);
  });

  it('leaves jobs of types this instance has no handler for', async () => {
    await schedule({ type: 'test.unknown', dueAt: T0, payload: {} });
    expect(await jobs.runDue()).toBe(0);
    expect((await jobRows())[0]).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('runs every job exactly once when two instances on one database run due jobs at the same time', async () => {
    const second = await createTestAppOnDatabase(t.databaseUrl, { JOBS_MAX_ATTEMPTS: '3' });
    try {
      const otherJobs = second.app.get(JobsService);
      registerHandlers(otherJobs);
      second.clock.set(T0);
      await t.dataSource.query(
        `INSERT INTO jobs (type, due_at, payload) SELECT 'test.effect', $1, jsonb_build_object('label', 'bulk-' || n) FROM generate_series(1, 200) n`,
        [T0.toISOString()],
      );
      const counts = await Promise.all([
        jobs.runDue(1000),
        otherJobs.runDue(1000),
        jobs.runDue(1000),
        otherJobs.runDue(1000),
      ]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(200);

      const perJob = await t.dataSource.query(`SELECT job_id, count(*)::int AS n FROM job_effects GROUP BY job_id`);
      expect(perJob).toHaveLength(200);
      expect(perJob.every((r: { n: number }) => r.n === 1)).toBe(true);
      const [{ done }] = await t.dataSource.query(
        `SELECT count(*)::int AS done FROM jobs WHERE status = 'done' AND attempts = 1`,
      );
      expect(done).toBe(200);
      const instances = await t.dataSource.query(`SELECT DISTINCT claimed_by FROM jobs`);
      expect(instances.length).toBeGreaterThanOrEqual(1);
    } finally {
      await second.close();
    }
  });
});

describe('Jobs ticker', () => {
  it('runs due jobs on its own when JOBS_ENABLED, and stops cleanly on shutdown', async () => {
    const t = await createTestApp({ JOBS_ENABLED: 'true', JOBS_TICK_MS: '100' });
    let closed = false;
    try {
      await t.dataSource.query('CREATE TABLE tick_effects (job_id uuid PRIMARY KEY)');
      t.app.get(JobsService).register('test.tick', async (_payload, ctx) => {
        await ctx.manager.query('INSERT INTO tick_effects (job_id) VALUES ($1)', [ctx.jobId]);
      });
      await t.dataSource.transaction((m) =>
        t.app.get(JobsService).schedule(m, { type: 'test.tick', dueAt: t.clock.now(), payload: {} }),
      );
      const deadline = Date.now() + 10_000;
      let ran = 0;
      while (Date.now() < deadline && ran === 0) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        [{ ran }] = await t.dataSource.query('SELECT count(*)::int AS ran FROM tick_effects');
      }
      expect(ran).toBe(1);
      await t.close();
      closed = true;
    } finally {
      if (!closed) await t.close();
    }
  });
});
