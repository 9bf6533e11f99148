/**
 * The lifecycle of requests, offers and dispatches as data: their states, the transition table
 * (which event moves an object from which states to which), and the named sets of states the
 * API, the panel and the simulator ask about. Dependency-free, so the panel can import it.
 */
export const REQUEST_STATUSES = ['open', 'offered', 'confirmed', 'completed', 'escalated', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const OFFER_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'withdrawn', 'released'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const DISPATCH_STATUSES = ['confirmed', 'completed', 'cancelled', 'no_show'] as const;
export type DispatchStatus = (typeof DISPATCH_STATUSES)[number];

/** `to: null`: the event keeps the object in the state it is in (a change logged with its consequences, not a status move). */
type Table<S extends string, E extends string> = Record<E, { from: readonly S[]; to: S | null }>;

export const REQUEST_TRANSITIONS = {
  /** Offers went out (a wave, a broadcast, or by hand). */
  offer: { from: ['open', 'offered', 'escalated'], to: 'offered' },
  /** A volunteer accepted, or staff assigned directly. */
  confirm: { from: ['open', 'offered', 'escalated'], to: 'confirmed' },
  /** Nobody took it by the deadline, or staff must step in. */
  escalate: { from: ['open', 'offered'], to: 'escalated' },
  /** The confirmed volunteer dropped out: back to finding someone. */
  reopen: { from: ['confirmed'], to: 'open' },
  /**
   * The hospital moved a confirmed visit to a new time: it stays confirmed while its interpreter is
   * asked again (if they cannot come, the request then reopens).
   */
  reschedule: { from: ['confirmed'], to: 'confirmed' },
  /**
   * Terms that matter to matching (time, language, department…) changed before anyone was
   * confirmed: the request stays where it is while the offers made for the old terms are withdrawn
   * and it is offered again.
   */
  amend: { from: ['open', 'offered', 'escalated'], to: null },
  /** The hospital withdrew its consent to a shadowing trainee: the request stays where it is, the shadow seat is given up. */
  withdrawTraineeConsent: { from: ['open', 'offered', 'confirmed', 'escalated'], to: null },
  complete: { from: ['confirmed'], to: 'completed' },
  cancel: { from: ['open', 'offered', 'confirmed', 'escalated'], to: 'cancelled' },
} as const satisfies Table<RequestStatus, string>;
export type RequestEvent = keyof typeof REQUEST_TRANSITIONS;

export const OFFER_TRANSITIONS = {
  accept: { from: ['pending'], to: 'accepted' },
  decline: { from: ['pending'], to: 'declined' },
  expire: { from: ['pending'], to: 'expired' },
  /** The request was filled by someone else, changed, or cancelled. */
  withdraw: { from: ['pending'], to: 'withdrawn' },
  /**
   * The dispatch this acceptance made was cancelled or handed on: the answer stays on record, but
   * the offer no longer holds the request, so another volunteer's acceptance can.
   */
  release: { from: ['accepted'], to: 'released' },
} as const satisfies Table<OfferStatus, string>;
export type OfferEvent = keyof typeof OFFER_TRANSITIONS;

export const DISPATCH_TRANSITIONS = {
  complete: { from: ['confirmed'], to: 'completed' },
  cancel: { from: ['confirmed'], to: 'cancelled' },
  noShow: { from: ['confirmed'], to: 'no_show' },
  /** The visit moved and the interpreter can still be there: the dispatch follows it, awaiting their reconfirmation. */
  reschedule: { from: ['confirmed'], to: 'confirmed' },
} as const satisfies Table<DispatchStatus, string>;
export type DispatchEvent = keyof typeof DISPATCH_TRANSITIONS;

/* ---- Named sets of states: the only place each is spelled out. ---- */

/** A request still waiting for an interpreter: it can be offered, assigned or swapped into. */
export const OPEN_REQUEST_STATUSES = REQUEST_TRANSITIONS.confirm.from;
/** A request that can still be called off. */
export const CANCELLABLE_REQUEST_STATUSES = REQUEST_TRANSITIONS.cancel.from;
/** A request whose offers are still running: it escalates if nobody takes it in time. */
export const OFFERING_REQUEST_STATUSES = REQUEST_TRANSITIONS.escalate.from;
/** A request an interpreter has taken (the visit is ahead or done). */
export const FILLED_REQUEST_STATUSES = ['confirmed', 'completed'] as const satisfies readonly RequestStatus[];

/** A dispatch that holds its request (a live one or its completed visit); the database's `uq_dispatches_one_live_per_request`. */
export const LIVE_DISPATCH_STATUSES = ['confirmed', 'completed'] as const satisfies readonly DispatchStatus[];

/** Offers the volunteer answered (an acceptance later released still counts as answered). */
export const ANSWERED_OFFER_STATUSES = ['accepted', 'released', 'declined'] as const satisfies readonly OfferStatus[];

const member =
  <S extends string>(set: readonly S[]) =>
  (status: string | null | undefined): status is S =>
    status != null && (set as readonly string[]).includes(status);

export const isOpen = member<RequestStatus>(OPEN_REQUEST_STATUSES);
export const isCancellable = member<RequestStatus>(CANCELLABLE_REQUEST_STATUSES);
export const isOffering = member<RequestStatus>(OFFERING_REQUEST_STATUSES);
export const isFilled = member<RequestStatus>(FILLED_REQUEST_STATUSES);
export const isLiveDispatch = member<DispatchStatus>(LIVE_DISPATCH_STATUSES);

/**
 * A dispatch's visit has happened — completed, or confirmed and past its end — so it takes an
 * activity report (README "After the visit"). `endsAt` as a Date or an ISO string.
 */
export function visitHappened(dispatch: { status: string; endsAt: Date | string }, now: Date = new Date()): boolean {
  return (
    dispatch.status === 'completed' ||
    (dispatch.status === 'confirmed' && new Date(dispatch.endsAt).getTime() <= now.getTime())
  );
}
