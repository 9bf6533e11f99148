import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Level } from '@app/matching';
import { User } from './user.entity';
import { Volunteer } from './volunteer.entity';

/** Who changed a volunteer's training level, when and why (append-only). */
@Entity('volunteer_level_changes')
@Check('ck_volunteer_level_changes_to', `"to_level" IN ('trainee', 'standard', 'advanced')`)
export class VolunteerLevelChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_volunteer_level_changes_volunteer')
  @Column({ name: 'volunteer_id', type: 'uuid' })
  volunteerId: string;

  @ManyToOne(() => Volunteer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'volunteer_id', foreignKeyConstraintName: 'fk_volunteer_level_changes_volunteer' })
  volunteer?: Volunteer;

  @Column({ name: 'from_level', type: 'varchar', length: 16 })
  fromLevel: Level;

  @Column({ name: 'to_level', type: 'varchar', length: 16 })
  toLevel: Level;

  @Column({ name: 'changed_by', type: 'uuid', nullable: true })
  changedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'changed_by', foreignKeyConstraintName: 'fk_volunteer_level_changes_changed_by' })
  changer?: User;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}
