import type { Locale } from './roles';

/**
 * Dates and times as the programme reads them: always Asia/Tokyo wall time, whatever the
 * browser's zone, in the Japanese order (2026年12月3日(木) 10:00–12:00). Japan has no daylight
 * saving, so Tokyo time is UTC+9 all year and can be computed without the ICU time-zone data.
 */
export type DisplayLocale = Locale;

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface TokyoParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0 = Sunday */
  weekday: number;
  hour: number;
  minute: number;
}

function toDate(value: Date | string | number): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return date;
}

/** The Tokyo wall-clock fields of an instant. */
export function tokyoParts(value: Date | string | number): TokyoParts {
  const shifted = new Date(toDate(value).getTime() + TOKYO_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026年12月3日(木) — or Thu 3 Dec 2026 in English. */
export function formatDate(value: Date | string | number, locale: DisplayLocale = 'ja'): string {
  const p = tokyoParts(value);
  if (locale === 'en') return `${WEEKDAYS_EN[p.weekday]} ${p.day} ${MONTHS_EN[p.month - 1]} ${p.year}`;
  return `${p.year}年${p.month}月${p.day}日(${WEEKDAYS_JA[p.weekday]})`;
}

/** 10:00 (24-hour clock, Tokyo). */
export function formatTime(value: Date | string | number): string {
  const p = tokyoParts(value);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** 2026年12月3日(木) 10:00 */
export function formatDateTime(value: Date | string | number, locale: DisplayLocale = 'ja'): string {
  return `${formatDate(value, locale)} ${formatTime(value)}`;
}

/**
 * A visit: 2026年12月3日(木) 10:00–12:00 on one Tokyo day; both dates in full when it crosses
 * midnight (2026年12月3日(木) 22:00 – 2026年12月4日(金) 02:00).
 */
export function formatTimeRange(
  start: Date | string | number,
  end: Date | string | number,
  locale: DisplayLocale = 'ja',
): string {
  const a = tokyoParts(start);
  const b = tokyoParts(end);
  const sameDay = a.year === b.year && a.month === b.month && a.day === b.day;
  if (sameDay) return `${formatDate(start, locale)} ${formatTime(start)}–${formatTime(end)}`;
  return `${formatDateTime(start, locale)} – ${formatDateTime(end, locale)}`;
}

/** The Japanese fiscal year (April–March, Tokyo time) an instant falls in: 2027-03-31 → 2026. */
export function fiscalYearOf(value: Date | string | number): number {
  const p = tokyoParts(value);
  return p.month >= 4 ? p.year : p.year - 1;
}

/** 2026年度 — or FY2026 in English. */
export function fiscalYearLabel(fiscalYear: number, locale: DisplayLocale = 'ja'): string {
  return locale === 'en' ? `FY${fiscalYear}` : `${fiscalYear}年度`;
}

/** The first and last Tokyo calendar days of a fiscal year, as YYYY-MM-DD (for filters and exports). */
export function fiscalYearRange(fiscalYear: number): { from: string; to: string } {
  return { from: `${fiscalYear}-04-01`, to: `${fiscalYear + 1}-03-31` };
}

/** 2026-12-08 — the Tokyo calendar day of an instant, as office documents and filters write it. */
export function tokyoDate(value: Date | string | number): string {
  const p = tokyoParts(value);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/**
 * The Tokyo calendar day of an instant as a local Date at midnight: what date-fns' calendar
 * arithmetic (addDays, addMonths, isWeekend, format) works on, whatever the machine's zone.
 */
export function tokyoCalendarDay(value: Date | string | number): Date {
  const p = tokyoParts(value);
  return new Date(p.year, p.month - 1, p.day);
}

/** 2026-12-08 10:00 — Tokyo wall time as exports write it (what Excel reads as a date and time). */
export function tokyoDateTime(value: Date | string | number): string {
  return `${tokyoDate(value)} ${formatTime(value)}`;
}

/**
 * A Date whose UTC fields are the Tokyo wall time of the instant: what a spreadsheet cell must
 * hold so that Excel, which has no time zones, shows 10:00 for a 10:00 visit.
 */
export function tokyoWallClockDate(value: Date | string | number): Date {
  return new Date(toDate(value).getTime() + TOKYO_OFFSET_MS);
}

/** The instant at 00:00 Tokyo time of a calendar day (month 1–12; day may overflow, as Date.UTC). */
export function tokyoMidnight(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - TOKYO_OFFSET_MS);
}

/** A span of time; `to` is exclusive. */
export interface Period {
  from: Date;
  to: Date;
}

/** A calendar month `YYYY-MM` in Tokyo time. */
export function monthPeriod(month: string): Period {
  const [y, m] = month.split('-').map(Number);
  return { from: tokyoMidnight(y, m, 1), to: tokyoMidnight(y, m + 1, 1) };
}

/** Japanese fiscal year `fy`: 1 April fy 00:00 to 1 April fy+1 00:00, Tokyo time. */
export function fiscalYearPeriod(fiscalYear: number): Period {
  return { from: tokyoMidnight(fiscalYear, 4, 1), to: tokyoMidnight(fiscalYear + 1, 4, 1) };
}

/** Tokyo calendar days `YYYY-MM-DD` (both inclusive) as a period. */
export function datePeriod(fromDate: string, toDate: string): Period {
  const [fy, fm, fd] = fromDate.split('-').map(Number);
  const [ty, tm, td] = toDate.split('-').map(Number);
  return { from: tokyoMidnight(fy, fm, fd), to: tokyoMidnight(ty, tm, td + 1) };
}

/**
 * The Japanese era label of a fiscal year as the city writes it: 令和8年度 (2026年度) for 2026.
 * Reiwa 1 is 2019; fiscal years before it are labelled by the Western year alone.
 */
export function reiwaFiscalYearLabel(fiscalYear: number, locale: DisplayLocale = 'ja'): string {
  const reiwa = fiscalYear - 2018;
  if (locale === 'en') return reiwa >= 1 ? `FY${fiscalYear} (Reiwa ${reiwa})` : `FY${fiscalYear}`;
  if (reiwa < 1) return `${fiscalYear}年度`;
  return `令和${reiwa === 1 ? '元' : reiwa}年度（${fiscalYear}年度）`;
}

/** 2026-12 — the Tokyo calendar month of an instant, as statements and their routes name it. */
export function tokyoMonth(value: Date | string | number): string {
  const p = tokyoParts(value);
  return `${p.year}-${pad(p.month)}`;
}

/** 2026年12月 — a month `YYYY-MM` as documents title it (Dec 2026 in English). */
export function formatMonth(month: string, locale: DisplayLocale = 'ja'): string {
  const [year, m] = month.split('-').map(Number);
  return locale === 'en' ? `${MONTHS_EN[m - 1]} ${year}` : `${year}年${m}月`;
}

/** The twelve months of a fiscal year, April to March, as `YYYY-MM`. */
export function fiscalYearMonths(fiscalYear: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const m = ((i + 3) % 12) + 1;
    return `${m < 4 ? fiscalYear + 1 : fiscalYear}-${pad(m)}`;
  });
}

/** The instant a spreadsheet's wall-clock Date (UTC fields = Tokyo time) stands for: tokyoWallClockDate undone. */
export function fromTokyoWallClockDate(wall: Date): Date {
  return new Date(toDate(wall).getTime() - TOKYO_OFFSET_MS);
}
