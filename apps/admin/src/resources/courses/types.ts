/** The API's training course (apps/api/src/training/dto/course.dto.ts). */
export const COURSE_KINDS = ['initial', 'skill_up'] as const;
export const ATTENDANCE_STATUSES = ['registered', 'attended', 'absent'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

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
