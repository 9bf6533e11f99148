import { RequestPatient } from '@app/domain';
import { JobsService } from '../apps/api/src/jobs/jobs.service';
import { RetentionService } from '../apps/api/src/retention/retention.service';
import { aUser } from './support/factories';
import { createTestApp, login, TestApp } from './support/test-app';
import { visitWorld } from './support/visit-fixtures';
import { jst, TODAY } from './support/workflow-fixtures';

interface AuditRow {
  actor_id: string | null;
  actor_role: string;
  action: string;
  object_type: string | null;
  object_id: string | null;
  request_id: string | null;
  ip: string | null;
}

/** The audit trail (patient reads, state changes, enforced append-only) and the retention sweep. */
describe('Audit trail and retention (API)', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof visitWorld>>;
  let admin: string;
  /** Requests made by the earlier tests: confirmed for 7 Dec (never completed), and reopened for 9 Dec. */
  const earlier: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ PATIENT_RETENTION_DAYS: '365' });
    t.clock.set(TODAY);
    world = await visitWorld(t, 1);
    const adminUser = await aUser(t, { role: 'admin' });
    admin = (await login(t, adminUser.email, adminUser.password)).auth;
  });
  afterAll(() => t.close());

  const audit = (where: string, params: unknown[]): Promise<AuditRow[]> =>
    t.dataSource.query(`SELECT * FROM audit_log WHERE ${where} ORDER BY at, id`, params);

  it('audits every read of patient details with who, role, request id and address', async () => {
    const { requestId, dispatchId } = await world.dispatch(jst(7, '10:00'), jst(7, '11:00'), world.volunteers[0].id);
    earlier.dec7 = requestId;
    await t
      .http()
      .get(`/api/requests/${requestId}`)
      .set('Authorization', world.coordinator.auth)
      .set('x-request-id', 'read-request-0001')
      .expect(200);
    const shown = await t
      .http()
      .get(`/api/dispatches/${dispatchId}`)
      .set('Authorization', world.volunteers[0].auth)
      .set('x-request-id', 'read-dispatch-0001')
      .expect(200);
    expect(shown.body.patient).toBeTruthy();
    // Lists carry no patient details and write no read audit.
    await t.http().get('/api/requests').set('Authorization', world.coordinator.auth).expect(200);

    const reads = await audit(`action = 'patient.read'`, []);
    expect(reads).toHaveLength(2);
    expect(reads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor_id: world.coordinator.id,
          actor_role: 'coordinator',
          object_type: 'request',
          object_id: requestId,
          request_id: 'read-request-0001',
          ip: expect.stringMatching(/127\.0\.0\.1|::1/),
        }),
        expect.objectContaining({
          actor_id: world.volunteers[0].userId,
          actor_role: 'volunteer',
          object_type: 'dispatch',
          object_id: dispatchId,
          request_id: 'read-dispatch-0001',
        }),
      ]),
    );
  });

  it('audits every state change made through the API, with its object', async () => {
    const { requestId, dispatchId } = await world.dispatch(jst(9, '10:00'), jst(9, '11:00'), world.volunteers[0].id);
    earlier.dec9 = requestId;
    await t
      .http()
      .post(`/api/dispatches/${dispatchId}/cancel`)
      .set('Authorization', world.coordinator.auth)
      .send({ reason: '患者都合' })
      .expect(200);
    const [cancel] = await audit(`action = 'POST /api/dispatches/:id/cancel'`, []);
    expect(cancel).toMatchObject({
      actor_id: world.coordinator.id,
      actor_role: 'coordinator',
      object_type: 'dispatches',
      object_id: dispatchId,
    });
    const [filed] = await audit(`action = 'POST /api/requests' AND object_id = $1`, [requestId]);
    expect(filed).toMatchObject({ object_type: 'requests', actor_role: 'coordinator' });
    const [assigned] = await audit(`action = 'POST /api/requests/:id/assign' AND object_id = $1`, [requestId]);
    expect(assigned).toMatchObject({ actor_role: 'admin' });
    // A refused change changed nothing and is not audited.
    await t
      .http()
      .post(`/api/dispatches/${dispatchId}/cancel`)
      .set('Authorization', world.coordinator.auth)
      .send({ reason: 'again' })
      .expect(409);
    expect(await audit(`action = 'POST /api/dispatches/:id/cancel'`, [])).toHaveLength(1);
  });

  it('lets admins read the trail with filters, page by page, and nobody else', async () => {
    await t.http().get('/api/audit-log').set('Authorization', world.coordinator.auth).expect(403);
    const staffUser = await aUser(t, { role: 'staff' });
    await t
      .http()
      .get('/api/audit-log')
      .set('Authorization', (await login(t, staffUser.email, staffUser.password)).auth)
      .expect(403);
    const reads = await t
      .http()
      .get('/api/audit-log?action=patient.read&perPage=1')
      .set('Authorization', admin)
      .expect(200);
    expect(reads.body.total).toBe(2);
    expect(reads.body.data).toHaveLength(1);
    const byActor = await t
      .http()
      .get(`/api/audit-log?actor=${world.coordinator.id}&objectType=request`)
      .set('Authorization', admin)
      .expect(200);
    expect(
      byActor.body.data.every(
        (e: { actorId: string; objectType: string }) =>
          e.actorId === world.coordinator.id && e.objectType === 'request',
      ),
    ).toBe(true);
    const none = await t.http().get(`/api/audit-log?from=2030-01-01T00:00:00Z`).set('Authorization', admin).expect(200);
    expect(none.body.total).toBe(0);
  });

  it('cannot change or delete audit rows: the database refuses', async () => {
    await expect(t.dataSource.query(`UPDATE audit_log SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect((await audit(`action = 'forged'`, [])).length).toBe(0);
  });

  it('erases exactly the patient details that are due, keeps the rest and the figures, and audits the erasure', async () => {
    const v = world.volunteers[0];
    t.clock.set(TODAY);
    // Completed on 8 Dec 13:00 (visit ended 12:00): due one year after completion.
    const completed = await world.dispatch(jst(8, '10:00'), jst(8, '12:00'), v.id);
    // Completed later in December: not yet due.
    const later = await world.dispatch(jst(20, '10:00'), jst(20, '11:00'), v.id);
    // Cancelled on 1 Dec, visit was to end 5 Dec 11:00: due a year after the visit's end.
    const cancelled = await world.dispatch(jst(5, '10:00'), jst(5, '11:00'), v.id);
    await t
      .http()
      .post(`/api/requests/${cancelled.requestId}/cancel`)
      .set('Authorization', world.coordinator.auth)
      .send({ reason: '不要になった' })
      .expect(200);
    // Filed for a visit in 2028: far from due.
    const future = await t
      .http()
      .post('/api/requests')
      .set('Authorization', world.coordinator.auth)
      .send({
        language: 'vi',
        startsAt: '2028-01-10T10:00:00+09:00',
        endsAt: '2028-01-10T11:00:00+09:00',
        department: 'dermatology',
        visitType: 'outpatient',
        patient: { displayName: '未来', gender: 'male', ageBand: 'child' },
      })
      .expect(201);
    t.clock.set(jst(8, '13:00'));
    await t
      .http()
      .post(`/api/dispatches/${completed.dispatchId}/complete`)
      .set('Authorization', world.coordinator.auth)
      .send({ actualStart: jst(8, '10:00'), actualEnd: jst(8, '12:00') })
      .expect(200);
    t.clock.set(jst(20, '12:00'));
    await t
      .http()
      .post(`/api/dispatches/${later.dispatchId}/complete`)
      .set('Authorization', world.coordinator.auth)
      .send({ actualStart: jst(20, '10:00'), actualEnd: jst(20, '11:00') })
      .expect(200);

    const patients = async () => (await t.dataSource.getRepository(RequestPatient).find()).map((p) => p.requestId);
    const before = await patients();
    const statsBefore = (
      await t.http().get('/api/stats/summary?fiscalYear=2026').set('Authorization', world.staff).expect(200)
    ).body;

    // 2027-12-08 12:30 (cut-off 2026-12-08 12:30): the cancelled request (visit ended 5 Dec) and the
    // one confirmed for 7 Dec and never completed are due; the 8 Dec visit ended before the cut-off
    // but was completed after it (13:00), so it is not due yet.
    const retention = t.app.get(RetentionService);
    t.clock.set('2027-12-08T12:30:00+09:00');
    const first = await t.dataSource.transaction((m) => retention.sweep(m, t.clock.now()));
    expect(first).toEqual([cancelled.requestId, earlier.dec7].sort());

    // Through the daily job at 03:00 on 9 December 2027 (cut-off 2026-12-09 03:00): exactly the 8 Dec one.
    t.clock.set('2027-12-08T13:30:00+09:00');
    await retention.scheduleSweep();
    t.clock.set('2027-12-09T03:05:00+09:00');
    await t.app.get(JobsService).runDue(500);
    const after = await patients();
    const erased = before.filter((id) => !after.includes(id)).sort();
    expect(erased).toEqual([cancelled.requestId, earlier.dec7, completed.requestId].sort());
    expect(after.sort()).toEqual([earlier.dec9, later.requestId, future.body.id].sort());

    const erasures = await audit(`action = 'patient.erase'`, []);
    expect(erasures.map((e) => e.object_id).sort()).toEqual(before.filter((id) => !after.includes(id)).sort());
    expect(erasures.every((e) => e.actor_role === 'system' && e.actor_id === null)).toBe(true);

    // The request is still there, without patient details (and that read is not a patient read).
    const readsBefore = (await audit(`action = 'patient.read'`, [])).length;
    const gone = await t
      .http()
      .get(`/api/requests/${completed.requestId}`)
      .set('Authorization', world.coordinator.auth)
      .expect(200);
    expect(gone.body).toMatchObject({ status: 'completed', patient: null });
    expect((await audit(`action = 'patient.read'`, [])).length).toBe(readsBefore);
    const statsAfter = (
      await t.http().get('/api/stats/summary?fiscalYear=2026').set('Authorization', world.staff).expect(200)
    ).body;
    expect(statsAfter.dispatches).toEqual(statsBefore.dispatches);
    expect(statsAfter.timeToConfirmMinutes).toEqual(statsBefore.timeToConfirmMinutes);
  });
});
