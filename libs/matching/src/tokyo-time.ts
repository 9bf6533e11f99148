import { TZDate } from '@date-fns/tz';

/**
 * Asia/Tokyo wall-time helpers. The programme works in Japan time and Japan has no daylight
 * saving, so a wall-clock minute count ("wall minute": days since 1970-01-01 × 1440 + minute of
 * the day) is linear in real time. Instants are converted with `@date-fns/tz` once per request;
 * everything per volunteer is integer arithmetic on wall minutes.
 */
export const PROGRAMME_TIME_ZONE = 'Asia/Tokyo';
export const MINUTES_PER_DAY = 1440;
const MS_PER_MINUTE = 60_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12); pure calendar arithmetic. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** ISO weekday (Mon=1 … Sun=7) of a day number from {@link daysFromCivil}. */
export function weekdayOfDay(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a "YYYY-MM-DD" calendar date, or null when it is malformed or not a real date. */
export function parseCalendarDate(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

/** Broken-down Asia/Tokyo wall time of an instant. */
export interface TokyoWallTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  /** Days since 1970-01-01 of the Tokyo calendar date. */
  dayNumber: number;
  minuteOfDay: number;
  /** dayNumber × 1440 + minuteOfDay. */
  wallMinute: number;
}

const MS_PER_HOUR = 3_600_000;
const CACHE_LIMIT = 100_000;

/** Tokyo's UTC offset in ms by UTC hour (offsets change, if ever, at a transition, never twice in an hour). */
const offsetByHour = new Map<number, number>();

function offsetMsAt(epochMs: number): number {
  return -new TZDate(epochMs, PROGRAMME_TIME_ZONE).getTimezoneOffset() * MS_PER_MINUTE;
}

/**
 * Asia/Tokyo's offset from UTC at an instant, in ms: asked of `@date-fns/tz` once per UTC hour
 * (it is the slow part of ranking many requests) and kept when the hour's first and last
 * millisecond agree, i.e. no transition inside the hour.
 */
function tokyoOffsetMs(epochMs: number): number {
  const hour = Math.floor(epochMs / MS_PER_HOUR);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    offset = offsetMsAt(hour * MS_PER_HOUR);
    if (offsetMsAt(hour * MS_PER_HOUR + MS_PER_HOUR - 1) !== offset) return offsetMsAt(epochMs);
    if (offsetByHour.size >= CACHE_LIMIT) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** Asia/Tokyo wall time of an epoch-millisecond instant (seconds are truncated). */
export function toTokyoWallTime(epochMs: number): TokyoWallTime {
  // The wall clock read off a UTC date shifted by the offset (what TZDate's getters do).
  const d = new Date(epochMs + tokyoOffsetMs(epochMs));
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const dayNumber = daysFromCivil(year, month, day);
  const minuteOfDay = d.getUTCHours() * 60 + d.getUTCMinutes();
  return { year, month, day, dayNumber, minuteOfDay, wallMinute: dayNumber * MINUTES_PER_DAY + minuteOfDay };
}

/** Wall minute at which the interval [?, endMs) ends, rounded up to a whole minute. */
export function tokyoWallMinuteCeil(endMs: number): number {
  const floor = toTokyoWallTime(endMs).wallMinute;
  return endMs % MS_PER_MINUTE === 0 ? floor : floor + 1;
}

/** "YYYY-MM-DD" of a Tokyo wall time. */
export function formatCalendarDate(t: Pick<TokyoWallTime, 'year' | 'month' | 'day'>): string {
  return `${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}

const monthBounds = new Map<number, { startMs: number; endMs: number }>();

/** Epoch ms of the start and (exclusive) end of the Asia/Tokyo calendar month containing `t` (computed once per month). */
export function tokyoMonthBounds(t: Pick<TokyoWallTime, 'year' | 'month'>): { startMs: number; endMs: number } {
  const key = t.year * 12 + t.month - 1;
  let bounds = monthBounds.get(key);
  if (bounds === undefined) {
    const startMs = new TZDate(t.year, t.month - 1, 1, PROGRAMME_TIME_ZONE).getTime();
    const endMs = new TZDate(
      t.month === 12 ? t.year + 1 : t.year,
      t.month === 12 ? 0 : t.month,
      1,
      PROGRAMME_TIME_ZONE,
    ).getTime();
    if (monthBounds.size >= CACHE_LIMIT) monthBounds.clear();
    bounds = { startMs, endMs };
    monthBounds.set(key, bounds);
  }
  return { startMs: bounds.startMs, endMs: bounds.endMs };
}
