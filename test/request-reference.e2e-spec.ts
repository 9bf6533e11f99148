import { aHospital, aUser } from './support/factories';
import { createTestApp, login, TestApp } from './support/test-app';
import { fileRequest, visitWorld } from './support/visit-fixtures';
import { jst, TODAY } from './support/workflow-fixtures';

/** The 8 characters mail quotes (「依頼 50F20D10」) are on every request view and find the request. */
describe('Request reference', () => {
  let t: TestApp;
  let staff: string;
  let coordinator: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
    const world = await visitWorld(t, 0);
    staff = world.staff;
    coordinator = world.coordinator.auth;
  });
  afterAll(() => t.close());

  it('is on the view, is what mail quotes, and finds the request in either case', async () => {
    const filed = await fileRequest(t, coordinator, { startsAt: jst(20, '10:00'), endsAt: jst(20, '11:00') });
    await fileRequest(t, coordinator, { startsAt: jst(21, '10:00'), endsAt: jst(21, '11:00') });
    const view = await t.http().get(`/api/requests/${filed.id}`).set('Authorization', coordinator).expect(200);
    expect(view.body.reference).toMatch(/^[0-9A-F]{8}$/);
    expect(filed.id.toUpperCase().startsWith(view.body.reference)).toBe(true);

    for (const ref of [view.body.reference, view.body.reference.toLowerCase(), view.body.reference.slice(0, 6)]) {
      const found = await t.http().get(`/api/requests?reference=${ref}`).set('Authorization', staff).expect(200);
      expect(found.body.data.map((r: { id: string }) => r.id)).toContain(filed.id);
      if (ref.length === 8) expect(found.body.total).toBe(1);
    }
  });

  it("finds nothing in another hospital's list", async () => {
    const filed = await fileRequest(t, coordinator, { startsAt: jst(22, '10:00'), endsAt: jst(22, '11:00') });
    const other = await aHospital(t, { name: '別の病院' });
    const user = await aUser(t, { role: 'coordinator', hospitalId: other.id });
    const outsider = await login(t, user.email, user.password);
    const ref = filed.id.slice(0, 8);
    const found = await t.http().get(`/api/requests?reference=${ref}`).set('Authorization', outsider.auth).expect(200);
    expect(found.body).toEqual({ data: [], total: 0 });
  });

  it.each(['', '50F20D10X', 'ZZZZZZZZ', '50F2-0D1', "' OR 1=1"])(
    'refuses reference %p naming the field',
    async (ref) => {
      const res = await t
        .http()
        .get(`/api/requests?reference=${encodeURIComponent(ref)}`)
        .set('Authorization', staff)
        .expect((r) => expect([400, 422]).toContain(r.status));
      expect(Object.keys(res.body.errors)).toEqual(['reference']);
    },
  );
});
