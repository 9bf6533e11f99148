import cluster, { Worker } from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';

/**
 * How many API processes serve the port: WEB_CONCURRENCY when set, else one per core in
 * production and one elsewhere (development, tests).
 */
export function webConcurrency(env: NodeJS.ProcessEnv): number {
  if (env.WEB_CONCURRENCY !== undefined && env.WEB_CONCURRENCY !== '') {
    const n = Number(env.WEB_CONCURRENCY);
    if (!Number.isInteger(n) || n < 1 || n > 64)
      throw new Error(`Invalid settings: "WEB_CONCURRENCY" must be a whole number from 1 to 64`);
    return n;
  }
  return env.NODE_ENV === 'production' ? availableParallelism() : 1;
}

/** A worker that dies this soon after its start is not restarted (a start-up error would loop). */
const MIN_UPTIME_MS = 10_000;

interface PrimaryOptions {
  say: (line: string) => void;
  stopDatabase?: () => Promise<void>;
}

/**
 * The primary of WEB_CONCURRENCY > 1: forks one worker and waits until it listens (it runs the
 * migrations and, with SEED_DEMO, the demo seed, so the others start on a ready database), then
 * the rest. A worker that dies later is replaced. SIGINT/SIGTERM: every worker drains and exits,
 * then the embedded database stops. Timers and mail need nothing here: each worker claims them
 * through PostgreSQL (jobs and mail rows), so N workers run each once.
 */
export async function runPrimary(count: number, { say, stopDatabase }: PrimaryOptions): Promise<void> {
  // Without JWT_SECRET each process would sign with a random key of its own, and a token from
  // one worker would be refused by the next: the workers share one random key instead.
  if (!process.env.JWT_SECRET) {
    process.env.JWT_SECRET = randomBytes(48).toString('base64url');
    say('JWT_SECRET is not set: the workers share a random key; sessions end on restart');
  }
  let stopping = false;
  const started = new Map<Worker, number>();
  const fork = () => {
    const worker = cluster.fork();
    started.set(worker, Date.now());
    return worker;
  };
  const listening = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      worker.once('listening', () => resolve());
      worker.once('exit', (code) => reject(new Error(`a worker exited during start-up (code ${code})`)));
    });

  cluster.on('exit', (worker, code, signal) => {
    const uptime = Date.now() - (started.get(worker) ?? 0);
    started.delete(worker);
    if (stopping || uptime < MIN_UPTIME_MS) return;
    say(`Worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: shutting down ${started.size} worker(s)`);
    const exited = [...started.keys()].map(
      (worker) => new Promise((resolve) => (worker.isDead() ? resolve(null) : worker.once('exit', resolve))),
    );
    for (const worker of started.keys()) worker.process.kill('SIGTERM');
    await Promise.all(exited);
    await stopDatabase?.();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await listening(fork());
    await Promise.all(Array.from({ length: count - 1 }, () => listening(fork())));
  } catch (error) {
    stopping = true;
    for (const worker of started.keys()) worker.process.kill('SIGTERM');
    throw error;
  }
  const port = Number(process.env.PORT ?? 3000);
  const base = process.env.APP_URL ?? `http://localhost:${port}`;
  say(
    `\nMedical interpreter dispatch is running: ${base}/api  (OpenAPI: ${base}/api/docs, health: ${base}/api/health)`,
  );
  say(`${count} workers (WEB_CONCURRENCY), pids ${[...started.keys()].map((w) => w.process.pid).join(', ')}`);
  if (!process.env.ADMIN_PASSWORD)
    say(`Demo admin sign-in: ${process.env.ADMIN_EMAIL ?? 'admin@example.jp'} / admin-demo-2026`);
}
