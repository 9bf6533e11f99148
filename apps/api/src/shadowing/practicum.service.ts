import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  ConflictError,
  Dispatch,
  Errors,
  knownConstraintError,
  NotFoundError,
  PracticumReport,
  visitHappened,
  type PracticumView,
} from '@app/domain';
import { Clock } from '../common/clock';
import { Actor } from '../common/decorators/current-user.decorator';
import { Page } from '../common/pagination.dto';
import { isStaff, may, requireAccess } from '../access/access';
import { lockOne, lockVisit } from '../access/locks';
import { ReviewDto } from '../reports/dto/report.dto';
import { PracticumDto, PracticumFeedbackDto, PracticumListQueryDto } from './dto/shadowing.dto';

/**
 * The practicum record of a shadow visit (実習記録): the trainee files it once the visit happened,
 * the interpreter of that visit may add a few lines of feedback, staff review both. Reviewed
 * records count towards the trainee's promotion (TraineeProgressService).
 */
@Injectable()
export class PracticumService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The trainee files the record of their own shadow visit, once it happened. */
  async file(actor: Actor, dispatchId: string, input: PracticumDto): Promise<PracticumView> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.shadowDispatch(manager, dispatchId);
      requireAccess(may.reportOn(actor, found), 'Dispatch');
      const { dispatch } = await lockVisit(manager, { requestId: found.requestId, dispatchId });
      if (dispatch.status !== 'confirmed' && dispatch.status !== 'completed')
        throw new ConflictError(
          'DISPATCH_NOT_REPORTABLE',
          `A ${dispatch.status} shadow visit takes no practicum record`,
        );
      if (!visitHappened(dispatch, this.clock.now()))
        throw new ConflictError('VISIT_NOT_HAPPENED', 'The visit has not happened yet');
      if (await manager.exists(PracticumReport, { where: { dispatchId } })) throw Errors.practicumExists();
      const report = manager.create(PracticumReport, {
        dispatchId,
        volunteerId: dispatch.volunteerId,
        observed: input.observed,
        wouldStudy: input.wouldStudy,
        transportCostYen: input.transportCostYen ?? 0,
        submittedAt: this.clock.now(),
        reviewStatus: 'pending',
      });
      try {
        await manager.save(report);
      } catch (error) {
        throw knownConstraintError(error) ?? error;
      }
      return (await this.views(manager, [report]))[0];
    });
  }

  /** The interpreter of the visit adds their feedback on the trainee, until staff have reviewed the record. */
  async feedback(actor: Actor, dispatchId: string, input: PracticumFeedbackDto): Promise<PracticumView> {
    return this.dataSource.transaction(async (manager) => {
      const shadow = await this.shadowDispatch(manager, dispatchId);
      requireAccess(await this.isInterpreterOf(manager, actor, shadow), 'Dispatch');
      const report = await lockOne(manager, PracticumReport, { dispatchId });
      if (!report) throw new ConflictError('PRACTICUM_NOT_FILED', 'The trainee has not filed the practicum record yet');
      if (report.reviewStatus === 'reviewed')
        throw new ConflictError('PRACTICUM_ALREADY_REVIEWED', 'Staff have already reviewed this practicum record');
      Object.assign(report, {
        interpreterFeedback: input.feedback,
        feedbackBy: actor.volunteerId,
        feedbackAt: this.clock.now(),
      });
      await manager.save(report);
      return (await this.views(manager, [report]))[0];
    });
  }

  /** The record of a shadow visit: its trainee, the visit's interpreter and staff (others 404). */
  async forDispatch(actor: Actor, dispatchId: string): Promise<PracticumView> {
    const manager = this.dataSource.manager;
    const shadow = await this.shadowDispatch(manager, dispatchId);
    requireAccess(
      isStaff(actor) || may.actAsDispatched(actor, shadow) || (await this.isInterpreterOf(manager, actor, shadow)),
      'Dispatch',
    );
    const report = await manager.findOne(PracticumReport, { where: { dispatchId } });
    if (!report) throw new NotFoundError('Practicum record');
    return (await this.views(manager, [report]))[0];
  }

  /** Staff's review queue of practicum records, oldest first. */
  async list(query: PracticumListQueryDto): Promise<Page<PracticumView>> {
    const qb = this.dataSource.getRepository(PracticumReport).createQueryBuilder('p');
    if (query.reviewStatus) qb.andWhere('p.review_status = :status', { status: query.reviewStatus });
    const [rows, total] = await qb
      .orderBy('p.submitted_at', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .skip(query.skip)
      .take(query.perPage)
      .getManyAndCount();
    return { data: await this.views(this.dataSource.manager, rows), total };
  }

  async get(id: string): Promise<PracticumView> {
    const report = await this.dataSource.manager.findOne(PracticumReport, { where: { id } });
    if (!report) throw new NotFoundError('Practicum record');
    return (await this.views(this.dataSource.manager, [report]))[0];
  }

  /** Staff review: `reviewed` counts towards promotion; `follow_up` keeps it open for staff. */
  async review(actor: Actor, id: string, input: ReviewDto): Promise<PracticumView> {
    return this.dataSource.transaction(async (manager) => {
      const report = await lockOne(manager, PracticumReport, { id });
      if (!report) throw new NotFoundError('Practicum record');
      if (report.reviewStatus === 'reviewed')
        throw new ConflictError('PRACTICUM_ALREADY_REVIEWED', 'This practicum record has already been reviewed');
      Object.assign(report, {
        reviewStatus: input.status,
        reviewComment: input.comment ?? null,
        reviewedBy: actor.id,
        reviewedAt: this.clock.now(),
      });
      await manager.save(report);
      return (await this.views(manager, [report]))[0];
    });
  }

  private async shadowDispatch(manager: EntityManager, dispatchId: string): Promise<Dispatch> {
    const dispatch = await manager.findOne(Dispatch, { where: { id: dispatchId } });
    if (!dispatch || dispatch.role !== 'shadow') throw new NotFoundError('Shadow dispatch');
    return dispatch;
  }

  /** Whether the actor is the volunteer who interpreted (or interprets) the visit the trainee shadows. */
  private async isInterpreterOf(manager: EntityManager, actor: Actor, shadow: Dispatch): Promise<boolean> {
    if (actor.role !== 'volunteer' || !actor.volunteerId) return false;
    return manager.exists(Dispatch, {
      where: {
        requestId: shadow.requestId,
        role: 'primary',
        volunteerId: actor.volunteerId,
        status: In(['confirmed', 'completed']),
      },
    });
  }

  private async views(manager: EntityManager, reports: PracticumReport[]): Promise<PracticumView[]> {
    if (reports.length === 0) return [];
    const rows: {
      dispatch_id: string;
      request_id: string;
      starts_at: Date;
      trainee_name: string;
      interpreter_name: string | null;
    }[] = await manager.query(
      `SELECT d.id AS dispatch_id, d.request_id, d.starts_at, t.display_name AS trainee_name,
              (SELECT v.display_name FROM dispatches p JOIN volunteers v ON v.id = p.volunteer_id
                WHERE p.request_id = d.request_id AND p.role = 'primary' AND p.status IN ('confirmed', 'completed')
                LIMIT 1) AS interpreter_name
         FROM dispatches d JOIN volunteers t ON t.id = d.volunteer_id
        WHERE d.id = ANY($1::uuid[])`,
      [reports.map((r) => r.dispatchId)],
    );
    const byDispatch = new Map(rows.map((r) => [r.dispatch_id, r]));
    return reports.map((r) => {
      const d = byDispatch.get(r.dispatchId)!;
      return {
        id: r.id,
        dispatchId: r.dispatchId,
        requestId: d.request_id,
        volunteerId: r.volunteerId,
        traineeName: d.trainee_name,
        interpreterName: d.interpreter_name,
        startsAt: d.starts_at.toISOString(),
        observed: r.observed,
        wouldStudy: r.wouldStudy,
        transportCostYen: r.transportCostYen,
        submittedAt: r.submittedAt.toISOString(),
        interpreterFeedback: r.interpreterFeedback,
        feedbackAt: r.feedbackAt?.toISOString() ?? null,
        reviewStatus: r.reviewStatus,
        reviewedAt: r.reviewedAt?.toISOString() ?? null,
        reviewComment: r.reviewComment,
      };
    });
  }
}
