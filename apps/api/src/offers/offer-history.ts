import { EntityManager } from 'typeorm';
import type { CandidateContact, OfferHistoryEntry } from '@app/domain/model';
import type { RankResult } from '@app/matching';

/**
 * The escalation workbench's reads (staff only; the controller checks the role): the offer
 * history of a request, and the candidates' phone numbers and offer state. Two queries each,
 * whatever the number of volunteers.
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

/** The ranking with each volunteer's phone and latest offer of the role (the interpreter's seat, or the shadow seat) for the request under its current terms. */
export async function withContact(
  manager: EntityManager,
  requestId: string,
  termsChangedAt: Date | null,
  ranked: RankResult,
  role: OfferHistoryEntry['role'] = 'primary',
): Promise<ContactedRankResult> {
  const ids = [...ranked.eligible, ...ranked.excluded].map((c) => c.volunteerId);
  if (!ids.length) return { eligible: [], excluded: [] };
  // One statement: each candidate's phone, and the request's few offers (not one probe per candidate).
  const rows = await manager.query<
    { id: string; phone: string | null; status: OfferHistoryEntry['status'] | null; created_at: Date | null }[]
  >(
    `SELECT v.id, v.phone, o.status, o.created_at
       FROM volunteers v
       LEFT JOIN (SELECT DISTINCT ON (volunteer_id) volunteer_id, status, created_at FROM offers
                   WHERE request_id = $2 AND role = $4 AND ($3::timestamptz IS NULL OR created_at >= $3)
                   ORDER BY volunteer_id, created_at DESC) o ON o.volunteer_id = v.id
      WHERE v.id = ANY($1::uuid[])`,
    [ids, requestId, termsChangedAt, role],
  );
  const phone = new Map(rows.map((r) => [r.id, r.phone]));
  const offer = new Map(
    rows.flatMap((r) =>
      r.status && r.created_at ? [[r.id, { status: r.status, sentAt: r.created_at.toISOString() }] as const] : [],
    ),
  );
  const contact = <T extends { volunteerId: string }>(c: T): WithContact<T> => ({
    ...c,
    phone: phone.get(c.volunteerId) ?? null,
    offer: offer.get(c.volunteerId) ?? null,
  });
  return { eligible: ranked.eligible.map(contact), excluded: ranked.excluded.map(contact) };
}
