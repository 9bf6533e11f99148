import { requestReference } from '@app/domain/model';
import { InterpretationRequest, type PatientView, RequestPatient, type RequestView } from '@app/domain';

/** The response shapes are the model's (libs/domain/src/model/views.ts), shared with the panel. */
export type { PatientView, RequestView };

export function requestView(request: InterpretationRequest, patient?: RequestPatient | null): RequestView {
  return {
    id: request.id,
    reference: requestReference(request.id),
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
    notesForInterpreter: request.notesForInterpreter,
    remoteDetails: request.remoteDetails,
    traineeWelcome: request.traineeWelcome,
    createdAt: request.createdAt.toISOString(),
    ...(patient !== undefined
      ? {
          patient: patient && {
            displayName: patient.displayName,
            gender: patient.gender,
            ageBand: patient.ageBand,
            nationality: patient.nationality,
          },
        }
      : {}),
  };
}
