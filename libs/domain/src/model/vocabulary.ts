/**
 * The programme's other enumerations. Those matching reasons about are defined beside the
 * matching rules (libs/matching matching-config, dependency-free) and re-exported here, so the
 * model is the one place the API, the panel and the simulator import them from.
 */
export {
  DEPARTMENTS,
  VISIT_TYPES,
  LEVELS,
  PROFICIENCIES,
  GENDERS,
  INTERPRETER_GENDERS,
  MODES,
  VOLUNTEER_STATUSES,
  REQUEST_ROLES,
  EXCLUSION_CODES,
  KUMAMOTO_AREAS,
  type Department,
  type VisitType,
  type Level,
  type Proficiency,
  type Gender,
  type InterpreterGender,
  type Mode,
  type VolunteerStatus,
  type RequestRole,
  type ExclusionCode,
} from '@app/matching/matching-config';

/** The patient's details on a request (request_patients). */
export const PATIENT_GENDERS = ['female', 'male', 'other'] as const;
export type PatientGender = (typeof PATIENT_GENDERS)[number];
export const AGE_BANDS = ['infant', 'child', 'adult', 'senior'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The activity report's scenes and the staff's review of it. */
export const REPORT_SCENES = [
  'reception',
  'consultation',
  'examination',
  'test_results',
  'pharmacy',
  'payment',
  'admission',
  'discharge',
  'phone_call',
  'other',
] as const;
export type ReportScene = (typeof REPORT_SCENES)[number];
export const REVIEW_STATUSES = ['pending', 'reviewed', 'follow_up'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Training courses: `initial` 養成講座, `skill_up` スキルアップ研修; and a registration's outcome. */
export const COURSE_KINDS = ['initial', 'skill_up'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];
export const ATTENDANCE_STATUSES = ['registered', 'attended', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/**
 * `pending` waits for the sender (retried with capped backoff for as long as it is useful);
 * `sent` was accepted by the SMTP server; `failed`: the server refused the recipient or the
 * message for good (5xx to RCPT TO or to the message); `obsolete`: its purpose passed
 * (`useful_until`) before it could be delivered, so it was never sent; `kept` was written while
 * no SMTP_URL was set: it is only shown in the admin panel and never sent later (so demo mail
 * never reaches real addresses). Staff can re-send a pending, failed or obsolete mail.
 */
export const MAIL_STATUSES = ['pending', 'sent', 'failed', 'obsolete', 'kept'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** The mails the system writes (one template each, ja and en): the API renders them, the panel filters by them. */
export const MAIL_TEMPLATE_NAMES = [
  'invitation',
  'password_reset',
  'offer',
  'offer_withdrawn',
  'offer_changed',
  'dispatch_confirmed',
  'dispatch_cancelled',
  'interpreter_cancelled',
  'request_confirmed',
  'request_escalated',
  'request_cancelled',
  'reminder',
  'reconfirm',
  'report_reminder',
  'visit_moved',
  'shadow_partner',
] as const;
export type MailTemplateName = (typeof MAIL_TEMPLATE_NAMES)[number];

export const JOB_STATUSES = ['pending', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** A fee rule pays transport as part of the flat honorarium or as the fare actually paid. */
export const TRANSPORT_MODES = ['included', 'actual'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];
