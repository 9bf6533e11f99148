import stopTestDatabaseServer from '../support/global-teardown';

/** Stops the PostgreSQL server only when the browser tests' own setup started it. */
export default async function globalTeardown(): Promise<void> {
  if ((globalThis as Record<string, unknown>).__BROWSER_STARTED_PG__) await stopTestDatabaseServer();
}
