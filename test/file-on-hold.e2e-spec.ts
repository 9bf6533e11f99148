import { MailMessage, Offer } from '@app/domain';
import { aUser } from './support/factories';
import { createTestApp, login, TestApp } from './support/test-app';
import { visitWorld } from './support/visit-fixtures';
import { jst, TODAY } from './support/workflow-fixtures';

/** A request filed on hold mails nobody until it is released (API.md "The coordinator's and staff's desk"). */
describe('Filing a request on hold', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof visitWorld>>;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
    world = await visitWorld(t, 2);
  });
  afterAll(() => t.close());

  const file = (auth: string, body: Record<string, unknown>) =>
    t
      .http()
      .post('/api/requests')
      .set('Authorization', auth)
      .send({
        language: 'vi',
        department: 'internal_medicine',
        visitType: 'outpatient',
        patient: { displayName: '患者', gender: 'female', ageBand: 'adult' },
        ...body,
      });
  const offersOf = (requestId: string) => t.dataSource.getRepository(Offer).countBy({ requestId });
  const mailCount = () => t.dataSource.getRepository(MailMessage).count();

  it('asks and mails nobody while held; staff release it and the first wave goes out', async () => {
    const mailBefore = await mailCount();
    const held = await file(world.coordinator.auth, {
      startsAt: jst(10, '10:00'),
      endsAt: jst(10, '11:00'),
      onHold: true,
    }).expect(201);
    expect(held.body).toMatchObject({ onHold: true, status: 'open' });
    expect(await offersOf(held.body.id)).toBe(0);
    expect(await mailCount()).toBe(mailBefore);

    const released = await t
      .http()
      .post(`/api/requests/${held.body.id}/release`)
      .set('Authorization', world.staff)
      .expect(200);
    expect(released.body).toMatchObject({ onHold: false, status: 'offered' });
    expect(await offersOf(held.body.id)).toBe(2);
    expect(await mailCount()).toBe(mailBefore + 2);
  });

  it('lets the coordinator release the draft they filed, not one staff held, and not another hospital', async () => {
    const draft = await file(world.coordinator.auth, {
      startsAt: jst(11, '10:00'),
      endsAt: jst(11, '11:00'),
      onHold: true,
    }).expect(201);
    const colleague = await aUser(t, { role: 'coordinator', hospitalId: world.hospital.id });
    const colleagueAuth = (await login(t, colleague.email, colleague.password)).auth;
    await t.http().post(`/api/requests/${draft.body.id}/release`).set('Authorization', colleagueAuth).expect(403);
    await t.http().post(`/api/requests/${draft.body.id}/hold`).set('Authorization', world.coordinator.auth).expect(403);
    const other = await aUser(t, { role: 'coordinator' });
    const otherAuth = (await login(t, other.email, other.password)).auth;
    await t.http().post(`/api/requests/${draft.body.id}/release`).set('Authorization', otherAuth).expect(404);

    const released = await t
      .http()
      .post(`/api/requests/${draft.body.id}/release`)
      .set('Authorization', world.coordinator.auth)
      .expect(200);
    expect(released.body.onHold).toBe(false);
    expect(await offersOf(draft.body.id)).toBe(2);
  });

  it('refuses an onHold that is not a boolean, naming it, and files nothing', async () => {
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM requests`);
    const res = await file(world.coordinator.auth, {
      startsAt: jst(12, '10:00'),
      endsAt: jst(12, '11:00'),
      onHold: 'yes',
    });
    expect([400, 422]).toContain(res.status);
    expect(Object.keys(res.body.errors)).toEqual(['onHold']);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM requests`)).toEqual(before);
  });

  it('cannot be held or released through PATCH (the routes own it)', async () => {
    const filed = await file(world.coordinator.auth, { startsAt: jst(13, '10:00'), endsAt: jst(13, '11:00') }).expect(
      201,
    );
    const res = await t
      .http()
      .patch(`/api/requests/${filed.body.id}`)
      .set('Authorization', world.coordinator.auth)
      .send({ onHold: true });
    expect([400, 422]).toContain(res.status);
  });
});
