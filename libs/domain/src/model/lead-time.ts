import { addDays, differenceInCalendarDays, isWeekend } from 'date-fns';
import * as holidayJp from '@holiday-jp/holiday_jp';
import { tokyoCalendarDay } from './tokyo-calendar';

/**
 * The lead time a hospital should give, in Japanese business days (the dispatch policy's
 * `leadTimeBusinessDays`); the request form warns with it while it is filled in.
 */
export const DEFAULT_LEAD_TIME_BUSINESS_DAYS = 3;

/**
 * The public holidays as `YYYY-MM-DD` keys: a set lookup, where `holidayJp.isHoliday` scans its
 * whole table (some 1,300 dates) on every call — and a visit six months out asks 180 times.
 */
const HOLIDAYS: ReadonlySet<string> = new Set(Object.keys(holidayJp.holidays));

/** Whether a calendar day (a local Date at midnight, as `tokyoCalendarDay` makes) is a public holiday. */
export function isPublicHoliday(day: Date): boolean {
  const key = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
  return HOLIDAYS.has(key);
}

/** Weekdays that are not Japanese public holidays nor the year-end closure (29 Dec – 3 Jan). */
export function isBusinessDay(day: Date): boolean {
  if (isWeekend(day) || isPublicHoliday(day)) return false;
  const month = day.getMonth() + 1;
  const date = day.getDate();
  return !((month === 12 && date >= 29) || (month === 1 && date <= 3));
}

/** Business days strictly between the filing day and the visit day (Asia/Tokyo). */
export function businessDaysBetween(filedAt: Date, visitAt: Date): number {
  const first = addDays(tokyoCalendarDay(filedAt), 1);
  const visit = tokyoCalendarDay(visitAt);
  let count = 0;
  for (let day = first; differenceInCalendarDays(visit, day) > 0; day = addDays(day, 1)) {
    if (isBusinessDay(day)) count++;
  }
  return count;
}

/** A request filed with less than the policy's lead time is urgent (never refused). */
export function isUrgent(filedAt: Date, visitAt: Date, leadTimeBusinessDays: number): boolean {
  return businessDaysBetween(filedAt, visitAt) < leadTimeBusinessDays;
}
