import { randomUUID } from 'node:crypto';
import { TransitionRecord, WorkflowLog } from '../apps/api/src/workflow/workflow-log';
import { aUser } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const T0 = new Date('2026-12-01T01:00:00Z');

/**
 * The workflow log and its audit lines: written together, one statement for both (a move's
 * transitions in a data-modifying WITH, their audit lines after it), committed or rolled back
 * together, and split into statements of at most 1,000 moves for PostgreSQL's 65,535 parameters.
 */
describe('Workflow log', () => {
  let t: TestApp;
  let actorId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(T0);
    actorId = (await aUser(t, { role: 'staff' })).id;
  });
  afterAll(() => t.close());

  const moves = (n: number, reason: string | null = 'bulk'): TransitionRecord[] =>
    Array.from({ length: n }, (_, i) => ({
      subjectType: 'offer',
      subjectId: randomUUID(),
      from: i === 0 ? null : 'pending',
      to: 'withdrawn',
      event: 'withdraw',
      actorId: i % 2 === 0 ? actorId : null,
      reason,
    }));

  it('writes each move to the log and to the audit trail, alike, however many moves there are', async () => {
    const records = moves(4_000);
    await t.dataSource.transaction((m) => t.app.get(WorkflowLog).record(m, ...records));

    const logged: Array<Record<string, unknown>> = await t.dataSource.query(
      `SELECT subject_type, subject_id, from_status, to_status, event, actor_id, reason, at
         FROM status_transitions WHERE subject_id = ANY($1::uuid[])`,
      [records.map((r) => r.subjectId)],
    );
    const audited: Array<Record<string, unknown>> = await t.dataSource.query(
      `SELECT actor_id, actor_role, action, object_type, object_id, details, at
         FROM audit_log WHERE object_id = ANY($1::text[])`,
      [records.map((r) => r.subjectId)],
    );
    expect(logged).toHaveLength(4_000);
    expect(audited).toHaveLength(4_000);
    const logOf = new Map(logged.map((row) => [row.subject_id, row]));
    const auditOf = new Map(audited.map((row) => [row.object_id, row]));
    for (const r of [records[0], records[1], records[2_999], records[3_999]]) {
      expect(logOf.get(r.subjectId)).toEqual({
        subject_type: 'offer',
        subject_id: r.subjectId,
        from_status: r.from,
        to_status: 'withdrawn',
        event: 'withdraw',
        actor_id: r.actorId,
        reason: 'bulk',
        at: T0,
      });
      expect(auditOf.get(r.subjectId)).toEqual({
        actor_id: r.actorId,
        actor_role: r.actorId ? 'user' : 'system',
        action: 'offer.withdraw',
        object_type: 'offer',
        object_id: r.subjectId,
        details: { from: r.from, to: 'withdrawn', reason: 'bulk' },
        at: T0,
      });
    }
  });

  it('writes nothing of a move whose transaction rolls back, neither its log row nor its audit line', async () => {
    const records = moves(3, null);
    await expect(
      t.dataSource.transaction(async (m) => {
        await t.app.get(WorkflowLog).record(m, ...records);
        throw new Error('the move failed after logging');
      }),
    ).rejects.toThrow('the move failed after logging');
    const ids = records.map((r) => r.subjectId);
    expect(
      await t.dataSource.query(`SELECT 1 FROM status_transitions WHERE subject_id = ANY($1::uuid[])`, [ids]),
    ).toEqual([]);
    expect(await t.dataSource.query(`SELECT 1 FROM audit_log WHERE object_id = ANY($1::text[])`, [ids])).toEqual([]);
  });

  it('writes nothing for no moves', async () => {
    const [before] = await t.dataSource.query(`SELECT count(*)::int AS n FROM status_transitions`);
    await t.dataSource.transaction((m) => t.app.get(WorkflowLog).record(m));
    const [after] = await t.dataSource.query(`SELECT count(*)::int AS n FROM status_transitions`);
    expect(after.n).toBe(before.n);
  });
});
