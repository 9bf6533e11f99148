import { DEFAULT_DISPATCH_POLICY as POLICY, Dispatch, MailMessage, Offer } from '@app/domain';
import { JobsService } from '../apps/api/src/jobs/jobs.service';
import { aUser } from './support/factories';
import { ADMIN, createTestApp, createTestAppOnDatabase, login, TestApp } from './support/test-app';

import { aHospital, aQualifiedVolunteer, jst, TODAY, trainingCourses } from './support/workflow-fixtures';
import { deliveredToken } from './support/delivered-mail';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const PATIENT = 'ホアン・ヴァン・ミン';

/**
 * The whole story through the API, with the durable timers driven by the test clock and the mail
 * read back from the outbox (no SMTP_URL: mail is kept in the database).
 */
describe('Dispatch stories (API, timers, mail)', () => {
  let t: TestApp;
  let staff: string;
  let coordinator: { auth: string; hospitalId: string; email: string };
  let courses: Awaited<ReturnType<typeof trainingCourses>>;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
    courses = await trainingCourses(t);
    staff = (await login(t, ADMIN.email, ADMIN.password)).auth;
    const hospital = await aHospital(t, { area: '中央区', name: '熊本市民病院' });
    const user = await aUser(t, { role: 'coordinator', hospitalId: hospital.id });
    coordinator = {
      auth: (await login(t, user.email, user.password)).auth,
      hospitalId: hospital.id,
      email: user.email,
    };
  });
  afterAll(() => t.close());

  const runTimers = () => t.app.get(JobsService).runDue(500);
  const mailTo = (email: string) =>
    t.dataSource.getRepository(MailMessage).find({ where: { toAddress: email }, order: { createdAt: 'ASC' } });
  const linkToken = (mail: MailMessage, kind: 'offer-links' | 'reconfirm-links') => deliveredToken(t, mail, kind);
  const file = (language: string, startsAt: string, endsAt: string) =>
    t
      .http()
      .post('/api/requests')
      .set('Authorization', coordinator.auth)
      .send({
        language,
        startsAt,
        endsAt,
        department: 'obstetrics_gynecology',
        visitType: 'examination',
        patient: { displayName: PATIENT, gender: 'male', ageBand: 'adult' },
      })
      .expect(201);

  it('file → wave → decline → next wave → accept by link → reminder → reconfirm → complete', async () => {
    const volunteers = await Promise.all(
      [0, 1, 2, 3, 4].map(() => aQualifiedVolunteer(t, courses, { languages: ['vi'] })),
    );
    const request = (await file('vi', jst(10, '10:00'), jst(10, '12:00'))).body;
    expect(request.status).toBe('offered');

    const firstWave = await t.dataSource.getRepository(Offer).find({ where: { requestId: request.id } });
    expect(firstWave).toHaveLength(3);
    const offerMails = await Promise.all(
      firstWave.map(async (o) =>
        (await mailTo(volunteers.find((v) => v.id === o.volunteerId)!.email)).find((m) => m.template === 'offer')!,
      ),
    );
    expect(offerMails.every((m) => /offer-links\//.test(m.textBody))).toBe(true);

    // One declines through the link; the page is a GET that shows, the answer a POST.
    const declineToken = await linkToken(offerMails[0], 'offer-links');
    const shown = await t.http().get(`/api/offer-links/${declineToken}`).expect(200);
    expect(shown.body).toMatchObject({ answerable: true, visit: { language: 'vi', hospitalName: '熊本市民病院' } });
    expect(JSON.stringify(shown.body)).not.toContain(PATIENT);
    await t.http().post(`/api/offer-links/${declineToken}/decline`).send({ reason: '都合がつかない' }).expect(200);

    // The wave interval passes without an accept: the next wave goes to the two not asked yet.
    t.clock.set(new Date(new Date(TODAY).getTime() + (POLICY.waveIntervalMinutes + 1) * MINUTE));
    await runTimers();
    const allOffers = await t.dataSource.getRepository(Offer).find({ where: { requestId: request.id } });
    expect(allOffers).toHaveLength(5);
    const secondWave = allOffers.filter((o) => o.wave === 2);
    expect(secondWave).toHaveLength(2);

    // A second-wave volunteer accepts from the e-mail link.
    const winner = volunteers.find((v) => v.id === secondWave[0].volunteerId)!;
    const winnerMail = (await mailTo(winner.email)).find((m) => m.template === 'offer')!;
    const accepted = await t
      .http()
      .post(`/api/offer-links/${await linkToken(winnerMail, 'offer-links')}/accept`)
      .expect(200);
    const dispatchId = accepted.body.dispatch.id;
    await t
      .http()
      .post(`/api/offer-links/${await linkToken(winnerMail, 'offer-links')}/accept`)
      .expect(409);

    const confirmation = (await mailTo(winner.email)).find((m) => m.template === 'dispatch_confirmed')!;
    expect(confirmation.attachments?.[0]).toMatchObject({
      // The visit's Tokyo date and the hospital: `2026-12-08-熊本市民病院.ics`.
      filename: expect.stringMatching(/^\d{4}-\d{2}-\d{2}-.+\.ics$/),
      contentType: expect.stringContaining('text/calendar'),
    });
    expect(Buffer.from(confirmation.attachments![0].content, 'base64').toString()).toContain('BEGIN:VEVENT');
    expect((await mailTo(coordinator.email)).some((m) => m.template === 'request_confirmed')).toBe(true);
    const others = allOffers.filter((o) => o.status === 'pending' && o.volunteerId !== winner.id);
    for (const o of others) {
      expect(
        (await mailTo(volunteers.find((v) => v.id === o.volunteerId)!.email)).some(
          (m) => m.template === 'offer_withdrawn',
        ),
      ).toBe(true);
    }

    // 48 h before: the volunteer is asked to reconfirm, and does so through the link.
    t.clock.set(new Date(new Date(jst(10, '10:00')).getTime() - 47 * HOUR));
    await runTimers();
    const ask = (await mailTo(winner.email)).find((m) => m.template === 'reconfirm')!;
    await t
      .http()
      .post(`/api/reconfirm-links/${await linkToken(ask, 'reconfirm-links')}`)
      .expect(200);

    // 24 h before: reminders to the volunteer and the hospital; no alert, since it was reconfirmed.
    t.clock.set(new Date(new Date(jst(10, '10:00')).getTime() - 23 * HOUR));
    await runTimers();
    expect((await mailTo(winner.email)).some((m) => m.template === 'reminder')).toBe(true);
    expect((await mailTo(coordinator.email)).some((m) => m.template === 'reminder')).toBe(true);
    expect((await mailTo(coordinator.email)).some((m) => m.template === 'request_escalated')).toBe(false);

    // After the visit the hospital completes it with the actual times.
    t.clock.set(jst(10, '13:00'));
    await t
      .http()
      .post(`/api/dispatches/${dispatchId}/complete`)
      .set('Authorization', coordinator.auth)
      .send({ actualStart: jst(10, '10:02'), actualEnd: jst(10, '11:45') })
      .expect(200);
    const done = await t.http().get(`/api/requests/${request.id}`).set('Authorization', coordinator.auth).expect(200);
    expect(done.body.status).toBe('completed');

    // The calendar file is served to those who may see the dispatch.
    const ics = await t
      .http()
      .get(`/api/dispatches/${dispatchId}/calendar.ics`)
      .set('Authorization', coordinator.auth)
      .expect(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    t.clock.set(TODAY);
  });

  it('file → nobody answers → asked again → escalated to staff at the deadline → manual assign', async () => {
    const volunteers = await Promise.all([0, 1].map(() => aQualifiedVolunteer(t, courses, { languages: ['ne'] })));
    const request = (await file('ne', jst(20, '14:00'), jst(20, '15:00'))).body;
    expect(request.status).toBe('offered');
    const offersOf = () =>
      t.dataSource.getRepository(Offer).find({ where: { requestId: request.id }, order: { createdAt: 'ASC' } });

    // The offers' time runs out unanswered and nobody new is left: both are asked again, by a new mail.
    t.clock.set(new Date(new Date(TODAY).getTime() + POLICY.responseWindowMinutes * MINUTE + MINUTE));
    await runTimers();
    const afterExpiry = await offersOf();
    expect(afterExpiry.map((o) => o.status)).toEqual(['expired', 'expired', 'pending', 'pending']);
    expect(new Set(afterExpiry.filter((o) => o.status === 'pending').map((o) => o.volunteerId))).toEqual(
      new Set(volunteers.map((v) => v.id)),
    );
    for (const v of volunteers) {
      const offers = (await mailTo(v.email)).filter((m) => m.template === 'offer');
      expect(offers.map((m) => m.subject.startsWith('【再依頼】'))).toEqual([false, true]);
    }
    expect(
      (await t.http().get(`/api/requests/${request.id}`).set('Authorization', staff).expect(200)).body.status,
    ).toBe('offered');

    // Still no answer by the escalation deadline before the visit: staff are called in.
    t.clock.set(new Date(new Date(jst(20, '14:00')).getTime() - POLICY.escalateBeforeHours * HOUR));
    await runTimers();
    const escalated = await t.http().get(`/api/requests/${request.id}`).set('Authorization', staff).expect(200);
    expect(escalated.body).toMatchObject({ status: 'escalated', escalationReason: 'no_answer' });
    const alerts = (await mailTo(coordinator.email)).filter((m) => m.template === 'request_escalated');
    expect(alerts).toHaveLength(1);

    const assigned = await t
      .http()
      .post(`/api/requests/${request.id}/assign`)
      .set('Authorization', staff)
      .send({ volunteerId: volunteers[1].id })
      .expect(200);
    expect(assigned.body.dispatch).toMatchObject({ volunteerId: volunteers[1].id, status: 'confirmed' });
    const confirmed = await t
      .http()
      .get(`/api/requests/${request.id}`)
      .set('Authorization', coordinator.auth)
      .expect(200);
    expect(confirmed.body.status).toBe('confirmed');
    t.clock.set(TODAY);
  });

  it('alerts staff when the volunteer does not reconfirm by the deadline', async () => {
    const volunteer = await aQualifiedVolunteer(t, courses, { languages: ['si'] });
    const request = (await file('si', jst(28, '10:00'), jst(28, '11:00'))).body;
    const offer = await t.dataSource
      .getRepository(Offer)
      .findOneByOrFail({ requestId: request.id, volunteerId: volunteer.id });
    await t
      .http()
      .post(`/api/requests/${request.id}/assign`)
      .set('Authorization', staff)
      .send({ volunteerId: volunteer.id })
      .expect(200);
    // Their own pending offer is the acceptance, not withdrawn as "someone else took it".
    expect((await t.dataSource.getRepository(Offer).findOneByOrFail({ id: offer.id })).status).toBe('accepted');
    t.clock.set(new Date(new Date(jst(28, '10:00')).getTime() - 47 * HOUR));
    await runTimers();
    t.clock.set(new Date(new Date(jst(28, '10:00')).getTime() - 23 * HOUR));
    await runTimers();
    const dispatch = await t.dataSource.getRepository(Dispatch).findOneByOrFail({ requestId: request.id });
    expect(dispatch.reconfirmationMissed).toBe(true);
    expect(
      (await mailTo(coordinator.email)).some(
        (m) => m.template === 'request_escalated' && /reconfirm|再確認/.test(m.textBody),
      ),
    ).toBe(true);
    t.clock.set(TODAY);
  });

  it('never puts patient details into any e-mail', async () => {
    const mails = await t.dataSource.getRepository(MailMessage).find();
    expect(mails.length).toBeGreaterThan(10);
    for (const mail of mails) {
      expect(mail.textBody).not.toContain(PATIENT);
      expect(mail.htmlBody).not.toContain(PATIENT);
      expect(mail.subject).not.toContain(PATIENT);
    }
  });
  it('never confirms an offer that expired when accept races the expiry timer', async () => {
    for (const [i, language] of ['fa', 'hi', 'bn', 'ta', 'km', 'lo'].entries()) {
      const volunteer = await aQualifiedVolunteer(t, courses, { languages: [language] });
      const request = (await file(language, jst(26, '10:00'), jst(26, '11:00'))).body;
      const mine = { requestId: request.id, volunteerId: volunteer.id };
      // One first wave: one offer, and its mail is the one whose link is tapped.
      const [offer, ...more] = await t.dataSource.getRepository(Offer).findBy(mine);
      expect(more).toHaveLength(0);
      const mail = (await mailTo(volunteer.email)).find((m) => m.template === 'offer')!;
      expect(mail.idempotencyKey).toBe(`offer:${offer.id}`);
      // Just before, exactly at, and just after the deadline.
      const now = new Date(offer.expiresAt.getTime() + (i % 3) - 1);
      t.clock.set(now);
      const [accept] = await Promise.all([
        t.http().post(`/api/offer-links/${await linkToken(mail, 'offer-links')}/accept`),
        runTimers(),
      ]);
      const offers = await t.dataSource.getRepository(Offer).find({ where: mine, order: { createdAt: 'ASC' } });
      const first = offers.find((o) => o.id === offer.id)!;
      const dispatches = await t.dataSource.getRepository(Dispatch).findBy({ requestId: request.id });
      // Before the deadline the tap takes the offer; from the deadline on, never that offer.
      expect(first.status).toBe(i % 3 === 0 ? 'accepted' : 'expired');
      if (accept.status === 200) {
        // Confirmed once, through an offer open at that instant: the first before its deadline, or
        // — the expiry timer committed first and asked the only candidate again — the newer offer,
        // which the first mail's link answers (OfferLinksService.find).
        expect(dispatches).toHaveLength(1);
        const taken = offers.find((o) => o.id === dispatches[0].offerId)!;
        expect(taken.status).toBe('accepted');
        expect(taken.expiresAt.getTime()).toBeGreaterThan(now.getTime());
        if (taken.id !== first.id) expect(taken.createdAt.getTime()).toBe(now.getTime());
        expect(offers.filter((o) => o.status === 'accepted')).toHaveLength(1);
      } else
        expect([first.status, accept.status, accept.body.code, dispatches.length]).toEqual([
          'expired',
          409,
          'OFFER_EXPIRED',
          0,
        ]);
      t.clock.set(TODAY);
    }
  });

  it('re-runs matching when a request changes after offers went out, and tells the volunteers', async () => {
    const volunteers = await Promise.all([0, 1].map(() => aQualifiedVolunteer(t, courses, { languages: ['ms'] })));
    const request = (await file('ms', jst(18, '10:00'), jst(18, '11:00'))).body;
    const before = await t.dataSource.getRepository(Offer).find({ where: { requestId: request.id } });
    expect(before).toHaveLength(2);
    await t
      .http()
      .patch(`/api/requests/${request.id}`)
      .set('Authorization', coordinator.auth)
      .send({ startsAt: jst(18, '14:00'), endsAt: jst(18, '15:00') })
      .expect(200);
    const after = await t.dataSource.getRepository(Offer).find({ where: { requestId: request.id } });
    expect(after.map((o) => o.status).sort()).toEqual(['pending', 'pending', 'withdrawn', 'withdrawn']);
    for (const v of volunteers) {
      const mails = await mailTo(v.email);
      expect(mails.filter((m) => m.template === 'offer_withdrawn')).toHaveLength(1);
      // Asked again, for the new time.
      expect(mails.filter((m) => m.template === 'offer')).toHaveLength(2);
    }
    const now = await t.http().get(`/api/requests/${request.id}`).set('Authorization', staff).expect(200);
    expect(now.body).toMatchObject({ status: 'offered', startsAt: new Date(jst(18, '14:00')).toISOString() });
  });

  it('holds a request back from automatic offers while staff hold it', async () => {
    await Promise.all([0, 1, 2, 3, 4].map(() => aQualifiedVolunteer(t, courses, { languages: ['sw'] })));
    const request = (await file('sw', jst(19, '10:00'), jst(19, '11:00'))).body;
    await t.http().post(`/api/requests/${request.id}/hold`).set('Authorization', staff).expect(200);
    t.clock.set(new Date(new Date(TODAY).getTime() + 40 * MINUTE));
    await runTimers();
    expect(await t.dataSource.getRepository(Offer).count({ where: { requestId: request.id } })).toBe(3);
    await t.http().post(`/api/requests/${request.id}/offers`).set('Authorization', staff).send({}).expect(200);
    expect(await t.dataSource.getRepository(Offer).count({ where: { requestId: request.id } })).toBe(5);
    t.clock.set(TODAY);
  });
  // Last: passport keeps strategies process-wide, so the second app's sign-in strategy replaces
  // the first's until the end of the file.
  it('runs every timer once when two API instances tick the same database', async () => {
    const second = await createTestAppOnDatabase(t.databaseUrl);
    try {
      await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(() => aQualifiedVolunteer(t, courses, { languages: ['uk'] })));
      const requests = [];
      for (const day of [14, 15, 16, 17]) requests.push((await file('uk', jst(day, '09:00'), jst(day, '10:00'))).body);
      // Compressed time: every 10 minutes for four hours, both instances tick at once.
      for (let minutes = 10; minutes <= 240; minutes += 10) {
        const now = new Date(new Date(TODAY).getTime() + minutes * MINUTE);
        t.clock.set(now);
        second.clock.set(now);
        await Promise.all([runTimers(), second.app.get(JobsService).runDue(500)]);
      }
      const jobs: { key: string; status: string; attempts: number }[] = await t.dataSource.query(
        `SELECT key, status, attempts FROM jobs WHERE payload->>'requestId' = ANY($1) AND due_at <= $2`,
        [requests.map((r) => r.id), t.clock.now()],
      );
      expect(jobs.length).toBeGreaterThan(4);
      for (const job of jobs)
        expect([job.key, job.status === 'done' || job.status === 'cancelled']).toEqual([job.key, true]);
      for (const request of requests) {
        const offers = await t.dataSource.getRepository(Offer).find({ where: { requestId: request.id } });
        const volunteers = offers.map((o) => o.volunteerId);
        expect(new Set(volunteers).size).toBe(volunteers.length);
        const waves = new Map<number, number>();
        for (const o of offers) waves.set(o.wave, (waves.get(o.wave) ?? 0) + 1);
        for (const count of waves.values()) expect(count).toBeLessThanOrEqual(3);
        const mails: { n: number }[] = await t.dataSource.query(
          `SELECT count(*)::int AS n FROM mail_messages WHERE idempotency_key = ANY($1)`,
          [offers.map((o) => `offer:${o.id}`)],
        );
        expect(mails[0].n).toBe(offers.length);
      }
    } finally {
      await second.close();
      t.clock.set(TODAY);
    }
  });
});
