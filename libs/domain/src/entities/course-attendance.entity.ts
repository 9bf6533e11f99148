import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from './base.entity';
import { TrainingCourse } from './training-course.entity';
import { Volunteer } from './volunteer.entity';
import type { AttendanceStatus } from '../model';

/** One volunteer's registration for and attendance at one course. */
@Entity('course_attendances')
@Check('ck_course_attendances_status', `"status" IN ('registered', 'attended', 'absent')`)
@Index('uq_course_attendances_course_volunteer', ['courseId', 'volunteerId'], { unique: true })
/** A volunteer's attended courses read from the index alone (the matching pool reads them for every speaker). */
@Index('ix_course_attendances_volunteer', ['volunteerId', 'status', 'courseId'])
export class CourseAttendance extends BaseEntity {
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => TrainingCourse, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'fk_course_attendances_course' })
  course?: TrainingCourse;

  @Column({ name: 'volunteer_id', type: 'uuid' })
  volunteerId: string;

  @ManyToOne(() => Volunteer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'volunteer_id', foreignKeyConstraintName: 'fk_course_attendances_volunteer' })
  volunteer?: Volunteer;

  @Column({ type: 'varchar', length: 16 })
  status: AttendanceStatus;
}
