/**
 * The availability document of the API (`{weekly, exceptions}`, Asia/Tokyo wall time) as the
 * editor shows it — slots grouped by weekday (Mon = 1 … Sun = 7), each row with a stable key — and
 * back. The API checks the meaning (times, overlaps) and names the row it refuses (`weekly[3]`,
 * `exceptions[0].end`); `rowErrors` puts those messages on the editor's rows.
 */
// The document's types are the matching library's own (a type-only import: nothing is bundled).
import type { Availability, AvailabilityException, WeeklySlot } from '@app/matching/availability';

export type { Availability, AvailabilityException, WeeklySlot };

export interface SlotRow {
  key: string;
  start: string;
  end: string;
}

export interface ExceptionRow {
  key: string;
  date: string;
  available: boolean;
  /** '' for the whole day */
  start: string;
  end: string;
}

export interface AvailabilityDraft {
  /** index 0 = Monday … 6 = Sunday */
  days: SlotRow[][];
  exceptions: ExceptionRow[];
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

let lastKey = 0;
export const newKey = (): string => `row-${++lastKey}`;

/** The API's document as editor rows, each weekday's slots in time order. */
export function toDraft(availability: Availability): AvailabilityDraft {
  const days: SlotRow[][] = WEEKDAYS.map(() => []);
  for (const slot of availability.weekly ?? []) {
    if (slot.weekday >= 1 && slot.weekday <= 7)
      days[slot.weekday - 1].push({ key: newKey(), start: slot.start, end: slot.end });
  }
  for (const day of days) day.sort((a, b) => a.start.localeCompare(b.start));
  const exceptions = [...(availability.exceptions ?? [])]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((e) => ({ key: newKey(), date: e.date, available: e.available, start: e.start ?? '', end: e.end ?? '' }));
  return { days, exceptions };
}

/**
 * The body of PUT …/availability, and which row each array index came from (the API names rows by
 * their index in the body).
 */
export function toBody(draft: AvailabilityDraft): {
  body: Availability;
  weeklyKeys: string[];
  exceptionKeys: string[];
} {
  const weekly: WeeklySlot[] = [];
  const weeklyKeys: string[] = [];
  draft.days.forEach((slots, index) => {
    for (const slot of slots) {
      weekly.push({ weekday: index + 1, start: slot.start, end: slot.end });
      weeklyKeys.push(slot.key);
    }
  });
  const exceptions = draft.exceptions.map(({ date, available, start, end }) => ({
    date,
    available,
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
  }));
  return { body: { weekly, exceptions }, weeklyKeys, exceptionKeys: draft.exceptions.map((e) => e.key) };
}

/** What the editor can tell before asking the API: an exception needs its date. */
export function localErrors(draft: AvailabilityDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const e of draft.exceptions) if (!e.date) errors[e.key] = 'app.registry.availability.errors.date';
  return errors;
}

const FIELD = /^(weekly|exceptions)(?:\[(\d+)\]|\.(\d+))(?:\.(\w+))?$/;

/** An i18n key for the API's complaint about one row, by what it names. */
function wording(property: string | undefined, message: string): string {
  if (!property) return /overlap/i.test(message) ? 'app.registry.availability.errors.overlap' : message;
  if (property === 'date') return 'app.registry.availability.errors.date';
  if (/required when/i.test(message)) return 'app.registry.availability.errors.both_times';
  if (/later than/i.test(message)) return 'app.registry.availability.errors.end_before_start';
  if (property === 'start' || property === 'end') return 'app.registry.availability.errors.time';
  return message;
}

/**
 * The API's field errors (`weekly[1]` → "overlaps weekly[0]") as row key → message (an i18n key,
 * or the server's words when the editor has none), the first complaint per row.
 */
export function rowErrors(
  errors: Record<string, unknown>,
  weeklyKeys: readonly string[],
  exceptionKeys: readonly string[],
): Record<string, string> {
  const rows: Record<string, string> = {};
  for (const [field, value] of Object.entries(errors)) {
    const match = FIELD.exec(field);
    if (!match) continue;
    const index = Number(match[2] ?? match[3]);
    const key = (match[1] === 'weekly' ? weeklyKeys : exceptionKeys)[index];
    if (!key || rows[key]) continue;
    rows[key] = wording(match[4], Array.isArray(value) ? value.join(' ') : String(value));
  }
  return rows;
}

/** Every half hour of the day; "24:00" ends a slot at midnight. */
export function timeOptions(kind: 'start' | 'end', current?: string): string[] {
  const times: string[] = [];
  for (let minutes = kind === 'start' ? 0 : 30; minutes <= (kind === 'start' ? 23 * 60 + 30 : 24 * 60); minutes += 30) {
    times.push(`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
  }
  if (current && !times.includes(current)) return [...times, current].sort();
  return times;
}

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const toTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A new slot for a weekday: 09:00–12:00 on an empty day, else three hours after the last slot. */
export function nextSlot(slots: readonly SlotRow[]): SlotRow {
  const lastEnd = slots.length ? Math.max(...slots.map((s) => (/^\d\d:\d\d$/.test(s.end) ? toMinutes(s.end) : 0))) : 0;
  if (!slots.length || lastEnd >= 23 * 60) return { key: newKey(), start: '09:00', end: '12:00' };
  const start = Math.ceil(lastEnd / 30) * 30;
  return { key: newKey(), start: toTime(start), end: toTime(Math.min(start + 180, 24 * 60)) };
}
