import type {
  AgeBand,
  Department,
  InterpreterGender,
  Level,
  Mode,
  PatientGender,
  RequestRole,
  VisitType,
} from './vocabulary';
import type { CancellingParty, EscalationReason, NoShowParty } from './reasons';
import type { DispatchStatus, OfferStatus, RequestStatus } from './workflow';
import type { ReviewStatus } from './vocabulary';

/**
 * The API's JSON answers for the workflow's records (instants as ISO strings), written once: the
 * API builds them (requests/request.view.ts, dispatches and offers services) and the panel reads
 * them.
 */
export interface PatientView {
  displayName: string;
  gender: PatientGender;
  ageBand: AgeBand;
  nationality: string | null;
}

/** GET /api/requests, /api/requests/:id. */
export interface RequestView {
  id: string;
  /** The 8 characters mail quotes (「依頼 50F20D10」). */
  reference: string;
  hospitalId: string;
  language: string;
  startsAt: string;
  endsAt: string;
  department: Department;
  visitType: VisitType;
  mode: Mode;
  interpreterGender: InterpreterGender;
  requiredLevel: Level;
  status: RequestStatus;
  urgent: boolean;
  escalationReason: EscalationReason | null;
  onHold: boolean;
  notes: string | null;
  /** Meeting point, floor, what to bring — reaches the confirmed interpreter. Never patient details. */
  notesForInterpreter: string | null;
  /** Phone and video visits: the number to call or the video link. */
  remoteDetails: string | null;
  /** The hospital (and patient) agree that a trainee may shadow the interpreter (研修生の同席可). */
  traineeWelcome: boolean;
  createdAt: string;
  /** Only for staff and the requesting hospital. */
  patient?: PatientView | null;
  /** A confirmed request's: what cancelling it now would cost the hospital. */
  cancellation?: CancellationTerms;
  /** A confirmed request's once its visit has started: the hospital's charge if the patient did not come. */
  patientNoShowFeeYen?: number;
  /** Staff only (GET /api/requests/:id): the coordinator who filed it, whom staff contact about it. */
  filedBy?: FiledBy | null;
}

/** Who filed a request: the coordinator's name and address (the hospital's phone is on the hospital). */
export interface FiledBy {
  displayName: string;
  email: string;
  /** Their direct line, when the account has one. */
  phone: string | null;
}

export interface CancellationTerms {
  /** Inside the late-cancellation window (the policy's hours before the visit). */
  late: boolean;
  /** The hospital's charge if cancelled now, by the fee rule of the visit's date (0 when not late). */
  feeYen: number;
}

/** Everything the confirmed interpreter needs on the day (API.md "The volunteer's visit"). */
export interface VisitDetails {
  hospitalName: string;
  address: string;
  hospitalPhone: string | null;
  department: Department;
  visitType: VisitType;
  mode: Mode;
  notesForInterpreter: string | null;
  remoteDetails: string | null;
  coordinatorName: string | null;
  coordinatorPhone: string | null;
}

/** Where the volunteer's activity report stands: owed, filed, or reviewed by staff. */
export const REPORT_STATES = ['missing', 'submitted', 'reviewed'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** GET /api/dispatches, /api/dispatches/:id. */
export interface DispatchView {
  id: string;
  requestId: string;
  volunteerId: string;
  role: RequestRole;
  status: DispatchStatus;
  startsAt: string;
  endsAt: string;
  hospitalId: string;
  language: string;
  /** Staff's reason for assigning by hand past a rule: staff only (null in anyone else's view). */
  overrideReason: string | null;
  lateCancellation: boolean;
  /** When the volunteer said they are still coming (the mail link or the panel). */
  reconfirmedAt: string | null;
  /**
   * The start before the hospital last moved the visit (null: never moved). With no
   * `reconfirmedAt`, the interpreter has not yet said whether they can make the new time.
   */
  rescheduledFrom: string | null;
  /**
   * When the interpreter is asked to say they are still coming (the dispatch policy's window before
   * the visit); null for a shadow seat, which is not asked.
   */
  reconfirmOpensAt: string | null;
  /**
   * The hospital moved the visit and the interpreter has not yet answered, and the move's answer
   * deadline has not passed: "I can't make the new time" is then the hospital's doing (no fee).
   */
  awaitingMoveAnswer: boolean;
  /** The activity report of a primary dispatch once the visit is over; null before, and for shadows. */
  report: ReportState | null;
  /** For the dispatched volunteer (and staff, and the hospital) while the dispatch is live or done. */
  visit?: VisitDetails;
  /** Whose side gave the visit up (cancelled dispatches): `hospital` or `interpreter`. */
  cancelledBy: CancellingParty | null;
  noShowParty: NoShowParty | null;
  actualStart: string | null;
  actualEnd: string | null;
  /** the interpreter's display name: the hospital meets them, the volunteer sees their own */
  interpreterName: string;
  /** whether the hospital has confirmed the visit (GET /api/dispatches/:id/hospital-confirmation reads it) */
  hospitalConfirmed: boolean;
  /** Only once confirmed, for those who may see it (read on request). */
  patient?: PatientView | null;
  /** A shadow dispatch: the interpreter the trainee accompanies (null while the seat has no interpreter). */
  shadowOf?: string | null;
  /** A shadow dispatch once its visit happened: the trainee's practicum record. */
  practicum?: ReportState | null;
  /**
   * The interpreter's dispatch (for the interpreter and staff) once the visit happened, when a
   * trainee shadowed it: the trainee, their practicum record and the interpreter's feedback on it.
   */
  shadowTrainee?: ShadowTraineeView | null;
}

/** Who shadowed an interpreter's visit, and where the feedback on their practicum record stands. */
export interface ShadowTraineeView {
  /** The shadow dispatch (POST /api/dispatches/:id/practicum/feedback takes it). */
  dispatchId: string;
  name: string;
  /** The trainee's practicum record: missing (not filed yet), submitted or reviewed. */
  practicum: ReportState;
  /** The interpreter's feedback, once given. */
  feedback: string | null;
}

/** What an offer tells the volunteer to decide (never patient details). */
export interface OfferVisit {
  language: string;
  startsAt: string;
  endsAt: string;
  department: Department;
  visitType: VisitType;
  mode: Mode;
  hospitalName: string;
  area: string;
  /** Filed at short notice (至急): answer first. */
  urgent: boolean;
}

/** GET /api/offers (a volunteer's own), and the offer link's page. */
export interface OfferView {
  id: string;
  requestId: string;
  role: RequestRole;
  status: OfferStatus;
  wave: number;
  expiresAt: string;
  respondedAt: string | null;
  visit: OfferVisit;
  /** The hospital agreed that a trainee may shadow (shown on every offer of the request). */
  traineeWelcome: boolean;
  /** A shadow offer: the interpreter the trainee would accompany. */
  interpreterName?: string | null;
}

/** GET /api/requests/:id/offers (staff): who was asked, when, and what they answered. */
export interface OfferHistoryEntry {
  id: string;
  volunteerId: string;
  displayName: string;
  phone: string | null;
  role: RequestRole;
  wave: number;
  status: OfferStatus;
  sentAt: string;
  respondedAt: string | null;
  expiresAt: string;
  declineReason: string | null;
}

/** What staff need before phoning a candidate round: the number, and whether they were already asked. */
export interface CandidateContact {
  phone: string | null;
  /** Their latest offer for this request (since its terms last changed), or null if never asked. */
  offer: { status: OfferStatus; sentAt: string } | null;
}

/**
 * The volunteer's calendar subscription address (GET /api/volunteers/me carries it; POST
 * /api/volunteers/me/calendar-feed makes a new one). Only the volunteer sees it: it opens their
 * schedule without signing in. `webcal://` in place of `https://` opens it in a calendar app.
 */
export interface CalendarFeedView {
  calendarFeedUrl: string;
}

/** A trainee's practicum record on a shadow visit (GET /api/dispatches/:id/practicum, the review queue). */
export interface PracticumView {
  id: string;
  dispatchId: string;
  requestId: string;
  volunteerId: string;
  traineeName: string;
  interpreterName: string | null;
  startsAt: string;
  observed: string;
  wouldStudy: string;
  transportCostYen: number;
  submittedAt: string;
  interpreterFeedback: string | null;
  feedbackAt: string | null;
  reviewStatus: ReviewStatus;
  reviewedAt: string | null;
  reviewComment: string | null;
}

/** One shadowed visit on a trainee's path (GET /api/volunteers/:id/progress). */
export interface ShadowVisitEntry {
  dispatchId: string;
  requestId: string;
  startsAt: string;
  status: DispatchStatus;
  hospitalName: string;
  interpreterName: string | null;
  practicum: ReportState;
}

/** GET /api/volunteers/:id/progress: the path from trainee to interpreter. */
export interface TraineeProgressView {
  volunteerId: string;
  displayName: string;
  level: Level;
  courses: { courseId: string; title: string; kind: 'initial' | 'skill_up'; startsAt: string }[];
  shadowVisits: ShadowVisitEntry[];
  rule: {
    requireInitialCourse: boolean;
    initialCourseAttended: boolean;
    reviewedShadowVisitsRequired: number;
    reviewedShadowVisits: number;
  };
  /** The promotion rule to `standard` is met (configuration: the initial course and N reviewed shadow visits). */
  promotionRuleMet: boolean;
}

/**
 * GET /api/stats/summary?fiscalYear=YYYY: the fiscal year's figures (the API's stats service builds
 * them, the panel's figures page reads them).
 */
export interface StatsSummary {
  fiscalYear: number;
  from: string;
  to: string;
  /** Primary dispatches whose visit starts in the year, confirmed or completed. */
  dispatches: {
    total: number;
    byStatus: Record<'confirmed' | 'completed' | 'cancelled' | 'no_show', number>;
    byLanguage: Array<{ language: string; count: number }>;
    byHospital: Array<{ hospitalId: string; hospitalName: string; count: number }>;
    byDepartment: Array<{ department: string; count: number }>;
    byMonth: Array<{ month: string; count: number }>;
  };
  /**
   * Requests whose visit starts in the year. Filled: a primary dispatch was ever confirmed.
   * Unfilled: never filled, not cancelled, visit time passed. Pending: not filled yet, visit still
   * ahead. Withdrawn: cancelled before anyone was confirmed. Fill rate: filled / (filled + unfilled).
   */
  requests: {
    total: number;
    filled: number;
    unfilled: number;
    pending: number;
    withdrawn: number;
    fillRate: number | null;
    unfilledByLanguage: Array<{ language: string; count: number }>;
  };
  /** From filing to the first confirmation, over filled requests, in minutes. */
  timeToConfirmMinutes: { count: number; median: number | null; p90: number | null };
  /** Volunteers with at least one confirmed or completed dispatch (any role) in the year, by the dispatch's language. */
  activeVolunteers: { total: number; byLanguage: Array<{ language: string; count: number }> };
  /** Courses starting in the year: attendances marked attended, distinct volunteers, attended hours. */
  training: Array<{ kind: string; courses: number; attended: number; volunteers: number; hours: number }>;
  /**
   * Trainee shadowing: shadow seats held (confirmed or completed) on visits starting in the year,
   * the trainees who held them, and trainees promoted (a level change from trainee) in the year.
   */
  shadowing: { shadowVisits: number; trainees: number; traineesPromoted: number };
}
