import { JobsService } from '../apps/api/src/jobs/jobs.service';
import { EnqueueMail, MailService } from '../apps/api/src/mail/mail.service';
import { MailSender } from '../apps/api/src/mail/mail-sender';
import { MailTransport } from '../apps/api/src/mail/mail-transport';
import { RetentionService } from '../apps/api/src/retention/retention.service';
import { aUser } from './support/factories';
import { TestSmtpServer } from './support/smtp-server';
import { ADMIN, createTestApp, createTestAppOnDatabase, login, TestApp } from './support/test-app';
import { aHospital, aQualifiedVolunteer, jst, runJobsAt, TODAY, trainingCourses } from './support/workflow-fixtures';

const T0 = new Date('2026-12-01T00:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const RETRY_BASE_MS = MINUTE;
const RETRY_MAX_MS = 10 * MINUTE;
const LEASE_MS = 2 * MINUTE;
/** With the old defaults (8 attempts, 1 minute base) a mail gave up after at most about 4¼ hours. */
const OLD_MAX_ATTEMPTS = 8;
const ENV = {
  MAIL_FROM: 'Kumamoto Dispatch <no-reply@dispatch.example.jp>',
  MAIL_RETRY_BASE_MS: String(RETRY_BASE_MS),
  MAIL_RETRY_MAX_MS: String(RETRY_MAX_MS),
  MAIL_LEASE_MS: String(LEASE_MS),
  SMTP_TIMEOUT_MS: '1500',
  HEALTH_MAIL_LATE_MINUTES: '30',
  HEALTH_TIMERS_LATE_MINUTES: '5',
  MAIL_RETENTION_DAYS: '30',
  JOBS_RETENTION_DAYS: '60',
};

const mail = (
  key: string,
  usefulUntil?: Date,
  to = `${key.replace(/\W/g, '-')}@example.jp`,
): EnqueueMail<'offer_withdrawn'> => ({
  to,
  locale: 'en',
  template: 'offer_withdrawn',
  params: { volunteerName: 'An', startsAt: '2026-12-03T01:00:00Z', hospitalName: 'Kumamoto Central', reason: 'filled' },
  idempotencyKey: key,
  usefulUntil,
});

async function enqueue(t: TestApp, input: EnqueueMail): Promise<void> {
  await t.dataSource.transaction((m) => t.app.get(MailService).enqueue(m, input));
}

async function row(t: TestApp, key: string) {
  const [found] = await t.dataSource.query('SELECT * FROM mail_messages WHERE idempotency_key = $1', [key]);
  return found;
}

describe('Mail through an SMTP outage longer than the old retry horizon', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let sender: MailSender;

  beforeAll(async () => {
    smtp = await TestSmtpServer.down();
    t = await createTestApp({ ...ENV, SMTP_URL: smtp.url });
    sender = t.app.get(MailSender);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('keeps retrying at a capped pace, makes mail whose purpose passed obsolete, reports it all, and then delivers every other mail once', async () => {
    // Real time as the start: the readiness check measures ages from the rows' created_at.
    const start = new Date(Math.floor(Date.now() / 1000) * 1000);
    t.clock.set(start);
    const lasting = Array.from({ length: 8 }, (_, i) => `outage:lasting:${i}`);
    const forever = Array.from({ length: 4 }, (_, i) => `outage:forever:${i}`);
    const shortLived = Array.from({ length: 3 }, (_, i) => `outage:short:${i}`);
    for (const key of lasting) await enqueue(t, mail(key, new Date(start.getTime() + 2 * DAY)));
    for (const key of forever) await enqueue(t, mail(key));
    for (const key of shortLived) await enqueue(t, mail(key, new Date(start.getTime() + 90 * MINUTE)));
    // A timer nobody runs (JOBS_ENABLED is off here), due at the start.
    await t.dataSource.transaction((m) =>
      t.app.get(JobsService).schedule(m, { type: 'retention.sweep', dueAt: start, payload: {}, key: 'outage:timer' }),
    );

    // Six hours down, the sender ticking every two minutes; when each mail was tried.
    const tries = new Map<string, { attempts: number; at: number[] }>();
    for (let elapsed = 0; elapsed <= 6 * HOUR; elapsed += 2 * MINUTE) {
      t.clock.set(new Date(start.getTime() + elapsed));
      expect(await sender.sendDue(100)).toBe(0);
      const rows: { idempotency_key: string; attempts: number }[] = await t.dataSource.query(
        `SELECT idempotency_key, attempts FROM mail_messages WHERE idempotency_key LIKE 'outage:%'`,
      );
      for (const r of rows) {
        const seen = tries.get(r.idempotency_key) ?? { attempts: 0, at: [] };
        if (r.attempts !== seen.attempts) seen.at.push(elapsed);
        tries.set(r.idempotency_key, { attempts: r.attempts, at: seen.at });
      }
    }
    expect(smtp.received).toHaveLength(0);

    for (const key of [...lasting, ...forever]) {
      const r = await row(t, key);
      expect(r).toMatchObject({ status: 'pending' });
      expect(r.attempts).toBeGreaterThan(OLD_MAX_ATTEMPTS + 10);
      expect(r.last_error).toMatch(/ECONNREFUSED/);
      // Never more than the cap (plus one tick) between two attempts once the backoff has grown.
      const times = tries.get(key)!.at;
      const gaps = times.slice(1).map((at, i) => at - times[i]);
      expect(Math.max(...gaps)).toBeLessThanOrEqual(RETRY_MAX_MS + 2 * MINUTE);
    }
    for (const key of shortLived) {
      const r = await row(t, key);
      expect(r.status).toBe('obsolete');
      // The last retry was moved to the purpose's end, not past it.
      expect(new Date(r.next_attempt_at).getTime()).toBeLessThanOrEqual(start.getTime() + 90 * MINUTE);
    }
    const [{ failed }] = await t.dataSource.query(
      `SELECT count(*)::int AS failed FROM mail_messages WHERE status = 'failed'`,
    );
    expect(failed).toBe(0);

    // The readiness check names all three problems; liveness stays 200 (requests are served).
    await t.http().get('/api/health').expect(200);
    const down = await t.http().get('/api/health/ready').expect(503);
    expect(down.body.status).toBe('error');
    expect(down.body.details.database.status).toBe('up');
    expect(down.body.details.smtp).toMatchObject({
      status: 'down',
      configured: true,
      error: expect.stringMatching(/ECONNREFUSED/),
    });
    expect(down.body.details.mail).toMatchObject({
      status: 'down',
      pending: 12,
      retrying: 12,
      obsoleteLast7Days: 3,
      failedLast7Days: 0,
    });
    expect(Math.abs(down.body.details.mail.oldestPendingSeconds - 6 * 3600)).toBeLessThan(60);
    expect(down.body.details.timers).toMatchObject({ status: 'down', overdue: 1, mostOverdueSeconds: 6 * 3600 });
    expect(JSON.stringify(down.body)).not.toContain('@example.jp');

    // The server comes back: within one capped delay every useful mail goes, once.
    await smtp.start();
    t.clock.advance(RETRY_MAX_MS);
    expect(await sender.sendDue(100)).toBe(12);
    t.clock.advance(DAY);
    expect(await sender.sendDue(100)).toBe(0);
    for (const key of [...lasting, ...forever]) {
      const r = await row(t, key);
      expect(r.status).toBe('sent');
      expect(smtp.byMessageId(r.message_id)).toHaveLength(1);
    }
    for (const key of shortLived) {
      const r = await row(t, key);
      expect(r.status).toBe('obsolete');
      expect(smtp.byMessageId(r.message_id)).toHaveLength(0);
    }
    expect(smtp.received).toHaveLength(12);

    await t.dataSource.query(`UPDATE jobs SET status = 'cancelled', finished_at = now() WHERE key = 'outage:timer'`);
    const up = await t.http().get('/api/health/ready').expect(200);
    expect(up.body.details).toMatchObject({
      smtp: { status: 'up' },
      mail: { status: 'up', pending: 0, oldestPendingSeconds: null, obsoleteLast7Days: 3 },
      timers: { status: 'up', overdue: 0 },
    });
  });
});

describe('Undelivered mail in the panel, and re-sending it', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let sender: MailSender;
  let staff: string;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    t = await createTestApp({ ...ENV, SMTP_URL: smtp.url });
    sender = t.app.get(MailSender);
    const user = await aUser(t, { role: 'staff' });
    staff = (await login(t, user.email, user.password)).auth;
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('lists failed, obsolete and retrying mail as undelivered, and re-sends them as the same message (audited)', async () => {
    t.clock.set(T0);
    smtp.rejectRecipients.add('refused@example.jp');
    await enqueue(t, mail('panel:refused', undefined, 'refused@example.jp'));
    await enqueue(t, mail('panel:late', new Date(T0.getTime() - MINUTE)));
    await enqueue(t, mail('panel:fine'));
    expect(await sender.sendDue()).toBe(1);
    expect(await row(t, 'panel:refused')).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await row(t, 'panel:late')).toMatchObject({ status: 'obsolete', attempts: 0 });

    const list = await t.http().get('/api/mail').query({ undelivered: 'true' }).set('Authorization', staff).expect(200);
    expect(list.body.data.map((m: { to: string; status: string }) => [m.to, m.status]).sort()).toEqual([
      ['panel-late@example.jp', 'obsolete'],
      ['refused@example.jp', 'failed'],
    ]);
    expect(list.body.data.find((m: { status: string }) => m.status === 'failed').lastError).toMatch(/550/);
    const bad = await t.http().get('/api/mail').query({ undelivered: 'maybe' }).set('Authorization', staff);
    expect([400, 422]).toContain(bad.status);

    // The mailbox is repaired; staff re-send both.
    smtp.rejectRecipients.delete('refused@example.jp');
    const refused = await row(t, 'panel:refused');
    const late = await row(t, 'panel:late');
    for (const m of [refused, late]) {
      const res = await t
        .http()
        .post(`/api/mail/${m.id}/resend`)
        .set('Authorization', staff)
        .set('x-request-id', `resend-${m.id.slice(0, 8)}`)
        .expect(200);
      expect(res.body).toMatchObject({ id: m.id, status: 'pending', usefulUntil: null });
    }
    expect(await sender.sendDue()).toBe(2);
    for (const m of [refused, late]) {
      expect(await row(t, m.idempotency_key)).toMatchObject({ status: 'sent' });
      expect(smtp.byMessageId(m.message_id)).toHaveLength(1);
    }
    const audit = await t.dataSource.query(
      `SELECT object_id, object_type, actor_role FROM audit_log WHERE action = 'POST /api/mail/:id/resend' ORDER BY at`,
    );
    expect(audit).toEqual([
      { object_id: refused.id, object_type: 'mail', actor_role: 'staff' },
      { object_id: late.id, object_type: 'mail', actor_role: 'staff' },
    ]);
    const none = await t.http().get('/api/mail').query({ undelivered: 'true' }).set('Authorization', staff).expect(200);
    expect(none.body.total).toBe(0);
  });

  it('refuses to re-send sent mail, unknown mail, and to anyone but staff', async () => {
    const sent = await row(t, 'panel:fine');
    expect(sent.status).toBe('sent');
    const res = await t.http().post(`/api/mail/${sent.id}/resend`).set('Authorization', staff).expect(409);
    expect(res.body.code).toBe('MAIL_NOT_UNDELIVERED');
    await t
      .http()
      .post('/api/mail/00000000-0000-4000-8000-000000000000/resend')
      .set('Authorization', staff)
      .expect(404);
    await t.http().post('/api/mail/not-a-uuid/resend').set('Authorization', staff).expect(400);
    const coordinator = await aUser(t, { role: 'coordinator' });
    const { auth } = await login(t, coordinator.email, coordinator.password);
    await t.http().post(`/api/mail/${sent.id}/resend`).set('Authorization', auth).expect(403);
    await t.http().post(`/api/mail/${sent.id}/resend`).expect(401);
    expect(smtp.byMessageId(sent.message_id)).toHaveLength(1);
  });

  it('sends a mail again with the same Message-ID when its sender crashed after the server took it', async () => {
    t.clock.set(T0);
    await enqueue(t, mail('panel:crash'));
    const [claimed] = await sender.claimDue(10);
    // The server takes the message; the sender dies before it records "sent".
    await t.app.get(MailTransport).send({
      to: claimed.to_address,
      subject: claimed.subject,
      text: claimed.text_body,
      html: claimed.html_body,
      messageId: claimed.message_id,
      locale: claimed.locale,
      attachments: claimed.attachments,
    });
    const second = await createTestAppOnDatabase(t.databaseUrl, { ...ENV, SMTP_URL: smtp.url });
    try {
      second.clock.set(new Date(T0.getTime() + LEASE_MS));
      expect(await second.app.get(MailSender).sendDue()).toBe(1);
    } finally {
      await second.close();
    }
    const copies = smtp.byMessageId(claimed.message_id);
    expect(copies).toHaveLength(2);
    expect(copies[1].subject).toBe(copies[0].subject);
    expect(await row(t, 'panel:crash')).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('Retention of mail bodies and finished timers', () => {
  let t: TestApp;

  beforeAll(async () => {
    delete process.env.SMTP_URL;
    t = await createTestApp(ENV);
  });
  afterAll(() => t.close());

  it('erases old mail bodies and deletes old done and cancelled timers in the nightly sweep, and nothing younger', async () => {
    t.clock.set(T0);
    await enqueue(t, {
      ...mail('retention:old'),
      attachments: [{ filename: 'a.ics', contentType: 'text/calendar', content: Buffer.from('x').toString('base64') }],
    });
    await enqueue(t, mail('retention:young'));
    await enqueue(t, mail('retention:waiting'));
    await t.dataSource.query(
      `UPDATE mail_messages SET status = 'sent', sent_at = $1 WHERE idempotency_key = 'retention:old'`,
      [T0],
    );
    await t.dataSource.query(
      `UPDATE mail_messages SET status = 'sent', sent_at = $1 WHERE idempotency_key = 'retention:young'`,
      [new Date(T0.getTime() + 20 * DAY)],
    );
    await t.dataSource.query(
      `UPDATE mail_messages SET status = 'pending', updated_at = $1 WHERE idempotency_key = 'retention:waiting'`,
      [T0],
    );
    await t.dataSource.query(
      `INSERT INTO jobs (type, due_at, key, status, finished_at) VALUES
         ('x', $1, 'retention:done-old', 'done', $1), ('x', $1, 'retention:cancelled-old', 'cancelled', $1),
         ('x', $1, 'retention:failed-old', 'failed', $1), ('x', $2, 'retention:done-young', 'done', $2)`,
      [T0, new Date(T0.getTime() + 20 * DAY)],
    );

    // The sweep after 40 days: mail retention is 30 days, timers' 60 days.
    const sweepAt = new Date(T0.getTime() + 40 * DAY);
    t.clock.set(sweepAt);
    await t.app.get(RetentionService).scheduleSweep();
    await runJobsAt(t, new Date(sweepAt.getTime() + DAY));
    const old = await row(t, 'retention:old');
    expect(old).toMatchObject({
      text_body: '',
      html_body: '',
      attachments: null,
      status: 'sent',
      to_address: 'retention-old@example.jp',
    });
    expect(old.purged_at).not.toBeNull();
    expect((await row(t, 'retention:young')).text_body).toContain('Kumamoto Central');
    expect((await row(t, 'retention:waiting')).text_body).toContain('Kumamoto Central');
    expect(await jobKeys(t)).toEqual([
      'retention:cancelled-old',
      'retention:done-old',
      'retention:done-young',
      'retention:failed-old',
    ]);

    // The same key is still taken: the purged mail is not written again.
    await enqueue(t, mail('retention:old'));
    expect((await row(t, 'retention:old')).purged_at).not.toBeNull();

    const later = new Date(T0.getTime() + 70 * DAY);
    t.clock.set(later);
    await t.app.get(RetentionService).scheduleSweep();
    await runJobsAt(t, new Date(later.getTime() + DAY));
    expect(await jobKeys(t)).toEqual(['retention:done-young', 'retention:failed-old']);
  });
});

async function jobKeys(t: TestApp): Promise<string[]> {
  const rows: { key: string }[] = await t.dataSource.query(
    `SELECT key FROM jobs WHERE key LIKE 'retention:%' ORDER BY key`,
  );
  return rows.map((r) => r.key);
}

describe('Until when each mail is useful (set by the code that writes it)', () => {
  let t: TestApp;

  beforeAll(async () => {
    delete process.env.SMTP_URL;
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('offers until their expiry, invitations until theirs, everything about a visit until it starts', async () => {
    t.clock.set(TODAY);
    const courses = await trainingCourses(t);
    const staff = (await login(t, ADMIN.email, ADMIN.password)).auth;
    const hospital = await aHospital(t);
    const coordinator = await aUser(t, { role: 'coordinator', hospitalId: hospital.id });
    const coordinatorAuth = (await login(t, coordinator.email, coordinator.password)).auth;
    const volunteers = await Promise.all([0, 1, 2].map(() => aQualifiedVolunteer(t, courses, { languages: ['vi'] })));
    const request = (
      await t
        .http()
        .post('/api/requests')
        .set('Authorization', coordinatorAuth)
        .send({
          language: 'vi',
          startsAt: jst(10, '10:00'),
          endsAt: jst(10, '12:00'),
          department: 'obstetrics_gynecology',
          visitType: 'examination',
          patient: { displayName: '患者', gender: 'male', ageBand: 'adult' },
        })
        .expect(201)
    ).body;
    const startsAt = new Date(request.startsAt).getTime();
    const offers: { id: string; expires_at: Date }[] = await t.dataSource.query(
      'SELECT id, expires_at FROM offers WHERE request_id = $1',
      [request.id],
    );
    expect(offers.length).toBeGreaterThan(0);
    for (const offer of offers) {
      const m = await row(t, `offer:${offer.id}`);
      expect(m.useful_until).toEqual(offer.expires_at);
    }
    await t
      .http()
      .post(`/api/requests/${request.id}/assign`)
      .set('Authorization', staff)
      .send({ volunteerId: volunteers[0].id })
      .expect(200);
    await t
      .http()
      .post(`/api/requests/${request.id}/cancel`)
      .set('Authorization', coordinatorAuth)
      .send({ reason: '都合により' })
      .expect(200);
    const visitMail: { template: string; useful_until: Date }[] = await t.dataSource.query(
      `SELECT template, useful_until FROM mail_messages WHERE template <> 'offer' AND to_address = ANY($1)`,
      [[coordinator.email, ...volunteers.map((v) => v.email)]],
    );
    expect(new Set(visitMail.map((m) => m.template))).toEqual(
      new Set(['dispatch_confirmed', 'request_confirmed', 'offer_withdrawn', 'request_cancelled']),
    );
    for (const m of visitMail) expect([m.template, new Date(m.useful_until).getTime()]).toEqual([m.template, startsAt]);

    const invited = await t
      .http()
      .post('/api/users')
      .set('Authorization', staff)
      .send({ email: 'useful@example.jp', role: 'staff', displayName: '招待 花子' })
      .expect(201);
    const [invitation] = await t.dataSource.query('SELECT expires_at FROM user_invitations WHERE user_id = $1', [
      invited.body.id,
    ]);
    const [invitationMail] = await t.dataSource.query(
      `SELECT useful_until FROM mail_messages WHERE user_id = $1 AND template = 'invitation'`,
      [invited.body.id],
    );
    expect(invitationMail.useful_until).toEqual(invitation.expires_at);
  });
});

describe('Readiness without a database', () => {
  it('answers 503 with its report, not 500, when the database stops answering', async () => {
    delete process.env.SMTP_URL;
    const t = await createTestApp();
    try {
      await t.http().get('/api/health/ready').expect(200);
      await t.dataSource.destroy();
      const res = await t.http().get('/api/health/ready').expect(503);
      expect(res.body.details).toMatchObject({
        database: { status: 'down' },
        smtp: { status: 'up', configured: false },
        mail: { status: 'down' },
        timers: { status: 'down' },
      });
      await t.dataSource.initialize();
    } finally {
      await t.close();
    }
  });
});
