import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from './base.entity';
import { Hospital } from './hospital.entity';
import { Volunteer } from './volunteer.entity';
import type { Locale, Role } from '../model';

@Entity('users')
@Check('ck_users_email_lower', `"email" = lower("email")`)
@Check('ck_users_role', `"role" IN ('admin', 'staff', 'coordinator', 'volunteer')`)
@Check('ck_users_locale', `"locale" IN ('ja', 'en')`)
export class User extends BaseEntity {
  /** Stored lower-cased (a CHECK holds it), so the unique index is case-insensitive. */
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ name: 'display_name', type: 'varchar', length: 120 })
  displayName: string;

  @Column({ type: 'varchar', length: 2, default: 'ja' })
  locale: Locale;

  /** A coordinator's direct line: the confirmed interpreter calls it when late or lost. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Index('ix_users_hospital')
  @Column({ name: 'hospital_id', type: 'uuid', nullable: true })
  hospitalId: string | null;

  @ManyToOne(() => Hospital, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hospital_id', foreignKeyConstraintName: 'fk_users_hospital' })
  hospital?: Hospital;

  /** At most one account per volunteer record. */
  @Index('uq_users_volunteer', { unique: true, where: `"volunteer_id" IS NOT NULL` })
  @Column({ name: 'volunteer_id', type: 'uuid', nullable: true })
  volunteerId: string | null;

  @ManyToOne(() => Volunteer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'volunteer_id', foreignKeyConstraintName: 'fk_users_volunteer' })
  volunteer?: Volunteer;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Bumped to end every session of the user at once (deactivation, role change). */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion: number;
}
