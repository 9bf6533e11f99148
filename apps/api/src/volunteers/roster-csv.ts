import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { stringify } from 'csv-stringify/sync';
import type { Volunteer } from '@app/domain';
import {
  GENDER_NAMES,
  LANGUAGE_NAMES,
  LEVEL_NAMES,
  PROFICIENCY_NAMES,
  rosterColumnOf,
  VOLUNTEER_STATUS_NAMES,
  type Locale,
  type Names,
} from '@app/domain/model';
import { LanguageSkill, parseHhmm, validateAvailability, WeeklySlot } from '@app/matching';
import { hostileInputErrors } from '../common/hostile-input';
import { CreateVolunteerDto } from './dto/volunteer.dto';
import { CSV_OPTIONS } from '../exports/tabular';
import type { RosterRecord } from './roster-file';
import {
  availabilityProblem,
  fileProblems,
  rosterProblems,
  validationProblems,
  wordProblem,
  type RosterProblem,
} from './roster-problems';

/**
 * The volunteer roster as CSV (UTF-8; the export starts with a BOM so Excel opens it; the
 * import takes it with or without). One row per volunteer, matched on `email` when imported:
 *
 * | column | content | example |
 * |---|---|---|
 * | email* | the volunteer's e-mail (the import's key) | lan@example.jp |
 * | displayName* | name as shown | グエン・ティ・ラン |
 * | nameKana* | name in katakana | グエン ティ ラン |
 * | phone | phone, empty for none | 090-1234-5678 |
 * | gender* | female, male or other | female |
 * | homeArea* | a Kumamoto area (KUMAMOTO_AREAS) | 中央区 |
 * | languages* | code:proficiency, `;`-separated (ISO 639-1; native, fluent, business) | vi:native;en:business |
 * | level | trainee, standard or advanced (empty: trainee / unchanged) | standard |
 * | status | active, suspended or retired (empty: active / unchanged) | active |
 * | pledgeSignedAt | ISO 8601 instant, empty for none | 2025-04-10T01:00:00.000Z |
 * | insuranceValidUntil | YYYY-MM-DD, empty for none | 2027-03-31 |
 * | maxDispatchesPerMonth | 0-62 (empty: 4 / unchanged) | 4 |
 * | weeklyAvailability | `weekday HH:MM-HH:MM`, `;`-separated (Mon=1; Tokyo time) | 1 09:00-12:00;3 13:00-17:00 |
 *
 * Columns marked * must be in the header; the others may be left out (a new volunteer then gets
 * the default, an existing one keeps the value). Dated availability exceptions are not part of
 * the roster and are kept as they are on import.
 */
import { REQUIRED_ROSTER_COLUMNS, ROSTER_COLUMNS, type RosterColumn } from '@app/domain/model';

export { REQUIRED_ROSTER_COLUMNS, ROSTER_COLUMNS, type RosterColumn };

export const BOM = '\uFEFF';

export function formatLanguages(languages: readonly LanguageSkill[]): string {
  return languages.map((l) => `${l.code}:${l.proficiency}`).join(';');
}

export function formatWeekly(weekly: readonly WeeklySlot[]): string {
  return weekly.map((s) => `${s.weekday} ${s.start}-${s.end}`).join(';');
}

/** The roster of these volunteers, UTF-8 with BOM. */
export function rosterCsv(volunteers: readonly Volunteer[]): string {
  const rows = volunteers.map((v) => ({
    email: v.email,
    displayName: v.displayName,
    nameKana: v.nameKana,
    phone: v.phone ?? '',
    gender: v.gender,
    homeArea: v.homeArea,
    languages: formatLanguages(v.languages),
    level: v.level,
    status: v.status,
    pledgeSignedAt: v.pledgeSignedAt ? v.pledgeSignedAt.toISOString() : '',
    insuranceValidUntil: v.insuranceValidUntil ?? '',
    maxDispatchesPerMonth: String(v.maxDispatchesPerMonth),
    weeklyAvailability: formatWeekly(v.availability.weekly),
  }));
  return BOM + stringify(rows, { header: true, columns: [...ROSTER_COLUMNS], ...CSV_OPTIONS });
}

export interface RosterRow {
  /** Line in the file (the header is row 1). */
  row: number;
  input: CreateVolunteerDto;
  /** Undefined when the column is absent (keep the current weekly pattern). */
  weekly?: WeeklySlot[];
}

export type RosterParse =
  | { ok: true; header: RosterColumn[]; rows: RosterRow[] }
  | { ok: false; errors: Record<string, string[]>; message: string };

const rejected = (locale: Locale, count: number) =>
  locale === 'ja'
    ? `${count} 行に問題があります。何も取り込んでいません`
    : `${count} row(s) rejected; nothing was imported`;

/**
 * Validates a whole roster (the records of a CSV or .xlsx, roster-file.ts); every problem is
 * listed, by column or by row, in the clerk's language. The header may name the columns in
 * Japanese (氏名, フリガナ, メール …), in English or by their camelCase names; values may be the
 * programme's Japanese words (女性, 標準, ベトナム語:ネイティブ, 月 09:00-12:00) or its codes.
 */
export async function parseRoster(
  records: RosterRecord[],
  maxRows: number,
  locale: Locale = 'en',
): Promise<RosterParse> {
  const say = (text: { en: string; ja: string }) => text[locale];
  if (records.length === 0) {
    const empty = say(fileProblems.empty);
    return { ok: false, message: empty, errors: { file: [empty] } };
  }
  const headerCells = records[0].cells;
  const header = headerCells.map((cell) => rosterColumnOf(cell));
  // No prototype: the keys are column names from the file, and a column named __proto__ would
  // otherwise replace the object's prototype instead of being reported.
  const errors = Object.create(null) as Record<string, string[]>;
  for (const column of REQUIRED_ROSTER_COLUMNS)
    if (!header.includes(column)) errors[column] = [say(fileProblems.missing(column))];
  header.forEach((column, i) => {
    if (column === undefined) errors[headerCells[i] || `column ${i + 1}`] = [say(fileProblems.unknown(headerCells[i]))];
    else if (header.indexOf(column) !== i) errors[column] = [say(fileProblems.twice(column))];
  });
  if (Object.keys(errors).length)
    return {
      ok: false,
      message: `${locale === 'ja' ? '見出しを確認してください' : 'Check the header'}: ${Object.keys(errors).join(', ')}`,
      errors,
    };
  const columns = header as RosterColumn[];
  const dataRecords = records.slice(1);
  if (dataRecords.length > maxRows) {
    const tooMany = say(fileProblems.tooMany(maxRows));
    return { ok: false, message: tooMany, errors: { file: [tooMany] } };
  }

  const rows: RosterRow[] = [];
  const emailRow = new Map<string, number>();
  for (const { row: rowNumber, cells: record } of dataRecords) {
    const cells = Object.fromEntries(columns.map((column, i) => [column, unguard(record[i] ?? '')])) as Partial<
      Record<RosterColumn, string>
    >;
    const problems: RosterProblem[] = [];
    if (record.length !== columns.length) problems.push(rosterProblems.fieldCount(record.length, columns.length));
    const { row, problems: rowProblems } = await readRow(cells, rowNumber);
    problems.push(...rowProblems);
    const email = row.input.email?.trim().toLowerCase();
    if (email && emailRow.has(email)) problems.push(rosterProblems.duplicateEmail(email, emailRow.get(email)!));
    else if (email) emailRow.set(email, rowNumber);
    if (problems.length) errors[`row ${rowNumber}`] = problems.map((p) => wordProblem(p, rowNumber, locale));
    else rows.push(row);
  }
  const count = Object.keys(errors).length;
  if (count) return { ok: false, message: rejected(locale, count), errors };
  return { ok: true, header: columns, rows };
}

/** The wording of a refusal found only when saving (a rule of the service), for `errors["row N"]`. */
export function savingProblem(
  message: string,
  row: number,
  locale: Locale,
): { message: string; errors: Record<string, string[]> } {
  return {
    message: rejected(locale, 1),
    errors: { [`row ${row}`]: [wordProblem(rosterProblems.rejectedOnSave(message), row, locale)] },
  };
}

/** Undoes the export's formula guard (CSV_OPTIONS.escape_formulas), so an exported roster imports as it was. */
function unguard(cell: string | undefined): string | undefined {
  return cell?.replace(/^'(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/, '');
}

/** A code from its code or its name in either language (女性 → female, Standard → standard); else as written. */
function codeOf(table: Readonly<Record<string, Names>>, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const key = value.normalize('NFKC').trim().toLowerCase();
  for (const [code, names] of Object.entries(table))
    if (code === key || names.ja === key || names.en.toLowerCase() === key) return code;
  return value;
}

async function readRow(
  cells: Partial<Record<RosterColumn, string>>,
  rowNumber: number,
): Promise<{ row: RosterRow; problems: RosterProblem[] }> {
  const problems: RosterProblem[] = [];
  // Text PostgreSQL cannot store (NUL) is a problem of the row, like any other (the rules of the API's bodies).
  for (const [column, messages] of Object.entries(hostileInputErrors(cells) ?? {}))
    for (const message of messages) problems.push(rosterProblems.hostile(column as RosterColumn, message));
  const optional = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);
  const nullable = (value: string | undefined) => (value === undefined ? undefined : value === '' ? null : value);
  const languages = parseLanguages(cells.languages ?? '', problems);
  const weekly = cells.weeklyAvailability === undefined ? undefined : parseWeekly(cells.weeklyAvailability, problems);
  const max = optional(cells.maxDispatchesPerMonth);
  const plain = {
    email: cells.email,
    displayName: cells.displayName,
    nameKana: cells.nameKana,
    phone: nullable(cells.phone),
    gender: codeOf(GENDER_NAMES, cells.gender),
    homeArea: cells.homeArea,
    languages,
    level: codeOf(LEVEL_NAMES, optional(cells.level)),
    status: codeOf(VOLUNTEER_STATUS_NAMES, optional(cells.status)),
    pledgeSignedAt: nullable(cells.pledgeSignedAt),
    insuranceValidUntil: nullable(cells.insuranceValidUntil),
    maxDispatchesPerMonth: max !== undefined && /^-?\d+$/.test(max) ? Number(max) : max,
  };
  const input = plainToInstance(CreateVolunteerDto, plain);
  problems.push(...validationProblems(await validate(input, { whitelist: true, forbidNonWhitelisted: true })));
  if (weekly) {
    for (const p of validateAvailability({ weekly, exceptions: [] })) {
      const index = Number(/^weekly\[(\d+)\]/.exec(p.field)?.[1]);
      const slot = Number.isInteger(index) ? formatWeekly([weekly[index]]) : p.field;
      problems.push(availabilityProblem(p.field, p.message, slot));
    }
  }
  return { row: { row: rowNumber, input, weekly }, problems };
}

const LANGUAGE_RE = /^([^:\s]+)\s*:\s*(\S+)$/;
/** Parts of a list cell: `;` (or 、 once folded) between them. */
const listParts = (value: string) =>
  value
    .normalize('NFKC')
    .split(/[;、]/)
    .map((p) => p.trim())
    .filter(Boolean);

const LANGUAGE_CODES: ReadonlyMap<string, string> = new Map(
  Object.entries<Names>(LANGUAGE_NAMES).flatMap(([code, names]) => [
    [names.ja, code],
    [names.en.toLowerCase(), code],
  ]),
);
const PROFICIENCY_WORDS: Readonly<Record<string, string>> = { 母語: 'native', 母国語: 'native' };

/** `vi:native;en:business`, or in words: `ベトナム語:ネイティブ、英語:ビジネス`. */
export function parseLanguages(value: string, problems: RosterProblem[]): { code: string; proficiency: string }[] {
  const out: { code: string; proficiency: string }[] = [];
  for (const part of listParts(value)) {
    const m = LANGUAGE_RE.exec(part);
    if (!m) {
      problems.push(rosterProblems.languageFormat(part));
      continue;
    }
    const code = LANGUAGE_CODES.get(m[1]) ?? LANGUAGE_CODES.get(m[1].toLowerCase()) ?? m[1].toLowerCase();
    const proficiency = PROFICIENCY_WORDS[m[2]] ?? codeOf(PROFICIENCY_NAMES, m[2])!.toLowerCase();
    out.push({ code, proficiency });
  }
  return out;
}

const SLOT_RE = /^(\d+|[月火水木金土日])(?:曜日?)?\s*(\d{1,2}:\d{2})\s*[-~〜]\s*(\d{1,2}:\d{2})$/;
const WEEKDAYS_JA = '月火水木金土日';

/** `1 09:00-12:00;3 13:00-17:00`, or `月 09:00-12:00、水 13:00-17:00` (Monday = 1). */
export function parseWeekly(value: string, problems: RosterProblem[]): WeeklySlot[] {
  const out: WeeklySlot[] = [];
  for (const part of listParts(value)) {
    const m = SLOT_RE.exec(part);
    if (!m) {
      problems.push(rosterProblems.weeklyFormat(part));
      continue;
    }
    const pad = (t: string) => (parseHhmm(t.padStart(5, '0')) === null ? t : t.padStart(5, '0'));
    const weekday = WEEKDAYS_JA.includes(m[1]) ? WEEKDAYS_JA.indexOf(m[1]) + 1 : Number(m[1]);
    out.push({ weekday, start: pad(m[2]), end: pad(m[3]) });
  }
  return out;
}
