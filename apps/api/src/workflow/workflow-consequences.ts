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
import { lockOne } from '../access/locks';

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
  /**
   * Withdraws the request's pending offers (of one role, or all; but the one `except` names), each
   * volunteer mailed why.
   */
  withdrawOffers: (request: InterpretationRequest, reason: WithdrawReason, which?: OfferSelection) => Promise<void>;
  /**
   * Cancels a confirmed dispatch on the hospital's side (late inside the late-cancellation window), its
   * volunteer mailed not to come with the .ics that takes the visit off their calendar.
   */
  cancelDispatch: (request: InterpretationRequest, dispatch: Dispatch, reason: string) => Promise<void>;
}

/** Which of a request's pending offers to withdraw: those of one seat (`role`), and not `except`. */
export interface OfferSelection {
  role?: Offer['role'];
  except?: string | null;
}

type Consequence<E> = (subject: E, context: ConsequenceContext) => Promise<void>;

/**
 * Each kind's moves by event, and `start`: the row's entry (`Workflow.start`: a request filed, an
 * offer sent, a dispatch confirmed).
 */
type Section<E, Event extends string> = Partial<Record<Event | 'start', Array<Consequence<E>>>>;

interface ConsequenceTable {
  request: Section<InterpretationRequest, RequestEvent>;
  offer: Section<Offer, OfferEvent>;
  dispatch: Section<Dispatch, DispatchEvent>;
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
 * A seat was taken (an offer accepted, staff's assignment, a swap's cover): whoever is still asked
 * for that seat of the request is told it is filled. The offer the dispatch was made from is the
 * acceptance, not a withdrawal.
 */
const fillSeat: Consequence<Dispatch> = async (dispatch, { manager, withdrawOffers }) => {
  const request = await manager.findOneOrFail(InterpretationRequest, { where: { id: dispatch.requestId } });
  await withdrawOffers(request, 'filled', { role: dispatch.role, except: dispatch.offerId });
};
/** The hospital withdrew its consent to a trainee: offers of the shadow seat still out no longer stand. */
const withdrawShadowOffers: Consequence<InterpretationRequest> = (request, { withdrawOffers }) =>
  withdrawOffers(request, 'cancelled', { role: 'shadow' });
/**
 * The trainee's seat beside the interpreter is given up (`reason` on the cancelled dispatch), the
 * trainee mailed not to come. The interpreter's seat is untouched.
 */
const cancelShadowSeat =
  (reason: string): Consequence<InterpretationRequest> =>
  async (request, { manager, cancelDispatch }) => {
    const shadow = await lockOne(manager, Dispatch, { requestId: request.id, role: 'shadow', status: 'confirmed' });
    if (shadow) await cancelDispatch(request, shadow, reason);
  };

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
 * transaction right after the status is written and logged (an event that keeps the status, such as
 * `amend`, is logged and runs its row all the same); `start` rows are run by `Workflow.start` right
 * after a new row is inserted and its entry logged. A journey that adds a transition adds its row
 * here; no service withdraws offers or gives up a seat by hand after a move. Mail stays with the
 * services, which know what to say (the reason, the recipients), except the mail that only tells
 * what a consequence did — an offer withdrawn (with its fixed withdraw reason), a shadow seat
 * cancelled — which goes with it.
 */
export const CONSEQUENCES: ConsequenceTable = {
  request: {
    confirm: [stopAsking],
    complete: [completeShadow],
    escalate: [stopWaves],
    cancel: [stopRequestTimers, withdrawCancelled],
    reschedule: [withdrawChanged],
    // A shadow seat kept from before a reopening was confirmed for the old terms; a new one is offered once confirmed.
    amend: [cancelShadowSeat('visit changed'), withdrawChanged],
    withdrawTraineeConsent: [withdrawShadowOffers, cancelShadowSeat('trainee consent withdrawn')],
  },
  offer: {},
  dispatch: {
    start: [fillSeat],
    cancel: [stopDispatchTimers, releaseAcceptance],
    // The old time's reminder and reconfirmation timers; the service sets the new time's.
    reschedule: [stopDispatchTimers],
  },
};
