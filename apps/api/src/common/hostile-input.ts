import type { IncomingMessage, ServerResponse } from 'node:http';
import { UnsupportedMediaTypeException } from '@nestjs/common';
import { BadRequestError } from '@app/domain';

/** Deepest nesting of objects and arrays a body may have; the deepest DTO needs four. */
export const MAX_DEPTH = 32;

/** Most fields a form body (application/x-www-form-urlencoded) may have; more is 413. */
export const FORM_FIELD_LIMIT = 1000;

/** Fields named in one answer at most; a body can hold thousands of bad strings. */
const MAX_REPORTED = 10;

/**
 * Keys refused anywhere in input: members every object inherits (`__proto__`, `constructor`,
 * `toString`, …) and `prototype`. No field has such a name, and code that walks or converts input
 * (class-transformer, `String(value)`) takes them for the object's own machinery.
 */
const RESERVED_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** A UTF-16 surrogate with no partner: not text, and PostgreSQL cannot store it. */
const LONE_SURROGATE = /\p{Cs}/u;

function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode text (it holds an unpaired surrogate)';
  return null;
}

/**
 * What makes parsed input unfit for validation, by field (`languages.0.code`), or null: nesting
 * deeper than MAX_DEPTH, text with NUL or an unpaired surrogate (in values and keys), and
 * reserved keys. Walks without recursion, so no input can overflow the stack here, and runs before
 * the validation pipe, whose recursion it protects.
 */
export function hostileInputErrors(input: unknown, maxDepth = MAX_DEPTH): Record<string, string[]> | null {
  // A Map: the fields are named by keys such as `__proto__`, which a plain object would take as its prototype.
  const errors = new Map<string, string[]>();
  const report = (path: string[], message: string) => {
    const field = path.join('.') || '(body)';
    errors.set(field, [...(errors.get(field) ?? []), message]);
  };
  const stack: Array<{ value: unknown; path: string[]; depth: number }> = [{ value: input, path: [], depth: 0 }];
  while (stack.length > 0 && errors.size < MAX_REPORTED) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) report(path, problem);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) {
      report(path, `is nested too deeply (at most ${maxDepth} levels of objects and arrays)`);
      continue;
    }
    for (const key of Object.keys(value).reverse()) {
      const keyProblem = RESERVED_KEYS.has(key) ? 'is a reserved name, not a field' : textProblem(key);
      if (keyProblem) {
        report([...path, key], keyProblem);
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key], depth: depth + 1 });
    }
  }
  return errors.size > 0 ? Object.fromEntries(errors) : null;
}

/**
 * Express middleware after the body parsers: refuses (400 MALFORMED_INPUT, naming the fields)
 * a body or query string that hostileInputErrors finds unfit, before guards, pipes or services
 * see it.
 */
export function refuseHostileInput(
  req: IncomingMessage & { body?: unknown; query?: unknown },
  _res: ServerResponse,
  next: (error?: unknown) => void,
): void {
  const errors = { ...hostileInputErrors(req.query), ...hostileInputErrors(req.body) };
  if (Object.keys(errors).length === 0) return next();
  next(new BadRequestError('MALFORMED_INPUT', `Check these fields: ${Object.keys(errors).join(', ')}`, errors));
}

/** The media types the API reads a body in: the body parsers' and the roster upload's. */
export const ACCEPTED_MEDIA_TYPES = ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * Express middleware after the body parsers: a body in another media type (text/plain, XML,
 * JSON under another name) would be ignored and the request judged as if empty; it is refused
 * with 415 naming the types the API reads.
 */
export function refuseUnreadBody(
  req: IncomingMessage & { is(types: string[]): string | false | null },
  _res: ServerResponse,
  next: (error?: unknown) => void,
): void {
  const length = req.headers['content-length'];
  const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (!hasBody || req.is(ACCEPTED_MEDIA_TYPES)) return next();
  next(
    new UnsupportedMediaTypeException({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: `The body's media type ${String(req.headers['content-type'] ?? '(none)').slice(0, 60)} is not read here; send ${ACCEPTED_MEDIA_TYPES[0]}`,
    }),
  );
}
