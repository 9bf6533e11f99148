import { readFileSync } from 'node:fs';
import { ActorCache } from '../apps/api/src/users/actor-cache';
import { aUser } from './support/factories';
import { ADMIN, createTestApp, login, TestApp } from './support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds until `probe` answers true (polling every `everyMs`), or throws after `timeoutMs`. */
async function msUntil(what: string, probe: () => Promise<boolean>, timeoutMs = 2_000, everyMs = 5): Promise<number> {
  const started = Date.now();
  while (!(await probe())) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await sleep(everyMs);
  }
  return Date.now() - started;
}

/**
 * Each API process keeps signed-in callers' accounts in memory (ActorCache) instead of reading
 * `users` on every call. Another worker's change reaches this process only through the database
 * (the row's trigger and its notification), so SQL on the table from the test's own connection
 * stands for it. (A second Nest app in this process cannot: passport's strategies are global, so
 * both apps would check tokens with whichever registered last.)
 */
describe('The signed-in caller, kept in memory and forgotten when the account changes', () => {
  let a: TestApp;

  beforeAll(async () => {
    a = await createTestApp();
  });
  afterAll(async () => {
    await a.close();
  });

  const me = (t: TestApp, auth: string) => t.http().get('/api/auth/me').set('Authorization', auth);
  const setTrigger = (enabled: boolean) =>
    a.dataSource.query(`ALTER TABLE users ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER trg_users_actor_changed`);

  /** A member of staff signed in on the app, their account read once (and so kept in memory). */
  async function signedInStaff() {
    const staff = await aUser(a, { role: 'staff' });
    const session = await login(a, staff.email, staff.password);
    await me(a, session.auth).expect(200);
    return { staff, session };
  }

  it('answers from memory; a deactivation made by another process ends the session here within its notification', async () => {
    const { staff, session } = await signedInStaff();
    expect(a.app.get(ActorCache).get(staff.id)).toMatchObject({ id: staff.id, role: 'staff' });

    // The memory is what answers: with the database's notification switched off, a change made
    // behind the API's back is not seen (this is why the trigger exists).
    await setTrigger(false);
    try {
      await a.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [staff.id]);
      await me(a, session.auth).expect(200);
      await a.dataSource.query(`UPDATE users SET active = true WHERE id = $1`, [staff.id]);
    } finally {
      await setTrigger(true);
    }

    // Another worker deactivates the account: its commit notifies every process.
    await a.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [staff.id]);
    const ms = await msUntil('the session to end', async () => (await me(a, session.auth)).status === 401);
    expect(ms).toBeLessThan(1_000);
  });

  it('a new session generation written elsewhere (a password reset in another worker) ends the session', async () => {
    const { staff: other, session } = await signedInStaff();
    await a.dataSource.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [other.id]);
    expect(await msUntil('the process to forget', async () => (await me(a, session.auth)).status === 401)).toBeLessThan(
      1_000,
    );
  });

  it('a notification for everyone (what a TRUNCATE of the table sends) forgets every account', async () => {
    const { staff } = await signedInStaff();
    const cache = a.app.get(ActorCache);
    expect(cache.get(staff.id)).not.toBeUndefined();
    await a.dataSource.query(`SELECT pg_notify('actor_changed', '*')`);
    await msUntil('everyone to be forgotten', () => Promise.resolve(cache.get(staff.id) === undefined));
  });

  it('the process that makes the change forgets at once (the next call, no waiting)', async () => {
    const { staff, session } = await signedInStaff();
    const admin = await login(a, ADMIN.email, ADMIN.password);
    // Even without the notification, the change's own process does not answer from memory.
    await setTrigger(false);
    try {
      await a
        .http()
        .patch(`/api/users/${staff.id}`)
        .set('Authorization', admin.auth)
        .send({ role: 'admin' })
        .expect(200);
      await me(a, session.auth).expect(401);
    } finally {
      await setTrigger(true);
    }
  });

  it('with its listening connection lost, a process keeps nothing in memory until it listens again', async () => {
    const { staff, session } = await signedInStaff();
    const cache = a.app.get(ActorCache);
    expect(cache.get(staff.id)).not.toBeUndefined();

    await setTrigger(false);
    try {
      await a.dataSource.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE application_name = 'kumamoto-dispatch-actor-cache' AND datname = current_database()`,
      );
      await msUntil('the cache to drop what it held', () => Promise.resolve(cache.get(staff.id) === undefined));
      // Not cached while deaf: a change nobody was told about is read from the table.
      await a.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [staff.id]);
      await me(a, session.auth).expect(401);
      await a.dataSource.query(`UPDATE users SET active = true WHERE id = $1`, [staff.id]);
    } finally {
      await setTrigger(true);
    }
    // It listens again (within a second or so) and caches again.
    await msUntil(
      'the cache to listen again',
      async () => {
        await me(a, session.auth).expect(200);
        return cache.get(staff.id) !== undefined;
      },
      5_000,
    );
  });

  /**
   * The listening connection's server process, frozen (SIGSTOP) and thawed: a connection that a
   * NAT or load balancer drops silently — no error, no reset, nothing answers. Only where that
   * process is on this machine and ours to signal (the embedded PostgreSQL, or CI's server as
   * root); elsewhere the test says why it could not run.
   */
  async function freezeListener(): Promise<{ thaw(): void } | string> {
    const url = new URL(process.env.TEST_SERVER_URL ?? '');
    if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(url.hostname))
      return `the database is not on this machine`;
    const [row] = await a.dataSource.query<{ pid: number }[]>(
      `SELECT pid FROM pg_stat_activity
        WHERE application_name = 'kumamoto-dispatch-actor-cache' AND datname = current_database()`,
    );
    if (!row) throw new Error('The actor cache is not listening');
    // The pid is a PostgreSQL process of this machine, not some other program's.
    if (!readFileSync(`/proc/${row.pid}/cmdline`, 'utf8').includes('postgres'))
      return `process ${row.pid} is not PostgreSQL`;
    try {
      process.kill(row.pid, 'SIGSTOP');
    } catch (error) {
      return `cannot signal PostgreSQL's process ${row.pid} (${(error as Error).message})`;
    }
    return { thaw: () => process.kill(row.pid, 'SIGCONT') };
  }

  it('a listening connection that silently stops answering is given up by the heartbeat: the change it missed is seen', async () => {
    const { staff, session } = await signedInStaff();
    const frozen = await freezeListener();
    if (typeof frozen === 'string') {
      // CI (REQUIRE_SIGNAL_TESTS) can always run it: there, not running it is a failure.
      if (process.env.REQUIRE_SIGNAL_TESTS) throw new Error(`Heartbeat test cannot run: ${frozen}`);
      console.warn(`Heartbeat test not run: ${frozen}`);
      return;
    }
    try {
      // Deactivated while the listener hears nothing: without the heartbeat, the memory would
      // answer for the account until its entry expired (ACTOR_CACHE_SECONDS, a minute).
      await a.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [staff.id]);
      await me(a, session.auth).expect(200);
      // Within a heartbeat and its timeout (10 s + 5 s), the session ends.
      const ms = await msUntil(
        'the heartbeat to give the connection up',
        async () => (await me(a, session.auth)).status === 401,
        25_000,
        // A call every 100 ms: a person's rate, not one the per-user limit refuses.
        100,
      );
      // (15 s, and a margin for timers late on a busy machine.)
      expect(ms).toBeLessThan(18_000);
    } finally {
      frozen.thaw();
      await a.dataSource.query(`UPDATE users SET active = true WHERE id = $1`, [staff.id]);
    }
    // A new connection, and memory again.
    await msUntil(
      'the cache to listen again',
      async () => {
        await me(a, session.auth).expect(200);
        return a.app.get(ActorCache).get(staff.id) !== undefined;
      },
      5_000,
    );
  }, 45_000);
});
