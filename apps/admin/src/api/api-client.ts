/**
 * The one door to the API. Keeps the access token in memory only and the refresh token in
 * sessionStorage (it survives a reload of the tab, not the closing of it), refreshes before the
 * access token runs out and once more on a 401, and turns the API's error body
 * `{code, message, errors?, requestId}` into an ApiError react-admin understands: field errors
 * land on the form fields, the message (with the request id) in the notification.
 */
import type { Locale } from '@app/domain/model';
import type { Role } from '../access';

export interface ApiUser {
  id: string;
  email: string;
  role: Role;
  displayName: string;
  locale: Locale;
  hospitalId?: string | null;
  volunteerId?: string | null;
  active?: boolean;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** seconds */
  expiresIn: number;
  user: ApiUser;
}

/** A login that needs a second factor first (API.md "Accounts and sessions"): no session yet. */
export interface MfaChallenge {
  mfaRequired?: true;
  mfaSetupRequired?: true;
  mfaToken: string;
}

/** The error body of API.md. */
export interface ApiErrorBody {
  code: string;
  message: string;
  errors?: Record<string, string[]>;
  requestId?: string;
}

/** What react-admin reads from a rejected call: `status`, `message`, `body.errors` for forms. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: {
      code: string;
      requestId?: string;
      /** field → message, plus root.serverError; only when the API named fields */
      errors?: Record<string, string | { serverError: string }>;
    },
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  storage?: KeyValueStorage;
  now?: () => number;
  translate?: Translate;
  /** refresh this long before the access token expires */
  refreshMarginMs?: number;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  /** false for the sign-in routes */
  auth?: boolean;
  /** the Accept header; JSON unless a download asks for a file */
  accept?: string;
}

export const REFRESH_TOKEN_KEY = 'dispatch.refreshToken';

const GENERIC_CODES = new Set(['VALIDATION_FAILED', 'BAD_REQUEST']);

const englishFallback: Translate = (key, options) => {
  if (key === 'app.errors.with_request_id')
    return `${String(options?.message)} (request id: ${String(options?.requestId)})`;
  if (typeof options?._ === 'string') return options._;
  return key;
};

function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = (options.baseUrl ?? '/api').replace(/\/$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const storage = options.storage ?? (typeof sessionStorage === 'undefined' ? memoryStorage() : sessionStorage);
  const now = options.now ?? Date.now;
  const margin = options.refreshMarginMs ?? 60_000;
  let translate: Translate = options.translate ?? englishFallback;

  let session: { accessToken: string; expiresAt: number } | null = null;
  let refreshing: Promise<TokenPair | null> | null = null;

  function url(path: string, query?: RequestOptions['query']): string {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null && value !== '') search.append(key, String(value));
    }
    const qs = search.toString();
    return `${baseUrl}${path.startsWith('/') ? path : `/${path}`}${qs ? `?${qs}` : ''}`;
  }

  async function send(path: string, init: RequestInit, query?: RequestOptions['query']): Promise<Response> {
    try {
      return await doFetch(url(path, query), init);
    } catch {
      throw new ApiError(
        translate('app.errors.network', { _: 'The server cannot be reached. Check the connection and try again.' }),
        0,
        { code: 'NETWORK' },
      );
    }
  }

  async function readJson(response: Response): Promise<unknown> {
    if (response.status === 204) return undefined;
    const text = await response.text();
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }

  function toError(status: number, payload: unknown): ApiError {
    const body = (typeof payload === 'object' && payload !== null ? payload : {}) as Partial<ApiErrorBody>;
    const code = typeof body.code === 'string' ? body.code : `HTTP_${status}`;
    const serverMessage = typeof body.message === 'string' ? body.message : `HTTP ${status}`;
    const text = translate(`app.errors.codes.${code}`, { _: serverMessage });
    const message = body.requestId
      ? translate('app.errors.with_request_id', { message: text, requestId: body.requestId })
      : text;
    let errors: Record<string, string | { serverError: string }> | undefined;
    if (body.errors && typeof body.errors === 'object' && Object.keys(body.errors).length > 0) {
      errors = { root: { serverError: message } };
      // A specific code (EMAIL_TAKEN…) is worded in the user's language on the field too; the
      // generic ones keep the server's per-field wording.
      const specific = !GENERIC_CODES.has(code) ? translate(`app.errors.codes.${code}`, { _: '' }) : '';
      for (const [field, messages] of Object.entries(body.errors)) {
        errors[field] = specific || (Array.isArray(messages) ? messages.join(' ') : String(messages));
      }
    }
    return new ApiError(message, status, { code, requestId: body.requestId, ...(errors ? { errors } : {}) });
  }

  function startSession(pair: TokenPair): void {
    session = { accessToken: pair.accessToken, expiresAt: now() + pair.expiresIn * 1000 };
    storage.setItem(REFRESH_TOKEN_KEY, pair.refreshToken);
  }

  function endSession(): void {
    session = null;
    storage.removeItem(REFRESH_TOKEN_KEY);
  }

  async function doRefresh(): Promise<TokenPair | null> {
    const refreshToken = storage.getItem(REFRESH_TOKEN_KEY);
    if (!refreshToken) {
      session = null;
      return null;
    }
    const response = await send('/auth/refresh', {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    if (!response.ok) {
      // Expired, revoked or reused: this tab's session is over.
      endSession();
      return null;
    }
    const pair = (await readJson(response)) as TokenPair;
    startSession(pair);
    return pair;
  }

  /**
   * One refresh at a time: refresh tokens rotate, and sending the same one twice would look like
   * a stolen token to the API and revoke the whole family.
   */
  function refresh(): Promise<TokenPair | null> {
    if (!refreshing) refreshing = doRefresh().finally(() => (refreshing = null));
    return refreshing;
  }

  function sessionIsFresh(): boolean {
    return !!session && session.expiresAt - now() > margin;
  }

  /**
   * Runs `attempt` with a fresh access token (undefined when `auth` is false): refreshed before
   * when it is about to run out, and once more, with a second attempt, on a 401.
   */
  async function withSession<R extends { status: number }>(
    auth: boolean,
    attempt: (token: string | undefined) => Promise<R>,
  ): Promise<R> {
    if (auth && !sessionIsFresh()) await refresh();
    if (auth && !session) {
      throw new ApiError(
        translate('app.errors.session_ended', { _: 'Your session has ended. Please sign in again.' }),
        401,
        { code: 'UNAUTHENTICATED' },
      );
    }
    const usedToken = auth ? session?.accessToken : undefined;
    let response = await attempt(usedToken);
    if (response.status === 401 && auth) {
      // Another call may already have refreshed; otherwise refresh now, then try once more.
      const renewed = session && session.accessToken !== usedToken ? true : !!(await refresh());
      if (renewed) response = await attempt(session?.accessToken);
    }
    return response;
  }

  /** The successful response of an authorised call, unread (a download reads its body itself). */
  async function respond(path: string, opts: RequestOptions = {}): Promise<Response> {
    const response = await withSession(opts.auth ?? true, (token) => {
      const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json' };
      if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
      if (token) headers.Authorization = `Bearer ${token}`;
      return send(
        path,
        {
          method: opts.method ?? 'GET',
          headers,
          body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        },
        opts.query,
      );
    });
    if (!response.ok) throw toError(response.status, await readJson(response));
    return response;
  }

  async function request<T = unknown>(path: string, opts: RequestOptions = {}): Promise<T> {
    return (await readJson(await respond(path, opts))) as T;
  }

  return {
    request,
    /** A file from the API (exports), with the bearer token; API errors thrown as for `request`. */
    fetchFile: (path: string, opts: Omit<RequestOptions, 'method' | 'body'> = {}) =>
      respond(path, { ...opts, accept: opts.accept ?? '*/*' }),
    /**
     * A call fetch cannot make (an upload reporting its progress through XMLHttpRequest):
     * `attempt` gets the URL of `path` and the bearer token, and answers the status and parsed
     * body; the token is refreshed as for `request`. The answer is returned as it came, errors
     * included: `errorOf` words one as `request` would.
     */
    withSession: <R extends { status: number }>(
      path: string,
      attempt: (url: string, token: string | undefined) => Promise<R>,
    ) => withSession(true, (token) => attempt(url(path), token)),
    /** The ApiError `request` would throw for this status and error body (worded, with the request id). */
    errorOf: (status: number, body: unknown): ApiError => toError(status, body),
    refresh,
    /** The user, signed in; or, for staff and admins with (or needing) two-factor sign-in, the second step to take. */
    async login(email: string, password: string): Promise<ApiUser | MfaChallenge> {
      const answer = await request<TokenPair | MfaChallenge>('/auth/login', {
        method: 'POST',
        body: { email, password },
        auth: false,
      });
      if ('mfaToken' in answer) return answer;
      startSession(answer);
      return answer.user;
    },
    /** The second step of a login: a TOTP code or a recovery code. */
    async verifyMfa(mfaToken: string, code: string): Promise<ApiUser> {
      const pair = await request<TokenPair>('/auth/2fa/verify', {
        method: 'POST',
        body: { mfaToken, code },
        auth: false,
      });
      startSession(pair);
      return pair.user;
    },
    /** A token pair answered by another route (enrolment at sign-in). */
    adoptSession(pair: TokenPair): ApiUser {
      startSession(pair);
      return pair.user;
    },
    async logout(): Promise<void> {
      const refreshToken = storage.getItem(REFRESH_TOKEN_KEY);
      endSession();
      if (!refreshToken) return;
      await request('/auth/logout', { method: 'POST', body: { refreshToken }, auth: false }).catch(() => undefined);
    },
    /** A usable session, refreshing it if only the refresh token is left (e.g. after a reload). */
    async ensureSession(): Promise<boolean> {
      if (sessionIsFresh()) return true;
      return !!(await refresh());
    },
    hasRefreshToken(): boolean {
      return storage.getItem(REFRESH_TOKEN_KEY) !== null;
    },
    setTranslate(next: Translate): void {
      translate = next;
    },
  };
}
