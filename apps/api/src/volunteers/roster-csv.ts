import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Volunteer } from '@app/domain';
import { LanguageSkill, parseHhmm, WeeklySlot } from '@app/matching';
import { hostileInputErrors } from '../common/hostile-input';
import { flattenValidationErrors } from '../common/validation.pipe';
import { CreateVolunteerDto } from './dto/volunteer.dto';
import { availabilityErrors } from './volunteer-input';
import { CSV_OPTIONS } from '../exports/tabular';

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

/** Parses and validates a whole roster file; every problem is listed, by column or by row. */
export async function parseRoster(text: string, maxRows: number): Promise<RosterParse> {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (error) {
    return { ok: false, message: 'The file is not readable CSV', errors: { file: [(error as Error).message] } };
  }
  if (records.length === 0)
    return { ok: false, message: 'The file is empty', errors: { file: ['The file is empty: expected a header row'] } };
  const header = records[0].record;
  // No prototype: the keys are column names from the file, and a column named __proto__ would
  // otherwise replace the object's prototype instead of being reported.
  const errors: Record<string, string[]> = Object.create(null);
  const known = new Set<string>(ROSTER_COLUMNS);
  for (const column of REQUIRED_ROSTER_COLUMNS)
    if (!header.includes(column)) errors[column] = [`the column ${column} is missing from the header`];
  header.forEach((column, i) => {
    if (!known.has(column))
      errors[column || `column ${i + 1}`] = [`unknown column; expected: ${ROSTER_COLUMNS.join(', ')}`];
    else if (header.indexOf(column) !== i) errors[column] = [`the column ${column} appears twice`];
  });
  if (Object.keys(errors).length)
    return { ok: false, message: `Check the header: ${Object.keys(errors).join(', ')}`, errors };
  const dataRecords = records.slice(1);
  if (dataRecords.length > maxRows)
    return { ok: false, message: 'Too many rows', errors: { file: [`at most ${maxRows} rows per file`] } };

  const rows: RosterRow[] = [];
  const emailRow = new Map<string, number>();
  for (const { record, info } of dataRecords) {
    const rowNumber = info.lines;
    const cells = Object.fromEntries(header.map((column, i) => [column, unguard(record[i])])) as Partial<
      Record<RosterColumn, string>
    >;
    const problems: string[] = [];
    if (record.length !== header.length) problems.push(`has ${record.length} fields; the header has ${header.length}`);
    const { row, problems: rowProblems } = await readRow(cells, rowNumber);
    problems.push(...rowProblems);
    const email = row.input.email?.trim().toLowerCase();
    if (email && emailRow.has(email)) problems.push(`email: ${email} is also on row ${emailRow.get(email)}`);
    else if (email) emailRow.set(email, rowNumber);
    if (problems.length) errors[`row ${rowNumber}`] = problems;
    else rows.push(row);
  }
  const rejected = Object.keys(errors).length;
  if (rejected) return { ok: false, message: `${rejected} row(s) rejected; nothing was imported`, errors };
  return { ok: true, header: header as RosterColumn[], rows };
}

/** Undoes the export's formula guard (CSV_OPTIONS.escape_formulas), so an exported roster imports as it was. */
function unguard(cell: string | undefined): string | undefined {
  return cell?.replace(/^'(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/, '');
}

async function readRow(
  cells: Partial<Record<RosterColumn, string>>,
  rowNumber: number,
): Promise<{ row: RosterRow; problems: string[] }> {
  const problems: string[] = [];
  // Text PostgreSQL cannot store (NUL) is a problem of the row, like any other (the rules of the API's bodies).
  for (const [column, messages] of Object.entries(hostileInputErrors(cells) ?? {}))
    for (const message of messages) problems.push(`${column}: ${message}`);
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
    gender: cells.gender,
    homeArea: cells.homeArea,
    languages,
    level: optional(cells.level),
    status: optional(cells.status),
    pledgeSignedAt: nullable(cells.pledgeSignedAt),
    insuranceValidUntil: nullable(cells.insuranceValidUntil),
    maxDispatchesPerMonth: max !== undefined && /^-?\d+$/.test(max) ? Number(max) : max,
  };
  const input = plainToInstance(CreateVolunteerDto, plain);
  const validation = flattenValidationErrors(await validate(input, { whitelist: true, forbidNonWhitelisted: true }));
  for (const [field, messages] of Object.entries(validation)) {
    const column = field.split('.')[0];
    for (const message of messages) problems.push(`${column}: ${message}`);
  }
  if (weekly) {
    for (const [field, messages] of Object.entries(availabilityErrors({ weekly, exceptions: [] }))) {
      const index = Number(/^weekly\[(\d+)\]/.exec(field)?.[1]);
      const slot = Number.isInteger(index) ? `"${formatWeekly([weekly[index]])}"` : field;
      for (const message of messages) problems.push(`weeklyAvailability: ${slot}: ${message}`);
    }
  }
  return { row: { row: rowNumber, input, weekly }, problems };
}

const LANGUAGE_RE = /^([^:\s]+)\s*:\s*(\S+)$/;

export function parseLanguages(value: string, problems: string[]): { code: string; proficiency: string }[] {
  const out: { code: string; proficiency: string }[] = [];
  for (const part of value
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = LANGUAGE_RE.exec(part);
    if (!m) problems.push(`languages: "${part}" must look like vi:native`);
    else out.push({ code: m[1].toLowerCase(), proficiency: m[2].toLowerCase() });
  }
  return out;
}

const SLOT_RE = /^(\d+)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/;

export function parseWeekly(value: string, problems: string[]): WeeklySlot[] {
  const out: WeeklySlot[] = [];
  for (const part of value
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = SLOT_RE.exec(part);
    if (!m) {
      problems.push(`weeklyAvailability: "${part}" must look like "1 09:00-12:00" (weekday 1-7, Monday = 1)`);
      continue;
    }
    const pad = (t: string) => (parseHhmm(t.padStart(5, '0')) === null ? t : t.padStart(5, '0'));
    out.push({ weekday: Number(m[1]), start: pad(m[2]), end: pad(m[3]) });
  }
  return out;
}
