import { EnqueueMail, MailService } from '../apps/api/src/mail/mail.service';
import { MailSender } from '../apps/api/src/mail/mail-sender';
import { buildCalendarEvent } from '../apps/api/src/mail/calendar';
import { TemplateName } from '../apps/api/src/mail/templates';
import { aUser } from './support/factories';
import { silentServer, TestSmtpServer } from './support/smtp-server';
import { ADMIN, createTestApp, createTestAppOnDatabase, login, TestApp } from './support/test-app';

const T0 = new Date('2026-12-01T00:00:00Z');
const RETRY_BASE_MS = 60_000;
const LEASE_MS = 120_000;
const MAIL_ENV = {
  MAIL_FROM: 'Kumamoto Dispatch <no-reply@dispatch.example.jp>',
  MAIL_RETRY_BASE_MS: String(RETRY_BASE_MS),
  MAIL_LEASE_MS: String(LEASE_MS),
  MAIL_MAX_ATTEMPTS: '5',
  SMTP_TIMEOUT_MS: '1500',
};

const invitation = (key: string, to = 'hanako@example.jp', displayName = '熊本 花子'): EnqueueMail<'invitation'> => ({
  to,
  locale: 'ja',
  template: 'invitation',
  params: {
    displayName,
    linkUrl: 'https://dispatch.example.jp/admin/#/set-password?token=abc',
    expiresAt: '2026-12-08T00:00:00Z',
  },
  idempotencyKey: key,
});

function enqueue<N extends TemplateName>(t: TestApp, input: EnqueueMail<N>): Promise<boolean> {
  return t.dataSource.transaction((m) => t.app.get(MailService).enqueue(m, input));
}

async function mailRow(t: TestApp, key: string) {
  const [row] = await t.dataSource.query('SELECT * FROM mail_messages WHERE idempotency_key = $1', [key]);
  return row;
}

describe('Mail outbox with an SMTP server', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let sender: MailSender;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    t = await createTestApp({ ...MAIL_ENV, SMTP_URL: smtp.url });
    sender = t.app.get(MailSender);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });
  beforeEach(() => t.clock.set(T0));

  it('delivers a mail rendered in the recipient language, with its Message-ID from the idempotency key', async () => {
    expect(await enqueue(t, invitation('invitation:first', 'hanako@example.jp', '<Hanako & Co>'))).toBe(true);
    const queued = await mailRow(t, 'invitation:first');
    expect(queued).toMatchObject({
      status: 'pending',
      attempts: 0,
      to_address: 'hanako@example.jp',
      locale: 'ja',
      template: 'invitation',
    });
    expect(smtp.received).toHaveLength(0);

    expect(await sender.sendDue()).toBe(1);
    const [mail] = smtp.byMessageId(queued.message_id);
    expect(mail.to).toEqual(['hanako@example.jp']);
    expect(mail.from).toBe('no-reply@dispatch.example.jp');
    expect(mail.subject).toBe('【熊本 医療通訳】アカウントのご案内（パスワードの設定）');
    expect(mail.headers.get('content-language')).toBe('ja');
    expect(mail.text).toContain('<Hanako & Co> 様');
    expect(mail.text).toContain('2026年12月8日(火) 09:00');
    expect(mail.html).toContain('&lt;Hanako &amp; Co&gt; 様');
    expect(mail.html).not.toContain('<Hanako');
    expect(mail.messageId).toMatch(/^<invitation-first\.[0-9a-f]{16}@dispatch\.example\.jp>$/);

    const sent = await mailRow(t, 'invitation:first');
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(sent.sent_at).toEqual(T0);
    expect(await sender.sendDue()).toBe(0);
    expect(smtp.byMessageId(queued.message_id)).toHaveLength(1);
  });

  it('renders English for an English-speaking recipient', async () => {
    await enqueue(t, {
      to: 'an@example.jp',
      locale: 'en',
      template: 'offer_withdrawn',
      params: {
        volunteerName: 'An',
        startsAt: '2026-12-03T01:00:00Z',
        hospitalName: 'Kumamoto Central',
        reason: 'filled',
      },
      idempotencyKey: 'offer-withdrawn:1',
    });
    await sender.sendDue();
    const [mail] = smtp.byMessageId((await mailRow(t, 'offer-withdrawn:1')).message_id);
    expect(mail.subject).toBe('Interpreting request withdrawn: Thu 3 Dec 2026, 10:00 (JST), Kumamoto Central');
    expect(mail.headers.get('content-language')).toBe('en');
    expect(mail.text).toContain('Another interpreter has taken it.');
  });

  it('writes one mail per idempotency key', async () => {
    expect(await enqueue(t, invitation('invitation:once'))).toBe(true);
    expect(await enqueue(t, invitation('invitation:once', 'someone-else@example.jp'))).toBe(false);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM mail_messages WHERE idempotency_key = 'invitation:once'`,
    );
    expect(n).toBe(1);
    expect(await sender.sendDue()).toBe(1);
    expect(smtp.byMessageId((await mailRow(t, 'invitation:once')).message_id).map((m) => m.to)).toEqual([
      ['hanako@example.jp'],
    ]);
  });

  it('writes several mails in one statement: each key once, those already in the outbox left alone', async () => {
    expect(await enqueue(t, invitation('invitation:many-1'))).toBe(true);
    const written = await t.dataSource.transaction((m) =>
      t.app
        .get(MailService)
        .enqueueMany(m, [
          invitation('invitation:many-1', 'late@example.jp'),
          invitation('invitation:many-2', 'jiro@example.jp', '熊本 次郎'),
          invitation('invitation:many-2', 'twice@example.jp'),
          invitation('invitation:many-3', 'saburo@example.jp', 'Saburo'),
        ]),
    );
    expect([...written].sort()).toEqual(['invitation:many-2', 'invitation:many-3']);
    expect(await mailRow(t, 'invitation:many-1')).toMatchObject({ to_address: 'hanako@example.jp' });
    expect(await mailRow(t, 'invitation:many-2')).toMatchObject({ to_address: 'jiro@example.jp', locale: 'ja' });
    const third = await mailRow(t, 'invitation:many-3');
    expect(third).toMatchObject({ to_address: 'saburo@example.jp', status: 'pending', attachments: null });
    expect(third.text_body).toContain('Saburo');
  });

  it('writes a wave to thousands, past the parameters one statement may take (65,535: 5,041 mails)', async () => {
    const keys = Array.from({ length: 5_100 }, (_, i) => `invitation:bulk-${i}`);
    // Looked at inside the transaction, then rolled back: the other tests send what is due.
    const seen = t.dataSource.transaction(async (m) => {
      const written = await t.app.get(MailService).enqueueMany(
        m,
        keys.map((key, i) => invitation(key, `bulk-${i}@example.jp`)),
      );
      const rows: { idempotency_key: string; to_address: string }[] = await m.query(
        `SELECT idempotency_key, to_address FROM mail_messages WHERE idempotency_key LIKE 'invitation:bulk-%'`,
      );
      throw Object.assign(new Error('roll back'), { written, rows });
    });
    const { written, rows } = (await seen.catch((e: unknown) => e)) as {
      written: Set<string>;
      rows: { idempotency_key: string; to_address: string }[];
    };
    expect(written.size).toBe(5_100);
    expect(rows).toHaveLength(5_100);
    expect(rows.find((r) => r.idempotency_key === 'invitation:bulk-5099')?.to_address).toBe('bulk-5099@example.jp');
    expect(await mailRow(t, 'invitation:bulk-0')).toBeUndefined();
  });

  it('writes none of several mails when one of them cannot be sent', async () => {
    await expect(
      t.dataSource.transaction((m) =>
        t.app
          .get(MailService)
          .enqueueMany(m, [invitation('invitation:batch-ok'), invitation('invitation:batch-bad', 'not an address')]),
      ),
    ).rejects.toThrow('plain e-mail address');
    expect(await mailRow(t, 'invitation:batch-ok')).toBeUndefined();
    // Outside a transaction each statement commits on its own: only checking every mail before
    // writing any keeps the good one out (a mail written, then the next one refused, would stay).
    await expect(
      t.app
        .get(MailService)
        .enqueueMany(t.dataSource.manager, [
          invitation('invitation:unchecked-ok'),
          invitation('invitation:unchecked-bad', 'not an address'),
        ]),
    ).rejects.toThrow('plain e-mail address');
    expect(await mailRow(t, 'invitation:unchecked-ok')).toBeUndefined();
  });

  it('writes nothing when the transaction that caused the mail rolls back', async () => {
    await expect(
      t.dataSource.transaction(async (m) => {
        await t.app.get(MailService).enqueue(m, invitation('invitation:rolled-back'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow();
    expect(await mailRow(t, 'invitation:rolled-back')).toBeUndefined();
  });

  it('sends attachments, e.g. the calendar file of a confirmation', async () => {
    const ics = buildCalendarEvent({
      uid: 'dispatch-1@kumamoto-dispatch',
      startsAt: '2026-12-03T01:00:00Z',
      endsAt: '2026-12-03T03:00:00Z',
      summary: '医療通訳',
      location: '熊本中央病院',
      description: '受付で名札を提示してください',
    });
    await enqueue(t, {
      to: 'an@example.jp',
      locale: 'ja',
      template: 'dispatch_confirmed',
      params: {
        volunteerName: 'An',
        startsAt: '2026-12-03T01:00:00Z',
        endsAt: '2026-12-03T03:00:00Z',
        hospitalName: '熊本中央病院',
        address: '熊本市中央区1-1',
        calendarUrl: 'https://dispatch.example.jp/api/dispatches/1/calendar.ics',
      },
      idempotencyKey: 'dispatch-confirmed:1',
      attachments: [
        {
          filename: 'dispatch.ics',
          contentType: 'text/calendar; charset=utf-8',
          content: Buffer.from(ics).toString('base64'),
        },
      ],
    });
    await sender.sendDue();
    const [mail] = smtp.byMessageId((await mailRow(t, 'dispatch-confirmed:1')).message_id);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ filename: 'dispatch.ics', contentType: 'text/calendar' });
    expect(mail.attachments[0].content.toString('utf8')).toBe(ics);
  });

  it('gives up at once when the server refuses the recipient permanently', async () => {
    smtp.rejectRecipients.add('nobody@example.jp');
    await enqueue(t, invitation('invitation:refused', 'nobody@example.jp'));
    expect(await sender.sendDue()).toBe(0);
    const row = await mailRow(t, 'invitation:refused');
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.last_error).toContain('550');
    expect(row.last_error).not.toContain('nobody@example.jp');
  });

  it('delivers a mail abandoned by a sender that crashed after claiming it, once, when its lease ends', async () => {
    await enqueue(t, invitation('invitation:crash'));
    const second = await createTestAppOnDatabase(t.databaseUrl, { ...MAIL_ENV, SMTP_URL: smtp.url });
    try {
      second.clock.set(T0);
      // The first instance claims the mail and dies before it talks to SMTP.
      const claimed = await sender.claimDue(10);
      expect(claimed.map((m) => m.message_id)).toEqual([(await mailRow(t, 'invitation:crash')).message_id]);

      const survivor = second.app.get(MailSender);
      expect(await survivor.sendDue()).toBe(0);
      second.clock.advance(LEASE_MS - 1000);
      expect(await survivor.sendDue()).toBe(0);
      second.clock.advance(1000);
      expect(await survivor.sendDue()).toBe(1);
      expect(await survivor.sendDue()).toBe(0);

      const row = await mailRow(t, 'invitation:crash');
      expect(row).toMatchObject({ status: 'sent', attempts: 2 });
      expect(smtp.byMessageId(row.message_id)).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('delivers each mail once when two instances send at the same time', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => `bulk:${i}`);
    for (const key of keys) await enqueue(t, invitation(key, `bulk-${key.slice(5)}@example.jp`));
    const second = await createTestAppOnDatabase(t.databaseUrl, { ...MAIL_ENV, SMTP_URL: smtp.url });
    try {
      second.clock.set(T0);
      const other = second.app.get(MailSender);
      const counts = await Promise.all([
        sender.sendDue(100),
        other.sendDue(100),
        sender.sendDue(100),
        other.sendDue(100),
      ]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(40);
      for (const key of keys) {
        const row = await mailRow(t, key);
        expect(row).toMatchObject({ status: 'sent', attempts: 1 });
        expect(smtp.byMessageId(row.message_id)).toHaveLength(1);
      }
    } finally {
      await second.close();
    }
  });
});

describe('Mail outbox while the SMTP server is down', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await TestSmtpServer.down();
    t = await createTestApp({ ...MAIL_ENV, SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('loses nothing, counts attempts, backs off, and delivers once when the server is back', async () => {
    const sender = t.app.get(MailSender);
    t.clock.set(T0);
    await enqueue(t, invitation('invitation:outage'));

    expect(await sender.sendDue()).toBe(0);
    let row = await mailRow(t, 'invitation:outage');
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.last_error).toMatch(/ECONNREFUSED/);
    const firstDelay = row.next_attempt_at.getTime() - T0.getTime();
    expect(firstDelay).toBeGreaterThanOrEqual(RETRY_BASE_MS / 2);
    expect(firstDelay).toBeLessThanOrEqual(RETRY_BASE_MS);

    expect(await sender.sendDue()).toBe(0);
    expect((await mailRow(t, 'invitation:outage')).attempts).toBe(1);

    t.clock.set(row.next_attempt_at);
    const secondTry = row.next_attempt_at.getTime();
    expect(await sender.sendDue()).toBe(0);
    row = await mailRow(t, 'invitation:outage');
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    const secondDelay = row.next_attempt_at.getTime() - secondTry;
    expect(secondDelay).toBeGreaterThanOrEqual(RETRY_BASE_MS);
    expect(secondDelay).toBeLessThanOrEqual(2 * RETRY_BASE_MS);

    await smtp.start();
    t.clock.set(row.next_attempt_at);
    expect(await sender.sendDue()).toBe(1);
    t.clock.advance(24 * 60 * 60_000);
    expect(await sender.sendDue()).toBe(0);
    row = await mailRow(t, 'invitation:outage');
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].messageId).toBe(row.message_id);
  });
});

describe('Mail outbox while the SMTP server hangs', () => {
  it('answers a request that writes mail at once: enqueueing never waits for SMTP', async () => {
    const hanging = await silentServer();
    const t = await createTestApp({ ...MAIL_ENV, SMTP_URL: hanging.url, SMTP_TIMEOUT_MS: '2000' });
    try {
      const admin = await login(t, ADMIN.email, ADMIN.password);
      await enqueue(t, invitation('invitation:hang'));
      const started = Date.now();
      const sending = t.app.get(MailSender).sendDue();

      const before = Date.now();
      const res = await t
        .http()
        .post('/api/users')
        .set('Authorization', admin.auth)
        .send({ email: 'invited@example.jp', role: 'staff', displayName: '招待 太郎' });
      const requestMs = Date.now() - before;
      expect(res.status).toBe(201);
      expect(requestMs).toBeLessThan(1000);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM mail_messages WHERE to_address = 'invited@example.jp' AND status = 'pending'`,
      );
      expect(n).toBe(1);

      expect(await sending).toBe(0);
      const sendMs = Date.now() - started;
      expect(sendMs).toBeLessThan(10_000);
      const row = await mailRow(t, 'invitation:hang');
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(row.last_error).toMatch(/greeting|timeout/i);
    } finally {
      await t.close();
      await hanging.close();
    }
  });
});

describe('Mail kept without SMTP_URL (GET /api/mail)', () => {
  let t: TestApp;

  beforeAll(async () => {
    delete process.env.SMTP_URL;
    t = await createTestApp(MAIL_ENV);
  });
  afterAll(() => t.close());

  it('keeps mail in the database, never sends it, and lists it newest first for staff', async () => {
    t.clock.reset();
    await enqueue(t, invitation('kept:1', 'first@example.jp'));
    await enqueue(t, invitation('kept:2', 'second@example.jp'));
    expect(await t.app.get(MailSender).sendDue()).toBe(0);

    const staff = await aUser(t, { role: 'staff' });
    const { auth } = await login(t, staff.email, staff.password);
    const res = await t.http().get('/api/mail').set('Authorization', auth).expect(200);
    expect(res.body.total).toBeGreaterThanOrEqual(2);
    const ours = res.body.data.filter((m: { to: string }) => m.to.endsWith('@example.jp') && m.to !== staff.email);
    expect(ours.map((m: { to: string }) => m.to).slice(0, 2)).toEqual(['second@example.jp', 'first@example.jp']);
    expect(ours[0]).toMatchObject({
      status: 'kept',
      template: 'invitation',
      locale: 'ja',
      attempts: 0,
      subject: expect.stringContaining('パスワード'),
    });
    expect(ours[0].textBody).toContain('https://dispatch.example.jp/admin/#/set-password?token=abc');

    const filtered = await t
      .http()
      .get('/api/mail')
      .query({ status: 'kept', to: 'FIRST@example.jp' })
      .set('Authorization', auth)
      .expect(200);
    expect(filtered.body).toMatchObject({ total: 1, data: [{ to: 'first@example.jp' }] });
    await t.http().get('/api/mail').query({ status: 'lost' }).set('Authorization', auth).expect(422);
  });

  it('shows a coordinator only their own mail, and refuses anonymous callers', async () => {
    const coordinator = await aUser(t, { role: 'coordinator' });
    const { auth } = await login(t, coordinator.email, coordinator.password);
    const own = await t.http().get('/api/mail').set('Authorization', auth).expect(200);
    expect(own.body).toEqual({ data: [], total: 0 });
    await t.http().get('/api/mail').expect(401);
  });
});
