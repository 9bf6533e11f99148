import { EntityManager, In } from 'typeorm';
import { ActivityReport, Hospital, type InterpretationRequest, User } from '@app/domain';
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
  const [hospitals, filers, coordinators] = await Promise.all([
    manager.find(Hospital, { where: { id: In(hospitalIds) } }),
    filerIds.length
      ? manager.find(User, { where: { id: In(filerIds), role: 'coordinator', active: true } })
      : Promise.resolve([]),
    manager.find(User, {
      where: { hospitalId: In(hospitalIds), role: 'coordinator', active: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    }),
  ]);
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
