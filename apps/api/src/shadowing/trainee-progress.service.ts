import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ConflictError,
  NotFoundError,
  promotionRuleMet,
  Volunteer,
  visitHappened,
  type ShadowVisitEntry,
  type TraineeProgressView,
} from '@app/domain';
import type { Level } from '@app/matching';
import { Clock } from '../common/clock';
import { Actor } from '../common/decorators/current-user.decorator';
import { may, requireAccess } from '../access/access';
import { AuditService } from '../audit/audit.service';
import { TRAINING_CONFIG, TrainingConfig } from '../training/training.config';
import { VolunteersService } from '../volunteers/volunteers.service';
import { practicumState } from '../dispatches/visit-details';
import { lockOne } from '../access/locks';

/** A trainee the promotion rule says is ready (the staff dashboard's list). */
export interface PromotionCandidate {
  volunteerId: string;
  displayName: string;
  reviewedShadowVisits: number;
}

/**
 * The path from trainee to interpreter: courses attended, shadow visits with their practicum
 * records, whether the promotion rule (configuration, TRAINING_CONFIG.promotion) is met, and the
 * level change staff record with a reason (level history and audit log).
 */
@Injectable()
export class TraineeProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TRAINING_CONFIG) private readonly config: TrainingConfig,
    private readonly clock: Clock,
    private readonly volunteers: VolunteersService,
    private readonly audit: AuditService,
  ) {}

  /** Staff, or the volunteer themself (others 404). */
  async progress(actor: Actor, volunteerId: string): Promise<TraineeProgressView> {
    requireAccess(may.seeVolunteer(actor, volunteerId), 'Volunteer');
    return this.load(this.dataSource.manager, volunteerId);
  }

  /** Active trainees who meet the promotion rule, most reviewed visits first. */
  async readyForPromotion(): Promise<PromotionCandidate[]> {
    const rows: { id: string; display_name: string; initial: boolean; reviewed: number }[] =
      await this.dataSource.query(
        `SELECT v.id, v.display_name,
                EXISTS (SELECT 1 FROM course_attendances a JOIN training_courses c ON c.id = a.course_id
                         WHERE a.volunteer_id = v.id AND a.status = 'attended' AND c.kind = 'initial') AS initial,
                (SELECT count(*) FROM dispatches d JOIN practicum_reports p ON p.dispatch_id = d.id
                  WHERE d.volunteer_id = v.id AND d.role = 'shadow' AND d.status IN ('confirmed', 'completed')
                    AND p.review_status = 'reviewed')::int AS reviewed
           FROM volunteers v WHERE v.level = 'trainee' AND v.status = 'active'
          ORDER BY reviewed DESC, v.name_kana, v.id`,
      );
    return rows
      .filter((r) =>
        promotionRuleMet(this.config.promotion, { initialCourseAttended: r.initial, reviewedShadowVisits: r.reviewed }),
      )
      .map((r) => ({ volunteerId: r.id, displayName: r.display_name, reviewedShadowVisits: r.reviewed }));
  }

  /** Staff record a level change with its reason: the level history, and the audit log with the rule's standing. */
  async changeLevel(actor: Actor, volunteerId: string, level: Level, reason: string): Promise<TraineeProgressView> {
    return this.dataSource.transaction(async (manager) => {
      const volunteer = await lockOne(manager, Volunteer, { id: volunteerId });
      if (!volunteer) throw new NotFoundError('Volunteer');
      const from = volunteer.level;
      if (from === level) throw new ConflictError('LEVEL_UNCHANGED', `The volunteer is ${level} already`);
      const before = await this.load(manager, volunteerId);
      await this.volunteers.applyUpdate(manager, actor.id, volunteer, { level }, reason);
      await this.audit.record(manager, {
        actor,
        action: 'volunteer.level',
        objectType: 'volunteer',
        objectId: volunteerId,
        details: { from, to: level, reason, promotionRuleMet: before.promotionRuleMet },
      });
      return this.load(manager, volunteerId);
    });
  }

  private async load(manager: EntityManager, volunteerId: string): Promise<TraineeProgressView> {
    const volunteer = await manager.findOne(Volunteer, { where: { id: volunteerId } });
    if (!volunteer) throw new NotFoundError('Volunteer');
    const courses: { id: string; title: string; kind: 'initial' | 'skill_up'; starts_at: Date }[] = await manager.query(
      `SELECT c.id, c.title, c.kind, c.starts_at FROM course_attendances a JOIN training_courses c ON c.id = a.course_id
        WHERE a.volunteer_id = $1 AND a.status = 'attended' ORDER BY c.starts_at, c.id`,
      [volunteerId],
    );
    const visits: {
      id: string;
      request_id: string;
      starts_at: Date;
      ends_at: Date;
      status: ShadowVisitEntry['status'];
      hospital_name: string;
      interpreter_name: string | null;
      review_status: 'pending' | 'reviewed' | 'follow_up' | null;
    }[] = await manager.query(
      `SELECT d.id, d.request_id, d.starts_at, d.ends_at, d.status, h.name AS hospital_name, p.review_status,
              (SELECT v.display_name FROM dispatches i JOIN volunteers v ON v.id = i.volunteer_id
                WHERE i.request_id = d.request_id AND i.role = 'primary' AND i.status IN ('confirmed', 'completed')
                LIMIT 1) AS interpreter_name
         FROM dispatches d JOIN requests r ON r.id = d.request_id JOIN hospitals h ON h.id = r.hospital_id
         LEFT JOIN practicum_reports p ON p.dispatch_id = d.id
        WHERE d.volunteer_id = $1 AND d.role = 'shadow' AND d.status IN ('confirmed', 'completed')
        ORDER BY d.starts_at, d.id`,
      [volunteerId],
    );
    const now = this.clock.now();
    const shadowVisits: ShadowVisitEntry[] = visits
      .filter((v) => visitHappened({ status: v.status, endsAt: v.ends_at }, now))
      .map((v) => ({
        dispatchId: v.id,
        requestId: v.request_id,
        startsAt: v.starts_at.toISOString(),
        status: v.status,
        hospitalName: v.hospital_name,
        interpreterName: v.interpreter_name,
        practicum: practicumState(
          { role: 'shadow', status: v.status, endsAt: v.ends_at },
          v.review_status ? { reviewStatus: v.review_status } : undefined,
          now,
        )!,
      }));
    const evidence = {
      initialCourseAttended: courses.some((c) => c.kind === 'initial'),
      // A follow-up is read but not yet settled: only a reviewed record counts.
      reviewedShadowVisits: visits.filter(
        (v) => v.review_status === 'reviewed' && visitHappened({ status: v.status, endsAt: v.ends_at }, now),
      ).length,
    };
    const rule = this.config.promotion;
    return {
      volunteerId,
      displayName: volunteer.displayName,
      level: volunteer.level,
      courses: courses.map((c) => ({
        courseId: c.id,
        title: c.title,
        kind: c.kind,
        startsAt: c.starts_at.toISOString(),
      })),
      shadowVisits,
      rule: {
        requireInitialCourse: rule.requireInitialCourse,
        initialCourseAttended: evidence.initialCourseAttended,
        reviewedShadowVisitsRequired: rule.reviewedShadowVisits,
        reviewedShadowVisits: evidence.reviewedShadowVisits,
      },
      promotionRuleMet: promotionRuleMet(rule, evidence),
    };
  }
}
