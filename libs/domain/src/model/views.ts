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
  createdAt: string;
  /** Only for staff and the requesting hospital. */
  patient?: PatientView | null;
}

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
  overrideReason: string | null;
  lateCancellation: boolean;
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
}
