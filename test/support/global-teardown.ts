import type { RunningPostgres } from '../../apps/api/src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as Record<string, unknown>).__EMBEDDED_PG__ as RunningPostgres | undefined;
  await embedded?.stop();
}
