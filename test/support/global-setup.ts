import * as path from 'node:path';
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';

/**
 * One PostgreSQL server for the whole run: DATABASE_URL when given (CI's server), otherwise an
 * embedded one in `.data/pg-test` on its own port. Each test file makes its own database on it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  const port = Number(process.env.TEST_PG_PORT ?? 54330);
  const embedded = await startEmbeddedPostgres({
    dataDir: path.resolve(__dirname, '../../.data/pg-test'),
    port,
    database: 'postgres',
  });
  process.env.TEST_SERVER_URL = embedded.url;
  (globalThis as Record<string, unknown>).__EMBEDDED_PG__ = embedded;
}
