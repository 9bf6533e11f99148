import { InterpretationRequest, RequestPatient } from '@app/domain';

export interface PatientView {
  displayName: string;
  gender: string;
  ageBand: string;
  nationality: string | null;
}

export interface RequestView {
  id: string;
  hospitalId: string;
  language: string;
  startsAt: string;
  endsAt: string;
  department: string;
  visitType: string;
  mode: string;
  interpreterGender: string;
  requiredLevel: string;
  status: string;
  urgent: boolean;
  escalationReason: string | null;
  onHold: boolean;
  notes: string | null;
  createdAt: string;
  /** Only for staff and the requesting hospital. */
  patient?: PatientView | null;
}

export function requestView(request: InterpretationRequest, patient?: RequestPatient | null): RequestView {
  return {
    id: request.id,
    hospitalId: request.hospitalId,
    language: request.language,
    startsAt: request.startsAt.toISOString(),
    endsAt: request.endsAt.toISOString(),
    department: request.department,
    visitType: request.visitType,
    mode: request.mode,
    interpreterGender: request.interpreterGender,
    requiredLevel: request.requiredLevel,
    status: request.status,
    urgent: request.urgent,
    escalationReason: request.escalationReason,
    onHold: request.onHold,
    notes: request.notes,
    createdAt: request.createdAt.toISOString(),
    ...(patient !== undefined
      ? { patient: patient && { displayName: patient.displayName, gender: patient.gender, ageBand: patient.ageBand, nationality: patient.nationality } }
      : {}),
  };
}
