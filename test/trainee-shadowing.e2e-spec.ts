import { Dispatch, MailMessage, Offer } from '@app/domain';
import { aUser } from './support/factories';
import { ADMIN, createTestApp, login, TestApp } from './support/test-app';
import {
  aHospital,
  aQualifiedVolunteer,
  at,
  jst,
  runJobsAt,
  TODAY,
  trainingCourses,
} from './support/workflow-fixtures';

const HOUR = 3_600_000;

/**
 * Trainee shadowing (#22): the hospital's consent, the one shadow seat offered to a chosen trainee
 * or a wave of trainees and taken through the usual offer routes, and the seat following the visit
 * (consent withdrawn, visit cancelled, interpreter replaced, visit done — no fee for the hospital).
 */
describe('Trainee shadowing (API)', () => {
  let t: TestApp;
  let staff: string;
  let coordinator: string;
  let interpreter: { id: string; displayName: string; auth: string };
  let cover: { id: string; displayName: string };
  let trainee: { id: string; displayName: string; email: string; auth: string };
  let trainees: { id: string; displayName: string }[];
  let courses: Awaited<ReturnType<typeof trainingCourses>>;

  const file = (day: number, extra: Record<string, unknown> = {}) =>
    t
      .http()
      .post('/api/requests')
      .set('Authorization', coordinator)
      .send({
        language: 'vi',
        startsAt: jst(day, '10:00'),
        endsAt: jst(day, '11:00'),
        department: 'internal_medicine',
        visitType: 'outpatient',
        patient: { displayName: '同席 テスト患者', gender: 'female', ageBand: 'adult' },
        ...extra,
      });
  const assign = (requestId: string, volunteerId: string, body: Record<string, unknown> = {}) =>
    t
      .http()
      .post(`/api/requests/${requestId}/assign`)
      .set('Authorization', staff)
      .send({ volunteerId, ...body });
  const shadow = (requestId: string, body: Record<string, unknown> = {}, auth = staff) =>
    t.http().post(`/api/requests/${requestId}/shadow`).set('Authorization', auth).send(body);
  /** A request filed with the hospital's consent and confirmed with the interpreter. */
  const confirmedVisit = async (day: number) => {
    const request = (await file(day, { traineeWelcome: true }).expect(201)).body as { id: string };
    await assign(request.id, interpreter.id).expect(200);
    return request;
  };
  const mailsTo = (email: string, template: string) =>
    t.dataSource
      .getRepository(MailMessage)
      .find({ where: { toAddress: email, template }, order: { createdAt: 'ASC' } });
  const emailOf = async (volunteerId: string) =>
    (await t.dataSource.query(`SELECT email FROM volunteers WHERE id = $1`, [volunteerId]))[0].email as string;
  const shadowOf = (requestId: string) =>
    t.dataSource
      .getRepository(Dispatch)
      .findOne({ where: { requestId, role: 'shadow' }, order: { createdAt: 'DESC' } });
  /** The trainee takes the seat of `requestId` through the signed-in offer route. */
  const takeSeat = async (requestId: string) => {
    await shadow(requestId, { volunteerId: trainee.id }).expect(200);
    const offer = await t.dataSource
      .getRepository(Offer)
      .findOneByOrFail({ requestId, volunteerId: trainee.id, role: 'shadow', status: 'pending' });
    return t.http().post(`/api/offers/${offer.id}/accept`).set('Authorization', trainee.auth).expect(200);
  };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
    courses = await trainingCourses(t);
    staff = (await login(t, ADMIN.email, ADMIN.password)).auth;
    const hospital = await aHospital(t, { name: '熊本同席病院' });
    const user = await aUser(t, { role: 'coordinator', hospitalId: hospital.id });
    coordinator = (await login(t, user.email, user.password)).auth;
    const interpreterRecord = await aQualifiedVolunteer(t, courses, { displayName: '通訳 花子' });
    const interpreterUser = await aUser(t, { role: 'volunteer', volunteerId: interpreterRecord.id });
    interpreter = {
      ...interpreterRecord,
      auth: (await login(t, interpreterUser.email, interpreterUser.password)).auth,
    };
    cover = await aQualifiedVolunteer(t, courses, { displayName: '代役 次郎' });
    const traineeRecord = await aQualifiedVolunteer(t, courses, { displayName: '研修 一郎', level: 'trainee' });
    const traineeUser = await aUser(t, { role: 'volunteer', volunteerId: traineeRecord.id });
    trainee = { ...traineeRecord, auth: (await login(t, traineeUser.email, traineeUser.password)).auth };
    trainees = await Promise.all(
      [2, 3, 4, 5].map((n) => aQualifiedVolunteer(t, courses, { displayName: `研修 ${n}`, level: 'trainee' })),
    );
    // From tomorrow the programme pays a shadowing trainee's transport.
    await t
      .http()
      .post('/api/fee-rules')
      .set('Authorization', staff)
      .send({
        validFrom: '2026-12-02',
        hospitalBaseYen: 3000,
        baseMinutes: 120,
        hospitalExtraHourYen: 1000,
        lateCancellationYen: 3000,
        patientNoShowYen: 3000,
        volunteerFlatYen: 3000,
        volunteerTransport: 'actual',
        traineeTransportPaid: true,
      })
      .expect(201);
  });
  afterAll(() => t.close());

  describe('consent', () => {
    it('files a request without consent by default, and shows the consent to staff', async () => {
      const request = (await file(8).expect(201)).body;
      expect(request.traineeWelcome).toBe(false);
      const withConsent = (await file(8, { traineeWelcome: true }).expect(201)).body;
      const seen = (await t.http().get(`/api/requests/${withConsent.id}`).set('Authorization', staff).expect(200)).body;
      expect(seen.traineeWelcome).toBe(true);
    });

    it('offers no shadow seat without the hospital’s consent: 409 TRAINEE_NOT_WELCOME', async () => {
      const request = (await file(9).expect(201)).body;
      await assign(request.id, interpreter.id).expect(200);
      const res = await shadow(request.id).expect(409);
      expect(res.body.code).toBe('TRAINEE_NOT_WELCOME');
    });

    it('opens the seat only once the request is confirmed', async () => {
      const request = (await file(10, { traineeWelcome: true }).expect(201)).body;
      expect((await shadow(request.id).expect(409)).body.code).toBe('REQUEST_NOT_CONFIRMED');
    });

    it('answers bad input with a 4xx naming the field, and 404 for an unknown request', async () => {
      expect((await file(10, { traineeWelcome: 'yes' }).expect(400)).body.errors).toHaveProperty('traineeWelcome');
      const request = await confirmedVisit(11);
      expect((await shadow(request.id, { volunteerId: 'someone' }).expect(422)).body.errors).toHaveProperty(
        'volunteerId',
      );
      expect((await shadow(request.id, { role: 'shadow' }).expect(400)).body.errors).toHaveProperty('role');
      await shadow('00000000-0000-4000-8000-000000000000').expect(404);
      await shadow(request.id, {}, coordinator).expect(403);
    });
  });

  describe('the shadow seat', () => {
    it('offers the seat to a chosen trainee, who sees the interpreter’s name and consent, accepts, and is told nothing of the patient', async () => {
      const request = await confirmedVisit(14);
      const sent = await shadow(request.id, { volunteerId: trainee.id }).expect(200);
      expect(sent.body).toEqual({ sent: 1, volunteerIds: [trainee.id] });
      const [mail] = await mailsTo(trainee.email, 'offer');
      expect(mail.subject).toContain('研修同席');
      expect(mail.textBody).toContain('通訳 花子');
      expect(mail.textBody).not.toContain('同席 テスト患者');
      const offers = (await t.http().get('/api/offers?status=pending').set('Authorization', trainee.auth).expect(200))
        .body.data;
      const offer = offers.find((o: { requestId: string }) => o.requestId === request.id);
      expect(offer).toMatchObject({ role: 'shadow', interpreterName: '通訳 花子', traineeWelcome: true });
      const accepted = await t
        .http()
        .post(`/api/offers/${offer.id}/accept`)
        .set('Authorization', trainee.auth)
        .expect(200);
      expect(accepted.body.dispatch).toMatchObject({ role: 'shadow', status: 'confirmed', shadowOf: '通訳 花子' });
      // The interpreter's seat is untouched and the interpreter is told who will shadow.
      const dispatches = await t.dataSource.getRepository(Dispatch).find({ where: { requestId: request.id } });
      expect(dispatches.map((d) => `${d.role}:${d.status}`).sort()).toEqual(['primary:confirmed', 'shadow:confirmed']);
      const told = await mailsTo(await emailOf(interpreter.id), 'shadow_partner');
      expect(told.at(-1)!.textBody).toContain('研修 一郎');
      // The trainee's schedule shows the visit with the interpreter's name.
      const mine = (await t.http().get('/api/dispatches').set('Authorization', trainee.auth).expect(200)).body.data;
      expect(mine.find((d: { requestId: string }) => d.requestId === request.id)).toMatchObject({
        role: 'shadow',
        shadowOf: '通訳 花子',
      });
    });

    it('refuses a second shadow: the seat is taken (409)', async () => {
      const request = await confirmedVisit(15);
      await takeSeat(request.id);
      expect((await shadow(request.id, { volunteerId: trainees[0].id }).expect(409)).body.code).toBe(
        'SHADOW_SEAT_TAKEN',
      );
    });

    it('offers the seat to a wave of the best eligible trainees, with the reasons for everyone else', async () => {
      const request = await confirmedVisit(16);
      const candidates = (
        await t.http().get(`/api/requests/${request.id}/candidates?role=shadow`).set('Authorization', staff).expect(200)
      ).body;
      const eligible = candidates.eligible.map((c: { volunteerId: string }) => c.volunteerId);
      expect([...eligible].sort()).toEqual([trainee.id, ...trainees.map((v) => v.id)].sort());
      expect(candidates.excluded.find((c: { volunteerId: string }) => c.volunteerId === cover.id).reasons).toEqual([
        'LEVEL',
      ]);
      const sent = (await shadow(request.id).expect(200)).body;
      expect(sent.sent).toBe(3);
      expect(sent.volunteerIds).toEqual(eligible.slice(0, 3));
      const next = (await shadow(request.id).expect(200)).body;
      expect(next.sent).toBe(2);
      expect(next.volunteerIds).toEqual(eligible.filter((id: string) => !sent.volunteerIds.includes(id)));
    });

    it('never offers a qualified interpreter the shadow seat, naming the rule', async () => {
      const request = await confirmedVisit(17);
      const res = await shadow(request.id, { volunteerId: cover.id }).expect(422);
      expect(res.body).toMatchObject({ code: 'VOLUNTEER_NOT_ELIGIBLE', errors: { volunteerId: ['LEVEL'] } });
    });

    it('never gives a trainee the interpreter’s seat: not even with an override reason, nor by writing the row', async () => {
      const request = (await file(18, { traineeWelcome: true }).expect(201)).body;
      const res = await assign(request.id, trainee.id, { overrideReason: '人手不足' }).expect(422);
      expect(res.body).toMatchObject({ code: 'VOLUNTEER_NOT_ELIGIBLE', errors: { volunteerId: expect.any(Array) } });
      await expect(
        t.dataSource.query(
          `INSERT INTO dispatches (request_id, volunteer_id, role, status, starts_at, ends_at, busy_from, busy_until)
           SELECT id, $2, 'primary', 'confirmed', starts_at, ends_at, starts_at, ends_at FROM requests WHERE id = $1`,
          [request.id, trainee.id],
        ),
      ).rejects.toMatchObject({ driverError: { constraint: 'ck_dispatches_primary_not_trainee' } });
    });

    it("counts the shadow for the trainee's own double booking, never for the interpreter's seat", async () => {
      const first = await confirmedVisit(21);
      await takeSeat(first.id);
      // Another visit at the same time with another interpreter: the trainee is busy, so not eligible.
      const clash = (await file(21, { traineeWelcome: true }).expect(201)).body;
      await assign(clash.id, cover.id).expect(200);
      const res = await shadow(clash.id, { volunteerId: trainee.id }).expect(422);
      expect(res.body.errors.volunteerId).toContain('OVERLAP');
    });
  });

  describe('the seat follows the visit', () => {
    it('withdrawing consent cancels the shadow dispatch, with a mail to the trainee; the interpreter stays', async () => {
      const request = await confirmedVisit(22);
      await takeSeat(request.id);
      const before = (await mailsTo(trainee.email, 'dispatch_cancelled')).length;
      const res = await t
        .http()
        .patch(`/api/requests/${request.id}`)
        .set('Authorization', coordinator)
        .send({ traineeWelcome: false })
        .expect(200);
      expect(res.body).toMatchObject({ traineeWelcome: false, status: 'confirmed' });
      expect((await shadowOf(request.id))!.status).toBe('cancelled');
      expect(await mailsTo(trainee.email, 'dispatch_cancelled')).toHaveLength(before + 1);
      const primary = await t.dataSource
        .getRepository(Dispatch)
        .findOneByOrFail({ requestId: request.id, role: 'primary' });
      expect(primary.status).toBe('confirmed');
      // Still only the consent may change on a confirmed request.
      expect(
        (await t.http().patch(`/api/requests/${request.id}`).set('Authorization', coordinator).send({ notes: 'x' }))
          .body.code,
      ).toBe('REQUEST_NOT_EDITABLE');
    });

    it('cancelling the visit cancels the shadow, with a mail to the trainee', async () => {
      const request = await confirmedVisit(23);
      await takeSeat(request.id);
      await t
        .http()
        .post(`/api/requests/${request.id}/cancel`)
        .set('Authorization', coordinator)
        .send({ reason: '患者都合' })
        .expect(200);
      expect((await shadowOf(request.id))!.status).toBe('cancelled');
      const mails = await mailsTo(trainee.email, 'request_cancelled');
      expect(mails.length).toBeGreaterThan(0);
    });

    it('keeps the shadow when the interpreter is replaced, and tells each the other’s name', async () => {
      const request = await confirmedVisit(24);
      await takeSeat(request.id);
      const primary = await t.dataSource
        .getRepository(Dispatch)
        .findOneByOrFail({ requestId: request.id, role: 'primary' });
      await t
        .http()
        .post(`/api/dispatches/${primary.id}/cancel`)
        .set('Authorization', interpreter.auth)
        .send({ reason: '体調不良' })
        .expect(200);
      expect((await shadowOf(request.id))!.status).toBe('confirmed');
      await assign(request.id, cover.id).expect(200);
      expect((await shadowOf(request.id))!.status).toBe('confirmed');
      const toTrainee = await mailsTo(trainee.email, 'shadow_partner');
      expect(toTrainee.at(-1)!.textBody).toContain('代役 次郎');
      const toCover = await mailsTo(await emailOf(cover.id), 'shadow_partner');
      expect(toCover.at(-1)!.textBody).toContain('研修 一郎');
      const seen = (
        await t
          .http()
          .get(`/api/dispatches/${(await shadowOf(request.id))!.id}`)
          .set('Authorization', trainee.auth)
      ).body;
      expect(seen.shadowOf).toBe('代役 次郎');
    });

    it('gives the seat up, with a mail, when a reopened visit moves to another time', async () => {
      const request = await confirmedVisit(26);
      await takeSeat(request.id);
      const primary = await t.dataSource
        .getRepository(Dispatch)
        .findOneByOrFail({ requestId: request.id, role: 'primary' });
      await t
        .http()
        .post(`/api/dispatches/${primary.id}/cancel`)
        .set('Authorization', interpreter.auth)
        .send({ reason: '体調不良' })
        .expect(200);
      const before = (await mailsTo(trainee.email, 'dispatch_cancelled')).length;
      await t
        .http()
        .patch(`/api/requests/${request.id}`)
        .set('Authorization', coordinator)
        .send({ startsAt: jst(26, '14:00'), endsAt: jst(26, '15:00') })
        .expect(200);
      expect((await shadowOf(request.id))!.status).toBe('cancelled');
      expect(await mailsTo(trainee.email, 'dispatch_cancelled')).toHaveLength(before + 1);
    });

    it('moves the shadow with a confirmed visit the hospital reschedules, and asks the trainee too', async () => {
      const request = await confirmedVisit(27);
      await takeSeat(request.id);
      const before = (await mailsTo(trainee.email, 'visit_moved')).length;
      await t
        .http()
        .post(`/api/requests/${request.id}/reschedule`)
        .set('Authorization', coordinator)
        .send({ startsAt: jst(27, '14:00'), endsAt: jst(27, '15:00') })
        .expect(200);
      const moved = (await shadowOf(request.id))!;
      expect(moved.status).toBe('confirmed');
      expect(moved.startsAt.toISOString()).toBe(new Date(jst(27, '14:00')).toISOString());
      const primary = await t.dataSource
        .getRepository(Dispatch)
        .findOneByOrFail({ requestId: request.id, role: 'primary', status: 'confirmed' });
      expect(primary.startsAt.toISOString()).toBe(moved.startsAt.toISOString());
      expect(await mailsTo(trainee.email, 'visit_moved')).toHaveLength(before + 1);
      // The trainee's silence does not alarm staff: only the interpreter's answer has a deadline.
      const deadlines: { n: number }[] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM jobs WHERE status = 'pending' AND type = 'dispatch.reconfirm-deadline'
            AND payload->>'dispatchId' = $1`,
        [moved.id],
      );
      expect(deadlines[0].n).toBe(0);
    });

    it('completes the shadow with the visit, and charges the hospital nothing for it', async () => {
      const request = await confirmedVisit(25);
      await takeSeat(request.id);
      const primary = await t.dataSource
        .getRepository(Dispatch)
        .findOneByOrFail({ requestId: request.id, role: 'primary' });
      t.clock.set(at(jst(25, '12:00'), 0));
      try {
        await t
          .http()
          .post(`/api/dispatches/${primary.id}/complete`)
          .set('Authorization', staff)
          .send({ actualStart: jst(25, '10:00'), actualEnd: jst(25, '11:10') })
          .expect(200);
        const done = (await shadowOf(request.id))!;
        expect(done.status).toBe('completed');
        expect(done.actualEnd!.toISOString()).toBe(new Date(jst(25, '11:10')).toISOString());
        const statements = (
          await t.http().get('/api/statements/hospitals?month=2026-12').set('Authorization', staff).expect(200)
        ).body;
        const lines = statements.data.flatMap((s: { lines: { requestId: string }[] }) => s.lines);
        expect(lines.filter((l: { requestId: string }) => l.requestId === request.id)).toHaveLength(1);
        expect(lines.map((l: { dispatchId: string }) => l.dispatchId)).not.toContain(done.id);
      } finally {
        t.clock.set(TODAY);
      }
    });
  });

  it('expires an unanswered shadow offer with the usual timer', async () => {
    const request = await confirmedVisit(28);
    await shadow(request.id, { volunteerId: trainees[1].id }).expect(200);
    const offers = t.dataSource.getRepository(Offer);
    const offer = await offers.findOneByOrFail({ requestId: request.id, role: 'shadow' });
    expect(offer.expiresAt.getTime()).toBeLessThanOrEqual(new Date(TODAY).getTime() + 12 * HOUR);
    try {
      await runJobsAt(t, at(offer.expiresAt, 1000));
      expect((await offers.findOneByOrFail({ id: offer.id })).status).toBe('expired');
      // The interpreter's request is untouched by it.
      expect((await t.http().get(`/api/requests/${request.id}`).set('Authorization', staff)).body.status).toBe(
        'confirmed',
      );
    } finally {
      t.clock.set(TODAY);
    }
  });

  describe('after the visit: the practicum record and the path to interpreter', () => {
    let upcoming: { id: string };
    let filedDispatch: string;
    const shadowDispatchOn = async (day: number) =>
      (
        await t.dataSource.query(
          `SELECT d.id FROM dispatches d WHERE d.volunteer_id = $1 AND d.role = 'shadow' AND d.status IN ('confirmed', 'completed')
              AND d.starts_at = $2`,
          [trainee.id, new Date(jst(day, '10:00'))],
        )
      )[0].id as string;
    const filePracticum = (dispatchId: string, body: Record<string, unknown>, auth = trainee.auth) =>
      t.http().post(`/api/dispatches/${dispatchId}/practicum`).set('Authorization', auth).send(body);
    const record = { observed: '医師の説明を短く区切って訳していた', wouldStudy: '検査の名称', transportCostYen: 620 };
    const review = async (dispatchId: string) => {
      const practicum = (await t.http().get(`/api/dispatches/${dispatchId}/practicum`).set('Authorization', staff))
        .body;
      await t
        .http()
        .post(`/api/practicum-reports/${practicum.id}/review`)
        .set('Authorization', staff)
        .send({ status: 'reviewed', comment: 'よく観察できています' })
        .expect(200);
    };

    beforeAll(async () => {
      upcoming = await confirmedVisit(29);
      await takeSeat(upcoming.id);
      filedDispatch = await shadowDispatchOn(25);
    });
    afterAll(() => t.clock.set(TODAY));

    it('takes no practicum record before the visit', async () => {
      const res = await filePracticum(await shadowDispatchOn(29), record).expect(409);
      expect(res.body.code).toBe('VISIT_NOT_HAPPENED');
    });

    it('lets the trainee file the record, the interpreter add feedback, and staff review both in the queue', async () => {
      t.clock.set(jst(26, '12:00'));
      const dispatchId = filedDispatch;
      expect((await filePracticum(dispatchId, { wouldStudy: 'x' }).expect(400)).body.errors).toHaveProperty('observed');
      // Only the trainee files it; the interpreter of the visit may not (404).
      await filePracticum(dispatchId, record, interpreter.auth).expect(404);
      const filed = (await filePracticum(dispatchId, record).expect(201)).body;
      expect(filed).toMatchObject({ ...record, traineeName: '研修 一郎', reviewStatus: 'pending' });
      expect((await filePracticum(dispatchId, record).expect(409)).body.code).toBe('PRACTICUM_EXISTS');
      const seen = (await t.http().get(`/api/dispatches/${dispatchId}`).set('Authorization', trainee.auth)).body;
      expect(seen.practicum).toBe('submitted');
      // The interpreter's own visit names the trainee and the shadow dispatch to give feedback on.
      const primaryOf = async () => {
        const [{ id }] = await t.dataSource.query(
          `SELECT p.id FROM dispatches p JOIN dispatches s ON s.request_id = p.request_id
            WHERE s.id = $1 AND p.role = 'primary'`,
          [dispatchId],
        );
        return (await t.http().get(`/api/dispatches/${id}`).set('Authorization', interpreter.auth).expect(200)).body;
      };
      expect((await primaryOf()).shadowTrainee).toEqual({
        dispatchId,
        name: '研修 一郎',
        practicum: 'submitted',
        feedback: null,
      });

      await t
        .http()
        .post(`/api/dispatches/${dispatchId}/practicum/feedback`)
        .set('Authorization', trainee.auth)
        .send({ feedback: '自分で書く' })
        .expect(404);
      const withFeedback = (
        await t
          .http()
          .post(`/api/dispatches/${dispatchId}/practicum/feedback`)
          .set('Authorization', interpreter.auth)
          .send({ feedback: '落ち着いて観察できていました' })
          .expect(200)
      ).body;
      expect(withFeedback.interpreterFeedback).toBe('落ち着いて観察できていました');
      expect(
        (
          await t
            .http()
            .get(`/api/dispatches/${dispatchId}/practicum`)
            .set('Authorization', interpreter.auth)
            .expect(200)
        ).body.interpreterFeedback,
      ).toBe('落ち着いて観察できていました');
      expect((await primaryOf()).shadowTrainee).toMatchObject({ feedback: '落ち着いて観察できていました' });

      const queue = (
        await t.http().get('/api/practicum-reports?reviewStatus=pending').set('Authorization', staff).expect(200)
      ).body;
      expect(queue.data).toEqual([
        expect.objectContaining({
          id: filed.id,
          interpreterName: '通訳 花子',
          interpreterFeedback: expect.any(String),
        }),
      ]);
      await review(dispatchId);
      expect(
        (await t.http().get('/api/practicum-reports?reviewStatus=pending').set('Authorization', staff)).body.total,
      ).toBe(0);
      await t.http().get('/api/practicum-reports').set('Authorization', coordinator).expect(403);
    });

    it("puts the trainee's transport on their statement (the programme pays it), with no honorarium", async () => {
      const statements = (
        await t.http().get('/api/statements/volunteers?month=2026-12').set('Authorization', trainee.auth).expect(200)
      ).body;
      const line = statements.data[0].lines.find((l: { dispatchId: string }) => l.dispatchId === filedDispatch);
      expect(line).toMatchObject({ honorariumYen: 0, transportYen: 620, amountYen: 620 });
    });
    it('shows the path to interpreter, and staff promote the trainee once the rule is met (level history and audit)', async () => {
      const before = (
        await t.http().get(`/api/volunteers/${trainee.id}/progress`).set('Authorization', trainee.auth).expect(200)
      ).body;
      expect(before).toMatchObject({
        level: 'trainee',
        promotionRuleMet: false,
        rule: {
          requireInitialCourse: true,
          initialCourseAttended: true,
          reviewedShadowVisitsRequired: 3,
          reviewedShadowVisits: 1,
        },
      });
      expect(before.courses.map((c: { kind: string }) => c.kind)).toEqual(['initial', 'skill_up']);
      expect(before.shadowVisits.map((v: { practicum: string }) => v.practicum)).toEqual([
        'missing',
        'missing',
        'missing',
        'missing',
        'reviewed',
      ]);
      expect(before.shadowVisits[4]).toMatchObject({ interpreterName: '通訳 花子', hospitalName: '熊本同席病院' });
      // Someone else's progress is out of the interpreter's scope.
      await t.http().get(`/api/volunteers/${trainee.id}/progress`).set('Authorization', interpreter.auth).expect(404);
      expect((await t.http().get('/api/trainees/ready-for-promotion').set('Authorization', staff)).body).toEqual([]);

      for (const day of [14, 15]) {
        const dispatchId = await shadowDispatchOn(day);
        await filePracticum(dispatchId, { observed: '受付から会計まで同行', wouldStudy: '保険制度の用語' }).expect(201);
        await review(dispatchId);
      }
      const ready = (await t.http().get('/api/trainees/ready-for-promotion').set('Authorization', staff).expect(200))
        .body;
      expect(ready).toEqual([{ volunteerId: trainee.id, displayName: '研修 一郎', reviewedShadowVisits: 3 }]);

      const promote = (body: Record<string, unknown>) =>
        t.http().post(`/api/volunteers/${trainee.id}/level`).set('Authorization', staff).send(body);
      const refused = async (body: Record<string, unknown>, field: string) => {
        const res = await promote(body);
        expect([400, 422]).toContain(res.status);
        expect(res.body.errors).toHaveProperty(field);
      };
      await refused({ level: 'expert', reason: 'x' }, 'level');
      await refused({ level: 'standard' }, 'reason');
      await t
        .http()
        .post(`/api/volunteers/${trainee.id}/level`)
        .set('Authorization', trainee.auth)
        .send({ level: 'standard', reason: '自分で' })
        .expect(403);
      const promoted = (await promote({ level: 'standard', reason: '養成講座修了・同席実習3回' }).expect(200)).body;
      expect(promoted.level).toBe('standard');
      expect((await promote({ level: 'standard', reason: 'again' }).expect(409)).body.code).toBe('LEVEL_UNCHANGED');
      const detail = (await t.http().get(`/api/volunteers/${trainee.id}`).set('Authorization', staff).expect(200)).body;
      expect(detail.levelHistory).toEqual([
        expect.objectContaining({ from: 'trainee', to: 'standard', reason: '養成講座修了・同席実習3回' }),
      ]);
      const audit = (
        await t.http().get(`/api/audit-log?action=volunteer.level`).set('Authorization', staff).expect(200)
      ).body;
      expect(audit.data).toEqual([
        expect.objectContaining({
          objectId: trainee.id,
          details: expect.objectContaining({ from: 'trainee', to: 'standard', promotionRuleMet: true }),
        }),
      ]);
      expect((await t.http().get('/api/trainees/ready-for-promotion').set('Authorization', staff)).body).toEqual([]);
    });

    it('counts the shadow visits and the trainees promoted in the fiscal year’s figures', async () => {
      const summary = (await t.http().get('/api/stats/summary?fiscalYear=2026').set('Authorization', staff).expect(200))
        .body;
      // Seats held on the 14th, 15th, 21st, 24th, 25th, 27th and 29th (those on the 22nd and 23rd were cancelled).
      expect(summary.shadowing).toEqual({ shadowVisits: 7, trainees: 1, traineesPromoted: 1 });
      const lastYear = (await t.http().get('/api/stats/summary?fiscalYear=2025').set('Authorization', staff)).body;
      expect(lastYear.shadowing).toEqual({ shadowVisits: 0, trainees: 0, traineesPromoted: 0 });
    });
  });
});
