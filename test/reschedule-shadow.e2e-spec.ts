import { DEFAULT_DISPATCH_POLICY, Offer } from '@app/domain';
import { DISPATCH_POLICY } from '../apps/api/src/workflow/dispatch-policy';
import { aUser } from './support/factories';
import { ADMIN, createTestApp, login, TestApp } from './support/test-app';
import { aHospital, aQualifiedVolunteer, jst, TODAY, trainingCourses } from './support/workflow-fixtures';

/**
 * A move withdraws the shadow seat's pending offers (they were for the old time). With the
 * policy's automatic shadow wave on, the consent still given and nobody in the seat, the seat is
 * offered again for the new time in the same transaction.
 */
describe('The shadow seat after a move', () => {
  let t: TestApp;
  let staff: string;
  let coordinator: string;
  let interpreter: { id: string };

  beforeAll(async () => {
    t = await createTestApp(
      {},
      [],
      [
        {
          provide: DISPATCH_POLICY,
          useValue: Object.freeze({ ...DEFAULT_DISPATCH_POLICY, shadowWaveOnConfirm: true }),
        },
      ],
    );
    t.clock.set(TODAY);
    const courses = await trainingCourses(t);
    staff = (await login(t, ADMIN.email, ADMIN.password)).auth;
    const hospital = await aHospital(t);
    const user = await aUser(t, { role: 'coordinator', hospitalId: hospital.id });
    coordinator = (await login(t, user.email, user.password)).auth;
    interpreter = await aQualifiedVolunteer(t, courses, { languages: ['ne'] });
    for (let i = 0; i < 3; i++) await aQualifiedVolunteer(t, courses, { languages: ['ne'], level: 'trainee' });
  });
  afterAll(() => t.close());

  it('offers the seat again for the new time when the wave policy is on', async () => {
    const request = (
      await t
        .http()
        .post('/api/requests')
        .set('Authorization', coordinator)
        .send({
          language: 'ne',
          startsAt: jst(8, '14:00'),
          endsAt: jst(8, '15:00'),
          department: 'internal_medicine',
          visitType: 'outpatient',
          traineeWelcome: true,
          patient: { displayName: 'シャドー テスト患者', gender: 'male', ageBand: 'adult' },
        })
        .expect(201)
    ).body as { id: string };
    await t
      .http()
      .post(`/api/requests/${request.id}/assign`)
      .set('Authorization', staff)
      .send({ volunteerId: interpreter.id })
      .expect(200);
    const pending = () =>
      t.dataSource.getRepository(Offer).find({ where: { requestId: request.id, role: 'shadow', status: 'pending' } });
    const before = await pending();
    expect(before.length).toBeGreaterThan(0);

    await t
      .http()
      .post(`/api/requests/${request.id}/reschedule`)
      .set('Authorization', coordinator)
      .send({ startsAt: jst(9, '10:00'), endsAt: jst(9, '11:00') })
      .expect(200);
    const after = await pending();
    expect(after.length).toBeGreaterThan(0);
    expect(after.map((o) => o.id)).not.toEqual(expect.arrayContaining(before.map((o) => o.id)));
    expect(after.every((o) => o.expiresAt <= new Date(jst(9, '10:00')))).toBe(true);
  });
});
