import { ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectThrottlerStorage, normalizeIp, ThrottlerOptions, ThrottlerStorage } from '@nestjs/throttler';
import { TooManyRequestsError } from '@app/domain';
import { AppConfig } from '../config/env.validation';

const LOGIN_KEY = 'login-throttled';

/** Marks the routes counted by the login throttles. */
export const LoginThrottled = () => SetMetadata(LOGIN_KEY, true);

const notLogin = (context: ExecutionContext) => !Reflect.getMetadata(LOGIN_KEY, context.getHandler());

export type LoginRequest = { body?: unknown; ip?: string };

/**
 * The account a sign-in names, as the users table keys it: the e-mail of a login or password
 * reset, or the subject of the one-time token a 2FA code comes with (unverified: it only picks the
 * counter, and a forged one only fills the sender's own per-address counter). Read before
 * validation, so anything that is not a string (`{"toString":1}`) counts as no account instead
 * of throwing; validation then answers 400 naming `email`.
 */
export function loginAccount(req: LoginRequest): string {
  const body = typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};
  if (typeof body.email === 'string') return body.email.trim().toLowerCase();
  return typeof body.mfaToken === 'string' ? `mfa:${tokenSubject(body.mfaToken)}` : '';
}

function tokenSubject(token: string): string {
  try {
    const claims: unknown = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    const sub = typeof claims === 'object' && claims !== null ? (claims as { sub?: unknown }).sub : undefined;
    return typeof sub === 'string' ? sub.slice(0, 64) : '';
  } catch {
    return '';
  }
}

/** The client's address as the throttles count it: IPv4 as is, IPv6 by its /64 (what one subscriber gets). */
export function loginAddress(req: LoginRequest): string {
  return normalizeIp(req.ip ?? '');
}

type ThrottleSettings = Pick<
  AppConfig,
  | 'LOGIN_IP_LIMIT'
  | 'LOGIN_PAIR_LIMIT'
  | 'LOGIN_WINDOW_SECONDS'
  | 'LOGIN_BLOCK_SECONDS'
  | 'USER_RATE_LIMIT'
  | 'ADDRESS_RATE_LIMIT'
>;

type ThrottledRequest = LoginRequest & { user?: { id: string }; path?: string; originalUrl?: string };

/** The signed-in caller, once the access token has been checked (the guard runs after JwtAuthGuard). */
const signedInUser = (context: ExecutionContext) =>
  context.switchToHttp().getRequest<ThrottledRequest>().user?.id ?? null;

/** Liveness and readiness checks are polled by load balancers and monitors, all from a few addresses. */
const isHealthCheck = (context: ExecutionContext) => context.getClass().name === 'HealthController';

/**
 * The hard limits, as throttles of @nestjs/throttler. Authenticated calls count against the
 * signed-in user (the verified token's subject), so people behind one proxy or hospital network
 * each have their own budget and one user's devices share theirs. Calls without a sign-in (mail
 * links, refresh, calendar feeds) count per client address. On login, password reset and 2FA
 * codes: one throttle per client address (all accounts) and one per account *and* address pair;
 * both block only the address that exceeded them, so nobody elsewhere can lock an owner out; the
 * account as a whole is only slowed (LoginPacer) or, for 2FA codes, locked after repeated
 * failures (TwoFactorService).
 *
 * Counters live in each process: with WEB_CONCURRENCY=N workers a client may get up to N times a
 * limit, as with N machines behind a balancer.
 */
export function throttlers(config: ThrottleSettings): ThrottlerOptions[] {
  const ttl = config.LOGIN_WINDOW_SECONDS * 1000;
  const blockDuration = config.LOGIN_BLOCK_SECONDS * 1000;
  return [
    {
      name: 'user',
      ttl: 60_000,
      limit: config.USER_RATE_LIMIT,
      skipIf: (context) => signedInUser(context) === null,
      getTracker: (req) => `user:${(req as ThrottledRequest).user?.id}`,
    },
    {
      name: 'address',
      ttl: 60_000,
      limit: config.ADDRESS_RATE_LIMIT,
      skipIf: (context) => signedInUser(context) !== null || !notLogin(context) || isHealthCheck(context),
      getTracker: (req) => loginAddress(req),
    },
    {
      name: 'login-ip',
      ttl,
      limit: config.LOGIN_IP_LIMIT,
      blockDuration,
      skipIf: notLogin,
      getTracker: (req) => loginAddress(req),
    },
    {
      name: 'login-pair',
      ttl,
      limit: config.LOGIN_PAIR_LIMIT,
      blockDuration,
      skipIf: notLogin,
      getTracker: (req) => `pair:${loginAccount(req)}|${loginAddress(req)}`,
    },
  ];
}

/** The longest a sign-in is held for its turn; a later turn is answered 429 with Retry-After. */
export const LOGIN_MAX_WAIT_MS = 10_000;
const KNOWN_ADDRESS_MS = 30 * 86_400_000;
const SWEEP_EVERY = 1000;

/**
 * The soft account-wide limit (OWASP ASVS: brute-force protection without malicious lockout).
 * Attempts on one account from addresses it has not signed in from are counted over
 * LOGIN_ACCOUNT_WINDOW_SECONDS; past LOGIN_ACCOUNT_LIMIT they are spaced out — 1 s, 2 s, 4 s …
 * up to LOGIN_ACCOUNT_MAX_SPACING_SECONDS between two attempts, whichever address they come
 * from — so guessing from many addresses gets slower and slower, while the owner signing in from
 * an address they signed in from in the last 30 days goes straight through. An attempt waits for
 * its turn up to LOGIN_MAX_WAIT_MS, else gets 429 with the seconds to wait.
 *
 * State is per instance (like the throttles): it is short-lived, costs no database write per
 * attempt under attack, and a restart only forgets known addresses (their owners are then paced,
 * never refused outright for long). N instances admit up to N times the rate.
 */
@Injectable()
export class LoginPacer {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly maxSpacingMs: number;
  /** account → when the next paced attempt may run */
  private readonly nextTurn = new Map<string, number>();
  /** account|address → last successful sign-in (real time, like the throttles' windows) */
  private readonly known = new Map<string, number>();
  private calls = 0;

  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    config: ConfigService<AppConfig, true>,
  ) {
    this.limit = config.get('LOGIN_ACCOUNT_LIMIT', { infer: true });
    this.windowMs = config.get('LOGIN_ACCOUNT_WINDOW_SECONDS', { infer: true }) * 1000;
    this.maxSpacingMs = config.get('LOGIN_ACCOUNT_MAX_SPACING_SECONDS', { infer: true }) * 1000;
  }

  /** Waits for this attempt's turn; throws 429 (TooManyRequestsError, `retryAfterSeconds`) when it is too far off. */
  async admit(req: LoginRequest): Promise<void> {
    const account = loginAccount(req);
    const now = Date.now();
    if (++this.calls % SWEEP_EVERY === 0) this.sweep(now);
    if (this.isKnown(account, loginAddress(req), now)) return;
    const { totalHits } = await this.storage.increment(
      `login-account:${account}`,
      this.windowMs,
      Number.MAX_SAFE_INTEGER,
      0,
      'login-account',
    );
    const excess = totalHits - this.limit;
    if (excess <= 0) return;
    const turn = Math.max(now, this.nextTurn.get(account) ?? 0);
    const wait = turn - now;
    if (wait > LOGIN_MAX_WAIT_MS) throw new LoginPacedError(Math.ceil(wait / 1000));
    this.nextTurn.set(account, turn + Math.min(this.maxSpacingMs, 1000 * 2 ** Math.min(excess - 1, 20)));
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  /** The password was right from this address: the owner's attempts from it are never paced. */
  succeeded(req: LoginRequest): void {
    this.known.set(`${loginAccount(req)}|${loginAddress(req)}`, Date.now());
  }

  private isKnown(account: string, address: string, now: number): boolean {
    const at = this.known.get(`${account}|${address}`);
    return at !== undefined && now - at < KNOWN_ADDRESS_MS;
  }

  private sweep(now: number): void {
    for (const [account, turn] of this.nextTurn) if (turn < now - this.windowMs) this.nextTurn.delete(account);
    for (const [pair, at] of this.known) if (at < now - KNOWN_ADDRESS_MS) this.known.delete(pair);
  }
}

/** 429 from the account pacer; the guard puts `retryAfterSeconds` in the Retry-After header. */
export class LoginPacedError extends TooManyRequestsError {
  constructor(readonly retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', `Too many sign-in attempts on this account; try again in ${retryAfterSeconds} s`);
  }
}
