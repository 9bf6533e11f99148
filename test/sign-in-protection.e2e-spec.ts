import { ADMIN, createTestApp, login, TestApp } from './support/test-app';
import { aUser } from './support/factories';
import { UsersService } from '../apps/api/src/users/users.service';
import { fileRequest, visitWorld } from './support/visit-fixtures';
import { jst, TODAY } from './support/workflow-fixtures';

const OWNER_HOME = '198.51.100.10';
const wrong = 'not-the-owners-password';

describe('Sign-in that protects without locking out (API)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      TRUST_PROXY: '1',
      LOGIN_IP_LIMIT: '50',
      LOGIN_PAIR_LIMIT: '3',
      LOGIN_ACCOUNT_LIMIT: '4',
      LOGIN_ACCOUNT_MAX_SPACING_SECONDS: '1',
      LOGIN_WINDOW_SECONDS: '60',
      LOGIN_BLOCK_SECONDS: '60',
    });
  });
  afterAll(() => t.close());

  const attempt = (from: string, email: string, password: string) =>
    t.http().post('/api/auth/login').set('x-forwarded-for', from).send({ email, password });

  it('leaves the owner able to sign in from their address while a stranger keeps guessing from another', async () => {
    const owner = await aUser(t, { role: 'staff' });
    expect((await attempt(OWNER_HOME, owner.email, owner.password)).status).toBe(200);

    const stranger: number[] = [];
    for (let i = 0; i < 8; i++) stranger.push((await attempt('203.0.113.66', owner.email, wrong)).status);
    expect(stranger).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
    // Even the right password from the stranger's address is held back: the pair is blocked, not the account.
    expect((await attempt('203.0.113.66', owner.email, owner.password)).status).toBe(429);

    expect((await attempt(OWNER_HOME, owner.email, owner.password)).status).toBe(200);
    // And from an address of their own they never used, the owner is not refused either.
    expect((await attempt('192.0.2.44', owner.email, owner.password)).status).toBe(200);
  });

  it('slows guessing from many addresses down, with Retry-After once the wait is too long, while the owner at home goes straight through', async () => {
    const owner = await aUser(t, { role: 'staff' });
    expect((await attempt(OWNER_HOME, owner.email, owner.password)).status).toBe(200);

    const started = Date.now();
    const botnet = Promise.all(
      Array.from({ length: 18 }, async (_, i) => {
        const res = await attempt(`203.0.113.${100 + i}`, owner.email, wrong);
        return { status: res.status, retryAfter: res.headers['retry-after'], ms: Date.now() - started };
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const home = Date.now();
    expect((await attempt(OWNER_HOME, owner.email, owner.password)).status).toBe(200);
    expect(Date.now() - home).toBeLessThan(1500);

    const answers = await botnet;
    const refused = answers.filter((a) => a.status === 429);
    const checked = answers.filter((a) => a.status === 401);
    expect(refused.length).toBeGreaterThan(0);
    for (const a of refused) expect(Number(a.retryAfter)).toBeGreaterThan(0);
    // Four at once, then one a second (LOGIN_ACCOUNT_MAX_SPACING_SECONDS=1): the last checked guess waited for its turn.
    expect(checked.length).toBeGreaterThan(4);
    expect(Math.max(...checked.map((a) => a.ms))).toBeGreaterThan((checked.length - 5) * 1000 - 500);
  }, 30_000);
});

describe('Password strength on every password set, and malformed sign-ins (API)', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await login(t, ADMIN.email, ADMIN.password)).auth;
  });
  afterAll(() => t.close());

  const create = (email: string, password: string, locale: 'ja' | 'en') =>
    t
      .http()
      .post('/api/users')
      .set('Authorization', admin)
      .send({ email, role: 'staff', displayName: 'Mori Taro', locale, password });

  it.each(['aaaaaaaaaa', ' '.repeat(10), 'password123', '1234567890', 'mori.taro@example.jp'])(
    'refuses %j with 422 naming password, in Japanese and in English',
    async (password) => {
      const ja = await create('mori.taro@example.jp', password, 'ja').expect(422);
      expect(ja.body.code).toBe('WEAK_PASSWORD');
      expect(ja.body.errors.password).toEqual([
        expect.stringMatching(/^このパスワードは推測されやすいため使えません。/),
      ]);
      const en = await create('mori.taro@example.jp', password, 'en').expect(422);
      expect(en.body.errors.password).toEqual([expect.stringMatching(/^This password is too easy to guess\./)]);
    },
  );

  it('refuses ten NULs as a password before any rule: 400 naming password (no text may hold NUL)', async () => {
    const res = await create('mori.taro@example.jp', '\u0000'.repeat(10), 'ja').expect(400);
    expect(res.body).toMatchObject({ code: 'MALFORMED_INPUT', errors: { password: [expect.any(String)] } });
  });

  it('answers 400 naming email, not 500, when the login e-mail is not a string', async () => {
    for (const email of [{ toString: 1 }, { toString: 'x', valueOf: 1 }, ['admin@test.example.jp'], null, 42]) {
      const res = await t.http().post('/api/auth/login').send({ email, password: 'whatever-it-is' });
      expect(res.status).toBe(400);
      // The field itself, or a key under it (`email.toString`: an inherited name, refused before any guard).
      expect(Object.keys(res.body.errors).some((field) => field === 'email' || field.startsWith('email.'))).toBe(true);
    }
  });

  it('says why in the feedback, and takes a strong password', async () => {
    const ja = await create('mori.taro@example.jp', 'aaaaaaaaaa', 'ja').expect(422);
    expect(ja.body.errors.password[0]).toContain('繰り返し');
    const en = await create('mori.taro@example.jp', 'password123', 'en').expect(422);
    expect(en.body.errors.password[0]).toContain('commonly used password');
    await create('mori.taro@example.jp', 'tram-camellia-orbit-41', 'ja').expect(201);
  });

  it('refuses to create the first admin from a weak ADMIN_PASSWORD, naming the setting', async () => {
    await t.dataSource.query(`UPDATE users SET role = 'staff' WHERE role = 'admin'`);
    const ensure = (password: string) => t.app.get(UsersService).ensureAdmin('first-admin@test.example.jp', password);
    await expect(ensure('aaaaaaaaaa')).rejects.toThrow(/^ADMIN_PASSWORD: This password is too easy to guess/);
    await expect(ensure('tram-camellia-orbit-41')).resolves.toBe(true);
  });
});

describe('Answers carry views only, and are never cached (API)', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof visitWorld>>;
  // reconfirmedAt is the contract's (API.md "The volunteer's visit"); the flag and the link's hash are not.
  const INTERNAL = /hash|token|busy|area|cancelReason|offerId|reconfirmation/i;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
    world = await visitWorld(t, 2);
  });
  afterAll(() => t.close());

  it('returns the dispatch view from assign: no token hash or internal field', async () => {
    const { id } = await fileRequest(t, world.coordinator.auth, {
      startsAt: jst(10, '10:00'),
      endsAt: jst(10, '11:00'),
    });
    const res = await t
      .http()
      .post(`/api/requests/${id}/assign`)
      .set('Authorization', world.staff)
      .send({ volunteerId: world.volunteers[0].id })
      .expect(200);
    expect(res.body.dispatch).toMatchObject({
      requestId: id,
      volunteerId: world.volunteers[0].id,
      status: 'confirmed',
    });
    expect(Object.keys(res.body.dispatch).filter((key) => INTERNAL.test(key))).toEqual([]);
  });

  it('returns the dispatch view from a volunteer’s accept: no token hash or internal field', async () => {
    const volunteer = world.volunteers[1];
    const { id } = await fileRequest(t, world.coordinator.auth, {
      startsAt: jst(12, '10:00'),
      endsAt: jst(12, '11:00'),
    });
    await t
      .http()
      .post(`/api/requests/${id}/offers`)
      .set('Authorization', world.staff)
      .send({ volunteerIds: [volunteer.id] })
      .expect(200);
    const offers = await t.http().get('/api/offers?status=pending').set('Authorization', volunteer.auth).expect(200);
    const offer = offers.body.data.find((o: { requestId: string }) => o.requestId === id);
    const res = await t.http().post(`/api/offers/${offer.id}/accept`).set('Authorization', volunteer.auth).expect(200);
    expect(res.body.dispatch).toMatchObject({ requestId: id, volunteerId: volunteer.id, status: 'confirmed' });
    expect(Object.keys(res.body.dispatch).filter((key) => INTERNAL.test(key))).toEqual([]);
  });

  it('marks every API answer Cache-Control: no-store — patient details, sign-in, errors and public links alike', async () => {
    const { id } = await fileRequest(t, world.coordinator.auth, {
      startsAt: jst(14, '10:00'),
      endsAt: jst(14, '11:00'),
    });
    const patient = await t.http().get(`/api/requests/${id}`).set('Authorization', world.coordinator.auth).expect(200);
    expect(JSON.stringify(patient.body)).toContain('グエン');
    const answers = [
      patient,
      await t.http().get('/api/requests').set('Authorization', world.staff).expect(200),
      await t.http().post('/api/auth/login').send({ email: ADMIN.email, password: ADMIN.password }).expect(200),
      await t.http().get(`/api/requests/${id}`).expect(401),
      await t.http().get('/api/offer-links/not-a-real-token-but-long-enough').expect(404),
      await t.http().get('/api/health'),
    ];
    for (const res of answers) expect(res.headers['cache-control']).toMatch(/(^|, )no-store(,|$)/);
  });
});
