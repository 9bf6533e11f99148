import { Controller, Get } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ADMIN, createTestApp, login, TestApp } from './support/test-app';
import { aUser } from './support/factories';

const SECRET = 'test-secret-that-is-long-enough-0123456789';

/** A route whose author forgot to declare roles: the guard must refuse it. */
@Controller('undeclared')
class UndeclaredController {
  @Get()
  open() {
    return { leaked: true };
  }
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('Auth (API)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, [UndeclaredController]);
  });
  afterAll(() => t.close());

  describe('login', () => {
    it('signs in the admin created at start-up and returns tokens and the user', async () => {
      const res = await t.http().post('/api/auth/login').send(ADMIN).expect(200);
      expect(res.body).toMatchObject({ expiresIn: 900, user: { email: ADMIN.email, role: 'admin' } });
      expect(res.body.accessToken).toEqual(expect.any(String));
      expect(res.body.refreshToken).toEqual(expect.any(String));
      expect(res.body.user.passwordHash).toBeUndefined();
      await t.http().get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    });

    it('answers a wrong password and an unknown account with the same 401', async () => {
      const wrong = await t
        .http()
        .post('/api/auth/login')
        .send({ email: ADMIN.email, password: 'not-the-password' })
        .expect(401);
      const unknown = await t
        .http()
        .post('/api/auth/login')
        .send({ email: 'nobody@test.example.jp', password: 'not-the-password' })
        .expect(401);
      const { requestId: a, ...wrongBody } = wrong.body;
      const { requestId: b, ...unknownBody } = unknown.body;
      expect(wrongBody).toEqual({ code: 'INVALID_CREDENTIALS', message: expect.any(String) });
      expect(unknownBody).toEqual(wrongBody);
      expect(a).not.toEqual(b);
    });

    it('treats the e-mail case-insensitively', async () => {
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: ADMIN.email.toUpperCase(), password: ADMIN.password })
        .expect(200);
    });

    it('refuses a malformed body with 400 naming the field', async () => {
      const res = await t.http().post('/api/auth/login').send({ email: 'not-an-email', password: 'x' }).expect(400);
      expect(res.body.errors).toHaveProperty('email');
    });
  });

  describe('access tokens', () => {
    let admin: Awaited<ReturnType<typeof login>>;
    const jwt = new JwtService({ secret: SECRET });
    beforeAll(async () => {
      admin = await login(t, ADMIN.email, ADMIN.password);
    });

    const me = (token: string) => t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    const claims = () => ({ sub: admin.user.id, role: 'admin', ver: 0 });

    it('refuses a request without a token', async () => {
      const res = await t.http().get('/api/auth/me').expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it('refuses an expired token', async () => {
      const expired = jwt.sign(
        { ...claims(), exp: Math.floor(Date.now() / 1000) - 10 },
        { issuer: 'kumamoto-dispatch', audience: 'kumamoto-dispatch-api' },
      );
      await me(expired).expect(401);
    });

    it('refuses a tampered token', async () => {
      const [header, , signature] = admin.accessToken.split('.');
      const forged = `${header}.${base64url({ ...claims(), role: 'admin', sub: admin.user.id, extra: 1 })}.${signature}`;
      await me(forged).expect(401);
    });

    it('refuses an unsigned (alg none) token', async () => {
      const now = Math.floor(Date.now() / 1000);
      const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims(), iat: now, exp: now + 600, iss: 'kumamoto-dispatch', aud: 'kumamoto-dispatch-api' })}.`;
      await me(unsigned).expect(401);
    });

    it('refuses a token for another audience or issuer', async () => {
      await me(jwt.sign(claims(), { issuer: 'kumamoto-dispatch', audience: 'another-api', expiresIn: 600 })).expect(
        401,
      );
      await me(
        jwt.sign(claims(), { issuer: 'someone-else', audience: 'kumamoto-dispatch-api', expiresIn: 600 }),
      ).expect(401);
    });

    it('refuses a token signed with another key', async () => {
      const other = new JwtService({ secret: 'another-secret-that-is-long-enough-987654' });
      await me(
        other.sign(claims(), { issuer: 'kumamoto-dispatch', audience: 'kumamoto-dispatch-api', expiresIn: 600 }),
      ).expect(401);
    });
  });

  describe('refresh tokens', () => {
    it('rotates on every use; reusing a rotated token revokes the whole family', async () => {
      const first = await login(t, ADMIN.email, ADMIN.password);
      const second = await t.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200);
      expect(second.body.refreshToken).not.toEqual(first.refreshToken);

      const reuse = await t.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
      expect(reuse.body.code).toBe('INVALID_REFRESH_TOKEN');
      // The thief's reuse also ends the legitimate holder's newer token.
      await t.http().post('/api/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(401);
    });

    it('lets exactly one of two simultaneous refreshes of one token through', async () => {
      const session = await login(t, ADMIN.email, ADMIN.password);
      const results = await Promise.all(
        [0, 1, 2, 3].map(() => t.http().post('/api/auth/refresh').send({ refreshToken: session.refreshToken })),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    });

    it('ends the session on logout', async () => {
      const session = await login(t, ADMIN.email, ADMIN.password);
      await t.http().post('/api/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
      await t.http().post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    });
  });

  describe('roles', () => {
    it('refuses a coordinator on an admin route with 403', async () => {
      const coordinator = await aUser(t, { role: 'coordinator' });
      const session = await login(t, coordinator.email, coordinator.password);
      const res = await t.http().get('/api/users').set('Authorization', session.auth).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
    });

    it('refuses a route that declares no roles, even to an admin (fail closed)', async () => {
      const admin = await login(t, ADMIN.email, ADMIN.password);
      await t.http().get('/api/undeclared').set('Authorization', admin.auth).expect(403);
    });

    it('refuses an unknown field on a self-update with 400, and changes nothing', async () => {
      const volunteer = await aUser(t, { role: 'volunteer' });
      const session = await login(t, volunteer.email, volunteer.password);
      const res = await t
        .http()
        .patch('/api/auth/me')
        .set('Authorization', session.auth)
        .send({ role: 'admin', displayName: 'x' })
        .expect(400);
      expect(res.body).toMatchObject({ code: 'UNKNOWN_FIELD', errors: { role: expect.any(Array) } });
      const me = await t.http().get('/api/auth/me').set('Authorization', session.auth).expect(200);
      expect(me.body).toMatchObject({ role: 'volunteer', displayName: volunteer.displayName });
    });

    it('lets a user change their own display name and locale', async () => {
      const staff = await aUser(t, { role: 'staff' });
      const session = await login(t, staff.email, staff.password);
      await t
        .http()
        .patch('/api/auth/me')
        .set('Authorization', session.auth)
        .send({ displayName: '熊本 太郎', locale: 'en' })
        .expect(200);
      const me = await t.http().get('/api/auth/me').set('Authorization', session.auth).expect(200);
      expect(me.body).toMatchObject({ displayName: '熊本 太郎', locale: 'en' });
    });
  });

  describe('user management', () => {
    it('deactivating a user ends their sessions at once', async () => {
      const admin = await login(t, ADMIN.email, ADMIN.password);
      const staff = await aUser(t, { role: 'staff' });
      const session = await login(t, staff.email, staff.password);
      await t.http().get('/api/auth/me').set('Authorization', session.auth).expect(200);

      await t
        .http()
        .patch(`/api/users/${staff.id}`)
        .set('Authorization', admin.auth)
        .send({ active: false })
        .expect(200);

      await t.http().get('/api/auth/me').set('Authorization', session.auth).expect(401);
      await t.http().post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
      await t.http().post('/api/auth/login').send({ email: staff.email, password: staff.password }).expect(401);
    });

    it('creates, lists and reads users; a duplicate e-mail is a 409 naming the field', async () => {
      const admin = await login(t, ADMIN.email, ADMIN.password);
      const body = {
        email: 'New.Staff@Test.Example.jp',
        role: 'staff',
        displayName: '新しい 職員',
        password: 'a-long-password',
      };
      const created = await t.http().post('/api/users').set('Authorization', admin.auth).send(body).expect(201);
      expect(created.body).toMatchObject({ email: 'new.staff@test.example.jp', role: 'staff', active: true });
      const dup = await t.http().post('/api/users').set('Authorization', admin.auth).send(body).expect(409);
      expect(dup.body).toMatchObject({ code: 'EMAIL_TAKEN', errors: { email: expect.any(Array) } });

      const list = await t.http().get('/api/users?role=staff&perPage=500').set('Authorization', admin.auth).expect(200);
      expect(list.body.data.map((u: { email: string }) => u.email)).toContain('new.staff@test.example.jp');
      await t.http().get(`/api/users/${created.body.id}`).set('Authorization', admin.auth).expect(200);
    });

    it('refuses a coordinator without a hospital with 422 naming hospitalId', async () => {
      const admin = await login(t, ADMIN.email, ADMIN.password);
      const res = await t
        .http()
        .post('/api/users')
        .set('Authorization', admin.auth)
        .send({ email: 'c@test.example.jp', role: 'coordinator', displayName: 'c', password: 'a-long-password' })
        .expect(422);
      expect(res.body.errors).toHaveProperty('hospitalId');
    });

    it('refuses a role the enum lacks with 422 naming the field', async () => {
      const admin = await login(t, ADMIN.email, ADMIN.password);
      const res = await t
        .http()
        .post('/api/users')
        .set('Authorization', admin.auth)
        .send({ email: 'r@test.example.jp', role: 'superuser', displayName: 'r', password: 'a-long-password' })
        .expect(422);
      expect(res.body.errors).toHaveProperty('role');
    });
  });
});

describe('Login throttling (API)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      LOGIN_PAIR_LIMIT: '3',
      LOGIN_IP_LIMIT: '6',
      LOGIN_WINDOW_SECONDS: '60',
      LOGIN_BLOCK_SECONDS: '2',
    });
  });
  afterAll(() => t.close());

  it('answers 429 after too many attempts on one account from one address, only briefly, and not for other accounts', async () => {
    const attempt = (email: string, password = 'wrong-password') =>
      t.http().post('/api/auth/login').send({ email, password });
    for (let i = 0; i < 3; i++) expect((await attempt(ADMIN.email)).status).toBe(401);
    const blocked = await attempt(ADMIN.email, ADMIN.password);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_REQUESTS');
    expect((await attempt('someone-else@test.example.jp')).status).toBe(401);

    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await attempt(ADMIN.email, ADMIN.password)).status).toBe(200);
  });
});

describe('Login throttling per address (API)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      LOGIN_PAIR_LIMIT: '100',
      LOGIN_IP_LIMIT: '6',
      LOGIN_WINDOW_SECONDS: '60',
      LOGIN_BLOCK_SECONDS: '60',
    });
  });
  afterAll(() => t.close());

  it('answers 429 after too many attempts from one address across accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push(
        (
          await t
            .http()
            .post('/api/auth/login')
            .send({ email: `spray${i}@test.example.jp`, password: 'wrong-password' })
        ).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
  });
});

describe('Login throttling behind a proxy (API)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      TRUST_PROXY: '1',
      LOGIN_PAIR_LIMIT: '100',
      LOGIN_IP_LIMIT: '3',
      LOGIN_WINDOW_SECONDS: '60',
      LOGIN_BLOCK_SECONDS: '60',
    });
  });
  afterAll(() => t.close());

  it('counts each client address from X-Forwarded-For, not the proxy’s', async () => {
    const attempt = (ip: string, i: number) =>
      t
        .http()
        .post('/api/auth/login')
        .set('x-forwarded-for', ip)
        .send({ email: `proxy${i}@test.example.jp`, password: 'wrong-password' });
    const first: number[] = [];
    for (let i = 0; i < 4; i++) first.push((await attempt('203.0.113.7', i)).status);
    expect(first).toEqual([401, 401, 401, 429]);
    expect((await attempt('203.0.113.8', 9)).status).toBe(401);
  });
});
