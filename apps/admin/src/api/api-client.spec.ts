import { ApiError, createApiClient, REFRESH_TOKEN_KEY, type KeyValueStorage } from './api-client';
import { fakeApi } from './fake-api';

const user = { id: 'u1', email: 'a@example.jp', role: 'admin', displayName: 'A', locale: 'ja' };

function storage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

function pair(n: number, expiresIn = 900) {
  return { accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn, user };
}

describe('createApiClient', () => {
  it('signs in, keeps the access token in memory and only the refresh token in storage', async () => {
    const store = storage();
    const api = fakeApi({
      'POST /api/auth/login': () => ({ status: 200, body: pair(1) }),
      'GET /api/auth/me': (call) => ({
        status: call.headers.Authorization === 'Bearer access-1' ? 200 : 401,
        body: user,
      }),
    });
    const client = createApiClient({ fetch: api.fetch, storage: store });
    await expect(client.login('a@example.jp', 'pw')).resolves.toEqual(user);
    expect([...store.map.entries()]).toEqual([[REFRESH_TOKEN_KEY, 'refresh-1']]);
    await expect(client.request('/auth/me')).resolves.toEqual(user);
  });

  it('refreshes on a 401, keeps the rotated refresh token and retries once', async () => {
    const store = storage();
    let current = 'access-1';
    const api = fakeApi({
      'POST /api/auth/login': () => ({ status: 200, body: pair(1) }),
      'POST /api/auth/refresh': (call) => {
        expect(call.body).toEqual({ refreshToken: 'refresh-1' });
        current = 'access-2';
        return { status: 200, body: pair(2) };
      },
      'GET /api/users': (call) =>
        call.headers.Authorization === `Bearer ${current}`
          ? { status: 200, body: { data: [], total: 0 } }
          : { status: 401, body: { code: 'UNAUTHENTICATED', message: 'no' } },
    });
    const client = createApiClient({ fetch: api.fetch, storage: store });
    await client.login('a@example.jp', 'pw');
    current = 'access-2';
    await expect(client.request('/users')).resolves.toEqual({ data: [], total: 0 });
    expect(api.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/auth/login',
      'GET /api/users',
      'POST /api/auth/refresh',
      'GET /api/users',
    ]);
    expect(store.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-2');
  });

  it('refreshes before the access token expires, without waiting for a 401', async () => {
    let now = 0;
    const api = fakeApi({
      'POST /api/auth/login': () => ({ status: 200, body: pair(1, 900) }),
      'POST /api/auth/refresh': () => ({ status: 200, body: pair(2, 900) }),
      'GET /api/auth/me': () => ({ status: 200, body: user }),
    });
    const client = createApiClient({ fetch: api.fetch, storage: storage(), now: () => now });
    await client.login('a@example.jp', 'pw');
    now = 850_000; // 50 s left, under the 60 s margin
    await client.request('/auth/me');
    expect(api.calls.map((c) => c.url)).toEqual(['/api/auth/login', '/api/auth/refresh', '/api/auth/me']);
    expect(api.calls[2].headers.Authorization).toBe('Bearer access-2');
  });

  it('sends one refresh for many calls at once (a rotated token must never be sent twice)', async () => {
    const store = storage();
    store.setItem(REFRESH_TOKEN_KEY, 'refresh-1');
    const api = fakeApi({
      'POST /api/auth/refresh': async () => {
        await new Promise((r) => setTimeout(r, 5));
        return { status: 200, body: pair(2) };
      },
      'GET /api/auth/me': () => ({ status: 200, body: user }),
    });
    const client = createApiClient({ fetch: api.fetch, storage: store });
    await Promise.all([client.request('/auth/me'), client.request('/auth/me'), client.request('/auth/me')]);
    expect(api.calls.filter((c) => c.url === '/api/auth/refresh')).toHaveLength(1);
  });

  it('resumes a session after a reload from the stored refresh token', async () => {
    const store = storage();
    store.setItem(REFRESH_TOKEN_KEY, 'refresh-1');
    const api = fakeApi({ 'POST /api/auth/refresh': () => ({ status: 200, body: pair(2) }) });
    const client = createApiClient({ fetch: api.fetch, storage: store });
    await expect(client.ensureSession()).resolves.toBe(true);
    await expect(client.ensureSession()).resolves.toBe(true);
    expect(api.calls).toHaveLength(1);
  });

  it('ends the session when the refresh token is refused, and says so with a 401', async () => {
    const store = storage();
    store.setItem(REFRESH_TOKEN_KEY, 'refresh-reused');
    const api = fakeApi({
      'POST /api/auth/refresh': () => ({ status: 401, body: { code: 'UNAUTHENTICATED', message: 'no' } }),
    });
    const client = createApiClient({ fetch: api.fetch, storage: store });
    await expect(client.request('/users')).rejects.toMatchObject({ status: 401 });
    expect(store.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    await expect(client.ensureSession()).resolves.toBe(false);
  });

  it('logs out on the server with the refresh token and forgets it', async () => {
    const store = storage();
    const api = fakeApi({
      'POST /api/auth/login': () => ({ status: 200, body: pair(1) }),
      'POST /api/auth/logout': () => ({ status: 204 }),
    });
    const client = createApiClient({ fetch: api.fetch, storage: store });
    await client.login('a@example.jp', 'pw');
    await client.logout();
    expect(api.calls[1].body).toEqual({ refreshToken: 'refresh-1' });
    expect(client.hasRefreshToken()).toBe(false);
  });

  it('turns field errors into form errors and puts the request id in the message', async () => {
    const store = storage();
    store.setItem(REFRESH_TOKEN_KEY, 'r');
    const api = fakeApi({
      'POST /api/auth/refresh': () => ({ status: 200, body: pair(1) }),
      'POST /api/users': () => ({
        status: 422,
        body: {
          code: 'VALIDATION_FAILED',
          message: 'Invalid user',
          errors: { hospitalId: ['A coordinator must belong to a hospital'] },
          requestId: 'req-42',
        },
      }),
    });
    const client = createApiClient({ fetch: api.fetch, storage: store });
    const error = (await client.request('/users', { method: 'POST', body: {} }).catch((e) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.message).toBe('Invalid user (request id: req-42)');
    expect(error.body).toEqual({
      code: 'VALIDATION_FAILED',
      requestId: 'req-42',
      errors: {
        root: { serverError: 'Invalid user (request id: req-42)' },
        hospitalId: 'A coordinator must belong to a hospital',
      },
    });
  });

  it('words known error codes through i18n, and leaves form errors out when no field is named', async () => {
    const api = fakeApi({
      'POST /api/auth/login': () => ({
        status: 401,
        body: { code: 'INVALID_CREDENTIALS', message: 'Wrong e-mail or password', requestId: 'r1' },
      }),
    });
    const translate = (key: string, options?: Record<string, unknown>) =>
      key === 'app.errors.codes.INVALID_CREDENTIALS'
        ? '違います'
        : key === 'app.errors.with_request_id'
          ? `${options?.message}（${options?.requestId}）`
          : String(options?._);
    const client = createApiClient({ fetch: api.fetch, storage: storage(), translate });
    const error = (await client.login('a@example.jp', 'x').catch((e) => e)) as ApiError;
    expect(error.message).toBe('違います（r1）');
    expect(error.body.errors).toBeUndefined();
  });

  it('fetches a file with the bearer token and leaves its body unread; a refusal is an ApiError with the request id', async () => {
    const api = fakeApi({
      'POST /api/auth/login': () => ({ status: 200, body: pair(1) }),
      'GET /api/exports/dispatches.csv': (call) =>
        call.url.includes('from=2026-04-01')
          ? { status: 200, body: 'csv' }
          : {
              status: 400,
              body: { code: 'VALIDATION_FAILED', message: 'from must be YYYY-MM-DD', requestId: 'req-9' },
            },
    });
    const client = createApiClient({ fetch: api.fetch, storage: storage() });
    await client.login('a@example.jp', 'pw');
    const response = await client.fetchFile('/exports/dispatches.csv', {
      query: { from: '2026-04-01', to: '2027-03-31' },
    });
    expect(await response.json()).toBe('csv');
    expect(api.calls.at(-1)?.headers).toMatchObject({ Authorization: 'Bearer access-1', Accept: '*/*' });
    await expect(client.fetchFile('/exports/dispatches.csv', { query: { from: 'x', to: 'y' } })).rejects.toMatchObject({
      status: 400,
      message: 'from must be YYYY-MM-DD (request id: req-9)',
    });
  });

  it('reports an unreachable server as status 0 in words', async () => {
    const client = createApiClient({
      fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch,
      storage: storage(),
    });
    await expect(client.request('/health', { auth: false })).rejects.toMatchObject({
      status: 0,
      body: { code: 'NETWORK' },
    });
  });
});
