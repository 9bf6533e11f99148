import { ConflictError, DomainError, InvalidError } from './domain-error';
import { ERROR_TEXTS } from './errors';

export interface ConstraintEntry {
  /** 409 for unique and exclusion constraints, 422 for checks and foreign keys. */
  status: 409 | 422;
  code: string;
  /** The request field the answer names (`errors: {field: [message]}`). */
  field?: string;
  message: string;
}

/**
 * The one table of named database constraints a request can break, and the API error each
 * becomes. The error filter reads it for a QueryFailedError that reaches it; a service that must
 * turn a violation into a domain error inside its transaction calls `knownConstraintError` —
 * both through `knownConstraintError`, so there is no second mapping.
 */
export const CONSTRAINT_ERRORS: Readonly<Record<string, ConstraintEntry>> = {
  uq_users_email: {
    status: 409,
    code: 'EMAIL_TAKEN',
    field: 'email',
    message: 'An account with this e-mail already exists',
  },
  uq_users_volunteer: {
    status: 409,
    code: 'VOLUNTEER_HAS_ACCOUNT',
    field: 'volunteerId',
    message: 'The volunteer already has an account',
  },
  fk_users_volunteer: {
    status: 422,
    code: 'VALIDATION_FAILED',
    field: 'volunteerId',
    message: 'No such volunteer record (or it still has an account)',
  },
  fk_users_hospital: {
    status: 422,
    code: 'HOSPITAL_IN_USE',
    field: 'hospitalId',
    message: 'The hospital does not exist, or still has accounts',
  },
  uq_hospitals_name: {
    status: 409,
    code: 'HOSPITAL_NAME_TAKEN',
    field: 'name',
    message: 'A hospital with this name is already registered',
  },
  ck_hospitals_name_not_blank: {
    status: 422,
    code: 'VALIDATION_FAILED',
    field: 'name',
    message: 'name must not be blank',
  },
  uq_volunteers_email: {
    status: 409,
    code: 'VOLUNTEER_EMAIL_TAKEN',
    field: 'email',
    message: 'A volunteer with this e-mail is already registered',
  },
  uq_volunteer_bans_hospital: {
    status: 409,
    code: 'BAN_EXISTS',
    field: 'hospitalId',
    message: 'This hospital is already excluded for the volunteer',
  },
  uq_volunteer_bans_patient: {
    status: 409,
    code: 'BAN_EXISTS',
    field: 'patientKey',
    message: 'This patient is already excluded for the volunteer',
  },
  fk_volunteer_bans_hospital: {
    status: 422,
    code: 'VALIDATION_FAILED',
    field: 'hospitalId',
    message: 'No such hospital',
  },
  ck_training_courses_times: {
    status: 422,
    code: 'VALIDATION_FAILED',
    field: 'endsAt',
    message: 'endsAt must be later than startsAt',
  },
  fk_course_attendances_volunteer: {
    status: 422,
    code: 'VOLUNTEER_HAS_TRAINING',
    field: 'volunteerId',
    message: 'The volunteer does not exist, or has training records',
  },
  ck_requests_time_order: {
    status: 422,
    code: 'VALIDATION_FAILED',
    field: 'endsAt',
    message: 'endsAt must be after startsAt',
  },
  ex_dispatch_no_overlap: { status: 409, ...ERROR_TEXTS.scheduleConflict },
  uq_dispatches_one_live_per_request: { status: 409, ...ERROR_TEXTS.requestAlreadyFilled },
  uq_offers_one_accepted_per_request: { status: 409, ...ERROR_TEXTS.requestAlreadyFilled },
  uq_activity_reports_dispatch: { status: 409, ...ERROR_TEXTS.reportExists },
  uq_hospital_confirmations_dispatch: { status: 409, ...ERROR_TEXTS.confirmationExists },
  uq_fee_rules_valid_from: { status: 409, ...ERROR_TEXTS.feeRuleExists },
  /** The trigger of migration TraineeShadowing: a trainee in the interpreter's seat. */
  ck_dispatches_primary_not_trainee: { status: 422, field: 'volunteerId', ...ERROR_TEXTS.traineeNotInterpreter },
  uq_practicum_reports_dispatch: { status: 409, ...ERROR_TEXTS.practicumExists },
};

/**
 * Unique, exclusion and check constraints of the migrations that no request can break: the server
 * writes the value (tokens, keys, states), or validation refuses the input first. Should one still
 * fire, the filter answers with its name (CONSTRAINT_VIOLATED), never a 500. The unit spec checks
 * that every constraint of the migrations is either here or in CONSTRAINT_ERRORS.
 */
export const CONSTRAINTS_NOT_REACHABLE_BY_REQUESTS: readonly string[] = [
  // Server-generated tokens and keys.
  'uq_jobs_key',
  'uq_mail_messages_idempotency_key',
  'uq_user_invitations_token_hash',
  'uq_user_recovery_codes_hash',
  'uq_refresh_tokens_hash',
  'uq_dispatches_reconfirm_token',
  'uq_offers_link_token',
  'uq_dispatches_calendar_token',
  'uq_volunteers_calendar_feed_token',
  'uq_password_resets_token_hash',
  // Written by upserts or after a check under the row lock.
  'uq_course_attendances_course_volunteer',
  'uq_offers_one_pending_per_volunteer',
  // States and counters only the server sets.
  'ck_jobs_attempts',
  'ck_jobs_status',
  'ck_mail_messages_locale',
  'ck_mail_messages_status',
  'ck_offers_status',
  'ck_offers_role',
  'ck_requests_status',
  'ck_dispatches_status',
  'ck_dispatches_role',
  'ck_dispatches_busy',
  'ck_dispatches_cancelled_by',
  'ck_course_attendances_status',
  'ck_user_two_factors_failed',
  'ck_activity_reports_review_status',
  'ck_practicum_reports_review_status',
  'ck_volunteer_level_changes_to',
  'ck_volunteers_email_lower',
  'ck_users_email_lower',
  'ck_volunteer_bans_one_target',
  // Enumerations and ranges the DTOs validate first.
  'ck_training_courses_hours',
  'ck_training_courses_capacity',
  'ck_training_courses_kind',
  'ck_volunteers_max_dispatches',
  'ck_volunteers_availability',
  'ck_volunteers_languages',
  'ck_volunteers_status',
  'ck_volunteers_level',
  'ck_volunteers_gender',
  'ck_requests_required_level',
  'ck_requests_interpreter_gender',
  'ck_requests_mode',
  'ck_requests_language',
  'ck_request_patients_age_band',
  'ck_request_patients_gender',
  'ck_users_locale',
  'ck_users_role',
  'ck_activity_reports_waiting',
  'ck_activity_reports_difficulty',
  'ck_activity_reports_transport',
  'ck_practicum_reports_transport',
  'ck_activity_reports_times',
  'ck_fee_rules_transport_mode',
  'ck_fee_rules_base_minutes',
  'ck_fee_rules_amounts',
  'ck_hospital_confirmations_rating',
  'ck_hospital_confirmations_times',
];

interface DriverFailure {
  driverError?: { code?: string; constraint?: string };
}

function driverFailure(error: unknown): { sqlState?: string; constraint?: string } {
  if (typeof error !== 'object' || error === null) return {};
  const driverError = (error as DriverFailure).driverError;
  return { sqlState: driverError?.code, constraint: driverError?.constraint };
}

function fromEntry(entry: Pick<ConstraintEntry, 'status' | 'code' | 'message' | 'field'>): DomainError {
  const errors = entry.field ? { [entry.field]: [entry.message] } : undefined;
  return entry.status === 422
    ? new InvalidError(entry.message, errors, entry.code)
    : new ConflictError(entry.code, entry.message, errors);
}

/** The domain error of a violated constraint the table knows (a TypeORM QueryFailedError), else null. */
export function knownConstraintError(error: unknown): DomainError | null {
  const { sqlState, constraint } = driverFailure(error);
  if (!constraint || !sqlState?.startsWith('23')) return null;
  const entry = Object.prototype.hasOwnProperty.call(CONSTRAINT_ERRORS, constraint)
    ? CONSTRAINT_ERRORS[constraint]
    : undefined;
  return entry ? fromEntry(entry) : null;
}

/**
 * What the error filter answers for a database failure: the table's error; any other named
 * constraint as a 409/422 naming it (23505 unique, 23P01 exclusion → 409; 23503 foreign key,
 * 23514 check → 422); a serialization failure or deadlock as CONCURRENT_UPDATE; else null (500).
 */
export function constraintError(error: unknown): DomainError | null {
  const { sqlState, constraint } = driverFailure(error);
  if (sqlState === '40001' || sqlState === '40P01') return fromEntry({ status: 409, ...ERROR_TEXTS.concurrentUpdate });
  if (!constraint || !sqlState?.startsWith('23')) return null;
  const known = knownConstraintError(error);
  if (known) return known;
  const status = sqlState === '23514' || sqlState === '23503' ? 422 : 409;
  return fromEntry({ status, code: 'CONSTRAINT_VIOLATED', message: `The change breaks the rule ${constraint}` });
}
