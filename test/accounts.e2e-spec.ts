import { generate } from 'otplib';
import { MailSender } from '../apps/api/src/mail/mail-sender';
import { REFRESH_COOKIE, SIGNED_IN_COOKIE } from '../apps/api/src/auth/session-cookie';
import { aUser } from './support/factories';
import { deliveredText } from './support/delivered-mail';
import { TestSmtpServer } from './support/smtp-server';
import { ADMIN, createTestApp, login, TestApp } from './support/test-app';

const APP_URL = 'https://dispatch.example.jp';
const MINUTE = 60_000;
const NEW_PASSWORD = 'kumamoto-castle-spring-morning';
const RESET_LINK = /https:\/\/dispatch\.example\.jp\/admin\/#\/reset-password\?token=([A-Za-z0-9_-]{43})/;

/** The cookie a response set, as `name=value; attr; …`, or undefined. */
function setCookie(res: { headers: Record<string, unknown> }): string | undefined {
  const all = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  return all.find((c) => c.startsWith(`${REFRESH_COOKIE}=`));
}
const cookieValue = (header: string | undefined) => header?.split(';')[0].slice(REFRESH_COOKIE.length + 1) ?? '';
const asCookie = (value: string) => `${REFRESH_COOKIE}=${value}`;

describe('Password recovery by mail (API, real SMTP)', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    t = await createTestApp({ APP_URL, SMTP_URL: smtp.url, PASSWORD_RESET_TTL_MINUTES: '60' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });
  beforeEach(() => t.clock.reset());

  /** Asks for a reset and returns what reached the mailbox (over SMTP) for this address. */
  async function requestReset(email: string) {
    const res = await t.http().post('/api/auth/password-reset').send({ email }).expect(202);
    await t.app.get(MailSender).sendDue();
    const mail = smtp.received.filter((m) => m.to.includes(email)).at(-1);
    return { res, mail, token: mail ? (RESET_LINK.exec(mail.text)?.[1] ?? '') : '' };
  }

  it('answers a known and an unknown address alike; mails the known one, in its language, a single-use link', async () => {
    const user = await aUser(t, { role: 'volunteer' });
    const before = smtp.received.length;
    const unknown = await requestReset('nobody-here@example.jp');
    expect(smtp.received.length).toBe(before);
    const known = await requestReset(user.email);
    expect(known.res.body).toEqual(unknown.res.body);
    expect(known.res.body).toEqual({ message: expect.any(String) });

    expect(known.mail?.subject).toBe('【熊本 医療通訳】パスワードの再設定');
    expect(known.mail?.text).toContain('新しいパスワードを設定する');
    expect(known.token).toHaveLength(43);
    // The outbox keeps a marker, never the token; the database only its hash.
    const [stored] = await t.dataSource.query(
      `SELECT text_body, html_body, template, locale FROM mail_messages WHERE user_id = $1`,
      [user.id],
    );
    expect(stored).toMatchObject({ template: 'password_reset', locale: 'ja' });
    expect(stored.text_body).toMatch(/reset-password\?token=lnk~reset~[0-9a-f-]{36}~/);
    expect(stored.text_body + stored.html_body).not.toContain(known.token);
    const [row] = await t.dataSource.query(`SELECT token_hash FROM password_resets WHERE user_id = $1`, [user.id]);
    expect(row.token_hash).toHaveLength(64);
    expect(row.token_hash).not.toContain(known.token);
  });

  it('writes to an English-speaking user in English', async () => {
    const user = await aUser(t, { role: 'coordinator' });
    await t.dataSource.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [user.id]);
    const { mail, token } = await requestReset(user.email);
    expect(mail?.subject).toBe('Kumamoto medical interpreting: reset your password');
    expect(mail?.text).toContain('Choose a new password');
    expect(token).toHaveLength(43);
  });

  it('sets the new password once, ends every session of the user, and the link is then dead (410)', async () => {
    const user = await aUser(t, { role: 'volunteer' });
    const phone = await login(t, user.email, user.password);
    const laptop = await login(t, user.email, user.password);
    const { token } = await requestReset(user.email);

    await t.http().post(`/api/auth/password-reset/${token}`).send({ password: NEW_PASSWORD }).expect(204);

    for (const session of [phone, laptop]) {
      await t.http().get('/api/auth/me').set('Authorization', session.auth).expect(401);
      await t.http().post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    }
    await t.http().post('/api/auth/login').send({ email: user.email, password: user.password }).expect(401);
    await login(t, user.email, NEW_PASSWORD);

    const again = await t.http().post(`/api/auth/password-reset/${token}`).send({ password: 'another-long-phrase-2' });
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('LINK_EXPIRED');
    await login(t, user.email, NEW_PASSWORD);
  });

  it('refuses an expired link with 410 LINK_EXPIRED (PASSWORD_RESET_TTL_MINUTES)', async () => {
    const user = await aUser(t, { role: 'volunteer' });
    t.clock.set(new Date());
    const { token } = await requestReset(user.email);
    t.clock.advance(60 * MINUTE + 1000);
    const res = await t.http().post(`/api/auth/password-reset/${token}`).send({ password: NEW_PASSWORD }).expect(410);
    expect(res.body.code).toBe('LINK_EXPIRED');
    await login(t, user.email, user.password);
  });

  it('answers an unknown or malformed token 410, bad input 4xx naming the field, and a weak password 422 keeping the link', async () => {
    for (const token of ['not-a-real-token-but-long-enough', 'x', '%E2%82%AC'])
      expect((await t.http().post(`/api/auth/password-reset/${token}`).send({ password: NEW_PASSWORD })).status).toBe(
        410,
      );
    const noEmail = await t.http().post('/api/auth/password-reset').send({ email: 'not an address' });
    expect([400, 422]).toContain(noEmail.status);
    expect(noEmail.body.errors).toHaveProperty('email');
    const extra = await t.http().post('/api/auth/password-reset').send({ email: 'a@example.jp', role: 'admin' });
    expect(extra.status).toBe(400);
    expect(extra.body.errors).toHaveProperty('role');

    const user = await aUser(t, { role: 'volunteer' });
    const { token } = await requestReset(user.email);
    const short = await t.http().post(`/api/auth/password-reset/${token}`).send({ password: 'short' });
    expect([400, 422]).toContain(short.status);
    expect(short.body.errors).toHaveProperty('password');
    const weak = await t.http().post(`/api/auth/password-reset/${token}`).send({ password: 'password123' }).expect(422);
    expect(weak.body).toMatchObject({
      code: 'WEAK_PASSWORD',
      errors: { password: [expect.stringMatching(/パスワード/)] },
    });
    await t.http().post(`/api/auth/password-reset/${token}`).send({ password: NEW_PASSWORD }).expect(204);
  });

  it('mails a second link only after a minute (no mail-bombing), and using one link uses up the others', async () => {
    const user = await aUser(t, { role: 'volunteer' });
    t.clock.set(new Date());
    const first = await requestReset(user.email);
    const count = smtp.received.filter((m) => m.to.includes(user.email)).length;
    await requestReset(user.email);
    expect(smtp.received.filter((m) => m.to.includes(user.email)).length).toBe(count);
    t.clock.advance(2 * MINUTE);
    const second = await requestReset(user.email);
    expect(second.token).not.toBe(first.token);
    await t.http().post(`/api/auth/password-reset/${second.token}`).send({ password: NEW_PASSWORD }).expect(204);
    // Using one link uses up every open link of the user.
    await t
      .http()
      .post(`/api/auth/password-reset/${first.token}`)
      .send({ password: 'another-long-phrase-2' })
      .expect(410);
  });

  it('mails nothing for a deactivated account', async () => {
    const user = await aUser(t, { role: 'volunteer' });
    await t.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [user.id]);
    const { mail } = await requestReset(user.email);
    expect(mail).toBeUndefined();
  });
});

describe('Password reset requests are throttled like sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    delete process.env.SMTP_URL;
    t = await createTestApp({
      TRUST_PROXY: '1',
      LOGIN_IP_LIMIT: '50',
      LOGIN_PAIR_LIMIT: '3',
      LOGIN_WINDOW_SECONDS: '60',
      LOGIN_BLOCK_SECONDS: '60',
    });
  });
  afterAll(() => t.close());

  it('refuses the fourth request for one address from one client with 429, while another client goes on', async () => {
    const user = await aUser(t, { role: 'volunteer' });
    const ask = (from: string) =>
      t.http().post('/api/auth/password-reset').set('x-forwarded-for', from).send({ email: user.email });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await ask('203.0.113.9')).status);
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
    expect((await ask('198.51.100.7')).status).toBe(202);
    // Guessing link tokens is throttled too.
    const guesses: number[] = [];
    for (let i = 0; i < 5; i++)
      guesses.push(
        (
          await t
            .http()
            .post(`/api/auth/password-reset/guess-${i}-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`)
            .set('x-forwarded-for', '203.0.113.77')
            .send({ password: NEW_PASSWORD })
        ).status,
      );
    expect(guesses).toEqual([410, 410, 410, 429, 429]);
  });
});

describe('Changing one’s password (API)', () => {
  let t: TestApp;
  beforeAll(async () => {
    delete process.env.SMTP_URL;
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const change = (auth: string, body: Record<string, unknown>) =>
    t.http().post('/api/auth/password').set('Authorization', auth).send(body);

  it('changes it with the current password, ends the other sessions and keeps this one', async () => {
    const user = await aUser(t, { role: 'volunteer' });
    const here = await login(t, user.email, user.password);
    const elsewhere = await login(t, user.email, user.password);

    await change(here.auth, { currentPassword: user.password, newPassword: NEW_PASSWORD }).expect(204);

    await t.http().get('/api/auth/me').set('Authorization', elsewhere.auth).expect(401);
    await t.http().post('/api/auth/refresh').send({ refreshToken: elsewhere.refreshToken }).expect(401);
    // This device goes on: its refresh token still works and answers a current access token.
    const renewed = await t.http().post('/api/auth/refresh').send({ refreshToken: here.refreshToken }).expect(200);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${renewed.body.accessToken}`).expect(200);

    await t.http().post('/api/auth/login').send({ email: user.email, password: user.password }).expect(401);
    await login(t, user.email, NEW_PASSWORD);
  });

  it('refuses a wrong current password (422 naming currentPassword) and a weak new one (422 naming newPassword)', async () => {
    const user = await aUser(t, { role: 'coordinator' });
    const { auth, refreshToken } = await login(t, user.email, user.password);
    const other = await login(t, user.email, user.password);
    const wrong = await change(auth, { currentPassword: 'not-my-password', newPassword: NEW_PASSWORD }).expect(422);
    expect(wrong.body).toMatchObject({ code: 'WRONG_PASSWORD', errors: { currentPassword: expect.any(Array) } });
    const weak = await change(auth, { currentPassword: user.password, newPassword: 'qwertyuiop' }).expect(422);
    expect(weak.body).toMatchObject({ code: 'WEAK_PASSWORD', errors: { newPassword: expect.any(Array) } });
    const missing = await change(auth, { currentPassword: user.password });
    expect([400, 422]).toContain(missing.status);
    expect(missing.body.errors).toHaveProperty('newPassword');
    // Nothing changed, and no session ended.
    await t.http().get('/api/auth/me').set('Authorization', other.auth).expect(200);
    await t.http().post('/api/auth/refresh').send({ refreshToken }).expect(200);
    await login(t, user.email, user.password);
  });

  it('needs a signed-in user', async () => {
    await t
      .http()
      .post('/api/auth/password')
      .send({ currentPassword: 'whatever-it-is', newPassword: NEW_PASSWORD })
      .expect(401);
  });
});

describe('Sessions kept in a cookie (the panel) beside the body-based pair (API clients)', () => {
  let t: TestApp;
  beforeAll(async () => {
    delete process.env.SMTP_URL;
    t = await createTestApp({ JWT_REFRESH_TTL_DAYS: '14' });
  });
  afterAll(() => t.close());

  it('with session: cookie and remember, sets a persistent httpOnly SameSite=Strict cookie on /api/auth and leaves the token out of the body', async () => {
    const user = await aUser(t, { role: 'volunteer' });
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ email: user.email, password: user.password, session: 'cookie', remember: true })
      .expect(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body).not.toHaveProperty('refreshToken');
    expect(res.body).not.toHaveProperty('persistent');
    const cookie = setCookie(res) ?? '';
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\/api\/auth(;|$)/);
    expect(cookie).toMatch(`; Max-Age=${14 * 86_400}`);
    expect(cookieValue(cookie)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The page's hint that a session is there holds nothing secret and lives as long.
    const hint = ((res.headers['set-cookie'] as unknown as string[]) ?? []).find((c) => c.startsWith(SIGNED_IN_COOKIE));
    expect(hint).toMatch(new RegExp(`^${SIGNED_IN_COOKIE}=1; Max-Age=${14 * 86_400}; Path=/; `));
    expect(hint).not.toMatch(/HttpOnly/);

    // The cookie alone refreshes, and the next cookie is as persistent as the first.
    const refreshed = await t.http().post('/api/auth/refresh').set('Cookie', cookie.split(';')[0]).send({}).expect(200);
    expect(refreshed.body).not.toHaveProperty('refreshToken');
    const next = setCookie(refreshed) ?? '';
    expect(next).toMatch(`; Max-Age=${14 * 86_400}`);
    expect(cookieValue(next)).not.toBe(cookieValue(cookie));
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${refreshed.body.accessToken}`).expect(200);

    // A rotated cookie presented again is refused, and the answer clears the cookie.
    const reused = await t.http().post('/api/auth/refresh').set('Cookie', cookie.split(';')[0]).send({}).expect(401);
    expect(setCookie(reused)).toMatch(/Expires=Thu, 01 Jan 1970/);
  });

  it('without remember, sets a session cookie (no Max-Age, no Expires)', async () => {
    const user = await aUser(t, { role: 'volunteer' });
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ email: user.email, password: user.password, session: 'cookie' })
      .expect(200);
    const cookie = setCookie(res) ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).not.toMatch(/Max-Age|Expires/);
    // No body at all is as good as an empty one.
    const refreshed = await t.http().post('/api/auth/refresh').set('Cookie', cookie.split(';')[0]).expect(200);
    expect(setCookie(refreshed)).not.toMatch(/Max-Age|Expires/);
  });

  it('signing out with the cookie ends that session and clears the cookie; other devices stay signed in', async () => {
    const user = await aUser(t, { role: 'volunteer' });
    const other = await login(t, user.email, user.password);
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ email: user.email, password: user.password, session: 'cookie', remember: true })
      .expect(200);
    const cookie = (setCookie(res) ?? '').split(';')[0];
    const out = await t.http().post('/api/auth/logout').set('Cookie', cookie).send({}).expect(204);
    expect(setCookie(out)).toMatch(
      /Expires=Thu, 01 Jan 1970.*Path=\/api\/auth|Path=\/api\/auth.*Expires=Thu, 01 Jan 1970/,
    );
    await t.http().post('/api/auth/refresh').set('Cookie', cookie).send({}).expect(401);
    await t.http().post('/api/auth/refresh').send({ refreshToken: other.refreshToken }).expect(200);
  });

  it('keeps the body-based pair for API clients, and answers a refresh with neither body token nor cookie 401', async () => {
    const user = await aUser(t, { role: 'staff' });
    const pair = await login(t, user.email, user.password);
    expect(pair.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const refreshed = await t.http().post('/api/auth/refresh').send({ refreshToken: pair.refreshToken }).expect(200);
    expect(refreshed.body.refreshToken).toEqual(expect.any(String));
    expect(setCookie(refreshed)).toBeUndefined();
    const none = await t.http().post('/api/auth/refresh').send({}).expect(401);
    expect(none.body.code).toBe('INVALID_REFRESH_TOKEN');
    await t.http().post('/api/auth/refresh').set('Cookie', asCookie('garbage')).send({}).expect(401);
    const bad = await t.http().post('/api/auth/login').send({ email: user.email, password: 'x', session: 'jar' });
    expect([400, 422]).toContain(bad.status);
    expect(bad.body.errors).toHaveProperty('session');
    const badRemember = await t
      .http()
      .post('/api/auth/login')
      .send({ email: user.email, password: 'x', remember: 'yes' });
    expect([400, 422]).toContain(badRemember.status);
    expect(badRemember.body.errors).toHaveProperty('remember');
  });

  it('completes a two-factor sign-in into a cookie session too', async () => {
    const staff = await aUser(t, { role: 'staff' });
    const { auth } = await login(t, staff.email, staff.password);
    const setup = await t.http().post('/api/auth/2fa/setup').set('Authorization', auth).expect(200);
    const secret: string = setup.body.secret;
    const now = new Date('2026-12-07T00:00:00Z');
    t.clock.set(now);
    const code = (at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
    await t
      .http()
      .post('/api/auth/2fa/enable')
      .set('Authorization', auth)
      .send({ code: await code(now) })
      .expect(200);
    const challenge = await t
      .http()
      .post('/api/auth/login')
      .send({ email: staff.email, password: staff.password, session: 'cookie', remember: true })
      .expect(200);
    expect(challenge.body.mfaRequired).toBe(true);
    expect(setCookie(challenge)).toBeUndefined();
    const later = new Date(now.getTime() + 60_000);
    t.clock.set(later);
    const verified = await t
      .http()
      .post('/api/auth/2fa/verify')
      .send({ mfaToken: challenge.body.mfaToken, code: await code(later), session: 'cookie', remember: true })
      .expect(200);
    expect(verified.body).not.toHaveProperty('refreshToken');
    const cookie = setCookie(verified) ?? '';
    expect(cookie).toMatch(/HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/);
    expect(cookie).toMatch(/Max-Age=/);
    await t.http().post('/api/auth/refresh').set('Cookie', cookie.split(';')[0]).send({}).expect(200);
    t.clock.reset();
  });
});

describe('Re-sending an invitation (API)', () => {
  let t: TestApp;
  let staff: { auth: string };
  let admin: { auth: string };
  beforeAll(async () => {
    delete process.env.SMTP_URL;
    t = await createTestApp({ APP_URL });
    admin = await login(t, ADMIN.email, ADMIN.password);
    const staffUser = await aUser(t, { role: 'staff' });
    staff = await login(t, staffUser.email, staffUser.password);
  });
  afterAll(() => t.close());

  const invitationTokens = async (userId: string) => {
    const mails = await t.dataSource.query(
      `SELECT text_body, idempotency_key FROM mail_messages WHERE user_id = $1 AND template = 'invitation' ORDER BY created_at`,
      [userId],
    );
    const tokens: string[] = [];
    for (const mail of mails)
      tokens.push(/set-password\?token=([A-Za-z0-9_-]+)/.exec(await deliveredText(t, mail))?.[1] ?? '');
    return tokens;
  };

  it('sends a new invitation mail (202) and the old link stops working', async () => {
    const created = await t
      .http()
      .post('/api/users')
      .set('Authorization', admin.auth)
      .send({ email: 'late-joiner@example.jp', role: 'staff', displayName: '遅れて 参加', locale: 'en' })
      .expect(201);
    const [oldToken] = await invitationTokens(created.body.id);

    await t.http().post(`/api/users/${created.body.id}/invitation`).set('Authorization', staff.auth).expect(202);

    const tokens = await invitationTokens(created.body.id);
    expect(tokens).toHaveLength(2);
    const newToken = tokens[1];
    expect(newToken).not.toBe(oldToken);
    const [mail] = await t.dataSource.query(
      `SELECT subject, locale FROM mail_messages WHERE user_id = $1 AND template = 'invitation' ORDER BY created_at DESC LIMIT 1`,
      [created.body.id],
    );
    expect(mail).toMatchObject({ locale: 'en', subject: expect.stringContaining('set your password') });

    expect((await t.http().get(`/api/auth/invitations/${oldToken}`).expect(200)).body).toMatchObject({
      valid: false,
      code: 'INVITATION_EXPIRED',
    });
    await t.http().post(`/api/auth/invitations/${oldToken}`).send({ password: NEW_PASSWORD }).expect(409);
    await t.http().post(`/api/auth/invitations/${newToken}`).send({ password: NEW_PASSWORD }).expect(204);
    await login(t, 'late-joiner@example.jp', NEW_PASSWORD);

    // Now that the password is set, there is nothing to invite to.
    const again = await t.http().post(`/api/users/${created.body.id}/invitation`).set('Authorization', admin.auth);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PASSWORD_ALREADY_SET');
  });

  it('is staff’s: a volunteer is refused (403); an unknown user is 404, a malformed id 400; a deactivated account 409', async () => {
    const volunteer = await aUser(t, { role: 'volunteer' });
    const { auth } = await login(t, volunteer.email, volunteer.password);
    await t.http().post(`/api/users/${volunteer.id}/invitation`).set('Authorization', auth).expect(403);
    await t
      .http()
      .post('/api/users/00000000-0000-4000-8000-000000000000/invitation')
      .set('Authorization', staff.auth)
      .expect(404);
    const bad = await t.http().post('/api/users/not-a-uuid/invitation').set('Authorization', staff.auth).expect(400);
    expect(bad.body.code).toBeDefined();
    const created = await t
      .http()
      .post('/api/users')
      .set('Authorization', admin.auth)
      .send({ email: 'gone-away@example.jp', role: 'staff', displayName: '休止 中' })
      .expect(201);
    await t
      .http()
      .patch(`/api/users/${created.body.id}`)
      .set('Authorization', admin.auth)
      .send({ active: false })
      .expect(200);
    const inactive = await t.http().post(`/api/users/${created.body.id}/invitation`).set('Authorization', staff.auth);
    expect(inactive.status).toBe(409);
    expect(inactive.body.code).toBe('USER_INACTIVE');
  });
});
