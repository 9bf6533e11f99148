import { mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';
import { createTestApp, TestApp } from '../../test/support/test-app';

/**
 * Runs a benchmark against the real API on a database of its own: on DATABASE_URL's server, or
 * on an embedded PostgreSQL started for the run and removed afterwards.
 */
export async function withBenchApp<T>(name: string, run: (t: TestApp) => Promise<T>): Promise<T> {
  let stop: (() => Promise<void>) | undefined;
  const dataDir = path.resolve(__dirname, '../../.data', `pg-${name}-${process.pid}`);
  if (process.env.DATABASE_URL) {
    process.env.TEST_SERVER_URL = process.env.DATABASE_URL;
  } else {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    const embedded = await startEmbeddedPostgres({ dataDir, port: 54400 + (process.pid % 500), database: 'postgres' });
    process.env.TEST_SERVER_URL = embedded.url;
    stop = embedded.stop;
  }
  const t = await createTestApp();
  try {
    return await run(t);
  } finally {
    await t.close();
    await stop?.();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
