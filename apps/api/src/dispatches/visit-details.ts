import { EntityManager, In } from 'typeorm';
import {
  ActivityReport,
  Hospital,
  type InterpretationRequest,
  PracticumReport,
  User,
  visitHappened,
} from '@app/domain';
import type { Dispatch, ReportState, VisitDetails } from '@app/domain';

/**
 * Everything the confirmed interpreter needs on the day, for many requests in three queries
 * (hospitals, filers, the hospitals' coordinators). Whom to call: the coordinator who filed the
 * request, else the hospital's longest-standing active coordinator. Never patient details.
 */
export async function loadVisitDetails(
  manager: EntityManager,
  requests: InterpretationRequest[],
): Promise<Map<string, VisitDetails>> {
  if (requests.length === 0) return new Map();
  const hospitalIds = [...new Set(requests.map((r) => r.hospitalId))];
  const filerIds = [...new Set(requests.map((r) => r.createdBy).filter((id): id is string => !!id))];
  // One after another: the manager may be a transaction's, whose one connection cannot take
  // overlapping queries (pg queues them today and refuses them from pg 9).
  const hospitals = await manager.find(Hospital, { where: { id: In(hospitalIds) } });
  const filers = filerIds.length
    ? await manager.find(User, { where: { id: In(filerIds), role: 'coordinator', active: true } })
    : [];
  const coordinators = await manager.find(User, {
    where: { hospitalId: In(hospitalIds), role: 'coordinator', active: true },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  const hospitalById = new Map(hospitals.map((h) => [h.id, h]));
  const filerById = new Map(filers.map((u) => [u.id, u]));
  const firstCoordinator = new Map<string, User>();
  for (const u of coordinators) if (!firstCoordinator.has(u.hospitalId!)) firstCoordinator.set(u.hospitalId!, u);
  const details = new Map<string, VisitDetails>();
  for (const r of requests) {
    const hospital = hospitalById.get(r.hospitalId);
    if (!hospital) continue;
    const filer = r.createdBy ? filerById.get(r.createdBy) : undefined;
    const contact = filer?.hospitalId === r.hospitalId ? filer : firstCoordinator.get(r.hospitalId);
    details.set(r.id, {
      hospitalName: hospital.name,
      address: hospital.address,
      hospitalPhone: hospital.phone,
      department: r.department,
      visitType: r.visitType,
      mode: r.mode,
      notesForInterpreter: r.notesForInterpreter,
      remoteDetails: r.remoteDetails,
      coordinatorName: contact?.displayName ?? null,
      coordinatorPhone: contact?.phone ?? null,
    });
  }
  return details;
}

/** A map search for the address (Google Maps' documented search URL; opens the app on a phone). */
export function mapLink(address: string): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address)}`;
}

/**
 * Where the activity report of a dispatch stands: owed once the visit of a primary dispatch is
 * over (completed, or still confirmed past its end), filed, or reviewed by staff (a follow-up
 * counts: staff have read it). Null before the visit ends, for shadows and for visits that did
 * not happen.
 */
export function reportState(
  dispatch: Pick<Dispatch, 'role' | 'status' | 'endsAt'>,
  report: Pick<ActivityReport, 'reviewStatus'> | undefined,
  now: Date,
): ReportState | null {
  if (dispatch.role !== 'primary') return null;
  const over = dispatch.status === 'completed' || (dispatch.status === 'confirmed' && dispatch.endsAt <= now);
  if (!over) return null;
  if (!report) return 'missing';
  return report.reviewStatus === 'pending' ? 'submitted' : 'reviewed';
}

/** The reports of these dispatches, in one query. */
export async function loadReports(
  manager: EntityManager,
  dispatchIds: string[],
): Promise<Map<string, Pick<ActivityReport, 'reviewStatus'>>> {
  if (dispatchIds.length === 0) return new Map();
  const rows = await manager.find(ActivityReport, {
    where: { dispatchId: In(dispatchIds) },
    select: { dispatchId: true, reviewStatus: true },
  });
  return new Map(rows.map((r) => [r.dispatchId, r]));
}

/**
 * Where a shadow dispatch's practicum record stands once the visit happened: owed, filed, or
 * reviewed by staff (a follow-up counts). Null before, for visits that did not happen and for
 * the interpreter's seat.
 */
export function practicumState(
  dispatch: Pick<Dispatch, 'role' | 'status' | 'endsAt'>,
  practicum: Pick<PracticumReport, 'reviewStatus'> | undefined,
  now: Date,
): ReportState | null {
  if (dispatch.role !== 'shadow' || !visitHappened(dispatch, now)) return null;
  if (!practicum) return 'missing';
  return practicum.reviewStatus === 'pending' ? 'submitted' : 'reviewed';
}

/**
 * For interpreters' dispatches, in one query: the trainee who held each one's shadow seat (by
 * request id), with their practicum record and the interpreter's feedback on it.
 */
export async function loadShadowTrainees(
  manager: EntityManager,
  dispatches: Pick<Dispatch, 'role' | 'requestId'>[],
): Promise<Map<string, { dispatch: Pick<Dispatch, 'id' | 'role' | 'status' | 'endsAt'> } & ShadowTraineeRow>> {
  const requestIds = [...new Set(dispatches.filter((d) => d.role === 'primary').map((d) => d.requestId))];
  if (requestIds.length === 0) return new Map();
  const rows: {
    id: string;
    request_id: string;
    status: Dispatch['status'];
    ends_at: Date;
    display_name: string;
    review_status: PracticumReport['reviewStatus'] | null;
    interpreter_feedback: string | null;
  }[] = await manager.query(
    `SELECT d.id, d.request_id, d.status, d.ends_at, v.display_name, p.review_status, p.interpreter_feedback
       FROM dispatches d JOIN volunteers v ON v.id = d.volunteer_id
       LEFT JOIN practicum_reports p ON p.dispatch_id = d.id
      WHERE d.request_id = ANY($1::uuid[]) AND d.role = 'shadow' AND d.status IN ('confirmed', 'completed')`,
    [requestIds],
  );
  return new Map(
    rows.map((r) => [
      r.request_id,
      {
        dispatch: { id: r.id, role: 'shadow' as const, status: r.status, endsAt: new Date(r.ends_at) },
        name: r.display_name,
        practicum: r.review_status ? { reviewStatus: r.review_status } : undefined,
        feedback: r.interpreter_feedback,
      },
    ]),
  );
}

interface ShadowTraineeRow {
  name: string;
  practicum: Pick<PracticumReport, 'reviewStatus'> | undefined;
  feedback: string | null;
}

/**
 * For shadow dispatches, in two queries: the name of the interpreter each one's request has now
 * (by request id), and the trainee's practicum records (by dispatch id).
 */
export async function loadShadowPartners(
  manager: EntityManager,
  dispatches: Pick<Dispatch, 'id' | 'role' | 'requestId'>[],
): Promise<{ interpreters: Map<string, string>; practicums: Map<string, Pick<PracticumReport, 'reviewStatus'>> }> {
  const shadows = dispatches.filter((d) => d.role === 'shadow');
  if (shadows.length === 0) return { interpreters: new Map(), practicums: new Map() };
  const interpreters: { request_id: string; display_name: string }[] = await manager.query(
    `SELECT d.request_id, v.display_name FROM dispatches d JOIN volunteers v ON v.id = d.volunteer_id
      WHERE d.request_id = ANY($1::uuid[]) AND d.role = 'primary' AND d.status IN ('confirmed', 'completed')`,
    [[...new Set(shadows.map((d) => d.requestId))]],
  );
  const practicums = await manager.find(PracticumReport, {
    where: { dispatchId: In(shadows.map((d) => d.id)) },
    select: { dispatchId: true, reviewStatus: true },
  });
  return {
    interpreters: new Map(interpreters.map((r) => [r.request_id, r.display_name])),
    practicums: new Map(practicums.map((p) => [p.dispatchId, p])),
  };
}
