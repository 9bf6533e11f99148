/**
 * react-admin's auth provider on the API's auth routes. The signed-in user (role, locale, scope)
 * always comes from the server (`GET /api/auth/me`); permissions are its role, and canAccess
 * reads the one table in access.ts.
 */
import type { AuthProvider } from 'ra-core';
import { canRoleAccess } from '../access';
import type { ApiClient, ApiUser, MfaChallenge, TokenPair } from './api-client';
import { returnTo as defaultReturnTo, type ReturnTo } from './return-to';

export interface Identity extends ApiUser {
  fullName: string;
}

export interface TwoFactorSteps {
  /** The second step a login is waiting for (kept in memory only: a reload starts again). */
  pendingMfa(): MfaChallenge | null;
  /** Completes a login with a TOTP or recovery code. */
  verifyMfa(code: string): Promise<void>;
  /** Completes a login with the session the enrolment answered. */
  signedInWith(pair: TokenPair): void;
}

/**
 * What checkAuth and checkError reject with: react-admin reads `message` (false: no notice) and
 * `redirectTo` off a plain object, by its auth provider contract.
 */
function authRejection(reason: { message: string | false; redirectTo?: string }): Promise<never> {
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- react-admin's contract, above
  return Promise.reject(reason);
}

export function createAuthProvider(
  client: ApiClient,
  returnTo: ReturnTo = defaultReturnTo,
): AuthProvider & TwoFactorSteps & { me(): Promise<ApiUser>; forgetMe(): void; returnTo: ReturnTo } {
  let me: Promise<ApiUser> | null = null;
  let pending: MfaChallenge | null = null;

  const loadMe = (): Promise<ApiUser> => {
    if (!me) {
      me = client.request<ApiUser>('/auth/me');
      me.catch(() => (me = null));
    }
    return me;
  };

  return {
    async login(params: { username?: string; email?: string; password: string; remember?: boolean }) {
      me = null;
      pending = null;
      const answer = await client.login(params.email ?? params.username ?? '', params.password, !!params.remember);
      if ('mfaToken' in answer) {
        // Staff and admins: the code step, or enrolment where two-factor sign-in is required.
        pending = answer;
        return { redirectTo: answer.mfaSetupRequired ? '/two-factor/enrol' : '/two-factor' };
      }
      me = Promise.resolve(answer);
      // Back to the page that asked for the sign-in (a deep link from a mail), else the dashboard.
      return { redirectTo: returnTo.take() };
    },

    pendingMfa: () => pending,

    async verifyMfa(code: string) {
      if (!pending) throw new Error('No sign-in is waiting for a code');
      const user = await client.verifyMfa(pending.mfaToken, code);
      pending = null;
      me = Promise.resolve(user);
    },

    signedInWith(pair: TokenPair) {
      pending = null;
      me = Promise.resolve(client.adoptSession(pair));
    },

    async logout() {
      me = null;
      await client.logout();
    },

    async checkAuth() {
      if (!(await client.ensureSession())) {
        returnTo.remember();
        return authRejection({ message: false, redirectTo: '/login' });
      }
    },

    checkError(error: { status?: number }) {
      if (error?.status === 401) {
        me = null;
        returnTo.remember();
        return authRejection({ message: 'ra.auth.auth_check_error' });
      }
      // 403 and the rest: the page says what went wrong; the session stays.
      return Promise.resolve();
    },

    async getIdentity() {
      const user = await loadMe();
      return { ...user, fullName: user.displayName } satisfies Identity;
    },

    async getPermissions() {
      if (!(await client.ensureSession())) return undefined;
      return (await loadMe()).role;
    },

    async canAccess({ resource, action }) {
      if (!(await client.ensureSession())) return false;
      const { role } = await loadMe();
      return canRoleAccess(role, resource, action);
    },

    me: loadMe,
    returnTo,
    /** After the user changed their own profile. */
    forgetMe() {
      me = null;
    },
  };
}
