import { ConflictError } from '../errors/domain-error';

import {
  DISPATCH_TRANSITIONS,
  type DispatchEvent,
  type DispatchStatus,
  OFFER_TRANSITIONS,
  type OfferEvent,
  type OfferStatus,
  REQUEST_TRANSITIONS,
  type RequestEvent,
  type RequestStatus,
} from '../model/workflow';

/**
 * The dispatch workflow as data (the states and the transition table live in the model,
 * libs/domain/src/model/workflow.ts): for each kind of object (request, offer, dispatch), which
 * event moves it from which state to which. Services ask `transition()` and record the answer;
 * they never assign a status by hand, so an illegal move is always the same 409.
 */
export {
  DISPATCH_STATUSES,
  DISPATCH_TRANSITIONS,
  type DispatchEvent,
  type DispatchStatus,
  OFFER_STATUSES,
  OFFER_TRANSITIONS,
  type OfferEvent,
  type OfferStatus,
  REQUEST_STATUSES,
  REQUEST_TRANSITIONS,
  type RequestEvent,
  type RequestStatus,
} from '../model/workflow';

type Table<S extends string, E extends string> = Record<E, { from: readonly S[]; to: S | null }>;

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

/** The state after `event` (`from` itself for an event that keeps the state), or an {@link IllegalTransitionError}. */
export function transition<K extends WorkflowKind>(kind: K, from: StateOf<K>, event: EventOf<K>): StateOf<K> {
  const rule = (MACHINES[kind] as Record<string, { from: readonly string[]; to: string | null }>)[event];
  if (!rule || !rule.from.includes(from)) throw new IllegalTransitionError(kind, from, event);
  return (rule.to ?? from) as StateOf<K>;
}

/** The states from which `event` is allowed: what a conditional UPDATE puts in its WHERE. */
export function statesAllowing<K extends WorkflowKind>(kind: K, event: EventOf<K>): readonly StateOf<K>[] {
  return (MACHINES[kind] as unknown as Record<string, { from: readonly StateOf<K>[] }>)[event].from;
}
