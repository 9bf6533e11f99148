import { Client } from 'pg';
import { Offer } from '@app/domain';
import { createTestApp, TestApp } from './support/test-app';
import { fileRequest, visitWorld } from './support/visit-fixtures';
import { TODAY } from './support/workflow-fixtures';

/** One statement as the pg driver sent it, and on which connection. */
interface Sent {
  client: Client;
  text: string;
}

/** The statements sent while `run` runs, grouped into transactions per connection (statements outside one stand alone). */
async function recordStatements(run: () => Promise<unknown>): Promise<string[][]> {
  const sent: Sent[] = [];
  const original = Client.prototype.query;
  const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
    const config = args[0] as string | { text: string };
    sent.push({ client: this, text: typeof config === 'string' ? config : config.text });
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  const open = new Map<Client, string[]>();
  const groups: string[][] = [];
  for (const { client, text } of sent) {
    const statement = text.replace(/\s+/g, ' ').trim();
    const current = open.get(client);
    if (/^(START TRANSACTION|BEGIN)/i.test(statement)) {
      const group = [statement];
      open.set(client, group);
      groups.push(group);
    } else if (current) {
      current.push(statement);
      if (/^(COMMIT|ROLLBACK)$/i.test(statement)) open.delete(client);
    } else groups.push([statement]);
  }
  return groups;
}

const RANKING_READ = /FROM (volunteers|offers|dispatches)\b|JOIN (dispatches|offers)\b/i;

/**
 * A filing (POST /api/requests) commits the request, its patient and its first-wave job in a
 * handful of statements and none of the ranking's reads; the first wave then goes out in the
 * job's own transaction before the answer — once. Before this change the filing was one
 * transaction of 31 statements, ranking included (issue #21).
 */
describe('Filing round trips', () => {
  let t: TestApp;
  let coordinator: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
    const world = await visitWorld(t, 3);
    coordinator = world.coordinator.auth;
  });
  afterAll(() => t.close());

  it('commits the filing in a few statements without ranking reads, then sends the first wave once', async () => {
    let filed: { id: string; status: string } | undefined;
    const groups = await recordStatements(async () => {
      filed = await fileRequest(t, coordinator, {
        startsAt: '2026-12-10T10:00:00+09:00',
        endsAt: '2026-12-10T11:00:00+09:00',
      });
    });
    const transactions = groups.filter((g) => /^(START TRANSACTION|BEGIN)/i.test(g[0]));
    const filing = transactions.find((g) => g.some((s) => /^INSERT INTO "requests"/i.test(s)))!;
    const wave = transactions.find((g) => g.some((s) => /^INSERT INTO "offers"/i.test(s)))!;
    const total = groups.reduce((n, g) => n + g.length, 0);
    console.log(
      `POST /api/requests: ${total} statements in all (authentication included); the filing's transaction ${filing.length} (BEGIN and COMMIT included), the first wave's ${wave.length}`,
    );

    if (process.env.SHOW_STATEMENTS) console.log([...filing, '----', ...wave].map((s) => s.slice(0, 110)).join('\n'));
    expect(filing).toBeDefined();
    expect(filing.length).toBeLessThanOrEqual(10);
    expect(filing.filter((s) => RANKING_READ.test(s))).toEqual([]);
    expect(filing.some((s) => /INSERT INTO jobs/i.test(s))).toBe(true);
    expect(filing[filing.length - 1]).toMatch(/^COMMIT$/i);
    // The wave is another transaction, after the filing's commit.
    expect(wave).not.toBe(filing);
    expect(transactions.indexOf(wave)).toBeGreaterThan(transactions.indexOf(filing));

    // The three offers' mail in one statement, not one each; the offers' expiry and the next wave
    // armed in one, the staff deadline (armed by the move's consequence) in another.
    expect(wave.filter((s) => /^INSERT INTO mail_messages/i.test(s))).toHaveLength(1);
    expect(wave.filter((s) => /^INSERT INTO jobs/i.test(s))).toHaveLength(2);
    // Each move's workflow log rows and their audit lines in one statement: the offers' sending,
    // the request's move to offered; in the filing, the request's filing.
    const logged = (g: string[]) => g.filter((s) => /INSERT INTO status_transitions/i.test(s));
    const audited = (g: string[]) => g.filter((s) => /INSERT INTO "?audit_log/i.test(s));
    expect(logged(wave)).toHaveLength(2);
    expect(audited(wave)).toEqual(logged(wave));
    expect(logged(filing)).toHaveLength(1);
    expect(audited(filing)).toEqual(logged(filing));
    // The hospital is read once in the wave, for the ranking; the offers' mail names it from that read.
    expect(wave.filter((s) => /FROM "hospitals"/i.test(s))).toHaveLength(1);

    expect(filed!.status).toBe('offered');
    const offers = await t.dataSource.getRepository(Offer).find({ where: { requestId: filed!.id } });
    expect(offers).toHaveLength(3);
    const mail = await t.dataSource.query(`SELECT idempotency_key FROM mail_messages WHERE idempotency_key = ANY($1)`, [
      offers.map((o) => `offer:${o.id}`),
    ]);
    expect(mail).toHaveLength(3);
    const [job] = await t.dataSource.query(`SELECT status, attempts FROM jobs WHERE key = $1`, [
      `first-wave:${filed!.id}`,
    ]);
    expect(job).toEqual({ status: 'done', attempts: 1 });
  });

  it('leaves a first wave that already went out alone when the job comes round again', async () => {
    const filed = await fileRequest(t, coordinator, {
      startsAt: '2026-12-11T10:00:00+09:00',
      endsAt: '2026-12-11T11:00:00+09:00',
    });
    // As if a second instance picked the job up again (it cannot: the row says done; force it pending).
    await t.dataSource.query(`UPDATE jobs SET status = 'pending' WHERE key = $1`, [`first-wave:${filed.id}`]);
    const { JobsService } = await import('../apps/api/src/jobs/jobs.service');
    expect(await t.app.get(JobsService).runNow(`first-wave:${filed.id}`)).toBe('done');
    const offers = await t.dataSource.getRepository(Offer).find({ where: { requestId: filed.id } });
    expect(offers).toHaveLength(3);
    expect(new Set(offers.map((o) => o.wave))).toEqual(new Set([1]));
  });
});
