import { EntityManager } from 'typeorm';
import type { CandidateContact, OfferHistoryEntry } from '@app/domain/model';
import type { RankResult } from '@app/matching';

/**
 * The escalation workbench's reads (staff only; the controller checks the role): the offer
 * history of a request, and the candidates' offer state. One query each, whatever the number of
 * volunteers.
 */
export async function offerHistory(manager: EntityManager, requestId: string): Promise<OfferHistoryEntry[]> {
  const rows: {
    id: string;
    volunteer_id: string;
    display_name: string;
    phone: string | null;
    role: OfferHistoryEntry['role'];
    wave: number;
    status: OfferHistoryEntry['status'];
    created_at: Date;
    responded_at: Date | null;
    expires_at: Date;
    decline_reason: string | null;
  }[] = await manager.query(
    `SELECT o.id, o.volunteer_id, v.display_name, v.phone, o.role, o.wave, o.status, o.created_at,
            o.responded_at, o.expires_at, o.decline_reason
       FROM offers o JOIN volunteers v ON v.id = o.volunteer_id
      WHERE o.request_id = $1
      ORDER BY o.created_at DESC, o.wave DESC, v.display_name`,
    [requestId],
  );
  return rows.map((r) => ({
    id: r.id,
    volunteerId: r.volunteer_id,
    displayName: r.display_name,
    phone: r.phone,
    role: r.role,
    wave: r.wave,
    status: r.status,
    sentAt: r.created_at.toISOString(),
    respondedAt: r.responded_at?.toISOString() ?? null,
    expiresAt: r.expires_at.toISOString(),
    declineReason: r.decline_reason,
  }));
}

type WithContact<T> = T & CandidateContact;
export interface ContactedRankResult {
  eligible: WithContact<RankResult['eligible'][number]>[];
  excluded: WithContact<RankResult['excluded'][number]>[];
}

/**
 * The ranking with each volunteer's phone (read with the pool: `VolunteerSnapshots.read`) and
 * latest offer of the role (the interpreter's seat, or the shadow seat) for the request under its
 * current terms: one statement over the request's few offers, whatever the number of volunteers.
 */
export async function withContact(
  manager: EntityManager,
  request: { id: string; termsChangedAt: Date | null },
  ranked: RankResult,
  phones: ReadonlyMap<string, string | null>,
  role: OfferHistoryEntry['role'] = 'primary',
): Promise<ContactedRankResult> {
  if (!ranked.eligible.length && !ranked.excluded.length) return { eligible: [], excluded: [] };
  const rows = await manager.query<{ volunteer_id: string; status: OfferHistoryEntry['status']; created_at: Date }[]>(
    `SELECT DISTINCT ON (volunteer_id) volunteer_id, status, created_at FROM offers
      WHERE request_id = $1 AND role = $3 AND ($2::timestamptz IS NULL OR created_at >= $2)
      ORDER BY volunteer_id, created_at DESC`,
    [request.id, request.termsChangedAt, role],
  );
  const offer = new Map(rows.map((r) => [r.volunteer_id, { status: r.status, sentAt: r.created_at.toISOString() }]));
  const contact = <T extends { volunteerId: string }>(c: T): WithContact<T> => ({
    ...c,
    phone: phones.get(c.volunteerId) ?? null,
    offer: offer.get(c.volunteerId) ?? null,
  });
  return { eligible: ranked.eligible.map(contact), excluded: ranked.excluded.map(contact) };
}
