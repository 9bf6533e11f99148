import {
  ActivityReport,
  DEFAULT_DISPATCH_POLICY as POLICY,
  Dispatch,
  HospitalConfirmation,
  MailMessage,
} from '@app/domain';
import { createTestApp, TestApp } from './support/test-app';
import { fileRequest, PATIENT, visitWorld } from './support/visit-fixtures';
import { aQualifiedVolunteer, at, jst, runJobsAt, TODAY } from './support/workflow-fixtures';
import { deliveredToken } from './support/delivered-mail';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The calendar file attached to a mail, as text. */
const ics = (mail: MailMessage) => Buffer.from(mail.attachments![0].content, 'base64').toString('utf8');
const uidOf = (calendar: string) => /^UID:(.+)$/m.exec(calendar)![1].trim();

/** What happens to a confirmed dispatch after the confirmation: cancellation, reconfirmation, the visit's end. */
describe('The dispatch lifecycle', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof visitWorld>>;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
    world = await visitWorld(t, 2);
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.set(TODAY));

  const mailsTo = (email: string, template: string) =>
    t.dataSource
      .getRepository(MailMessage)
      .find({ where: { toAddress: email, template }, order: { createdAt: 'ASC' } });

  describe('cancelling a dispatch (not the request)', () => {
    it('tells the volunteer in their language, without the reason or the patient, and cancels the calendar event', async () => {
      const [volunteer] = world.volunteers;
      await t
        .http()
        .patch(`/api/users/${volunteer.userId}`)
        .set('Authorization', world.staff)
        .send({ locale: 'en' })
        .expect(200);
      const { dispatchId } = await world.dispatch(jst(15, '10:00'), jst(15, '11:00'), volunteer.id);
      const [confirmation] = await mailsTo(volunteer.email, 'dispatch_confirmed');

      await t
        .http()
        .post(`/api/dispatches/${dispatchId}/cancel`)
        .set('Authorization', world.coordinator.auth)
        .send({ reason: `${PATIENT}さんの入院のため` })
        .expect(200);

      const [cancelled, ...more] = await mailsTo(volunteer.email, 'dispatch_cancelled');
      expect(more).toHaveLength(0);
      expect(cancelled.locale).toBe('en');
      expect(cancelled.subject).toMatch(/^Assignment cancelled: Tue 15 Dec 2026, 10:00–11:00 \(JST\)/);
      expect(cancelled.textBody).toContain('Please do not go to the hospital');
      for (const text of [cancelled.subject, cancelled.textBody, cancelled.htmlBody, ics(cancelled)]) {
        expect(text).not.toContain(PATIENT);
        expect(text).not.toContain('入院');
      }
      const calendar = ics(cancelled);
      expect(calendar).toContain('METHOD:CANCEL');
      expect(calendar).toContain('STATUS:CANCELLED');
      expect(uidOf(calendar)).toBe(uidOf(ics(confirmation)));
    });
  });

  describe('who cancelled, and who pays for a late cancellation', () => {
    const hospitalLines = async (month: string) =>
      (
        await t.http().get(`/api/statements/hospitals?month=${month}`).set('Authorization', world.staff).expect(200)
      ).body.data.flatMap((s: { lines: { dispatchId: string; kind: string }[] }) => s.lines);

    it('charges the hospital for its own late cancellation, not for an interpreter who drops out the day before', async () => {
      const [volunteer] = world.volunteers;
      const dropout = await world.dispatch(jst(22, '10:00'), jst(22, '11:00'), volunteer.id);
      const hospitalSide = await world.dispatch(jst(23, '10:00'), jst(23, '11:00'), volunteer.id);
      const toldByStaff = await world.dispatch(jst(24, '10:00'), jst(24, '11:00'), volunteer.id);

      // Staff record the interpreter's call 20 hours before: a late dropout, not the hospital's doing (the default for staff).
      t.clock.set(at(jst(22, '10:00'), -20 * HOUR));
      const dropped = await t
        .http()
        .post(`/api/dispatches/${dropout.dispatchId}/cancel`)
        .set('Authorization', world.staff)
        .send({ reason: '通訳者の急病' })
        .expect(200);
      expect(dropped.body).toMatchObject({ status: 'cancelled', lateCancellation: true, cancelledBy: 'interpreter' });
      // The coordinator cancels late: the hospital's (the default for a coordinator).
      t.clock.set(at(jst(23, '10:00'), -20 * HOUR));
      const cancelled = await t
        .http()
        .post(`/api/dispatches/${hospitalSide.dispatchId}/cancel`)
        .set('Authorization', world.coordinator.auth)
        .send({ reason: '日程変更' })
        .expect(200);
      expect(cancelled.body).toMatchObject({ lateCancellation: true, cancelledBy: 'hospital' });
      // Staff can say it was the hospital; anything else names the field.
      t.clock.set(at(jst(24, '10:00'), -20 * HOUR));
      const refused = await t
        .http()
        .post(`/api/dispatches/${toldByStaff.dispatchId}/cancel`)
        .set('Authorization', world.staff)
        .send({ reason: '病院から連絡', party: 'patient' })
        .expect(422);
      expect(JSON.stringify(refused.body)).toContain('party');
      await t
        .http()
        .post(`/api/dispatches/${toldByStaff.dispatchId}/cancel`)
        .set('Authorization', world.staff)
        .send({ reason: '病院から連絡', party: 'hospital' })
        .expect(200);

      const lines = await hospitalLines('2026-12');
      const kindOf = (dispatchId: string) =>
        lines.filter((l: { dispatchId: string }) => l.dispatchId === dispatchId).map((l: { kind: string }) => l.kind);
      expect(kindOf(dropout.dispatchId)).toEqual([]);
      expect(kindOf(hospitalSide.dispatchId)).toEqual(['late_cancellation']);
      expect(kindOf(toldByStaff.dispatchId)).toEqual(['late_cancellation']);
    });
  });

  describe('reconfirmation', () => {
    it('takes an acceptance inside the reconfirmation window as the reconfirmation: no ask, no alert', async () => {
      const startsAt = jst(20, '10:00');
      const volunteer = await aQualifiedVolunteer(t, world.courses, { languages: ['pt'] });
      t.clock.set(at(startsAt, -25 * HOUR));
      const request = await fileRequest(t, world.coordinator.auth, {
        language: 'pt',
        startsAt,
        endsAt: at(startsAt, HOUR).toISOString(),
      });
      const [offer] = await mailsTo(volunteer.email, 'offer');
      const token = await deliveredToken(t, offer, 'offer-links');
      const accepted = await t.http().post(`/api/offer-links/${token}/accept`).expect(200);

      await runJobsAt(t, at(startsAt, -25 * HOUR));
      await runJobsAt(t, at(startsAt, -POLICY.reconfirmDeadlineHours * HOUR + MINUTE));
      expect(await mailsTo(volunteer.email, 'reconfirm')).toHaveLength(0);
      const dispatch = await t.dataSource.getRepository(Dispatch).findOneByOrFail({ id: accepted.body.dispatch.id });
      expect(dispatch).toMatchObject({
        status: 'confirmed',
        reconfirmationMissed: false,
        reconfirmedAt: at(startsAt, -25 * HOUR),
      });
      const alerts = await mailsTo(world.coordinator.email, 'request_escalated');
      expect(alerts.filter((m) => m.idempotencyKey.startsWith(`escalated:reconfirm:${dispatch.id}`))).toHaveLength(0);
      // The reminder the day before still goes out.
      expect(await mailsTo(volunteer.email, 'reminder')).toHaveLength(1);
      expect(
        (await t.http().get(`/api/requests/${request.id}`).set('Authorization', world.staff).expect(200)).body.status,
      ).toBe('confirmed');
    });

    it('still asks a volunteer confirmed before the window, at the ask time', async () => {
      const startsAt = jst(22, '10:00');
      const volunteer = await aQualifiedVolunteer(t, world.courses, { languages: ['pt'] });
      const { dispatchId } = await world.dispatch(startsAt, at(startsAt, HOUR).toISOString(), volunteer.id, 'pt');
      await runJobsAt(t, at(startsAt, -POLICY.reconfirmBeforeHours * HOUR - MINUTE));
      expect(await mailsTo(volunteer.email, 'reconfirm')).toHaveLength(0);
      await runJobsAt(t, at(startsAt, -POLICY.reconfirmBeforeHours * HOUR));
      expect(await mailsTo(volunteer.email, 'reconfirm')).toHaveLength(1);
      expect(await t.dataSource.getRepository(Dispatch).findOneByOrFail({ id: dispatchId })).toMatchObject({
        reconfirmedAt: null,
      });
    });
  });

  describe("the visit's time", () => {
    const complete = (dispatchId: string, auth: string, actualStart: string | Date, actualEnd: string | Date) =>
      t
        .http()
        .post(`/api/dispatches/${dispatchId}/complete`)
        .set('Authorization', auth)
        .send({ actualStart: new Date(actualStart).toISOString(), actualEnd: new Date(actualEnd).toISOString() });

    it('completes a visit only once it has started, with past times in order and under a day', async () => {
      const volunteer = world.volunteers[1];
      const startsAt = jst(16, '10:00');
      const { dispatchId, requestId } = await world.dispatch(startsAt, jst(16, '12:00'), volunteer.id);
      // Tomorrow's visit, "completed" today with times from this morning.
      const early = await complete(dispatchId, volunteer.auth, at(TODAY, -HOUR), TODAY).expect(409);
      expect(early.body.code).toBe('VISIT_NOT_HAPPENED');

      t.clock.set(jst(16, '11:00'));
      const future = await complete(dispatchId, volunteer.auth, startsAt, jst(16, '12:00')).expect(422);
      expect(Object.keys(future.body.errors)).toEqual(['actualEnd']);
      const backwards = await complete(dispatchId, volunteer.auth, jst(16, '10:30'), jst(16, '10:30')).expect(422);
      expect(Object.keys(backwards.body.errors)).toEqual(['actualEnd']);
      t.clock.set(jst(18, '12:00'));
      const tooLong = await complete(dispatchId, volunteer.auth, startsAt, jst(17, '10:01')).expect(422);
      expect(Object.keys(tooLong.body.errors)).toEqual(['actualEnd']);

      const done = await complete(dispatchId, volunteer.auth, startsAt, jst(16, '11:50')).expect(200);
      expect(done.body).toMatchObject({ status: 'completed', actualEnd: new Date(jst(16, '11:50')).toISOString() });
      expect(
        (await t.http().get(`/api/requests/${requestId}`).set('Authorization', world.staff).expect(200)).body.status,
      ).toBe('completed');
    });

    it('refuses to cancel a visit that is over: it stays confirmed and is not offered again', async () => {
      const volunteer = world.volunteers[1];
      const { dispatchId, requestId } = await world.dispatch(jst(17, '14:00'), jst(17, '15:00'), volunteer.id);
      const offersBefore = (await mailsTo(world.volunteers[0].email, 'offer')).length;
      t.clock.set(jst(17, '15:00'));
      const refused = await t
        .http()
        .post(`/api/dispatches/${dispatchId}/cancel`)
        .set('Authorization', world.coordinator.auth)
        .send({ reason: '来院なし' })
        .expect(409);
      expect(refused.body.code).toBe('VISIT_ENDED');
      await runJobsAt(t, new Date(jst(17, '15:05')));
      expect(
        (await t.http().get(`/api/dispatches/${dispatchId}`).set('Authorization', world.staff).expect(200)).body.status,
      ).toBe('confirmed');
      expect(
        (await t.http().get(`/api/requests/${requestId}`).set('Authorization', world.staff).expect(200)).body.status,
      ).toBe('confirmed');
      expect(await mailsTo(world.volunteers[0].email, 'offer')).toHaveLength(offersBefore);
      // What happened instead is recorded the usual way.
      await t
        .http()
        .post(`/api/dispatches/${dispatchId}/no-show`)
        .set('Authorization', world.coordinator.auth)
        .send({ party: 'patient' })
        .expect(200);
    });

    it("refuses an interpreter's no-show before the visit has started: one who will not come cancels", async () => {
      const volunteer = world.volunteers[1];
      const { dispatchId } = await world.dispatch(jst(20, '10:00'), jst(20, '11:00'), volunteer.id);
      t.clock.set(jst(20, '08:00'));
      const early = await t
        .http()
        .post(`/api/dispatches/${dispatchId}/no-show`)
        .set('Authorization', world.staff)
        .send({ party: 'interpreter' })
        .expect(409);
      expect(early.body.code).toBe('VISIT_NOT_HAPPENED');
      t.clock.set(jst(20, '10:20'));
      await t
        .http()
        .post(`/api/dispatches/${dispatchId}/no-show`)
        .set('Authorization', world.staff)
        .send({ party: 'interpreter' })
        .expect(200);
    });

    it('refuses to cancel a request whose filled visit is over, and cancels an unfilled one', async () => {
      const volunteer = world.volunteers[1];
      const { requestId } = await world.dispatch(jst(21, '14:00'), jst(21, '15:00'), volunteer.id);
      t.clock.set(jst(21, '15:30'));
      const refused = await t
        .http()
        .post(`/api/requests/${requestId}/cancel`)
        .set('Authorization', world.coordinator.auth)
        .send({ reason: '来院なし' })
        .expect(409);
      expect(refused.body.code).toBe('VISIT_ENDED');
      expect(
        (await t.http().get(`/api/requests/${requestId}`).set('Authorization', world.staff).expect(200)).body.status,
      ).toBe('confirmed');
    });

    it('cancels the calendar entry of the volunteer when the hospital cancels the whole request', async () => {
      const volunteer = world.volunteers[1];
      const { requestId } = await world.dispatch(jst(25, '10:00'), jst(25, '11:00'), volunteer.id);
      const [confirmation] = (await mailsTo(volunteer.email, 'dispatch_confirmed')).slice(-1);
      await t
        .http()
        .post(`/api/requests/${requestId}/cancel`)
        .set('Authorization', world.coordinator.auth)
        .send({ reason: '退院のため' })
        .expect(200);
      const [told] = (await mailsTo(volunteer.email, 'request_cancelled')).slice(-1);
      const calendar = ics(told);
      expect(calendar).toContain('METHOD:CANCEL');
      expect(uidOf(calendar)).toBe(uidOf(ics(confirmation)));
      // The coordinator's copy has no calendar file.
      const [coordinatorCopy] = (await mailsTo(world.coordinator.email, 'request_cancelled')).slice(-1);
      expect(coordinatorCopy.attachments ?? []).toHaveLength(0);
    });

    it("refuses a patient's no-show before the visit has started", async () => {
      const volunteer = world.volunteers[1];
      const { dispatchId } = await world.dispatch(jst(19, '10:00'), jst(19, '11:00'), volunteer.id);
      t.clock.set(jst(19, '09:59'));
      const early = await t
        .http()
        .post(`/api/dispatches/${dispatchId}/no-show`)
        .set('Authorization', world.coordinator.auth)
        .send({ party: 'patient' })
        .expect(409);
      expect(early.body.code).toBe('VISIT_NOT_HAPPENED');
      t.clock.set(jst(19, '10:30'));
      const recorded = await t
        .http()
        .post(`/api/dispatches/${dispatchId}/no-show`)
        .set('Authorization', world.coordinator.auth)
        .send({ party: 'patient' })
        .expect(200);
      expect(recorded.body).toMatchObject({ status: 'no_show', noShowParty: 'patient' });
    });
  });

  /**
   * The hospital's confirmation against a cancellation or the volunteer's report at the same moment. The test holds row locks
   * in its own transaction so that both requests are in flight at once, every run the same way.
   */
  describe("the hospital's confirmation, racing a cancellation or a report", () => {
    /** Waits until `n` sessions of this database are blocked on a lock. */
    async function blockedSessions(n: number) {
      for (let tries = 0; tries < 200; tries++) {
        const [{ waiting }] = await t.dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (waiting >= n) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`fewer than ${n} sessions waiting on a lock`);
    }

    /** Runs `during` with the test's transaction holding what `hold` locked, then commits it. */
    async function holding(
      hold: (sql: (query: string, params: unknown[]) => Promise<unknown>) => Promise<void>,
      during: () => Promise<void>,
    ) {
      const runner = t.dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        await hold((query, params) => runner.query(query, params));
        await during();
        await runner.commitTransaction();
      } finally {
        await runner.release();
      }
    }

    const confirmVisitAt = (dispatchId: string, actualStart: string, actualEnd: string) =>
      t
        .http()
        .post(`/api/dispatches/${dispatchId}/hospital-confirmation`)
        .set('Authorization', world.coordinator.auth)
        .send({ actualStart, actualEnd })
        .then((r) => r);
    const confirmVisit = (dispatchId: string) =>
      t
        .http()
        .post(`/api/dispatches/${dispatchId}/hospital-confirmation`)
        .set('Authorization', world.coordinator.auth)
        .send({ actualStart: jst(23, '10:00'), actualEnd: jst(23, '11:00') })
        .then((r) => r);

    it('takes the request before the dispatch, as a cancellation does: one waits for the other, no deadlock', async () => {
      const { dispatchId, requestId } = await world.dispatch(
        jst(23, '10:00'),
        jst(23, '11:00'),
        world.volunteers[1].id,
      );
      t.clock.set(jst(23, '12:00'));
      let confirmation!: Promise<{ status: number; body: { code?: string } }>;
      let cancellation!: Promise<{ status: number; body: { code?: string } }>;
      await holding(
        (sql) => sql('SELECT id FROM dispatches WHERE id = $1 FOR UPDATE', [dispatchId]).then(() => undefined),
        async () => {
          confirmation = confirmVisit(dispatchId);
          await blockedSessions(1);
          cancellation = t
            .http()
            .post(`/api/requests/${requestId}/cancel`)
            .set('Authorization', world.coordinator.auth)
            .send({ reason: '取り消し' })
            .then((r) => r);
          await blockedSessions(2);
        },
      );
      const [confirmed, cancelled] = await Promise.all([confirmation, cancellation]);
      expect([confirmed.status, cancelled.status, cancelled.body.code]).toEqual([201, 409, 'ILLEGAL_TRANSITION']);
      expect(
        (await t.http().get(`/api/requests/${requestId}`).set('Authorization', world.staff).expect(200)).body.status,
      ).toBe('completed');
    });

    it('judges whether the visit happened on the locked dispatch: a cancellation that came first wins', async () => {
      const { dispatchId, requestId } = await world.dispatch(
        jst(23, '14:00'),
        jst(23, '15:00'),
        world.volunteers[1].id,
      );
      t.clock.set(jst(23, '16:00'));
      let confirmation!: Promise<{ status: number; body: { code?: string } }>;
      // A cancellation in flight: the request locked, then its dispatch cancelled, not yet committed.
      await holding(
        async (sql) => {
          await sql('SELECT id FROM requests WHERE id = $1 FOR UPDATE', [requestId]);
          await sql(`UPDATE dispatches SET status = 'cancelled' WHERE id = $1`, [dispatchId]);
        },
        async () => {
          confirmation = t
            .http()
            .post(`/api/dispatches/${dispatchId}/hospital-confirmation`)
            .set('Authorization', world.coordinator.auth)
            .send({ actualStart: jst(23, '14:00'), actualEnd: jst(23, '15:00') })
            .then((r) => r);
          await blockedSessions(1);
        },
      );
      const refused = await confirmation;
      expect([refused.status, refused.body.code]).toEqual([409, 'DISPATCH_NOT_REPORTABLE']);
      expect(await t.dataSource.getRepository(HospitalConfirmation).countBy({ dispatchId })).toBe(0);
    });

    it('compares the report with a confirmation sent at the same moment: whichever is second sees the first', async () => {
      const volunteer = world.volunteers[1];
      const { dispatchId, requestId } = await world.dispatch(jst(26, '10:00'), jst(26, '11:00'), volunteer.id);
      t.clock.set(jst(26, '13:00'));
      let filed!: Promise<{ status: number; body: { timeDispute?: boolean } }>;
      let confirmed!: Promise<{ status: number; body: { timeDispute?: boolean } }>;
      // The volunteer says 10:00–12:30, the hospital 10:00–11:00: more apart than the margin.
      await holding(
        (sql) => sql('SELECT id FROM requests WHERE id = $1 FOR UPDATE', [requestId]).then(() => undefined),
        async () => {
          filed = t
            .http()
            .post(`/api/dispatches/${dispatchId}/report`)
            .set('Authorization', volunteer.auth)
            .send({
              actualStart: jst(26, '10:00'),
              actualEnd: jst(26, '12:30'),
              waitingMinutes: 10,
              scenes: ['consultation'],
              difficulty: 3,
              transportCostYen: 0,
            })
            .then((r) => r);
          confirmed = confirmVisitAt(dispatchId, jst(26, '10:00'), jst(26, '11:00'));
          await blockedSessions(2);
        },
      );
      const [report, confirmation] = await Promise.all([filed, confirmed]);
      expect([report.status, confirmation.status]).toEqual([201, 201]);
      const stored = await t.dataSource.getRepository(HospitalConfirmation).findOneByOrFail({ dispatchId });
      expect(stored.timeDispute).toBe(true);
      expect((await t.dataSource.getRepository(ActivityReport).findOneByOrFail({ dispatchId })).timeDispute).toBe(true);
    });
  });
});
