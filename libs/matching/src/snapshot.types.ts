import type { Availability, CompiledAvailability } from './availability';
import type {
  Department,
  Gender,
  InterpreterGender,
  Level,
  Mode,
  Proficiency,
  RequestRole,
  VisitType,
  VolunteerStatus,
} from './matching-config';

/**
 * Plain-data snapshots the engine works on. All instants are epoch milliseconds (numbers);
 * calendar dates are "YYYY-MM-DD" strings read as Asia/Tokyo dates.
 */
export interface RequestSnapshot {
  id: string;
  /** ISO 639-1, e.g. "vi". */
  language: string;
  startsAt: number;
  endsAt: number;
  department: Department;
  visitType: VisitType;
  mode: Mode;
  interpreterGender: InterpreterGender;
  hospitalId: string;
  hospitalArea: string;
  /** A stable pseudonymous key for the patient (continuity and bans); never the name. */
  patientKey?: string | null;
  /** `primary` (default): the interpreter of record. `shadow`: a trainee shadowing them. */
  role?: RequestRole;
}

export interface LanguageSkill {
  code: string;
  proficiency: Proficiency;
}

/** An existing confirmed dispatch; `area` is null for phone/video work (no travel). */
export interface DispatchSnapshot {
  startsAt: number;
  endsAt: number;
  area: string | null;
  /** The request it interprets for, when the volunteer is its interpreter of record (only such a dispatch can be handed on, see `findSwaps`). */
  requestId?: string;
}

export interface VolunteerHistory {
  patientKeys: readonly string[];
  hospitalIds: readonly string[];
  /** Past dispatches per department. */
  departments: Readonly<Partial<Record<Department, number>>>;
}

export interface VolunteerSnapshot {
  id: string;
  displayName: string;
  languages: readonly LanguageSkill[];
  level: Level;
  status: VolunteerStatus;
  gender: Gender;
  homeArea: string;
  /** Epoch ms when the confidentiality pledge was signed; it must be on or before the visit. */
  pledgeSignedAt?: number | null;
  /** Last Tokyo calendar date ("YYYY-MM-DD", inclusive) the volunteer insurance covers. */
  insuranceValidUntil?: string | null;
  /** Required skill-up training attended within the required period (decided by the API). */
  trainingOk: boolean;
  /** Prefer compiled availability (compile once per volunteer and cache). */
  availability: Availability | CompiledAvailability;
  /** Existing confirmed dispatches that end after `now` (past ones may be omitted). */
  dispatches: readonly DispatchSnapshot[];
  /** Confirmed dispatches in the Tokyo calendar month containing `now`. */
  dispatchesThisMonth: number;
  maxDispatchesPerMonth: number;
  assignmentsLast30d: number;
  assignmentsLast90d: number;
  history: VolunteerHistory;
  /** Share of offers answered (0..1), or null with no history. */
  responseRate: number | null;
  bannedHospitalIds: readonly string[];
  bannedPatientKeys: readonly string[];
}
