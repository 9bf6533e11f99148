import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { Workbook, type CellValue } from 'exceljs';
import { fromTokyoWallClockDate } from '@app/domain/model';

/** One line of a roster file: its number as the clerk sees it (the header is row 1) and its cells as text. */
export interface RosterRecord {
  row: number;
  cells: string[];
}

/** The file's encoding or format, as detected (the preview says it). */
export type RosterFormat = 'utf-8' | 'shift_jis' | 'xlsx';

export type RosterFile =
  | { ok: true; format: RosterFormat; records: RosterRecord[] }
  | { ok: false; reason: 'unreadable_text' | 'unreadable_csv' | 'unreadable_xlsx'; detail?: string };

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Reads a roster as offices have it: an .xlsx workbook (its first sheet), or a CSV in UTF-8
 * (with or without BOM) or in Shift_JIS (CP932, what Excel's 「CSV (コンマ区切り)」 saves). The text's
 * encoding is detected: a strict UTF-8 decode first (Shift_JIS text is almost never valid
 * UTF-8), else CP932, refused when that leaves undecodable bytes.
 */
export async function readRosterFile(buffer: Buffer): Promise<RosterFile> {
  if (buffer.subarray(0, 4).equals(ZIP)) return readXlsx(buffer);
  let text: string;
  let format: RosterFormat = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    text = iconv.decode(buffer, 'cp932');
    format = 'shift_jis';
    if (text.includes('\uFFFD')) return { ok: false, reason: 'unreadable_text' };
  }
  try {
    const records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return { ok: true, format, records: records.map(({ record, info }) => ({ row: info.lines, cells: record })) };
  } catch (error) {
    return { ok: false, reason: 'unreadable_csv', detail: (error as Error).message };
  }
}

async function readXlsx(buffer: Buffer): Promise<RosterFile> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    return { ok: false, reason: 'unreadable_xlsx', detail: (error as Error).message };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: true, format: 'xlsx', records: [] };
  const records: RosterRecord[] = [];
  const width = sheet.columnCount;
  // Rows as wide as the header (the empty cells Excel leaves out are empty fields), wider only
  // when a cell beyond it holds something, which the import then reports.
  let headerWidth: number | undefined;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value).trim());
    let used = cells.length;
    while (used > 0 && cells[used - 1] === '') used -= 1;
    if (used === 0) return;
    headerWidth ??= used;
    records.push({ row: rowNumber, cells: cells.slice(0, Math.max(used, headerWidth)) });
  });
  return { ok: true, format: 'xlsx', records };
}

/**
 * A cell as the CSV would hold it: a date cell (Excel's wall clock, Tokyo) as `2027-03-31`, or as
 * the instant when it has a time; a link's text; a formula's result; rich text's plain text.
 */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const midnight = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
    return midnight ? value.toISOString().slice(0, 10) : fromTokyoWallClockDate(value).toISOString();
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return cellText(value.text as CellValue);
    if ('result' in value) return cellText((value.result ?? '') as CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}
