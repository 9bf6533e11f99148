import { rmSync } from 'node:fs';
import type { RunningPostgres } from '../../apps/api/src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const run = (globalThis as Record<string, unknown>).__EMBEDDED_PG__ as
    { embedded: RunningPostgres; dataDir: string } | undefined;
  if (!run) return;
  await run.embedded.stop();
  rmSync(run.dataDir, { recursive: true, force: true });
}
