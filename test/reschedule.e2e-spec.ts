import { Dispatch, InterpretationRequest, MailMessage, Offer } from '@app/domain';
import { DispatchesService } from '../apps/api/src/dispatches/dispatches.service';
import { JobsService } from '../apps/api/src/jobs/jobs.service';
import { MailSender } from '../apps/api/src/mail/mail-sender';
import { aUser } from './support/factories';
import { TestSmtpServer } from './support/smtp-server';
import { createTestApp, login, TestApp } from './support/test-app';
import { fileRequest, PATIENT, visitWorld } from './support/visit-fixtures';
import { aQualifiedVolunteer, at, jst, TODAY } from './support/workflow-fixtures';

const HOUR = 3_600_000;

/**
 * Moving a confirmed visit (#19): POST /api/requests/:id/reschedule. The hospital moves the
 * appointment; the interpreter is asked by mail whether they can make the new time (and may say
 * no without it counting against them), or is released when the new time clashes with another of
 * their visits or their availability — then the request looks for someone else. No fee.
 */
describe('Moving a confirmed visit', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let world: Awaited<ReturnType<typeof visitWorld>>;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    t = await createTestApp({ SMTP_URL: smtp.url });
    t.clock.set(TODAY);
    world = await visitWorld(t, 0);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });
  afterEach(() => t.clock.set(TODAY));

  /** A volunteer with an account (always available unless `availability` says otherwise), speaking `language`. */
  async function anInterpreter(language: string, overrides: Parameters<typeof aQualifiedVolunteer>[2] = {}) {
    const record = await aQualifiedVolunteer(t, world.courses, { languages: [language], ...overrides });
    const user = await aUser(t, { role: 'volunteer', volunteerId: record.id });
    return { ...record, auth: (await login(t, user.email, user.password)).auth };
  }
  const reschedule = (requestId: string, body: object, auth = world.coordinator.auth) =>
    t.http().post(`/api/requests/${requestId}/reschedule`).set('Authorization', auth).send(body);
  const dispatchOf = (id: string) => t.dataSource.getRepository(Dispatch).findOneByOrFail({ id });
  const requestOf = (id: string) => t.dataSource.getRepository(InterpretationRequest).findOneByOrFail({ id });
  const iso = (instant: string) => new Date(instant).toISOString();
  const events = async (subjectId: string) =>
    (
      await t.dataSource.query(
        `SELECT event, from_status, to_status, reason FROM status_transitions WHERE subject_id = $1 ORDER BY at, event`,
        [subjectId],
      )
    ).map((row: { event: string; from_status: string; to_status: string; reason: string | null }) => row);
  async function delivered(to: string, subject: RegExp) {
    await t.app.get(MailSender).sendDue(200);
    return smtp.received.filter((m) => m.to.includes(to) && subject.test(m.subject));
  }

  it("moves the interpreter's dispatch to the new time and asks them by mail, without patient details; they reconfirm", async () => {
    const interpreter = await anInterpreter('th');
    const { requestId, dispatchId } = await world.dispatch(jst(8, '10:00'), jst(8, '11:00'), interpreter.id, 'th');
    // They had reconfirmed the old time already.
    await t.http().post(`/api/dispatches/${dispatchId}/reconfirm`).set('Authorization', interpreter.auth).expect(200);

    const moved = await reschedule(requestId, {
      startsAt: jst(9, '14:00'),
      endsAt: jst(9, '15:30'),
      reason: '主治医の外来日が変わったため',
    }).expect(200);
    expect(moved.body).toMatchObject({
      status: 'confirmed',
      startsAt: iso(jst(9, '14:00')),
      endsAt: iso(jst(9, '15:30')),
    });
    expect(moved.body.cancellation).toMatchObject({ late: false, feeYen: 0 });

    const view = await t.http().get(`/api/dispatches/${dispatchId}`).set('Authorization', interpreter.auth).expect(200);
    expect(view.body).toMatchObject({
      status: 'confirmed',
      startsAt: iso(jst(9, '14:00')),
      endsAt: iso(jst(9, '15:30')),
      rescheduledFrom: iso(jst(8, '10:00')),
      reconfirmedAt: null,
      // The panel asks "can you make the new time?" and words "I can't go" as the move's doing from these.
      awaitingMoveAnswer: true,
      // The policy's window (48 h) before the new start: the panel holds no copy of it.
      reconfirmOpensAt: new Date(Date.parse(iso(jst(9, '14:00'))) - 48 * HOUR).toISOString(),
    });
    // The move is in the history of both, with both times and the reason.
    const [requestMove] = (await events(requestId)).filter((e: { event: string }) => e.event === 'reschedule');
    expect(requestMove).toMatchObject({ from_status: 'confirmed', to_status: 'confirmed' });
    // In Tokyo time, as staff read it (not UTC ISO strings).
    expect(requestMove.reason).toContain('2026-12-08 10:00–2026-12-08 11:00 → 2026-12-09 14:00–2026-12-09 15:30');
    expect(requestMove.reason).not.toContain('Z');
    expect(requestMove.reason).toContain('主治医の外来日が変わったため');
    expect((await events(dispatchId)).map((e: { event: string }) => e.event)).toContain('reschedule');

    const [mail] = await delivered(interpreter.email, /^【日時変更】2026年12月9日/);
    expect(mail.text).toMatch(/変更前 +2026年12月8日.*10:00/);
    expect(mail.text).toMatch(/変更後 +2026年12月9日.*14:00/);
    expect(mail.text).toContain(`/admin/#/dispatches/${dispatchId}/show`);
    expect(`${mail.subject}${mail.text}${mail.html}`).not.toContain(PATIENT);
    expect(mail.text).not.toContain('主治医の外来日が変わったため');

    const token = /reconfirm-links\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(token).toBeDefined();
    t.clock.set(at(TODAY, HOUR));
    await t.http().post(`/api/reconfirm-links/${token}`).expect(200);
    expect((await dispatchOf(dispatchId)).reconfirmedAt).toEqual(at(TODAY, HOUR));
  });

  it('writes to the interpreter in their own language', async () => {
    const interpreter = await anInterpreter('fa');
    await t.dataSource.query(`UPDATE users SET locale = 'en' WHERE volunteer_id = $1`, [interpreter.id]);
    const { requestId } = await world.dispatch(jst(12, '10:00'), jst(12, '11:00'), interpreter.id, 'fa');
    await reschedule(requestId, { startsAt: jst(12, '15:00'), endsAt: jst(12, '16:00') }).expect(200);
    const [mail] = await delivered(interpreter.email, /^Visit moved: Sat 12 Dec 2026, 15:00/);
    expect(mail.headers.get('content-language')).toBe('en');
    expect(mail.text).toMatch(/Was +Sat 12 Dec 2026, 10:00/);
    expect(mail.text).toContain('does not count as your cancellation');
    expect(mail.text).not.toContain(PATIENT);
  });

  it("takes the interpreter's \"I can't go\" after a move as the move's doing: no late cancellation, no fee, and someone else is looked for", async () => {
    const interpreter = await anInterpreter('lo');
    await anInterpreter('lo');
    const { requestId, dispatchId } = await world.dispatch(jst(10, '10:00'), jst(10, '11:00'), interpreter.id, 'lo');
    // Moved to tomorrow morning, inside the late-cancellation window.
    await reschedule(requestId, { startsAt: jst(2, '08:00'), endsAt: jst(2, '09:00') }).expect(200);
    const cant = await t
      .http()
      .post(`/api/dispatches/${dispatchId}/cancel`)
      .set('Authorization', interpreter.auth)
      .send({ reason: 'その時間は仕事です' })
      .expect(200);
    expect(cant.body).toMatchObject({ status: 'cancelled', cancelledBy: 'hospital', lateCancellation: false });
    const request = await requestOf(requestId);
    expect(['open', 'offered']).toContain(request.status);

    // Once they reconfirmed a move, a later "I can't go" is theirs again.
    const other = await anInterpreter('lo');
    const second = await world.dispatch(jst(11, '10:00'), jst(11, '11:00'), other.id, 'lo');
    await reschedule(second.requestId, { startsAt: jst(2, '06:00'), endsAt: jst(2, '07:00') }).expect(200);
    await t.http().post(`/api/dispatches/${second.dispatchId}/reconfirm`).set('Authorization', other.auth).expect(200);
    const theirs = await t
      .http()
      .post(`/api/dispatches/${second.dispatchId}/cancel`)
      .set('Authorization', other.auth)
      .send({ reason: '体調不良' })
      .expect(200);
    expect(theirs.body).toMatchObject({ cancelledBy: 'interpreter', lateCancellation: true });
  });

  it("a reconfirmation link mailed before the move does not confirm the new time (410); the move's own link does, and names the time", async () => {
    const interpreter = await anInterpreter('ta');
    const { requestId, dispatchId } = await world.dispatch(jst(8, '10:00'), jst(8, '11:00'), interpreter.id, 'ta');
    await t.dataSource.transaction((manager) => t.app.get(DispatchesService).askReconfirmation(manager, dispatchId));
    const [ask] = await delivered(interpreter.email, /^【再確認のお願い】/);
    const oldToken = /reconfirm-links\/([A-Za-z0-9_-]+)/.exec(ask.text)?.[1];
    expect(oldToken).toBeDefined();

    await reschedule(requestId, { startsAt: jst(9, '14:00'), endsAt: jst(9, '15:00') }).expect(200);
    // Before the move's mail has gone out, and after.
    expect((await t.http().post(`/api/reconfirm-links/${oldToken}`).expect(410)).body.code).toBe('LINK_EXPIRED');
    const [moved] = await delivered(interpreter.email, /^【日時変更】2026年12月9日/);
    const gone = await t.http().post(`/api/reconfirm-links/${oldToken}`);
    expect([404, 410]).toContain(gone.status);
    expect((await dispatchOf(dispatchId)).reconfirmedAt).toBeNull();

    const newToken = /reconfirm-links\/([A-Za-z0-9_-]+)/.exec(moved.text)?.[1];
    const answer = await t.http().post(`/api/reconfirm-links/${newToken}`).expect(200);
    expect(answer.body).toMatchObject({ startsAt: iso(jst(9, '14:00')), endsAt: iso(jst(9, '15:00')) });
    expect((await dispatchOf(dispatchId)).reconfirmedAt).not.toBeNull();
  });

  it('carries the lateness of a move made inside the late-cancellation window: moving first does not avoid the fee', async () => {
    const get = (id: string) =>
      t.http().get(`/api/requests/${id}`).set('Authorization', world.coordinator.auth).expect(200);
    const cancelRequest = (id: string) =>
      t
        .http()
        .post(`/api/requests/${id}/cancel`)
        .set('Authorization', world.coordinator.auth)
        .send({ reason: '受診が不要になった' })
        .expect(200);
    // Cancelled directly 23 hours before: late, charged.
    const direct = await world.dispatch(jst(2, '08:00'), jst(2, '09:00'), (await anInterpreter('ne')).id, 'ne');
    const directTerms = (await get(direct.requestId)).body.cancellation;
    expect(directTerms).toMatchObject({ late: true });
    expect(directTerms.feeYen).toBeGreaterThan(0);
    await cancelRequest(direct.requestId);
    expect(await dispatchOf(direct.dispatchId)).toMatchObject({ cancelledBy: 'hospital', lateCancellation: true });

    // Moved a week later 23 hours before, then cancelled a minute later: still late, the same fee, and the dialog says so.
    const moved = await world.dispatch(jst(2, '08:00'), jst(2, '09:00'), (await anInterpreter('ne')).id, 'ne');
    const answer = await reschedule(moved.requestId, { startsAt: jst(9, '08:00'), endsAt: jst(9, '09:00') }).expect(
      200,
    );
    expect(answer.body.cancellation).toEqual(directTerms);
    t.clock.set(at(TODAY, 60_000));
    expect((await get(moved.requestId)).body.cancellation).toEqual(directTerms);
    await cancelRequest(moved.requestId);
    expect(await dispatchOf(moved.dispatchId)).toMatchObject({ cancelledBy: 'hospital', lateCancellation: true });

    // A move made well before the window does not: cancelling the moved visit days ahead is free.
    const early = await world.dispatch(jst(5, '08:00'), jst(5, '09:00'), (await anInterpreter('ne')).id, 'ne');
    expect(
      (await reschedule(early.requestId, { startsAt: jst(9, '10:00'), endsAt: jst(9, '11:00') }).expect(200)).body
        .cancellation,
    ).toMatchObject({ late: false, feeYen: 0 });
    await cancelRequest(early.requestId);
    expect(await dispatchOf(early.dispatchId)).toMatchObject({ lateCancellation: false });
  });

  it('reminds the interpreter the day before the new time, not the old one', async () => {
    const interpreter = await anInterpreter('hy');
    const { requestId, dispatchId } = await world.dispatch(jst(14, '10:00'), jst(14, '11:00'), interpreter.id, 'hy');
    await reschedule(requestId, { startsAt: jst(16, '10:00'), endsAt: jst(16, '11:00') }).expect(200);
    const reminders = async () =>
      (
        await t.dataSource
          .getRepository(MailMessage)
          .find({ where: { toAddress: interpreter.email, template: 'reminder' } })
      ).map((m) => m.idempotencyKey);
    // The old time's reminder went with the move.
    t.clock.set(jst(13, '11:00'));
    await t.app.get(JobsService).runDue(500);
    expect(await reminders()).toEqual([]);
    t.clock.set(jst(15, '11:00'));
    await t.app.get(JobsService).runDue(500);
    expect(await reminders()).toEqual([`reminder:${dispatchId}:${Date.parse(jst(16, '10:00'))}:volunteer`]);
  });

  it('an unanswered move is not an excuse for ever: once the answer deadline has passed, a late "I can\'t go" is the interpreter\'s', async () => {
    const interpreter = await anInterpreter('hy');
    const { requestId, dispatchId } = await world.dispatch(jst(10, '10:00'), jst(10, '11:00'), interpreter.id, 'hy');
    await reschedule(requestId, { startsAt: jst(11, '10:00'), endsAt: jst(11, '11:00') }).expect(200);
    // They never answer; the deadline passes and staff are alerted. An hour before the visit they cancel.
    t.clock.set(jst(11, '09:00'));
    await t.app.get(JobsService).runDue(500);
    expect((await dispatchOf(dispatchId)).reconfirmationMissed).toBe(true);
    const view = await t.http().get(`/api/dispatches/${dispatchId}`).set('Authorization', interpreter.auth).expect(200);
    expect(view.body).toMatchObject({
      rescheduledFrom: iso(jst(10, '10:00')),
      reconfirmedAt: null,
      awaitingMoveAnswer: false,
    });
    const cant = await t
      .http()
      .post(`/api/dispatches/${dispatchId}/cancel`)
      .set('Authorization', interpreter.auth)
      .send({ reason: '寝坊' })
      .expect(200);
    expect(cant.body).toMatchObject({ cancelledBy: 'interpreter', lateCancellation: true });
  });

  it("staff recording an interpreter's phoned \"I can't make the new time\" right after a move is the move's doing too", async () => {
    const interpreter = await anInterpreter('ka');
    const { requestId, dispatchId } = await world.dispatch(jst(10, '13:00'), jst(10, '14:00'), interpreter.id, 'ka');
    await reschedule(requestId, { startsAt: jst(2, '07:00'), endsAt: jst(2, '08:00') }).expect(200);
    const recorded = await t
      .http()
      .post(`/api/dispatches/${dispatchId}/cancel`)
      .set('Authorization', world.staff)
      .send({ reason: '電話: 新しい日時は仕事', party: 'interpreter' })
      .expect(200);
    expect(recorded.body).toMatchObject({ cancelledBy: 'hospital', lateCancellation: false });
  });

  it("the reconfirmation deadline's timer does not write a move committed meanwhile back to the old time", async () => {
    const interpreter = await anInterpreter('si');
    const { requestId, dispatchId } = await world.dispatch(jst(3, '10:00'), jst(3, '11:00'), interpreter.id, 'si');
    let moved = false;
    await t.dataSource.transaction(async (manager) => {
      // The timer reads the dispatch; the hospital's move commits before the timer writes.
      const racing = new Proxy(manager, {
        get(target, prop) {
          if (prop === 'findOne' && !moved)
            return async (...args: Parameters<typeof manager.findOne>) => {
              const read = await target.findOne(...args);
              moved = true;
              await reschedule(requestId, { startsAt: jst(4, '15:00'), endsAt: jst(4, '16:00') }).expect(200);
              return read;
            };
          const value = Reflect.get(target, prop, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      await t.app.get(DispatchesService).reconfirmationDeadline(racing, dispatchId);
    });
    expect(await dispatchOf(dispatchId)).toMatchObject({
      status: 'confirmed',
      startsAt: new Date(jst(4, '15:00')),
      endsAt: new Date(jst(4, '16:00')),
      reconfirmationMissed: false,
    });
  });

  it('releases an interpreter the new time double-books, and sends the request back to finding someone, in one go', async () => {
    const busy = await anInterpreter('km');
    const free = await anInterpreter('km');
    const { requestId, dispatchId } = await world.dispatch(jst(14, '10:00'), jst(14, '11:00'), busy.id, 'km');
    // Another visit of theirs on the 15th at 10:00.
    const other = await world.dispatch(jst(15, '10:00'), jst(15, '11:00'), busy.id, 'km');

    const moved = await reschedule(requestId, { startsAt: jst(15, '10:30'), endsAt: jst(15, '11:30') }).expect(200);
    expect(moved.body).toMatchObject({ status: 'offered', startsAt: iso(jst(15, '10:30')) });
    expect(await dispatchOf(dispatchId)).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'hospital',
      lateCancellation: false,
      startsAt: new Date(jst(14, '10:00')),
    });
    expect((await dispatchOf(other.dispatchId)).status).toBe('confirmed');
    // A new wave for the new time went to the free interpreter.
    const offers = await t.dataSource.getRepository(Offer).find({ where: { requestId, status: 'pending' } });
    expect(offers.map((o) => o.volunteerId)).toEqual([free.id]);
    const history = await events(requestId);
    expect(history.map((e: { event: string }) => e.event)).toEqual(
      expect.arrayContaining(['reschedule', 'reopen', 'offer']),
    );
    const [released] = await delivered(busy.email, /^【日時変更】2026年12月15日/);
    expect(released.text).toContain('この派遣は取り消しました');
    expect(released.text).not.toContain('reconfirm-links');
    const ics = released.attachments.map((a) => a.content.toString('utf8')).join('\n');
    expect(ics).toContain('METHOD:CANCEL');
  });

  it("releases the interpreter when only the database's no-double-booking constraint finds the clash, and keeps the rest of the move", async () => {
    const interpreter = await anInterpreter('ps');
    const { requestId, dispatchId } = await world.dispatch(jst(17, '10:00'), jst(17, '11:00'), interpreter.id, 'ps');
    const other = await world.dispatch(jst(20, '10:00'), jst(20, '11:00'), interpreter.id, 'ps');
    // A busy span the matching rules do not look at (far wider than the visit): only ex_dispatch_no_overlap sees it.
    await t.dataSource.query(`UPDATE dispatches SET busy_from = $2 WHERE id = $1`, [
      other.dispatchId,
      new Date(jst(18, '00:00')),
    ]);
    const moved = await reschedule(requestId, { startsAt: jst(18, '09:00'), endsAt: jst(18, '10:00') }).expect(200);
    expect(moved.body).toMatchObject({ startsAt: iso(jst(18, '09:00')) });
    expect(['open', 'offered', 'escalated']).toContain(moved.body.status);
    expect(await dispatchOf(dispatchId)).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'hospital',
      lateCancellation: false,
      startsAt: new Date(jst(17, '10:00')),
    });
    expect((await dispatchOf(other.dispatchId)).status).toBe('confirmed');
    const dispatchEvents = (await events(dispatchId)).map((e: { event: string }) => e.event);
    expect(dispatchEvents).not.toContain('reschedule');
    expect(dispatchEvents).toContain('cancel');
  });

  it('releases an interpreter who is not available at the new time', async () => {
    const weekdays = {
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '18:00' })),
      exceptions: [],
    };
    const interpreter = await anInterpreter('my', { availability: weekdays });
    const { requestId, dispatchId } = await world.dispatch(jst(16, '10:00'), jst(16, '11:00'), interpreter.id, 'my');
    // Saturday the 19th: not one of their days. Nobody else speaks Burmese: staff are called in.
    const moved = await reschedule(requestId, { startsAt: jst(19, '10:00'), endsAt: jst(19, '11:00') }).expect(200);
    expect(moved.body).toMatchObject({ status: 'escalated', escalationReason: 'no_eligible' });
    expect((await dispatchOf(dispatchId)).status).toBe('cancelled');
    // The mail names the reason: their availability, not a clash with their visits.
    const [released] = await delivered(interpreter.email, /^【日時変更】2026年12月19日/);
    expect(released.text).toContain('活動可能時間の外');
    expect(released.text).not.toContain('ほかの派遣');
  });

  it('keeps an interpreter staff assigned over a rule when the visit moves: only a clash with their visits releases them', async () => {
    const weekdays = {
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '18:00' })),
      exceptions: [],
    };
    const interpreter = await anInterpreter('dz', { availability: weekdays });
    // Staff assigned them to a Saturday visit over their availability; the hospital moves it 30 minutes.
    const { id: requestId } = await fileRequest(t, world.coordinator.auth, {
      language: 'dz',
      startsAt: jst(26, '10:00'),
      endsAt: jst(26, '11:00'),
    });
    const assigned = await t
      .http()
      .post(`/api/requests/${requestId}/assign`)
      .set('Authorization', world.staff)
      .send({ volunteerId: interpreter.id, overrideReason: '土曜でも可と電話で確認' })
      .expect(200);
    const dispatchId: string = assigned.body.dispatch.id;
    const moved = await reschedule(requestId, { startsAt: jst(26, '10:30'), endsAt: jst(26, '11:30') }).expect(200);
    expect(moved.body.status).toBe('confirmed');
    expect(await dispatchOf(dispatchId)).toMatchObject({ status: 'confirmed', startsAt: new Date(jst(26, '10:30')) });

    // A clash with another of their visits still releases them, and the mail says that.
    const sunday = await fileRequest(t, world.coordinator.auth, {
      language: 'dz',
      startsAt: jst(27, '10:00'),
      endsAt: jst(27, '11:00'),
    });
    await t
      .http()
      .post(`/api/requests/${sunday.id}/assign`)
      .set('Authorization', world.staff)
      .send({ volunteerId: interpreter.id, overrideReason: '日曜でも可と電話で確認' })
      .expect(200);
    await reschedule(requestId, { startsAt: jst(27, '10:30'), endsAt: jst(27, '11:30') }).expect(200);
    expect((await dispatchOf(dispatchId)).status).toBe('cancelled');
    const [released] = await delivered(interpreter.email, /^【日時変更】2026年12月27日/);
    expect(released.text).toContain('ほかの派遣と重なる');
  });

  describe('who may move a visit, and when', () => {
    let requestId: string;
    let volunteerAuth: string;
    beforeAll(async () => {
      const interpreter = await anInterpreter('si');
      volunteerAuth = interpreter.auth;
      ({ requestId } = await world.dispatch(jst(21, '10:00'), jst(21, '11:00'), interpreter.id, 'si'));
    });
    const fieldsOf = (res: { body: { errors?: object } }) => Object.keys(res.body.errors ?? {});
    const later = { startsAt: jst(22, '10:00'), endsAt: jst(22, '11:00') };

    it("answers another hospital's coordinator 404 and a volunteer 403", async () => {
      const stranger = await aUser(t, { role: 'coordinator' });
      const auth = (await login(t, stranger.email, stranger.password)).auth;
      await reschedule(requestId, later, auth).expect(404);
      await reschedule(requestId, later, volunteerAuth).expect(403);
      expect((await requestOf(requestId)).startsAt).toEqual(new Date(jst(21, '10:00')));
    });

    it('names the field of bad input', async () => {
      expect(fieldsOf(await reschedule(requestId, { ...later, endsAt: jst(22, '09:00') }).expect(422))).toEqual([
        'endsAt',
      ]);
      expect(
        fieldsOf(await reschedule(requestId, { startsAt: jst(1, '08:00'), endsAt: jst(1, '08:30') }).expect(422)),
      ).toEqual(['startsAt']);
      const missing = await reschedule(requestId, { startsAt: later.startsAt });
      expect([400, 422]).toContain(missing.status);
      expect(fieldsOf(missing)).toEqual(['endsAt']);
      const notATime = await reschedule(requestId, { ...later, startsAt: 'tomorrow' });
      expect([400, 422]).toContain(notATime.status);
      expect(fieldsOf(notATime)).toEqual(['startsAt']);
      await reschedule(requestId, { ...later, fee: 0 }).expect(400);
      // A time without its offset would be read as UTC (nine hours off in Kumamoto): refused, naming the field.
      const noOffset = await reschedule(requestId, { ...later, startsAt: '2026-12-22T10:00:00' });
      expect([400, 422]).toContain(noOffset.status);
      expect(fieldsOf(noOffset)).toEqual(['startsAt']);
      // Years ahead is a typing mistake.
      const farAhead = await reschedule(requestId, {
        startsAt: '2036-12-22T10:00:00+09:00',
        endsAt: '2036-12-22T11:00:00+09:00',
      });
      expect([400, 422]).toContain(farAhead.status);
      expect(fieldsOf(farAhead)).toEqual(['startsAt']);
      const filed = await t
        .http()
        .post('/api/requests')
        .set('Authorization', world.coordinator.auth)
        .send({
          language: 'si',
          startsAt: '2026-12-23T10:00:00',
          endsAt: '2026-12-23T11:00:00+09:00',
          department: 'internal_medicine',
          visitType: 'outpatient',
          patient: { displayName: PATIENT, gender: 'female', ageBand: 'adult' },
        });
      expect([400, 422]).toContain(filed.status);
      expect(fieldsOf(filed)).toEqual(['startsAt']);
      expect((await requestOf(requestId)).startsAt).toEqual(new Date(jst(21, '10:00')));
      await t
        .http()
        .post('/api/requests/not-a-uuid/reschedule')
        .set('Authorization', world.coordinator.auth)
        .send(later)
        .expect(400);
    });

    it('refuses a visit that has started (409), and sends a request nobody is confirmed for to PATCH (409)', async () => {
      t.clock.set(jst(21, '10:15'));
      expect((await reschedule(requestId, later).expect(409)).body.code).toBe('VISIT_STARTED');
      t.clock.set(TODAY);
      const open = await t
        .http()
        .post('/api/requests')
        .set('Authorization', world.coordinator.auth)
        .send({
          language: 'si',
          startsAt: jst(23, '10:00'),
          endsAt: jst(23, '11:00'),
          department: 'internal_medicine',
          visitType: 'outpatient',
          patient: { displayName: PATIENT, gender: 'female', ageBand: 'adult' },
        })
        .expect(201);
      expect((await reschedule(open.body.id, later).expect(409)).body.code).toBe('REQUEST_NOT_CONFIRMED');
    });
  });

  it.each([0, 1, 2])('a move racing the interpreter\'s "I can\'t go" leaves one outcome (run %i)', async () => {
    const interpreter = await anInterpreter('uz');
    const { requestId, dispatchId } = await world.dispatch(jst(28, '10:00'), jst(28, '11:00'), interpreter.id, 'uz');
    const [move, cant] = await Promise.all([
      reschedule(requestId, { startsAt: jst(29, '10:00'), endsAt: jst(29, '11:00') }),
      t
        .http()
        .post(`/api/dispatches/${dispatchId}/cancel`)
        .set('Authorization', interpreter.auth)
        .send({ reason: '都合がつかなくなった' }),
    ]);
    expect(cant.status).toBe(200);
    const dispatch = await dispatchOf(dispatchId);
    expect(dispatch.status).toBe('cancelled');
    if (move.status === 200) {
      // The move came first: the dispatch moved, then the interpreter said no to the new time.
      expect(dispatch).toMatchObject({ cancelledBy: 'hospital', startsAt: new Date(jst(29, '10:00')) });
    } else {
      // The "I can't go" came first: the request was looking for someone again, so the move is refused.
      expect(move.status).toBe(409);
      expect(move.body.code).toBe('REQUEST_NOT_CONFIRMED');
      expect(dispatch).toMatchObject({ cancelledBy: 'interpreter', startsAt: new Date(jst(28, '10:00')) });
    }
    const live = await t.dataSource.getRepository(Dispatch).count({ where: { requestId, status: 'confirmed' } });
    expect(live).toBe(0);
  });

  it('a move racing the request being cancelled leaves it cancelled, with no live dispatch', async () => {
    const interpreter = await anInterpreter('mn');
    const { requestId } = await world.dispatch(jst(24, '10:00'), jst(24, '11:00'), interpreter.id, 'mn');
    const [move, cancel] = await Promise.all([
      reschedule(requestId, { startsAt: jst(25, '10:00'), endsAt: jst(25, '11:00') }),
      t
        .http()
        .post(`/api/requests/${requestId}/cancel`)
        .set('Authorization', world.coordinator.auth)
        .send({ reason: '受診が不要になった' }),
    ]);
    expect(cancel.status).toBe(200);
    expect([200, 409]).toContain(move.status);
    expect((await requestOf(requestId)).status).toBe('cancelled');
    expect(await t.dataSource.getRepository(Dispatch).count({ where: { requestId, status: 'confirmed' } })).toBe(0);
  });
});
