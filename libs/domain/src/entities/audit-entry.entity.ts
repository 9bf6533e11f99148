import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of the audit trail: who (user and role) did what to which object, when, from which
 * request and address. Append-only: the migration's trigger refuses UPDATE, DELETE and TRUNCATE.
 * Carries ids, never patient details.
 */
@Entity('audit_log')
@Index('ix_audit_log_at', ['at'])
@Index('ix_audit_log_object', ['objectType', 'objectId', 'at'])
@Index('ix_audit_log_actor', ['actorId', 'at'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** From the app clock. */
  @Column({ type: 'timestamptz' })
  at: Date;

  /** Null for the system (timers, retention). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  /** admin | staff | coordinator | volunteer | system | public. */
  @Column({ name: 'actor_role', type: 'varchar', length: 16 })
  actorRole: string;

  /** e.g. `patient.read`, `patient.erase`, `POST /api/dispatches/:id/cancel`. */
  @Column({ type: 'varchar', length: 120 })
  action: string;

  @Column({ name: 'object_type', type: 'varchar', length: 40, nullable: true })
  objectType: string | null;

  @Column({ name: 'object_id', type: 'varchar', length: 64, nullable: true })
  objectId: string | null;

  /** The HTTP request id (x-request-id), to join with the logs. */
  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  /** HTTP status of a state change, counts of a sweep: ids and numbers only. */
  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, string | number | boolean | null> | null;
}
