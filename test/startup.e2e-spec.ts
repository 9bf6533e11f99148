import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { freePort } from './support/free-port';

const ROOT = path.resolve(__dirname, '..');
const MAIN = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'];

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  running.clear();
});

function startApi(env: Record<string, string | undefined>): Started {
  // A newcomer's environment: none of the settings other test files put into this worker.
  const inherited = { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR };
  const child = spawn(process.execPath, MAIN, {
    cwd: ROOT,
    env: {
      ...inherited,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      JOBS_ENABLED: 'false',
      TS_NODE_PROJECT: 'tsconfig.json',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForHealth(port: number, started: Started, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`API exited early:\n${started.output()}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`API did not become healthy:\n${started.output()}`);
}

/** The start-up path of `npm start`, as a process: embedded database, migrations, admin, health. */
describe('Start-up (process)', () => {
  const dataRoot = mkdtempSync(path.join(tmpdir(), 'dispatch-startup-'));
  chmodSync(dataRoot, 0o755); // as root, the embedded server runs as "postgres" and must enter it
  const pgDir = path.join(dataRoot, 'pg');
  let port: number;
  let env: Record<string, string>;
  beforeAll(async () => {
    port = await freePort();
    env = { PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()), EMBEDDED_PG_DIR: pgDir };
  });
  afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

  it('starts on a fresh embedded database, serves health and docs, stops cleanly, and reuses the data on the next start', async () => {
    const first = startApi(env);
    await waitForHealth(port, first);
    const docs = (await fetch(`http://127.0.0.1:${port}/api/docs-json`).then((r) => r.json())) as { paths: object };
    expect(docs.paths).toHaveProperty('/api/auth/login');
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.jp', password: 'admin-demo-2026' }),
    });
    expect(login.status).toBe(200);
    expect(first.output()).toContain('Demo admin sign-in');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = startApi(env);
    await waitForHealth(port, second);
    expect(second.output()).not.toContain('initdb');
    const again = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.jp', password: 'admin-demo-2026' }),
    });
    expect(again.status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 120_000);

  it('starts again after a crash that left the embedded PostgreSQL running (kill -9)', async () => {
    const crashed = startApi(env);
    await waitForHealth(port, crashed);
    crashed.child.kill('SIGKILL');
    await crashed.exited;
    // The postmaster outlives its parent and still holds the port and the data folder.
    const pid = Number(readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(() => process.kill(pid, 0)).not.toThrow();

    const next = startApi(env);
    await waitForHealth(port, next);
    expect(next.output()).toContain('left running by an earlier start');
    expect(() => process.kill(pid, 0)).toThrow();
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
  }, 120_000);

  it('fails fast with a readable message when DATABASE_URL points nowhere', async () => {
    const started = startApi({
      PORT: String(await freePort()),
      DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/nothing',
    });
    const code = await started.exited;
    expect(code).toBe(1);
    expect(started.output()).toContain(
      'Start-up failed: Cannot reach the database at postgres://nobody:***@127.0.0.1:1/nothing',
    );
    expect(started.output()).not.toContain('secret');
    expect(started.output()).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('refuses a malformed setting at start-up, naming it', async () => {
    const started = startApi({ PORT: 'not-a-port', DATABASE_URL: process.env.TEST_SERVER_URL });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('PORT');
    expect(started.output()).not.toMatch(/\n\s+at /);
  }, 30_000);
});
