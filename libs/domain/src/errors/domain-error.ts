import type { FieldError, FieldErrorCode } from '../model/field-errors';

/**
 * Errors the domain throws. Each has a stable `code`; one global filter maps the kind to an HTTP
 * status, so services never throw HTTP exceptions.
 */
export abstract class DomainError extends Error {
  abstract readonly kind:
    'not_found' | 'conflict' | 'invalid' | 'unauthorized' | 'forbidden' | 'bad_request' | 'too_many' | 'gone';

  /** Each refused field with its code (model/field-errors.ts), for the panel to word; set by the validation pipe. */
  fieldErrors?: FieldError[];

  /** The code of the fields `errors` names when no `fieldErrors` were set (fieldErrorsFor). */
  fieldCode?: FieldErrorCode;

  constructor(
    readonly code: string,
    message: string,
    readonly errors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The object does not exist, or is outside the caller's scope (both answer 404). */
export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
  constructor(what: string, code = 'NOT_FOUND') {
    super(code, `${what} not found`);
  }
}

/** The object's state does not allow the change (409). */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

/** Well-formed input that breaks a rule (422); `errors` names the fields. */
export class InvalidError extends DomainError {
  readonly kind = 'invalid';
  constructor(message: string, errors?: Record<string, string[]>, code = 'VALIDATION_FAILED') {
    super(code, message, errors);
  }

  static field(field: string, message: string, code?: string, fieldCode: FieldErrorCode = 'INVALID'): InvalidError {
    return Object.assign(new InvalidError(message, { [field]: [message] }, code), { fieldCode });
  }
}

/** Malformed input (400). */
export class BadRequestError extends DomainError {
  readonly kind = 'bad_request';

  /** A path or query parameter that is not in its form (400 MALFORMED_INPUT naming it). */
  static malformed(field: string, message: string, fieldCode: FieldErrorCode = 'FORMAT'): BadRequestError {
    return Object.assign(new BadRequestError('MALFORMED_INPUT', message, { [field]: [message] }), { fieldCode });
  }
}

/**
 * The refused fields of an error with their codes, for every 4xx naming a field: those the
 * validation pipe set (class-validator's constraints), else one per message of `errors`, coded
 * by `fieldCode` (FORMAT for a malformed parameter, INVALID for a rule of the API's own).
 */
export function fieldErrorsFor(error: DomainError): FieldError[] | undefined {
  if (error.fieldErrors) return error.fieldErrors;
  if (!error.errors) return undefined;
  const code = error.fieldCode ?? (error.kind === 'bad_request' ? 'FORMAT' : 'INVALID');
  return Object.entries(error.errors).flatMap(([field, messages]) =>
    messages.map((message) => ({ field, code, message })),
  );
}

export class UnauthorizedError extends DomainError {
  readonly kind = 'unauthorized';
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
  constructor(message = 'Your role may not do this') {
    super('FORBIDDEN', message);
  }
}

/** A link that worked once and no longer does: used, expired or replaced (410). */
export class GoneError extends DomainError {
  readonly kind = 'gone';
}

export class TooManyRequestsError extends DomainError {
  readonly kind = 'too_many';
}
