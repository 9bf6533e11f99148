import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Department, InterpreterGender, Level, Mode, VisitType } from '@app/matching';
import { BaseEntity } from './base.entity';
import { Hospital } from './hospital.entity';
import type { EscalationReason, RequestStatus } from '../model';

/**
 * A hospital's request for an interpreter (依頼). Patient details live apart, in
 * {@link RequestPatient}, so they can be scoped, audited and purged on their own.
 */
@Entity('requests')
@Check('ck_requests_time_order', `"ends_at" > "starts_at"`)
@Check('ck_requests_language', `"language" ~ '^[a-z]{2}$'`)
@Check('ck_requests_mode', `"mode" IN ('onsite', 'phone', 'video')`)
@Check('ck_requests_interpreter_gender', `"interpreter_gender" IN ('any', 'female', 'male')`)
@Check('ck_requests_required_level', `"required_level" IN ('standard', 'advanced')`)
@Check('ck_requests_status', `"status" IN ('open', 'offered', 'confirmed', 'completed', 'escalated', 'cancelled')`)
@Index('ix_requests_status_starts_at', ['status', 'startsAt'])
export class InterpretationRequest extends BaseEntity {
  @Index('ix_requests_hospital')
  @Column({ name: 'hospital_id', type: 'uuid' })
  hospitalId: string;

  @ManyToOne(() => Hospital, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hospital_id', foreignKeyConstraintName: 'fk_requests_hospital' })
  hospital?: Hospital;

  /** ISO 639-1 code of the patient's language. */
  @Column({ type: 'varchar', length: 2 })
  language: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 32 })
  department: Department;

  @Column({ name: 'visit_type', type: 'varchar', length: 32 })
  visitType: VisitType;

  @Column({ type: 'varchar', length: 8, default: 'onsite' })
  mode: Mode;

  @Column({ name: 'interpreter_gender', type: 'varchar', length: 8, default: 'any' })
  interpreterGender: InterpreterGender;

  /** Derived from department and visit type when filed (matching configuration). */
  @Column({ name: 'required_level', type: 'varchar', length: 16 })
  requiredLevel: Level;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: RequestStatus;

  /**
   * A hospital-scoped pseudonymous key for the patient, used only for continuity (the same
   * interpreter as last time) and for patient bans; never a name.
   */
  @Column({ name: 'patient_key', type: 'varchar', length: 64, nullable: true })
  patientKey: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** For the confirmed interpreter: meeting point, floor, what to bring. Never patient details. */
  @Column({ name: 'notes_for_interpreter', type: 'text', nullable: true })
  notesForInterpreter: string | null;

  /** Phone and video visits: the number to call or the video link, for the confirmed interpreter only. */
  @Column({ name: 'remote_details', type: 'text', nullable: true })
  remoteDetails: string | null;

  /** Filed with less than the policy's lead time: offered to everyone eligible at once. */
  @Column({ type: 'boolean', default: false })
  urgent: boolean;

  /** Why staff must act: no_eligible | no_answer | all_declined | reconfirmation_missed. */
  @Column({ name: 'escalation_reason', type: 'varchar', length: 32, nullable: true })
  escalationReason: EscalationReason | null;

  /** Staff hold the request back from automatic offers. */
  @Column({ name: 'on_hold', type: 'boolean', default: false })
  onHold: boolean;

  /** Waves sent so far. */
  @Column({ name: 'wave_count', type: 'integer', default: 0 })
  waveCount: number;

  /**
   * When a change that matters to matching last started the offers again: answers to earlier
   * offers were for other terms (a volunteer busy on Tuesday may be free on Wednesday) and count
   * for nothing — nobody is skipped, re-offered or escalated because of them.
   */
  @Column({ name: 'terms_changed_at', type: 'timestamptz', nullable: true })
  termsChangedAt: Date | null;

  /**
   * The hospital (and the patient) agree that a trainee may shadow the interpreter (研修生の同席可).
   * No shadow seat without it; withdrawing it cancels a shadow dispatch.
   */
  @Column({ name: 'trainee_welcome', type: 'boolean', default: false })
  traineeWelcome: boolean;

  /**
   * The hospital moved the confirmed visit inside the late-cancellation window of the start it had
   * then: cancelling it afterwards is late whatever its new time (the move does not reset the window).
   */
  @Column({ name: 'moved_late', type: 'boolean', default: false })
  movedLate: boolean;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;
}
