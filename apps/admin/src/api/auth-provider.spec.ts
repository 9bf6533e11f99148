import { createApiClient, type KeyValueStorage } from './api-client';
import { createAuthProvider } from './auth-provider';
import { fakeApi } from './fake-api';

const coordinator = {
  id: 'c1',
  email: 'c@example.jp',
  role: 'coordinator',
  displayName: '熊本 花子',
  locale: 'ja',
  hospitalId: 'h1',
};

function memory(): KeyValueStorage {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

function setup() {
  const api = fakeApi({
    'POST /api/auth/login': (c) =>
      (c.body as { email: string }).email === 'staff@example.jp'
        ? { status: 200, body: { mfaRequired: true, mfaToken: 'm1' } }
        : (c.body as { password: string }).password === 'right'
          ? { status: 200, body: { accessToken: 'a1', refreshToken: 'r1', expiresIn: 900, user: coordinator } }
          : { status: 401, body: { code: 'INVALID_CREDENTIALS', message: 'Wrong e-mail or password', requestId: 'x' } },
    'POST /api/auth/2fa/verify': (c) =>
      (c.body as { code: string }).code === '123456'
        ? {
            status: 200,
            body: {
              accessToken: 'a2',
              refreshToken: 'r2',
              expiresIn: 900,
              user: { ...coordinator, id: 's1', role: 'staff', hospitalId: null },
            },
          }
        : {
            status: 422,
            body: {
              code: 'INVALID_2FA_CODE',
              message: 'The code is wrong',
              errors: { code: ['The code is wrong'] },
              requestId: 'y',
            },
          },
    'GET /api/auth/me': () => ({ status: 200, body: coordinator }),
    'POST /api/auth/logout': () => ({ status: 204 }),
  });
  const client = createApiClient({ fetch: api.fetch, storage: memory() });
  return { api, auth: createAuthProvider(client) };
}

describe('createAuthProvider', () => {
  it('signs in with the e-mail typed in the username field', async () => {
    const { api, auth } = setup();
    await auth.login({ username: 'c@example.jp', password: 'right' });
    expect(api.calls[0].body).toEqual({ email: 'c@example.jp', password: 'right' });
    await expect(auth.checkAuth({})).resolves.toBeUndefined();
  });

  it('sends a login that needs a second factor to the code step, with no session until the code', async () => {
    const { api, auth } = setup();
    await expect(auth.login({ username: 'staff@example.jp', password: 'right' })).resolves.toEqual({
      redirectTo: '/two-factor',
    });
    expect(auth.pendingMfa()).toEqual({ mfaRequired: true, mfaToken: 'm1' });
    await expect(auth.checkAuth({})).rejects.toMatchObject({ redirectTo: '/login' });
    await expect(auth.verifyMfa('000000')).rejects.toMatchObject({ status: 422 });
    await auth.verifyMfa('123456');
    expect(api.calls.at(-1)?.body).toEqual({ mfaToken: 'm1', code: '123456' });
    expect(auth.pendingMfa()).toBeNull();
    await expect(auth.checkAuth({})).resolves.toBeUndefined();
    await expect(auth.getPermissions?.({})).resolves.toBe('staff');
  });

  it('refuses a wrong password with the API error', async () => {
    const { auth } = setup();
    await expect(auth.login({ username: 'c@example.jp', password: 'wrong' })).rejects.toMatchObject({ status: 401 });
    await expect(auth.checkAuth({})).rejects.toMatchObject({ redirectTo: '/login' });
  });

  it('takes identity and permissions from the server user', async () => {
    const { auth } = setup();
    await auth.login({ username: 'c@example.jp', password: 'right' });
    await expect(auth.getIdentity?.()).resolves.toMatchObject({
      id: 'c1',
      fullName: '熊本 花子',
      role: 'coordinator',
      locale: 'ja',
    });
    await expect(auth.getPermissions?.({})).resolves.toBe('coordinator');
  });

  it('lets a coordinator see the dashboard but not the users', async () => {
    const { auth } = setup();
    await auth.login({ username: 'c@example.jp', password: 'right' });
    await expect(auth.canAccess!({ resource: 'users', action: 'list' })).resolves.toBe(false);
    await expect(auth.canAccess!({ resource: 'dashboard', action: 'list' })).resolves.toBe(true);
  });

  it('signs out on a 401 but not on a 403', async () => {
    const { auth } = setup();
    await expect(auth.checkError({ status: 401 })).rejects.toBeDefined();
    await expect(auth.checkError({ status: 403 })).resolves.toBeUndefined();
  });

  it('logs out on the server and denies everything after', async () => {
    const { api, auth } = setup();
    await auth.login({ username: 'c@example.jp', password: 'right' });
    await auth.logout({});
    expect(api.calls.at(-1)).toMatchObject({ url: '/api/auth/logout', body: { refreshToken: 'r1' } });
    await expect(auth.canAccess!({ resource: 'dashboard', action: 'list' })).resolves.toBe(false);
  });
});
