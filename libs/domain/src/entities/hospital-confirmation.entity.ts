import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from './base.entity';
import { Dispatch } from './dispatch.entity';

/** The hospital's word that a visit happened, with its times (and an optional rating). */
@Entity('hospital_confirmations')
@Check('ck_hospital_confirmations_times', `"actual_end" > "actual_start"`)
@Check('ck_hospital_confirmations_rating', `"rating" IS NULL OR "rating" BETWEEN 1 AND 5`)
export class HospitalConfirmation extends BaseEntity {
  @Index('uq_hospital_confirmations_dispatch', { unique: true })
  @Column({ name: 'dispatch_id', type: 'uuid' })
  dispatchId: string;

  @ManyToOne(() => Dispatch, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dispatch_id', foreignKeyConstraintName: 'fk_hospital_confirmations_dispatch' })
  dispatch?: Dispatch;

  @Column({ name: 'actual_start', type: 'timestamptz' })
  actualStart: Date;

  @Column({ name: 'actual_end', type: 'timestamptz' })
  actualEnd: Date;

  @Column({ type: 'smallint', nullable: true })
  rating: number | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  comment: string | null;

  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true })
  confirmedBy: string | null;

  /** Same flag as on the report, kept here too for dispatches whose report is still missing. */
  @Column({ name: 'time_dispute', type: 'boolean', default: false })
  timeDispute: boolean;
}
