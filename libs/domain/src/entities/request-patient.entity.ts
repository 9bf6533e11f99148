import { Check, Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { InterpretationRequest } from './interpretation-request.entity';
import type { AgeBand, PatientGender } from '../model';

/**
 * The minimal patient details of a request: special-care personal information. Kept apart from
 * the request so that reads can be scoped and audited and the row purged after retention.
 */
@Entity('request_patients')
@Check('ck_request_patients_gender', `"gender" IN ('female', 'male', 'other')`)
@Check('ck_request_patients_age_band', `"age_band" IN ('infant', 'child', 'adult', 'senior')`)
export class RequestPatient {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @OneToOne(() => InterpretationRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'fk_request_patients_request' })
  request?: InterpretationRequest;

  @Column({ name: 'display_name', type: 'varchar', length: 120 })
  displayName: string;

  @Column({ type: 'varchar', length: 8 })
  gender: PatientGender;

  @Column({ name: 'age_band', type: 'varchar', length: 8 })
  ageBand: AgeBand;

  @Column({ type: 'varchar', length: 80, nullable: true })
  nationality: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
