import { validateAvailability } from '@app/matching';
import { BootstrapService } from '../apps/api/src/bootstrap/bootstrap.service';
import { DEMO_AVAILABILITY, DEMO_PASSWORD } from '../apps/api/src/bootstrap/demo-seed';
import { ADMIN, createTestApp, login, TestApp } from './support/test-app';

describe('Demo data (SEED_DEMO=true)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SEED_DEMO: 'true' });
  });
  afterAll(() => t.close());

  const counts = async () =>
    (
      await t.dataSource.query(`SELECT (SELECT count(*)::int FROM hospitals) AS hospitals, (SELECT count(*)::int FROM volunteers) AS volunteers,
        (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM training_courses) AS courses, (SELECT count(*)::int FROM course_attendances) AS attendances,
        (SELECT count(*)::int FROM requests) AS requests, (SELECT count(*)::int FROM offers) AS offers`)
    )[0];

  it('loads Kumamoto hospitals with coordinators, volunteers with languages, availability and training', async () => {
    const admin = await login(t, ADMIN.email, ADMIN.password);
    const hospitals = await t.http().get('/api/hospitals').set('Authorization', admin.auth).expect(200);
    expect(hospitals.body.total).toBe(3);
    expect(hospitals.body.data.map((h: { name: string }) => h.name)).toContain('熊本中央病院');
    const volunteers = await t.http().get('/api/volunteers?perPage=100').set('Authorization', admin.auth).expect(200);
    expect(volunteers.body.total).toBe(12);
    const codes = new Set(volunteers.body.data.flatMap((v: { languages: { code: string }[] }) => v.languages.map((l) => l.code)));
    for (const code of ['vi', 'zh', 'ne', 'tl', 'id', 'ko', 'en', 'my', 'th', 'pt']) expect(codes).toContain(code);
    for (const doc of DEMO_AVAILABILITY) expect(validateAvailability(doc)).toEqual([]);
    const lan = volunteers.body.data.find((v: { email: string }) => v.email === 'volunteer1@example.jp');
    const training = await t.http().get(`/api/volunteers/${lan.id}/training`).set('Authorization', admin.auth).expect(200);
    expect(training.body.attendance.length).toBeGreaterThan(0);
  });

  it('files demo requests as the coordinators would: the easy one goes out to volunteers, the hard one reaches staff', async () => {
    const admin = await login(t, ADMIN.email, ADMIN.password);
    const requests = await t.http().get('/api/requests?perPage=100').set('Authorization', admin.auth).expect(200);
    expect(requests.body.total).toBe(4);
    const byLanguage = Object.fromEntries(requests.body.data.map((r: { language: string }) => [r.language, r]));
    expect(byLanguage.vi.status).toBe('offered');
    expect(byLanguage.ne).toMatchObject({ status: 'escalated', requiredLevel: 'advanced', urgent: true });
    const mail = await t.http().get('/api/mail?perPage=100').set('Authorization', admin.auth).expect(200);
    expect(mail.body.data.some((m: { template: string }) => m.template === 'offer')).toBe(true);
  });

  it('lets a demo coordinator and a demo volunteer sign in, each seeing their own', async () => {
    const coordinator = await login(t, 'coordinator1@example.jp', DEMO_PASSWORD);
    const me = await t.http().get('/api/auth/me').set('Authorization', coordinator.auth).expect(200);
    const hospital = await t.http().get(`/api/hospitals/${me.body.hospitalId}`).set('Authorization', coordinator.auth).expect(200);
    expect(hospital.body).toMatchObject({ name: '熊本中央病院', coordinators: [expect.objectContaining({ email: 'coordinator1@example.jp' })] });
    const volunteer = await login(t, 'volunteer1@example.jp', DEMO_PASSWORD);
    await t.http().get('/api/volunteers/me').set('Authorization', volunteer.auth).expect(200);
  });

  it('does not load the demo data twice (a second boot, even two at once)', async () => {
    const before = await counts();
    const bootstrap = t.app.get(BootstrapService);
    await Promise.all([bootstrap.onApplicationBootstrap(), bootstrap.onApplicationBootstrap()]);
    expect(await counts()).toEqual(before);
  });
});
