import { createApiClient } from './api-client';
import { changedFields, createDataProvider } from './data-provider';
import { fakeApi } from './fake-api';

const user = { id: 'u1', email: 'a@example.jp', role: 'admin', displayName: 'A', locale: 'ja' };

function setup(routes: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi({
    'POST /api/auth/refresh': () => ({
      status: 200,
      body: { accessToken: 't', refreshToken: 'r2', expiresIn: 900, user },
    }),
    ...routes,
  });
  // Signed in: the session is resumed from the cookie.
  const client = createApiClient({ fetch: api.fetch, signedInHint: () => true });
  return { api, dataProvider: createDataProvider(client) };
}

describe('createDataProvider', () => {
  it('lists with page, perPage, sort, order and filters, and reads {data, total}', async () => {
    const { api, dataProvider } = setup({
      'GET /api/users': () => ({ status: 200, body: { data: [user], total: 31 } }),
    });
    const result = await dataProvider.getList('users', {
      pagination: { page: 2, perPage: 10 },
      sort: { field: 'email', order: 'DESC' },
      filter: { role: 'staff', q: '', other: undefined },
    });
    expect(result).toEqual({ data: [user], total: 31 });
    const url = new URL(api.calls[1].url, 'http://x');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      page: '2',
      perPage: '10',
      role: 'staff',
      sort: 'email',
      order: 'DESC',
    });
  });

  it('reads, creates and patches one record', async () => {
    const { api, dataProvider } = setup({
      'GET /api/users/u1': () => ({ status: 200, body: user }),
      'POST /api/users': (c) => ({ status: 201, body: { id: 'u2', ...(c.body as object) } }),
      'PATCH /api/users/u1': (c) => ({ status: 200, body: { ...user, ...(c.body as object) } }),
    });
    await expect(dataProvider.getOne('users', { id: 'u1' })).resolves.toEqual({ data: user });
    await expect(dataProvider.create('users', { data: { email: 'b@example.jp' } })).resolves.toEqual({
      data: { id: 'u2', email: 'b@example.jp' },
    });
    await dataProvider.update('users', { id: 'u1', data: { ...user, displayName: 'B' }, previousData: user });
    expect(api.calls.at(-1)).toMatchObject({ method: 'PATCH', body: { displayName: 'B' } });
  });

  it('fetches many by id one at a time (the API has no ids filter)', async () => {
    const { dataProvider } = setup({
      'GET /api/users/a': () => ({ status: 200, body: { id: 'a' } }),
      'GET /api/users/b': () => ({ status: 200, body: { id: 'b' } }),
    });
    await expect(dataProvider.getMany('users', { ids: ['a', 'b'] })).resolves.toEqual({
      data: [{ id: 'a' }, { id: 'b' }],
    });
  });
});

describe(changedFields.name, () => {
  it('keeps only what changed, comparing arrays and objects by value', () => {
    expect(
      changedFields({ a: 1, b: [1, 2], c: { x: 1 }, d: 'new' }, { a: 1, b: [1, 2], c: { x: 1 }, d: 'old' }),
    ).toEqual({ d: 'new' });
    expect(changedFields({ a: 1 })).toEqual({ a: 1 });
  });
});
