import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from './user.entity';

/**
 * A staff or admin user's TOTP (RFC 6238) second factor. The secret is kept encrypted
 * (AES-256-GCM, key derived from JWT_SECRET); `enabledAt` is null while enrolment waits for the
 * first code. `lastTimeStep` is the newest time step a code was accepted for: a code is good once.
 * `failedAttempts` counts wrong codes since the last good one; past a limit, `blockedUntil` holds
 * further tries back.
 */
@Entity('user_two_factors')
@Check('ck_user_two_factors_failed', `"failed_attempts" >= 0`)
export class UserTwoFactor {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_user_two_factors' })
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_two_factors_user' })
  user?: User;

  @Column({ name: 'secret_encrypted', type: 'varchar', length: 255 })
  secretEncrypted: string;

  @Column({ name: 'enabled_at', type: 'timestamptz', nullable: true })
  enabledAt: Date | null;

  @Column({ name: 'last_time_step', type: 'bigint', nullable: true })
  lastTimeStep: string | null;

  @Column({ name: 'failed_attempts', type: 'integer', default: 0 })
  failedAttempts: number;

  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One of the ten single-use recovery codes given at enrolment, kept as a SHA-256 hash. */
@Entity('user_recovery_codes')
export class UserRecoveryCode {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_user_recovery_codes' })
  id: string;

  @Index('ix_user_recovery_codes_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_recovery_codes_user' })
  user?: User;

  @Index('uq_user_recovery_codes_hash', { unique: true })
  @Column({ name: 'code_hash', type: 'char', length: 64 })
  codeHash: string;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
