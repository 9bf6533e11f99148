import { Dispatch, MailMessage } from '@app/domain';
import { MailSender } from '../apps/api/src/mail/mail-sender';
import { aUser } from './support/factories';
import { TestSmtpServer } from './support/smtp-server';
import { createTestApp, login, TestApp } from './support/test-app';
import { fileRequest, PATIENT, visitWorld } from './support/visit-fixtures';
import { aHospital, aQualifiedVolunteer, at, jst, runJobsAt, TODAY } from './support/workflow-fixtures';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ADDRESS = '熊本市南区富合町 1-2-3';
const NOTES = '1階総合受付で待ち合わせ。保険証のコピーは不要です。';
const COORDINATOR_PHONE = '096-111-2222';
const HOSPITAL_PHONE = '096-333-4444';

/**
 * The volunteer's visit (#18): what the confirmed interpreter is told about the day (the panel's
 * view and the mails), reconfirming from the panel, "I can't go", and offers soonest first.
 */
describe("The volunteer's visit", () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let world: Awaited<ReturnType<typeof visitWorld>>;
  let staffUser: Awaited<ReturnType<typeof aUser>> & { auth: string };

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Kumamoto Dispatch <no-reply@dispatch.example.jp>' });
    t.clock.set(TODAY);
    world = await visitWorld(t, 3);
    // The hospital's address and phone, and the coordinator's direct line, as staff keep them.
    await t
      .http()
      .patch(`/api/hospitals/${world.hospital.id}`)
      .set('Authorization', world.staff)
      .send({ address: ADDRESS, phone: HOSPITAL_PHONE })
      .expect(200);
    await t
      .http()
      .patch(`/api/users/${world.coordinator.id}`)
      .set('Authorization', world.staff)
      .send({ phone: ` ${COORDINATOR_PHONE} ` })
      .expect(200);
    const staff = await aUser(t, { role: 'staff' });
    staffUser = { ...staff, auth: (await login(t, staff.email, staff.password)).auth };
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });
  afterEach(() => t.clock.set(TODAY));

  const mailsTo = (email: string, template: string) =>
    t.dataSource
      .getRepository(MailMessage)
      .find({ where: { toAddress: email, template }, order: { createdAt: 'ASC' } });

  /** Files a visit as the coordinator with notes for the interpreter, and has staff assign `volunteerId`. */
  async function visit(
    volunteerId: string,
    startsAt: string,
    extra: Record<string, unknown> = { notesForInterpreter: NOTES },
    language = 'vi',
  ) {
    const filed = await t
      .http()
      .post('/api/requests')
      .set('Authorization', world.coordinator.auth)
      .send({
        language,
        startsAt,
        endsAt: at(startsAt, HOUR).toISOString(),
        department: 'internal_medicine',
        visitType: 'outpatient',
        patient: { displayName: PATIENT, gender: 'female', ageBand: 'adult' },
        ...extra,
      })
      .expect(201);
    const assigned = await t
      .http()
      .post(`/api/requests/${filed.body.id}/assign`)
      .set('Authorization', world.staff)
      .send({ volunteerId })
      .expect(200);
    return { requestId: filed.body.id as string, dispatchId: assigned.body.dispatch.id as string };
  }

  describe('the request form', () => {
    const base = () => ({
      language: 'vi',
      startsAt: jst(10, '10:00'),
      endsAt: jst(10, '11:00'),
      department: 'internal_medicine',
      visitType: 'outpatient',
      patient: { displayName: PATIENT, gender: 'female', ageBand: 'adult' },
    });
    const file = (body: object) =>
      t.http().post('/api/requests').set('Authorization', world.coordinator.auth).send(body);
    const fieldsOf = (res: { body: { errors?: object } }) => Object.keys(res.body.errors ?? {});

    it('keeps the notes for the interpreter trimmed, and needs the number or link of a phone or video visit', async () => {
      const filed = await file({ ...base(), notesForInterpreter: `  ${NOTES}\n`, remoteDetails: '   ' }).expect(201);
      expect(filed.body).toMatchObject({ notesForInterpreter: NOTES, remoteDetails: null, mode: 'onsite' });

      for (const remoteDetails of [undefined, '   ']) {
        const refused = await file({ ...base(), mode: 'phone', remoteDetails }).expect(422);
        expect(fieldsOf(refused)).toEqual(['remoteDetails']);
      }
      const video = await file({ ...base(), mode: 'video', remoteDetails: ' https://meet.example.jp/abc ' }).expect(
        201,
      );
      expect(video.body.remoteDetails).toBe('https://meet.example.jp/abc');

      const tooLong = await file({ ...base(), notesForInterpreter: 'あ'.repeat(1001) });
      expect(tooLong.status).toBeGreaterThanOrEqual(400);
      expect(tooLong.status).toBeLessThan(500);
      expect(fieldsOf(tooLong)).toEqual(['notesForInterpreter']);
      const notText = await file({ ...base(), mode: 'phone', remoteDetails: 42 });
      expect(notText.status).toBe(400);
      expect(fieldsOf(notText)).toEqual(['remoteDetails']);
    });

    it('refuses a change to a phone visit without the number, and takes it with one', async () => {
      const filed = await file(base()).expect(201);
      const patch = (body: object) =>
        t.http().patch(`/api/requests/${filed.body.id}`).set('Authorization', world.coordinator.auth).send(body);
      const refused = await patch({ mode: 'phone' }).expect(422);
      expect(fieldsOf(refused)).toEqual(['remoteDetails']);
      const changed = await patch({ mode: 'phone', remoteDetails: '096-555-6666', notesForInterpreter: '内線 12' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        mode: 'phone',
        remoteDetails: '096-555-6666',
        notesForInterpreter: '内線 12',
      });
      // Taking the number away again from a phone visit names the field; clearing the notes is fine.
      expect(fieldsOf(await patch({ remoteDetails: null }).expect(422))).toEqual(['remoteDetails']);
      expect((await patch({ notesForInterpreter: null }).expect(200)).body.notesForInterpreter).toBeNull();
    });
  });

  describe("the dispatch's view", () => {
    it('gives the dispatched volunteer everything for the day, and nobody else theirs', async () => {
      const [volunteer, other] = world.volunteers;
      const { dispatchId } = await visit(volunteer.id, jst(8, '10:00'));
      await t.dataSource.getRepository(Dispatch).update({ id: dispatchId }, { overrideReason: '研修の代替として' });

      const mine = await t.http().get(`/api/dispatches/${dispatchId}`).set('Authorization', volunteer.auth).expect(200);
      expect(mine.body.visit).toEqual({
        hospitalName: '熊本南病院',
        address: ADDRESS,
        hospitalPhone: HOSPITAL_PHONE,
        department: 'internal_medicine',
        visitType: 'outpatient',
        mode: 'onsite',
        notesForInterpreter: NOTES,
        remoteDetails: null,
        coordinatorName: world.coordinator.displayName,
        coordinatorPhone: COORDINATOR_PHONE,
      });
      expect(mine.body).toMatchObject({ overrideReason: null, reconfirmedAt: null, report: null });
      const listed = await t.http().get('/api/dispatches').set('Authorization', volunteer.auth).expect(200);
      const row = listed.body.data.find((d: { id: string }) => d.id === dispatchId);
      expect(row.visit).toEqual(mine.body.visit);
      expect(row.overrideReason).toBeNull();

      // Staff see the override reason; the hospital sees the visit but not staff's reason.
      const staffView = await t.http().get(`/api/dispatches/${dispatchId}`).set('Authorization', world.staff);
      expect(staffView.body).toMatchObject({ overrideReason: '研修の代替として', visit: mine.body.visit });
      const hospitalView = await t
        .http()
        .get(`/api/dispatches/${dispatchId}`)
        .set('Authorization', world.coordinator.auth);
      expect(hospitalView.body).toMatchObject({ overrideReason: null, visit: mine.body.visit });

      await t.http().get(`/api/dispatches/${dispatchId}`).set('Authorization', other.auth).expect(404);
      const theirs = await t.http().get('/api/dispatches').set('Authorization', other.auth).expect(200);
      expect(theirs.body.data.map((d: { id: string }) => d.id)).not.toContain(dispatchId);

      // Once cancelled, the volunteer's view no longer carries the day's details.
      await t
        .http()
        .post(`/api/dispatches/${dispatchId}/cancel`)
        .set('Authorization', world.coordinator.auth)
        .send({ reason: '日程変更' })
        .expect(200);
      const cancelled = await t.http().get(`/api/dispatches/${dispatchId}`).set('Authorization', volunteer.auth);
      expect(cancelled.body.visit).toBeUndefined();
    });

    it("falls back to the hospital's coordinator when staff filed the request, and shows a remote visit's link", async () => {
      const [volunteer] = world.volunteers;
      const filed = await t
        .http()
        .post('/api/requests')
        .set('Authorization', world.staff)
        .send({
          hospitalId: world.hospital.id,
          language: 'vi',
          startsAt: jst(9, '14:00'),
          endsAt: jst(9, '15:00'),
          department: 'internal_medicine',
          visitType: 'outpatient',
          mode: 'video',
          remoteDetails: 'https://meet.example.jp/room-9',
          patient: { displayName: PATIENT, gender: 'female', ageBand: 'adult' },
        })
        .expect(201);
      const assigned = await t
        .http()
        .post(`/api/requests/${filed.body.id}/assign`)
        .set('Authorization', world.staff)
        .send({ volunteerId: volunteer.id })
        .expect(200);
      const view = await t
        .http()
        .get(`/api/dispatches/${assigned.body.dispatch.id}`)
        .set('Authorization', volunteer.auth)
        .expect(200);
      expect(view.body.visit).toMatchObject({
        mode: 'video',
        remoteDetails: 'https://meet.example.jp/room-9',
        coordinatorName: world.coordinator.displayName,
        coordinatorPhone: COORDINATOR_PHONE,
      });
    });

    it('says whether the report of a visit that is over is owed, filed or reviewed', async () => {
      const volunteer = world.volunteers[2];
      const startsAt = jst(7, '10:00');
      const { dispatchId } = await visit(volunteer.id, startsAt);
      const reportOf = async () =>
        (await t.http().get(`/api/dispatches/${dispatchId}`).set('Authorization', volunteer.auth).expect(200)).body
          .report;
      expect(await reportOf()).toBeNull();
      t.clock.set(at(startsAt, 2 * HOUR));
      expect(await reportOf()).toBe('missing');
      const filed = await t
        .http()
        .post(`/api/dispatches/${dispatchId}/report`)
        .set('Authorization', volunteer.auth)
        .send({
          actualStart: startsAt,
          actualEnd: at(startsAt, HOUR).toISOString(),
          waitingMinutes: 10,
          scenes: ['consultation'],
          difficulty: 2,
          transportCostYen: 400,
        })
        .expect(201);
      expect(await reportOf()).toBe('submitted');
      const listed = await t.http().get('/api/dispatches').set('Authorization', volunteer.auth).expect(200);
      expect(listed.body.data.find((d: { id: string }) => d.id === dispatchId).report).toBe('submitted');
      await t
        .http()
        .post(`/api/reports/${filed.body.id}/review`)
        .set('Authorization', world.staff)
        .send({ status: 'reviewed' })
        .expect(200);
      expect(await reportOf()).toBe('reviewed');
    });
  });

  describe('reconfirming from the panel', () => {
    it('is the dispatched volunteer’s, idempotent, and stops the missing-answer alert', async () => {
      const [volunteer, other] = world.volunteers;
      const startsAt = jst(12, '10:00');
      const { dispatchId } = await visit(volunteer.id, startsAt);
      await runJobsAt(t, at(startsAt, -47 * HOUR));
      const reconfirm = (auth: string) =>
        t.http().post(`/api/dispatches/${dispatchId}/reconfirm`).set('Authorization', auth);

      await reconfirm(other.auth).expect(404);
      await reconfirm(world.coordinator.auth).expect(404);
      const first = await reconfirm(volunteer.auth).expect(200);
      expect(first.body).toMatchObject({ id: dispatchId, status: 'confirmed' });
      expect(first.body.reconfirmedAt).toBe(at(startsAt, -47 * HOUR).toISOString());
      expect(first.body.visit.address).toBe(ADDRESS);
      t.clock.set(at(startsAt, -46 * HOUR));
      const again = await reconfirm(volunteer.auth).expect(200);
      expect(again.body.reconfirmedAt).toBe(first.body.reconfirmedAt);

      await runJobsAt(t, at(startsAt, -23 * HOUR));
      expect(await t.dataSource.getRepository(Dispatch).findOneByOrFail({ id: dispatchId })).toMatchObject({
        reconfirmationMissed: false,
      });
      const alerts = await mailsTo(world.coordinator.email, 'request_escalated');
      expect(alerts.filter((m) => m.idempotencyKey.includes(`reconfirm:${dispatchId}`))).toHaveLength(0);
      const staffSees = await t.http().get(`/api/dispatches/${dispatchId}`).set('Authorization', world.staff);
      expect(staffSees.body.reconfirmedAt).toBe(first.body.reconfirmedAt);

      await t
        .http()
        .post(`/api/dispatches/${dispatchId}/cancel`)
        .set('Authorization', world.coordinator.auth)
        .send({ reason: '日程変更' })
        .expect(200);
      const conflict = await reconfirm(volunteer.auth).expect(409);
      expect(conflict.body.code).toBe('DISPATCH_NOT_CONFIRMED');
      await t.http().post('/api/dispatches/not-a-uuid/reconfirm').set('Authorization', volunteer.auth).expect(400);
    });
  });

  describe('"I can\'t go"', () => {
    it('is the interpreter’s cancellation: the request looks for someone else, staff and the hospital are told', async () => {
      const [volunteer, other] = world.volunteers;
      const startsAt = jst(18, '10:00');
      const { requestId, dispatchId } = await visit(volunteer.id, startsAt);
      t.clock.set(at(startsAt, -5 * 24 * HOUR));
      const cancel = (auth: string, body: object) =>
        t.http().post(`/api/dispatches/${dispatchId}/cancel`).set('Authorization', auth).send(body);

      const errorsOf = (res: { body: { errors?: object } }) => Object.keys(res.body.errors ?? {});
      expect(errorsOf(await cancel(volunteer.auth, {}).expect(400))).toEqual(['reason']);
      expect(errorsOf(await cancel(volunteer.auth, { reason: '   ' }).expect(422))).toEqual(['reason']);
      const party = await cancel(volunteer.auth, { reason: '体調不良', party: 'hospital' });
      expect(party.status).toBeGreaterThanOrEqual(400);
      expect(party.status).toBeLessThan(500);
      expect(errorsOf(party)).toEqual(['party']);
      await cancel(other.auth, { reason: '体調不良' }).expect(404);

      const dropped = await cancel(volunteer.auth, { reason: '体調不良のため' }).expect(200);
      expect(dropped.body).toMatchObject({ status: 'cancelled', cancelledBy: 'interpreter', lateCancellation: false });

      // The hospital and staff are told: another interpreter is being found; no reason, no patient.
      const [toHospital] = await mailsTo(world.coordinator.email, 'interpreter_cancelled');
      expect(toHospital.textBody).toContain('代わりの通訳者を探しています');
      expect(toHospital.textBody).toContain('費用はかかりません');
      const [toStaff] = await mailsTo(staffUser.email, 'interpreter_cancelled');
      expect(toStaff.textBody).toContain('再募集');
      for (const mail of [toHospital, toStaff]) {
        expect(`${mail.subject}${mail.textBody}${mail.htmlBody}`).not.toContain(PATIENT);
        expect(mail.textBody).not.toContain('体調不良');
      }
      // Not an alert: five days remain.
      expect(
        (await mailsTo(staffUser.email, 'request_escalated')).filter((m) => m.idempotencyKey.includes(dispatchId)),
      ).toHaveLength(0);

      // Back to finding an interpreter: the other volunteer gets the offer, the one who gave it up does not.
      await runJobsAt(t, at(startsAt, -5 * 24 * HOUR));
      const request = await t.http().get(`/api/requests/${requestId}`).set('Authorization', world.staff).expect(200);
      expect(request.body.status).toBe('offered');
      const offers = await t.http().get('/api/offers?status=pending').set('Authorization', other.auth).expect(200);
      expect(offers.body.data.map((o: { requestId: string }) => o.requestId)).toContain(requestId);
      const mine = await t.http().get('/api/offers?status=pending').set('Authorization', volunteer.auth).expect(200);
      expect(mine.body.data.map((o: { requestId: string }) => o.requestId)).not.toContain(requestId);

      // A second "I can't go" on the cancelled dispatch is a conflict.
      expect((await cancel(volunteer.auth, { reason: '体調不良' })).status).toBe(409);
    });

    it('inside 24 hours alerts staff and admins at once, and never bills the hospital', async () => {
      const volunteer = world.volunteers[2];
      const startsAt = jst(21, '10:00');
      const { dispatchId } = await visit(volunteer.id, startsAt);
      // The hospital's own late cancellation of another visit that day is billed: the statement has fees.
      const hospitalSide = await visit(world.volunteers[0].id, jst(21, '12:00'));
      t.clock.set(at(startsAt, -20 * HOUR));
      await t
        .http()
        .post(`/api/dispatches/${hospitalSide.dispatchId}/cancel`)
        .set('Authorization', world.coordinator.auth)
        .send({ reason: '日程変更' })
        .expect(200);
      const dropped = await t
        .http()
        .post(`/api/dispatches/${dispatchId}/cancel`)
        .set('Authorization', volunteer.auth)
        .send({ reason: '家族の急病' })
        .expect(200);
      expect(dropped.body).toMatchObject({ cancelledBy: 'interpreter', lateCancellation: true });

      const admin = (await t.dataSource.query(`SELECT email FROM users WHERE role = 'admin'`))[0].email;
      for (const email of [staffUser.email, admin]) {
        const alerts = (await mailsTo(email, 'request_escalated')).filter((m) => m.idempotencyKey.includes(dispatchId));
        expect(alerts).toHaveLength(1);
        expect(alerts[0].textBody).toContain('確定していた通訳者の派遣が取り消され');
      }
      expect(await mailsTo(world.coordinator.email, 'interpreter_cancelled')).not.toHaveLength(0);

      const statement = await t
        .http()
        .get('/api/statements/hospitals?month=2026-12')
        .set('Authorization', world.coordinator.auth)
        .expect(200);
      const lines: { dispatchId: string; kind: string }[] = statement.body.data.flatMap(
        (s: { lines: { dispatchId: string }[] }) => s.lines,
      );
      expect(lines.filter((l) => l.dispatchId === hospitalSide.dispatchId).map((l) => l.kind)).toEqual([
        'late_cancellation',
      ]);
      expect(lines.map((l) => l.dispatchId)).not.toContain(dispatchId);
    });

    it('is refused once the visit is over', async () => {
      const [volunteer] = world.volunteers;
      const startsAt = jst(5, '10:00');
      const { dispatchId } = await visit(volunteer.id, startsAt);
      t.clock.set(at(startsAt, 2 * HOUR));
      const ended = await t
        .http()
        .post(`/api/dispatches/${dispatchId}/cancel`)
        .set('Authorization', volunteer.auth)
        .send({ reason: '体調不良' })
        .expect(409);
      expect(ended.body.code).toBe('VISIT_ENDED');
    });
  });

  describe('the mails of the day, over SMTP', () => {
    it("give the interpreter the address with a map link, whom to call and the notes, in their language, never the patient's name", async () => {
      const volunteer = world.volunteers[1];
      await t
        .http()
        .patch(`/api/users/${volunteer.userId}`)
        .set('Authorization', world.staff)
        .send({ locale: 'en' })
        .expect(200);
      const startsAt = jst(26, '10:00');
      await visit(volunteer.id, startsAt);
      await visit(volunteer.id, jst(27, '10:00'), {
        mode: 'phone',
        remoteDetails: '096-777-8888',
        notesForInterpreter: '受付に電話してください',
      });
      await runJobsAt(t, at(startsAt, -24 * HOUR));
      await t.app.get(MailSender).sendDue(200);

      const received = (subject: RegExp) =>
        smtp.received.filter((m) => m.to.includes(volunteer.email) && subject.test(m.subject));
      const [confirmation] = received(/^Assignment confirmed: Sat 26 Dec/);
      const [reminder] = received(/^Reminder: .*Sat 26 Dec/);
      const map = `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(ADDRESS)}`;
      for (const mail of [confirmation, reminder]) {
        expect(mail.headers.get('content-language')).toBe('en');
        expect(mail.text).toContain(ADDRESS);
        expect(mail.text).toContain(map);
        expect(mail.text).toContain(HOSPITAL_PHONE);
        expect(mail.text).toMatch(new RegExp(`Contact +${world.coordinator.displayName}`));
        expect(mail.text).toContain(COORDINATOR_PHONE);
        expect(mail.text).toContain(NOTES);
        expect(mail.html).toContain(NOTES);
        expect(`${mail.subject}${mail.text}${mail.html}`).not.toContain(PATIENT);
      }
      const [phone] = received(/^Assignment confirmed: Sun 27 Dec/);
      expect(phone.text).toMatch(/Number \/ link +096-777-8888/);
      expect(phone.text).toContain('受付に電話してください');
      expect(phone.text).not.toContain('google.com/maps');

      // The hospital's reminder is as it was: no notes, no map, no interpreter's details.
      const [hospitalReminder] = smtp.received.filter(
        (m) => m.to.includes(world.coordinator.email) && m.subject.startsWith('【リマインダー】2026年12月26日'),
      );
      expect(hospitalReminder.text).toContain(ADDRESS);
      expect(hospitalReminder.text).not.toContain(NOTES);
      expect(hospitalReminder.text).not.toContain('google.com/maps');
    });
  });

  describe('offers', () => {
    it('come soonest visit first, pending first, with the urgent ones marked', async () => {
      const hospital = await aHospital(t, { name: '熊本北病院', area: '北区' });
      const coordinator = await aUser(t, { role: 'coordinator', hospitalId: hospital.id });
      const auth = (await login(t, coordinator.email, coordinator.password)).auth;
      const volunteer = await aQualifiedVolunteer(t, world.courses, { languages: ['ne'] });
      const user = await aUser(t, { role: 'volunteer', volunteerId: volunteer.id });
      const volunteerAuth = (await login(t, user.email, user.password)).auth;

      const nextWeek = await fileRequest(t, auth, {
        language: 'ne',
        startsAt: jst(9, '10:00'),
        endsAt: jst(9, '11:00'),
      });
      const later = await fileRequest(t, auth, {
        language: 'ne',
        startsAt: jst(14, '10:00'),
        endsAt: jst(14, '11:00'),
      });
      const tomorrow = await fileRequest(t, auth, {
        language: 'ne',
        startsAt: jst(2, '10:00'),
        endsAt: jst(2, '11:00'),
      });
      const listed = await t.http().get('/api/offers').set('Authorization', volunteerAuth).expect(200);
      const ids = () => listed.body.data.map((o: { requestId: string }) => o.requestId);
      expect(ids()).toEqual([tomorrow.id, nextWeek.id, later.id]);
      expect(listed.body.data.map((o: { visit: { urgent: boolean } }) => o.visit.urgent)).toEqual([true, false, false]);

      // An answered offer goes below the pending ones.
      const first = listed.body.data[0];
      await t.http().post(`/api/offers/${first.id}/decline`).set('Authorization', volunteerAuth).send({}).expect(200);
      const after = await t.http().get('/api/offers').set('Authorization', volunteerAuth).expect(200);
      expect(after.body.data.map((o: { requestId: string }) => o.requestId)).toEqual([
        nextWeek.id,
        later.id,
        tomorrow.id,
      ]);
    });
  });
});
