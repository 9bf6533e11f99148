import { ConflictError } from '../errors/domain-error';

/**
 * The dispatch workflow as data: for each kind of object (request, offer, dispatch), which event
 * moves it from which state to which. Services ask `transition()` and record the answer; they
 * never assign a status by hand, so an illegal move is always the same 409.
 */
export const REQUEST_STATUSES = ['open', 'offered', 'confirmed', 'completed', 'escalated', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const OFFER_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'withdrawn', 'released'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const DISPATCH_STATUSES = ['confirmed', 'completed', 'cancelled', 'no_show'] as const;
export type DispatchStatus = (typeof DISPATCH_STATUSES)[number];

type Table<S extends string, E extends string> = Record<E, { from: readonly S[]; to: S }>;

export const REQUEST_TRANSITIONS = {
  /** Offers went out (a wave, a broadcast, or by hand). */
  offer: { from: ['open', 'offered', 'escalated'], to: 'offered' },
  /** A volunteer accepted, or staff assigned directly. */
  confirm: { from: ['open', 'offered', 'escalated'], to: 'confirmed' },
  /** Nobody took it by the deadline, or staff must step in. */
  escalate: { from: ['open', 'offered'], to: 'escalated' },
  /** The confirmed volunteer dropped out: back to finding someone. */
  reopen: { from: ['confirmed'], to: 'open' },
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
} as const satisfies Table<DispatchStatus, string>;
export type DispatchEvent = keyof typeof DISPATCH_TRANSITIONS;

const MACHINES = {
  request: REQUEST_TRANSITIONS as Table<RequestStatus, RequestEvent>,
  offer: OFFER_TRANSITIONS as Table<OfferStatus, OfferEvent>,
  dispatch: DISPATCH_TRANSITIONS as Table<DispatchStatus, DispatchEvent>,
};

type Machines = typeof MACHINES;
export type WorkflowKind = keyof Machines;
type StateOf<K extends WorkflowKind> = Machines[K] extends Table<infer S, string> ? S : never;
type EventOf<K extends WorkflowKind> = keyof Machines[K] & string;

/** Refused move: 409 with a stable code, e.g. `ILLEGAL_TRANSITION` for "complete a cancelled request". */
export class IllegalTransitionError extends ConflictError {
  constructor(
    readonly workflow: WorkflowKind,
    readonly from: string,
    readonly event: string,
  ) {
    super('ILLEGAL_TRANSITION', `A ${workflow} that is ${from} cannot ${event}`);
  }
}

/** The state after `event`, or an {@link IllegalTransitionError}. */
export function transition<K extends WorkflowKind>(kind: K, from: StateOf<K>, event: EventOf<K>): StateOf<K> {
  const rule = (MACHINES[kind] as Record<string, { from: readonly string[]; to: string }>)[event];
  if (!rule || !rule.from.includes(from)) throw new IllegalTransitionError(kind, from, event);
  return rule.to as StateOf<K>;
}

/** The states from which `event` is allowed: what a conditional UPDATE puts in its WHERE. */
export function statesAllowing<K extends WorkflowKind>(kind: K, event: EventOf<K>): readonly StateOf<K>[] {
  return (MACHINES[kind] as unknown as Record<string, { from: readonly StateOf<K>[] }>)[event].from;
}
