import type { DispatchView, Mode, OfferView } from '@app/domain/model';

/** What the API says about a dispatch's reconfirmation: its window (the dispatch policy's) and a move. */
export type Reconfirmable = Pick<DispatchView, 'status' | 'startsAt' | 'reconfirmedAt' | 'reconfirmOpensAt'> &
  Partial<Pick<DispatchView, 'rescheduledFrom'>>;

/**
 * The hospital moved the visit and the volunteer has not yet said whether they can make the new
 * time (asked at once; after the move's answer deadline staff are chasing it, and it is still
 * owed — whether "I can't go" is then the hospital's doing is the API's `awaitingMoveAnswer`).
 */
export function awaitsMoveAnswer(dispatch: Reconfirmable): boolean {
  return dispatch.status === 'confirmed' && !!dispatch.rescheduledFrom && !dispatch.reconfirmedAt;
}

/**
 * A confirmed visit that has not started, not yet reconfirmed, and within the reconfirmation
 * window the API gives (`reconfirmOpensAt`) — or moved by the hospital (then the answer is owed at
 * once, however far off the visit).
 */
export function needsReconfirmation(dispatch: Reconfirmable, now: Date): boolean {
  if (dispatch.status !== 'confirmed' || dispatch.reconfirmedAt) return false;
  if (Date.parse(dispatch.startsAt) <= now.getTime()) return false;
  if (awaitsMoveAnswer(dispatch)) return true;
  return dispatch.reconfirmOpensAt !== null && Date.parse(dispatch.reconfirmOpensAt) <= now.getTime();
}

/** Offers by their visit, soonest first (then the one that expires first). */
export function soonestFirst<T extends Pick<OfferView, 'expiresAt'> & { visit: Pick<OfferView['visit'], 'startsAt'> }>(
  offers: readonly T[],
): T[] {
  return [...offers].sort(
    (a, b) => a.visit.startsAt.localeCompare(b.visit.startsAt) || a.expiresAt.localeCompare(b.expiresAt),
  );
}

/** What the volunteer owes, most pressing kind first, each soonest (or oldest) first. */
export interface Owed<O, D> {
  offers: O[];
  reconfirm: D[];
  reports: D[];
  total: number;
}

/**
 * The volunteer's to-do list: pending offers to answer, visits to reconfirm, reports to file.
 * `upcoming` are their dispatches from now on, `past` those that have started (any order).
 */
export function whatIsOwed<
  O extends Pick<OfferView, 'status' | 'expiresAt'> & { visit: Pick<OfferView['visit'], 'startsAt'> },
  D extends Reconfirmable & Pick<DispatchView, 'id' | 'report'>,
>(input: { offers: readonly O[]; upcoming: readonly D[]; past: readonly D[] }, now: Date): Owed<O, D> {
  const offers = soonestFirst(
    input.offers.filter((o) => o.status === 'pending' && Date.parse(o.expiresAt) > now.getTime()),
  );
  const reconfirm = input.upcoming
    .filter((d) => needsReconfirmation(d, now))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const seen = new Set<string>();
  const reports = [...input.past, ...input.upcoming]
    .filter((d) => d.report === 'missing' && !seen.has(d.id) && seen.add(d.id))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return { offers, reconfirm, reports, total: offers.length + reconfirm.length + reports.length };
}

/** What a past card says about its report: owed (prominent), filed, reviewed, or nothing yet. */
export type PastReportState = 'owed' | 'submitted' | 'reviewed' | 'none';

export function pastReportState(dispatch: Pick<DispatchView, 'report'>): PastReportState {
  switch (dispatch.report) {
    case 'missing':
      return 'owed';
    case 'submitted':
      return 'submitted';
    case 'reviewed':
      return 'reviewed';
    default:
      return 'none';
  }
}

/** A map search for an address (opens the maps app on a phone). */
export function mapLink(address: string): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address)}`;
}

/**
 * A tel: link from a number as people write it (hyphens, spaces, full-width digits, +81); an
 * extension written after it (内線201, ext. 12) is for the switchboard, not for dialling.
 */
export function telLink(phone: string): string | null {
  const ascii = phone.replace(/[０-９＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const number = /\+?\d[\d\s\-‐－−()（）]{4,}\d/.exec(ascii)?.[0];
  return number ? `tel:${number.replace(/[^\d+]/g, '')}` : null;
}

/** How to join a remote visit: a tel: link for a phone visit, the link itself for a video one (http(s) only). */
export function remoteLink(mode: Mode, details: string | null): string | null {
  if (!details) return null;
  if (mode === 'phone') return telLink(details);
  if (mode === 'video') {
    const url = details.match(/https?:\/\/\S+/)?.[0];
    return url ?? null;
  }
  return null;
}

/**
 * What a past card says happened, in words: done, the patient (or the interpreter) did not come,
 * called off by the hospital or by the interpreter. `null` for a visit still confirmed: "confirmed"
 * says nothing once the visit's time has come, the report's state says what matters then.
 */
export type PastOutcome =
  | 'completed'
  | 'no_show_patient'
  | 'no_show_interpreter'
  | 'no_show'
  | 'cancelled_hospital'
  | 'cancelled_interpreter'
  | 'cancelled';

export function pastOutcome(
  dispatch: Pick<DispatchView, 'status' | 'cancelledBy' | 'noShowParty'>,
): PastOutcome | null {
  switch (dispatch.status) {
    case 'completed':
      return 'completed';
    case 'no_show':
      return dispatch.noShowParty ? `no_show_${dispatch.noShowParty}` : 'no_show';
    case 'cancelled':
      return dispatch.cancelledBy ? `cancelled_${dispatch.cancelledBy}` : 'cancelled';
    default:
      return null;
  }
}
