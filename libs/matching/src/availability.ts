import { MINUTES_PER_DAY, parseCalendarDate, toTokyoWallTime, tokyoWallMinuteCeil, weekdayOfDay } from './tokyo-time';

/** A weekly slot in Asia/Tokyo wall time; `end` may be "24:00". */
export interface WeeklySlot {
  /** ISO weekday, Mon=1 … Sun=7. */
  weekday: number;
  start: string;
  end: string;
}

/**
 * A dated exception. `available: false` without a span: away all day; with a span: away for
 * that span. `available: true` with a span: extra availability that day; without a span:
 * available all day. A multi-day absence is one exception per date.
 */
export interface AvailabilityException {
  date: string;
  available: boolean;
  start?: string;
  end?: string;
}

export interface Availability {
  weekly: readonly WeeklySlot[];
  exceptions: readonly AvailabilityException[];
}

export interface AvailabilityProblem {
  field: string;
  message: string;
}

/** Sorted, disjoint, non-touching minute intervals within one day, flattened: [s0, e0, s1, e1, …]. */
export type DayIntervals = readonly number[];

/** A volunteer's availability compiled to per-day minute intervals; build once, check often. */
export interface CompiledAvailability {
  readonly kind: 'compiled-availability';
  /** Index 1..7 (ISO weekday); index 0 unused. */
  readonly weekly: readonly DayIntervals[];
  /** Effective intervals on dates with exceptions, keyed by day number (days since 1970-01-01). */
  readonly overrides: ReadonlyMap<number, DayIntervals>;
}

const HHMM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of "HH:MM" ("24:00" allowed), or null when malformed. */
export function parseHhmm(value: string): number | null {
  if (value === '24:00') return MINUTES_PER_DAY;
  const m = HHMM_RE.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/**
 * Checks an availability document and lists every problem with the field it concerns
 * (`weekly[2].end`, `exceptions[0].date`, …) so the API can answer 422 naming the field.
 */
export function validateAvailability(availability: Availability): AvailabilityProblem[] {
  const problems: AvailabilityProblem[] = [];
  const weeklyByDay = new Map<number, { index: number; start: number; end: number }[]>();
  (availability.weekly ?? []).forEach((slot, index) => {
    const at = `weekly[${index}]`;
    const weekdayOk = Number.isInteger(slot.weekday) && slot.weekday >= 1 && slot.weekday <= 7;
    if (!weekdayOk)
      problems.push({ field: `${at}.weekday`, message: 'weekday must be an integer from 1 (Monday) to 7 (Sunday)' });
    const span = checkSpan(at, slot.start, slot.end, problems);
    if (span && weekdayOk) pushTo(weeklyByDay, slot.weekday, { index, ...span });
  });
  for (const spans of weeklyByDay.values()) reportOverlaps(spans, 'weekly', problems);

  const exceptionsByDate = new Map<string, { index: number; start: number; end: number }[]>();
  (availability.exceptions ?? []).forEach((exception, index) => {
    const at = `exceptions[${index}]`;
    const dateOk = typeof exception.date === 'string' && parseCalendarDate(exception.date) !== null;
    if (!dateOk)
      problems.push({ field: `${at}.date`, message: 'date must be a real calendar date in YYYY-MM-DD format' });
    if (typeof exception.available !== 'boolean')
      problems.push({ field: `${at}.available`, message: 'available must be true or false' });
    const hasStart = exception.start !== undefined && exception.start !== null;
    const hasEnd = exception.end !== undefined && exception.end !== null;
    if (hasStart !== hasEnd) {
      const missing = hasStart ? 'end' : 'start';
      problems.push({
        field: `${at}.${missing}`,
        message: `${missing} is required when ${hasStart ? 'start' : 'end'} is given`,
      });
      return;
    }
    const span = hasStart
      ? checkSpan(at, exception.start as string, exception.end as string, problems)
      : { start: 0, end: MINUTES_PER_DAY };
    if (span && dateOk) pushTo(exceptionsByDate, exception.date, { index, ...span });
  });
  for (const spans of exceptionsByDate.values()) reportOverlaps(spans, 'exceptions', problems);
  return problems;
}

function checkSpan(
  at: string,
  start: string,
  end: string,
  problems: AvailabilityProblem[],
): { start: number; end: number } | null {
  const s = typeof start === 'string' && start !== '24:00' ? parseHhmm(start) : null;
  const e = typeof end === 'string' ? parseHhmm(end) : null;
  if (s === null)
    problems.push({ field: `${at}.start`, message: 'start must be a time in HH:MM format (00:00-23:59)' });
  if (e === null) problems.push({ field: `${at}.end`, message: 'end must be a time in HH:MM format (00:00-24:00)' });
  if (s === null || e === null) return null;
  if (e <= s) {
    problems.push({ field: `${at}.end`, message: 'end must be later than start' });
    return null;
  }
  return { start: s, end: e };
}

function reportOverlaps(
  spans: { index: number; start: number; end: number }[],
  list: string,
  problems: AvailabilityProblem[],
): void {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.index - b.index);
  let latest = sorted[0];
  for (const span of sorted.slice(1)) {
    if (span.start < latest.end) {
      problems.push({ field: `${list}[${span.index}]`, message: `overlaps ${list}[${latest.index}]` });
    }
    if (span.end > latest.end) latest = span;
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Sorts and merges overlapping or touching [start, end) intervals. */
function mergeIntervals(spans: [number, number][]): number[] {
  const sorted = spans.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: number[] = [];
  for (const [s, e] of sorted) {
    const last = out.length - 1;
    if (last > 0 && s <= out[last]) out[last] = Math.max(out[last], e);
    else out.push(s, e);
  }
  return out;
}

function subtractInterval(intervals: number[], s: number, e: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < intervals.length; i += 2) {
    const a = intervals[i];
    const b = intervals[i + 1];
    if (e <= a || s >= b) {
      out.push(a, b);
      continue;
    }
    if (a < s) out.push(a, s);
    if (e < b) out.push(e, b);
  }
  return out;
}

function toPairs(flat: readonly number[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
  return pairs;
}

/**
 * Compiles availability into per-weekday minute intervals plus the effective intervals of each
 * date that has exceptions. Malformed entries (which {@link validateAvailability} reports) are
 * skipped. Order of application on a date: all-day absence, then absent spans, then extra spans.
 */
export function compileAvailability(availability: Availability): CompiledAvailability {
  const weeklySpans: [number, number][][] = Array.from({ length: 8 }, () => []);
  for (const slot of availability.weekly ?? []) {
    const s = parseHhmm(slot.start);
    const e = parseHhmm(slot.end);
    if (s === null || e === null || !(slot.weekday >= 1 && slot.weekday <= 7)) continue;
    weeklySpans[slot.weekday].push([s, e]);
  }
  const weekly = weeklySpans.map((spans) => mergeIntervals(spans));

  const byDate = new Map<number, AvailabilityException[]>();
  for (const exception of availability.exceptions ?? []) {
    const day = parseCalendarDate(exception.date);
    if (day !== null) pushTo(byDate, day, exception);
  }
  const overrides = new Map<number, DayIntervals>();
  for (const [day, exceptions] of byDate) {
    let intervals = [...weekly[weekdayOfDay(day)]];
    const spanOf = (x: AvailabilityException): [number, number] | null => {
      if (x.start == null || x.end == null) return null;
      const s = parseHhmm(x.start);
      const e = parseHhmm(x.end);
      return s === null || e === null ? null : [s, e];
    };
    if (exceptions.some((x) => !x.available && x.start == null)) intervals = [];
    for (const x of exceptions) {
      const span = spanOf(x);
      if (!x.available && span) intervals = subtractInterval(intervals, span[0], span[1]);
    }
    const extra: [number, number][] = [];
    for (const x of exceptions) {
      if (!x.available) continue;
      extra.push(spanOf(x) ?? [0, MINUTES_PER_DAY]);
    }
    overrides.set(day, mergeIntervals([...toPairs(intervals), ...extra]));
  }
  return { kind: 'compiled-availability', weekly, overrides };
}

const compiledCache = new WeakMap<Availability, CompiledAvailability>();

/**
 * Accepts raw or compiled availability. Raw documents are compiled once and remembered by
 * object identity, so treat them as immutable (replace, do not mutate, an edited document).
 */
export function ensureCompiled(availability: Availability | CompiledAvailability): CompiledAvailability {
  // A property read, not `in`: cheaper on the ranking's hot path, same answer for both shapes.
  if ((availability as Partial<CompiledAvailability>).kind === 'compiled-availability')
    return availability as CompiledAvailability;
  const raw = availability as Availability;
  let compiled = compiledCache.get(raw);
  if (!compiled) {
    compiled = compileAvailability(raw);
    compiledCache.set(raw, compiled);
  }
  return compiled;
}

/**
 * Whether compiled availability covers the whole of [wallStart, wallEnd), both in Tokyo wall
 * minutes (see `toTokyoWallTime`). Intervals touching at midnight join across days.
 */
export function coversWallMinutes(compiled: CompiledAvailability, wallStart: number, wallEnd: number): boolean {
  if (wallEnd <= wallStart) return true;
  const firstDay = Math.floor(wallStart / MINUTES_PER_DAY);
  const lastDay = Math.floor((wallEnd - 1) / MINUTES_PER_DAY);
  const overrides = compiled.overrides;
  for (let day = firstDay; day <= lastDay; day++) {
    const dayStart = day * MINUTES_PER_DAY;
    const from = day === firstDay ? wallStart - dayStart : 0;
    const to = day === lastDay ? wallEnd - dayStart : MINUTES_PER_DAY;
    const intervals = (overrides.size > 0 ? overrides.get(day) : undefined) ?? compiled.weekly[weekdayOfDay(day)];
    let covered = false;
    for (let i = 0; i < intervals.length; i += 2) {
      if (intervals[i] <= from) {
        if (intervals[i + 1] >= to) {
          covered = true;
          break;
        }
      } else break;
    }
    if (!covered) return false;
  }
  return true;
}

/**
 * Whether the volunteer is available for the whole of [start − buffer, end + buffer).
 * Convenience form for one-off checks; ranking converts the request's times once and calls
 * {@link coversWallMinutes} per volunteer instead.
 */
export function isAvailable(
  availability: Availability | CompiledAvailability,
  startMs: number,
  endMs: number,
  bufferMinutes = 0,
): boolean {
  const wallStart = toTokyoWallTime(startMs).wallMinute - bufferMinutes;
  const wallEnd = tokyoWallMinuteCeil(endMs) + bufferMinutes;
  return coversWallMinutes(ensureCompiled(availability), wallStart, wallEnd);
}
