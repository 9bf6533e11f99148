/**
 * The one door to the API. Keeps the access token in memory only; the refresh token never reaches
 * page scripts: sign-ins ask for `session: 'cookie'`, so it lives in an httpOnly, SameSite=Strict
 * cookie on /api/auth (persistent when 「ログインしたままにする」 is ticked, else until the browser
 * closes), shared by every tab. A page load resumes the session from it when the API's readable
 * hint cookie says one is there. Refreshes before the access token runs out and once more on a 401
 * (one tab at a time: the cookie's token rotates), and turns the API's error body
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
  /** Only for API clients that ask for the body-based pair; the panel's is in the cookie. */
  refreshToken?: string;
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
  /** Validation answers: each refusal with a code, worded here as `app.errors.fields.<code>`. */
  fieldErrors?: { field: string; code: string; message: string }[];
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

/** Runs `task` while no other tab of the panel runs one under the same name. */
export type CrossTabLock = <T>(name: string, task: () => Promise<T>) => Promise<T>;

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Whether the API's hint cookie says a session cookie is there (default: read document.cookie). */
  signedInHint?: () => boolean;
  /** Serialises refreshes across tabs (default: the Web Locks API where the browser has it). */
  lock?: CrossTabLock;
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

/** The API's readable cookie beside the httpOnly refresh-token cookie (apps/api/src/auth/session-cookie.ts). */
export const SIGNED_IN_COOKIE = 'dispatch_signed_in';

function cookieHint(): boolean {
  return typeof document !== 'undefined' && document.cookie.split(/;\s*/).includes(`${SIGNED_IN_COOKIE}=1`);
}

const webLock: CrossTabLock = (name, task) => {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? (locks.request(name, task) as Promise<Awaited<ReturnType<typeof task>>>) : task();
};

const GENERIC_CODES = new Set(['VALIDATION_FAILED', 'BAD_REQUEST']);

const englishFallback: Translate = (key, options) => {
  if (key === 'app.errors.with_request_id')
    return `${String(options?.message)} (request id: ${String(options?.requestId)})`;
  if (typeof options?._ === 'string') return options._;
  return key;
};

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = (options.baseUrl ?? '/api').replace(/\/$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const signedInHint = options.signedInHint ?? cookieHint;
  const lock = options.lock ?? webLock;
  const now = options.now ?? Date.now;
  const margin = options.refreshMarginMs ?? 60_000;
  let translate: Translate = options.translate ?? englishFallback;

  let session: { accessToken: string; expiresAt: number } | null = null;
  let refreshing: Promise<TokenPair | null> | null = null;
  /** 「ログインしたままにする」 of the sign-in waiting for its second factor. */
  let remember = false;

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

  /**
   * A field's refusals in the user's language, by their codes (the server's English when a code has
   * no words). `INVALID` is a rule of the API's own (a language listed twice, overlapping hours): its
   * sentence says more than any generic wording, and the forms that know it word it themselves.
   */
  function fieldWords(fieldErrors: ApiErrorBody['fieldErrors'], field: string): string {
    if (!Array.isArray(fieldErrors)) return '';
    const words = fieldErrors
      .filter((e) => e.field === field && e.code !== 'INVALID')
      .map((e) => translate(`app.errors.fields.${e.code}`, { _: e.message }));
    return [...new Set(words)].join(' ');
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
        errors[field] =
          specific ||
          fieldWords(body.fieldErrors, field) ||
          (Array.isArray(messages) ? messages.join(' ') : String(messages));
      }
    }
    return new ApiError(message, status, { code, requestId: body.requestId, ...(errors ? { errors } : {}) });
  }

  function startSession(pair: TokenPair): void {
    session = { accessToken: pair.accessToken, expiresAt: now() + pair.expiresIn * 1000 };
  }

  function endSession(): void {
    session = null;
  }

  /** The session is in the cookie: how a sign-in asks for it. */
  const cookieMode = () => ({ session: 'cookie' as const, remember });

  async function doRefresh(): Promise<TokenPair | null> {
    if (!signedInHint()) {
      session = null;
      return null;
    }
    const response = await send('/auth/refresh', {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: '{}',
    });
    if (!response.ok) {
      // Expired, revoked or reused: the session is over (the API has cleared its cookies).
      endSession();
      return null;
    }
    const pair = (await readJson(response)) as TokenPair;
    startSession(pair);
    return pair;
  }

  /**
   * One refresh at a time, in this tab and across the panel's tabs: the cookie's refresh token
   * rotates, and sending the same one twice would look like a stolen token to the API and revoke
   * the whole family. A tab that waited sends the cookie the other tab's refresh left.
   */
  function refresh(): Promise<TokenPair | null> {
    if (!refreshing) refreshing = lock('dispatch.refresh', doRefresh).finally(() => (refreshing = null));
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
    /**
     * The user, signed in; or, for staff and admins with (or needing) two-factor sign-in, the second
     * step to take. `keepSignedIn`: 「ログインしたままにする」 (the cookie outlives the browser).
     */
    async login(email: string, password: string, keepSignedIn = false): Promise<ApiUser | MfaChallenge> {
      remember = keepSignedIn;
      const answer = await request<TokenPair | MfaChallenge>('/auth/login', {
        method: 'POST',
        body: { email, password, ...cookieMode() },
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
        body: { mfaToken, code, ...cookieMode() },
        auth: false,
      });
      startSession(pair);
      return pair.user;
    },
    /** What a sign-in's second step (code or enrolment) adds to its body: the session in the cookie. */
    sessionMode: cookieMode,
    /** A token pair answered by another route (enrolment at sign-in). */
    adoptSession(pair: TokenPair): ApiUser {
      startSession(pair);
      return pair.user;
    },
    /** Ends the session on this device: the API revokes its refresh token and clears the cookies. */
    async logout(): Promise<void> {
      const hadSession = session !== null || signedInHint();
      endSession();
      remember = false;
      if (!hadSession) return;
      await request('/auth/logout', { method: 'POST', body: {}, auth: false }).catch(() => undefined);
    },
    /** A usable session, resumed from the cookie if need be (a reload, a new tab, a restarted browser). */
    async ensureSession(): Promise<boolean> {
      if (sessionIsFresh()) return true;
      return !!(await refresh());
    },
    /** Whether this tab holds a session (an access token, fresh or due for a refresh). */
    hasSession(): boolean {
      return session !== null;
    },
    setTranslate(next: Translate): void {
      translate = next;
    },
  };
}
