import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { RunningPostgres, startEmbeddedPostgres } from './embedded-postgres';

export const DEFAULT_EMBEDDED_PORT = 54329;

/**
 * `DATABASE_URL` when set; otherwise an embedded PostgreSQL with its data in `.data/pg`
 * (port `EMBEDDED_PG_PORT`, default 54329: never 5432, which a system server may hold).
 */
export async function resolveDatabase(
  log: (line: string) => void,
): Promise<{ url: string; embedded?: RunningPostgres }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  const port = Number(process.env.EMBEDDED_PG_PORT ?? DEFAULT_EMBEDDED_PORT);
  const dataDir = path.resolve(process.env.EMBEDDED_PG_DIR ?? path.join(projectRoot(), '.data', 'pg'));
  log(`No DATABASE_URL: starting the embedded PostgreSQL (${dataDir}, 127.0.0.1:${port})`);
  const embedded = await startEmbeddedPostgres({ dataDir, port, database: 'dispatch', notice: log });
  return { url: embedded.url, embedded };
}

/** The folder holding package.json, from source (ts) or from dist (js). */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
