import { Injectable, Logger } from '@nestjs/common';
import { describeError } from '../jobs/retry';
import { InjectDataSource } from '@nestjs/typeorm';
import { hashToken } from '../common/token-hash';
import { firstWaveKey, OFFER_JOBS } from '../workflow/workflow-jobs';
import { DataSource, EntityManager, FindOperator, In, LessThanOrEqual, MoreThanOrEqual, Not } from 'typeorm';
import {
  ANSWER_SAMPLE,
  ConflictError,
  Dispatch,
  Errors,
  escalationDeadline,
  escalationDueAt,
  Hospital,
  InterpretationRequest,
  isOfferExpired,
  NotFoundError,
  Offer,
  OfferStatus,
  orderForWave,
  planWave,
  reofferable,
  selectWaveTargets,
  statesAllowing,
  WaveRequest,
} from '@app/domain';
import { chooseShadow, shadowWave } from '@app/matching';
import { Clock } from '../common/clock';
import { Actor } from '../common/decorators/current-user.decorator';
import { CandidatesService } from '../matching/candidates.service';
import { DispatchesService, DispatchView } from '../dispatches/dispatches.service';
import { Workflow } from '../workflow/workflow';
import { JobsService } from '../jobs/jobs.service';
import type { EscalationReason, OfferView } from '@app/domain';
import { DispatchNotifier } from '../notifications/dispatch-notifier';
import type { DispatchPolicy } from '@app/domain';
import { InjectDispatchPolicy } from '../workflow/dispatch-policy';
import { may, requireAccess, scopeMine } from '../access/access';
import { lockMany, lockOffer, lockOne } from '../access/locks';

/** The response shape is the model's (libs/domain/src/model/views.ts), shared with the panel. */
export type { OfferView };

/** POST /api/requests/:id/shadow: how many trainees were offered the seat, and who. */
export interface ShadowOffersSent {
  sent: number;
  volunteerIds: string[];
}

/** The offer link's token as stored: its hash. */
export const hashLinkToken = hashToken;

/**
 * Offers: waves of the best-ranked eligible volunteers (everyone at once when urgent or close to
 * the visit), answers from the signed-in list or an e-mail link, and first-accept-wins.
 */
@Injectable()
export class OffersService {
  private readonly logger = new Logger(OffersService.name);

  constructor(
    @InjectDispatchPolicy() private readonly policy: DispatchPolicy,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly candidates: CandidatesService,
    private readonly dispatches: DispatchesService,
    private readonly workflow: Workflow,
    private readonly jobs: JobsService,
    private readonly notifier: DispatchNotifier,
  ) {}

  /**
   * Runs the committed filing's first-wave job (armed by the filing's `start` consequences) now, in a transaction of its own (the ranking
   * reads happen there, not in the filing's). It runs once: a ticker that claimed it first runs
   * it instead, and a failure is retried by the ticker — the filing stands either way.
   */
  async sendFirstWave(requestId: string): Promise<void> {
    try {
      await this.jobs.runNow(firstWaveKey(requestId));
    } catch (error) {
      this.logger.warn(`First wave of request ${requestId} left to the ticker: ${describeError(error)}`);
    }
  }

  /** First wave (run by the first-wave job; a change goes through `restartOffering`). Nobody eligible → escalated at once, with the reason. */
  async startOffering(manager: EntityManager, request: InterpretationRequest, actorId: string | null): Promise<void> {
    if (request.onHold) return;
    const sent = await this.sendWave(manager, request, actorId);
    if (sent === 0) return this.escalate(manager, request, 'no_eligible', actorId);
    await this.armDeadline(manager, request, `escalate:${request.id}:${request.startsAt.getTime()}`);
  }

  /**
   * The request changed in a way that makes its offers wrong (the caller withdrew them): the
   * timers of the old terms go with them — a next wave and a staff deadline set for the old time
   * would still fire — and offering starts again from the top, with the deadline of the new terms
   * (a new key: the old one may have fired already). An escalated request nobody new can be asked
   * for stays escalated, and staff are told again, with the new time.
   */
  async restartOffering(manager: EntityManager, request: InterpretationRequest, actorId: string | null): Promise<void> {
    await this.jobs.cancelWhere(manager, [OFFER_JOBS.nextWave, OFFER_JOBS.escalate], { requestId: request.id });
    request.termsChangedAt = this.clock.now();
    await manager.update(InterpretationRequest, { id: request.id }, { termsChangedAt: request.termsChangedAt });
    const deadlineKey = `escalate:${request.id}:changed:${this.clock.now().getTime()}`;
    // Held: no offers until staff release it (see `released`), but staff are still called in by the deadline.
    if (request.onHold) return this.armDeadline(manager, request, deadlineKey);
    const sent = await this.sendWave(manager, request, actorId);
    if (sent > 0) return this.armDeadline(manager, request, deadlineKey);
    if (request.status === 'escalated') {
      // Stays escalated (no move): the reason is now that nobody new can take it, and staff are told again.
      request.escalationReason = 'no_eligible';
      await manager.update(InterpretationRequest, { id: request.id }, { escalationReason: request.escalationReason });
      return this.callStaff(manager, request, 'no_eligible');
    }
    await this.escalate(manager, request, 'no_eligible', actorId);
  }

  /**
   * A cancellation reopened a confirmed request: offers go out again at once and, since the
   * confirmation took the staff deadline away, it is set again (already passed: staff are called
   * in at once, while the offers stay open).
   */
  async reopened(manager: EntityManager, request: InterpretationRequest): Promise<void> {
    await this.rollOn(manager, request, null);
    // Nobody left to ask: staff were called in just now.
    if (request.status === 'escalated') return;
    await this.armDeadline(manager, request, `escalate:${request.id}:reopened:${this.clock.now().getTime()}`);
  }

  /**
   * Staff released a held request: what the hold kept back goes out now. With no wave timer
   * pending (it came due during the hold and did nothing, or a change made while held cancelled
   * it) the next wave goes out at once, as the timer would have sent it; with nobody left to ask,
   * `rollOn` calls staff in. A pending wave timer is left to fire. The staff deadline is set again
   * if none is pending.
   */
  async released(manager: EntityManager, request: InterpretationRequest, actorId: string | null): Promise<void> {
    // Escalated: staff have it already. Confirmed, completed, cancelled: nothing to offer.
    if (!statesAllowing('request', 'escalate').includes(request.status)) return;
    if (!(await this.jobs.hasPending(manager, OFFER_JOBS.nextWave, { requestId: request.id }))) {
      const sent = await this.sendWave(manager, request, actorId);
      if (sent === 0) await this.rollOn(manager, request, actorId);
    }
    if (
      request.status === 'escalated' ||
      (await this.jobs.hasPending(manager, OFFER_JOBS.escalate, { requestId: request.id }))
    )
      return;
    await this.armDeadline(manager, request, `escalate:${request.id}:released:${this.clock.now().getTime()}`);
  }

  /** Staff are called in `escalateBeforeHours` before the visit if nobody has accepted by then (the job checks). */
  private async armDeadline(manager: EntityManager, request: InterpretationRequest, key: string): Promise<void> {
    const dueAt = escalationDueAt(waveRequest(request), this.clock.now().getTime(), this.policy);
    await this.jobs.schedule(manager, {
      type: OFFER_JOBS.escalate,
      dueAt: new Date(dueAt),
      payload: { requestId: request.id },
      key,
    });
  }

  /**
   * Keeps a request moving when nobody holds a pending offer any more (all declined or expired):
   * the next wave goes out at once; with nobody left to ask, staff are called in.
   */
  async rollOn(manager: EntityManager, request: InterpretationRequest, actorId: string | null): Promise<void> {
    if (request.onHold || !statesAllowing('request', 'escalate').includes(request.status)) return;
    if (await manager.exists(Offer, { where: { requestId: request.id, status: 'pending', role: 'primary' } })) return;
    const sent = await this.sendWave(manager, request, actorId);
    if (sent === 0) await this.escalate(manager, request, await this.escalationReason(manager, request), actorId);
  }

  /** Why nobody took it: the dispatch was cancelled and nobody took over, no one eligible, everyone asked declined, or answers never came. */
  async escalationReason(
    manager: EntityManager,
    request: InterpretationRequest,
  ): Promise<Exclude<EscalationReason, 'reconfirmation_missed'>> {
    if (await manager.exists(Dispatch, { where: { requestId: request.id, role: 'primary', status: 'cancelled' } }))
      return 'dispatch_cancelled';
    const offers = await manager.find(Offer, {
      where: { requestId: request.id, role: 'primary', status: Not('withdrawn'), ...forCurrentTerms(request) },
      select: { status: true },
    });
    if (offers.length === 0) return 'no_eligible';
    return offers.every((o) => o.status === 'declined') ? 'all_declined' : 'no_answer';
  }

  /**
   * Offers the request to the next volunteers: the top `waveSize` eligible ones not offered yet,
   * or all of them when the request is urgent or the visit is near. Returns how many got one.
   */
  async sendWave(
    manager: EntityManager,
    request: InterpretationRequest,
    actorId: string | null,
    chosen?: string[],
  ): Promise<number> {
    if (!statesAllowing('request', 'offer').includes(request.status)) {
      throw new ConflictError('REQUEST_NOT_OPEN', `A ${request.status} request takes no offers`);
    }
    // One instant for the whole wave: who is asked, when their offers expire, when the next wave goes.
    const now = this.clock.now();
    const { ranked, room, hospital } = await this.candidates.rankWithRoom(manager, request);
    // Offers withdrawn because the request changed do not count: those volunteers are asked again.
    const earlier = await manager.find(Offer, {
      where: { requestId: request.id, status: Not('withdrawn'), ...forCurrentTerms(request) },
      select: { volunteerId: true, status: true },
    });
    const already = new Set(earlier.map((o) => o.volunteerId));
    const expired = expiredUnanswered(earlier);
    let targets: string[];
    let reoffer = false;
    if (chosen) {
      const eligible = new Set(ranked.eligible.map((c) => c.volunteerId));
      const refused = chosen.filter((id) => !eligible.has(id));
      if (refused.length) {
        const reasons = Object.fromEntries(
          ranked.excluded.filter((e) => refused.includes(e.volunteerId)).map((e) => [e.volunteerId, e.reasons]),
        );
        throw Errors.volunteerNotEligible('Some chosen volunteers are not eligible', {
          volunteerIds: refused.map((id) => `${id}: ${(reasons[id] ?? ['LANGUAGE']).join(', ')}`),
        });
      }
      // Staff may ask again whoever let an earlier offer expire; not someone who answered or is still asked.
      targets = chosen.filter((id) => !already.has(id) || expired.has(id));
    } else {
      const eligible = ranked.eligible.map((c) => c.volunteerId);
      const answerMinutes = this.policy.quickAnswerers
        ? await this.recentAnswerMinutes(manager, eligible)
        : new Map<string, number[]>();
      // Whoever gave the visit up (cancelled or handed on their dispatch) is not asked for it again, not even as a re-offer; staff still may.
      const gaveUp = new Set(
        (
          await manager.find(Dispatch, {
            where: { requestId: request.id, role: 'primary', status: 'cancelled' },
            select: { volunteerId: true },
          })
        ).map((d) => d.volunteerId),
      );
      const selection = selectWaveTargets({
        ranked: orderForWave(eligible, this.policy, { room, answerMinutes }).filter((id) => !gaveUp.has(id)),
        alreadyOffered: already,
        request: waveRequest(request),
        now: now.getTime(),
        policy: this.policy,
        expiredUnanswered: reofferable(expired, waveRequest(request), now.getTime(), this.policy),
      });
      targets = selection.targets;
      reoffer = selection.reoffer === true;
    }
    if (targets.length === 0) return 0;

    const schedule = planWave(
      { request: waveRequest(request), now: now.getTime(), reoffer, chosen: chosen !== undefined },
      this.policy,
    );
    const expiresAt = new Date(schedule.expiresAt);
    const wave = chosen ? 0 : request.waveCount + 1;
    const offers = targets.map((volunteerId) =>
      // created_at is when it was sent by the workflow's clock: the time to answer is measured from it.
      // No link token yet: the mail's link gets its token when the mail leaves (MailLinks).
      manager.create(Offer, {
        requestId: request.id,
        volunteerId,
        role: 'primary',
        wave,
        expiresAt,
        linkTokenHash: null,
        createdAt: now,
      }),
    );
    await this.workflow.start(manager, 'offer', offers, 'send', { actorId });
    await this.notifier.offersSent(
      manager,
      request,
      offers.map((offer) => ({ offer, again: expired.has(offer.volunteerId) })),
      { hospital },
    );
    await this.jobs.scheduleMany(manager, [
      {
        type: OFFER_JOBS.expire,
        dueAt: expiresAt,
        payload: { requestId: request.id },
        key: `offer-expiry:${request.id}:${expiresAt.getTime()}`,
      },
      // Re-offers go to everyone they can at once: no next wave after them, only their expiry.
      ...(schedule.nextWaveAt !== null
        ? [
            {
              type: OFFER_JOBS.nextWave,
              dueAt: new Date(schedule.nextWaveAt),
              payload: { requestId: request.id, wave },
              key: `next-wave:${request.id}:${wave}:${now.getTime()}`,
            },
          ]
        : []),
    ]);
    await this.workflow.move(manager, 'request', request, 'offer', { actorId, set: chosen ? {} : { waveCount: wave } });
    return offers.length;
  }

  /**
   * Staff offer a confirmed request's one shadow seat (研修生の同席): to the chosen trainee, or to
   * the best eligible trainees not asked yet (the matching rules for the `shadow` role: trainees
   * only). The trainee answers through the usual offer routes; the first accept takes the seat.
   */
  async offerShadow(actor: Actor, requestId: string, volunteerId?: string): Promise<ShadowOffersSent> {
    return this.dataSource.transaction(async (manager) => {
      const request = await lockOne(manager, InterpretationRequest, { id: requestId });
      if (!request) throw new NotFoundError('Request');
      if (!request.traineeWelcome) throw Errors.traineeNotWelcome();
      if (request.status !== 'confirmed')
        throw new ConflictError(
          'REQUEST_NOT_CONFIRMED',
          `The shadow seat opens once the request is confirmed (it is ${request.status})`,
        );
      if (request.startsAt <= this.clock.now()) throw new ConflictError('VISIT_STARTED', 'The visit has started');
      if (await this.shadowSeatTaken(manager, requestId))
        throw new ConflictError('SHADOW_SEAT_TAKEN', 'A trainee already holds the shadow seat of this request');
      return this.sendShadowOffers(manager, request, actor.id, volunteerId);
    });
  }

  /**
   * The policy's automatic shadow wave (`shadowWaveOnConfirm`), in the caller's transaction once
   * the interpreter's seat is filled: only for a request whose hospital agreed, whose visit is
   * ahead, and whose shadow seat is neither held nor being offered.
   */
  private async autoShadowWave(
    manager: EntityManager,
    request: InterpretationRequest,
    actorId: string | null,
  ): Promise<void> {
    if (!this.policy.shadowWaveOnConfirm || !request.traineeWelcome || request.status !== 'confirmed') return;
    if (request.startsAt <= this.clock.now() || (await this.shadowSeatTaken(manager, request.id))) return;
    if (await manager.exists(Offer, { where: { requestId: request.id, role: 'shadow', status: 'pending' } })) return;
    await this.sendShadowOffers(manager, request, actorId);
  }

  /**
   * A confirmed visit moved, its pending shadow offers withdrawn (they were for the old time): with
   * the consent still given and the seat not held (a shadow dispatch follows the move), the policy's
   * wave goes out again for the new time. Without the policy the seat simply shows open to staff.
   */
  async shadowAfterMove(manager: EntityManager, request: InterpretationRequest, actorId: string): Promise<void> {
    await this.autoShadowWave(manager, request, actorId);
  }

  private shadowSeatTaken(manager: EntityManager, requestId: string): Promise<boolean> {
    return manager.exists(Dispatch, { where: { requestId, role: 'shadow', status: In(['confirmed', 'completed']) } });
  }

  /** Offers the shadow seat (the request locked) to the chosen trainee, or to the next best eligible trainees. */
  private async sendShadowOffers(
    manager: EntityManager,
    request: InterpretationRequest,
    actorId: string | null,
    volunteerId?: string,
  ): Promise<ShadowOffersSent> {
    const requestId = request.id;
    const now = this.clock.now();
    const ranked = await this.candidates.rank(manager, request, 'shadow');
    const asked = await manager.find(Offer, {
      where: { requestId, role: 'shadow', status: In(['pending', 'accepted', 'declined', 'released']) },
      select: { volunteerId: true },
    });
    const seat = { ranked, alreadyAsked: new Set(asked.map((o) => o.volunteerId)) };
    let targets: string[];
    if (volunteerId) {
      const choice = chooseShadow(seat, volunteerId);
      if (!choice.ok)
        throw Errors.volunteerNotEligible(`The volunteer may not take the shadow seat: ${choice.reasons.join(', ')}`, {
          volunteerId: choice.reasons,
        });
      targets = [choice.volunteerId];
    } else targets = shadowWave({ ...seat, size: this.policy.waveSize });
    if (targets.length === 0) return { sent: 0, volunteerIds: [] };
    const expiresAt = new Date(
      Math.min(now.getTime() + this.policy.responseWindowMinutes * 60_000, request.startsAt.getTime()),
    );
    const earlier = await manager.find(Offer, { where: { requestId, role: 'shadow' }, select: { wave: true } });
    const wave = volunteerId ? 0 : Math.max(0, ...earlier.map((o) => o.wave)) + 1;
    const offers = targets.map((id) =>
      manager.create(Offer, {
        requestId,
        volunteerId: id,
        role: 'shadow',
        wave,
        expiresAt,
        linkTokenHash: null,
        createdAt: now,
      }),
    );
    await this.workflow.start(manager, 'offer', offers, 'send', { actorId });
    const interpreter = await this.interpreterName(manager, requestId);
    await this.notifier.offersSent(
      manager,
      request,
      offers.map((offer) => ({ offer, again: false })),
      { shadowOf: interpreter ?? '' },
    );
    await this.jobs.schedule(manager, {
      type: OFFER_JOBS.expire,
      dueAt: expiresAt,
      payload: { requestId },
      key: `offer-expiry:${requestId}:${expiresAt.getTime()}`,
    });
    return { sent: offers.length, volunteerIds: targets };
  }

  /** The display name of the request's interpreter (its live primary dispatch), if it has one. */
  private async interpreterName(manager: EntityManager, requestId: string): Promise<string | null> {
    return (await this.interpreterNames(manager, [requestId])).get(requestId) ?? null;
  }

  /** The confirmed interpreter's name of each request, in one query (shadow offers show it). */
  private async interpreterNames(manager: EntityManager, requestIds: string[]): Promise<Map<string, string>> {
    if (requestIds.length === 0) return new Map();
    const rows: { request_id: string; display_name: string }[] = await manager.query(
      `SELECT DISTINCT ON (d.request_id) d.request_id, v.display_name
         FROM dispatches d JOIN volunteers v ON v.id = d.volunteer_id
        WHERE d.request_id = ANY($1::uuid[]) AND d.role = 'primary' AND d.status IN ('confirmed', 'completed')
        ORDER BY d.request_id`,
      [requestIds],
    );
    return new Map(rows.map((r) => [r.request_id, r.display_name]));
  }

  /**
   * Staff send offers now: to the chosen volunteers, or the next wave. Offering an escalated
   * request makes it `offered` again, and its staff deadline has fired or was never set (escalated
   * at filing): it is set again, so offers nobody answers call staff in again by then. Past the
   * deadline it is not: staff sent these offers themselves and are following them.
   */
  async sendNow(actor: Actor, requestId: string, volunteerIds?: string[]): Promise<{ sent: number }> {
    return this.dataSource.transaction(async (manager) => {
      const request = await lockOne(manager, InterpretationRequest, { id: requestId });
      if (!request) throw new NotFoundError('Request');
      const sent = await this.sendWave(manager, request, actor.id, volunteerIds);
      const now = this.clock.now().getTime();
      if (
        sent > 0 &&
        escalationDeadline(waveRequest(request), this.policy) > now &&
        !(await this.jobs.hasPending(manager, OFFER_JOBS.escalate, { requestId }))
      ) {
        await this.armDeadline(manager, request, `escalate:${request.id}:sent:${now}`);
      }
      return { sent };
    });
  }

  async escalate(
    manager: EntityManager,
    request: InterpretationRequest,
    reason: EscalationReason,
    actorId: string | null,
  ): Promise<void> {
    // The move's consequences stop the waves and tell the hospital's coordinators and staff.
    await this.workflow.move(manager, 'request', request, 'escalate', {
      actorId,
      reason,
      set: { escalationReason: reason },
    });
  }

  /**
   * Tells the hospital's coordinators and staff again why an escalated request needs a person (it
   * stays escalated: no move, so no consequence mails them).
   */
  private async callStaff(
    manager: EntityManager,
    request: InterpretationRequest,
    reason: EscalationReason,
  ): Promise<void> {
    await this.notifier.escalated(manager, request, reason, `${request.id}:${this.clock.now().getTime()}`);
  }

  /** Marks the request's pending offers whose time is up as expired, then keeps the request moving. */
  async expireDue(manager: EntityManager, requestId: string): Promise<void> {
    const request = await lockOne(manager, InterpretationRequest, { id: requestId });
    if (!request) return;
    const now = this.clock.now();
    const due = await lockMany(manager, Offer, { requestId, status: 'pending', expiresAt: LessThanOrEqual(now) });
    if (due.length === 0) return;
    await this.workflow.move(manager, 'offer', due, 'expire', { actorId: null });
    await this.rollOn(manager, request, null);
  }

  async listMine(actor: Actor, status?: OfferStatus): Promise<{ data: OfferView[]; total: number }> {
    // What is owed first: pending offers, then visits to come, soonest first; past ones last, latest first.
    const qb = scopeMine(this.dataSource.getRepository(Offer).createQueryBuilder('o'), actor, {
      volunteer: 'o.volunteer_id',
    })
      .innerJoin(InterpretationRequest, 'r', 'r.id = o.request_id')
      .addSelect(`CASE WHEN o.status = 'pending' THEN 0 ELSE 1 END`, 'answered')
      .addSelect('CASE WHEN r.starts_at >= :now THEN 0 ELSE 1 END', 'past')
      .addSelect('CASE WHEN r.starts_at >= :now THEN r.starts_at END', 'upcoming_at')
      .addSelect('r.starts_at', 'visit_at')
      .setParameter('now', this.clock.now());
    if (status) qb.andWhere('o.status = :status', { status });
    const offers = await qb
      .orderBy('answered', 'ASC')
      .addOrderBy('past', 'ASC')
      .addOrderBy('upcoming_at', 'ASC')
      .addOrderBy('visit_at', 'DESC')
      .addOrderBy('o.id', 'ASC')
      .limit(100)
      .getMany();
    const data = await this.views(offers);
    return { data, total: data.length };
  }

  /** A volunteer's accept from the signed-in list. */
  async accept(actor: Actor, offerId: string): Promise<{ dispatch: DispatchView }> {
    const offer = await this.dataSource.manager.findOne(Offer, { where: { id: offerId } });
    if (!offer) throw new NotFoundError('Offer');
    requireAccess(may.answerOffer(actor, offer), 'Offer');
    return this.acceptOffer(offer.id, offer.requestId, actor.id);
  }

  async decline(actor: Actor, offerId: string, reason?: string): Promise<OfferView> {
    const offer = await this.dataSource.manager.findOne(Offer, { where: { id: offerId } });
    if (!offer) throw new NotFoundError('Offer');
    requireAccess(may.answerOffer(actor, offer), 'Offer');
    return this.declineOffer(offer.id, offer.requestId, actor.id, reason);
  }

  /**
   * First accept wins. Locks in one order everywhere — request, then offer, then volunteer — so
   * racing accepts, cancels and expiries queue instead of deadlocking; the conditional status
   * change of the request, the one-accepted-offer index and the no-overlap constraint hold even
   * if a code path forgot a lock.
   */
  async acceptOffer(offerId: string, requestId: string, actorId: string | null): Promise<{ dispatch: DispatchView }> {
    // Late taps on a filled request are answered without queueing for its lock.
    const seen = await this.dataSource.manager.findOne(InterpretationRequest, {
      where: { id: requestId },
      select: { id: true, status: true },
    });
    if (seen && (seen.status === 'confirmed' || seen.status === 'completed')) {
      const offer = await this.dataSource.manager.findOne(Offer, {
        where: { id: offerId },
        select: { id: true, role: true },
      });
      if (offer?.role === 'primary') throw Errors.requestAlreadyFilled();
    }
    return this.dataSource.transaction(async (manager) => {
      const { request, offer } = await lockOffer(manager, { requestId, offerId });
      if (!request || !offer) throw new NotFoundError('Offer');
      this.assertAnswerable(offer, request);
      // The seat's other pending offers are withdrawn ('filled', each volunteer mailed) by the dispatch's entry.
      const dispatch = await this.dispatches.confirm(manager, request, offer.volunteerId, {
        offerId: offer.id,
        role: offer.role,
        actorId,
      });
      await this.markAccepted(manager, offer, actorId);
      if (offer.role === 'primary') await this.autoShadowWave(manager, request, actorId);
      // Whoever answers (signed in, or through the link mailed to them) is the volunteer the offer was made to.
      const viewer = { role: 'volunteer' as const, volunteerId: offer.volunteerId, hospitalId: null };
      return { dispatch: await this.dispatches.view(dispatch, manager, viewer) };
    });
  }

  /**
   * Staff assign a volunteer directly (in the caller's transaction, the request locked): if the
   * volunteer holds a pending offer for it, that offer is the acceptance — linked to the dispatch
   * and not withdrawn with the others (by the dispatch's entry), whose mail would tell them someone
   * else took the visit.
   */
  async assign(
    manager: EntityManager,
    request: InterpretationRequest,
    volunteerId: string,
    actorId: string,
    overrideReason?: string,
  ): Promise<Dispatch> {
    const own = await lockOne(manager, Offer, {
      requestId: request.id,
      volunteerId,
      role: 'primary',
      status: 'pending',
    });
    const dispatch = await this.dispatches.confirm(manager, request, volunteerId, {
      offerId: own?.id,
      actorId,
      overrideReason,
    });
    if (own) await this.markAccepted(manager, own, actorId);
    await this.autoShadowWave(manager, request, actorId);
    return dispatch;
  }

  private async markAccepted(manager: EntityManager, offer: Offer, actorId: string | null): Promise<void> {
    await this.workflow.move(manager, 'offer', offer, 'accept', { actorId, set: { respondedAt: this.clock.now() } });
  }

  async declineOffer(offerId: string, requestId: string, actorId: string | null, reason?: string): Promise<OfferView> {
    return this.dataSource.transaction(async (manager) => {
      const { request, offer } = await lockOffer(manager, { requestId, offerId });
      if (!request || !offer) throw new NotFoundError('Offer');
      this.assertAnswerable(offer, request);
      await this.workflow.move(manager, 'offer', offer, 'decline', {
        actorId,
        reason,
        set: { respondedAt: this.clock.now(), declineReason: reason ?? null },
      });
      if (offer.role === 'primary') await this.rollOn(manager, request, actorId);
      return (await this.views([offer], manager))[0];
    });
  }

  /** Why an offer can no longer be answered, in the codes of API.md. */
  private assertAnswerable(offer: Offer, request: InterpretationRequest): void {
    if (
      offer.status === 'withdrawn' ||
      offer.status === 'released' ||
      offer.status === 'accepted' ||
      offer.status === 'declined'
    ) {
      if (request.status === 'confirmed' || request.status === 'completed') throw Errors.requestAlreadyFilled();
      if (offer.status === 'withdrawn' || offer.status === 'released') throw Errors.offerWithdrawn();
      throw new ConflictError('OFFER_ALREADY_ANSWERED', `This offer was already ${offer.status}`);
    }
    if (offer.status === 'expired' || isOfferExpired(offer.expiresAt.getTime(), this.clock.now().getTime()))
      throw Errors.offerExpired();
    if (request.status === 'cancelled') throw Errors.offerRequestCancelled();
    if (offer.role === 'primary' && !statesAllowing('request', 'confirm').includes(request.status)) {
      throw Errors.requestAlreadyFilled();
    }
    // The shadow seat: while the visit is ahead and the hospital still agrees (a withdrawn consent withdrew the offer too).
    if (offer.role === 'shadow' && request.status === 'completed') throw Errors.requestNoLongerWaiting();
    if (offer.role === 'shadow' && !request.traineeWelcome) throw Errors.traineeNotWelcome();
  }

  /** Minutes each volunteer's last answers to offers took, oldest first (the office's own log; the last `ANSWER_SAMPLE`). */
  private async recentAnswerMinutes(manager: EntityManager, volunteerIds: string[]): Promise<Map<string, number[]>> {
    if (volunteerIds.length === 0) return new Map();
    const rows: { volunteer_id: string; minutes: number[] }[] = await manager.query(
      `SELECT volunteer_id, array_agg(minutes ORDER BY responded_at) AS minutes
         FROM (SELECT volunteer_id, responded_at, extract(epoch FROM responded_at - created_at)::float8 / 60 AS minutes,
                      row_number() OVER (PARTITION BY volunteer_id ORDER BY responded_at DESC) AS n
                 FROM offers
                WHERE volunteer_id = ANY($1::uuid[]) AND status IN ('accepted', 'released', 'declined') AND responded_at IS NOT NULL) answered
        WHERE n <= $2
        GROUP BY volunteer_id`,
      [volunteerIds, ANSWER_SAMPLE],
    );
    return new Map(rows.map((r) => [r.volunteer_id, r.minutes.map(Number)]));
  }

  async views(offers: Offer[], manager: EntityManager = this.dataSource.manager): Promise<OfferView[]> {
    if (offers.length === 0) return [];
    const requests = await manager.find(InterpretationRequest, {
      where: { id: In([...new Set(offers.map((o) => o.requestId))]) },
    });
    const hospitals = await manager.find(Hospital, {
      where: { id: In([...new Set(requests.map((r) => r.hospitalId))]) },
    });
    const requestById = new Map(requests.map((r) => [r.id, r]));
    const hospitalById = new Map(hospitals.map((h) => [h.id, h]));
    const shadowRequests = [...new Set(offers.filter((o) => o.role === 'shadow').map((o) => o.requestId))];
    const interpreters = await this.interpreterNames(manager, shadowRequests);
    return offers.map((o) => {
      const r = requestById.get(o.requestId)!;
      const h = hospitalById.get(r.hospitalId)!;
      return {
        id: o.id,
        requestId: o.requestId,
        role: o.role,
        status: o.status,
        wave: o.wave,
        expiresAt: o.expiresAt.toISOString(),
        respondedAt: o.respondedAt?.toISOString() ?? null,
        visit: {
          language: r.language,
          startsAt: r.startsAt.toISOString(),
          endsAt: r.endsAt.toISOString(),
          department: r.department,
          visitType: r.visitType,
          mode: r.mode,
          hospitalName: h.name,
          area: h.area,
          urgent: r.urgent,
        },
        traineeWelcome: r.traineeWelcome,
        ...(o.role === 'shadow' ? { interpreterName: interpreters.get(o.requestId) ?? null } : {}),
      };
    });
  }
}

/**
 * Volunteers whose every offer (of those given) expired unanswered — none declined, accepted or
 * still pending — with how many of their offers expired.
 */
function expiredUnanswered(offers: Pick<Offer, 'volunteerId' | 'status'>[]): Map<string, number> {
  const answeredOrWaiting = new Set(offers.filter((o) => o.status !== 'expired').map((o) => o.volunteerId));
  const times = new Map<string, number>();
  for (const o of offers)
    if (o.status === 'expired' && !answeredOrWaiting.has(o.volunteerId))
      times.set(o.volunteerId, (times.get(o.volunteerId) ?? 0) + 1);
  return times;
}

/** What the offer policy's planning functions need to know about the request. */
function waveRequest(request: InterpretationRequest): WaveRequest {
  return { urgent: request.urgent, startsAt: request.startsAt.getTime() };
}

/** Offers made for the request's current terms (see `InterpretationRequest.termsChangedAt`). */
function forCurrentTerms(request: InterpretationRequest): { createdAt?: FindOperator<Date> } {
  return request.termsChangedAt ? { createdAt: MoreThanOrEqual(request.termsChangedAt) } : {};
}
