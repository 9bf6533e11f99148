import { EntityManager } from 'typeorm';
import {
  Dispatch,
  InterpretationRequest,
  isLateCancellation,
  Offer,
  type DispatchEvent,
  type DispatchPolicy,
  type OfferEvent,
  type RequestEvent,
  type WithdrawReason,
  type WorkflowKind,
} from '@app/domain';
import type { NewJob } from '../jobs/jobs.service';
import type { DispatchNotifier } from '../notifications/dispatch-notifier';
import type { MoveReleaseGround } from '../dispatches/dispatches.service';
import { DISPATCH_JOBS, firstWaveKey, OFFER_JOBS } from './workflow-jobs';
import { lockOne } from '../access/locks';

const HOUR = 3_600_000;

/** A visit's start and end (a moved visit's, before the move). */
export interface VisitTimes {
  startsAt: Date;
  endsAt: Date;
}

/**
 * Why a dispatch is cancelled, which decides who is told what — the `cancel` transition alone does
 * not say: the same move is a volunteer's "I can't go", a swap's hand-over, a shadow seat given up,
 * a request cancelled, a move the volunteer cannot make.
 */
export type DispatchCancellation =
  /**
   * The dispatch alone: its volunteer is told not to go. `byVolunteer`: they said "I can't go"
   * themselves, and the hospital and staff are told at once.
   */
  | { cause: 'dispatch'; byVolunteer: boolean }
  /** With its request: the request's cancellation mail tells everyone (see `cancelVisit`). */
  | { cause: 'request' }
  /** Its visit moved (`from`) to a time the volunteer cannot make (`ground`): the move's mail releases them. */
  | { cause: 'move'; from: VisitTimes; ground: MoveReleaseGround };

/**
 * What a move's consequences need to know that the row, the actor and the reason do not say, by
 * kind and event; `Workflow.move` requires it (`context`) for exactly these events.
 */
export interface MoveContexts {
  request: Record<never, never>;
  offer: Record<never, never>;
  dispatch: {
    cancel: DispatchCancellation;
    /** The visit's times before the move (the dispatch already has the new ones). */
    reschedule: { from: VisitTimes };
  };
}

/** The context a move of `kind` by `event` carries (undefined: none). */
export type MoveContextOf<K extends WorkflowKind, E> = E extends keyof MoveContexts[K] ? MoveContexts[K][E] : undefined;

/**
 * What a consequence may use: the caller's transaction, the move's context (`C`) and the
 * workflow's own tools.
 */
export interface ConsequenceContext<C = unknown> {
  manager: EntityManager;
  /** The dispatch's request, read once per move (or the one its caller holds). */
  requestOf: (dispatch: Dispatch) => Promise<InterpretationRequest>;
  actorId: string | null;
  reason: string | null;
  /** What the move's caller said beyond the reason (see `MoveContexts`). */
  moveContext: C;
  policy: DispatchPolicy;
  now: () => Date;
  /** Who is told what, as outbox mail in the caller's transaction. */
  notifier: DispatchNotifier;
  /** Arms a durable timer (once per key). */
  armTimer: (job: NewJob) => Promise<void>;
  /** Cancels pending timers of these types (null: every type) whose payload contains `match`. */
  cancelTimers: (types: readonly string[] | null, match: Record<string, unknown>) => Promise<void>;
  /** Moves the offer through the workflow (with its own consequences). */
  moveOffer: (offer: Offer, event: OfferEvent) => Promise<void>;
  /**
   * Moves a dispatch through the workflow (with its own consequences), writing `set` in the same
   * UPDATE; not the events that carry a context (a cancellation is `cancelDispatch`).
   */
  moveDispatch: (
    dispatch: Dispatch,
    event: Exclude<DispatchEvent, keyof MoveContexts['dispatch']>,
    set?: Partial<Dispatch>,
  ) => Promise<void>;
  /**
   * Withdraws the request's pending offers (of one role, or all; but the one `except` names), each
   * volunteer mailed why.
   */
  withdrawOffers: (request: InterpretationRequest, reason: WithdrawReason, which?: OfferSelection) => Promise<void>;
  /**
   * Cancels a confirmed dispatch on the hospital's side — late inside the late-cancellation window,
   * or anyway with `lateAnyway` — those concerned told as `cancellation` says (the dispatch's own
   * `cancel` row).
   */
  cancelDispatch: (
    dispatch: Dispatch,
    reason: string,
    cancellation: Exclude<DispatchCancellation, { cause: 'move' }>,
    options?: { lateAnyway?: boolean },
  ) => Promise<void>;
}

/** Which of a request's pending offers to withdraw: those of one seat (`role`), and not `except`. */
export interface OfferSelection {
  role?: Offer['role'];
  except?: string | null;
}

/** `C`: the context the move carries (a consequence that needs none takes any). */
type Consequence<E, C = unknown> = (subject: E, context: ConsequenceContext<C>) => Promise<void>;

/**
 * Each kind's moves by event, and `start`: the row's entry (`Workflow.start`: a request filed, an
 * offer sent, a dispatch confirmed).
 */
type Section<K extends WorkflowKind, E, Event extends string> = {
  [Ev in Event | 'start']?: Array<Consequence<E, MoveContextOf<K, Ev>>>;
};

interface ConsequenceTable {
  request: Section<'request', InterpretationRequest, RequestEvent>;
  offer: Section<'offer', Offer, OfferEvent>;
  dispatch: Section<'dispatch', Dispatch, DispatchEvent>;
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
const fillSeat: Consequence<Dispatch> = async (dispatch, { requestOf, withdrawOffers }) =>
  withdrawOffers(await requestOf(dispatch), 'filled', { role: dispatch.role, except: dispatch.offerId });
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
    if (shadow) await cancelDispatch(shadow, reason, { cause: 'dispatch', byVolunteer: false });
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
 * A filed request's first wave becomes a timer due now (none while held), so the filing commits
 * without the ranking's reads; the filing's caller runs it right after the commit
 * (`OffersService.sendFirstWave`), the ticker should that process die first.
 */
const armFirstWave: Consequence<InterpretationRequest> = async (request, { actorId, now, armTimer }) => {
  if (request.onHold) return;
  await armTimer({
    type: OFFER_JOBS.firstWave,
    dueAt: now(),
    payload: { requestId: request.id, actorId },
    key: firstWaveKey(request.id),
  });
};

/**
 * The visit is off: the request's live dispatches are cancelled with it (the hospital's side; late
 * inside the late-cancellation window, or anyway when the visit was moved late), and the hospital's
 * coordinators and those volunteers are told — each volunteer's mail with the .ics that takes the
 * visit off their calendar.
 */
const cancelVisit: Consequence<InterpretationRequest> = async (
  request,
  { manager, reason, notifier, cancelDispatch },
) => {
  const live = await manager.find(Dispatch, { where: { requestId: request.id, status: 'confirmed' } });
  for (const dispatch of live)
    await cancelDispatch(dispatch, reason ?? '', { cause: 'request' }, { lateAnyway: request.movedLate });
  await notifier.cancelled(manager, request, live);
};

/** Staff, admins and the hospital's coordinators learn that a person must act, and why (the move's `escalationReason`). */
const mailEscalated: Consequence<InterpretationRequest> = (request, { manager, notifier, now }) =>
  notifier.escalated(manager, request, request.escalationReason!, `${request.id}:${now().getTime()}`);

/** The volunteer gets the confirmation with its calendar file; the hospital's coordinators are told who comes. */
const mailConfirmed: Consequence<Dispatch> = async (dispatch, { manager, notifier, requestOf }) =>
  notifier.confirmed(manager, await requestOf(dispatch), dispatch);

/** The reminder the day before the visit, unless that time has passed; `suffix` keys a moved visit's own. */
async function armReminder(
  dispatch: Dispatch,
  { policy, now, armTimer }: ConsequenceContext,
  suffix: string,
): Promise<void> {
  const dueAt = dispatch.startsAt.getTime() - policy.reminderBeforeHours * HOUR;
  if (dueAt <= now().getTime()) return;
  await armTimer({
    type: DISPATCH_JOBS.reminder,
    dueAt: new Date(dueAt),
    payload: { dispatchId: dispatch.id, requestId: dispatch.requestId },
    key: `reminder:${dispatch.id}${suffix}`,
  });
}

/**
 * The visit's timers: the reminder the day before; the reconfirmation ask and its deadline, unless
 * the confirmation came inside that window (that yes is the reconfirmation). A shadowing trainee is
 * not asked to reconfirm: a missing answer would alarm the hospital about a visit that keeps its
 * interpreter.
 */
const armVisitTimers: Consequence<Dispatch> = async (dispatch, context) => {
  await armReminder(dispatch, context, '');
  if (dispatch.reconfirmedAt || dispatch.role !== 'primary') return;
  const payload = { dispatchId: dispatch.id, requestId: dispatch.requestId };
  const at = (hours: number) => new Date(dispatch.startsAt.getTime() - hours * HOUR);
  await context.armTimer({
    type: DISPATCH_JOBS.reconfirm,
    dueAt: at(context.policy.reconfirmBeforeHours),
    payload,
    key: `reconfirm:${dispatch.id}`,
  });
  await context.armTimer({
    type: DISPATCH_JOBS.reconfirmDeadline,
    dueAt: at(context.policy.reconfirmDeadlineHours),
    payload,
    key: `reconfirm-deadline:${dispatch.id}`,
  });
};

/**
 * A moved visit's timers (the old time's were stopped): its reminder at the new time, and — as at
 * confirmation, only for the interpreter — when staff hear that the move got no answer: the usual
 * reconfirmation deadline, or halfway to the visit when the move came later than that.
 */
const armMovedVisitTimers: Consequence<Dispatch> = async (dispatch, context) => {
  const startsAt = dispatch.startsAt.getTime();
  await armReminder(dispatch, context, `:${startsAt}`);
  if (dispatch.role !== 'primary') return;
  const now = context.now().getTime();
  const usual = startsAt - context.policy.reconfirmDeadlineHours * HOUR;
  await context.armTimer({
    type: DISPATCH_JOBS.reconfirmDeadline,
    dueAt: new Date(Math.max(usual, now + (startsAt - now) / 2)),
    payload: { dispatchId: dispatch.id, requestId: dispatch.requestId },
    key: `reconfirm-deadline:${dispatch.id}:${startsAt}`,
  });
};

/** The volunteer who can make the moved visit is asked to reconfirm it, with the way to say they cannot. */
const mailVisitMoved: Consequence<Dispatch, MoveContexts['dispatch']['reschedule']> = async (
  dispatch,
  { manager, notifier, moveContext, requestOf },
) => notifier.visitMoved(manager, await requestOf(dispatch), dispatch, moveContext.from, null);

/**
 * Who is told of a cancelled dispatch, by its cause: alone, its volunteer not to go (with the .ics
 * that takes the visit off their calendar) and, when they said "I can't go" themselves, the hospital
 * and staff (staff alerted inside the late-cancellation window); released by a move, the volunteer
 * that they need not go, and why; with its request, nobody here (the request's cancellation mail).
 */
const mailCancellation: Consequence<Dispatch, DispatchCancellation> = async (
  dispatch,
  { manager, notifier, moveContext, policy, now, requestOf },
) => {
  if (moveContext.cause === 'request') return;
  const request = await requestOf(dispatch);
  if (moveContext.cause === 'move')
    return notifier.visitMoved(manager, request, dispatch, moveContext.from, moveContext.ground);
  await notifier.dispatchCancelled(manager, request, dispatch);
  if (moveContext.byVolunteer)
    await notifier.interpreterDroppedOut(manager, request, dispatch, {
      urgent: isLateCancellation(policy, dispatch.startsAt, now()),
    });
};

/**
 * What each move brings about besides the new status, run by `Workflow.move` in the caller's
 * transaction right after the status is written and logged (an event that keeps the status, such as
 * `amend`, is logged and runs its row all the same); `start` rows are run by `Workflow.start` right
 * after a new row is inserted and its entry logged. A journey that adds a transition adds its row
 * here; no service withdraws offers, gives up a seat, arms a visit's timers (or a filing's first
 * wave) or sends the mail of a move by hand after it: a service locks, checks and moves, and this
 * table says what follows. What the row, the actor and the reason do not say but the mail depends
 * on (why a dispatch was cancelled, a moved visit's old times) the move carries as its typed
 * `context` (`MoveContexts`).
 * Mail stays with a service only where no single transition decides it: a wave of offers (several
 * rows chosen together, each volunteer's "asked again" a decision of the wave), staff called in
 * again about a request that stays escalated (no move), and the timers' own mail (reminder,
 * reconfirmation ask, its missed deadline: a job, not a move). Likewise the offering's timers (a
 * wave's expiry and next wave, the staff deadline, a re-offer) follow the offering's decisions, not
 * one transition. The workflow-ownership spec holds services to this.
 */
export const CONSEQUENCES: ConsequenceTable = {
  request: {
    start: [armFirstWave],
    confirm: [stopAsking],
    complete: [completeShadow],
    escalate: [stopWaves, mailEscalated],
    cancel: [stopRequestTimers, withdrawCancelled, cancelVisit],
    reschedule: [withdrawChanged],
    // A shadow seat kept from before a reopening was confirmed for the old terms; a new one is offered once confirmed.
    amend: [cancelShadowSeat('visit changed'), withdrawChanged],
    withdrawTraineeConsent: [withdrawShadowOffers, cancelShadowSeat('trainee consent withdrawn')],
  },
  offer: {},
  dispatch: {
    start: [fillSeat, mailConfirmed, armVisitTimers],
    cancel: [stopDispatchTimers, releaseAcceptance, mailCancellation],
    // The old time's reminder and reconfirmation timers give way to the new time's.
    reschedule: [stopDispatchTimers, armMovedVisitTimers, mailVisitMoved],
  },
};
