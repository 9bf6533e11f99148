import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';

/** Longest wait between two attempts, whatever the attempt number. */
export const MAX_RETRY_DELAY_MS = 6 * 60 * 60 * 1000;

/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of
 * `baseMs * 2^(n-1)` (capped), so instances that failed together do not retry together.
 */
export function retryDelayMs(
  attempt: number,
  baseMs: number,
  random: () => number = Math.random,
  capMs = MAX_RETRY_DELAY_MS,
): number {
  const exponential = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

const EMAIL = /[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+/g;

/**
 * What of an error may be stored: its kind, code and message with e-mail addresses masked,
 * trimmed. Never the payload or SQL parameters (personal data must not land in error columns).
 */
export function describeError(error: unknown, max = 500): string {
  // Duck-typed: errors from Node's core (or another realm) are not always `instanceof Error` here.
  const { name, message, code } = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
  };
  if (typeof message !== 'string') return 'Error: (non-error value thrown)'.slice(0, max);
  const kind = typeof name === 'string' && name ? name : 'Error';
  const head = typeof code === 'string' || typeof code === 'number' ? `${kind} ${code}` : kind;
  const text = `${head}: ${message}`.replace(EMAIL, '***@***').replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Names this process in `claimed_by` columns: host, pid and a random suffix (two apps in one process differ). */
export function instanceId(): string {
  return `${hostname().slice(0, 60)}:${process.pid}:${randomBytes(3).toString('hex')}`;
}
