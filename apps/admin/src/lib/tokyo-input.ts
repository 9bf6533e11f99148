/**
 * Form values (a calendar date and wall-clock times, as a nurse types them) to the API's ISO
 * times with the Tokyo offset, and back. Japan has no daylight saving: always +09:00.
 */
import { tokyoParts } from '@app/domain/model';

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-12-08 + 10:00 → 2026-12-08T10:00:00+09:00 */
export function tokyoIso(date: string, time: string): string {
  return `${date}T${time.length === 5 ? `${time}:00` : time}+09:00`;
}

/** The Tokyo calendar day `days` after `now`, as YYYY-MM-DD. */
export function tokyoDateAfter(now: Date | number, days: number): string {
  const p = tokyoParts(new Date(now).getTime() + days * 24 * 60 * 60 * 1000);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The start of a Tokyo day as an ISO time, for `from`/`to` filters. */
export function tokyoDayStart(date: string): string {
  return `${date}T00:00:00+09:00`;
}

/** HH:MM later than HH:MM (both zero-padded 24-hour times). */
export function isAfter(end: string, start: string): boolean {
  return end > start;
}

/** Longest a visit typed as ending "before" its start may run across midnight; longer is a slip of the finger. */
const OVERNIGHT_LIMIT_MS = 12 * 60 * 60 * 1000;

/**
 * The instants a visit's start and end (HH:MM, Tokyo) on `date` stand for: an end at or before the
 * start is the next morning — a visit across midnight — unless that would make it longer than 12
 * hours (then it is a typo, and `endBeforeStart`). Null while a time is empty.
 */
export function visitTimes(
  date: string,
  start: string,
  end: string,
): { actualStart: string; actualEnd: string; endBeforeStart: boolean } | null {
  if (!start || !end) return null;
  const actualStart = tokyoIso(date, start);
  if (isAfter(end, start)) return { actualStart, actualEnd: tokyoIso(date, end), endBeforeStart: false };
  const actualEnd = tokyoIso(tokyoDateAfter(Date.parse(tokyoIso(date, '12:00')), 1), end);
  const endBeforeStart = Date.parse(actualEnd) - Date.parse(actualStart) > OVERNIGHT_LIMIT_MS;
  return { actualStart, actualEnd, endBeforeStart };
}

/** An instant's Tokyo calendar day, YYYY-MM-DD (to fill a date box). */
export function tokyoDateOf(value: Date | string | number): string {
  const p = tokyoParts(value);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** An instant's Tokyo wall time, HH:MM (to fill a time box). */
export function tokyoTimeOf(value: Date | string | number): string {
  const p = tokyoParts(value);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}
