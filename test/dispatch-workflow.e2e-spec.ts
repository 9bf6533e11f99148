import { ConflictError, Dispatch, InterpretationRequest, MailMessage, Offer } from '@app/domain';
import { OffersService } from '../apps/api/src/offers/offers.service';
import { aUser } from './support/factories';
import { ADMIN, createTestApp, login, TestApp } from './support/test-app';
import { aHospital, aQualifiedVolunteer, jst, TODAY, trainingCourses } from './support/workflow-fixtures';

type Courses = Awaited<ReturnType<typeof trainingCourses>>;

describe('Dispatch workflow (API)', () => {
  let t: TestApp;
  let courses: Courses;
  let staff: string;
  let coordinator: { auth: string; hospitalId: string };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
    courses = await trainingCourses(t);
    staff = (await login(t, ADMIN.email, ADMIN.password)).auth;
    const hospital = await aHospital(t, { area: '中央区' });
    const user = await aUser(t, { role: 'coordinator', hospitalId: hospital.id });
    coordinator = { auth: (await login(t, user.email, user.password)).auth, hospitalId: hospital.id };
  });
  afterAll(() => t.close());

  const file = (overrides: Record<string, unknown> = {}, auth = coordinator.auth) =>
    t
      .http()
      .post('/api/requests')
      .set('Authorization', auth)
      .send({
        language: 'vi',
        startsAt: jst(15, '10:00'),
        endsAt: jst(15, '12:00'),
        department: 'internal_medicine',
        visitType: 'outpatient',
        patient: { displayName: 'グエン・ティ・ラン', gender: 'female', ageBand: 'adult', nationality: 'VN' },
        ...overrides,
      });

  async function volunteerSession(overrides: Parameters<typeof aQualifiedVolunteer>[2] = {}) {
    const volunteer = await aQualifiedVolunteer(t, courses, overrides);
    const user = await aUser(t, { role: 'volunteer', volunteerId: volunteer.id, email: volunteer.email });
    return { volunteer, auth: (await login(t, user.email, user.password)).auth };
  }

  describe('filing', () => {
    it('derives the required level, marks short notice urgent, and hides nothing from the requesting hospital', async () => {
      const res = await file({
        language: 'ne',
        startsAt: jst(3, '10:00'),
        endsAt: jst(3, '11:00'),
        department: 'oncology',
        visitType: 'informed_consent',
      }).expect(201);
      expect(res.body).toMatchObject({ requiredLevel: 'advanced', urgent: true, hospitalId: coordinator.hospitalId });
      expect(res.body.patient).toMatchObject({ displayName: 'グエン・ティ・ラン', ageBand: 'adult' });
    });

    it('escalates at once, with the reason, when nobody is eligible', async () => {
      const res = await file({ language: 'my' }).expect(201);
      expect(res.body).toMatchObject({ status: 'escalated', escalationReason: 'no_eligible' });
    });

    it('refuses end before start, a past visit and an unknown language, naming the field, and writes nothing', async () => {
      const before = await t.dataSource.getRepository(InterpretationRequest).count();
      expect((await file({ endsAt: jst(15, '09:00') }).expect(422)).body.errors).toHaveProperty('endsAt');
      expect(
        (await file({ startsAt: '2026-11-30T10:00:00+09:00', endsAt: '2026-11-30T11:00:00+09:00' }).expect(422)).body
          .errors,
      ).toHaveProperty('startsAt');
      expect((await file({ language: 'xx' }).expect(422)).body.errors).toHaveProperty('language');
      expect((await file({ department: 'astrology' }).expect(422)).body.errors).toHaveProperty('department');
      expect(
        (await file({ patient: { displayName: 'x', gender: 'female', ageBand: 'toddler' } }).expect(422)).body.errors,
      ).toHaveProperty(['patient.ageBand']);
      expect(await t.dataSource.getRepository(InterpretationRequest).count()).toBe(before);
    });

    it('keeps a coordinator to their own hospital: another hospital’s request is a 404', async () => {
      const other = await aHospital(t);
      const otherUser = await aUser(t, { role: 'coordinator', hospitalId: other.id });
      const otherAuth = (await login(t, otherUser.email, otherUser.password)).auth;
      const mine = (await file().expect(201)).body;
      await t.http().get(`/api/requests/${mine.id}`).set('Authorization', otherAuth).expect(404);
      const list = await t.http().get('/api/requests').set('Authorization', otherAuth).expect(200);
      expect(list.body.data.map((r: { id: string }) => r.id)).not.toContain(mine.id);
      await file({ hospitalId: coordinator.hospitalId }, otherAuth).expect(422);
    });
  });

  describe('candidates', () => {
    it('ranks eligible volunteers with explained scores and says why the others are excluded', async () => {
      const good = await aQualifiedVolunteer(t, courses, { languages: ['th'] });
      const trainee = await aQualifiedVolunteer(t, courses, { languages: ['th'], level: 'trainee' });
      const lapsed = await aQualifiedVolunteer(t, courses, { languages: ['th'], insuranceValidUntil: '2026-11-30' });
      const request = (await file({ language: 'th' }).expect(201)).body;

      const res = await t.http().get(`/api/requests/${request.id}/candidates`).set('Authorization', staff).expect(200);
      expect(res.body.eligible.map((c: { volunteerId: string }) => c.volunteerId)).toEqual([good.id]);
      expect(res.body.eligible[0]).toMatchObject({
        score: expect.any(Number),
        parts: expect.objectContaining({ fairness: expect.any(Number) }),
      });
      expect(res.body.eligible[0].reasons.length).toBeGreaterThan(0);
      const excluded = Object.fromEntries(
        res.body.excluded.map((e: { volunteerId: string; reasons: string[] }) => [e.volunteerId, e.reasons]),
      );
      expect(excluded[trainee.id]).toEqual(['LEVEL']);
      expect(excluded[lapsed.id]).toEqual(['INSURANCE']);
    });

    it('keeps a volunteer away from a patient who asked, through the ban on their request (BANNED)', async () => {
      const volunteer = await aQualifiedVolunteer(t, courses, { languages: ['am'] });
      const first = (await file({ language: 'am', patientRef: 'MRN-0042' }).expect(201)).body;
      await t
        .http()
        .post(`/api/volunteers/${volunteer.id}/bans`)
        .set('Authorization', staff)
        .send({ requestId: first.id, reason: '患者さんのご希望' })
        .expect(201);
      const next = (
        await file({
          language: 'am',
          patientRef: 'MRN-0042',
          startsAt: jst(16, '10:00'),
          endsAt: jst(16, '11:00'),
        }).expect(201)
      ).body;
      const other = (
        await file({
          language: 'am',
          patientRef: 'MRN-0043',
          startsAt: jst(17, '10:00'),
          endsAt: jst(17, '11:00'),
        }).expect(201)
      ).body;
      const forNext = await t.http().get(`/api/requests/${next.id}/candidates`).set('Authorization', staff).expect(200);
      expect(forNext.body.excluded).toEqual([
        expect.objectContaining({ volunteerId: volunteer.id, reasons: ['BANNED'] }),
      ]);
      const forOther = await t
        .http()
        .get(`/api/requests/${other.id}/candidates`)
        .set('Authorization', staff)
        .expect(200);
      expect(forOther.body.eligible.map((c: { volunteerId: string }) => c.volunteerId)).toEqual([volunteer.id]);
      const noRef = (await file({ language: 'am', startsAt: jst(18, '10:00'), endsAt: jst(18, '11:00') }).expect(201))
        .body;
      const refused = await t
        .http()
        .post(`/api/volunteers/${volunteer.id}/bans`)
        .set('Authorization', staff)
        .send({ requestId: noRef.id, reason: 'x' })
        .expect(422);
      expect(refused.body.errors).toHaveProperty('requestId');
    });

    it('is for staff only', async () => {
      const request = (await file().expect(201)).body;
      await t.http().get(`/api/requests/${request.id}/candidates`).set('Authorization', coordinator.auth).expect(403);
      await t
        .http()
        .get('/api/requests/00000000-0000-4000-8000-000000000000/candidates')
        .set('Authorization', staff)
        .expect(404);
    });
  });

  describe('offers and first accept wins', () => {
    it('offers the first wave to the best three; the first accept confirms and withdraws the rest', async () => {
      const sessions = await Promise.all([0, 1, 2, 3].map(() => volunteerSession({ languages: ['id'] })));
      const request = (await file({ language: 'id' }).expect(201)).body;
      const afterFiling = await t.http().get(`/api/requests/${request.id}`).set('Authorization', staff).expect(200);
      expect(afterFiling.body.status).toBe('offered');
      const offers = await t.dataSource.getRepository(Offer).find({ where: { requestId: request.id } });
      expect(offers).toHaveLength(3);

      const offered = sessions.filter((s) => offers.some((o) => o.volunteerId === s.volunteer.id));
      const [first, second] = offered;
      const pending = await t.http().get('/api/offers?status=pending').set('Authorization', first.auth).expect(200);
      const mine = pending.body.data.find((o: { requestId: string }) => o.requestId === request.id);
      expect(mine.visit).toMatchObject({ language: 'id', hospitalName: expect.any(String) });
      expect(JSON.stringify(pending.body)).not.toContain('グエン');

      const accepted = await t
        .http()
        .post(`/api/offers/${mine.id}/accept`)
        .set('Authorization', first.auth)
        .expect(200);
      expect(accepted.body.dispatch).toMatchObject({
        requestId: request.id,
        volunteerId: first.volunteer.id,
        status: 'confirmed',
      });

      const secondOffer = offers.find((o) => o.volunteerId === second.volunteer.id)!;
      const late = await t
        .http()
        .post(`/api/offers/${secondOffer.id}/accept`)
        .set('Authorization', second.auth)
        .expect(409);
      expect(late.body.code).toBe('REQUEST_ALREADY_FILLED');
      const statuses = (await t.dataSource.getRepository(Offer).find({ where: { requestId: request.id } }))
        .map((o) => o.status)
        .sort();
      expect(statuses).toEqual(['accepted', 'withdrawn', 'withdrawn']);
      const confirmed = await t
        .http()
        .get(`/api/requests/${request.id}`)
        .set('Authorization', coordinator.auth)
        .expect(200);
      expect(confirmed.body.status).toBe('confirmed');
    });

    it('lets a volunteer answer only their own offers (another volunteer’s offer is a 404)', async () => {
      const a = await volunteerSession({ languages: ['ko'] });
      const b = await volunteerSession({ languages: ['ko'] });
      const request = (await file({ language: 'ko' }).expect(201)).body;
      const offerOfA = await t.dataSource
        .getRepository(Offer)
        .findOneByOrFail({ requestId: request.id, volunteerId: a.volunteer.id });
      await t.http().post(`/api/offers/${offerOfA.id}/accept`).set('Authorization', b.auth).expect(404);
      await t
        .http()
        .post(`/api/offers/${offerOfA.id}/decline`)
        .set('Authorization', a.auth)
        .send({ reason: '仕事のため' })
        .expect(200);
      const again = await t.http().post(`/api/offers/${offerOfA.id}/accept`).set('Authorization', a.auth).expect(409);
      expect(again.body.code).toBe('OFFER_ALREADY_ANSWERED');
    });

    it('refuses an expired offer with OFFER_EXPIRED', async () => {
      const a = await volunteerSession({ languages: ['pt'] });
      const request = (await file({ language: 'pt' }).expect(201)).body;
      const offer = await t.dataSource
        .getRepository(Offer)
        .findOneByOrFail({ requestId: request.id, volunteerId: a.volunteer.id });
      t.clock.set(new Date(offer.expiresAt.getTime() + 1000));
      try {
        const res = await t.http().post(`/api/offers/${offer.id}/accept`).set('Authorization', a.auth).expect(409);
        expect(res.body.code).toBe('OFFER_EXPIRED');
      } finally {
        t.clock.set(TODAY);
      }
    });

    it('gives exactly one dispatch when 200 volunteers accept one request at once, 20 times over', async () => {
      const pool = await Promise.all(
        Array.from({ length: 200 }, () => aQualifiedVolunteer(t, courses, { languages: ['tl'] })),
      );
      const offersService = t.app.get(OffersService);
      for (let round = 0; round < 20; round++) {
        const day = 2 + round; // a different December day each round: nobody is busy from an earlier round
        const request = (
          await file({ language: 'tl', startsAt: jst(day, '14:00'), endsAt: jst(day, '15:00') }).expect(201)
        ).body;
        await t
          .http()
          .post(`/api/requests/${request.id}/offers`)
          .set('Authorization', staff)
          .send({ volunteerIds: pool.map((v) => v.id) })
          .expect((res) => {
            if (res.status !== 200) throw new Error(JSON.stringify(res.body));
          });
        const offers = await t.dataSource
          .getRepository(Offer)
          .find({ where: { requestId: request.id, status: 'pending' } });
        expect(offers).toHaveLength(200);
        const results = await Promise.allSettled(offers.map((o) => offersService.acceptOffer(o.id, request.id, null)));
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        const why = (r: PromiseRejectedResult) =>
          r.reason instanceof ConflictError ? r.reason.code : String(r.reason);
        expect([...new Set(lost.map(why))]).toEqual(['REQUEST_ALREADY_FILLED']);
        expect(await t.dataSource.getRepository(Dispatch).count({ where: { requestId: request.id } })).toBe(1);
      }
    }, 180_000);
  });
  describe('schedule conflicts, races and staff actions', () => {
    it('lets one volunteer hold only one of two overlapping requests accepted at the same moment', async () => {
      const a = await volunteerSession({ languages: ['zh'] });
      const r1 = (await file({ language: 'zh', startsAt: jst(22, '10:00'), endsAt: jst(22, '12:00') }).expect(201))
        .body;
      const r2 = (await file({ language: 'zh', startsAt: jst(22, '11:00'), endsAt: jst(22, '13:00') }).expect(201))
        .body;
      const offerRepo = t.dataSource.getRepository(Offer);
      const o1 = await offerRepo.findOneByOrFail({ requestId: r1.id, volunteerId: a.volunteer.id });
      const o2 = await offerRepo.findOneByOrFail({ requestId: r2.id, volunteerId: a.volunteer.id });
      const results = await Promise.all(
        [o1, o2].map((o) => t.http().post(`/api/offers/${o.id}/accept`).set('Authorization', a.auth)),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)!.body.code).toBe('SCHEDULE_CONFLICT');
      expect(
        await t.dataSource
          .getRepository(Dispatch)
          .count({ where: { volunteerId: a.volunteer.id, status: 'confirmed' } }),
      ).toBe(1);
    });

    it('accepts back-to-back visits with enough travel time between them', async () => {
      const a = await volunteerSession({ languages: ['en'] });
      const r1 = (await file({ language: 'en', startsAt: jst(23, '09:00'), endsAt: jst(23, '10:00') }).expect(201))
        .body;
      const r2 = (await file({ language: 'en', startsAt: jst(23, '10:30'), endsAt: jst(23, '11:30') }).expect(201))
        .body;
      const offerRepo = t.dataSource.getRepository(Offer);
      for (const r of [r1, r2]) {
        const o = await offerRepo.findOneByOrFail({ requestId: r.id, volunteerId: a.volunteer.id });
        await t.http().post(`/api/offers/${o.id}/accept`).set('Authorization', a.auth).expect(200);
      }
    });

    it('never leaves a live dispatch on a cancelled request when accept races cancel', async () => {
      // A language of its own each round, so the one volunteer who speaks it gets the offer.
      for (const language of ['ur', 'fa', 'hi', 'bn', 'ta', 'si', 'km', 'lo', 'mn', 'uz']) {
        const a = await volunteerSession({ languages: [language] });
        const r = (await file({ language, startsAt: jst(24, '10:00'), endsAt: jst(24, '11:00') }).expect(201)).body;
        const o = await t.dataSource
          .getRepository(Offer)
          .findOneByOrFail({ requestId: r.id, volunteerId: a.volunteer.id });
        await Promise.all([
          t.http().post(`/api/offers/${o.id}/accept`).set('Authorization', a.auth),
          t
            .http()
            .post(`/api/requests/${r.id}/cancel`)
            .set('Authorization', coordinator.auth)
            .send({ reason: '受診取りやめ' }),
        ]);
        const request = await t.dataSource.getRepository(InterpretationRequest).findOneByOrFail({ id: r.id });
        expect(request.status).toBe('cancelled');
        expect(
          await t.dataSource.getRepository(Dispatch).count({ where: { requestId: r.id, status: 'confirmed' } }),
        ).toBe(0);
      }
    });

    it('never deadlocks when the hospital cancels the request while staff cancel its dispatch', async () => {
      for (const language of ['ps', 'ku', 'am', 'so', 'ha', 'yo', 'ig', 'zu']) {
        const a = await volunteerSession({ languages: [language] });
        const r = (await file({ language, startsAt: jst(25, '10:00'), endsAt: jst(25, '11:00') }).expect(201)).body;
        const assigned = await t
          .http()
          .post(`/api/requests/${r.id}/assign`)
          .set('Authorization', staff)
          .send({ volunteerId: a.volunteer.id })
          .expect(200);
        const [byHospital, byStaff] = await Promise.all([
          t
            .http()
            .post(`/api/requests/${r.id}/cancel`)
            .set('Authorization', coordinator.auth)
            .send({ reason: '受診取りやめ' }),
          t
            .http()
            .post(`/api/dispatches/${assigned.body.dispatch.id}/cancel`)
            .set('Authorization', staff)
            .send({ reason: '通訳者の急病' }),
        ]);
        // Both go through, one after the other (a deadlock would answer 409 CONCURRENT_UPDATE to one).
        expect([byHospital.status, byHospital.body.code]).toEqual([200, undefined]);
        expect([200, 409]).toContain(byStaff.status);
        expect(byStaff.body.code).not.toBe('CONCURRENT_UPDATE');
        const request = await t.dataSource.getRepository(InterpretationRequest).findOneByOrFail({ id: r.id });
        expect(request.status).toBe('cancelled');
        expect(
          await t.dataSource.getRepository(Dispatch).count({ where: { requestId: r.id, status: 'confirmed' } }),
        ).toBe(0);
      }
    });

    it('lets staff assign directly: a rule can be overridden only with a recorded reason', async () => {
      const untrained = await aQualifiedVolunteer(t, courses, { languages: ['fr'], pledgeSignedAt: null });
      const r = (await file({ language: 'fr' }).expect(201)).body;
      const refused = await t
        .http()
        .post(`/api/requests/${r.id}/assign`)
        .set('Authorization', staff)
        .send({ volunteerId: untrained.id })
        .expect(422);
      expect(refused.body).toMatchObject({ code: 'VOLUNTEER_NOT_ELIGIBLE', errors: { volunteerId: ['PLEDGE'] } });
      const ok = await t
        .http()
        .post(`/api/requests/${r.id}/assign`)
        .set('Authorization', staff)
        .send({ volunteerId: untrained.id, overrideReason: '誓約書は紙で受領済み' })
        .expect(200);
      expect(ok.body.dispatch).toMatchObject({ overrideReason: '誓約書は紙で受領済み', status: 'confirmed' });
      await t
        .http()
        .post(`/api/requests/${r.id}/assign`)
        .set('Authorization', coordinator.auth)
        .send({ volunteerId: untrained.id })
        .expect(403);
    });

    it('counts the pending offer of a volunteer staff assign as their acceptance, and withdraws only the others', async () => {
      const agreed = await aQualifiedVolunteer(t, courses, { languages: ['it'] });
      const other = await aQualifiedVolunteer(t, courses, { languages: ['it'] });
      const r = (await file({ language: 'it' }).expect(201)).body;
      const offers = t.dataSource.getRepository(Offer);
      const own = await offers.findOneByOrFail({ requestId: r.id, volunteerId: agreed.id, status: 'pending' });
      // The volunteer said yes on the phone; staff assign them instead of waiting for the link.
      const { dispatch } = (
        await t
          .http()
          .post(`/api/requests/${r.id}/assign`)
          .set('Authorization', staff)
          .send({ volunteerId: agreed.id })
          .expect(200)
      ).body;
      expect(await offers.findOneByOrFail({ id: own.id })).toMatchObject({ status: 'accepted' });
      expect(dispatch).toMatchObject({ volunteerId: agreed.id, status: 'confirmed' });
      expect(await t.dataSource.getRepository(Dispatch).findOneByOrFail({ id: dispatch.id })).toMatchObject({
        offerId: own.id,
      });
      expect(await offers.findOneByOrFail({ requestId: r.id, volunteerId: other.id })).toMatchObject({
        status: 'withdrawn',
      });
      const withdrawnMail = (email: string) =>
        t.dataSource.getRepository(MailMessage).count({ where: { toAddress: email, template: 'offer_withdrawn' } });
      expect(await withdrawnMail(agreed.email)).toBe(0);
      expect(await withdrawnMail(other.email)).toBe(1);
    });

    it('withdraws the pending offers of a cancelled request, logged as cancelled, each volunteer mailed once', async () => {
      const asked = [
        await aQualifiedVolunteer(t, courses, { languages: ['de'] }),
        await aQualifiedVolunteer(t, courses, { languages: ['de'] }),
      ];
      const r = (await file({ language: 'de' }).expect(201)).body;
      const offers = t.dataSource.getRepository(Offer);
      const pending = await offers.find({ where: { requestId: r.id, status: 'pending' } });
      expect(pending.map((o) => o.volunteerId).sort()).toEqual(asked.map((v) => v.id).sort());
      await t
        .http()
        .post(`/api/requests/${r.id}/cancel`)
        .set('Authorization', coordinator.auth)
        .send({ reason: '受診取りやめ' })
        .expect(200);
      expect((await offers.find({ where: { requestId: r.id } })).map((o) => o.status)).toEqual([
        'withdrawn',
        'withdrawn',
      ]);
      const logged: Array<{ event: string; to_status: string; reason: string }> = await t.dataSource.query(
        'SELECT event, to_status, reason FROM status_transitions WHERE subject_id = ANY($1)',
        [pending.map((o) => o.id)],
      );
      expect(logged.filter((l) => l.event === 'withdraw')).toEqual([
        { event: 'withdraw', to_status: 'withdrawn', reason: 'cancelled' },
        { event: 'withdraw', to_status: 'withdrawn', reason: 'cancelled' },
      ]);
      for (const v of asked)
        expect(
          await t.dataSource
            .getRepository(MailMessage)
            .count({ where: { toAddress: v.email, template: 'offer_withdrawn' } }),
        ).toBe(1);
    });

    it('records completion, no-shows and late cancellations, and refuses illegal moves with 409', async () => {
      const a = await volunteerSession({ languages: ['es'] });
      const r = (await file({ language: 'es', startsAt: jst(2, '10:00'), endsAt: jst(2, '11:00') }).expect(201)).body;
      const o = await t.dataSource
        .getRepository(Offer)
        .findOneByOrFail({ requestId: r.id, volunteerId: a.volunteer.id });
      const { dispatch } = (await t.http().post(`/api/offers/${o.id}/accept`).set('Authorization', a.auth).expect(200))
        .body;

      const seen = await t.http().get(`/api/dispatches/${dispatch.id}`).set('Authorization', a.auth).expect(200);
      expect(seen.body.patient).toMatchObject({ displayName: 'グエン・ティ・ラン' });

      t.clock.set(jst(2, '12:00'));
      try {
        await t
          .http()
          .post(`/api/dispatches/${dispatch.id}/complete`)
          .set('Authorization', coordinator.auth)
          .send({ actualStart: jst(2, '10:05'), actualEnd: jst(2, '11:10') })
          .expect(200);
        const again = await t
          .http()
          .post(`/api/dispatches/${dispatch.id}/no-show`)
          .set('Authorization', coordinator.auth)
          .send({ party: 'patient' })
          .expect(409);
        expect(again.body.code).toBe('ILLEGAL_TRANSITION');
        const request = await t.http().get(`/api/requests/${r.id}`).set('Authorization', coordinator.auth).expect(200);
        expect(request.body.status).toBe('completed');
      } finally {
        t.clock.set(TODAY);
      }

      const b = await volunteerSession({ languages: ['es'] });
      const late = (
        await file({
          language: 'es',
          startsAt: '2026-12-01T20:00:00+09:00',
          endsAt: '2026-12-01T21:00:00+09:00',
        }).expect(201)
      ).body;
      const ob = await t.dataSource
        .getRepository(Offer)
        .findOneByOrFail({ requestId: late.id, volunteerId: b.volunteer.id });
      const confirmed = (await t.http().post(`/api/offers/${ob.id}/accept`).set('Authorization', b.auth).expect(200))
        .body.dispatch;
      await t
        .http()
        .post(`/api/requests/${late.id}/cancel`)
        .set('Authorization', coordinator.auth)
        .send({ reason: '退院のため' })
        .expect(200);
      const cancelled = await t.dataSource.getRepository(Dispatch).findOneByOrFail({ id: confirmed.id });
      expect(cancelled).toMatchObject({ status: 'cancelled', lateCancellation: true, cancelReason: '退院のため' });
      // No timer of the cancelled request or its dispatch is left to fire.
      const pending = await t.dataSource.query(
        `SELECT type FROM jobs WHERE status = 'pending' AND (payload->>'requestId' = $1 OR payload->>'dispatchId' = $2)`,
        [late.id, confirmed.id],
      );
      expect(pending).toEqual([]);
      const cancelledTimers = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM jobs WHERE status = 'cancelled' AND payload->>'requestId' = $1`,
        [late.id],
      );
      expect(cancelledTimers[0].n).toBeGreaterThan(0);
    });

    it('keeps every transition in an append-only log', async () => {
      const r = (await file({ language: 'my' }).expect(201)).body;
      const log = await t.dataSource.query(
        'SELECT event, from_status, to_status FROM status_transitions WHERE subject_id = $1 ORDER BY at',
        [r.id],
      );
      expect(log.map((row: { event: string }) => row.event)).toEqual(['file', 'escalate']);
      // The same moves are in the audit trail, written in the same transaction, with who did them.
      const audit = await t.dataSource.query(
        'SELECT action, actor_role, request_id FROM audit_log WHERE object_id = $1 ORDER BY at, action DESC',
        [r.id],
      );
      expect(audit.filter((a: { action: string }) => a.action.startsWith('request.'))).toEqual([
        { action: 'request.file', actor_role: 'coordinator', request_id: expect.any(String) },
        { action: 'request.escalate', actor_role: 'coordinator', request_id: expect.any(String) },
      ]);
      await expect(
        t.dataSource.query('UPDATE status_transitions SET reason = $1 WHERE subject_id = $2', ['edited', r.id]),
      ).rejects.toThrow(/append-only/);
      await expect(t.dataSource.query('DELETE FROM status_transitions WHERE subject_id = $1', [r.id])).rejects.toThrow(
        /append-only/,
      );
    });
  });
  /**
   * What a move or a new row brings about is declared in the workflow's consequence table
   * (apps/api/src/workflow/workflow-consequences.ts), not hand-called by the services: each of these
   * fails if its row is taken out of the table.
   */
  describe('declared consequences', () => {
    const offers = () => t.dataSource.getRepository(Offer);
    const mails = (email: string, template: string) =>
      t.dataSource.getRepository(MailMessage).count({ where: { toAddress: email, template } });
    /** The workflow log of these rows for one event. */
    const logged = (
      ids: string[],
      event: string,
    ): Promise<Array<{ from_status: string; to_status: string; reason: string }>> =>
      t.dataSource.query(
        'SELECT from_status, to_status, reason FROM status_transitions WHERE subject_id = ANY($1) AND event = $2 ORDER BY at, id',
        [ids, event],
      );
    const shadowWave = (requestId: string, body: Record<string, unknown> = {}) =>
      t.http().post(`/api/requests/${requestId}/shadow`).set('Authorization', staff).send(body).expect(200);
    const accept = (offerId: string, auth: string) =>
      t.http().post(`/api/offers/${offerId}/accept`).set('Authorization', auth).expect(200);
    const assign = (requestId: string, volunteerId: string) =>
      t.http().post(`/api/requests/${requestId}/assign`).set('Authorization', staff).send({ volunteerId }).expect(200);
    const patch = (requestId: string, body: Record<string, unknown>) =>
      t.http().patch(`/api/requests/${requestId}`).set('Authorization', coordinator.auth).send(body).expect(200);

    it("a seat taken withdraws the other offers for that seat as filled, each mailed; never the acceptance, never the other seat's", async () => {
      const [a, b] = [await volunteerSession({ languages: ['km'] }), await volunteerSession({ languages: ['km'] })];
      const [t1, t2] = [
        await volunteerSession({ languages: ['km'], level: 'trainee' }),
        await volunteerSession({ languages: ['km'], level: 'trainee' }),
      ];
      const r = (await file({ language: 'km', traineeWelcome: true }).expect(201)).body;
      const asked = await offers().find({ where: { requestId: r.id, role: 'primary' } });
      expect(asked.map((o) => o.volunteerId)).toEqual(expect.arrayContaining([a.volunteer.id, b.volunteer.id]));
      const ofA = asked.find((o) => o.volunteerId === a.volunteer.id)!;
      const others = asked.filter((o) => o.id !== ofA.id);

      await accept(ofA.id, a.auth);
      expect(await offers().findOneByOrFail({ id: ofA.id })).toMatchObject({ status: 'accepted' });
      for (const o of others)
        expect(await offers().findOneByOrFail({ id: o.id })).toMatchObject({ status: 'withdrawn' });
      expect(
        await logged(
          asked.map((o) => o.id),
          'withdraw',
        ),
      ).toEqual(others.map(() => ({ from_status: 'pending', to_status: 'withdrawn', reason: 'filled' })));
      expect(await mails(b.volunteer.email, 'offer_withdrawn')).toBe(1);
      expect(await mails(a.volunteer.email, 'offer_withdrawn')).toBe(0);

      // The shadow seat is another seat: its offers stand until a trainee takes it.
      expect((await shadowWave(r.id)).body.sent).toBe(2);
      const seat = await offers().find({ where: { requestId: r.id, role: 'shadow' } });
      const ofT1 = seat.find((o) => o.volunteerId === t1.volunteer.id)!;
      const ofT2 = seat.find((o) => o.volunteerId === t2.volunteer.id)!;
      await accept(ofT1.id, t1.auth);
      expect(await offers().findOneByOrFail({ id: ofT1.id })).toMatchObject({ status: 'accepted' });
      expect(await offers().findOneByOrFail({ id: ofT2.id })).toMatchObject({ status: 'withdrawn' });
      expect(await logged([ofT1.id, ofT2.id], 'withdraw')).toEqual([
        { from_status: 'pending', to_status: 'withdrawn', reason: 'filled' },
      ]);
      expect(await mails(t2.volunteer.email, 'offer_withdrawn')).toBe(1);
      expect(await mails(t1.volunteer.email, 'offer_withdrawn')).toBe(0);
      // The interpreter's seat was not asked about again.
      expect(
        await logged(
          asked.map((o) => o.id),
          'withdraw',
        ),
      ).toHaveLength(others.length);
      expect(await offers().findOneByOrFail({ id: ofA.id })).toMatchObject({ status: 'accepted' });
    });

    it('a change to the terms withdraws the offers out as changed and gives up a shadow seat kept from before, each mailed', async () => {
      const a = await volunteerSession({ languages: ['mn'] });
      const trainee = await volunteerSession({ languages: ['mn'], level: 'trainee' });
      const r = (
        await file({
          language: 'mn',
          traineeWelcome: true,
          startsAt: jst(16, '10:00'),
          endsAt: jst(16, '11:00'),
        }).expect(201)
      ).body;
      const { dispatch } = (await assign(r.id, a.volunteer.id)).body;
      await shadowWave(r.id, { volunteerId: trainee.volunteer.id });
      const seatOffer = await offers().findOneByOrFail({ requestId: r.id, role: 'shadow' });
      await accept(seatOffer.id, trainee.auth);
      // The interpreter drops out: the request looks again, the trainee keeps the seat for now.
      await t
        .http()
        .post(`/api/dispatches/${dispatch.id}/cancel`)
        .set('Authorization', staff)
        .send({ reason: '体調不良' })
        .expect(200);
      const other = await aQualifiedVolunteer(t, courses, { languages: ['mn'] });
      await t
        .http()
        .post(`/api/requests/${r.id}/offers`)
        .set('Authorization', staff)
        .send({ volunteerIds: [other.id] })
        .expect(200);
      const out = await offers().findOneByOrFail({ requestId: r.id, volunteerId: other.id, status: 'pending' });
      const seat = await t.dataSource.getRepository(Dispatch).findOneByOrFail({ requestId: r.id, role: 'shadow' });
      expect(seat.status).toBe('confirmed');

      // A change matching does not go by withdraws nothing and is no amendment.
      await patch(r.id, { notes: '車椅子で来院' });
      expect(await offers().findOneByOrFail({ id: out.id })).toMatchObject({ status: 'pending' });
      expect(await logged([r.id], 'amend')).toEqual([]);

      await patch(r.id, { startsAt: jst(16, '14:00'), endsAt: jst(16, '15:00') });
      expect(await logged([r.id], 'amend')).toEqual([
        { from_status: 'offered', to_status: 'offered', reason: 'terms changed: startsAt, endsAt' },
      ]);
      expect(await offers().findOneByOrFail({ id: out.id })).toMatchObject({ status: 'withdrawn' });
      expect(await logged([out.id], 'withdraw')).toEqual([
        { from_status: 'pending', to_status: 'withdrawn', reason: 'changed' },
      ]);
      expect(await mails(other.email, 'offer_withdrawn')).toBe(1);
      expect(await t.dataSource.getRepository(Dispatch).findOneByOrFail({ id: seat.id })).toMatchObject({
        status: 'cancelled',
        cancelReason: 'visit changed',
        cancelledBy: 'hospital',
      });
      expect(await mails(trainee.volunteer.email, 'dispatch_cancelled')).toBe(1);
      // The trainee's acceptance no longer holds the seat; the request is offered again for the new time.
      expect(await offers().findOneByOrFail({ id: seatOffer.id })).toMatchObject({ status: 'released' });
      expect(await offers().count({ where: { requestId: r.id, role: 'primary', status: 'pending' } })).toBeGreaterThan(
        0,
      );
    });

    it("withdrawing the consent to a trainee withdraws the shadow seat's offers as cancelled and cancels its dispatch, each mailed", async () => {
      const a = await aQualifiedVolunteer(t, courses, { languages: ['si'] });
      const [t1, t2] = [
        await volunteerSession({ languages: ['si'], level: 'trainee' }),
        await volunteerSession({ languages: ['si'], level: 'trainee' }),
      ];
      const confirmedVisit = async (day: number) => {
        const r = (
          await file({
            language: 'si',
            traineeWelcome: true,
            startsAt: jst(day, '10:00'),
            endsAt: jst(day, '11:00'),
          }).expect(201)
        ).body;
        await assign(r.id, a.id);
        return r as { id: string };
      };

      // Offers of the seat still out.
      const asked = await confirmedVisit(17);
      expect((await shadowWave(asked.id)).body.sent).toBe(2);
      const seat = await offers().find({ where: { requestId: asked.id, role: 'shadow' } });
      expect((await patch(asked.id, { traineeWelcome: false })).body).toMatchObject({
        traineeWelcome: false,
        status: 'confirmed',
      });
      expect(await logged([asked.id], 'withdrawTraineeConsent')).toEqual([
        { from_status: 'confirmed', to_status: 'confirmed', reason: 'trainee consent withdrawn' },
      ]);
      expect((await offers().find({ where: { requestId: asked.id, role: 'shadow' } })).map((o) => o.status)).toEqual([
        'withdrawn',
        'withdrawn',
      ]);
      expect(
        await logged(
          seat.map((o) => o.id),
          'withdraw',
        ),
      ).toEqual([
        { from_status: 'pending', to_status: 'withdrawn', reason: 'cancelled' },
        { from_status: 'pending', to_status: 'withdrawn', reason: 'cancelled' },
      ]);
      for (const trainee of [t1, t2]) expect(await mails(trainee.volunteer.email, 'offer_withdrawn')).toBe(1);
      // The interpreter's seat is untouched.
      expect(
        await t.dataSource.getRepository(Dispatch).findOneByOrFail({ requestId: asked.id, role: 'primary' }),
      ).toMatchObject({
        status: 'confirmed',
      });

      // The seat taken.
      const taken = await confirmedVisit(18);
      await shadowWave(taken.id, { volunteerId: t1.volunteer.id });
      await accept((await offers().findOneByOrFail({ requestId: taken.id, role: 'shadow' })).id, t1.auth);
      await patch(taken.id, { traineeWelcome: false });
      expect(
        await t.dataSource.getRepository(Dispatch).findOneByOrFail({ requestId: taken.id, role: 'shadow' }),
      ).toMatchObject({
        status: 'cancelled',
        cancelReason: 'trainee consent withdrawn',
        cancelledBy: 'hospital',
      });
      expect(await mails(t1.volunteer.email, 'dispatch_cancelled')).toBe(1);
      expect(
        await t.dataSource.getRepository(Dispatch).findOneByOrFail({ requestId: taken.id, role: 'primary' }),
      ).toMatchObject({
        status: 'confirmed',
      });
    });
  });
});
