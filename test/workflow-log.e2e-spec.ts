import { randomUUID } from 'node:crypto';
import { TransitionRecord, WorkflowLog } from '../apps/api/src/workflow/workflow-log';
import { AuditService } from '../apps/api/src/audit/audit.service';
import { aUser } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { visitWorld } from './support/visit-fixtures';

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
    const count = `SELECT (SELECT count(*) FROM status_transitions)::int AS log, (SELECT count(*) FROM audit_log)::int AS audit`;
    const [before] = await t.dataSource.query(count);
    await t.dataSource.transaction((m) => t.app.get(WorkflowLog).record(m));
    const [after] = await t.dataSource.query(count);
    expect(after).toEqual(before);
  });

  it('writes audit lines that take more than one statement all or none, even outside a transaction', async () => {
    const objectIds = Array.from({ length: 1_500 }, () => randomUUID());
    const lines = objectIds.map((objectId, i) => ({
      actor: null,
      // The 1,201st line, in the second statement, is too long for the column: the first 1,000 must not stay.
      action: i === 1_200 ? 'x'.repeat(121) : 'retention.erase',
      objectType: 'request',
      objectId,
    }));
    await expect(t.app.get(AuditService).record(null, ...lines)).rejects.toThrow(/too long/);
    expect(await t.dataSource.query(`SELECT 1 FROM audit_log WHERE object_id = ANY($1::text[])`, [objectIds])).toEqual(
      [],
    );
    await t.app.get(AuditService).record(null, ...lines.map((line) => ({ ...line, action: 'retention.erase' })));
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE object_id = ANY($1::text[])`,
      [objectIds],
    );
    expect(n).toBe(1_500);
  });

  it('gives a move made over HTTP the call’s request id, address and the caller’s role', async () => {
    const world = await visitWorld(t, 1);
    const filed = await t
      .http()
      .post('/api/requests')
      .set('Authorization', world.coordinator.auth)
      .set('x-request-id', 'file-request-0001')
      .send({
        startsAt: '2026-12-10T10:00:00+09:00',
        endsAt: '2026-12-10T11:00:00+09:00',
        language: 'vi',
        department: 'internal_medicine',
        visitType: 'outpatient',
        patient: { displayName: '患者 一郎', gender: 'female', ageBand: 'adult' },
      })
      .expect(201);
    const lines = await t.dataSource.query(
      `SELECT actor_id, actor_role, request_id, ip, details FROM audit_log WHERE action = 'request.file' AND object_id = $1`,
      [filed.body.id],
    );
    expect(lines).toEqual([
      {
        actor_id: world.coordinator.id,
        actor_role: 'coordinator',
        request_id: 'file-request-0001',
        ip: expect.stringMatching(/127\.0\.0\.1|::1/),
        details: { from: null, to: 'open', reason: null },
      },
    ]);
  });
});
