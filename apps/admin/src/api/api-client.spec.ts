import { ApiError, createApiClient } from './api-client';
import { fakeApi } from './fake-api';

const user = { id: 'u1', email: 'a@example.jp', role: 'admin', displayName: 'A', locale: 'ja' };

/** The browser's view of the API's readable hint cookie (set by a cookie-mode sign-in or refresh). */
const signedIn = () => true;

function pair(n: number, expiresIn = 900) {
  return { accessToken: `access-${n}`, expiresIn, user };
}

describe('createApiClient', () => {
  it('signs in asking for the session in the cookie, and keeps the access token in memory only', async () => {
    const api = fakeApi({
      'POST /api/auth/login': () => ({ status: 200, body: pair(1) }),
      'GET /api/auth/me': (call) => ({
        status: call.headers.Authorization === 'Bearer access-1' ? 200 : 401,
        body: user,
      }),
    });
    const client = createApiClient({ fetch: api.fetch, signedInHint: () => false });
    await expect(client.login('a@example.jp', 'pw')).resolves.toEqual(user);
    expect(api.calls[0].body).toEqual({ email: 'a@example.jp', password: 'pw', session: 'cookie', remember: false });
    expect(client.hasSession()).toBe(true);
    await expect(client.request('/auth/me')).resolves.toEqual(user);
    await client.login('a@example.jp', 'pw', true);
    expect(api.calls.at(-1)?.body).toMatchObject({ session: 'cookie', remember: true });
  });

  it('carries 「ログインしたままにする」 through the two-factor step', async () => {
    const api = fakeApi({
      'POST /api/auth/login': () => ({ status: 200, body: { mfaRequired: true, mfaToken: 'm1' } }),
      'POST /api/auth/2fa/verify': () => ({ status: 200, body: pair(1) }),
    });
    const client = createApiClient({ fetch: api.fetch, signedInHint: () => false });
    await client.login('a@example.jp', 'pw', true);
    await client.verifyMfa('m1', '123456');
    expect(api.calls[1].body).toEqual({ mfaToken: 'm1', code: '123456', session: 'cookie', remember: true });
    expect(client.sessionMode()).toEqual({ session: 'cookie', remember: true });
  });

  it('refreshes on a 401 from the cookie (no token in the body) and retries once', async () => {
    let current = 'access-1';
    const api = fakeApi({
      'POST /api/auth/login': () => ({ status: 200, body: pair(1) }),
      'POST /api/auth/refresh': (call) => {
        expect(call.body).toEqual({});
        current = 'access-2';
        return { status: 200, body: pair(2) };
      },
      'GET /api/users': (call) =>
        call.headers.Authorization === `Bearer ${current}`
          ? { status: 200, body: { data: [], total: 0 } }
          : { status: 401, body: { code: 'UNAUTHENTICATED', message: 'no' } },
    });
    const client = createApiClient({ fetch: api.fetch, signedInHint: signedIn });
    await client.login('a@example.jp', 'pw');
    current = 'access-2';
    await expect(client.request('/users')).resolves.toEqual({ data: [], total: 0 });
    expect(api.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/auth/login',
      'GET /api/users',
      'POST /api/auth/refresh',
      'GET /api/users',
    ]);
  });

  it('refreshes before the access token expires, without waiting for a 401', async () => {
    let now = 0;
    const api = fakeApi({
      'POST /api/auth/login': () => ({ status: 200, body: pair(1, 900) }),
      'POST /api/auth/refresh': () => ({ status: 200, body: pair(2, 900) }),
      'GET /api/auth/me': () => ({ status: 200, body: user }),
    });
    const client = createApiClient({ fetch: api.fetch, signedInHint: signedIn, now: () => now });
    await client.login('a@example.jp', 'pw');
    now = 850_000; // 50 s left, under the 60 s margin
    await client.request('/auth/me');
    expect(api.calls.map((c) => c.url)).toEqual(['/api/auth/login', '/api/auth/refresh', '/api/auth/me']);
    expect(api.calls[2].headers.Authorization).toBe('Bearer access-2');
  });

  it('sends one refresh for many calls at once, under the lock the panel’s tabs share (a rotated token must never be sent twice)', async () => {
    const locked: string[] = [];
    const api = fakeApi({
      'POST /api/auth/refresh': async () => {
        await new Promise((r) => setTimeout(r, 5));
        return { status: 200, body: pair(2) };
      },
      'GET /api/auth/me': () => ({ status: 200, body: user }),
    });
    const client = createApiClient({
      fetch: api.fetch,
      signedInHint: signedIn,
      lock: (name, task) => {
        locked.push(name);
        return task();
      },
    });
    await Promise.all([client.request('/auth/me'), client.request('/auth/me'), client.request('/auth/me')]);
    expect(api.calls.filter((c) => c.url === '/api/auth/refresh')).toHaveLength(1);
    expect(locked).toEqual(['dispatch.refresh']);
  });

  it('resumes a session from the cookie after a reload, in a new tab or after a restart', async () => {
    const api = fakeApi({ 'POST /api/auth/refresh': () => ({ status: 200, body: pair(2) }) });
    const client = createApiClient({ fetch: api.fetch, signedInHint: signedIn });
    await expect(client.ensureSession()).resolves.toBe(true);
    await expect(client.ensureSession()).resolves.toBe(true);
    expect(api.calls).toHaveLength(1);
  });

  it('asks the API nothing on a page load without the hint cookie (signed out)', async () => {
    const api = fakeApi({});
    const client = createApiClient({ fetch: api.fetch, signedInHint: () => false });
    await expect(client.ensureSession()).resolves.toBe(false);
    await expect(client.request('/users')).rejects.toMatchObject({ status: 401 });
    expect(api.calls).toEqual([]);
  });

  it('ends the session when the cookie is refused, and says so with a 401', async () => {
    const api = fakeApi({
      'POST /api/auth/refresh': () => ({ status: 401, body: { code: 'INVALID_REFRESH_TOKEN', message: 'no' } }),
    });
    const client = createApiClient({ fetch: api.fetch, signedInHint: signedIn });
    await expect(client.request('/users')).rejects.toMatchObject({ status: 401 });
    expect(client.hasSession()).toBe(false);
  });

  it('signs out on the server (the cookie names the session) and forgets the access token', async () => {
    const api = fakeApi({
      'POST /api/auth/login': () => ({ status: 200, body: pair(1) }),
      'POST /api/auth/logout': () => ({ status: 204 }),
    });
    const client = createApiClient({ fetch: api.fetch, signedInHint: () => false });
    await client.login('a@example.jp', 'pw');
    await client.logout();
    expect(api.calls[1]).toMatchObject({ url: '/api/auth/logout', body: {} });
    expect(client.hasSession()).toBe(false);
  });

  it('turns field errors into form errors and puts the request id in the message', async () => {
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
    const client = createApiClient({ fetch: api.fetch, signedInHint: signedIn });
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

  it('words each refused field by its code in the user language (fieldErrors), the server English otherwise', async () => {
    const api = fakeApi({
      'POST /api/auth/refresh': () => ({ status: 200, body: pair(1) }),
      'POST /api/volunteers': () => ({
        status: 422,
        body: {
          code: 'VALIDATION_FAILED',
          message: 'Check these fields: email, gender, nameKana',
          errors: {
            email: ['email must be an e-mail address'],
            gender: ['gender must be one of: female, male, other'],
            nameKana: ['nameKana must be shorter'],
          },
          fieldErrors: [
            { field: 'email', code: 'EMAIL', message: 'email must be an e-mail address' },
            { field: 'gender', code: 'ONE_OF', message: 'gender must be one of: female, male, other' },
            { field: 'nameKana', code: 'SOMETHING_NEW', message: 'nameKana must be shorter' },
          ],
          requestId: 'req-5',
        },
      }),
    });
    const words: Record<string, string> = {
      'app.errors.fields.EMAIL': 'メールアドレスの形式ではありません',
      'app.errors.fields.ONE_OF': '選べる値のどれかにしてください',
    };
    const translate = (key: string, options?: Record<string, unknown>) => words[key] ?? String(options?._);
    const client = createApiClient({ fetch: api.fetch, signedInHint: signedIn, translate });
    const error = (await client.request('/volunteers', { method: 'POST', body: {} }).catch((e) => e)) as ApiError;
    expect(error.body.errors).toMatchObject({
      email: 'メールアドレスの形式ではありません',
      gender: '選べる値のどれかにしてください',
      nameKana: 'nameKana must be shorter',
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
          ? `${options?.message as string}（${options?.requestId as string}）`
          : String(options?._);
    const client = createApiClient({ fetch: api.fetch, signedInHint: signedIn, translate });
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
    const client = createApiClient({ fetch: api.fetch, signedInHint: signedIn });
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
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      signedInHint: signedIn,
    });
    await expect(client.request('/health', { auth: false })).rejects.toMatchObject({
      status: 0,
      body: { code: 'NETWORK' },
    });
  });
});
