import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  CancellingParty,
  ConflictError,
  Dispatch,
  type DispatchView,
  type ShadowTraineeView,
  Errors,
  Hospital,
  HospitalConfirmation,
  InterpretationRequest,
  InvalidError,
  knownConstraintError,
  NotFoundError,
  RequestPatient,
  Volunteer,
} from '@app/domain';
import { evaluateVolunteer, ExclusionCode, prepareRequest, RequestRole } from '@app/matching';
import { Clock } from '../common/clock';
import { Actor } from '../common/decorators/current-user.decorator';
import { Page } from '../common/pagination.dto';
import { requestSnapshot, VolunteerSnapshots } from '../matching/volunteer-snapshots';
import { Workflow } from '../workflow/workflow';
import { JobsService } from '../jobs/jobs.service';
import { DispatchNotifier } from '../notifications/dispatch-notifier';
import { AuditService } from '../audit/audit.service';
import { CalendarFile, CalendarService } from '../calendar/calendar.service';
import { hashToken } from '../common/token-hash';
import { MailLinks } from '../mail/mail-links';
import { DISPATCH_JOBS } from '../workflow/workflow-jobs';
import type { DispatchCancellation } from '../workflow/workflow-consequences';
import { DispatchListQueryDto } from './dto/dispatch.dto';
import { assertVisitNotEnded, assertVisitStarted, checkActualTimes } from './visit-times';
import { type DispatchPolicy, isLateCancellation } from '@app/domain';
import { InjectDispatchPolicy } from '../workflow/dispatch-policy';
import { isStaff, may, requireAccess, scopeList } from '../access/access';
import {
  loadReports,
  loadShadowPartners,
  loadShadowTrainees,
  loadVisitDetails,
  practicumState,
  reportState,
} from './visit-details';
import { lockMany, lockOne, lockVisit } from '../access/locks';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** Rules staff may override with a recorded reason when assigning by hand; the others never. */
const NEVER_OVERRIDDEN: ExclusionCode[] = ['OVERLAP', 'LANGUAGE', 'INACTIVE'];

/** The rules that depend on when the visit is: a moved visit's interpreter failing one of these cannot make it. */
const TIME_BOUND_RULES: ExclusionCode[] = ['UNAVAILABLE', 'OVERLAP', 'MONTHLY_CAP', 'INSURANCE', 'TRAINING'];

/** The cancel reason of a dispatch released because its visit moved to a time its volunteer cannot make. */
export const MOVE_RELEASE_REASON = 'visit moved to a time the interpreter cannot make';

/** What the release mail names as the reason an interpreter cannot make a moved visit. */
export type MoveReleaseGround = 'overlap' | 'availability' | 'monthly_cap' | 'standing';

function releaseGround(codes: ExclusionCode[]): MoveReleaseGround {
  if (codes.includes('OVERLAP')) return 'overlap';
  if (codes.includes('UNAVAILABLE')) return 'availability';
  if (codes.includes('MONTHLY_CAP')) return 'monthly_cap';
  return 'standing';
}

/**
 * The hospital moved the visit and its interpreter has not yet said whether they can make the new
 * time — until the move's answer deadline: once it has passed (`reconfirmationMissed`, set by the
 * deadline's timer) silence is no longer an answer to the move, and a later "I can't go" is theirs.
 */
export function awaitsMoveAnswer(
  dispatch: Pick<Dispatch, 'status' | 'rescheduledFrom' | 'reconfirmedAt' | 'reconfirmationMissed'>,
): boolean {
  return (
    dispatch.status === 'confirmed' &&
    dispatch.rescheduledFrom !== null &&
    dispatch.reconfirmedAt === null &&
    !dispatch.reconfirmationMissed
  );
}

/** The response shape is the model's (libs/domain/src/model/views.ts), shared with the panel. */
export type { DispatchView };

/** Who reads a dispatch view: what it shows depends on the role and on whose dispatch it is. */
export type Viewer = Pick<Actor, 'role' | 'hospitalId' | 'volunteerId'>;

/** Dispatches (派遣): created when an offer is accepted or staff assign, then completed, cancelled or marked no-show. */
@Injectable()
export class DispatchesService {
  constructor(
    @InjectDispatchPolicy() private readonly policy: DispatchPolicy,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly snapshots: VolunteerSnapshots,
    private readonly workflow: Workflow,
    private readonly jobs: JobsService,
    private readonly notifier: DispatchNotifier,
    private readonly audit: AuditService,
    private readonly calendars: CalendarService,
    private readonly links: MailLinks,
  ) {}

  /**
   * Confirms `volunteerId` for the request, in the caller's transaction (the request row is
   * already locked). Checks the volunteer against every rule with the matching library under a
   * lock on the volunteer row, so two accepts by one volunteer are judged one after the other.
   */
  async confirm(
    manager: EntityManager,
    request: InterpretationRequest,
    volunteerId: string,
    options: { offerId?: string; role?: RequestRole; actorId: string | null; overrideReason?: string },
  ): Promise<Dispatch> {
    const role = options.role ?? 'primary';
    const volunteer = await lockOne(manager, Volunteer, { id: volunteerId });
    if (!volunteer) throw InvalidError.field('volunteerId', 'No such volunteer');
    // A trainee only ever shadows: no override reason puts them in the interpreter's seat (the database refuses it too).
    if (role === 'primary' && volunteer.level === 'trainee') throw Errors.traineeNotInterpreter();
    const hospital = await manager.findOneOrFail(Hospital, { where: { id: request.hospitalId } });
    const now = this.clock.now();
    const [snapshot] = await this.snapshots.build(
      manager,
      { ids: [volunteer.id] },
      { visitStartsAt: request.startsAt, visitEndsAt: request.endsAt, now },
    );
    const evaluation = evaluateVolunteer(
      prepareRequest(requestSnapshot(request, hospital.area, role), now.getTime()),
      snapshot,
    );
    if (!evaluation.eligible) {
      if (evaluation.codes.includes('OVERLAP')) throw Errors.scheduleConflict();
      const blocking = options.overrideReason
        ? evaluation.codes.filter((c) => NEVER_OVERRIDDEN.includes(c))
        : evaluation.codes;
      if (blocking.length) {
        throw Errors.volunteerNotEligible(`The volunteer is not eligible: ${blocking.join(', ')}`, {
          volunteerId: blocking,
        });
      }
    }

    if (role === 'primary') {
      await this.workflow.move(manager, 'request', request, 'confirm', {
        actorId: options.actorId,
        reason: options.overrideReason,
        conflict: Errors.requestAlreadyFilled,
      });
    }

    const buffer = this.policy.minimumBufferMinutes * MINUTE;
    const dispatch = manager.create(Dispatch, {
      requestId: request.id,
      volunteerId,
      offerId: options.offerId ?? null,
      role,
      startsAt: request.startsAt,
      endsAt: request.endsAt,
      busyFrom: new Date(request.startsAt.getTime() - (request.mode === 'onsite' ? buffer : 0)),
      busyUntil: new Date(request.endsAt.getTime() + (request.mode === 'onsite' ? buffer : 0)),
      area: request.mode === 'onsite' ? hospital.area : null,
      overrideReason: options.overrideReason ?? null,
      // Confirmed when the reconfirmation would already have been asked: this yes is the reconfirmation.
      reconfirmedAt: request.startsAt.getTime() - this.policy.reconfirmBeforeHours * HOUR <= now.getTime() ? now : null,
    });
    try {
      await this.workflow.start(manager, 'dispatch', dispatch, 'confirm', {
        actorId: options.actorId,
        reason: options.overrideReason,
        request,
      });
    } catch (error) {
      throw knownConstraintError(error) ?? error;
    }
    return dispatch;
  }

  /**
   * The hospital moved the request (already at its new times, locked, in the caller's
   * transaction): each live dispatch follows it if its volunteer can still be there — by the
   * matching rules that depend on when the visit is, and by the database's no-double-booking
   * constraint — and then waits for their reconfirmation (the mail asks; staff are alerted if no
   * answer comes by the deadline). A volunteer who cannot is released: the dispatch is cancelled as
   * the move's doing (the hospital's side, never late: no fee, nothing against the interpreter).
   * Pending offers (a shadow seat) are for the old time and are the caller's to withdraw.
   */
  async followMove(
    manager: EntityManager,
    request: InterpretationRequest,
    from: { startsAt: Date; endsAt: Date },
    actorId: string,
    reason: string,
  ): Promise<{ kept: Dispatch[]; released: Dispatch[] }> {
    const live = await lockMany(manager, Dispatch, { requestId: request.id, status: 'confirmed' });
    const hospital = await manager.findOneOrFail(Hospital, { where: { id: request.hospitalId } });
    const kept: Dispatch[] = [];
    const released: Dispatch[] = [];
    for (const dispatch of live) {
      const failing = await this.canMakeNewTime(manager, request, hospital, dispatch);
      // The database's no-double-booking constraint may still find a clash the rules did not.
      if (!failing.length && !(await this.moveDispatch(manager, request, dispatch, from, actorId, reason)))
        failing.push('OVERLAP');
      const fits = !failing.length;
      // The move's consequences arm the new time's timers and ask the volunteer to reconfirm, or release them.
      if (fits) kept.push(dispatch);
      else {
        await this.workflow.move(manager, 'dispatch', dispatch, 'cancel', {
          actorId,
          reason: `${MOVE_RELEASE_REASON}: ${reason}`,
          context: { cause: 'move', from, ground: releaseGround(failing) },
          set: { cancelReason: MOVE_RELEASE_REASON, cancelledBy: 'hospital', lateCancellation: false },
        });
        released.push(dispatch);
      }
    }
    return { kept, released };
  }

  /**
   * Why the volunteer cannot be at the moved visit (none: they can): the rules that depend on its
   * time, checked under a lock on the volunteer (as a confirmation is). A dispatch staff assigned
   * over a rule (`overrideReason`) is held only to the rules never overridden: staff already
   * accepted the others for this visit, and a small move must not undo their decision.
   */
  private async canMakeNewTime(
    manager: EntityManager,
    request: InterpretationRequest,
    hospital: Hospital,
    dispatch: Dispatch,
  ): Promise<ExclusionCode[]> {
    await lockOne(manager, Volunteer, { id: dispatch.volunteerId });
    const now = this.clock.now();
    const [snapshot] = await this.snapshots.build(
      manager,
      { ids: [dispatch.volunteerId] },
      { visitStartsAt: request.startsAt, visitEndsAt: request.endsAt, now, ignoreDispatchId: dispatch.id },
    );
    if (!snapshot) return ['INACTIVE'];
    const evaluation = evaluateVolunteer(
      prepareRequest(requestSnapshot(request, hospital.area, dispatch.role), now.getTime()),
      snapshot,
    );
    if (evaluation.eligible) return [];
    const binding = dispatch.overrideReason
      ? TIME_BOUND_RULES.filter((code) => NEVER_OVERRIDDEN.includes(code))
      : TIME_BOUND_RULES;
    return evaluation.codes.filter((code) => binding.includes(code));
  }

  /**
   * The dispatch takes the new times (a savepoint around the write: should the exclusion
   * constraint still find a clash, only the write is undone and the volunteer is released).
   */
  private async moveDispatch(
    manager: EntityManager,
    request: InterpretationRequest,
    dispatch: Dispatch,
    from: { startsAt: Date; endsAt: Date },
    actorId: string,
    reason: string,
  ): Promise<boolean> {
    const buffer = request.mode === 'onsite' ? this.policy.minimumBufferMinutes * MINUTE : 0;
    await manager.query('SAVEPOINT move_dispatch');
    try {
      await this.workflow.move(manager, 'dispatch', dispatch, 'reschedule', {
        actorId,
        reason,
        recordUnchanged: true,
        context: { from },
        set: {
          startsAt: request.startsAt,
          endsAt: request.endsAt,
          busyFrom: new Date(request.startsAt.getTime() - buffer),
          busyUntil: new Date(request.endsAt.getTime() + buffer),
          rescheduledFrom: from.startsAt,
          reconfirmedAt: null,
          reconfirmationMissed: false,
        },
      });
      await manager.query('RELEASE SAVEPOINT move_dispatch');
      return true;
    } catch (error) {
      if (knownConstraintError(error)?.code !== Errors.scheduleConflict().code) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT move_dispatch');
      return false;
    }
  }

  /** Timer: ask the volunteer to reconfirm through a single-use link. */
  async askReconfirmation(manager: EntityManager, dispatchId: string): Promise<void> {
    const dispatch = await manager.findOne(Dispatch, { where: { id: dispatchId, status: 'confirmed' } });
    if (!dispatch || dispatch.reconfirmedAt) return;
    const request = await manager.findOneOrFail(InterpretationRequest, { where: { id: dispatch.requestId } });
    await this.notifier.reconfirm(
      manager,
      request,
      dispatch,
      new Date(dispatch.startsAt.getTime() - this.policy.reconfirmDeadlineHours * HOUR),
    );
  }

  /** Timer: no reconfirmation by the deadline — staff and the hospital are alerted; staff may re-offer. */
  async reconfirmationDeadline(manager: EntityManager, dispatchId: string): Promise<void> {
    const dispatch = await manager.findOne(Dispatch, { where: { id: dispatchId, status: 'confirmed' } });
    if (!dispatch || dispatch.reconfirmedAt) return;
    // Only the flag, and only while the dispatch is still the one read: a move (or an answer)
    // committing meanwhile is neither written back over nor alerted about (a move has its own deadline).
    const [, marked] = await manager.query<[unknown, number]>(
      `UPDATE dispatches SET reconfirmation_missed = true
        WHERE id = $1 AND status = 'confirmed' AND reconfirmed_at IS NULL AND starts_at = $2`,
      [dispatch.id, dispatch.startsAt],
    );
    if (!marked) return;
    dispatch.reconfirmationMissed = true;
    const request = await manager.findOneOrFail(InterpretationRequest, { where: { id: dispatch.requestId } });
    const visit = dispatch.rescheduledFrom ? `${dispatch.id}:${dispatch.startsAt.getTime()}` : dispatch.id;
    await this.notifier.escalated(manager, request, 'reconfirmation_missed', `reconfirm:${visit}`);
  }

  /** Timer: the reminder the day before, to the volunteer and the hospital. */
  async remind(manager: EntityManager, dispatchId: string): Promise<void> {
    const dispatch = await manager.findOne(Dispatch, { where: { id: dispatchId, status: 'confirmed' } });
    if (!dispatch) return;
    const request = await manager.findOneOrFail(InterpretationRequest, { where: { id: dispatch.requestId } });
    await this.notifier.reminders(manager, request, dispatch);
  }

  /** The volunteer reconfirms from the link (public; the token is the credential). */
  /**
   * The volunteer reconfirms from the link (public; the token is the credential). The link says "I
   * will be there at the time this mail named": mailed before the visit moved, it is gone (410
   * LINK_EXPIRED) — the mail about the move carries the link for the new time. The answer names the
   * visit's times.
   */
  async reconfirmByToken(token: string): Promise<{ reconfirmedAt: string; startsAt: string; endsAt: string }> {
    const link = this.links.reconfirmToken(token);
    return this.dataSource.transaction(async (manager) => {
      const dispatch = await lockOne(manager, Dispatch, { reconfirmTokenHash: hashToken(link.lookup) });
      if (!dispatch) throw new NotFoundError('Reconfirmation link');
      if (!link.isFor(dispatch)) throw Errors.linkExpired();
      await this.markReconfirmed(manager, dispatch);
      return {
        reconfirmedAt: dispatch.reconfirmedAt!.toISOString(),
        startsAt: dispatch.startsAt.toISOString(),
        endsAt: dispatch.endsAt.toISOString(),
      };
    });
  }

  /** The dispatched volunteer reconfirms from the panel: the same as the mail link. Others get 404. */
  async reconfirm(actor: Actor, id: string): Promise<DispatchView> {
    return this.dataSource.transaction(async (manager) => {
      const dispatch = await lockOne(manager, Dispatch, { id });
      requireAccess(!!dispatch && may.actAsDispatched(actor, dispatch), 'Dispatch');
      await this.markReconfirmed(manager, dispatch);
      return (await this.views(manager, actor, [dispatch]))[0];
    });
  }

  /**
   * "Still coming", however it is said (mail link or panel): the first time is kept, the missed
   * flag is cleared and staff's alert for a missing answer will not fire. Only a confirmed dispatch.
   */
  private async markReconfirmed(manager: EntityManager, dispatch: Dispatch): Promise<void> {
    if (dispatch.status !== 'confirmed')
      throw new ConflictError('DISPATCH_NOT_CONFIRMED', `This dispatch is ${dispatch.status}`);
    dispatch.reconfirmedAt ??= this.clock.now();
    dispatch.reconfirmationMissed = false;
    await manager.update(
      Dispatch,
      { id: dispatch.id },
      { reconfirmedAt: dispatch.reconfirmedAt, reconfirmationMissed: false },
    );
    await this.jobs.cancelWhere(manager, DISPATCH_JOBS.reconfirmDeadline, { dispatchId: dispatch.id });
  }

  /** The dispatch as an iCalendar file in the caller's language, for those who may see the dispatch. */
  async calendar(actor: Actor, id: string): Promise<CalendarFile> {
    const { dispatch } = await this.findInScope(this.dataSource.manager, actor, id);
    return this.calendars.dispatchFor(actor, dispatch);
  }

  async list(actor: Actor, query: DispatchListQueryDto): Promise<Page<DispatchView>> {
    const qb = this.dataSource
      .getRepository(Dispatch)
      .createQueryBuilder('d')
      .innerJoin(InterpretationRequest, 'r', 'r.id = d.request_id');
    scopeList(qb, actor, { hospital: 'r.hospital_id', volunteer: 'd.volunteer_id' });
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.requestId) qb.andWhere('d.request_id = :requestId', { requestId: query.requestId });
    if (query.from) qb.andWhere('d.starts_at >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('d.starts_at < :to', { to: new Date(query.to) });
    const [rows, total] = await qb
      .orderBy('d.starts_at', query.order?.toUpperCase() === 'DESC' ? 'DESC' : 'ASC')
      .addOrderBy('d.id')
      .skip(query.skip)
      .take(query.perPage)
      .getManyAndCount();
    return { data: await this.views(this.dataSource.manager, actor, rows), total };
  }

  async get(actor: Actor, id: string): Promise<DispatchView> {
    const { dispatch, request } = await this.findInScope(this.dataSource.manager, actor, id);
    const [view] = await this.views(this.dataSource.manager, actor, [dispatch], [request]);
    if (this.maySeePatient(actor, dispatch)) {
      const patient = await this.dataSource.manager.findOne(RequestPatient, { where: { requestId: request.id } });
      view.patient = patient && {
        displayName: patient.displayName,
        gender: patient.gender,
        ageBand: patient.ageBand,
        nationality: patient.nationality,
      };
      if (patient)
        await this.audit.record(null, {
          actor,
          action: 'patient.read',
          objectType: 'dispatch',
          objectId: id,
          details: { requestId: request.id },
        });
    }
    return view;
  }

  /**
   * Cancels a dispatch. `party` (whose side gives the visit up) defaults to the hospital for a
   * coordinator and to the interpreter for staff; the dispatched volunteer's own cancellation ("I
   * can't go") is always the interpreter's — no fee to the hospital — and staff and the hospital
   * are told at once, as an alert to staff inside the late-cancellation window.
   */
  async cancel(actor: Actor, id: string, reason: string, party?: CancellingParty): Promise<DispatchView> {
    if (actor.role === 'volunteer' && party !== undefined && party !== 'interpreter')
      throw InvalidError.field('party', "A volunteer's cancellation is the interpreter's");
    return this.dataSource.transaction(async (manager) => {
      const { dispatch, request } = await this.findInScope(manager, actor, id, true);
      const now = this.clock.now();
      if (dispatch.status === 'confirmed') assertVisitNotEnded(dispatch.endsAt, now);
      const given = party ?? (actor.role === 'coordinator' ? 'hospital' : 'interpreter');
      // The hospital moved the visit and the interpreter cannot make the new time: the move's doing, not
      // theirs — whether they press 「行けなくなった」 or phone the office and staff record it.
      const moveRefused = given === 'interpreter' && awaitsMoveAnswer(dispatch);
      const cancelledBy = moveRefused ? 'hospital' : given;
      // The volunteer is told even when they asked staff to cancel for them (the mail's .ics takes the
      // visit off their calendar); their own "I can't go" tells the hospital and staff at once too.
      await this.applyCancel(
        manager,
        dispatch,
        reason,
        actor.id,
        cancelledBy,
        { cause: 'dispatch', byVolunteer: actor.role === 'volunteer' },
        {
          neverLate: moveRefused,
          // The hospital moved the visit inside the late window of its old start: its cancellation stays late.
          lateAnyway: cancelledBy === 'hospital' && request.movedLate,
        },
      );
      if (request.status === 'confirmed' && dispatch.role === 'primary') {
        await this.workflow.move(manager, 'request', request, 'reopen', { actorId: actor.id, reason });
        // Someone else must be found: the offer timers take it from here, at once.
        await this.jobs.schedule(manager, {
          type: DISPATCH_JOBS.reoffer,
          dueAt: this.clock.now(),
          payload: { requestId: request.id },
          key: `reoffer:${dispatch.id}`,
        });
      }
      return (await this.views(manager, actor, [dispatch], [request]))[0];
    });
  }

  /**
   * A staff swap's first half, in the caller's transaction: the volunteer hands their confirmed
   * dispatch on and the request is confirmed at once with `coverVolunteerId` (who must be eligible;
   * otherwise the caller's transaction rolls everything back). Not a late cancellation: the visit
   * keeps an interpreter throughout.
   */
  async handOver(
    manager: EntityManager,
    dispatch: Dispatch,
    request: InterpretationRequest,
    coverVolunteerId: string,
    actorId: string,
    reason: string,
  ): Promise<Dispatch> {
    // The holder agreed on the phone; their mail's .ics takes the visit they handed on off their calendar.
    await this.applyCancel(manager, dispatch, reason, actorId, null, { cause: 'dispatch', byVolunteer: false });
    await this.workflow.move(manager, 'request', request, 'reopen', { actorId, reason });
    return this.confirm(manager, request, coverVolunteerId, { actorId });
  }

  async noShow(actor: Actor, id: string, party: 'patient' | 'interpreter'): Promise<DispatchView> {
    return this.dataSource.transaction(async (manager) => {
      const { dispatch, request } = await this.findInScope(manager, actor, id, true);
      // An interpreter who will not come cancels (party interpreter) instead.
      if (dispatch.status === 'confirmed') assertVisitStarted(dispatch.startsAt, this.clock.now());
      await this.workflow.move(manager, 'dispatch', dispatch, 'noShow', {
        actorId: actor.id,
        reason: party,
        set: { noShowParty: party },
      });
      return (await this.views(manager, actor, [dispatch], [request]))[0];
    });
  }

  async complete(actor: Actor, id: string, actualStart: Date, actualEnd: Date): Promise<DispatchView> {
    return this.dataSource.transaction((manager) => this.completeIn(manager, actor, id, actualStart, actualEnd));
  }

  /** Completion in the caller's transaction (the hospital's confirmation completes and records at once). */
  async completeIn(
    manager: EntityManager,
    actor: Actor,
    id: string,
    actualStart: Date,
    actualEnd: Date,
  ): Promise<DispatchView> {
    const { dispatch, request } = await this.findInScope(manager, actor, id, true);
    const now = this.clock.now();
    if (dispatch.status === 'confirmed') assertVisitStarted(dispatch.startsAt, now);
    checkActualTimes(actualStart, actualEnd, now);
    await this.workflow.move(manager, 'dispatch', dispatch, 'complete', {
      actorId: actor.id,
      set: { actualStart, actualEnd },
    });
    if (dispatch.role === 'primary' && request.status === 'confirmed') {
      await this.workflow.move(manager, 'request', request, 'complete', { actorId: actor.id });
      await manager.query(
        `UPDATE volunteers SET last_dispatch_at = GREATEST(coalesce(last_dispatch_at, '-infinity'), $2) WHERE id = $1`,
        [dispatch.volunteerId, actualEnd],
      );
    }
    return (await this.views(manager, actor, [dispatch], [request]))[0];
  }

  /** `party` null: handed on in a swap — the visit keeps an interpreter, nobody cancelled it. */
  private async applyCancel(
    manager: EntityManager,
    dispatch: Dispatch,
    reason: string,
    actorId: string | null,
    party: CancellingParty | null,
    cancellation: DispatchCancellation,
    options: { neverLate?: boolean; lateAnyway?: boolean } = {},
  ): Promise<void> {
    const lateCancellation =
      party !== null &&
      !options.neverLate &&
      (!!options.lateAnyway || isLateCancellation(this.policy, dispatch.startsAt, this.clock.now()));
    await this.workflow.move(manager, 'dispatch', dispatch, 'cancel', {
      actorId,
      reason,
      context: cancellation,
      set: { cancelReason: reason, cancelledBy: party, lateCancellation },
    });
  }

  /** Staff, the requesting hospital and the confirmed volunteer; others get 404. */
  private async findInScope(manager: EntityManager, actor: Actor, id: string, lock = false) {
    const found = await manager.findOne(Dispatch, { where: { id } });
    if (!found) throw new NotFoundError('Dispatch');
    const { request, dispatch } = lock
      ? await lockVisit(manager, { requestId: found.requestId, dispatchId: id })
      : {
          request: await manager.findOneOrFail(InterpretationRequest, { where: { id: found.requestId } }),
          dispatch: found,
        };
    requireAccess(may.seeDispatch(actor, dispatch, request), 'Dispatch');
    return { dispatch, request };
  }

  private maySeePatient(actor: Actor, dispatch: Dispatch): boolean {
    if (actor.role === 'volunteer') return dispatch.status === 'confirmed' || dispatch.status === 'completed';
    return true; // staff, admin, and (in scope) the requesting hospital
  }

  /** What callers outside this service answer with: the view, never the entity (it holds token hashes). */
  async view(dispatch: Dispatch, manager: EntityManager, viewer: Viewer): Promise<DispatchView> {
    return (await this.views(manager, viewer, [dispatch]))[0];
  }

  /**
   * The views of many dispatches in a fixed number of queries. The visit's details go to staff,
   * the hospital and the dispatched volunteer while the dispatch is live or done; the override
   * reason only to staff.
   */
  private async views(
    manager: EntityManager,
    viewer: Viewer,
    dispatches: Dispatch[],
    known: InterpretationRequest[] = [],
  ): Promise<DispatchView[]> {
    const missing = dispatches.map((d) => d.requestId).filter((id) => !known.some((r) => r.id === id));
    const requests = [
      ...known,
      ...(missing.length ? await manager.find(InterpretationRequest, { where: { id: In(missing) } }) : []),
    ];
    const byId = new Map(requests.map((r) => [r.id, r]));
    const ids = dispatches.map((d) => d.id);
    const volunteers = new Map(
      (ids.length
        ? await manager.find(Volunteer, {
            where: { id: In([...new Set(dispatches.map((d) => d.volunteerId))]) },
            select: { id: true, displayName: true },
          })
        : []
      ).map((v) => [v.id, v.displayName]),
    );
    const confirmed = new Set(
      ids.length
        ? (
            await manager.find(HospitalConfirmation, { where: { dispatchId: In(ids) }, select: { dispatchId: true } })
          ).map((c) => c.dispatchId)
        : [],
    );
    const showVisit = (d: Dispatch) =>
      viewer.role === 'volunteer'
        ? d.volunteerId === viewer.volunteerId && (d.status === 'confirmed' || d.status === 'completed')
        : true; // staff, and the hospital (the list and findInScope keep a coordinator to their own)
    const visits = await loadVisitDetails(
      manager,
      [...new Set(dispatches.filter(showVisit).map((d) => d.requestId))].map((id) => byId.get(id)!),
    );
    const reports = await loadReports(manager, ids);
    const partners = await loadShadowPartners(manager, dispatches);
    const now = this.clock.now();
    const staff = isStaff(viewer);
    // The interpreter (and staff) see who shadowed their visit, to give feedback on the trainee.
    const seesTrainee = (d: Dispatch) =>
      d.role === 'primary' && (staff || (viewer.role === 'volunteer' && d.volunteerId === viewer.volunteerId));
    const trainees = await loadShadowTrainees(manager, dispatches.filter(seesTrainee));
    const shadowTrainee = (d: Dispatch): ShadowTraineeView | null => {
      const seat = trainees.get(d.requestId);
      const practicum = seat && practicumState(seat.dispatch, seat.practicum, now);
      return seat && practicum
        ? { dispatchId: seat.dispatch.id, name: seat.name, practicum, feedback: seat.feedback }
        : null;
    };
    return dispatches.map((d) => {
      const r = byId.get(d.requestId)!;
      const visit = showVisit(d) ? visits.get(d.requestId) : undefined;
      return {
        id: d.id,
        requestId: d.requestId,
        volunteerId: d.volunteerId,
        role: d.role,
        status: d.status,
        startsAt: d.startsAt.toISOString(),
        endsAt: d.endsAt.toISOString(),
        hospitalId: r.hospitalId,
        language: r.language,
        overrideReason: staff ? d.overrideReason : null,
        lateCancellation: d.lateCancellation,
        reconfirmedAt: d.reconfirmedAt?.toISOString() ?? null,
        rescheduledFrom: d.rescheduledFrom?.toISOString() ?? null,
        reconfirmOpensAt:
          d.role === 'primary'
            ? new Date(d.startsAt.getTime() - this.policy.reconfirmBeforeHours * HOUR).toISOString()
            : null,
        awaitingMoveAnswer: awaitsMoveAnswer(d),
        report: reportState(d, reports.get(d.id), now),
        cancelledBy: d.cancelledBy,
        noShowParty: d.noShowParty,
        actualStart: d.actualStart?.toISOString() ?? null,
        actualEnd: d.actualEnd?.toISOString() ?? null,
        interpreterName: volunteers.get(d.volunteerId) ?? '',
        hospitalConfirmed: confirmed.has(d.id),
        ...(visit ? { visit } : {}),
        ...(d.role === 'shadow'
          ? {
              shadowOf: partners.interpreters.get(d.requestId) ?? null,
              practicum: practicumState(d, partners.practicums.get(d.id), now),
            }
          : {}),
        ...(seesTrainee(d) ? { shadowTrainee: shadowTrainee(d) } : {}),
      };
    });
  }
}
