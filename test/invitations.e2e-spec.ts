import { ADMIN, createTestApp, login, TestApp } from './support/test-app';
import { deliveredText } from './support/delivered-mail';
import { PasswordHasher } from '../apps/api/src/users/password-hasher';

const APP_URL = 'https://dispatch.example.jp';
const HOUR = 60 * 60_000;

describe('Invitations (set a password from the e-mail link)', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof login>>;

  beforeAll(async () => {
    delete process.env.SMTP_URL;
    t = await createTestApp({ APP_URL, INVITATION_TTL_HOURS: '72' });
    admin = await login(t, ADMIN.email, ADMIN.password);
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.reset());

  /** Creates a user without a password and returns the token from the invitation mail. */
  async function invite(email: string, extra: Record<string, unknown> = {}) {
    const res = await t
      .http()
      .post('/api/users')
      .set('Authorization', admin.auth)
      .send({ email, role: 'staff', displayName: '熊本 次郎', ...extra })
      .expect(201);
    const [mail] = await t.dataSource.query(
      `SELECT * FROM mail_messages WHERE user_id = $1 AND template = 'invitation'`,
      [res.body.id],
    );
    const match = /https:\/\/dispatch\.example\.jp\/admin\/#\/set-password\?token=([A-Za-z0-9_-]+)/.exec(
      await deliveredText(t, mail),
    );
    return { user: res.body, mail, token: match?.[1] ?? '' };
  }

  it('mails a user created without a password a link that sets it once; then the user can sign in', async () => {
    const { user, mail, token } = await invite('jiro@example.jp', { locale: 'en' });
    expect(mail).toMatchObject({ to_address: 'jiro@example.jp', locale: 'en', status: 'kept', user_id: user.id });
    expect(mail.subject).toContain('set your password');
    expect(token).toHaveLength(43);
    await t.http().post('/api/auth/login').send({ email: 'jiro@example.jp', password: 'a-new-password-1' }).expect(401);

    const check = await t.http().get(`/api/auth/invitations/${token}`).expect(200);
    expect(check.body).toMatchObject({ valid: true, email: 'jiro@example.jp', displayName: '熊本 次郎' });

    await t.http().post(`/api/auth/invitations/${token}`).send({ password: 'a-new-password-1' }).expect(204);
    const session = await login(t, 'jiro@example.jp', 'a-new-password-1');
    expect(session.user.id).toBe(user.id);

    const reuse = await t
      .http()
      .post(`/api/auth/invitations/${token}`)
      .send({ password: 'another-password-2' })
      .expect(409);
    expect(reuse.body.code).toBe('INVITATION_USED');
    expect((await t.http().get(`/api/auth/invitations/${token}`).expect(200)).body).toEqual({
      valid: false,
      code: 'INVITATION_USED',
      expiresAt: expect.any(String),
    });
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'jiro@example.jp', password: 'another-password-2' })
      .expect(401);
  });

  it('stores only the hash of the token', async () => {
    const { user, token } = await invite('hash@example.jp');
    const [row] = await t.dataSource.query('SELECT token_hash FROM user_invitations WHERE user_id = $1', [user.id]);
    expect(row.token_hash).toHaveLength(64);
    expect(row.token_hash).not.toContain(token);
  });

  it('refuses an expired link', async () => {
    const { token } = await invite('late@example.jp');
    t.clock.set(new Date(Date.now() + 72 * HOUR + 1000));
    expect((await t.http().get(`/api/auth/invitations/${token}`).expect(200)).body).toMatchObject({
      valid: false,
      code: 'INVITATION_EXPIRED',
    });
    const res = await t
      .http()
      .post(`/api/auth/invitations/${token}`)
      .send({ password: 'a-new-password-1' })
      .expect(409);
    expect(res.body.code).toBe('INVITATION_EXPIRED');
    await t.http().post('/api/auth/login').send({ email: 'late@example.jp', password: 'a-new-password-1' }).expect(401);
  });

  it('answers 404 for an unknown token, and 400/422 for a bad password', async () => {
    await t.http().get('/api/auth/invitations/not-a-real-token-but-long-enough').expect(404);
    const res = await t.http().post('/api/auth/invitations/x').send({ password: 'a-new-password-1' }).expect(404);
    expect(res.body.code).toBe('INVITATION_NOT_FOUND');
    const { token } = await invite('short@example.jp');
    const bad = await t.http().post(`/api/auth/invitations/${token}`).send({ password: 'short' });
    expect([400, 422]).toContain(bad.status);
    await t.http().get(`/api/auth/invitations/${token}`).expect(200);
  });

  it('refuses a weak password with 422 naming password, in the invited user’s language, and keeps the link', async () => {
    // (Ten NULs never reach the rule: no text may hold NUL, 400 naming password — test/hostile-input.)
    const weak = ['aaaaaaaaaa', ' '.repeat(10), 'password123', 'qwertyuiop', 'weak-user@example.jp'];
    const { token: jaToken } = await invite('weak-user@example.jp', { locale: 'ja' });
    for (const password of weak) {
      const res = await t.http().post(`/api/auth/invitations/${jaToken}`).send({ password }).expect(422);
      expect(res.body.code).toBe('WEAK_PASSWORD');
      expect(res.body.errors.password[0]).toMatch(/パスワード/);
    }
    const { token: enToken } = await invite('weak-en@example.jp', { locale: 'en' });
    const en = await t.http().post(`/api/auth/invitations/${enToken}`).send({ password: 'aaaaaaaaaa' }).expect(422);
    expect(en.body.errors.password).toEqual([expect.stringMatching(/too easy to guess.*Repeated characters/)]);
    expect((await t.http().get(`/api/auth/invitations/${jaToken}`).expect(200)).body.valid).toBe(true);
    await t.http().post(`/api/auth/invitations/${jaToken}`).send({ password: 'a-good-long-passphrase' }).expect(204);
  });

  it('looks the token up before hashing: an unknown, used or expired link costs no argon2 hash', async () => {
    const hash = jest.spyOn(PasswordHasher.prototype, 'hash');
    try {
      await t
        .http()
        .post('/api/auth/invitations/not-a-real-token-but-long-enough')
        .send({ password: 'a-new-password-1' })
        .expect(404);
      const { token } = await invite('used-once@example.jp');
      await t.http().post(`/api/auth/invitations/${token}`).send({ password: 'a-new-password-1' }).expect(204);
      hash.mockClear();
      await t.http().post(`/api/auth/invitations/${token}`).send({ password: 'a-new-password-2' }).expect(409);
      expect(hash).not.toHaveBeenCalled();
    } finally {
      hash.mockRestore();
    }
  });

  it('sets the password once when the same link is submitted twice at the same moment', async () => {
    const { token } = await invite('twice@example.jp');
    const answers = await Promise.all([
      t.http().post(`/api/auth/invitations/${token}`).send({ password: 'first-password-1' }),
      t.http().post(`/api/auth/invitations/${token}`).send({ password: 'second-password-2' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([204, 409]);
    const winner = answers[0].status === 204 ? 'first-password-1' : 'second-password-2';
    await login(t, 'twice@example.jp', winner);
  });

  it('sends no invitation to a user created with a password', async () => {
    const res = await t
      .http()
      .post('/api/users')
      .set('Authorization', admin.auth)
      .send({ email: 'direct@example.jp', role: 'staff', displayName: 'D', password: 'given-password-1' })
      .expect(201);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM user_invitations WHERE user_id = $1', [
      res.body.id,
    ]);
    expect(n).toBe(0);
    const [{ m }] = await t.dataSource.query('SELECT count(*)::int AS m FROM mail_messages WHERE user_id = $1', [
      res.body.id,
    ]);
    expect(m).toBe(0);
  });

  it('creates neither the user nor the invitation when the e-mail is taken', async () => {
    await invite('taken@example.jp');
    await t
      .http()
      .post('/api/users')
      .set('Authorization', admin.auth)
      .send({ email: 'taken@example.jp', role: 'staff', displayName: 'X' })
      .expect(409);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM mail_messages WHERE to_address = 'taken@example.jp'`,
    );
    expect(n).toBe(1);
  });
});
