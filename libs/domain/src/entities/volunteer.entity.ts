import { Check, Column, Entity, Index } from 'typeorm';
import type { Availability, Gender, LanguageSkill, Level, VolunteerStatus } from '@app/matching';
import { BaseEntity } from './base.entity';

/** A registered interpreter volunteer (医療通訳ボランティア). */
@Entity('volunteers')
@Check('ck_volunteers_email_lower', `"email" = lower("email")`)
@Check('ck_volunteers_gender', `"gender" IN ('female', 'male', 'other')`)
@Check('ck_volunteers_level', `"level" IN ('trainee', 'standard', 'advanced')`)
@Check('ck_volunteers_status', `"status" IN ('active', 'suspended', 'retired')`)
@Check('ck_volunteers_languages', `jsonb_typeof("languages") = 'array'`)
@Check(
  'ck_volunteers_availability',
  `jsonb_typeof("availability" -> 'weekly') = 'array' AND jsonb_typeof("availability" -> 'exceptions') = 'array'`,
)
@Check('ck_volunteers_max_dispatches', `"max_dispatches_per_month" BETWEEN 0 AND 62`)
/**
 * `languages @> '[{"code": …}]'` (the matching pool, the volunteer list's language filter):
 * GIN with jsonb_path_ops, which TypeORM cannot declare; migration 1797900000000 creates it.
 */
@Index('ix_volunteers_languages', { synchronize: false })
export class Volunteer extends BaseEntity {
  @Column({ name: 'display_name', type: 'varchar', length: 120 })
  displayName: string;

  @Column({ name: 'name_kana', type: 'varchar', length: 120 })
  nameKana: string;

  /** Stored lower-cased; the CSV import matches on it. */
  @Index('uq_volunteers_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 8 })
  gender: Gender;

  @Column({ name: 'home_area', type: 'varchar', length: 40 })
  homeArea: string;

  /** `[{code: ISO 639-1, proficiency}]`, validated by the API. */
  @Column({ type: 'jsonb' })
  languages: LanguageSkill[];

  @Column({ type: 'varchar', length: 16 })
  level: Level;

  @Column({ type: 'varchar', length: 16 })
  status: VolunteerStatus;

  @Column({ name: 'pledge_signed_at', type: 'timestamptz', nullable: true })
  pledgeSignedAt: Date | null;

  /** Last Tokyo calendar date (inclusive) the volunteer insurance covers. */
  @Column({ name: 'insurance_valid_until', type: 'date', nullable: true })
  insuranceValidUntil: string | null;

  @Column({ name: 'max_dispatches_per_month', type: 'integer' })
  maxDispatchesPerMonth: number;

  /** Weekly pattern and dated exceptions in Asia/Tokyo wall time (checked by validateAvailability). */
  @Column({ type: 'jsonb' })
  availability: Availability;

  /** When the programme registered the volunteer (from the app clock; start of the continuation window). */
  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  /**
   * End of the volunteer's latest dispatch. Nothing writes it until dispatches exist; the
   * dispatch feature keeps it current when a dispatch is completed.
   */
  @Column({ name: 'last_dispatch_at', type: 'timestamptz', nullable: true })
  lastDispatchAt: Date | null;

  /**
   * SHA-256 of the token in the volunteer's calendar subscription address. The token is derived
   * from the volunteer and `calendarFeedGeneration` under the signing key, so the address can be
   * shown again; renewing bumps the generation and the old address stops working.
   */
  @Index('uq_volunteers_calendar_feed_token', { unique: true })
  @Column({ name: 'calendar_feed_token_hash', type: 'char', length: 64, nullable: true })
  calendarFeedTokenHash: string | null;

  @Column({ name: 'calendar_feed_generation', type: 'integer', default: 0 })
  calendarFeedGeneration: number;
}
