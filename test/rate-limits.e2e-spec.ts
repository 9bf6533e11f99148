import { createTestApp, login, TestApp } from './support/test-app';
import { aUser } from './support/factories';

const HOSPITAL_NETWORK = '198.51.100.20';

/**
 * Budgets that protect something: a signed-in user's calls count against that user wherever
 * they come from, so colleagues behind one proxy or hospital network never share a budget;
 * calls without a sign-in count per client address.
 */
describe('Rate limits per user and per address (API)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: '1', USER_RATE_LIMIT: '5', ADDRESS_RATE_LIMIT: '4' });
  });
  afterAll(() => t.close());

  const me = (auth: string, from: string) =>
    t.http().get('/api/auth/me').set('authorization', auth).set('x-forwarded-for', from);
  const statuses = async (n: number, call: () => PromiseLike<{ status: number }>) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await call()).status);
    return out;
  };

  it('gives two users behind one address a budget each', async () => {
    const [first, second] = [await aUser(t, { role: 'staff' }), await aUser(t, { role: 'staff' })];
    const a = await login(t, first.email, first.password);
    const b = await login(t, second.email, second.password);

    expect(await statuses(6, () => me(a.auth, HOSPITAL_NETWORK))).toEqual([200, 200, 200, 200, 200, 429]);
    // The colleague at the next desk, same address, is not held back by the first user's calls.
    expect(await statuses(5, () => me(b.auth, HOSPITAL_NETWORK))).toEqual([200, 200, 200, 200, 200]);
  });

  it("counts a user's calls from every address and device against the same budget", async () => {
    const user = await aUser(t, { role: 'staff' });
    const desk = await login(t, user.email, user.password);
    const phone = await login(t, user.email, user.password);

    expect(await statuses(3, () => me(desk.auth, '192.0.2.1'))).toEqual([200, 200, 200]);
    expect(await statuses(3, () => me(phone.auth, '203.0.113.7'))).toEqual([200, 200, 429]);
  });

  it('counts calls without a sign-in per address, and never the health check', async () => {
    const link = (from: string) =>
      t
        .http()
        .get(`/api/offer-links/${'x'.repeat(43)}`)
        .set('x-forwarded-for', from);
    expect(await statuses(5, () => link('192.0.2.50'))).toEqual([404, 404, 404, 404, 429]);
    expect((await link('192.0.2.51')).status).toBe(404);
    expect(await statuses(8, () => t.http().get('/api/health').set('x-forwarded-for', '192.0.2.50'))).toEqual(
      Array(8).fill(200),
    );
  });

  it('counts 2FA codes per address like sign-ins', async () => {
    const limited = await createTestApp({ TRUST_PROXY: '1', LOGIN_IP_LIMIT: '3', LOGIN_PAIR_LIMIT: '100' });
    try {
      const verify = () =>
        limited
          .http()
          .post('/api/auth/2fa/verify')
          .set('x-forwarded-for', '192.0.2.60')
          .send({ mfaToken: 'not.a.token', code: '123456' });
      const answers = await statuses(4, verify);
      expect(answers.slice(0, 3).every((s) => s !== 429)).toBe(true);
      expect(answers[3]).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
