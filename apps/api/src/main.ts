import 'reflect-metadata';
import cluster from 'node:cluster';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { configureApp } from './app.setup';
import { envSchema } from './config/env.validation';
import { resolveDatabase } from './database/database-url';
import { describeDatabaseUrl } from './database/typeorm-options';
import { runPrimary, webConcurrency } from './web-concurrency';

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Fails fast, in one readable line, when the database cannot be reached. */
async function assertReachable(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(`Cannot reach the database at ${describeDatabaseUrl(url)}: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

let stopDatabase: (() => Promise<void>) | undefined;

/** Checks the settings before anything starts, so a bad one is one clear line. */
function assertValidEnvironment(): void {
  const { error } = envSchema.fork(['DATABASE_URL'], (s) => s.optional()).validate(process.env, { abortEarly: false });
  if (error) throw new Error(`Invalid settings: ${error.details.map((d) => d.message).join('; ')}`);
}

async function main(): Promise<void> {
  assertValidEnvironment();
  const workers = webConcurrency(process.env);
  // With several workers the primary starts the database (embedded or not) once and only forks;
  // each worker is a whole API process on the shared port (node:cluster hands out connections).
  if (workers > 1 && cluster.isPrimary) {
    const { url, embedded } = await resolveDatabase(say);
    stopDatabase = embedded?.stop;
    process.env.DATABASE_URL = url;
    await assertReachable(url);
    await runPrimary(workers, { say, stopDatabase: embedded?.stop });
    say(`Database: ${describeDatabaseUrl(url)}`);
    return;
  }
  const worker = cluster.isWorker;
  const demoAdmin = !process.env.ADMIN_PASSWORD;
  const { url, embedded } = await resolveDatabase(say);
  stopDatabase = embedded?.stop;
  process.env.DATABASE_URL = url;
  await assertReachable(url);
  // Imported only now: the config module validates the environment when the module loads.
  const { AppModule } = await import('./app.module');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(), { bufferLogs: true });
  configureApp(app);
  // Graceful shutdown: stop taking requests, let in-flight ones finish, then stop the database.
  let closing = false;
  const shutdown = async (signal: string) => {
    // A worker hears Ctrl-C from the terminal and SIGTERM from the primary: close once.
    if (closing) return;
    closing = true;
    if (!worker) say(`${signal}: shutting down`);
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port);
  // A worker's start-up lines are the primary's to print, once for all.
  if (worker) return;
  const base = process.env.APP_URL ?? `http://localhost:${port}`;
  say(
    `\nMedical interpreter dispatch is running: ${base}/api  (OpenAPI: ${base}/api/docs, health: ${base}/api/health)`,
  );
  say(`Database: ${describeDatabaseUrl(url)}`);
  if (demoAdmin) say(`Demo admin sign-in: ${process.env.ADMIN_EMAIL ?? 'admin@example.jp'} / admin-demo-2026`);
}

main().catch(async (error: Error) => {
  process.stderr.write(`\nStart-up failed: ${error.message}\n`);
  await stopDatabase?.().catch(() => undefined);
  process.exit(1);
});
