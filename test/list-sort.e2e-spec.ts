import { ADMIN, createTestApp, login, TestApp } from './support/test-app';
import { aUser } from './support/factories';

/** Names every object inherits: a lookup that reads more than own keys finds them all. */
const INHERITED = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
];

type Principal = Awaited<ReturnType<typeof login>>;

/** Every GET list of the OpenAPI document that takes `sort` (no path parameters). */
async function sortableLists(t: TestApp): Promise<string[]> {
  const doc = (await t.http().get('/api/docs-json').expect(200)).body as {
    paths: Record<string, { get?: { parameters?: Array<{ name: string; in: string }> } }>;
  };
  return Object.entries(doc.paths)
    .filter(
      ([path, item]) => !path.includes('{') && item.get?.parameters?.some((p) => p.in === 'query' && p.name === 'sort'),
    )
    .map(([path]) => path);
}

describe('List sorting by inherited names (GET ?sort=__proto__ and friends)', () => {
  let t: TestApp;
  let admin: Principal;
  let coordinator: Principal;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t, ADMIN.email, ADMIN.password);
    const c = await aUser(t, { role: 'coordinator' });
    coordinator = await login(t, c.email, c.password);
  });
  afterAll(() => t.close());

  /** The process still signs in and answers a signed-in call: what `sort=__proto__` used to break. */
  async function stillHealthy(): Promise<void> {
    await t.http().get('/api/auth/me').set('Authorization', admin.auth).expect(200);
    await t.http().get('/api/auth/me').set('Authorization', coordinator.auth).expect(200);
    await t.http().post('/api/auth/login').send(ADMIN).expect(200);
  }

  it('finds the lists to probe in the OpenAPI document', async () => {
    const lists = await sortableLists(t);
    expect(lists).toEqual(
      expect.arrayContaining(['/api/requests', '/api/hospitals', '/api/volunteers', '/api/courses', '/api/users']),
    );
  });

  it('sorts every list by its default (or refuses naming sort) for an inherited name, and the instance stays whole', async () => {
    const lists = await sortableLists(t);
    for (const path of lists) {
      for (const sort of INHERITED) {
        for (const order of ['ASC', 'DESC']) {
          const res = await t.http().get(path).query({ sort, order }).set('Authorization', admin.auth);
          // A list sorts by its default, or (one with a fixed set of sort fields) refuses naming `sort`.
          if (res.status === 422) expect(res.body.errors).toHaveProperty('sort');
          else {
            expect({ path, sort, status: res.status }).toEqual({ path, sort, status: 200 });
            expect(res.body).toEqual(expect.objectContaining({ data: expect.any(Array), total: expect.any(Number) }));
          }
        }
        await stillHealthy();
      }
    }
  });

  it('lets a coordinator send sort=__proto__ to the requests list without taking the instance down', async () => {
    await t.http().get('/api/requests').query({ sort: '__proto__' }).set('Authorization', coordinator.auth).expect(200);
    await t
      .http()
      .get('/api/requests')
      .query({ sort: 'constructor' })
      .set('Authorization', coordinator.auth)
      .expect(200);
    await stillHealthy();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['r.id']).toBeUndefined();
  });

  it('still sorts by a real field', async () => {
    const res = await t
      .http()
      .get('/api/users')
      .query({ sort: 'email', order: 'DESC' })
      .set('Authorization', admin.auth)
      .expect(200);
    const emails = (res.body.data as Array<{ email: string }>).map((u) => u.email);
    expect(emails).toEqual([...emails].sort().reverse());
  });
});
