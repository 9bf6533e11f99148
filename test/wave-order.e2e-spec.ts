import { DEFAULT_DISPATCH_POLICY as POLICY, MailMessage, Offer } from '@app/domain';
import { JobsService } from '../apps/api/src/jobs/jobs.service';
import { createTestApp, TestApp } from './support/test-app';
import { fileRequest, visitWorld } from './support/visit-fixtures';
import { aQualifiedVolunteer, jst, TODAY } from './support/workflow-fixtures';
import { deliveredToken } from './support/delivered-mail';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Who the live policy asks first (DEFAULT_DISPATCH_POLICY, the simulator's "Production" row):
 * room under the monthly cap before rank, quick answerers first among those with ample room, and
 * an urgent request further off than `broadcastWithinHours` still in waves, and a second offer
 * (by the timers or by staff) to whoever let the first one expire.
 */
describe('Live wave order and second offers', () => {
  let t: TestApp;
  let staff: string;
  let coordinator: string;
  let courses: Awaited<ReturnType<typeof visitWorld>>['courses'];

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
    const world = await visitWorld(t, 0);
    ({ staff, courses } = world);
    coordinator = world.coordinator.auth;
  });
  afterAll(() => t.close());

  const waveOf = async (requestId: string, wave: number) =>
    new Set((await t.dataSource.getRepository(Offer).find({ where: { requestId, wave } })).map((o) => o.volunteerId));

  /** Past offers of `volunteerId` (of a request since cancelled): answered after these minutes, or left to expire (null). */
  async function answerHistory(requestId: string, volunteerId: string, minutes: (number | null)[]) {
    for (const [i, m] of minutes.entries()) {
      const sent = new Date(new Date(TODAY).getTime() - (30 - i) * 24 * HOUR);
      await t.dataSource.query(
        `INSERT INTO offers (request_id, volunteer_id, role, status, wave, expires_at, responded_at, created_at)
         VALUES ($1, $2, 'primary', $3, 1, $4, $5, $6)`,
        [
          requestId,
          volunteerId,
          m === null ? 'expired' : 'declined',
          new Date(sent.getTime() + 12 * HOUR),
          m === null ? null : new Date(sent.getTime() + m * MINUTE),
          sent,
        ],
      );
    }
  }

  it('asks volunteers with room under their cap first, and among those with ample room the quick answerers', async () => {
    // Lives next to the hospital and answers every offer, so ranks first, but may take one visit a month.
    const nearCap = await aQualifiedVolunteer(t, courses, {
      languages: ['vi'],
      homeArea: '南区',
      maxDispatchesPerMonth: 1,
    });
    // Answer every offer, but slowly (3 hours).
    const slow: string[] = [];
    for (let i = 0; i < 3; i++)
      slow.push((await aQualifiedVolunteer(t, courses, { languages: ['vi'], homeArea: '菊池市' })).id);
    // Answers within minutes, but lets half the offers expire: ranks below the slow ones.
    const quick = await aQualifiedVolunteer(t, courses, { languages: ['vi'], homeArea: '菊池市' });

    const past = await fileRequest(t, coordinator, { startsAt: jst(3, '10:00'), endsAt: jst(3, '11:00') });
    await t
      .http()
      .post(`/api/requests/${past.id}/cancel`)
      .set('Authorization', coordinator)
      .send({ reason: 'テスト用の履歴' })
      .expect(200);
    await answerHistory(past.id, nearCap.id, [60, 50]);
    for (const id of slow) await answerHistory(past.id, id, [180, 170, 190]);
    await answerHistory(past.id, quick.id, [5, 8, 6, null, null, null]);

    const request = await fileRequest(t, coordinator, { startsAt: jst(15, '10:00'), endsAt: jst(15, '11:00') });
    const ranked: string[] = (
      await t.http().get(`/api/requests/${request.id}/candidates`).set('Authorization', staff).expect(200)
    ).body.eligible.map((c: { volunteerId: string }) => c.volunteerId);
    // What a wave in rank order would have asked: the near-cap volunteer, and not the quick one.
    expect(ranked[0]).toBe(nearCap.id);
    expect(ranked[ranked.length - 1]).toBe(quick.id);

    const first = await waveOf(request.id, 1);
    const slowByRank = ranked.filter((id) => slow.includes(id));
    expect(first).toEqual(new Set([quick.id, slowByRank[0], slowByRank[1]]));

    // The next wave, an interval later, takes the rest: the near-cap volunteer is asked last.
    t.clock.set(new Date(new Date(TODAY).getTime() + (POLICY.waveIntervalMinutes + 1) * MINUTE));
    await t.app.get(JobsService).runDue(100);
    expect(await waveOf(request.id, 2)).toEqual(new Set([slowByRank[2], nearCap.id]));
    t.clock.set(TODAY);
  });

  it('keeps one wave every interval when a whole wave declines early: the next goes at once, and the earlier timer sends nothing', async () => {
    for (let i = 0; i < 2 * POLICY.waveSize + 1; i++) await aQualifiedVolunteer(t, courses, { languages: ['id'] });
    const request = await fileRequest(t, coordinator, {
      language: 'id',
      startsAt: jst(14, '10:00'),
      endsAt: jst(14, '11:00'),
    });
    const firstWave = await t.dataSource.getRepository(Offer).find({ where: { requestId: request.id, wave: 1 } });
    expect(firstWave).toHaveLength(POLICY.waveSize);
    // Ten minutes later everyone in the first wave has declined: the second wave goes out at once.
    t.clock.set(new Date(new Date(TODAY).getTime() + 10 * MINUTE));
    for (const offer of firstWave) {
      const link = await t.dataSource
        .getRepository(MailMessage)
        .findOneByOrFail({ template: 'offer', idempotencyKey: `offer:${offer.id}` });
      await t
        .http()
        .post(`/api/offer-links/${await deliveredToken(t, link, 'offer-links')}/decline`)
        .send({})
        .expect(200);
    }
    expect(await waveOf(request.id, 2)).toHaveProperty('size', POLICY.waveSize);
    // The first wave's timer comes due: the second wave has had ten minutes, not an interval.
    t.clock.set(new Date(new Date(TODAY).getTime() + (POLICY.waveIntervalMinutes + 1) * MINUTE));
    await t.app.get(JobsService).runDue(100);
    expect(await waveOf(request.id, 3)).toHaveProperty('size', 0);
    // An interval after the second wave, the third goes out.
    t.clock.set(new Date(new Date(TODAY).getTime() + (10 + POLICY.waveIntervalMinutes + 1) * MINUTE));
    await t.app.get(JobsService).runDue(100);
    expect(await waveOf(request.id, 3)).toHaveProperty('size', 1);
    t.clock.set(TODAY);
  });

  it('offers an urgent request in waves while the visit is more than broadcastWithinHours off, to everyone inside it', async () => {
    for (let i = 0; i < 5; i++) await aQualifiedVolunteer(t, courses, { languages: ['ne'] });
    // Filed on Tuesday 1 Dec for Thursday 3 Dec: fewer business days than the lead time, so urgent.
    const urgent = (await fileRequest(t, coordinator, {
      language: 'ne',
      startsAt: jst(3, '10:00'),
      endsAt: jst(3, '11:00'),
    })) as { id: string; urgent?: boolean };
    expect(urgent.urgent).toBe(true);
    expect((await waveOf(urgent.id, 1)).size).toBe(POLICY.waveSize);

    // A visit ten hours from now: everyone at once.
    const soon = await fileRequest(t, coordinator, {
      language: 'ne',
      startsAt: jst(1, '19:00'),
      endsAt: jst(1, '20:00'),
    });
    expect(new Date(jst(1, '19:00')).getTime() - new Date(TODAY).getTime()).toBeLessThan(
      POLICY.broadcastWithinHours * HOUR,
    );
    expect((await waveOf(soon.id, 1)).size).toBe(5);
  });

  it('lets staff ask again, by hand, a volunteer whose offer expired too close to the visit for the automatic second offer', async () => {
    const volunteer = await aQualifiedVolunteer(t, courses, { languages: ['th'] });
    const startsAt = new Date(new Date(TODAY).getTime() + POLICY.responseWindowMinutes * MINUTE + 2 * HOUR - MINUTE);
    const request = await fileRequest(t, coordinator, {
      language: 'th',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + HOUR).toISOString(),
    });

    // The offer expires less than two hours before the visit: no second offer by the timers, staff are called in.
    t.clock.set(new Date(new Date(TODAY).getTime() + POLICY.responseWindowMinutes * MINUTE + MINUTE));
    await t.app.get(JobsService).runDue(100);
    expect(
      (await t.http().get(`/api/requests/${request.id}`).set('Authorization', staff).expect(200)).body.status,
    ).toBe('escalated');

    const sent = await t
      .http()
      .post(`/api/requests/${request.id}/offers`)
      .set('Authorization', staff)
      .send({ volunteerIds: [volunteer.id] })
      .expect(200);
    expect(sent.body).toEqual({ sent: 1 });
    const offers = await t.dataSource
      .getRepository(Offer)
      .find({ where: { requestId: request.id }, order: { createdAt: 'ASC' } });
    expect(offers.map((o) => o.status)).toEqual(['expired', 'pending']);
    const mails = await t.dataSource
      .getRepository(MailMessage)
      .find({ where: { toAddress: volunteer.email, template: 'offer' }, order: { createdAt: 'ASC' } });
    expect(mails.map((m) => m.subject.startsWith('【再依頼】'))).toEqual([false, true]);
    // Asking again someone who still holds the offer sends nothing.
    expect(
      (
        await t
          .http()
          .post(`/api/requests/${request.id}/offers`)
          .set('Authorization', staff)
          .send({ volunteerIds: [volunteer.id] })
          .expect(200)
      ).body,
    ).toEqual({ sent: 0 });
    t.clock.set(TODAY);
  });

  it(`asks a volunteer who lets every offer expire ${POLICY.reofferExpired!.maxTimes} more times, then calls staff in`, async () => {
    const volunteer = await aQualifiedVolunteer(t, courses, { languages: ['my'] });
    const request = await fileRequest(t, coordinator, {
      language: 'my',
      startsAt: jst(7, '10:00'),
      endsAt: jst(7, '11:00'),
    });
    const window = POLICY.responseWindowMinutes * MINUTE;
    for (let round = 1; round <= POLICY.reofferExpired!.maxTimes + 1; round++) {
      t.clock.set(new Date(new Date(TODAY).getTime() + round * window + round * MINUTE));
      await t.app.get(JobsService).runDue(100);
    }
    const offers = await t.dataSource
      .getRepository(Offer)
      .find({ where: { requestId: request.id }, order: { createdAt: 'ASC' } });
    expect(offers.map((o) => o.status)).toEqual(Array(POLICY.reofferExpired!.maxTimes + 1).fill('expired'));
    const mails = await t.dataSource
      .getRepository(MailMessage)
      .find({ where: { toAddress: volunteer.email, template: 'offer' } });
    expect(mails).toHaveLength(POLICY.reofferExpired!.maxTimes + 1);
    // Days before the escalation deadline: nobody is left to ask, so staff are called in now.
    expect(
      (await t.http().get(`/api/requests/${request.id}`).set('Authorization', staff).expect(200)).body,
    ).toMatchObject({ status: 'escalated', escalationReason: 'no_answer' });
    t.clock.set(TODAY);
  });

  it('answers the newer offer when a volunteer taps the link of the first mail after being asked again', async () => {
    const volunteer = await aQualifiedVolunteer(t, courses, { languages: ['ko'] });
    const request = await fileRequest(t, coordinator, {
      language: 'ko',
      startsAt: jst(8, '10:00'),
      endsAt: jst(8, '11:00'),
    });
    t.clock.set(new Date(new Date(TODAY).getTime() + POLICY.responseWindowMinutes * MINUTE + MINUTE));
    await t.app.get(JobsService).runDue(100);
    const mails = await t.dataSource
      .getRepository(MailMessage)
      .find({ where: { toAddress: volunteer.email, template: 'offer' }, order: { createdAt: 'ASC' } });
    expect(mails).toHaveLength(2);
    const firstLink = await deliveredToken(t, mails[0], 'offer-links');

    expect((await t.http().get(`/api/offer-links/${firstLink}`).expect(200)).body).toMatchObject({
      answerable: true,
      requestId: request.id,
    });
    const accepted = await t.http().post(`/api/offer-links/${firstLink}/accept`).expect(200);
    expect(accepted.body.dispatch).toMatchObject({ volunteerId: volunteer.id, status: 'confirmed' });
    const offers = await t.dataSource
      .getRepository(Offer)
      .find({ where: { requestId: request.id }, order: { createdAt: 'ASC' } });
    expect(offers.map((o) => o.status)).toEqual(['expired', 'accepted']);
    t.clock.set(TODAY);
  });
});
