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
