import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';
import { freePort } from './free-port';

/**
 * One PostgreSQL server for the whole run: DATABASE_URL when given (CI's server), otherwise an
 * embedded one of this run's own (`.data/pg-test-<pid>`, removed at the end). Each test file
 * makes its own database on it.
 */
export default async function globalSetup(): Promise<void> {
  // Several jest projects share this setup; the first one to run starts the server.
  if (process.env.TEST_SERVER_URL) return;
  if (process.env.DATABASE_URL) {
    process.env.TEST_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  const dataDir = path.resolve(__dirname, '../../.data', `pg-test-${process.pid}`);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres' });
  process.env.TEST_SERVER_URL = embedded.url;
  (globalThis as Record<string, unknown>).__EMBEDDED_PG__ = { embedded, dataDir };
}
