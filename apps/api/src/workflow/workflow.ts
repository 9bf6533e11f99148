import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import {
  Errors,
  Dispatch,
  DomainError,
  InterpretationRequest,
  isLateCancellation,
  Offer,
  transition,
  statesAllowing,
  type DispatchEvent,
  type DispatchPolicy,
  type DispatchStatus,
  type OfferEvent,
  type OfferStatus,
  type RequestEvent,
  type RequestStatus,
  type WithdrawReason,
  type WorkflowKind,
} from '@app/domain';
import { Clock } from '../common/clock';
import { JobsService } from '../jobs/jobs.service';
import { DispatchNotifier } from '../notifications/dispatch-notifier';
import { InjectDispatchPolicy } from './dispatch-policy';
import {
  CONSEQUENCES,
  ConsequenceContext,
  DispatchCancellation,
  MoveContexts,
  OfferSelection,
} from './workflow-consequences';
import { WorkflowLog } from './workflow-log';

/** The entity, state and event of each workflow kind. */
interface Kinds {
  request: { entity: InterpretationRequest; state: RequestStatus; event: RequestEvent };
  offer: { entity: Offer; state: OfferStatus; event: OfferEvent };
  dispatch: { entity: Dispatch; state: DispatchStatus; event: DispatchEvent };
}

const ENTITY = { request: InterpretationRequest, offer: Offer, dispatch: Dispatch } as const;

/** The state a new request, offer or dispatch starts in. */
export const INITIAL_STATE: { [K in WorkflowKind]: Kinds[K]['state'] } = {
  request: 'open',
  offer: 'pending',
  dispatch: 'confirmed',
};

export interface BaseMoveOptions<K extends WorkflowKind> {
  actorId: string | null;
  reason?: string | null;
  /** Other columns written in the same UPDATE (e.g. `respondedAt` of an answered offer). */
  set?: Partial<Kinds[K]['entity']>;
  /**
   * The error when another transaction moved a row first (the conditional UPDATE found it no
   * longer in a state the event allows); `409 CONCURRENT_UPDATE` unless given.
   */
  conflict?: () => DomainError;
  /** Rows another transaction moved first are left out (and not returned) instead of failing the move. */
  skipMoved?: boolean;
  /**
   * A move that keeps the status (a rescheduled visit stays confirmed, an amended request stays
   * offered) is still logged and runs its consequences; without this, only rows whose status changed are.
   */
  recordUnchanged?: boolean;
}

/**
 * What the move's consequences need that the row, the actor and the reason do not say (who told
 * what depends on it): required for the events `MoveContexts` names, absent for the others.
 */
type ContextOption<K extends WorkflowKind, E> = E extends keyof MoveContexts[K]
  ? { context: MoveContexts[K][E] }
  : { context?: undefined };

export type MoveOptions<K extends WorkflowKind, E = Kinds[K]['event']> = BaseMoveOptions<K> & ContextOption<K, E>;

/** What the consequences of a move are run with. */
interface RunOptions {
  actorId: string | null;
  reason?: string | null;
  context?: unknown;
  /** The request the caller holds (locked) for the rows: the consequences read it from here, not again. */
  request?: InterpretationRequest;
}

/**
 * The one way a request, offer or dispatch changes status. `move` checks the event against the
 * transition table (`libs/domain` workflow machine: an illegal move is 409 ILLEGAL_TRANSITION),
 * writes the new status with a conditional UPDATE (only rows still in a state the event allows),
 * records who/when/from/to/why in the workflow log and the audit trail, and runs the move's declared
 * consequences (workflow-consequences.ts: timers stopped or armed, offers withdrawn, the acceptance
 * released, those concerned mailed) — all in the caller's transaction. `start` is the same for a new
 * row: it gets the kind's initial state, is inserted, its entry is logged and the kind's `start`
 * consequences run (a dispatch's seat is filled, its volunteer and hospital told, its timers armed).
 * No other code assigns a status or writes the log.
 */
@Injectable()
export class Workflow {
  constructor(
    private readonly log: WorkflowLog,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    private readonly notifier: DispatchNotifier,
    @InjectDispatchPolicy() private readonly policy: DispatchPolicy,
  ) {}

  async move<K extends WorkflowKind, E extends Kinds[K]['event']>(
    manager: EntityManager,
    kind: K,
    subjects: Kinds[K]['entity'] | Kinds[K]['entity'][],
    event: E,
    options: MoveOptions<K, E>,
  ): Promise<Kinds[K]['entity'][]> {
    const rows = (Array.isArray(subjects) ? subjects : [subjects]) as Array<
      Kinds[K]['entity'] & { id: string; status: string }
    >;
    if (rows.length === 0) return [];
    const moves = rows.map((row) => ({
      row,
      from: row.status,
      to: transition(kind, row.status as never, event as never),
    }));
    const set = options.set ?? {};
    // An event that changes the status takes every row to the one state its rule names; one that keeps it writes none.
    const status = moves.some((m) => m.from !== m.to) ? { status: moves[0].to } : {};
    let moved = moves;
    if (Object.keys(status).length > 0 || Object.keys(set).length > 0) {
      const states = statesAllowing(kind, event as never) as readonly string[];
      const result = await manager
        .createQueryBuilder()
        .update(ENTITY[kind])
        .set({ ...set, ...status } as never)
        .where({ id: In(rows.map((r) => r.id)), status: In([...states]) })
        .returning(['id'])
        .execute();
      const ids = new Set((result.raw as Array<{ id: string }>).map((r) => r.id));
      if (ids.size < rows.length && !options.skipMoved) {
        throw options.conflict?.() ?? Errors.concurrentUpdate();
      }
      moved = moves.filter((m) => ids.has(m.row.id));
    }
    for (const { row, to } of moved) Object.assign(row, set, { status: to });
    const changed = moved.filter((m) => m.from !== m.to || options.recordUnchanged);
    await this.log.record(
      manager,
      ...changed.map(({ row, from, to }) => ({
        subjectType: kind,
        subjectId: row.id,
        from,
        to,
        event,
        actorId: options.actorId,
        reason: options.reason ?? null,
      })),
    );
    await this.runConsequences(
      manager,
      kind,
      event,
      changed.map((m) => m.row),
      options,
    );
    return moved.map((m) => m.row);
  }

  /** The declared consequences of `event` (or `start`) for each row, in the caller's transaction. */
  private async runConsequences(
    manager: EntityManager,
    kind: WorkflowKind,
    event: string,
    rows: unknown[],
    options: RunOptions,
  ): Promise<void> {
    const consequences =
      (
        CONSEQUENCES[kind] as Record<
          string,
          Array<(subject: unknown, context: ConsequenceContext) => Promise<void>> | undefined
        >
      )[event] ?? [];
    if (consequences.length === 0) return;
    const context = this.context(manager, options);
    for (const row of rows) for (const consequence of consequences) await consequence(row, context);
  }

  private context(manager: EntityManager, options: RunOptions): ConsequenceContext {
    // One read of each request per move, shared by its consequences (a confirmation fills the seat and mails).
    const requests = new Map<string, Promise<InterpretationRequest>>();
    if (options.request) requests.set(options.request.id, Promise.resolve(options.request));
    return {
      manager,
      requestOf: (dispatch) => {
        let request = requests.get(dispatch.requestId);
        if (!request) {
          request = manager.findOneOrFail(InterpretationRequest, { where: { id: dispatch.requestId } });
          requests.set(dispatch.requestId, request);
        }
        return request;
      },
      actorId: options.actorId,
      reason: options.reason ?? null,
      moveContext: options.context,
      policy: this.policy,
      now: () => this.clock.now(),
      notifier: this.notifier,
      armTimer: (job) => this.jobs.schedule(manager, job),
      cancelTimers: async (types, match) => void (await this.jobs.cancelWhere(manager, types, match)),
      moveOffer: async (offer, event) =>
        void (await this.move(manager, 'offer', offer, event, { actorId: options.actorId, reason: options.reason })),
      moveDispatch: async (dispatch, event, set) =>
        void (await this.move(manager, 'dispatch', dispatch, event, {
          actorId: options.actorId,
          reason: options.reason,
          set,
        })),
      withdrawOffers: async (request, reason, which) =>
        void (await this.withdrawOffers(manager, request, reason, options.actorId, which)),
      cancelDispatch: async (dispatch, reason, cancellation, late) =>
        void (await this.cancelDispatch(manager, dispatch, reason, options.actorId, cancellation, late)),
    };
  }

  /**
   * Withdraws the request's pending offers (of one role, or all; but the one `except` names) and
   * mails each volunteer that the offer is off (`offer_withdrawn`, with the reason). Rows another
   * transaction answered first are left alone. Returns the offers withdrawn.
   */
  private async withdrawOffers(
    manager: EntityManager,
    request: InterpretationRequest,
    reason: WithdrawReason,
    actorId: string | null,
    which: OfferSelection = {},
  ): Promise<Offer[]> {
    const found = (
      await manager.find(Offer, {
        where: { requestId: request.id, status: 'pending', ...(which.role ? { role: which.role } : {}) },
      })
    ).filter((offer) => offer.id !== which.except);
    const pending = await this.move(manager, 'offer', found, 'withdraw', {
      actorId,
      reason,
      set: { respondedAt: this.clock.now() },
      skipMoved: true,
    });
    if (pending.length === 0) return [];
    await this.notifier.offersWithdrawn(manager, request, pending, reason);
    return pending;
  }

  /**
   * Cancels a confirmed dispatch on the hospital's side — late inside the late-cancellation window,
   * or anyway with `lateAnyway` — those concerned told as `cancellation` says (the dispatch's
   * `cancel` consequences).
   */
  private async cancelDispatch(
    manager: EntityManager,
    dispatch: Dispatch,
    reason: string,
    actorId: string | null,
    cancellation: DispatchCancellation,
    options: { lateAnyway?: boolean } = {},
  ): Promise<void> {
    await this.move(manager, 'dispatch', dispatch, 'cancel', {
      actorId,
      reason,
      context: cancellation,
      set: {
        cancelReason: reason,
        cancelledBy: 'hospital',
        lateCancellation: !!options.lateAnyway || isLateCancellation(this.policy, dispatch.startsAt, this.clock.now()),
      },
    });
  }

  /**
   * Inserts new rows in the kind's initial state, logs their entry (`event`: file, send, confirm) and
   * runs the kind's `start` consequences (a dispatch's seat is filled).
   */
  async start<K extends WorkflowKind>(
    manager: EntityManager,
    kind: K,
    subjects: Kinds[K]['entity'] | Kinds[K]['entity'][],
    event: string,
    options: Pick<BaseMoveOptions<K>, 'actorId' | 'reason'> & Pick<RunOptions, 'request'>,
  ): Promise<void> {
    const rows = (Array.isArray(subjects) ? subjects : [subjects]) as Array<
      Kinds[K]['entity'] & { id: string; status: string }
    >;
    if (rows.length === 0) return;
    for (const row of rows) row.status = INITIAL_STATE[kind];
    await manager.save(rows);
    await this.log.record(
      manager,
      ...rows.map((row) => ({
        subjectType: kind,
        subjectId: row.id,
        from: null,
        to: row.status,
        event,
        actorId: options.actorId,
        reason: options.reason ?? null,
      })),
    );
    await this.runConsequences(manager, kind, 'start', rows, options);
  }
}
