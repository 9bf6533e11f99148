import { ConflictError, DEFAULT_DISPATCH_POLICY, Dispatch, Offer } from '@app/domain';
import { DISPATCH_POLICY } from '../apps/api/src/workflow/dispatch-policy';
import { OffersService } from '../apps/api/src/offers/offers.service';
import { aUser } from './support/factories';
import { ADMIN, createTestApp, login, TestApp } from './support/test-app';
import { aHospital, aQualifiedVolunteer, jst, TODAY, trainingCourses } from './support/workflow-fixtures';

/**
 * One shadow seat per request, held by the database: fifty trainees offered the seat of one
 * visit all accept at the same moment, ten visits over — exactly one shadows each.
 */
describe('The shadow seat under racing accepts (API)', () => {
  let t: TestApp;
  let staff: string;
  let coordinator: string;
  let interpreter: { id: string };
  let trainees: { id: string }[];

  beforeAll(async () => {
    t = await createTestApp(
      {},
      [],
      // The policy's automatic shadow wave: confirming the interpreter offers the seat to all 50 trainees.
      [
        {
          provide: DISPATCH_POLICY,
          useValue: Object.freeze({ ...DEFAULT_DISPATCH_POLICY, waveSize: 50, shadowWaveOnConfirm: true }),
        },
      ],
    );
    t.clock.set(TODAY);
    const courses = await trainingCourses(t);
    staff = (await login(t, ADMIN.email, ADMIN.password)).auth;
    const hospital = await aHospital(t);
    const user = await aUser(t, { role: 'coordinator', hospitalId: hospital.id });
    coordinator = (await login(t, user.email, user.password)).auth;
    interpreter = await aQualifiedVolunteer(t, courses, { languages: ['th'], displayName: '通訳 タイ語' });
    trainees = await Promise.all(
      Array.from({ length: 50 }, () => aQualifiedVolunteer(t, courses, { languages: ['th'], level: 'trainee' })),
    );
  }, 120_000);
  afterAll(() => t.close());

  const confirmedVisit = async (day: number) => {
    const request = (
      await t
        .http()
        .post('/api/requests')
        .set('Authorization', coordinator)
        .send({
          language: 'th',
          startsAt: jst(day, '14:00'),
          endsAt: jst(day, '15:00'),
          department: 'internal_medicine',
          visitType: 'outpatient',
          traineeWelcome: true,
          patient: { displayName: 'レース テスト患者', gender: 'male', ageBand: 'adult' },
        })
        .expect(201)
    ).body as { id: string };
    await t
      .http()
      .post(`/api/requests/${request.id}/assign`)
      .set('Authorization', staff)
      .send({ volunteerId: interpreter.id })
      .expect(200);
    return request;
  };

  it('gives exactly one shadow when 50 trainees accept one seat at once, 10 times over', async () => {
    const offersService = t.app.get(OffersService);
    for (let round = 0; round < 10; round++) {
      const request = await confirmedVisit(3 + round);
      // Nobody left to ask: the policy's wave went to all 50 when the interpreter was confirmed.
      const sent = await t.http().post(`/api/requests/${request.id}/shadow`).set('Authorization', staff).send({});
      expect(sent.body).toEqual({ sent: 0, volunteerIds: [] });
      const offers = await t.dataSource
        .getRepository(Offer)
        .find({ where: { requestId: request.id, role: 'shadow', status: 'pending' } });
      expect(offers).toHaveLength(50);
      const results = await Promise.allSettled(offers.map((o) => offersService.acceptOffer(o.id, request.id, null)));
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      const why = (r: PromiseRejectedResult) => (r.reason instanceof ConflictError ? r.reason.code : String(r.reason));
      expect([...new Set(lost.map(why))]).toEqual(['REQUEST_ALREADY_FILLED']);
      const dispatches = await t.dataSource.getRepository(Dispatch).find({ where: { requestId: request.id } });
      expect(dispatches.map((d) => `${d.role}:${d.status}`).sort()).toEqual(['primary:confirmed', 'shadow:confirmed']);
      expect(trainees.map((v) => v.id)).toContain(dispatches.find((d) => d.role === 'shadow')!.volunteerId);
    }
  }, 240_000);

  it('refuses a second live shadow in the database itself, whatever the code: 50 inserts at once, one row', async () => {
    const request = await confirmedVisit(20);
    const insert = (volunteerId: string) =>
      t.dataSource.query(
        `INSERT INTO dispatches (request_id, volunteer_id, role, status, starts_at, ends_at, busy_from, busy_until)
         SELECT r.id, $2, 'shadow', 'confirmed', r.starts_at, r.ends_at, r.starts_at, r.ends_at FROM requests r WHERE r.id = $1`,
        [request.id, volunteerId],
      );
    const results = await Promise.allSettled(trainees.map((v) => insert(v.id)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const constraints = results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => (r.reason as { driverError?: { constraint?: string } }).driverError?.constraint);
    expect([...new Set(constraints)]).toEqual(['uq_dispatches_one_live_per_request']);
  }, 60_000);
});
