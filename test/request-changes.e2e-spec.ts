import { DEFAULT_DISPATCH_POLICY as POLICY, MailMessage, Offer } from '@app/domain';
import { Like } from 'typeorm';
import { OFFER_JOBS } from '../apps/api/src/workflow/workflow-jobs';
import { createTestApp, TestApp } from './support/test-app';
import { fileRequest, visitWorld } from './support/visit-fixtures';
import { aQualifiedVolunteer, at, jst, runJobsAt, TODAY } from './support/workflow-fixtures';
import { deliveredToken } from './support/delivered-mail';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * A request's timers follow what the request is now: a change before confirmation, a hold and
 * its release, and offers staff send by hand each leave exactly the timers the new terms need.
 */
describe('Request changes, holds and hand-sent offers keep the timers right', () => {
  let t: TestApp;
  let staff: string;
  let coordinator: { email: string; auth: string };
  let courses: Awaited<ReturnType<typeof visitWorld>>['courses'];

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
    ({ staff, courses, coordinator } = await visitWorld(t, 0));
  });
  afterEach(() => t.clock.set(TODAY));
  afterAll(() => t.close());

  const deadlineOf = (startsAt: string) => at(startsAt, -POLICY.escalateBeforeHours * HOUR);
  const statusOf = async (requestId: string) =>
    (await t.http().get(`/api/requests/${requestId}`).set('Authorization', staff).expect(200)).body;
  const patch = (requestId: string, body: object) =>
    t.http().patch(`/api/requests/${requestId}`).set('Authorization', coordinator.auth).send(body);
  const escalationMails = (requestId: string) =>
    t.dataSource.getRepository(MailMessage).find({
      where: {
        toAddress: coordinator.email,
        template: 'request_escalated',
        idempotencyKey: Like(`escalated:${requestId}:%`),
      },
    });
  /** When the request's pending timers of this type are due. */
  const pendingJobs = async (requestId: string, type: string): Promise<Date[]> =>
    (
      await t.dataSource.query(
        `SELECT due_at FROM jobs WHERE type = $1 AND status = 'pending' AND payload->>'requestId' = $2 ORDER BY due_at`,
        [type, requestId],
      )
    ).map((j: { due_at: Date }) => j.due_at);

  it('drops the old staff deadline and wave timer when the visit moves, so the old deadline escalates nothing', async () => {
    await aQualifiedVolunteer(t, courses, { languages: ['ne'] });
    const tomorrow = jst(2, '10:00');
    const request = await fileRequest(t, coordinator.auth, {
      language: 'ne',
      startsAt: tomorrow,
      endsAt: at(tomorrow, HOUR).toISOString(),
    });
    const nextWeek = jst(8, '10:00');
    await patch(request.id, { startsAt: nextWeek, endsAt: at(nextWeek, HOUR).toISOString() }).expect(200);

    expect(await pendingJobs(request.id, OFFER_JOBS.escalate)).toEqual([deadlineOf(nextWeek)]);
    expect(await pendingJobs(request.id, OFFER_JOBS.nextWave)).toHaveLength(1);
    // Tonight, the old visit's deadline: nothing happens to the visit next week.
    await runJobsAt(t, at(deadlineOf(tomorrow).toISOString(), MINUTE));
    expect(await statusOf(request.id)).toMatchObject({ status: 'offered', escalationReason: null });
    expect(await escalationMails(request.id)).toHaveLength(0);
  });

  it('asks again, for the new time, a volunteer who declined the old one', async () => {
    const busyTuesday = await aQualifiedVolunteer(t, courses, { languages: ['uz'] });
    const tuesday = jst(15, '10:00');
    const request = await fileRequest(t, coordinator.auth, {
      language: 'uz',
      startsAt: tuesday,
      endsAt: at(tuesday, HOUR).toISOString(),
    });
    const [first] = await t.dataSource
      .getRepository(Offer)
      .find({ where: { requestId: request.id, volunteerId: busyTuesday.id } });
    const mail = await t.dataSource
      .getRepository(MailMessage)
      .findOneByOrFail({ template: 'offer', idempotencyKey: `offer:${first.id}` });
    await t
      .http()
      .post(`/api/offer-links/${await deliveredToken(t, mail, 'offer-links')}/decline`)
      .send({})
      .expect(200);
    // Nobody else speaks Uzbek: staff are called in. Then the hospital moves the visit to Wednesday.
    expect(await statusOf(request.id)).toMatchObject({ status: 'escalated', escalationReason: 'all_declined' });
    t.clock.set(at(TODAY, 2 * HOUR));
    const wednesday = jst(16, '10:00');
    await patch(request.id, { startsAt: wednesday, endsAt: at(wednesday, HOUR).toISOString() }).expect(200);
    const offers = await t.dataSource
      .getRepository(Offer)
      .find({ where: { requestId: request.id, volunteerId: busyTuesday.id }, order: { createdAt: 'ASC' } });
    expect(offers.map((o) => o.status)).toEqual(['declined', 'pending']);
    expect(await statusOf(request.id)).toMatchObject({ status: 'offered' });
  });

  it('records a new time for an escalated request nobody can take, which stays escalated and staff hear the new time', async () => {
    const startsAt = jst(9, '10:00');
    // Nobody speaks Khmer: escalated at filing.
    const request = await fileRequest(t, coordinator.auth, {
      language: 'km',
      startsAt,
      endsAt: at(startsAt, HOUR).toISOString(),
    });
    expect(await statusOf(request.id)).toMatchObject({ status: 'escalated', escalationReason: 'no_eligible' });
    t.clock.set(at(TODAY, HOUR));
    const later = jst(9, '14:00');
    const changed = await patch(request.id, { startsAt: later, endsAt: at(later, HOUR).toISOString() }).expect(200);
    expect(changed.body).toMatchObject({
      status: 'escalated',
      escalationReason: 'no_eligible',
      startsAt: new Date(later).toISOString(),
    });
    expect(await statusOf(request.id)).toMatchObject({ status: 'escalated', startsAt: new Date(later).toISOString() });
    const mails = await escalationMails(request.id);
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.textBody).join()).toContain('14:00');
  });

  it('sets the staff deadline again when staff offer an escalated request by hand', async () => {
    // The visit is 20 hours off: the deadline (12 hours before) comes before the hand-sent offers expire.
    const startsAt = at(TODAY, 20 * HOUR).toISOString();
    const request = await fileRequest(t, coordinator.auth, {
      language: 'si',
      startsAt,
      endsAt: at(startsAt, HOUR).toISOString(),
    });
    expect(await statusOf(request.id)).toMatchObject({ status: 'escalated', escalationReason: 'no_eligible' });
    // Staff find someone who just joined and offer it to them.
    const joined = await aQualifiedVolunteer(t, courses, { languages: ['si'] });
    t.clock.set(at(TODAY, HOUR));
    await t
      .http()
      .post(`/api/requests/${request.id}/offers`)
      .set('Authorization', staff)
      .send({ volunteerIds: [joined.id] })
      .expect(200);
    expect(await statusOf(request.id)).toMatchObject({ status: 'offered' });
    expect(await pendingJobs(request.id, OFFER_JOBS.escalate)).toEqual([deadlineOf(startsAt)]);

    // No answer by the deadline: staff are called in again, while the offer stays open.
    await runJobsAt(t, at(deadlineOf(startsAt).toISOString(), MINUTE));
    expect(await statusOf(request.id)).toMatchObject({ status: 'escalated', escalationReason: 'no_answer' });
    expect(await escalationMails(request.id)).toHaveLength(2);
  });

  it('does not call staff in again at once for offers they send by hand past the deadline', async () => {
    const startsAt = at(TODAY, 6 * HOUR).toISOString();
    const request = await fileRequest(t, coordinator.auth, {
      language: 'mn',
      startsAt,
      endsAt: at(startsAt, HOUR).toISOString(),
    });
    const joined = await aQualifiedVolunteer(t, courses, { languages: ['mn'] });
    t.clock.set(at(TODAY, HOUR));
    await t
      .http()
      .post(`/api/requests/${request.id}/offers`)
      .set('Authorization', staff)
      .send({ volunteerIds: [joined.id] })
      .expect(200);
    await runJobsAt(t, at(TODAY, HOUR + MINUTE));
    expect(await statusOf(request.id)).toMatchObject({ status: 'offered' });
    expect(await escalationMails(request.id)).toHaveLength(1);
  });

  describe('hold and release', () => {
    const hold = (requestId: string) =>
      t.http().post(`/api/requests/${requestId}/hold`).set('Authorization', staff).expect(200);
    const release = (requestId: string) =>
      t.http().post(`/api/requests/${requestId}/release`).set('Authorization', staff).expect(200);
    const offers = async (requestId: string, status?: string) =>
      Number(
        (
          await t.dataSource.query(
            `SELECT count(*) FROM offers WHERE request_id = $1 AND ($2::text IS NULL OR status = $2)`,
            [requestId, status ?? null],
          )
        )[0].count,
      );

    it('sends, on release, the wave whose timer came due during the hold', async () => {
      for (let i = 0; i < 5; i++) await aQualifiedVolunteer(t, courses, { languages: ['my'] });
      const request = await fileRequest(t, coordinator.auth, {
        language: 'my',
        startsAt: jst(11, '10:00'),
        endsAt: jst(11, '11:00'),
      });
      expect((await hold(request.id)).body).toMatchObject({ onHold: true, status: 'offered' });
      await runJobsAt(t, at(TODAY, (POLICY.waveIntervalMinutes + 1) * MINUTE));
      expect(await offers(request.id)).toBe(POLICY.waveSize);

      expect((await release(request.id)).body).toMatchObject({ onHold: false, status: 'offered' });
      expect(await offers(request.id, 'pending')).toBe(5);
    });

    it('offers a request changed while held again on release, and keeps a staff deadline for its new time throughout', async () => {
      await aQualifiedVolunteer(t, courses, { languages: ['lo'] });
      const request = await fileRequest(t, coordinator.auth, {
        language: 'lo',
        startsAt: jst(12, '10:00'),
        endsAt: jst(12, '11:00'),
      });
      await hold(request.id);
      await patch(request.id, { startsAt: jst(13, '10:00'), endsAt: jst(13, '11:00') }).expect(200);
      expect(await offers(request.id, 'pending')).toBe(0);
      expect(await pendingJobs(request.id, OFFER_JOBS.escalate)).toEqual([deadlineOf(jst(13, '10:00'))]);

      t.clock.set(at(TODAY, 2 * HOUR));
      await release(request.id);
      expect(await offers(request.id, 'pending')).toBe(1);
      expect(await pendingJobs(request.id, OFFER_JOBS.escalate)).toEqual([deadlineOf(jst(13, '10:00'))]);
      expect(await statusOf(request.id)).toMatchObject({ status: 'offered', onHold: false });
    });
  });
});
