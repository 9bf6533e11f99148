import { Check, Column, Entity, Index } from 'typeorm';
import { BaseEntity } from './base.entity';
import type { CourseKind } from '../model';

const hours = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A training course session run by the programme. */
@Entity('training_courses')
@Check('ck_training_courses_kind', `"kind" IN ('initial', 'skill_up')`)
@Check('ck_training_courses_times', `"ends_at" > "starts_at"`)
@Check('ck_training_courses_capacity', `"capacity" > 0`)
@Check('ck_training_courses_hours', `"hours" > 0`)
export class TrainingCourse extends BaseEntity {
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  kind: CourseKind;

  @Index('ix_training_courses_starts_at')
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 200, default: '' })
  venue: string;

  /** Most volunteers registered or attended at once; enforced under a lock on this row. */
  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: hours })
  hours: number;
}
