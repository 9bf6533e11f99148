import { ATTENDANCE_STATUSES, type AttendanceStatus, COURSE_KINDS, type CourseKind } from '@app/domain/model';

/** The API's training course (apps/api/src/training/dto/course.dto.ts). */
export { ATTENDANCE_STATUSES, type AttendanceStatus, COURSE_KINDS, type CourseKind };

export interface CourseRecord {
  id: string;
  title: string;
  kind: CourseKind;
  startsAt: string;
  endsAt: string;
  venue: string;
  capacity: number;
  hours: number;
  /** registered plus attended */
  taken: number;
}

export interface AttendanceRecord {
  volunteerId: string;
  displayName: string;
  status: AttendanceStatus;
  updatedAt: string;
}

/** GET /api/courses/:id and the answer to PUT …/attendance. */
export interface CourseDetail extends CourseRecord {
  attendance: AttendanceRecord[];
}
