import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from './base.entity';
import { User } from './user.entity';
import type { Locale, MailStatus } from '../model';

export interface MailAttachment {
  filename: string;
  contentType: string;
  /** base64 */
  content: string;
}

/**
 * The e-mail outbox. A row is written in the transaction of the change that caused the mail,
 * already rendered; a sender delivers it later with retries. `idempotency_key` makes enqueueing
 * idempotent and is the base of the RFC 5322 Message-ID, so a repeated delivery is the same message.
 */
@Entity('mail_messages')
@Check('ck_mail_messages_status', `"status" IN ('pending', 'sent', 'failed', 'obsolete', 'kept')`)
@Check('ck_mail_messages_locale', `"locale" IN ('ja', 'en')`)
@Index('ix_mail_messages_status_next', ['status', 'nextAttemptAt'])
@Index('ix_mail_messages_created', ['createdAt'])
export class MailMessage extends BaseEntity {
  @Index('uq_mail_messages_idempotency_key', { unique: true })
  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey: string;

  @Column({ name: 'to_address', type: 'varchar', length: 254 })
  toAddress: string;

  @Column({ type: 'varchar', length: 2 })
  locale: Locale;

  @Column({ type: 'varchar', length: 40 })
  template: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ name: 'text_body', type: 'text' })
  textBody: string;

  @Column({ name: 'html_body', type: 'text' })
  htmlBody: string;

  @Column({ type: 'jsonb', nullable: true })
  attachments: MailAttachment[] | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: MailStatus;

  /** Delivery attempts started (a claim counts, so a mail that crashes the sender is bounded too). */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** When the sender may next try: the retry time, or the end of a claim's lease. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /**
   * When the mail stops being useful (an offer's expiry, a visit's start…): a mail still pending
   * then becomes `obsolete` instead of being sent late. NULL: useful until delivered.
   */
  @Column({ name: 'useful_until', type: 'timestamptz', nullable: true })
  usefulUntil: Date | null;

  /** When the retention sweep erased the bodies and attachments of this (delivered or given up) mail. */
  @Column({ name: 'purged_at', type: 'timestamptz', nullable: true })
  purgedAt: Date | null;

  /** The SMTP error's kind and message, trimmed and with e-mail addresses masked. */
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'message_id', type: 'varchar', length: 300 })
  messageId: string;

  @Index('ix_mail_messages_user')
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_mail_messages_user' })
  user?: User;
}
