import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONSTRAINT_ERRORS,
  CONSTRAINTS_NOT_REACHABLE_BY_REQUESTS,
  constraintError,
  knownConstraintError,
} from './constraints';
import { BadRequestError, ConflictError, fieldErrorsFor, InvalidError, UnauthorizedError } from './domain-error';
import { Errors } from './errors';

const MIGRATIONS = join(__dirname, '../../../../migrations');

/** Every name the migrations give a constraint or unique index, by kind. */
function migrationConstraints(): { checked: Set<string>; foreignKeys: Set<string> } {
  const checked = new Set<string>();
  const foreignKeys = new Set<string>();
  for (const file of readdirSync(MIGRATIONS).filter((f) => /^\d+-.+\.ts$/.test(f))) {
    const text = readFileSync(join(MIGRATIONS, file), 'utf8');
    for (const m of text.matchAll(/CONSTRAINT \\?"([a-z0-9_]+)\\?" (CHECK|EXCLUDE|UNIQUE|FOREIGN KEY)/g)) {
      (m[2] === 'FOREIGN KEY' ? foreignKeys : checked).add(m[1]);
    }
    for (const m of text.matchAll(/CREATE UNIQUE INDEX \\?"([a-z0-9_]+)\\?"/g)) checked.add(m[1]);
    // A trigger's RAISE naming the rule it holds (a check across tables).
    for (const m of text.matchAll(/CONSTRAINT = '([a-z0-9_]+)'/g)) checked.add(m[1]);
  }
  return { checked, foreignKeys };
}

/** A TypeORM QueryFailedError as far as the table reads it. */
const failure = (code: string, constraint?: string) =>
  Object.assign(new Error('query failed'), { driverError: { code, constraint } });

describe('the constraint table', () => {
  const { checked, foreignKeys } = migrationConstraints();

  it('finds the constraints of the migrations at all', () => {
    expect(checked.size).toBeGreaterThan(50);
    expect(checked).toContain('ex_dispatch_no_overlap');
    expect(checked).toContain('uq_dispatches_one_live_per_request');
    expect(checked).toContain('ck_hospitals_name_not_blank');
    expect(foreignKeys).toContain('fk_users_hospital');
  });

  it('knows every unique, exclusion and check constraint, or says why no request can break it', () => {
    const classified = new Set([...Object.keys(CONSTRAINT_ERRORS), ...CONSTRAINTS_NOT_REACHABLE_BY_REQUESTS]);
    expect([...checked].filter((name) => !classified.has(name)).sort()).toEqual([]);
  });

  it('names only constraints the migrations create, each once', () => {
    const known = new Set([...checked, ...foreignKeys]);
    const named = [...Object.keys(CONSTRAINT_ERRORS), ...CONSTRAINTS_NOT_REACHABLE_BY_REQUESTS];
    expect(named.filter((name) => !known.has(name))).toEqual([]);
    expect(named.filter((name, i) => named.indexOf(name) !== i)).toEqual([]);
  });

  it('answers 409 for unique and exclusion constraints, 422 for checks and foreign keys', () => {
    for (const [name, entry] of Object.entries(CONSTRAINT_ERRORS)) {
      expect({ name, status: entry.status }).toEqual({ name, status: /^(uq|ex)_/.test(name) ? 409 : 422 });
    }
  });

  it('turns a known violation into its domain error, naming the field', () => {
    const error = knownConstraintError(failure('23505', 'uq_users_email'));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      code: 'EMAIL_TAKEN',
      message: 'An account with this e-mail already exists',
      errors: { email: ['An account with this e-mail already exists'] },
    });
    const check = knownConstraintError(failure('23514', 'ck_hospitals_name_not_blank'));
    expect(check).toBeInstanceOf(InvalidError);
    expect(check).toMatchObject({ code: 'VALIDATION_FAILED', errors: { name: ['name must not be blank'] } });
    expect(knownConstraintError(failure('23P01', 'ex_dispatch_no_overlap'))).toMatchObject({
      code: 'SCHEDULE_CONFLICT',
      message: 'The volunteer already has a dispatch at that time',
      errors: undefined,
    });
    expect(knownConstraintError(failure('23505', 'uq_dispatches_one_live_per_request'))).toMatchObject({
      code: 'REQUEST_ALREADY_FILLED',
    });
  });

  it('leaves unknown constraints and other failures to the filter', () => {
    expect(knownConstraintError(failure('23505', 'uq_jobs_key'))).toBeNull();
    expect(knownConstraintError(failure('23505', 'toString'))).toBeNull();
    expect(knownConstraintError(new Error('plain'))).toBeNull();
    expect(knownConstraintError(null)).toBeNull();
    expect(knownConstraintError(failure('40001'))).toBeNull();
  });

  it('gives the filter an answer for any named violation and for lost races', () => {
    expect(constraintError(failure('23505', 'uq_jobs_key'))).toMatchObject({
      kind: 'conflict',
      code: 'CONSTRAINT_VIOLATED',
      message: 'The change breaks the rule uq_jobs_key',
    });
    expect(constraintError(failure('23514', 'ck_jobs_status'))).toMatchObject({
      kind: 'invalid',
      code: 'CONSTRAINT_VIOLATED',
    });
    expect(constraintError(failure('23503', 'fk_users_hospital'))).toMatchObject({
      kind: 'invalid',
      code: 'HOSPITAL_IN_USE',
    });
    for (const state of ['40001', '40P01']) {
      expect(constraintError(failure(state))).toMatchObject({
        kind: 'conflict',
        code: 'CONCURRENT_UPDATE',
        message: 'Someone changed this at the same moment; try again',
      });
    }
    expect(constraintError(failure('22P02'))).toBeNull();
    expect(constraintError(new Error('plain'))).toBeNull();
  });
});

describe('the named error factories', () => {
  it.each([
    ['requestAlreadyFilled', 'REQUEST_ALREADY_FILLED', 'Another volunteer has already taken this request'],
    ['requestNoLongerWaiting', 'REQUEST_ALREADY_FILLED', 'The request is no longer waiting for an interpreter'],
    ['scheduleConflict', 'SCHEDULE_CONFLICT', 'The volunteer already has a dispatch at that time'],
    ['offerExpired', 'OFFER_EXPIRED', 'This offer has expired'],
    ['offerWithdrawn', 'OFFER_WITHDRAWN', 'This offer was withdrawn'],
    ['offerRequestCancelled', 'OFFER_WITHDRAWN', 'The request was cancelled'],
    ['reportExists', 'REPORT_EXISTS', 'A report was already filed for this dispatch'],
    ['confirmationExists', 'CONFIRMATION_EXISTS', 'The hospital has already confirmed this visit'],
    ['feeRuleExists', 'FEE_RULE_EXISTS', 'A rule already starts on that date'],
    ['concurrentUpdate', 'CONCURRENT_UPDATE', 'Someone changed this at the same moment; try again'],
    ['twoFactorNotSetUp', 'TWO_FACTOR_NOT_SET_UP', 'Start the set-up first'],
  ] as const)('%s is a 409 %s', (name, code, message) => {
    const error = Errors[name]();
    expect(error).toBeInstanceOf(ConflictError);
    expect({ code: error.code, message: error.message, errors: error.errors }).toEqual({
      code,
      message,
      errors: undefined,
    });
  });

  it.each([
    ['invalidCredentials', 'INVALID_CREDENTIALS', 'E-mail or password is wrong'],
    ['unauthenticated', 'UNAUTHENTICATED', 'Sign in again: the access token is missing, invalid or expired'],
  ] as const)('%s is a 401 %s', (name, code, message) => {
    const error = Errors[name]();
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect({ code: error.code, message: error.message }).toEqual({ code, message });
  });

  it('builds fresh errors each time (a thrown error carries its own stack)', () => {
    expect(Errors.requestAlreadyFilled()).not.toBe(Errors.requestAlreadyFilled());
  });

  it('names the refused fields for eligibility and import errors', () => {
    expect(
      Errors.volunteerNotEligible('The volunteer is not eligible: LANGUAGE', { volunteerId: ['LANGUAGE'] }),
    ).toMatchObject({ kind: 'invalid', code: 'VOLUNTEER_NOT_ELIGIBLE', errors: { volunteerId: ['LANGUAGE'] } });
    expect(Errors.importRejected('The file is not UTF-8 text')).toMatchObject({
      kind: 'invalid',
      code: 'IMPORT_REJECTED',
    });
  });
});

describe('fieldErrorsFor', () => {
  it('codes every field an error names: malformed parameters FORMAT, rules INVALID unless told', () => {
    expect(fieldErrorsFor(BadRequestError.malformed('month', 'month must be YYYY-MM'))).toEqual([
      { field: 'month', code: 'FORMAT', message: 'month must be YYYY-MM' },
    ]);
    expect(fieldErrorsFor(new InvalidError('x', { a: ['one', 'two'] }))).toEqual([
      { field: 'a', code: 'INVALID', message: 'one' },
      { field: 'a', code: 'INVALID', message: 'two' },
    ]);
    expect(fieldErrorsFor(InvalidError.field('reason', 'needed', undefined, 'REQUIRED'))).toEqual([
      { field: 'reason', code: 'REQUIRED', message: 'needed' },
    ]);
    expect(fieldErrorsFor(new ConflictError('C', 'no fields'))).toBeUndefined();
  });
});
