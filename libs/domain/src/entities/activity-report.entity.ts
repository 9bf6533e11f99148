import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from './base.entity';
import { Dispatch } from './dispatch.entity';
import { Volunteer } from './volunteer.entity';
import type { ReportScene, ReviewStatus } from '../model';

/**
 * The volunteer's activity report (活動報告書) on one dispatch: what happened, for staff review,
 * fees and figures. Never holds patient details. Editable by its volunteer until staff review it.
 */
@Entity('activity_reports')
@Check('ck_activity_reports_times', `"actual_end" > "actual_start"`)
@Check('ck_activity_reports_difficulty', `"difficulty" BETWEEN 1 AND 5`)
@Check('ck_activity_reports_waiting', `"waiting_minutes" >= 0`)
@Check('ck_activity_reports_transport', `"transport_cost_yen" >= 0`)
@Check('ck_activity_reports_review_status', `"review_status" IN ('pending', 'reviewed', 'follow_up')`)
@Index('ix_activity_reports_review_queue', ['reviewStatus', 'submittedAt'])
export class ActivityReport extends BaseEntity {
  @Index('uq_activity_reports_dispatch', { unique: true })
  @Column({ name: 'dispatch_id', type: 'uuid' })
  dispatchId: string;

  @ManyToOne(() => Dispatch, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dispatch_id', foreignKeyConstraintName: 'fk_activity_reports_dispatch' })
  dispatch?: Dispatch;

  @Index('ix_activity_reports_volunteer')
  @Column({ name: 'volunteer_id', type: 'uuid' })
  volunteerId: string;

  @ManyToOne(() => Volunteer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'volunteer_id', foreignKeyConstraintName: 'fk_activity_reports_volunteer' })
  volunteer?: Volunteer;

  @Column({ name: 'actual_start', type: 'timestamptz' })
  actualStart: Date;

  @Column({ name: 'actual_end', type: 'timestamptz' })
  actualEnd: Date;

  @Column({ name: 'waiting_minutes', type: 'integer' })
  waitingMinutes: number;

  @Column({ type: 'jsonb' })
  scenes: ReportScene[];

  @Column({ type: 'smallint' })
  difficulty: number;

  @Column({ name: 'transport_cost_yen', type: 'integer' })
  transportCostYen: number;

  @Column({ type: 'text', nullable: true })
  issues: string | null;

  @Column({ name: 'terms_to_study', type: 'text', nullable: true })
  termsToStudy: string | null;

  /** "I would like to talk to staff". */
  @Column({ name: 'wellbeing_concern', type: 'boolean', default: false })
  wellbeingConcern: boolean;

  /** Volunteer and hospital disagree on the visit's times by more than the margin. */
  @Column({ name: 'time_dispute', type: 'boolean', default: false })
  timeDispute: boolean;

  /** When the volunteer first filed it (app clock). */
  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'review_status', type: 'varchar', length: 12, default: 'pending' })
  reviewStatus: ReviewStatus;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'review_comment', type: 'varchar', length: 2000, nullable: true })
  reviewComment: string | null;
}
