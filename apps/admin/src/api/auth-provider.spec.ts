import { createApiClient } from './api-client';
import { createAuthProvider } from './auth-provider';
import { createReturnTo } from './return-to';
import { fakeApi } from './fake-api';

const coordinator = {
  id: 'c1',
  email: 'c@example.jp',
  role: 'coordinator',
  displayName: '熊本 花子',
  locale: 'ja',
  hospitalId: 'h1',
};

function memory() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

function setup(hash = '#/') {
  const location = { hash };
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
  // Like the browser: a cookie-mode sign-in sets the hint cookie, signing out clears it.
  let cookie = false;
  const client = createApiClient({ fetch: api.fetch, signedInHint: () => cookie });
  const tracked = fakeCookies(api, (value) => (cookie = value));
  const auth = createAuthProvider(
    client,
    createReturnTo(memory(), () => location.hash),
  );
  return { api: tracked, auth, location };
}

/** Sets the hint cookie as the API would after a sign-in, and clears it on sign-out. */
function fakeCookies(api: ReturnType<typeof fakeApi>, set: (value: boolean) => void) {
  const original = api.fetch;
  api.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await original(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (response.ok && /auth\/(login|2fa\/verify)$/.test(url)) set(true);
    if (url.endsWith('/auth/logout')) set(false);
    return response;
  };
  return api;
}

describe('createAuthProvider', () => {
  it('signs in with the e-mail typed in the username field', async () => {
    const { api, auth } = setup();
    await auth.login({ username: 'c@example.jp', password: 'right' });
    expect(api.calls[0].body).toEqual({ email: 'c@example.jp', password: 'right', session: 'cookie', remember: false });
    await expect(auth.checkAuth({})).resolves.toBeUndefined();
  });

  it('asks for a lasting cookie when 「ログインしたままにする」 is ticked', async () => {
    const { api, auth } = setup();
    await auth.login({ username: 'c@example.jp', password: 'right', remember: true });
    expect(api.calls[0].body).toMatchObject({ session: 'cookie', remember: true });
  });

  it('sends the user back, after signing in, to the page that was opened signed out (query included)', async () => {
    const { auth, location } = setup('#/offers?filter=%7B%22status%22%3A%22sent%22%7D');
    await expect(auth.checkAuth({})).rejects.toMatchObject({ redirectTo: '/login' });
    location.hash = '#/login';
    await expect(auth.checkAuth({})).rejects.toMatchObject({ redirectTo: '/login' });
    await expect(auth.login({ username: 'c@example.jp', password: 'right' })).resolves.toEqual({
      redirectTo: '/offers?filter=%7B%22status%22%3A%22sent%22%7D',
    });
    // Read once: the next sign-in goes to the dashboard.
    await auth.logout({});
    await expect(auth.login({ username: 'c@example.jp', password: 'right' })).resolves.toEqual({ redirectTo: '/' });
  });

  it('keeps the page to go back to through the two-factor step', async () => {
    const { auth } = setup('#/dispatches/d1/report');
    await expect(auth.checkAuth({})).rejects.toBeDefined();
    await auth.login({ username: 'staff@example.jp', password: 'right' });
    await auth.verifyMfa('123456');
    expect(auth.returnTo.take()).toBe('/dispatches/d1/report');
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
    expect(api.calls.at(-1)?.body).toEqual({ mfaToken: 'm1', code: '123456', session: 'cookie', remember: false });
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
    expect(api.calls.at(-1)).toMatchObject({ url: '/api/auth/logout', body: {} });
    await expect(auth.canAccess!({ resource: 'dashboard', action: 'list' })).resolves.toBe(false);
  });
});
