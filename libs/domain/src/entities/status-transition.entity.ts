import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every workflow transition: which object, from which state to which, by whom and why. The
 * migration makes the table append-only (a trigger refuses UPDATE and DELETE).
 */
@Entity('status_transitions')
@Index('ix_status_transitions_subject', ['subjectType', 'subjectId', 'at'])
export class StatusTransition {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 12 })
  subjectType: 'request' | 'offer' | 'dispatch';

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ name: 'from_status', type: 'varchar', length: 12, nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 12 })
  toStatus: string;

  @Column({ type: 'varchar', length: 24 })
  event: string;

  /** The user who caused it; null for the system (timers). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  /** From the app clock, so timers driven by a test clock record the time they ran at. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
