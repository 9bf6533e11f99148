import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ActivityReport,
  ConflictError,
  Errors,
  knownConstraintError,
  Dispatch,
  HospitalConfirmation,
  InterpretationRequest,
  NotFoundError,
  visitHappened,
} from '@app/domain';
import { Clock } from '../common/clock';
import { Actor } from '../common/decorators/current-user.decorator';
import { Page } from '../common/pagination.dto';
import { AppConfig } from '../config/env.validation';
import { DispatchesService } from '../dispatches/dispatches.service';
import { checkActualTimes } from '../dispatches/visit-times';
import { JobsService } from '../jobs/jobs.service';
import { scheduleDailySweep } from '../sweeps/daily-sweep';
import {
  CreateReportDto,
  HospitalConfirmationDto,
  HospitalConfirmationView,
  ReportListQueryDto,
  ReportView,
  ReviewDto,
  UpdateReportDto,
} from './dto/report.dto';
import { confirmationView, reportView, timesDisagree } from './report.view';
import { ReportReminders } from './report-reminders';
import { may, requireAccess } from '../access/access';
import { lockOne, lockVisit } from '../access/locks';

export const REPORT_JOBS = { chase: 'reports.chase' } as const;
/** The chase runs every day at this hour, Tokyo time. */
const CHASE_HOUR = 9;

/**
 * After the visit: the volunteer's activity report, the hospital's confirmation of the times, and
 * the staff review queue.
 *
 * A visit "has happened" when its dispatch is completed, or is still confirmed and its scheduled
 * end has passed (the hospital may not have pressed "complete" yet). Cancelled and no-show
 * dispatches take no report.
 */
@Injectable()
export class ReportsService implements OnModuleInit, OnApplicationBootstrap {
  private readonly marginMinutes: number;
  private readonly jobsEnabled: boolean;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly jobs: JobsService,
    private readonly dispatches: DispatchesService,
    private readonly reminders: ReportReminders,
    config: ConfigService<AppConfig, true>,
  ) {
    this.marginMinutes = config.get('TIME_DISPUTE_MARGIN_MINUTES', { infer: true });
    this.jobsEnabled = config.get('JOBS_ENABLED', { infer: true });
  }

  onModuleInit(): void {
    this.jobs.register(REPORT_JOBS.chase, async (_payload, { manager, now }) => {
      await this.reminders.chase(manager, now);
      await scheduleDailySweep(this.jobs, manager, REPORT_JOBS.chase, CHASE_HOUR, now);
    });
  }

  /** Instances that run timers make sure the next chase is scheduled. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.jobsEnabled) await this.scheduleChase();
  }

  async scheduleChase(): Promise<void> {
    await this.dataSource.transaction((m) =>
      scheduleDailySweep(this.jobs, m, REPORT_JOBS.chase, CHASE_HOUR, this.clock.now()),
    );
  }

  /** The dispatched volunteer files the report once the visit has happened. */
  async file(actor: Actor, dispatchId: string, input: CreateReportDto): Promise<ReportView> {
    return this.dataSource.transaction(async (manager) => {
      const dispatch = await this.lockVisit(manager, await this.ownDispatch(manager, actor, dispatchId));
      this.assertVisitHappened(dispatch);
      const times = this.checkTimes(input.actualStart, input.actualEnd);
      if (await manager.exists(ActivityReport, { where: { dispatchId } })) {
        throw new ConflictError(
          'REPORT_EXISTS',
          'A report was already filed for this dispatch; change it with PUT or PATCH',
        );
      }
      const report = manager.create(ActivityReport, {
        dispatchId,
        volunteerId: dispatch.volunteerId,
        ...times,
        waitingMinutes: input.waitingMinutes,
        scenes: input.scenes,
        difficulty: input.difficulty,
        transportCostYen: input.transportCostYen,
        issues: input.issues ?? null,
        termsToStudy: input.termsToStudy ?? null,
        wellbeingConcern: input.wellbeingConcern ?? false,
        submittedAt: this.clock.now(),
        reviewStatus: 'pending',
      });
      try {
        await manager.save(report);
      } catch (error) {
        throw knownConstraintError(error) ?? error;
      }
      await this.reconcileTimes(manager, dispatchId);
      return reportView(await manager.findOneByOrFail(ActivityReport, { id: report.id }));
    });
  }

  /** The volunteer changes the report until staff have reviewed it (PUT sends all fields, PATCH some). */
  async update(actor: Actor, dispatchId: string, input: UpdateReportDto): Promise<ReportView> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockVisit(manager, await this.ownDispatch(manager, actor, dispatchId));
      const report = await lockOne(manager, ActivityReport, { dispatchId });
      if (!report) throw new NotFoundError('Report');
      if (report.reviewStatus !== 'pending')
        throw new ConflictError('REPORT_ALREADY_REVIEWED', 'A reviewed report can no longer be changed');
      const times = this.checkTimes(
        input.actualStart ?? report.actualStart.toISOString(),
        input.actualEnd ?? report.actualEnd.toISOString(),
      );
      Object.assign(report, times);
      for (const key of [
        'waitingMinutes',
        'scenes',
        'difficulty',
        'transportCostYen',
        'issues',
        'termsToStudy',
        'wellbeingConcern',
      ] as const) {
        if (input[key] !== undefined) (report as unknown as Record<string, unknown>)[key] = input[key];
      }
      await manager.save(report);
      await this.reconcileTimes(manager, dispatchId);
      return reportView(await manager.findOneByOrFail(ActivityReport, { id: report.id }));
    });
  }

  /** The report of a dispatch: its volunteer and staff (others 404). */
  async forDispatch(actor: Actor, dispatchId: string): Promise<ReportView> {
    if (actor.role !== 'staff' && actor.role !== 'admin')
      await this.ownDispatch(this.dataSource.manager, actor, dispatchId);
    const report = await this.dataSource.manager.findOne(ActivityReport, { where: { dispatchId } });
    if (!report) throw new NotFoundError('Report');
    return reportView(report);
  }

  /**
   * The review queue (staff): flagged reports (wellbeing concern, time dispute, problems
   * reported) first, then oldest first.
   */
  async list(query: ReportListQueryDto): Promise<Page<ReportView>> {
    const qb = this.dataSource.getRepository(ActivityReport).createQueryBuilder('a');
    if (query.reviewStatus) qb.andWhere('a.review_status = :status', { status: query.reviewStatus });
    const flagged = `(a.wellbeing_concern OR a.time_dispute OR coalesce(btrim(a.issues), '') <> '')`;
    const [rows, total] = await qb
      .orderBy(flagged, 'DESC')
      .addOrderBy('a.submitted_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .skip(query.skip)
      .take(query.perPage)
      .getManyAndCount();
    return { data: rows.map(reportView), total };
  }

  async get(id: string): Promise<ReportView> {
    const report = await this.dataSource.manager.findOne(ActivityReport, { where: { id } });
    if (!report) throw new NotFoundError('Report');
    return reportView(report);
  }

  /** Staff review: `reviewed` closes it; `follow_up` keeps it open for staff (and closed to edits). */
  async review(actor: Actor, id: string, input: ReviewDto): Promise<ReportView> {
    return this.dataSource.transaction(async (manager) => {
      const report = await lockOne(manager, ActivityReport, { id });
      if (!report) throw new NotFoundError('Report');
      if (report.reviewStatus === 'reviewed')
        throw new ConflictError('REPORT_ALREADY_REVIEWED', 'This report has already been reviewed');
      Object.assign(report, {
        reviewStatus: input.status,
        reviewComment: input.comment ?? null,
        reviewedBy: actor.id,
        reviewedAt: this.clock.now(),
      });
      await manager.save(report);
      return reportView(report);
    });
  }

  /** The hospital's confirmation of a visit (its coordinator, or staff); 404 while there is none. */
  async hospitalConfirmation(actor: Actor, dispatchId: string): Promise<HospitalConfirmationView> {
    await this.hospitalScopedDispatch(this.dataSource.manager, actor, dispatchId);
    const confirmation = await this.dataSource.manager.findOneBy(HospitalConfirmation, { dispatchId });
    if (!confirmation) throw new NotFoundError('Hospital confirmation', 'CONFIRMATION_NOT_FOUND');
    return confirmationView(confirmation);
  }

  /**
   * The hospital (its coordinator, or staff) confirms the visit happened, with its times. A
   * dispatch still `confirmed` is completed with those times first (the workflow's own move).
   */
  async confirmByHospital(
    actor: Actor,
    dispatchId: string,
    input: HospitalConfirmationDto,
  ): Promise<HospitalConfirmationView> {
    return this.dataSource.transaction(async (manager) => {
      const dispatch = await this.lockVisit(manager, await this.hospitalScopedDispatch(manager, actor, dispatchId));
      this.assertVisitHappened(dispatch);
      const times = this.checkTimes(input.actualStart, input.actualEnd);
      if (await manager.exists(HospitalConfirmation, { where: { dispatchId } })) {
        throw Errors.confirmationExists();
      }
      if (dispatch.status === 'confirmed')
        await this.dispatches.completeIn(manager, actor, dispatchId, times.actualStart, times.actualEnd);
      const confirmation = manager.create(HospitalConfirmation, {
        dispatchId,
        ...times,
        rating: input.rating ?? null,
        comment: input.comment ?? null,
        confirmedBy: actor.id,
      });
      await manager.save(confirmation);
      await this.reconcileTimes(manager, dispatchId);
      return confirmationView(await manager.findOneByOrFail(HospitalConfirmation, { id: confirmation.id }));
    });
  }

  /**
   * Locks the visit (request, then dispatch: access/locks.ts) and answers the dispatch as it is
   * once locked. The report and the hospital's confirmation both take it, so whichever comes
   * second sees the first and the times are compared.
   */
  private async lockVisit(manager: EntityManager, found: Dispatch): Promise<Dispatch> {
    return (await lockVisit(manager, { requestId: found.requestId, dispatchId: found.id })).dispatch;
  }

  /** Flags both accounts of the visit when they differ by more than the margin (and clears the flag when they no longer do). */
  private async reconcileTimes(manager: EntityManager, dispatchId: string): Promise<void> {
    const report = await manager.findOne(ActivityReport, { where: { dispatchId } });
    const confirmation = await manager.findOne(HospitalConfirmation, { where: { dispatchId } });
    if (!report || !confirmation) return;
    const dispute = timesDisagree(report, confirmation, this.marginMinutes);
    await manager.update(ActivityReport, { id: report.id }, { timeDispute: dispute });
    await manager.update(HospitalConfirmation, { id: confirmation.id }, { timeDispute: dispute });
  }

  private assertVisitHappened(dispatch: Dispatch): void {
    if (visitHappened(dispatch, this.clock.now())) return;
    if (dispatch.status === 'confirmed')
      throw new ConflictError('VISIT_NOT_HAPPENED', 'The visit has not happened yet');
    throw new ConflictError('DISPATCH_NOT_REPORTABLE', `A ${dispatch.status} dispatch takes no report`);
  }

  /** The volunteer's own dispatch; anyone else's is 404. */
  private async ownDispatch(manager: EntityManager, actor: Actor, dispatchId: string): Promise<Dispatch> {
    const dispatch = await manager.findOne(Dispatch, { where: { id: dispatchId } });
    if (!dispatch) throw new NotFoundError('Dispatch');
    requireAccess(may.reportOn(actor, dispatch), 'Dispatch');
    return dispatch;
  }

  private async hospitalScopedDispatch(manager: EntityManager, actor: Actor, dispatchId: string): Promise<Dispatch> {
    const dispatch = await manager.findOne(Dispatch, { where: { id: dispatchId } });
    if (!dispatch) throw new NotFoundError('Dispatch');
    const request = await manager.findOneOrFail(InterpretationRequest, { where: { id: dispatch.requestId } });
    requireAccess(may.seeRequest(actor, request), 'Dispatch');
    return dispatch;
  }

  private checkTimes(start: string, end: string): { actualStart: Date; actualEnd: Date } {
    const actualStart = new Date(start);
    const actualEnd = new Date(end);
    checkActualTimes(actualStart, actualEnd, this.clock.now());
    return { actualStart, actualEnd };
  }
}
