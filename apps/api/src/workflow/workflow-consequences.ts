import { EntityManager } from 'typeorm';
import {
  Dispatch,
  InterpretationRequest,
  Offer,
  type DispatchEvent,
  type OfferEvent,
  type RequestEvent,
  type WithdrawReason,
} from '@app/domain';
import { OFFER_JOBS } from './workflow-jobs';

/** What a consequence may use: the caller's transaction and the workflow's own tools. */
export interface ConsequenceContext {
  manager: EntityManager;
  actorId: string | null;
  reason: string | null;
  /** Cancels pending timers of these types (null: every type) whose payload contains `match`. */
  cancelTimers: (types: readonly string[] | null, match: Record<string, unknown>) => Promise<void>;
  /** Moves the offer through the workflow (with its own consequences). */
  moveOffer: (offer: Offer, event: OfferEvent) => Promise<void>;
  /** Moves a dispatch through the workflow (with its own consequences), writing `set` in the same UPDATE. */
  moveDispatch: (dispatch: Dispatch, event: DispatchEvent, set?: Partial<Dispatch>) => Promise<void>;
  /** Withdraws the request's pending offers (of one role, or all), each volunteer mailed why. */
  withdrawOffers: (request: InterpretationRequest, reason: WithdrawReason, role?: Offer['role']) => Promise<void>;
}

type Consequence<E> = (subject: E, context: ConsequenceContext) => Promise<void>;

interface ConsequenceTable {
  request: Partial<Record<RequestEvent, Array<Consequence<InterpretationRequest>>>>;
  offer: Partial<Record<OfferEvent, Array<Consequence<Offer>>>>;
  dispatch: Partial<Record<DispatchEvent, Array<Consequence<Dispatch>>>>;
}

/** The request's offer timers (next wave, staff deadline): nobody needs to be asked any more. */
const stopAsking: Consequence<InterpretationRequest> = (request, { cancelTimers }) =>
  cancelTimers([OFFER_JOBS.nextWave, OFFER_JOBS.escalate], { requestId: request.id });
/** No more waves; the staff deadline has done its work or is moot. */
const stopWaves: Consequence<InterpretationRequest> = (request, { cancelTimers }) =>
  cancelTimers([OFFER_JOBS.nextWave], { requestId: request.id });
/** Every timer of the request (waves, expiry, deadline, re-offer). */
const stopRequestTimers: Consequence<InterpretationRequest> = (request, { cancelTimers }) =>
  cancelTimers(null, { requestId: request.id });
/** Every timer of the dispatch (reminder, reconfirmation and its deadline). */
const stopDispatchTimers: Consequence<Dispatch> = (dispatch, { cancelTimers }) =>
  cancelTimers(null, { dispatchId: dispatch.id });
/** The visit is off: nobody is asked any more, and whoever still holds an offer is told why. */
const withdrawCancelled: Consequence<InterpretationRequest> = (request, { withdrawOffers }) =>
  withdrawOffers(request, 'cancelled');
/** The visit moved: offers made for the old time no longer stand (a new wave asks for the new one). */
const withdrawChanged: Consequence<InterpretationRequest> = (request, { withdrawOffers }) =>
  withdrawOffers(request, 'changed');
/**
 * The acceptance that made the dispatch no longer holds the request (one accepted offer per
 * request), so another volunteer's acceptance can.
 */
const releaseAcceptance: Consequence<Dispatch> = async (dispatch, { manager, moveOffer }) => {
  const offer = dispatch.offerId ? await manager.findOne(Offer, { where: { id: dispatch.offerId } }) : null;
  if (offer?.status === 'accepted') await moveOffer(offer, 'release');
};

/**
 * The visit happened: a trainee's shadow seat beside the interpreter is completed with it, at the
 * times the interpreter's dispatch records (the shadow came and left with them).
 */
const completeShadow: Consequence<InterpretationRequest> = async (request, { manager, moveDispatch }) => {
  const shadows = await manager.find(Dispatch, {
    where: { requestId: request.id, role: 'shadow', status: 'confirmed' },
  });
  if (shadows.length === 0) return;
  const primary = await manager.findOne(Dispatch, {
    where: { requestId: request.id, role: 'primary', status: 'completed' },
  });
  const actualStart = primary?.actualStart ?? request.startsAt;
  const actualEnd = primary?.actualEnd ?? request.endsAt;
  for (const shadow of shadows) await moveDispatch(shadow, 'complete', { actualStart, actualEnd });
};

/**
 * What each move brings about besides the new status, run by `Workflow.move` in the caller's
 * transaction right after the status is written and logged. A journey that adds a transition adds
 * its row here. Mail stays with the services, which know what to say (the reason, the recipients),
 * except the withdrawn offers' mail, which says only the fixed withdraw reason and so goes with them.
 */
export const CONSEQUENCES: ConsequenceTable = {
  request: {
    confirm: [stopAsking],
    complete: [completeShadow],
    escalate: [stopWaves],
    cancel: [stopRequestTimers, withdrawCancelled],
    reschedule: [withdrawChanged],
  },
  offer: {},
  dispatch: {
    cancel: [stopDispatchTimers, releaseAcceptance],
    // The old time's reminder and reconfirmation timers; the service sets the new time's.
    reschedule: [stopDispatchTimers],
  },
};
