import { AuthService } from '../apps/api/src/auth/auth.service';
import type { Actor } from '../apps/api/src/common/decorators/current-user.decorator';
import { generate } from 'otplib';
import { envSchema } from '../apps/api/src/config/env.validation';
import { aUser } from './support/factories';
import { ADMIN, createTestApp, createTestAppOnDatabase, login, TestApp } from './support/test-app';

const T0 = new Date('2026-12-07T01:00:00.000Z');
const STEP = 30_000;

/** A TOTP code of the secret at the test clock's time. */
const codeAt = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

interface AuditRow {
  actor_id: string | null;
  action: string;
  object_id: string | null;
  details: Record<string, unknown> | null;
}

/** Two-factor sign-in (TOTP) for staff and admins: enrolment, the second step, recovery codes, reset, required mode. */
describe('Two-factor sign-in (API)', () => {
  describe('STAFF_2FA=optional (the default outside production)', () => {
    let t: TestApp;
    let staff: Awaited<ReturnType<typeof aUser>>;
    let secret: string;
    let recoveryCodes: string[];
    let admin: string;

    beforeAll(async () => {
      t = await createTestApp();
      t.clock.set(T0);
      staff = await aUser(t, { role: 'staff' });
      admin = (await login(t, ADMIN.email, ADMIN.password)).auth;
    });
    afterAll(() => t.close());

    const audit = (userId: string): Promise<AuditRow[]> =>
      t.dataSource.query(
        `SELECT actor_id, action, object_id, details FROM audit_log WHERE object_id = $1 AND action LIKE 'auth.2fa.%' ORDER BY at, id`,
        [userId],
      );
    const signIn = (email: string, password: string) =>
      t.http().post('/api/auth/login').send({ email, password }).expect(200);
    const verify = (mfaToken: string, code: string) => t.http().post('/api/auth/2fa/verify').send({ mfaToken, code });

    it('signs a staff member without 2FA straight in', async () => {
      const res = await signIn(staff.email, staff.password);
      expect(res.body.accessToken).toEqual(expect.any(String));
      expect(res.body.mfaRequired).toBeUndefined();
    });

    it('enrols: a secret with its otpauth URL and QR code, then the first code turns it on and answers ten recovery codes', async () => {
      const { auth } = await login(t, staff.email, staff.password);
      const setup = await t.http().post('/api/auth/2fa/setup').set('Authorization', auth).expect(200);
      secret = setup.body.secret;
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
      expect(setup.body.otpauthUrl).toContain(`secret=${secret}`);
      expect(setup.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
      const [stored] = await t.dataSource.query(`SELECT secret_encrypted FROM user_two_factors WHERE user_id = $1`, [
        staff.id,
      ]);
      expect(stored.secret_encrypted).not.toContain(secret);

      const wrong = await t
        .http()
        .post('/api/auth/2fa/enable')
        .set('Authorization', auth)
        .send({ code: '000000' === (await codeAt(secret, T0)) ? '111111' : '000000' })
        .expect(422);
      expect(wrong.body.code).toBe('INVALID_2FA_CODE');
      expect(wrong.body.errors).toHaveProperty('code');
      const enabled = await t
        .http()
        .post('/api/auth/2fa/enable')
        .set('Authorization', auth)
        .send({ code: await codeAt(secret, T0) })
        .expect(200);
      recoveryCodes = enabled.body.recoveryCodes;
      expect(recoveryCodes).toHaveLength(10);
      expect(new Set(recoveryCodes).size).toBe(10);
      for (const c of recoveryCodes) expect(c).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
      const hashes: { code_hash: string }[] = await t.dataSource.query(
        `SELECT code_hash FROM user_recovery_codes WHERE user_id = $1`,
        [staff.id],
      );
      expect(hashes).toHaveLength(10);
      expect(hashes.map((h) => h.code_hash)).not.toContain(recoveryCodes[0]);
      await t.http().post('/api/auth/2fa/setup').set('Authorization', auth).expect(409);
      const status = await t.http().get('/api/auth/2fa').set('Authorization', auth).expect(200);
      expect(status.body).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
    });

    it('then answers a login with the second step, whose token is no session', async () => {
      const res = await signIn(staff.email, staff.password);
      expect(res.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
      await t.http().get('/api/auth/me').set('Authorization', `Bearer ${res.body.mfaToken}`).expect(401);
      await t.http().post('/api/auth/2fa/setup').send({ mfaToken: res.body.mfaToken }).expect(401);
    });

    it('signs in with a code, refuses a wrong one, and accepts a code only once', async () => {
      t.clock.set(new Date(T0.getTime() + 2 * STEP));
      const { mfaToken } = (await signIn(staff.email, staff.password)).body;
      const code = await codeAt(secret, t.clock.now());
      const wrong = await verify(mfaToken, code === '123456' ? '654321' : '123456').expect(422);
      expect(wrong.body.code).toBe('INVALID_2FA_CODE');
      const ok = await verify(mfaToken, code).expect(200);
      expect(ok.body.user).toMatchObject({ id: staff.id, role: 'staff' });
      await t.http().get('/api/auth/me').set('Authorization', `Bearer ${ok.body.accessToken}`).expect(200);
      // The same code again, still within its window: refused.
      await verify(mfaToken, code).expect(422);
      // The code of the step before, which the window would otherwise accept: refused too.
      await verify(mfaToken, await codeAt(secret, new Date(t.clock.now().getTime() - STEP))).expect(422);
      // A server whose clock is behind the one that accepted the code (another instance): no code is newer, none is taken.
      t.clock.set(T0);
      await verify(mfaToken, await codeAt(secret, T0)).expect(422);
    });

    it('accepts a recovery code once (typed loosely), and counts what is left', async () => {
      t.clock.set(new Date(T0.getTime() + 4 * STEP));
      const { mfaToken } = (await signIn(staff.email, staff.password)).body;
      const loose = recoveryCodes[0].toLowerCase().replace(/-/g, ' ');
      const ok = await verify(mfaToken, loose).expect(200);
      await verify(mfaToken, recoveryCodes[0]).expect(422);
      const status = await t
        .http()
        .get('/api/auth/2fa')
        .set('Authorization', `Bearer ${ok.body.accessToken}`)
        .expect(200);
      expect(status.body.recoveryCodesLeft).toBe(9);
    });

    it('pauses the second step after five wrong codes in a row, even for the right code, then lets the owner in', async () => {
      t.clock.set(new Date(T0.getTime() + 10 * STEP));
      const { mfaToken } = (await signIn(staff.email, staff.password)).body;
      // A good code first: the count of wrong ones starts again.
      await verify(mfaToken, await codeAt(secret, t.clock.now())).expect(200);
      t.clock.advance(STEP);
      const good = await codeAt(secret, t.clock.now());
      const bad = good === '000000' ? '999999' : '000000';
      for (let i = 0; i < 5; i++) await verify(mfaToken, bad).expect(422);
      const paused = await verify(mfaToken, good).expect(429);
      expect(paused.body.code).toBe('TWO_FACTOR_PAUSED');
      await verify(mfaToken, recoveryCodes[1]).expect(429);
      t.clock.advance(5 * 60_000 + STEP);
      await verify(mfaToken, await codeAt(secret, t.clock.now())).expect(200);
    });

    it('refuses 2FA to coordinators and volunteers, and the wrong kind of token', async () => {
      const coordinator = await aUser(t, { role: 'coordinator' });
      const { auth } = await login(t, coordinator.email, coordinator.password);
      await t.http().post('/api/auth/2fa/setup').set('Authorization', auth).expect(403);
      await t
        .http()
        .post('/api/auth/2fa/verify')
        .send({ mfaToken: auth.slice(7), code: '123456' })
        .expect(401);
      await t.http().post('/api/auth/2fa/setup').expect(401);
    });

    it("lets only an admin reset a user's 2FA: the user's sessions end and the next login needs no code", async () => {
      t.clock.set(new Date(T0.getTime() + 30 * STEP));
      const { mfaToken } = (await signIn(staff.email, staff.password)).body;
      const session = (await verify(mfaToken, await codeAt(secret, t.clock.now())).expect(200)).body;
      await t
        .http()
        .post(`/api/users/${staff.id}/2fa/reset`)
        .set('Authorization', `Bearer ${session.accessToken}`)
        .expect(403);
      await t.http().post(`/api/users/${staff.id}/2fa/reset`).set('Authorization', admin).expect(204);
      await t.http().get('/api/auth/me').set('Authorization', `Bearer ${session.accessToken}`).expect(401);
      await t.http().post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
      await verify(mfaToken, recoveryCodes[2]).expect(401);
      const res = await signIn(staff.email, staff.password);
      expect(res.body.accessToken).toEqual(expect.any(String));
      expect(await t.dataSource.query(`SELECT 1 FROM user_recovery_codes WHERE user_id = $1`, [staff.id])).toHaveLength(
        0,
      );
    });

    it('turns off with a code', async () => {
      const other = await aUser(t, { role: 'admin' });
      const { auth } = await login(t, other.email, other.password);
      const own = (await t.http().post('/api/auth/2fa/setup').set('Authorization', auth).expect(200)).body.secret;
      t.clock.set(new Date(T0.getTime() + 40 * STEP));
      await t
        .http()
        .post('/api/auth/2fa/enable')
        .set('Authorization', auth)
        .send({ code: await codeAt(own, t.clock.now()) })
        .expect(200);
      await t
        .http()
        .post('/api/auth/2fa/disable')
        .set('Authorization', auth)
        .send({ code: await codeAt(own, t.clock.now()) })
        .expect(422);
      t.clock.advance(STEP);
      await t
        .http()
        .post('/api/auth/2fa/disable')
        .set('Authorization', auth)
        .send({ code: await codeAt(own, t.clock.now()) })
        .expect(204);
      expect((await signIn(other.email, other.password)).body.accessToken).toEqual(expect.any(String));
      expect((await audit(other.id)).map((r) => r.action).sort()).toEqual([
        'auth.2fa.disabled',
        'auth.2fa.enrolled',
        'auth.2fa.failed',
      ]);
    });

    it('writes every event to the audit trail, and no code or secret', async () => {
      const rows = await audit(staff.id);
      // Lines of one request share their time; the order within it is not kept.
      const count = (action: string) => rows.filter((r) => r.action === action).length;
      expect({
        enrolled: count('auth.2fa.enrolled'),
        verified: count('auth.2fa.verified'),
        recovery: count('auth.2fa.recovery-code-used'),
        failed: count('auth.2fa.failed'),
        reset: count('auth.2fa.reset'),
      }).toEqual({ enrolled: 1, verified: 5, recovery: 1, failed: 13, reset: 1 });
      expect(rows.filter((r) => r.action === 'auth.2fa.failed' && r.details?.blocked === true)).toHaveLength(2);
      expect(rows.find((r) => r.action === 'auth.2fa.failed' && r.details?.during === 'enable')?.details).toEqual({
        during: 'enable',
        failedAttempts: 1,
        blockedUntil: null,
      });
      const reset = rows.find((r) => r.action === 'auth.2fa.reset')!;
      expect(reset.actor_id).not.toBe(staff.id);
      expect(reset.details).toEqual({ wasEnabled: true });
      expect(rows.find((r) => r.action === 'auth.2fa.recovery-code-used')?.details).toEqual({ recoveryCodesLeft: 9 });
      const text = JSON.stringify(await t.dataSource.query(`SELECT * FROM audit_log`));
      expect(text).not.toContain(secret);
      expect(text).not.toContain(recoveryCodes[0]);
    });

    // Last in this app's tests: Passport's strategies are process-wide, so the second instance's stand in for the first's once it is up.
    it('keeps the secret through a restart (another instance with the same JWT_SECRET), where a used code stays used', async () => {
      const user = await aUser(t, { role: 'staff' });
      const { auth } = await login(t, user.email, user.password);
      const own = (await t.http().post('/api/auth/2fa/setup').set('Authorization', auth).expect(200)).body.secret;
      const used = await codeAt(own, t.clock.now());
      await t.http().post('/api/auth/2fa/enable').set('Authorization', auth).send({ code: used }).expect(200);
      const other = await createTestAppOnDatabase(t.databaseUrl);
      try {
        other.clock.set(t.clock.now());
        const { mfaToken } = (
          await other.http().post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200)
        ).body;
        await other.http().post('/api/auth/2fa/verify').send({ mfaToken, code: used }).expect(422);
        other.clock.advance(STEP);
        await other
          .http()
          .post('/api/auth/2fa/verify')
          .send({ mfaToken, code: await codeAt(own, other.clock.now()) })
          .expect(200);
      } finally {
        await other.close();
      }
    });
  });

  describe('STAFF_2FA=required', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ STAFF_2FA: 'required' });
      t.clock.set(T0);
    });
    afterAll(async () => {
      await t.close();
      delete process.env.STAFF_2FA;
    });

    it('makes a staff member without 2FA enrol with the mfaToken, which can do nothing else, then signs them in', async () => {
      const staff = await aUser(t, { role: 'staff' });
      const res = await t
        .http()
        .post('/api/auth/login')
        .send({ email: staff.email, password: staff.password })
        .expect(200);
      expect(res.body).toEqual({ mfaSetupRequired: true, mfaToken: expect.any(String) });
      const { mfaToken } = res.body;
      await t.http().get('/api/auth/me').set('Authorization', `Bearer ${mfaToken}`).expect(401);
      await t.http().post('/api/auth/2fa/verify').send({ mfaToken, code: '123456' }).expect(401);
      await t.http().post('/api/auth/2fa/setup').send({ mfaToken: 'not-a-token' }).expect(401);
      const { secret } = (await t.http().post('/api/auth/2fa/setup').send({ mfaToken }).expect(200)).body;
      const enabled = await t
        .http()
        .post('/api/auth/2fa/enable')
        .send({ mfaToken, code: await codeAt(secret, T0) })
        .expect(200);
      expect(enabled.body.recoveryCodes).toHaveLength(10);
      await t.http().get('/api/auth/me').set('Authorization', `Bearer ${enabled.body.accessToken}`).expect(200);
      await t
        .http()
        .post('/api/auth/2fa/enable')
        .send({ mfaToken, code: await codeAt(secret, T0) })
        .expect(409);
      const status = await t
        .http()
        .get('/api/auth/2fa')
        .set('Authorization', `Bearer ${enabled.body.accessToken}`)
        .expect(200);
      expect(status.body).toMatchObject({ enabled: true, required: true });
      t.clock.advance(STEP);
      const off = await t
        .http()
        .post('/api/auth/2fa/disable')
        .set('Authorization', `Bearer ${enabled.body.accessToken}`)
        .send({ code: await codeAt(secret, t.clock.now()) })
        .expect(409);
      expect(off.body.code).toBe('TWO_FACTOR_REQUIRED');
      const again = await t
        .http()
        .post('/api/auth/login')
        .send({ email: staff.email, password: staff.password })
        .expect(200);
      expect(again.body.mfaRequired).toBe(true);
    });

    it('does not let a session begun without 2FA go on by refreshing; an enrolled one does', async () => {
      // A session from before STAFF_2FA=required (or before an admin's reset): issued without a code.
      const staff = await aUser(t, { role: 'staff' });
      const earlier = await t.app.get(AuthService).login({ id: staff.id } as Actor);
      const refused = await t.http().post('/api/auth/refresh').send({ refreshToken: earlier.refreshToken }).expect(401);
      expect(refused.body.code).not.toBe('INTERNAL_ERROR');
      // Its family is ended: the same token again is refused too.
      await t.http().post('/api/auth/refresh').send({ refreshToken: earlier.refreshToken }).expect(401);

      const { mfaToken } = (
        await t.http().post('/api/auth/login').send({ email: staff.email, password: staff.password }).expect(200)
      ).body;
      const { secret } = (await t.http().post('/api/auth/2fa/setup').send({ mfaToken }).expect(200)).body;
      t.clock.advance(STEP);
      const enabled = await t
        .http()
        .post('/api/auth/2fa/enable')
        .send({ mfaToken, code: await codeAt(secret, t.clock.now()) })
        .expect(200);
      await t.http().post('/api/auth/refresh').send({ refreshToken: enabled.body.refreshToken }).expect(200);
    });

    it('asks the admin too, and not a coordinator', async () => {
      const admin = await t.http().post('/api/auth/login').send(ADMIN).expect(200);
      expect(admin.body.mfaSetupRequired).toBe(true);
      const coordinator = await aUser(t, { role: 'coordinator' });
      const res = await t
        .http()
        .post('/api/auth/login')
        .send({ email: coordinator.email, password: coordinator.password })
        .expect(200);
      expect(res.body.accessToken).toEqual(expect.any(String));
    });
  });

  it('defaults STAFF_2FA to required in production and optional elsewhere, and refuses other values', () => {
    const base = {
      DATABASE_URL: 'postgres://x@localhost/db',
      ADMIN_PASSWORD: 'long-enough-password',
      JWT_SECRET: 'x'.repeat(40),
    };
    expect(envSchema.validate({ ...base, NODE_ENV: 'production' }).value.STAFF_2FA).toBe('required');
    expect(envSchema.validate({ ...base, NODE_ENV: 'development' }).value.STAFF_2FA).toBe('optional');
    expect(envSchema.validate({ ...base, NODE_ENV: 'test' }).value.STAFF_2FA).toBe('optional');
    expect(envSchema.validate({ ...base, NODE_ENV: 'production', STAFF_2FA: 'optional' }).value.STAFF_2FA).toBe(
      'optional',
    );
    expect(envSchema.validate({ ...base, STAFF_2FA: 'sometimes' }).error?.message).toContain('STAFF_2FA');
  });
});
