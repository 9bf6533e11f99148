import { createHash } from 'node:crypto';
import { DEFAULT_DISPATCH_POLICY as POLICY } from '@app/domain';
import { MailLinks } from '../apps/api/src/mail/mail-links';
import { MailSender } from '../apps/api/src/mail/mail-sender';
import { aUser } from './support/factories';
import { TestSmtpServer } from './support/smtp-server';
import { ADMIN, createTestApp, login, TestApp } from './support/test-app';
import { fileRequest, visitWorld } from './support/visit-fixtures';
import { at, jst, runJobsAt, TODAY } from './support/workflow-fixtures';

const HOUR = 3_600_000;
/** Anything that could be a link token: base64url runs of a token's length. */
const TOKEN_LIKE = /[A-Za-z0-9_-]{40,86}/g;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Every token-shaped string in a response body. */
const harvest = (text: string) => new Set(text.match(TOKEN_LIKE) ?? []);

/**
 * Mail bodies held live tokens: staff read an admin's invitation in the mail viewer, set its
 * password and signed in as admin; they could answer offers for volunteers too; and a database
 * backup held every link. Links are now made when the mail leaves, for its addressee only.
 */
describe('No live link token in stored mail or in what staff can read', () => {
  let t: TestApp;
  let staff: { auth: string };
  let world: Awaited<ReturnType<typeof visitWorld>>;
  const ids: Record<string, string> = {};
  const NEW_ADMIN = 'second-admin@test.example.jp';

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
    world = await visitWorld(t, 2);
    const staffUser = await aUser(t, { role: 'staff' });
    staff = await login(t, staffUser.email, staffUser.password);
    const admin = await login(t, ADMIN.email, ADMIN.password);
    // An admin invited without a password: the mail that made staff an admin.
    ids.admin = (
      await t
        .http()
        .post('/api/users')
        .set('Authorization', admin.auth)
        .send({ email: NEW_ADMIN, role: 'admin', displayName: '第二 管理者' })
        .expect(201)
    ).body.id;
    // Offers to both volunteers, and a confirmed visit whose reconfirmation is asked.
    ids.offered = (
      await fileRequest(t, world.coordinator.auth, { startsAt: jst(20, '10:00'), endsAt: jst(20, '11:00') })
    ).id;
    const visit = jst(8, '10:00');
    const { requestId, dispatchId } = await world.dispatch(visit, jst(8, '11:00'), world.volunteers[0].id);
    Object.assign(ids, { requestId, dispatchId });
    await runJobsAt(t, at(visit, -POLICY.reconfirmBeforeHours * HOUR + 60_000));
    // The volunteer reads their mail (the confirmation's calendar link gets its token) and their
    // own record (their calendar feed gets its address): live calendar tokens exist to leak.
    await t.http().get('/api/mail').query({ perPage: 100 }).set('Authorization', world.volunteers[0].auth).expect(200);
    ids.feedUrl = (
      await t.http().get('/api/volunteers/me').set('Authorization', world.volunteers[0].auth).expect(200)
    ).body.calendarFeedUrl;
    const templates = (await t.dataSource.query(`SELECT DISTINCT template FROM mail_messages`)).map(
      (r: { template: string }) => r.template,
    );
    expect(templates).toEqual(expect.arrayContaining(['invitation', 'offer', 'reconfirm']));
  });
  afterAll(() => t.close());

  /** Whether a string opens any link: an invitation, an offer, a reconfirmation or a calendar. */
  async function opensSomething(candidate: string): Promise<string | null> {
    if ((await t.http().get(`/api/auth/invitations/${candidate}`)).status !== 404) return 'invitation';
    if ((await t.http().get(`/api/offer-links/${candidate}`)).status !== 404) return 'offer';
    if ((await t.http().post(`/api/reconfirm-links/${candidate}`)).status !== 404) return 'reconfirm';
    if ((await t.http().get(`/api/calendar/dispatches/${candidate}.ics`)).status !== 404) return 'calendar';
    if ((await t.http().get(`/api/calendar/feeds/${candidate}.ics`)).status !== 404) return 'calendar feed';
    return null;
  }

  it('has live calendar tokens to find: the confirmation’s link and the volunteer’s feed open', async () => {
    const own = await t
      .http()
      .get('/api/mail')
      .query({ perPage: 100 })
      .set('Authorization', world.volunteers[0].auth)
      .expect(200);
    const confirmation = own.body.data.find((m: { template: string }) => m.template === 'dispatch_confirmed');
    const link = /calendar\/dispatches\/([A-Za-z0-9_-]{43})\.ics/.exec(confirmation.textBody)![1];
    expect(await opensSomething(link)).toBe('calendar');
    const feed = /feeds\/([A-Za-z0-9_-]{43})\.ics$/.exec(ids.feedUrl)![1];
    expect(await opensSomething(feed)).toBe('calendar feed');
  });

  it('gives staff no working token through any GET route of the API', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, { get?: unknown }> };
    const known = [ids.admin, ids.offered, ids.requestId, ids.dispatchId, world.hospital.id, world.volunteers[0].id];
    const candidates = new Set<string>();
    let read = 0;
    for (const [template, item] of Object.entries(doc.paths)) {
      if (!item.get) continue;
      const paths = template.includes('{')
        ? known.map((id) => template.replace(/\{[^}]+\}/g, id))
        : [`${template}?perPage=100`];
      for (const path of paths) {
        const res = await t
          .http()
          .get(path)
          .set('Authorization', staff.auth)
          .buffer(true)
          .parse((r, done) => {
            let body = '';
            r.setEncoding('utf8');
            r.on('data', (chunk: string) => (body += chunk));
            r.on('end', () => done(null, body));
          });
        if (res.status !== 200) continue;
        read++;
        for (const c of harvest(res.body as string)) candidates.add(c);
      }
    }
    expect(read).toBeGreaterThan(20);
    // Staff do read the mail — the invitation to the new admin among it — only not its token.
    const mail = await t.http().get('/api/mail').query({ perPage: 100 }).set('Authorization', staff.auth).expect(200);
    const invitation = mail.body.data.find(
      (m: { to: string; template: string }) => m.to === NEW_ADMIN && m.template === 'invitation',
    );
    expect(invitation.textBody).toContain('/admin/#/set-password?token=••••••••');
    const opened: string[] = [];
    for (const candidate of candidates) {
      const kind = await opensSomething(candidate);
      if (kind) opened.push(`${kind}: ${candidate}`);
    }
    expect(opened).toEqual([]);
    // The old path from staff to admin: no invitation to accept, so no second admin signs in.
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: NEW_ADMIN, password: 'staff-chose-this-password-1' })
      .expect(401);
  });

  it('keeps no working token in the stored mail (what a database backup holds)', async () => {
    const rows: Array<{ text_body: string; html_body: string }> = await t.dataSource.query(
      `SELECT text_body, html_body FROM mail_messages`,
    );
    const stored = new Set(rows.flatMap((r) => [...harvest(r.text_body), ...harvest(r.html_body)]));
    const live: Array<{ hash: string }> = await t.dataSource.query(
      `SELECT link_token_hash AS hash FROM offers WHERE link_token_hash IS NOT NULL
       UNION ALL SELECT reconfirm_token_hash FROM dispatches WHERE reconfirm_token_hash IS NOT NULL
       UNION ALL SELECT calendar_token_hash FROM dispatches WHERE calendar_token_hash IS NOT NULL
       UNION ALL SELECT calendar_feed_token_hash FROM volunteers WHERE calendar_feed_token_hash IS NOT NULL
       UNION ALL SELECT token_hash FROM user_invitations`,
    );
    const hashes = new Set(live.map((r) => r.hash));
    expect([...stored].filter((s) => hashes.has(sha256(s)))).toEqual([]);
    expect(rows.some((r) => /lnk~offer~/.test(r.text_body))).toBe(true);
    expect(rows.some((r) => /\/api\/calendar\/dispatches\/lnk~calendar~[0-9a-f-]{36}~\.ics/.test(r.text_body))).toBe(
      true,
    );
  });

  it('shows the addressee their own mail with a link that works', async () => {
    const volunteer = world.volunteers[1];
    const res = await t
      .http()
      .get('/api/mail')
      .query({ perPage: 100 })
      .set('Authorization', volunteer.auth)
      .expect(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(res.body.data.every((m: { userId: string }) => m.userId === volunteer.userId)).toBe(true);
    const offer = res.body.data.find((m: { template: string }) => m.template === 'offer');
    const token = /offer-links\/([A-Za-z0-9_-]+)/.exec(offer.textBody)![1];
    expect(offer.htmlBody).toContain(token);
    expect((await t.http().get(`/api/offer-links/${token}`).expect(200)).body).toMatchObject({
      requestId: ids.offered,
      answerable: true,
    });
    // Read again, the same link: reading one's mail does not kill the link in it.
    const again = await t
      .http()
      .get('/api/mail')
      .query({ perPage: 100 })
      .set('Authorization', volunteer.auth)
      .expect(200);
    expect(again.body.data.find((m: { id: string }) => m.id === offer.id).textBody).toContain(token);
    // Nobody else's mail is in a volunteer's list.
    expect(res.body.data.some((m: { to: string }) => m.to === NEW_ADMIN)).toBe(false);
  });

  it('never fills a marker a user typed into their own name (it names someone else’s link)', async () => {
    // The admin's invitation id is no secret to staff (it is in the Message-ID they can read).
    const marker = `lnk~invitation~${(await t.dataSource.query(`SELECT id FROM user_invitations ORDER BY created_at DESC LIMIT 1`))[0].id}~`;
    await t
      .http()
      .patch('/api/auth/me')
      .set('Authorization', world.coordinator.auth)
      .send({ displayName: marker })
      .expect(200);
    // A mail to the coordinator that carries their name: their hospital's visit is confirmed.
    const visit = jst(9, '14:00');
    await world.dispatch(visit, jst(9, '15:00'), world.volunteers[1].id);
    const res = await t
      .http()
      .get('/api/mail')
      .query({ perPage: 100 })
      .set('Authorization', world.coordinator.auth)
      .expect(200);
    const named = res.body.data.filter((m: { textBody: string }) => m.textBody.includes('••••••••'));
    expect(named.length).toBeGreaterThan(0);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(marker);
    for (const candidate of harvest(text)) expect(await opensSomething(candidate)).toBeNull();
  });
});

describe('A link made when the mail leaves, over SMTP', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    t = await createTestApp({ SMTP_URL: smtp.url, APP_URL: 'https://dispatch.example.jp' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('delivers an invitation whose link sets the password, though the outbox never held it', async () => {
    const admin = await login(t, ADMIN.email, ADMIN.password);
    const user = (
      await t
        .http()
        .post('/api/users')
        .set('Authorization', admin.auth)
        .send({ email: 'jiro@example.jp', role: 'staff', displayName: '熊本 次郎' })
        .expect(201)
    ).body;
    expect(await t.app.get(MailSender).sendDue()).toBe(1);
    const [received] = smtp.received.filter((m) => m.to.includes('jiro@example.jp'));
    const token = /https:\/\/dispatch\.example\.jp\/admin\/#\/set-password\?token=([A-Za-z0-9_-]{43})/.exec(
      received.text,
    )![1];
    expect(received.html).toContain(token);
    const [row] = await t.dataSource.query(
      `SELECT text_body, html_body, status, idempotency_key FROM mail_messages WHERE user_id = $1`,
      [user.id],
    );
    expect(row.status).toBe('sent');
    expect(row.text_body + row.html_body).not.toContain(token);
    // The same mail leaving again (a crash between SMTP and "sent") carries the same link.
    const [again] = await t.app
      .get(MailLinks)
      .fill(t.dataSource.manager, { idempotencyKey: row.idempotency_key }, [row.text_body]);
    expect(again).toContain(token);

    await t
      .http()
      .post(`/api/auth/invitations/${token}`)
      .send({ password: 'a-long-and-unusual-passphrase-42' })
      .expect(204);
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'jiro@example.jp', password: 'a-long-and-unusual-passphrase-42' })
      .expect(200);
  });
});
