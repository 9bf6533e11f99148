import { createTestApp, TestApp } from './support/test-app';
import { fileRequest, visitWorld } from './support/visit-fixtures';
import { jst, TODAY } from './support/workflow-fixtures';

/**
 * A confirmed request's view says what cancelling it now would cost the hospital (API.md "The
 * coordinator's and staff's desk"), by the same calculator as the month's statement: the panel's
 * cancel dialog shows it before the coordinator confirms.
 */
describe('Cancellation terms on the request view', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof visitWorld>>;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY); // 2026-12-01 09:00 Tokyo; the default fee rule charges 3,000 yen for a late cancellation
    world = await visitWorld(t, 2);
  });
  afterAll(() => t.close());

  const view = async (id: string) =>
    (await t.http().get(`/api/requests/${id}`).set('Authorization', world.coordinator.auth).expect(200)).body;

  it('says an early cancellation is free and a late one costs the statement amount, which the statement then shows', async () => {
    const early = await world.dispatch(jst(5, '10:00'), jst(5, '11:00'), world.volunteers[0].id);
    expect((await view(early.requestId)).cancellation).toEqual({ late: false, feeYen: 0 });

    const tomorrow = await world.dispatch(jst(2, '08:00'), jst(2, '09:00'), world.volunteers[1].id);
    const terms = (await view(tomorrow.requestId)).cancellation;
    expect(terms).toEqual({ late: true, feeYen: 3000 });

    const listed = await t
      .http()
      .get('/api/requests?status=confirmed&perPage=50')
      .set('Authorization', world.coordinator.auth)
      .expect(200);
    expect(listed.body.data.find((r: { id: string }) => r.id === tomorrow.requestId).cancellation).toEqual(terms);

    await t
      .http()
      .post(`/api/requests/${tomorrow.requestId}/cancel`)
      .set('Authorization', world.coordinator.auth)
      .send({ reason: '患者さんの都合' })
      .expect(200);
    const statement = (
      await t.http().get('/api/statements/hospitals?month=2026-12').set('Authorization', world.staff).expect(200)
    ).body;
    const line = statement.data[0].lines.find((l: { requestId: string }) => l.requestId === tomorrow.requestId);
    expect(line).toMatchObject({ kind: 'late_cancellation', amountYen: terms.feeYen });
    // Cancelled: nothing more to cost.
    expect((await view(tomorrow.requestId)).cancellation).toBeUndefined();
  });

  it('is not on a request still looking for an interpreter; a visit that is over says what a no-show costs instead', async () => {
    const open = await fileRequest(t, world.coordinator.auth, { startsAt: jst(2, '13:00'), endsAt: jst(2, '14:00') });
    expect((await view(open.id)).cancellation).toBeUndefined();
    const past = await world.dispatch(jst(3, '10:00'), jst(3, '11:00'), world.volunteers[0].id);
    expect((await view(past.requestId)).patientNoShowFeeYen).toBeUndefined(); // not started yet
    t.clock.set(jst(3, '12:00'));
    try {
      expect((await view(past.requestId)).cancellation).toBeUndefined();
      // Over: a patient's no-show would cost what the statement then bills.
      expect((await view(past.requestId)).patientNoShowFeeYen).toBe(3000);
      await t
        .http()
        .post(`/api/dispatches/${past.dispatchId}/no-show`)
        .set('Authorization', world.coordinator.auth)
        .send({ party: 'patient' })
        .expect(200);
      const statement = (
        await t.http().get('/api/statements/hospitals?month=2026-12').set('Authorization', world.staff).expect(200)
      ).body;
      const line = statement.data[0].lines.find((l: { requestId: string }) => l.requestId === past.requestId);
      expect(line).toMatchObject({ kind: 'patient_no_show', amountYen: 3000 });
    } finally {
      t.clock.set(TODAY);
    }
  });
});
