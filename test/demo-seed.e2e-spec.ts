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
      await t.dataSource
        .query(`SELECT (SELECT count(*)::int FROM hospitals) AS hospitals, (SELECT count(*)::int FROM volunteers) AS volunteers,
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
    const codes = new Set(
      volunteers.body.data.flatMap((v: { languages: { code: string }[] }) => v.languages.map((l) => l.code)),
    );
    for (const code of ['vi', 'zh', 'ne', 'tl', 'id', 'ko', 'en', 'my', 'th', 'pt']) expect(codes).toContain(code);
    for (const doc of DEMO_AVAILABILITY) expect(validateAvailability(doc)).toEqual([]);
    const lan = volunteers.body.data.find((v: { email: string }) => v.email === 'volunteer1@example.jp');
    const training = await t
      .http()
      .get(`/api/volunteers/${lan.id}/training`)
      .set('Authorization', admin.auth)
      .expect(200);
    expect(training.body.attendance.length).toBeGreaterThan(0);
  });

  it('files demo requests as the coordinators would: the easy one goes out to volunteers, the hard one reaches staff', async () => {
    const admin = await login(t, ADMIN.email, ADMIN.password);
    const requests = await t
      .http()
      .get('/api/requests?perPage=100&sort=startsAt&order=DESC')
      .set('Authorization', admin.auth)
      .expect(200);
    // Tomorrow's visit, confirmed days ago, is history the seed writes; the rest were filed at start.
    const upcoming = requests.body.data.filter(
      (r: { startsAt: string; status: string }) => new Date(r.startsAt) > new Date() && r.status !== 'confirmed',
    );
    expect(upcoming).toHaveLength(4);
    const byLanguage = Object.fromEntries(upcoming.map((r: { language: string }) => [r.language, r]));
    expect(byLanguage.vi.status).toBe('offered');
    expect(byLanguage.ne).toMatchObject({ status: 'escalated', requiredLevel: 'advanced', urgent: true });
    // Filed as the coordinators would: the audit trail names their role.
    const filings = await t.dataSource.query(`SELECT DISTINCT actor_role FROM audit_log WHERE action = 'request.file'`);
    expect(filings).toEqual([{ actor_role: 'coordinator' }]);
    const mail = await t.http().get('/api/mail?perPage=100').set('Authorization', admin.auth).expect(200);
    expect(mail.body.data.some((m: { template: string }) => m.template === 'offer')).toBe(true);
    // The escalation reaches the demo's programme office, who can sign in and act on it.
    const staff = await login(t, 'staff1@example.jp', DEMO_PASSWORD);
    const me = await t.http().get('/api/auth/me').set('Authorization', staff.auth).expect(200);
    expect(me.body.role).toBe('staff');
    const escalations = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM mail_messages WHERE template = 'request_escalated' AND to_address = 'staff1@example.jp'`,
    );
    expect(escalations[0].n).toBeGreaterThan(0);
  });

  it("keeps this fiscal year's past, so figures, review and reports have something to show", async () => {
    const admin = await login(t, ADMIN.email, ADMIN.password);
    const now = new Date();
    const tokyo = new Date(now.getTime() + 9 * 3600_000);
    const fiscalYear = tokyo.getUTCMonth() >= 3 ? tokyo.getUTCFullYear() : tokyo.getUTCFullYear() - 1;
    const summary = await t
      .http()
      .get(`/api/stats/summary?fiscalYear=${fiscalYear}`)
      .set('Authorization', admin.auth)
      .expect(200);
    const [past] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE d.status = 'completed')::int AS completed, count(*) FILTER (WHERE r.status = 'escalated')::int AS unfilled
         FROM requests r LEFT JOIN dispatches d ON d.request_id = r.id WHERE r.starts_at >= $1 AND r.starts_at < now()`,
      [summary.body.from],
    );
    expect(summary.body.dispatches.byStatus.completed).toBe(past.completed);
    expect(summary.body.requests.unfilled).toBe(past.unfilled);
    // Any day after mid-April has a couple of past visits a week in the figures.
    if (new Date(summary.body.from).getTime() + 30 * 86400_000 < now.getTime()) {
      expect(past.completed).toBeGreaterThan(3);
      expect(summary.body.dispatches.byMonth.filter((m: { count: number }) => m.count > 0).length).toBeGreaterThan(0);
    }
    const pending = await t
      .http()
      .get('/api/reports?reviewStatus=pending')
      .set('Authorization', admin.auth)
      .expect(200);
    expect(pending.body.total).toBeGreaterThanOrEqual(1);
    // The volunteer's visit of the last days waits for her report; the hospital can confirm it.
    const volunteer = await login(t, 'volunteer1@example.jp', DEMO_PASSWORD);
    const dispatches = await t
      .http()
      .get('/api/dispatches?perPage=100')
      .set('Authorization', volunteer.auth)
      .expect(200);
    const toReport = dispatches.body.data.filter(
      (d: { status: string; endsAt: string }) => d.status === 'confirmed' && new Date(d.endsAt) < now,
    );
    expect(toReport).toHaveLength(1);
    const report = {
      actualStart: toReport[0].startsAt,
      actualEnd: toReport[0].endsAt,
      waitingMinutes: 10,
      scenes: ['consultation'],
      difficulty: 2,
      transportCostYen: 300,
    };
    await t
      .http()
      .post(`/api/dispatches/${toReport[0].id}/report`)
      .set('Authorization', volunteer.auth)
      .send(report)
      .expect(201);
    const coordinator = await login(t, 'coordinator1@example.jp', DEMO_PASSWORD);
    await t
      .http()
      .post(`/api/dispatches/${toReport[0].id}/hospital-confirmation`)
      .set('Authorization', coordinator.auth)
      .send({ actualStart: toReport[0].startsAt, actualEnd: toReport[0].endsAt, rating: 5 })
      .expect(201);
  });

  it('lets a demo coordinator and a demo volunteer sign in, each seeing their own', async () => {
    const coordinator = await login(t, 'coordinator1@example.jp', DEMO_PASSWORD);
    const me = await t.http().get('/api/auth/me').set('Authorization', coordinator.auth).expect(200);
    const hospital = await t
      .http()
      .get(`/api/hospitals/${me.body.hospitalId}`)
      .set('Authorization', coordinator.auth)
      .expect(200);
    expect(hospital.body).toMatchObject({
      name: '熊本中央病院',
      coordinators: [expect.objectContaining({ email: 'coordinator1@example.jp' })],
    });
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
