import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { RequestRole } from '@app/matching';
import { BaseEntity } from './base.entity';
import { InterpretationRequest } from './interpretation-request.entity';
import { Volunteer } from './volunteer.entity';
import type { OfferStatus } from '../model';

/**
 * An offer of a request to one volunteer. The database holds the first-accept-wins rule: at most
 * one accepted offer per request and role (`uq_offers_one_accepted_per_request`); once the
 * dispatch it made is cancelled or handed on, the offer is `released` and the request can be
 * accepted again.
 */
@Entity('offers')
@Check('ck_offers_status', `"status" IN ('pending', 'accepted', 'declined', 'expired', 'withdrawn', 'released')`)
@Check('ck_offers_role', `"role" IN ('primary', 'shadow')`)
@Index('uq_offers_one_accepted_per_request', ['requestId', 'role'], { unique: true, where: `"status" = 'accepted'` })
@Index('uq_offers_one_pending_per_volunteer', ['requestId', 'volunteerId'], {
  unique: true,
  where: `"status" = 'pending'`,
})
/** With created_at: a volunteer's response rate over 180 days is read from the index alone. */
@Index('ix_offers_volunteer_status', ['volunteerId', 'status', 'createdAt'])
export class Offer extends BaseEntity {
  @Index('ix_offers_request')
  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @ManyToOne(() => InterpretationRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'fk_offers_request' })
  request?: InterpretationRequest;

  @Column({ name: 'volunteer_id', type: 'uuid' })
  volunteerId: string;

  @ManyToOne(() => Volunteer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'volunteer_id', foreignKeyConstraintName: 'fk_offers_volunteer' })
  volunteer?: Volunteer;

  @Column({ type: 'varchar', length: 8, default: 'primary' })
  role: RequestRole;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status: OfferStatus;

  /** 1 for the first wave; 0 for offers sent by hand. */
  @Column({ type: 'integer', default: 0 })
  wave: number;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ name: 'decline_reason', type: 'varchar', length: 500, nullable: true })
  declineReason: string | null;

  /** SHA-256 of the e-mail link token; the link is single-use. */
  @Index('uq_offers_link_token', { unique: true })
  @Column({ name: 'link_token_hash', type: 'char', length: 64, nullable: true })
  linkTokenHash: string | null;
}
