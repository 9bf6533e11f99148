/** The course form's values to the API's body and back, and the places a register takes. */
import { tokyoDateOf, tokyoIso, tokyoTimeOf } from '../../lib/tokyo-input';
import type { AttendanceStatus, CourseRecord } from './types';

/** A course is held on one Tokyo day: the form has a date and two wall times. */
export interface CourseFormValues {
  title: string;
  kind: string;
  date: string;
  startTime: string;
  endTime: string;
  venue?: string | null;
  capacity: number | string;
  hours: number | string;
  [key: string]: unknown;
}

/** Only the fields the API takes (it refuses id, taken…), times as ISO with the Tokyo offset. */
export function toCourseBody({ title, kind, date, startTime, endTime, venue, capacity, hours }: CourseFormValues) {
  return {
    title,
    kind,
    startsAt: tokyoIso(date, startTime),
    endsAt: tokyoIso(date, endTime),
    venue: venue ?? '',
    capacity: Number(capacity),
    hours: Number(hours),
  };
}

/** The record's times as the form's date and wall times. */
export function toCourseFormValues(record: Pick<CourseRecord, 'startsAt' | 'endsAt'>) {
  return {
    date: tokyoDateOf(record.startsAt),
    startTime: tokyoTimeOf(record.startsAt),
    endTime: tokyoTimeOf(record.endsAt),
  };
}

/** Places a register takes: registered and attended, not absent (as the API counts them). */
export const placesTaken = (rows: readonly { status: AttendanceStatus }[]) =>
  rows.filter((r) => r.status !== 'absent').length;

/**
 * The hours a course's times span ("13:30"–"16:00" → 2.5), to the quarter hour as the API takes
 * them; null while a time is missing or the end is not after the start.
 */
export function hoursBetween(startTime: unknown, endTime: unknown): number | null {
  const minutes = (time: unknown) => {
    const m = typeof time === 'string' ? /^(\d{2}):(\d{2})/.exec(time) : null;
    return m ? Number(m[1]) * 60 + Number(m[2]) : null;
  };
  const start = minutes(startTime);
  const end = minutes(endTime);
  if (start === null || end === null || end <= start) return null;
  return Math.round((end - start) / 15) / 4;
}
