import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from './base.entity';
import { Hospital } from './hospital.entity';
import { User } from './user.entity';
import { Volunteer } from './volunteer.entity';

/** A hospital or a patient that asked not to have this volunteer again (staff only). */
@Entity('volunteer_bans')
@Check('ck_volunteer_bans_one_target', `("hospital_id" IS NULL) <> ("patient_key" IS NULL)`)
@Index('uq_volunteer_bans_hospital', ['volunteerId', 'hospitalId'], {
  unique: true,
  where: `"hospital_id" IS NOT NULL`,
})
@Index('uq_volunteer_bans_patient', ['volunteerId', 'patientKey'], { unique: true, where: `"patient_key" IS NOT NULL` })
export class VolunteerBan extends BaseEntity {
  @Column({ name: 'volunteer_id', type: 'uuid' })
  volunteerId: string;

  @ManyToOne(() => Volunteer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'volunteer_id', foreignKeyConstraintName: 'fk_volunteer_bans_volunteer' })
  volunteer?: Volunteer;

  @Column({ name: 'hospital_id', type: 'uuid', nullable: true })
  hospitalId: string | null;

  @ManyToOne(() => Hospital, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'hospital_id', foreignKeyConstraintName: 'fk_volunteer_bans_hospital' })
  hospital?: Hospital;

  /** Pseudonymous patient key (never the name). */
  @Column({ name: 'patient_key', type: 'varchar', length: 100, nullable: true })
  patientKey: string | null;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_volunteer_bans_created_by' })
  creator?: User;
}
