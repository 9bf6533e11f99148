import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from './base.entity';
import { Dispatch } from './dispatch.entity';
import { Volunteer } from './volunteer.entity';
import type { ReviewStatus } from '../model';

/**
 * A trainee's practicum record (実習記録) on one shadow dispatch: what they observed and what
 * they would study, the interpreter's few lines of feedback on them, and staff's review. Never
 * holds patient details. Reviewed records count towards promotion (libs/domain promotion rule).
 */
@Entity('practicum_reports')
@Check('ck_practicum_reports_review_status', `"review_status" IN ('pending', 'reviewed', 'follow_up')`)
@Check('ck_practicum_reports_transport', `"transport_cost_yen" >= 0`)
@Index('ix_practicum_reports_review_queue', ['reviewStatus', 'submittedAt'])
export class PracticumReport extends BaseEntity {
  @Index('uq_practicum_reports_dispatch', { unique: true })
  @Column({ name: 'dispatch_id', type: 'uuid' })
  dispatchId: string;

  @ManyToOne(() => Dispatch, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dispatch_id', foreignKeyConstraintName: 'fk_practicum_reports_dispatch' })
  dispatch?: Dispatch;

  /** The trainee. */
  @Index('ix_practicum_reports_volunteer')
  @Column({ name: 'volunteer_id', type: 'uuid' })
  volunteerId: string;

  @ManyToOne(() => Volunteer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'volunteer_id', foreignKeyConstraintName: 'fk_practicum_reports_volunteer' })
  volunteer?: Volunteer;

  @Column({ type: 'text' })
  observed: string;

  @Column({ name: 'would_study', type: 'text' })
  wouldStudy: string;

  /** The trainee's transport; paid only when the fee rule says the programme pays a trainee's transport. */
  @Column({ name: 'transport_cost_yen', type: 'integer', default: 0 })
  transportCostYen: number;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  /** The interpreter's feedback on the trainee. */
  @Column({ name: 'interpreter_feedback', type: 'text', nullable: true })
  interpreterFeedback: string | null;

  /** The interpreter (volunteer) who wrote the feedback. */
  @Column({ name: 'feedback_by', type: 'uuid', nullable: true })
  feedbackBy: string | null;

  @Column({ name: 'feedback_at', type: 'timestamptz', nullable: true })
  feedbackAt: Date | null;

  @Column({ name: 'review_status', type: 'varchar', length: 12, default: 'pending' })
  reviewStatus: ReviewStatus;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'review_comment', type: 'varchar', length: 2000, nullable: true })
  reviewComment: string | null;
}
