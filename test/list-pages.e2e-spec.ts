import { ADMIN, createTestApp, login, TestApp } from './support/test-app';
import { aVolunteer } from './support/factories';

/** A list page and its total come from one statement (`count(*) OVER ()`); the total must not depend on the page. */
describe('List pages and their totals (API)', () => {
  let t: TestApp;
  let auth: string;
  beforeAll(async () => {
    t = await createTestApp();
    auth = (await login(t, ADMIN.email, ADMIN.password)).auth;
    for (let i = 0; i < 5; i++) await aVolunteer(t, { languages: ['th'], homeArea: '南区' });
    await aVolunteer(t, { languages: ['vi'], homeArea: '南区' });
  });
  afterAll(() => t.close());

  const page = (query: string) =>
    t
      .http()
      .get(`/api/volunteers?homeArea=${encodeURIComponent('南区')}&${query}`)
      .set('authorization', auth)
      .expect(200);

  it('gives the filtered total on every page, the last and one past the end included', async () => {
    const first = await page('perPage=2&page=1&sort=email');
    const last = await page('perPage=2&page=3&sort=email');
    const beyond = await page('perPage=2&page=9');
    expect([first.body.data.length, first.body.total]).toEqual([2, 6]);
    expect([last.body.data.length, last.body.total]).toEqual([2, 6]);
    expect([beyond.body.data.length, beyond.body.total]).toEqual([0, 6]);
    expect((await page('perPage=2&language=th')).body.total).toBe(5);
    // The pages are disjoint and in order: the window's count does not disturb offset and limit.
    const emails = [];
    for (const n of [1, 2, 3])
      emails.push(...(await page(`perPage=2&page=${n}&sort=email`)).body.data.map((v: { email: string }) => v.email));
    expect(new Set(emails).size).toBe(6);
    expect(emails).toEqual([...emails].sort());
  });

  it('answers an empty list with total 0', async () => {
    const none = await t.http().get('/api/requests?perPage=25').set('authorization', auth).expect(200);
    expect(none.body).toEqual({ data: [], total: 0 });
  });
});
