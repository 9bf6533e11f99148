import { Dispatch, InterpretationRequest, MailMessage, StatusTransition } from '@app/domain';
import { aUser, aVolunteer } from './support/factories';
import { ADMIN, createTestApp, login, TestApp } from './support/test-app';
import { aHospital, aQualifiedVolunteer, jst, TODAY, trainingCourses } from './support/workflow-fixtures';

/**
 * Staff swaps: a Nepali visit only one volunteer could interpret, who is booked at the same
 * time for an English visit that someone else could take.
 */
describe('Staff swaps (API)', () => {
  let t: TestApp;
  let staff: string;
  let coordinator: string;
  let holder: { id: string; email: string };
  let cover: { id: string; email: string };
  let frenchOnly: { id: string };
  let english: { id: string };
  let nepali: { id: string };

  const file = (language: string, startsAt: string, endsAt: string) =>
    t
      .http()
      .post('/api/requests')
      .set('Authorization', coordinator)
      .send({
        language,
        startsAt,
        endsAt,
        department: 'internal_medicine',
        visitType: 'outpatient',
        patient: { displayName: 'スワップ テスト患者', gender: 'female', ageBand: 'adult' },
      })
      .expect(201)
      .then((res) => res.body as { id: string; status: string });

  const swap = (body: Record<string, string>, requestId = nepali.id) =>
    t.http().post(`/api/requests/${requestId}/swap`).set('Authorization', staff).send(body);
  const dispatchesOf = (requestId: string) =>
    t.dataSource.getRepository(Dispatch).find({ where: { requestId }, order: { createdAt: 'ASC' } });
  const statusOf = async (requestId: string) =>
    (await t.dataSource.getRepository(InterpretationRequest).findOneByOrFail({ id: requestId })).status;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
    const courses = await trainingCourses(t);
    staff = (await login(t, ADMIN.email, ADMIN.password)).auth;
    const hospital = await aHospital(t, { area: '中央区', name: '熊本スワップ病院' });
    const user = await aUser(t, { role: 'coordinator', hospitalId: hospital.id });
    coordinator = (await login(t, user.email, user.password)).auth;
    holder = await aQualifiedVolunteer(t, courses, { languages: ['ne', 'en'], displayName: 'ネパール語 担当' });
    cover = await aQualifiedVolunteer(t, courses, { languages: ['en'], displayName: '英語 代役' });
    frenchOnly = await aQualifiedVolunteer(t, courses, { languages: ['fr'] });
    await aVolunteer(t, { languages: ['ne'], status: 'retired' });

    english = await file('en', jst(15, '10:00'), jst(15, '11:00'));
    await t
      .http()
      .post(`/api/requests/${english.id}/assign`)
      .set('Authorization', staff)
      .send({ volunteerId: holder.id })
      .expect(200);
    nepali = await file('ne', jst(15, '10:30'), jst(15, '12:00'));
  });
  afterAll(() => t.close());

  it('escalates the Nepali visit: its only speaker is booked at that time', async () => {
    expect(await statusOf(nepali.id)).toBe('escalated');
  });

  it('shows staff who could be freed, the dispatch to hand on and who could take it, without patient details', async () => {
    const res = await t.http().get(`/api/requests/${nepali.id}/swaps`).set('Authorization', staff).expect(200);
    const [held] = await dispatchesOf(english.id);
    expect(res.body).toEqual([
      {
        volunteerId: holder.id,
        displayName: 'ネパール語 担当',
        score: expect.any(Number),
        releases: {
          dispatchId: held.id,
          requestId: english.id,
          language: 'en',
          startsAt: new Date(jst(15, '10:00')).toISOString(),
          endsAt: new Date(jst(15, '11:00')).toISOString(),
          hospitalName: '熊本スワップ病院',
        },
        cover: [{ volunteerId: cover.id, displayName: '英語 代役' }],
      },
    ]);
    expect(JSON.stringify(res.body)).not.toContain('スワップ テスト患者');
    await t.http().get(`/api/requests/${nepali.id}/swaps`).set('Authorization', coordinator).expect(403);
  });

  it('refuses a cover who cannot take the visit, naming the field, and moves nothing', async () => {
    const [held] = await dispatchesOf(english.id);
    const res = await swap({ volunteerId: holder.id, dispatchId: held.id, coverVolunteerId: frenchOnly.id }).expect(
      422,
    );
    expect(res.body).toMatchObject({ code: 'VOLUNTEER_NOT_ELIGIBLE', errors: { coverVolunteerId: ['LANGUAGE'] } });
    expect((await dispatchesOf(english.id)).map((d) => [d.volunteerId, d.status])).toEqual([[holder.id, 'confirmed']]);
    expect(await statusOf(english.id)).toBe('confirmed');
    expect(await statusOf(nepali.id)).toBe('escalated');
    expect(await dispatchesOf(nepali.id)).toEqual([]);
  });

  it('refuses a dispatch that is not the volunteer’s, and missing fields, by name', async () => {
    const [held] = await dispatchesOf(english.id);
    const wrong = await swap({ volunteerId: cover.id, dispatchId: held.id, coverVolunteerId: holder.id }).expect(422);
    expect(Object.keys(wrong.body.errors)).toEqual(['dispatchId']);
    const missing = await swap({ volunteerId: holder.id, dispatchId: held.id }).expect(422);
    expect(Object.keys(missing.body.errors)).toEqual(['coverVolunteerId']);
  });

  it('refuses to hand on a visit less than 24 hours away', async () => {
    const [held] = await dispatchesOf(english.id);
    t.clock.set(jst(14, '11:00'));
    try {
      const res = await swap({ volunteerId: holder.id, dispatchId: held.id, coverVolunteerId: cover.id }).expect(422);
      expect(Object.keys(res.body.errors)).toEqual(['dispatchId']);
      expect(await statusOf(nepali.id)).toBe('escalated');
    } finally {
      t.clock.set(TODAY);
    }
  });

  it('carries the swap out: the cover takes the English visit, the freed volunteer the Nepali one', async () => {
    const [held] = await dispatchesOf(english.id);
    const res = await swap({ volunteerId: holder.id, dispatchId: held.id, coverVolunteerId: cover.id }).expect(200);
    expect(res.body.dispatch).toMatchObject({ requestId: nepali.id, volunteerId: holder.id, status: 'confirmed' });
    expect(res.body.handedOver).toMatchObject({ requestId: english.id, volunteerId: cover.id, status: 'confirmed' });
    // Views, not rows: no token hash or scheduling internals in the answer.
    for (const dispatch of [res.body.dispatch, res.body.handedOver])
      expect(Object.keys(dispatch).filter((key) => /hash|token|busy|area|offerId/i.test(key))).toEqual([]);
    expect(await statusOf(nepali.id)).toBe('confirmed');
    expect(await statusOf(english.id)).toBe('confirmed');
    const englishDispatches = await dispatchesOf(english.id);
    expect(englishDispatches.map((d) => [d.volunteerId, d.status, d.lateCancellation])).toEqual([
      [holder.id, 'cancelled', false],
      [cover.id, 'confirmed', false],
    ]);
    const events = await t.dataSource.getRepository(StatusTransition).find({ where: { subjectId: english.id } });
    expect(events.map((e) => e.event)).toEqual(expect.arrayContaining(['reopen', 'confirm']));
    expect(events.find((e) => e.event === 'reopen')!.reason).toContain(nepali.id);
    // Each volunteer is sent their new visit (with its calendar file).
    const confirmations = await t.dataSource
      .getRepository(MailMessage)
      .find({ where: { template: 'dispatch_confirmed' } });
    expect(confirmations.map((m) => m.toAddress).sort()).toEqual(
      expect.arrayContaining([holder.email, cover.email].sort()),
    );
    expect(confirmations.filter((m) => m.toAddress === cover.email)).toHaveLength(1);
    // …and the holder's calendar entry for the visit handed on is cancelled.
    const handedOn = await t.dataSource
      .getRepository(MailMessage)
      .find({ where: { template: 'dispatch_cancelled', toAddress: holder.email } });
    expect(handedOn).toHaveLength(1);
    expect(Buffer.from(handedOn[0].attachments![0].content, 'base64').toString('utf8')).toContain('METHOD:CANCEL');
    // Filled now: no more swaps, and a second attempt is refused.
    expect(
      (await t.http().get(`/api/requests/${nepali.id}/swaps`).set('Authorization', staff).expect(200)).body,
    ).toEqual([]);
    const again = await swap({ volunteerId: holder.id, dispatchId: held.id, coverVolunteerId: cover.id }).expect(409);
    expect(again.body.code).toBe('REQUEST_ALREADY_FILLED');
  });

  it('lets only one of two staff swapping the same request at the same moment through', async () => {
    const courses = await trainingCourses(t);
    const second = await aQualifiedVolunteer(t, courses, { languages: ['en'] });
    const englishLater = await file('en', jst(16, '10:00'), jst(16, '11:00'));
    await t
      .http()
      .post(`/api/requests/${englishLater.id}/assign`)
      .set('Authorization', staff)
      .send({ volunteerId: holder.id })
      .expect(200);
    const nepaliLater = await file('ne', jst(16, '10:30'), jst(16, '12:00'));
    const [held] = await dispatchesOf(englishLater.id);
    const results = await Promise.all(
      [cover, second].map((c) =>
        swap({ volunteerId: holder.id, dispatchId: held.id, coverVolunteerId: c.id }, nepaliLater.id),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const live = async (requestId: string) => (await dispatchesOf(requestId)).filter((d) => d.status === 'confirmed');
    expect((await live(nepaliLater.id)).map((d) => d.volunteerId)).toEqual([holder.id]);
    expect(await live(englishLater.id)).toHaveLength(1);
    expect([cover.id, second.id]).toContain((await live(englishLater.id))[0].volunteerId);
  });
});
