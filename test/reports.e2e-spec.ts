import { MailMessage } from '@app/domain';
import { JobsService } from '../apps/api/src/jobs/jobs.service';
import { ReportsService } from '../apps/api/src/reports/reports.service';
import { aUser } from './support/factories';
import { createTestApp, login, TestApp } from './support/test-app';
import { PATIENT, visitWorld } from './support/visit-fixtures';
import { jst, TODAY } from './support/workflow-fixtures';

const report = (over: Record<string, unknown> = {}) => ({
  actualStart: jst(8, '10:00'),
  actualEnd: jst(8, '11:50'),
  waitingMinutes: 25,
  scenes: ['reception', 'consultation', 'pharmacy'],
  difficulty: 3,
  transportCostYen: 640,
  ...over,
});

/** Activity reports, the hospital's confirmation with the time-dispute flag, the review queue and the chaser. */
describe('After the visit: reports and review (API)', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof visitWorld>>;
  const d: Record<string, { requestId: string; dispatchId: string }> = {};

  beforeAll(async () => {
    t = await createTestApp({ TIME_DISPUTE_MARGIN_MINUTES: '15' });
    t.clock.set(TODAY);
    world = await visitWorld(t, 2);
    const [v1] = world.volunteers;
    for (const day of [8, 9, 10, 11, 12]) d[day] = await world.dispatch(jst(day, '10:00'), jst(day, '12:00'), v1.id);
  });
  afterAll(() => t.close());

  const post = (dispatchId: string, auth: string, body: Record<string, unknown>) =>
    t.http().post(`/api/dispatches/${dispatchId}/report`).set('Authorization', auth).send(body);

  it('refuses a report before the visit (409) and on another volunteer’s dispatch (404)', async () => {
    const [v1, v2] = world.volunteers;
    const early = await post(d[8].dispatchId, v1.auth, report()).expect(409);
    expect(early.body.code).toBe('VISIT_NOT_HAPPENED');
    t.clock.set(jst(8, '13:00'));
    await post(d[8].dispatchId, v2.auth, report()).expect(404);
    await t.http().get(`/api/dispatches/${d[8].dispatchId}/report`).set('Authorization', v2.auth).expect(404);
    await post(d[8].dispatchId, world.coordinator.auth, report()).expect(403);
  });

  it('takes the report once the visit has ended, validates it, and lets the volunteer change it until reviewed', async () => {
    const [v1] = world.volunteers;
    t.clock.set(jst(8, '13:00'));
    const bad = await post(d[8].dispatchId, v1.auth, report({ difficulty: 6, scenes: ['karaoke'] }));
    expect([400, 422]).toContain(bad.status);
    expect(Object.keys(bad.body.errors ?? {})).toEqual(expect.arrayContaining(['difficulty']));
    const reversed = await post(d[8].dispatchId, v1.auth, report({ actualEnd: jst(8, '09:00') })).expect(422);
    expect(reversed.body.errors).toHaveProperty('actualEnd');
    // An end still ahead (13:00 now) is a typo: the same rule as a completion's times.
    const future = await post(d[8].dispatchId, v1.auth, report({ actualEnd: jst(8, '14:00') })).expect(422);
    expect(Object.keys(future.body.errors)).toEqual(['actualEnd']);

    const filed = await post(d[8].dispatchId, v1.auth, report()).expect(201);
    expect(filed.body).toMatchObject({
      dispatchId: d[8].dispatchId,
      reviewStatus: 'pending',
      timeDispute: false,
      wellbeingConcern: false,
      flagged: false,
    });
    expect((await post(d[8].dispatchId, v1.auth, report()).expect(409)).body.code).toBe('REPORT_EXISTS');

    const patched = await t
      .http()
      .patch(`/api/dispatches/${d[8].dispatchId}/report`)
      .set('Authorization', v1.auth)
      .send({ waitingMinutes: 40, termsToStudy: '造影剤' })
      .expect(200);
    expect(patched.body).toMatchObject({ waitingMinutes: 40, termsToStudy: '造影剤', difficulty: 3 });
    const own = await t
      .http()
      .get(`/api/dispatches/${d[8].dispatchId}/report`)
      .set('Authorization', v1.auth)
      .expect(200);
    expect(own.body.waitingMinutes).toBe(40);
  });

  it('flags a time dispute when the hospital’s times differ by more than the margin, and completes the dispatch', async () => {
    t.clock.set(jst(8, '14:00'));
    const confirmed = await t
      .http()
      .post(`/api/dispatches/${d[8].dispatchId}/hospital-confirmation`)
      .set('Authorization', world.coordinator.auth)
      .send({ actualStart: jst(8, '10:00'), actualEnd: jst(8, '12:10'), rating: 5, comment: '助かりました' })
      .expect(201);
    expect(confirmed.body).toMatchObject({ timeDispute: true, rating: 5 });
    const dispatch = await t
      .http()
      .get(`/api/dispatches/${d[8].dispatchId}`)
      .set('Authorization', world.staff)
      .expect(200);
    expect(dispatch.body).toMatchObject({ status: 'completed', actualEnd: new Date(jst(8, '12:10')).toISOString() });
    const reportNow = await t
      .http()
      .get(`/api/dispatches/${d[8].dispatchId}/report`)
      .set('Authorization', world.staff)
      .expect(200);
    expect(reportNow.body).toMatchObject({ timeDispute: true, flagged: true });
    await t
      .http()
      .post(`/api/dispatches/${d[8].dispatchId}/hospital-confirmation`)
      .set('Authorization', world.coordinator.auth)
      .send({ actualStart: jst(8, '10:00'), actualEnd: jst(8, '12:00') })
      .expect(409);

    // Within the margin: no dispute. Another hospital's coordinator gets 404.
    t.clock.set(jst(9, '13:00'));
    await post(
      d[9].dispatchId,
      world.volunteers[0].auth,
      report({ actualStart: jst(9, '10:00'), actualEnd: jst(9, '11:50') }),
    ).expect(201);
    const other = await aUser(t, { role: 'coordinator' });
    const otherAuth = (await login(t, other.email, other.password)).auth;
    await t
      .http()
      .post(`/api/dispatches/${d[9].dispatchId}/hospital-confirmation`)
      .set('Authorization', otherAuth)
      .send({ actualStart: jst(9, '10:00'), actualEnd: jst(9, '12:00') })
      .expect(404);
    const close = await t
      .http()
      .post(`/api/dispatches/${d[9].dispatchId}/hospital-confirmation`)
      .set('Authorization', world.coordinator.auth)
      .send({ actualStart: jst(9, '10:05'), actualEnd: jst(9, '12:05') })
      .expect(201);
    expect(close.body.timeDispute).toBe(false);

    // Read back by the hospital and staff (the panel shows it after a reload); not by another hospital.
    const readBack = await t
      .http()
      .get(`/api/dispatches/${d[8].dispatchId}/hospital-confirmation`)
      .set('Authorization', world.coordinator.auth)
      .expect(200);
    expect(readBack.body).toMatchObject({
      dispatchId: d[8].dispatchId,
      rating: 5,
      comment: '助かりました',
      timeDispute: true,
    });
    await t
      .http()
      .get(`/api/dispatches/${d[8].dispatchId}/hospital-confirmation`)
      .set('Authorization', world.staff)
      .expect(200);
    await t
      .http()
      .get(`/api/dispatches/${d[8].dispatchId}/hospital-confirmation`)
      .set('Authorization', otherAuth)
      .expect(404);
    await t
      .http()
      .get(`/api/dispatches/${d[9].dispatchId}/hospital-confirmation`)
      .set('Authorization', world.volunteers[0].auth)
      .expect(403);
    const unconfirmed = await t
      .http()
      .get(`/api/dispatches/${d[10].dispatchId}/hospital-confirmation`)
      .set('Authorization', world.coordinator.auth)
      .expect(404);
    expect(unconfirmed.body.code).toBe('CONFIRMATION_NOT_FOUND');
    // The dispatches of one request, for the request page.
    const ofRequest = await t
      .http()
      .get(`/api/dispatches?requestId=${d[8].requestId}`)
      .set('Authorization', world.coordinator.auth)
      .expect(200);
    expect(ofRequest.body).toMatchObject({
      total: 1,
      data: [
        expect.objectContaining({
          id: d[8].dispatchId,
          hospitalConfirmed: true,
          interpreterName: world.volunteers[0].displayName,
        }),
      ],
    });
    const notYet = await t
      .http()
      .get(`/api/dispatches?requestId=${d[10].requestId}`)
      .set('Authorization', world.coordinator.auth)
      .expect(200);
    expect(notYet.body.data[0].hospitalConfirmed).toBe(false);
    const bad = await t
      .http()
      .get('/api/dispatches?requestId=not-a-uuid')
      .set('Authorization', world.staff)
      .expect(422);
    expect(JSON.stringify(bad.body)).toContain('requestId');
  });

  it('lists pending reports flagged first, then oldest first; a reviewed report is closed to edits', async () => {
    const [v1] = world.volunteers;
    t.clock.set(jst(10, '13:00'));
    await post(
      d[10].dispatchId,
      v1.auth,
      report({ actualStart: jst(10, '10:00'), actualEnd: jst(10, '12:00'), wellbeingConcern: true }),
    ).expect(201);
    t.clock.set(jst(11, '13:00'));
    await post(
      d[11].dispatchId,
      v1.auth,
      report({ actualStart: jst(11, '10:00'), actualEnd: jst(11, '12:00') }),
    ).expect(201);

    await t.http().get('/api/reports?reviewStatus=pending').set('Authorization', v1.auth).expect(403);
    const queue = await t.http().get('/api/reports?reviewStatus=pending').set('Authorization', world.staff).expect(200);
    expect(queue.body.total).toBe(4);
    expect(queue.body.data.map((r: { dispatchId: string }) => r.dispatchId)).toEqual([
      d[8].dispatchId,
      d[10].dispatchId,
      d[9].dispatchId,
      d[11].dispatchId,
    ]);

    const nine = queue.body.data[2];
    const reviewed = await t
      .http()
      .post(`/api/reports/${nine.id}/review`)
      .set('Authorization', world.staff)
      .send({ status: 'reviewed', comment: '確認しました' })
      .expect(200);
    expect(reviewed.body).toMatchObject({ reviewStatus: 'reviewed', reviewComment: '確認しました' });
    expect(
      (
        await t
          .http()
          .patch(`/api/dispatches/${d[9].dispatchId}/report`)
          .set('Authorization', v1.auth)
          .send({ difficulty: 2 })
          .expect(409)
      ).body.code,
    ).toBe('REPORT_ALREADY_REVIEWED');
    await t
      .http()
      .post(`/api/reports/${nine.id}/review`)
      .set('Authorization', world.staff)
      .send({ status: 'follow_up' })
      .expect(409);
    const ten = queue.body.data[1];
    await t
      .http()
      .post(`/api/reports/${ten.id}/review`)
      .set('Authorization', world.staff)
      .send({ status: 'follow_up', comment: '電話する' })
      .expect(200);
    const pending = await t
      .http()
      .get('/api/reports?reviewStatus=pending')
      .set('Authorization', world.staff)
      .expect(200);
    expect(pending.body.data.map((r: { dispatchId: string }) => r.dispatchId)).toEqual([
      d[8].dispatchId,
      d[11].dispatchId,
    ]);
    const followUp = await t
      .http()
      .get('/api/reports?reviewStatus=follow_up')
      .set('Authorization', world.staff)
      .expect(200);
    expect(followUp.body.total).toBe(1);
  });

  it('chases a missing report by mail through the daily job, once, with no patient details', async () => {
    const [v1] = world.volunteers;
    const reminders = () =>
      t.dataSource.getRepository(MailMessage).find({ where: { toAddress: v1.email, template: 'report_reminder' } });
    // The daily sweep is a durable job: scheduled for 09:00 the next morning, Tokyo time.
    t.clock.set(jst(14, '08:00'));
    await t.app.get(ReportsService).scheduleChase();
    t.clock.set(jst(14, '09:30'));
    await t.app.get(JobsService).runDue(500);
    const mails = await reminders();
    expect(mails).toHaveLength(1);
    expect(mails[0].textBody).toContain(`/dispatches/${d[12].dispatchId}/report`);
    expect(mails[0].textBody + mails[0].htmlBody + mails[0].subject).not.toContain(PATIENT);
    const next: { due_at: Date }[] = await t.dataSource.query(
      `SELECT due_at FROM jobs WHERE type = 'reports.chase' AND status = 'pending'`,
    );
    expect(next.map((j) => j.due_at.toISOString())).toContain(new Date(jst(15, '09:00')).toISOString());

    // The next day's run sends nothing new; filing the report stops the chase.
    t.clock.set(jst(15, '09:30'));
    await t.app.get(JobsService).runDue(500);
    expect(await reminders()).toHaveLength(1);
  });
});
