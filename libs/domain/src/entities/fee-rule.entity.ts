import { Check, Column, Entity, Index } from 'typeorm';
import { BaseEntity } from './base.entity';
import type { TransportMode } from '../model';

/**
 * The fees and honoraria valid from a Tokyo calendar date until the next rule's. A visit is priced
 * by the rule valid on its date, so a new rule never changes past months. Amounts are yen, tax
 * included. The migration seeds the programme's default rule.
 */
@Entity('fee_rules')
@Check(
  'ck_fee_rules_amounts',
  `"hospital_base_yen" >= 0 AND "hospital_extra_hour_yen" >= 0 AND "late_cancellation_yen" >= 0 AND "patient_no_show_yen" >= 0 AND "volunteer_flat_yen" >= 0`,
)
@Check('ck_fee_rules_base_minutes', `"base_minutes" > 0`)
@Check('ck_fee_rules_transport_mode', `"volunteer_transport" IN ('included', 'actual')`)
export class FeeRule extends BaseEntity {
  @Index('uq_fee_rules_valid_from', { unique: true })
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  /** Hospital fee for a visit up to `baseMinutes`. */
  @Column({ name: 'hospital_base_yen', type: 'integer' })
  hospitalBaseYen: number;

  @Column({ name: 'base_minutes', type: 'integer' })
  baseMinutes: number;

  /** Per started hour beyond `baseMinutes`. */
  @Column({ name: 'hospital_extra_hour_yen', type: 'integer' })
  hospitalExtraHourYen: number;

  @Column({ name: 'late_cancellation_yen', type: 'integer' })
  lateCancellationYen: number;

  @Column({ name: 'patient_no_show_yen', type: 'integer' })
  patientNoShowYen: number;

  @Column({ name: 'volunteer_flat_yen', type: 'integer' })
  volunteerFlatYen: number;

  /** `included`: the flat honorarium covers transport; `actual`: flat plus the reported transport cost. */
  @Column({ name: 'volunteer_transport', type: 'varchar', length: 12 })
  volunteerTransport: TransportMode;

  /** The programme pays a shadowing trainee's transport (their statement shows it; the hospital pays nothing for a shadow). */
  @Column({ name: 'trainee_transport_paid', type: 'boolean', default: false })
  traineeTransportPaid: boolean;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;
}
