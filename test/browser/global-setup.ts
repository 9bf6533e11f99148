import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { compressAssets } from '../../scripts/compress-assets';
import startTestDatabaseServer from '../support/global-setup';

const root = path.resolve(__dirname, '../..');
const adminDir = path.join(root, 'apps/admin');
const builtIndex = path.join(adminDir, 'dist/index.html');
const builtAssets = path.join(adminDir, 'dist/assets');

function newestMtime(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce(
    (newest, name) => Math.max(newest, newestMtime(path.join(target, name))),
    stat.mtimeMs,
  );
}

/**
 * Builds the panel when apps/admin/dist is missing or older than its sources (a fresh clone, an
 * edit), and writes the brotli and gzip copies the API serves, as `npm run build:admin` does.
 */
async function buildAdminIfStale(): Promise<void> {
  viteBuildIfStale();
  const assets = readdirSync(builtAssets);
  if (!assets.some((name) => name.endsWith('.js.br'))) await compressAssets(builtAssets);
}

function viteBuildIfStale(): void {
  const sources = ['src', 'index.html', 'vite.config.mts', 'public']
    .map((p) => path.join(adminDir, p))
    .filter(existsSync);
  const newestSource = Math.max(...sources.map(newestMtime));
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= newestSource) return;
  process.stdout.write('\n[browser tests] building the admin panel (vite build)…\n');
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      path.join(adminDir, 'vite.config.mts'),
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
      stdio: 'inherit',
      // jest sets NODE_ENV=test, which would give React's slow development build.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
}

/**
 * The browser tests need the built panel and a PostgreSQL server. When the API tests run in the
 * same jest run, their global setup has already started the server: reuse it.
 */
export default async function globalSetup(): Promise<void> {
  await buildAdminIfStale();
  if (process.env.TEST_SERVER_URL) return;
  await startTestDatabaseServer();
  (globalThis as Record<string, unknown>).__BROWSER_STARTED_PG__ = true;
}
