import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { Client } from 'pg';
import { freePort } from './support/free-port';
import { TestSmtpServer } from './support/smtp-server';
import { createTestDatabase } from './support/test-database';

const ROOT = path.resolve(__dirname, '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(200);
  }
}

/**
 * `WEB_CONCURRENCY=2`: the real start-up (apps/api/src/main.ts) runs a primary and two API
 * processes on one port; timers and mail are claimed through PostgreSQL, so each due job runs
 * once and each mail goes out once although both workers tick.
 */
describe('Several workers per machine (WEB_CONCURRENCY)', () => {
  let database: { url: string; drop(): Promise<void> };
  let smtp: TestSmtpServer;
  let api: ChildProcess;
  let output = '';
  let port: number;
  let db: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await TestSmtpServer.start();
    port = await freePort();
    api = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          TS_NODE_PROJECT: 'tsconfig.json',
          NODE_ENV: 'test',
          WEB_CONCURRENCY: '2',
          PORT: String(port),
          DATABASE_URL: database.url,
          SMTP_URL: smtp.url,
          ADMIN_EMAIL: 'admin@workers.example.jp',
          ADMIN_PASSWORD: 'admin-password-workers-1',
          // Unset: the workers must still accept each other's tokens (one key for all).
          JWT_SECRET: undefined,
          JOBS_TICK_MS: '100',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    api.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    api.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await until(
      'two workers listening',
      () => Promise.resolve(/2 workers \(WEB_CONCURRENCY\)/.test(output) ? true : undefined),
      150_000,
    );
    db = new Client({ connectionString: database.url });
    await db.connect();
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    if (api && api.exitCode === null) {
      const exited = new Promise((resolve) => api.once('exit', resolve));
      api.kill('SIGTERM');
      await exited;
    }
    await smtp?.stop();
    await database?.drop();
  }, 60_000);

  const workerPids = () => {
    const match = /pids (\d+), (\d+)/.exec(output);
    if (!match) throw new Error(`No worker pids in the output:\n${output}`);
    return [Number(match[1]), Number(match[2])];
  };

  it('serves the port from two processes besides the primary', async () => {
    const pids = workerPids();
    expect(new Set(pids).size).toBe(2);
    expect(pids).not.toContain(api.pid);
    for (const pid of pids) expect(() => process.kill(pid, 0)).not.toThrow();
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
  });

  it('accepts a token from one worker on the other (one signing key without JWT_SECRET)', async () => {
    const signIn = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@workers.example.jp', password: 'admin-password-workers-1' }),
    });
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    // Connections are handed out round-robin: a dozen fresh ones reach both workers.
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        fetch(`http://127.0.0.1:${port}/api/auth/me`, {
          headers: { authorization: `Bearer ${accessToken}`, connection: 'close' },
        }).then((r) => r.status),
      ),
    );
    expect(answers).toEqual(Array(12).fill(200));
  });

  it('runs each due timer once and sends each mail once while both workers tick', async () => {
    const jobs = Array.from({ length: 60 }, () => randomUUID());
    await db.query(
      `INSERT INTO jobs (type, due_at, payload)
       SELECT 'request.next-wave', now(), jsonb_build_object('requestId', id, 'wave', 1) FROM unnest($1::uuid[]) id`,
      [jobs],
    );
    const mails = Array.from({ length: 30 }, (_, n) => `worker-mail-${n}-${randomUUID().slice(0, 8)}`);
    await db.query(
      `INSERT INTO mail_messages (idempotency_key, to_address, locale, template, subject, text_body, html_body,
                                  next_attempt_at, message_id)
       SELECT key, key || '@volunteers.example.jp', 'ja', 'test', 'テスト', '本文', '<p>本文</p>', now(), '<' || key || '@dispatch.example.jp>'
         FROM unnest($1::text[]) key`,
      [mails],
    );

    const done = await until('every job and mail handled', async () => {
      const [{ open }] = (
        await db.query(
          `SELECT (SELECT count(*) FROM jobs WHERE type = 'request.next-wave' AND status <> 'done')::int
                + (SELECT count(*) FROM mail_messages WHERE status <> 'sent')::int AS open`,
        )
      ).rows;
      return open === 0 ? true : undefined;
    });
    expect(done).toBe(true);
    await sleep(500); // a double send would arrive now

    const runs = (await db.query(`SELECT attempts, claimed_by FROM jobs WHERE type = 'request.next-wave'`)).rows;
    expect(runs).toHaveLength(60);
    expect(runs.every((r: { attempts: number }) => r.attempts === 1)).toBe(true);
    const claimedBy = new Set(runs.map((r: { claimed_by: string }) => Number(r.claimed_by.split(':').at(-2))));
    for (const pid of claimedBy) expect(workerPids()).toContain(pid);

    const received = smtp.received.filter((m) => m.subject === 'テスト').map((m) => m.to[0].split('@')[0]);
    expect(received.sort()).toEqual([...mails].sort());
  }, 90_000);
});
