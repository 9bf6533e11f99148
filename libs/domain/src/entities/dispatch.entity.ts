import { Check, Column, Entity, Exclusion, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { RequestRole } from '@app/matching';
import { BaseEntity } from './base.entity';
import { InterpretationRequest } from './interpretation-request.entity';
import { Volunteer } from './volunteer.entity';
import type { CancellingParty, DispatchStatus, NoShowParty } from '../model';

/**
 * A confirmed assignment of a volunteer to a request (派遣). The database refuses a second live
 * dispatch for the same request and role, and two confirmed dispatches of one volunteer whose
 * busy spans (the visit widened by a minimum travel buffer) overlap: `ex_dispatch_no_overlap`
 * (btree_gist, created by the migration).
 */
@Entity('dispatches')
@Exclusion(
  'ex_dispatch_no_overlap',
  `USING gist ("volunteer_id" WITH =, tstzrange("busy_from", "busy_until", '[)') WITH &&) WHERE ("status" = 'confirmed')`,
)
@Check('ck_dispatches_status', `"status" IN ('confirmed', 'completed', 'cancelled', 'no_show')`)
@Check('ck_dispatches_role', `"role" IN ('primary', 'shadow')`)
@Check('ck_dispatches_cancelled_by', `"cancelled_by" IN ('hospital', 'interpreter')`)
@Check('ck_dispatches_busy', `"busy_from" <= "starts_at" AND "busy_until" >= "ends_at" AND "ends_at" > "starts_at"`)
@Index('uq_dispatches_one_live_per_request', ['requestId', 'role'], {
  unique: true,
  where: `"status" IN ('confirmed', 'completed')`,
})
@Index('ix_dispatches_volunteer_starts', ['volunteerId', 'startsAt'])
export class Dispatch extends BaseEntity {
  @Index('ix_dispatches_request')
  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @ManyToOne(() => InterpretationRequest, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'fk_dispatches_request' })
  request?: InterpretationRequest;

  @Column({ name: 'volunteer_id', type: 'uuid' })
  volunteerId: string;

  @ManyToOne(() => Volunteer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'volunteer_id', foreignKeyConstraintName: 'fk_dispatches_volunteer' })
  volunteer?: Volunteer;

  @Column({ name: 'offer_id', type: 'uuid', nullable: true })
  offerId: string | null;

  @Column({ type: 'varchar', length: 8, default: 'primary' })
  role: RequestRole;

  @Column({ type: 'varchar', length: 12, default: 'confirmed' })
  status: DispatchStatus;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  /** The visit widened by the minimum travel buffer; what the exclusion constraint compares. */
  @Column({ name: 'busy_from', type: 'timestamptz' })
  busyFrom: Date;

  @Column({ name: 'busy_until', type: 'timestamptz' })
  busyUntil: Date;

  /** The hospital's area at confirmation, for travel between this and the next dispatch. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  area: string | null;

  /** Set when staff assigned directly, bypassing a rule. */
  @Column({ name: 'override_reason', type: 'varchar', length: 500, nullable: true })
  overrideReason: string | null;

  @Column({ name: 'actual_start', type: 'timestamptz', nullable: true })
  actualStart: Date | null;

  @Column({ name: 'actual_end', type: 'timestamptz', nullable: true })
  actualEnd: Date | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true })
  cancelReason: string | null;

  @Column({ name: 'late_cancellation', type: 'boolean', default: false })
  lateCancellation: boolean;

  /**
   * Whose side gave the visit up: the hospital (it pays a late cancellation) or the interpreter
   * (a dropout: the request looks for someone else, the hospital pays nothing). Null while live,
   * and for a dispatch handed on in a swap.
   */
  @Column({ name: 'cancelled_by', type: 'varchar', length: 12, nullable: true })
  cancelledBy: CancellingParty | null;

  @Column({ name: 'no_show_party', type: 'varchar', length: 12, nullable: true })
  noShowParty: NoShowParty | null;

  /** SHA-256 of the reconfirmation link token sent before the visit. */
  @Index('uq_dispatches_reconfirm_token', { unique: true })
  @Column({ name: 'reconfirm_token_hash', type: 'char', length: 64, nullable: true })
  reconfirmTokenHash: string | null;

  /** SHA-256 of the token of the confirmation mail's calendar link (made when the mail leaves). */
  @Index('uq_dispatches_calendar_token', { unique: true })
  @Column({ name: 'calendar_token_hash', type: 'char', length: 64, nullable: true })
  calendarTokenHash: string | null;

  @Column({ name: 'reconfirmed_at', type: 'timestamptz', nullable: true })
  reconfirmedAt: Date | null;

  /**
   * The start the visit had before the hospital last moved it (null: never moved). While the
   * interpreter has not reconfirmed since, their "I can't go" is the move's doing, not theirs.
   */
  @Column({ name: 'rescheduled_from', type: 'timestamptz', nullable: true })
  rescheduledFrom: Date | null;

  /** No reconfirmation came by the deadline; staff were alerted. */
  @Column({ name: 'reconfirmation_missed', type: 'boolean', default: false })
  reconfirmationMissed: boolean;
}
