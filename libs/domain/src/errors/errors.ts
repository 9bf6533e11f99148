import { ConflictError, DomainError, GoneError, InvalidError, UnauthorizedError } from './domain-error';

/**
 * The code and message of every domain error thrown from more than one place (a service and a
 * database constraint, or two services), each written once. `Errors` builds them; the constraint
 * table (constraints.ts) reads the same texts.
 */
export const ERROR_TEXTS = {
  requestAlreadyFilled: { code: 'REQUEST_ALREADY_FILLED', message: 'Another volunteer has already taken this request' },
  requestNoLongerWaiting: {
    code: 'REQUEST_ALREADY_FILLED',
    message: 'The request is no longer waiting for an interpreter',
  },
  scheduleConflict: { code: 'SCHEDULE_CONFLICT', message: 'The volunteer already has a dispatch at that time' },
  offerExpired: { code: 'OFFER_EXPIRED', message: 'This offer has expired' },
  offerWithdrawn: { code: 'OFFER_WITHDRAWN', message: 'This offer was withdrawn' },
  offerRequestCancelled: { code: 'OFFER_WITHDRAWN', message: 'The request was cancelled' },
  reportExists: { code: 'REPORT_EXISTS', message: 'A report was already filed for this dispatch' },
  confirmationExists: { code: 'CONFIRMATION_EXISTS', message: 'The hospital has already confirmed this visit' },
  feeRuleExists: { code: 'FEE_RULE_EXISTS', message: 'A rule already starts on that date' },
  traineeNotWelcome: {
    code: 'TRAINEE_NOT_WELCOME',
    message: 'The hospital has not agreed that a trainee may shadow this visit (traineeWelcome)',
  },
  traineeNotInterpreter: {
    code: 'VOLUNTEER_NOT_ELIGIBLE',
    message: "A trainee only shadows: the interpreter's seat needs a qualified interpreter",
  },
  practicumExists: { code: 'PRACTICUM_EXISTS', message: 'A practicum record was already filed for this shadow visit' },
  concurrentUpdate: { code: 'CONCURRENT_UPDATE', message: 'Someone changed this at the same moment; try again' },
  twoFactorNotSetUp: { code: 'TWO_FACTOR_NOT_SET_UP', message: 'Start the set-up first' },
  invalidCredentials: { code: 'INVALID_CREDENTIALS', message: 'E-mail or password is wrong' },
  linkExpired: { code: 'LINK_EXPIRED', message: 'This link has expired or was already used; ask for a new one' },
  unauthenticated: {
    code: 'UNAUTHENTICATED',
    message: 'Sign in again: the access token is missing, invalid or expired',
  },
} as const satisfies Record<string, { code: string; message: string }>;

const conflict = (text: { code: string; message: string }) => () => new ConflictError(text.code, text.message);

/** Named factories: `throw Errors.requestAlreadyFilled()`. */
export const Errors = {
  requestAlreadyFilled: conflict(ERROR_TEXTS.requestAlreadyFilled),
  /** A swap asked for a request that is no longer open (same code as a lost race for it). */
  requestNoLongerWaiting: conflict(ERROR_TEXTS.requestNoLongerWaiting),
  scheduleConflict: conflict(ERROR_TEXTS.scheduleConflict),
  offerExpired: conflict(ERROR_TEXTS.offerExpired),
  offerWithdrawn: conflict(ERROR_TEXTS.offerWithdrawn),
  /** The offer's request was cancelled (answers OFFER_WITHDRAWN). */
  offerRequestCancelled: conflict(ERROR_TEXTS.offerRequestCancelled),
  reportExists: conflict(ERROR_TEXTS.reportExists),
  confirmationExists: conflict(ERROR_TEXTS.confirmationExists),
  feeRuleExists: conflict(ERROR_TEXTS.feeRuleExists),
  /** A shadow seat on a request without the hospital's consent (409). */
  traineeNotWelcome: conflict(ERROR_TEXTS.traineeNotWelcome),
  /** A trainee put in the interpreter's seat (422 naming `volunteerId`; never overridden). */
  traineeNotInterpreter: (): DomainError =>
    new InvalidError(
      ERROR_TEXTS.traineeNotInterpreter.message,
      { volunteerId: [ERROR_TEXTS.traineeNotInterpreter.message] },
      ERROR_TEXTS.traineeNotInterpreter.code,
    ),
  practicumExists: conflict(ERROR_TEXTS.practicumExists),
  concurrentUpdate: conflict(ERROR_TEXTS.concurrentUpdate),
  twoFactorNotSetUp: conflict(ERROR_TEXTS.twoFactorNotSetUp),
  invalidCredentials: (): DomainError =>
    new UnauthorizedError(ERROR_TEXTS.invalidCredentials.code, ERROR_TEXTS.invalidCredentials.message),
  unauthenticated: (): DomainError =>
    new UnauthorizedError(ERROR_TEXTS.unauthenticated.code, ERROR_TEXTS.unauthenticated.message),
  /** A mailed single-use link that is unknown, used, expired or replaced (410). */
  linkExpired: (): DomainError => new GoneError(ERROR_TEXTS.linkExpired.code, ERROR_TEXTS.linkExpired.message),
  /** A volunteer or volunteers the eligibility rules refuse (422 naming `field`). */
  volunteerNotEligible: (message: string, errors: Record<string, string[]>): DomainError =>
    new InvalidError(message, errors, 'VOLUNTEER_NOT_ELIGIBLE'),
  /** The roster import refused the file; nothing was written (422). */
  importRejected: (message: string, errors?: Record<string, string[]>): DomainError =>
    new InvalidError(message, errors, 'IMPORT_REJECTED'),
} as const;
