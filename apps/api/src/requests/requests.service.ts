import { referenceRange, tokyoDateTime } from '@app/domain/model';
import { FeesService } from '../fees/fees.service';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  ConflictError,
  ForbiddenError,
  Hospital,
  InterpretationRequest,
  InvalidError,
  isOpen,
  isUrgent,
  NotFoundError,
  RequestPatient,
  statesAllowing,
  User,
  type FiledBy,
} from '@app/domain';
import { type Mode, requiredLevelFor } from '@app/matching';
import { Clock } from '../common/clock';
import { Actor } from '../common/decorators/current-user.decorator';
import { Page, sortColumn } from '../common/pagination.dto';
import { OffersService } from '../offers/offers.service';
import { DispatchesService, MOVE_RELEASE_REASON } from '../dispatches/dispatches.service';
import { Workflow } from '../workflow/workflow';
import { AuditService } from '../audit/audit.service';
import { CreateRequestDto, RequestListQueryDto, RescheduleDto, UpdateRequestDto } from './dto/request.dto';
import { requestView, RequestView } from './request.view';
import { assertVisitNotEnded } from '../dispatches/visit-times';
import { type DispatchPolicy, isLateCancellation } from '@app/domain';
import { InjectDispatchPolicy } from '../workflow/dispatch-policy';
import { isStaff, may, requireAccess, scopeList } from '../access/access';
import { lockOne } from '../access/locks';
import { getPageAndCount } from '../common/page-query';

const SORTABLE = { startsAt: 'r.starts_at', createdAt: 'r.created_at', status: 'r.status', language: 'r.language' };
const MAX_VISIT_HOURS = 12;
/** How far ahead a visit may be filed or moved: further is a typing mistake (a wrong year). */
const MAX_AHEAD_DAYS = 2 * 365;

/**
 * Interpretation requests: filed by a coordinator for their own hospital (staff for any),
 * followed, changed before confirmation, moved once confirmed (reschedule), cancelled. Filing
 * commits the request with its first-wave job in a few statements; the wave (ranking included)
 * runs right after, in the job's own transaction.
 */
@Injectable()
export class RequestsService {
  constructor(
    @InjectDispatchPolicy() private readonly policy: DispatchPolicy,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly offers: OffersService,
    private readonly dispatches: DispatchesService,
    private readonly workflow: Workflow,
    private readonly audit: AuditService,
    private readonly fees: FeesService,
  ) {}

  async create(actor: Actor, input: CreateRequestDto): Promise<RequestView> {
    const hospitalId = this.hospitalFor(actor, input.hospitalId);
    const { startsAt, endsAt } = this.checkTimes(input.startsAt, input.endsAt);
    const visit = interpreterNotes(input.mode ?? 'onsite', input);
    const { request, patient } = await this.dataSource.transaction(async (manager) => {
      const hospital = await manager.findOne(Hospital, { where: { id: hospitalId } });
      if (!hospital) throw InvalidError.field('hospitalId', 'No such hospital');
      if (!hospital.active) throw InvalidError.field('hospitalId', 'The hospital is not an active partner');
      const now = this.clock.now();
      const request = manager.create(InterpretationRequest, {
        hospitalId,
        language: input.language,
        startsAt,
        endsAt,
        department: input.department,
        visitType: input.visitType,
        mode: input.mode ?? 'onsite',
        interpreterGender: input.interpreterGender ?? 'any',
        requiredLevel: requiredLevelFor(input.department, input.visitType),
        patientKey: input.patientRef ? patientKey(hospitalId, input.patientRef) : null,
        notes: input.notes ?? null,
        ...visit,
        urgent: isUrgent(now, startsAt, this.policy.leadTimeBusinessDays),
        onHold: input.onHold ?? false,
        traineeWelcome: input.traineeWelcome ?? false,
        createdBy: actor.id,
      });
      // Its entry arms the first wave (none while held), run right after the commit.
      await this.workflow.start(manager, 'request', request, 'file', { actorId: actor.id });
      const patient = manager.create(RequestPatient, {
        requestId: request.id,
        ...input.patient,
        nationality: input.patient.nationality ?? null,
      });
      await manager.insert(RequestPatient, patient);
      return { request, patient };
    });
    if (request.onHold) return requestView(request, patient);
    await this.offers.sendFirstWave(request.id);
    const current = await this.dataSource.manager.findOne(InterpretationRequest, { where: { id: request.id } });
    return requestView(current ?? request, patient);
  }

  async list(actor: Actor, query: RequestListQueryDto): Promise<Page<RequestView>> {
    const [column, order] = sortColumn(query, SORTABLE, 'r.starts_at');
    const qb = this.dataSource.getRepository(InterpretationRequest).createQueryBuilder('r');
    scopeList(qb, actor, { hospital: 'r.hospital_id' });
    if (isStaff(actor) && query.hospitalId)
      qb.andWhere('r.hospital_id = :hospitalId', { hospitalId: query.hospitalId });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.language) qb.andWhere('r.language = :language', { language: query.language });
    if (query.reference) {
      const { from, to } = referenceRange(query.reference);
      qb.andWhere('r.id BETWEEN :refFrom AND :refTo', { refFrom: from, refTo: to });
    }
    if (query.from) qb.andWhere('r.starts_at >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('r.starts_at < :to', { to: new Date(query.to) });
    const [rows, total] = await getPageAndCount(
      qb.orderBy(column, order).addOrderBy('r.id'),
      query.skip,
      query.perPage,
    );
    const withTerms = await this.withCancellationTerms(rows);
    return { data: rows.map((r) => withTerms(requestView(r), r)), total };
  }

  async get(actor: Actor, id: string): Promise<RequestView> {
    const request = await this.findInScope(this.dataSource.manager, actor, id);
    const patient = await this.dataSource.manager.findOne(RequestPatient, { where: { requestId: id } });
    if (patient) await this.audit.record(null, { actor, action: 'patient.read', objectType: 'request', objectId: id });
    const view = (await this.withCancellationTerms([request]))(requestView(request, patient), request);
    return isStaff(actor) ? { ...view, filedBy: await this.filedBy(request) } : view;
  }

  /** The coordinator (or staff member) who filed the request, for staff who need to reach them. */
  private async filedBy(request: InterpretationRequest): Promise<FiledBy | null> {
    if (!request.createdBy) return null;
    const user = await this.dataSource.manager.findOne(User, { where: { id: request.createdBy } });
    return user ? { displayName: user.displayName, email: user.email, phone: user.phone } : null;
  }

  /**
   * Adds to a confirmed request's view what its outcomes would cost the hospital: cancelling now
   * (while the visit has not ended), and a patient's no-show (once it has started). The fee rules
   * are read once, and only when one of `requests` needs them.
   */
  private async withCancellationTerms(requests: InterpretationRequest[]) {
    const now = this.clock.now();
    const confirmed = (r: InterpretationRequest) => r.status === 'confirmed';
    const rules = requests.some(confirmed) ? await this.fees.rules() : [];
    return (view: RequestView, request: InterpretationRequest): RequestView => {
      if (!confirmed(request)) return view;
      const terms: Partial<RequestView> = {};
      if (request.endsAt > now)
        terms.cancellation = this.fees.cancellationTerms(
          rules,
          request,
          request.movedLate || isLateCancellation(this.policy, request.startsAt, now),
        );
      if (request.startsAt <= now) terms.patientNoShowFeeYen = this.fees.patientNoShowFee(rules, request);
      return { ...view, ...terms };
    };
  }

  /**
   * Changes before confirmation. A change that matters to matching withdraws the offers out and
   * starts again. The trainee consent (`traineeWelcome`) alone may change while the request is
   * confirmed too; withdrawing it cancels the shadow seat.
   */
  async update(actor: Actor, id: string, input: UpdateRequestDto): Promise<RequestView> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.findInScope(manager, actor, id, true);
      const consentOnly = Object.entries(input).every(
        ([key, value]) => key === 'traineeWelcome' || value === undefined,
      );
      if (consentOnly && input.traineeWelcome !== undefined && request.status === 'confirmed') {
        await this.setTraineeWelcome(manager, actor, request, input.traineeWelcome);
        const patient = await manager.findOne(RequestPatient, { where: { requestId: id } });
        return requestView(request, patient);
      }
      if (!statesAllowing('request', 'offer').includes(request.status)) {
        throw new ConflictError(
          'REQUEST_NOT_EDITABLE',
          `A ${request.status} request cannot be changed; cancel it instead`,
        );
      }
      const times = this.checkTimes(
        input.startsAt ?? request.startsAt.toISOString(),
        input.endsAt ?? request.endsAt.toISOString(),
      );
      const before = matchingFields(request);
      const visit =
        input.mode !== undefined || input.remoteDetails !== undefined || input.notesForInterpreter !== undefined
          ? interpreterNotes(input.mode ?? request.mode, {
              notesForInterpreter:
                input.notesForInterpreter === undefined ? request.notesForInterpreter : input.notesForInterpreter,
              remoteDetails: input.remoteDetails === undefined ? request.remoteDetails : input.remoteDetails,
            })
          : {};
      Object.assign(request, {
        ...definedOnly({
          language: input.language,
          department: input.department,
          visitType: input.visitType,
          mode: input.mode,
        }),
        ...definedOnly({ interpreterGender: input.interpreterGender, notes: input.notes }),
        ...visit,
        startsAt: times.startsAt,
        endsAt: times.endsAt,
      });
      if (input.patientRef) request.patientKey = patientKey(request.hospitalId, input.patientRef);
      request.requiredLevel = requiredLevelFor(request.department, request.visitType);
      await manager.save(request);
      if (input.traineeWelcome !== undefined)
        await this.setTraineeWelcome(manager, actor, request, input.traineeWelcome);
      if (input.patient) await manager.update(RequestPatient, { requestId: id }, { ...input.patient });
      const after = matchingFields(request);
      const changed = (Object.keys(after) as Array<keyof typeof after>).filter((term) => after[term] !== before[term]);
      if (changed.length > 0) {
        // The move's consequences give up a shadow seat kept from before a reopening (confirmed for the
        // old terms; offered again once confirmed) and withdraw the offers out, each volunteer mailed.
        await this.workflow.move(manager, 'request', request, 'amend', {
          actorId: actor.id,
          reason: `terms changed: ${changed.join(', ')}`,
          recordUnchanged: true,
        });
        await this.offers.restartOffering(manager, request, actor.id);
      }
      const patient = await manager.findOne(RequestPatient, { where: { requestId: id } });
      return requestView(request, patient);
    });
  }

  /**
   * The hospital moves a confirmed visit that has not started (a request still looking for an
   * interpreter changes its times with PATCH). In one transaction: the request takes the new times
   * (the move logged with both times and the reason), offers still out (a shadow seat) are
   * withdrawn, and each interpreter's dispatch follows if they can make the new time — their
   * reconfirmation reset and a mail asking them — or is released. With the interpreter released,
   * the request goes back to finding one: a new wave for the new time. No fee for the hospital.
   */
  async reschedule(actor: Actor, id: string, input: RescheduleDto): Promise<RequestView> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.findInScope(manager, actor, id, true);
      const times = this.checkTimes(input.startsAt, input.endsAt);
      if (isOpen(request.status))
        throw new ConflictError(
          'REQUEST_NOT_CONFIRMED',
          'Nobody is confirmed for this request yet: change its times with PATCH /api/requests/:id',
        );
      const now = this.clock.now();
      if (request.status === 'confirmed' && request.startsAt <= now)
        throw new ConflictError('VISIT_STARTED', 'The visit has started: record its completion or a no-show instead');
      const from = { startsAt: request.startsAt, endsAt: request.endsAt };
      if (from.startsAt.getTime() === times.startsAt.getTime() && from.endsAt.getTime() === times.endsAt.getTime())
        return this.get(actor, id);
      // Tokyo wall-clock times, as staff read them in the history.
      const reason = `${tokyoDateTime(from.startsAt)}–${tokyoDateTime(from.endsAt)} → ${tokyoDateTime(times.startsAt)}–${tokyoDateTime(times.endsAt)}${input.reason ? `: ${input.reason}` : ''}`;
      await this.workflow.move(manager, 'request', request, 'reschedule', {
        actorId: actor.id,
        reason,
        recordUnchanged: true,
        set: {
          ...times,
          urgent: isUrgent(now, times.startsAt, this.policy.leadTimeBusinessDays),
          // A move made inside the late-cancellation window of the start the visit had then carries the
          // lateness forward: cancelling the moved visit later is late (and charged) whatever its new
          // time, so moving first cannot avoid the fee. Once set it stays for this confirmation.
          movedLate: request.movedLate || isLateCancellation(this.policy, from.startsAt, now),
        },
      });
      // Offers still out (a shadow seat) were withdrawn by the move's consequences, each volunteer mailed.
      const { released } = await this.dispatches.followMove(manager, request, from, actor.id, reason);
      if (released.some((d) => d.role === 'primary')) {
        await this.workflow.move(manager, 'request', request, 'reopen', {
          actorId: actor.id,
          reason: MOVE_RELEASE_REASON,
          // Nobody is confirmed any more: a new interpreter's confirmation starts with the usual window.
          set: { movedLate: false },
        });
        await this.offers.restartOffering(manager, request, actor.id);
      } else await this.offers.shadowAfterMove(manager, request, actor.id);
      const patient = await manager.findOne(RequestPatient, { where: { requestId: id } });
      return (await this.withCancellationTerms([request]))(requestView(request, patient), request);
    });
  }

  /**
   * The hospital gives or withdraws its consent to a shadowing trainee. Withdrawn: pending shadow
   * offers are withdrawn and a shadow dispatch is cancelled, each with a mail to the trainee.
   */
  private async setTraineeWelcome(
    manager: EntityManager,
    actor: Actor,
    request: InterpretationRequest,
    welcome: boolean,
  ): Promise<void> {
    const was = request.traineeWelcome;
    request.traineeWelcome = welcome;
    await manager.update(InterpretationRequest, { id: request.id }, { traineeWelcome: welcome });
    if (!was || welcome) return;
    // Pending shadow offers are withdrawn and the shadow seat cancelled by the move's consequences.
    await this.workflow.move(manager, 'request', request, 'withdrawTraineeConsent', {
      actorId: actor.id,
      reason: 'trainee consent withdrawn',
      recordUnchanged: true,
    });
  }

  async cancel(actor: Actor, id: string, reason: string): Promise<RequestView> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.findInScope(manager, actor, id, true);
      if (request.status === 'confirmed') assertVisitNotEnded(request.endsAt, this.clock.now());
      // The move's consequences withdraw its pending offers (each volunteer mailed), cancel its live
      // dispatches and tell the hospital and those volunteers.
      await this.workflow.move(manager, 'request', request, 'cancel', { actorId: actor.id, reason });
      return requestView(request);
    });
  }

  /**
   * Staff hold a request back from automatic offers, or release it (what the hold kept back goes
   * out then). The request is locked and only `on_hold` written: saving the whole row could put
   * back a status an accept changed meanwhile.
   */
  async setHold(actor: Actor, id: string, onHold: boolean): Promise<RequestView> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.findInScope(manager, actor, id, true);
      if (!may.setHold(actor, request, onHold)) throw new ForbiddenError();
      if (request.onHold === onHold) return requestView(request);
      await manager.update(InterpretationRequest, { id }, { onHold });
      request.onHold = onHold;
      if (!onHold) await this.offers.released(manager, request, actor.id);
      return requestView(request);
    });
  }

  /** The request if the actor may see it; 404 otherwise (never reveal another hospital's objects). */
  async findInScope(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<InterpretationRequest> {
    if (actor.role === 'volunteer') throw new ForbiddenError();
    const request = lock
      ? await lockOne(manager, InterpretationRequest, { id })
      : await manager.findOne(InterpretationRequest, { where: { id } });
    if (!request) throw new NotFoundError('Request');
    requireAccess(may.seeRequest(actor, request), 'Request');
    return request;
  }

  private hospitalFor(actor: Actor, given: string | undefined): string {
    if (actor.role === 'coordinator') {
      if (given && given !== actor.hospitalId)
        throw InvalidError.field('hospitalId', 'A coordinator files requests for their own hospital only');
      return actor.hospitalId!;
    }
    if (!given) throw InvalidError.field('hospitalId', 'Staff must say which hospital the request is for');
    return given;
  }

  private checkTimes(start: string, end: string): { startsAt: Date; endsAt: Date } {
    const startsAt = new Date(start);
    const endsAt = new Date(end);
    if (endsAt <= startsAt) throw InvalidError.field('endsAt', 'endsAt must be after startsAt');
    if (startsAt <= this.clock.now()) throw InvalidError.field('startsAt', 'startsAt must be in the future');
    if (startsAt.getTime() - this.clock.now().getTime() > MAX_AHEAD_DAYS * 86_400_000)
      throw InvalidError.field('startsAt', `A visit is booked at most ${MAX_AHEAD_DAYS / 365} years ahead`);
    if (endsAt.getTime() - startsAt.getTime() > MAX_VISIT_HOURS * 3_600_000) {
      throw InvalidError.field('endsAt', `A visit lasts at most ${MAX_VISIT_HOURS} hours`);
    }
    return { startsAt, endsAt };
  }
}

/**
 * What the confirmed interpreter is told beyond time and place: a blank answer is none, and a
 * phone or video visit cannot go without the number or link to reach it.
 */
function interpreterNotes(
  mode: Mode,
  input: { notesForInterpreter?: string | null; remoteDetails?: string | null },
): { notesForInterpreter: string | null; remoteDetails: string | null } {
  const notesForInterpreter = input.notesForInterpreter?.trim() || null;
  const remoteDetails = input.remoteDetails?.trim() || null;
  if (mode !== 'onsite' && !remoteDetails)
    throw InvalidError.field('remoteDetails', `A ${mode} visit needs the number to call or the video link`);
  return { notesForInterpreter, remoteDetails };
}

/**
 * The terms matching goes by (who may be asked), whose change makes earlier offers wrong; by name,
 * so the amendment can say which changed.
 */
function matchingFields(r: InterpretationRequest) {
  return {
    language: r.language,
    startsAt: r.startsAt.getTime(),
    endsAt: r.endsAt.getTime(),
    department: r.department,
    visitType: r.visitType,
    mode: r.mode,
    interpreterGender: r.interpreterGender,
    patientKey: r.patientKey,
  };
}

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A keyed hash of the hospital's patient reference: continuity without storing the reference. */
export function patientKey(hospitalId: string, ref: string): string {
  return createHmac('sha256', hospitalId).update(ref.trim()).digest('hex').slice(0, 64);
}
