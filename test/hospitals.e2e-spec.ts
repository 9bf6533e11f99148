import { ADMIN, createTestApp, login, TestApp } from './support/test-app';
import { aHospital, aUser } from './support/factories';

describe('Hospitals (API)', () => {
  let t: TestApp;
  let staff: string;
  beforeAll(async () => {
    t = await createTestApp();
    const user = await aUser(t, { role: 'staff' });
    staff = (await login(t, user.email, user.password)).auth;
  });
  afterAll(() => t.close());

  it('lets staff register a hospital with its coordinators and shows them on the hospital', async () => {
    const created = await t
      .http()
      .post('/api/hospitals')
      .set('Authorization', staff)
      .send({ name: '熊本中央病院', address: '熊本市中央区本荘1-1-1', area: '中央区', phone: '096-000-0101' })
      .expect(201);
    expect(created.body).toMatchObject({ name: '熊本中央病院', area: '中央区', active: true });
    const coordinator = await t
      .http()
      .post(`/api/hospitals/${created.body.id}/coordinators`)
      .set('Authorization', staff)
      .send({ email: 'Tanaka@Chuo.example.jp', displayName: '田中 美香', password: 'coordinator-pass-1' })
      .expect(201);
    expect(coordinator.body).toMatchObject({
      role: 'coordinator',
      hospitalId: created.body.id,
      email: 'tanaka@chuo.example.jp',
    });

    const detail = await t.http().get(`/api/hospitals/${created.body.id}`).set('Authorization', staff).expect(200);
    expect(detail.body.coordinators).toEqual([
      { id: coordinator.body.id, email: 'tanaka@chuo.example.jp', displayName: '田中 美香', active: true },
    ]);

    const session = await login(t, 'tanaka@chuo.example.jp', 'coordinator-pass-1');
    await t.http().get(`/api/hospitals/${created.body.id}`).set('Authorization', session.auth).expect(200);
  });

  it('lists, filters and updates hospitals', async () => {
    const h = await aHospital(t, { name: '益城リハビリ病院', area: '益城町' });
    const list = await t.http().get('/api/hospitals?area=益城町').set('Authorization', staff).expect(200);
    expect(list.body.data.map((x: { id: string }) => x.id)).toEqual([h.id]);
    const patched = await t
      .http()
      .patch(`/api/hospitals/${h.id}`)
      .set('Authorization', staff)
      .send({ active: false, phone: '096-111-2222' })
      .expect(200);
    expect(patched.body).toMatchObject({ active: false, phone: '096-111-2222', name: '益城リハビリ病院' });
    const inactive = await t.http().get('/api/hospitals?active=false').set('Authorization', staff).expect(200);
    expect(inactive.body.data.map((x: { id: string }) => x.id)).toContain(h.id);
  });

  it('refuses an area outside Kumamoto with 422 naming the field, and writes nothing', async () => {
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM hospitals');
    const res = await t
      .http()
      .post('/api/hospitals')
      .set('Authorization', staff)
      .send({ name: '福岡病院', area: '博多区' })
      .expect(422);
    expect(res.body.errors).toHaveProperty('area');
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM hospitals')).toEqual(before);
  });

  it('answers a duplicate name with 409 naming the field', async () => {
    await aHospital(t, { name: '重複病院' });
    const res = await t
      .http()
      .post('/api/hospitals')
      .set('Authorization', staff)
      .send({ name: '重複病院', area: '西区' })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'HOSPITAL_NAME_TAKEN', errors: { name: expect.any(Array) } });
  });

  it('shows a coordinator their own hospital only: another is 404, lists and changes are 403', async () => {
    const coordinator = await aUser(t, { role: 'coordinator' });
    const other = await aHospital(t);
    const session = await login(t, coordinator.email, coordinator.password);
    const own = await t
      .http()
      .get(`/api/hospitals/${coordinator.hospitalId}`)
      .set('Authorization', session.auth)
      .expect(200);
    expect(own.body.coordinators.map((c: { id: string }) => c.id)).toEqual([coordinator.id]);
    await t.http().get(`/api/hospitals/${other.id}`).set('Authorization', session.auth).expect(404);
    await t.http().get('/api/hospitals').set('Authorization', session.auth).expect(403);
    await t
      .http()
      .patch(`/api/hospitals/${coordinator.hospitalId}`)
      .set('Authorization', session.auth)
      .send({ name: 'x' })
      .expect(403);
  });

  it('refuses an account for a hospital that does not exist (foreign key) with 422', async () => {
    const admin = await login(t, ADMIN.email, ADMIN.password);
    const res = await t
      .http()
      .post('/api/users')
      .set('Authorization', admin.auth)
      .send({
        email: 'ghost@test.example.jp',
        role: 'coordinator',
        displayName: 'x',
        hospitalId: '00000000-0000-4000-8000-000000000000',
      })
      .expect(422);
    expect(res.body.errors).toHaveProperty('hospitalId');
  });
});
