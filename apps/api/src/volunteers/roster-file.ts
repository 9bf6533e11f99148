import { inflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { Workbook, type CellValue } from 'exceljs';
import { fromTokyoWallClockDate, rosterColumnOf } from '@app/domain/model';

/** One line of a roster file: its number as the clerk sees it (the header is row 1) and its cells as text. */
export interface RosterRecord {
  row: number;
  cells: string[];
}

/** The file's encoding or format, as detected (the preview says it). */
export type RosterFormat = 'utf-8' | 'shift_jis' | 'xlsx';

export type RosterFile =
  | { ok: true; format: RosterFormat; records: RosterRecord[]; phonesRestored?: number[] }
  | { ok: false; reason: 'unreadable_text' | 'unreadable_csv' | 'unreadable_xlsx'; detail?: string }
  | { ok: false; reason: 'too_many_columns'; max: number }
  | { ok: false; reason: 'too_many_rows'; max: number }
  | { ok: false; reason: 'xlsx_too_large'; max: number };

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** A roster has a dozen columns; more than this is not a roster (and would cost memory per row). */
export const MAX_ROSTER_COLUMNS = 100;
/** Rows a sheet may hold before its values are read (the import itself allows MAX_IMPORT_ROWS). */
export const MAX_SHEET_ROWS = 5001;
/** What an .xlsx may unpack to: a 5,000-row roster is a few MB of XML; a zip bomb is refused before exceljs. */
export const MAX_XLSX_UNPACKED_BYTES = 40 * 1024 * 1024;

/**
 * Reads a roster as offices have it: an .xlsx workbook (its first sheet), or a CSV in UTF-8
 * (with or without BOM) or in Shift_JIS (CP932, what Excel's 「CSV (コンマ区切り)」 saves). The text's
 * encoding is detected: a strict UTF-8 decode first (Shift_JIS text is almost never valid
 * UTF-8), else CP932, refused when that leaves undecodable bytes.
 */
export async function readRosterFile(buffer: Buffer): Promise<RosterFile> {
  if (buffer.subarray(0, 4).equals(ZIP)) return readXlsx(buffer);
  // Refused before parsing: csv-parse on one line of 900k fields holds the event loop for seconds.
  if (headerFields(buffer) > MAX_ROSTER_COLUMNS)
    return { ok: false, reason: 'too_many_columns', max: MAX_ROSTER_COLUMNS };
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

/**
 * The number of fields of the first record (the header) of a CSV, counting delimiters outside
 * quotes up to the first line break outside quotes; stops counting past the limit. Encoding does
 * not matter: `,` `"` and line breaks are the same bytes in UTF-8 and Shift_JIS (never a trail byte).
 */
function headerFields(buffer: Buffer): number {
  let fields = 1;
  let quoted = false;
  for (let i = 0; i < buffer.length && fields <= MAX_ROSTER_COLUMNS; i++) {
    const byte = buffer[i];
    if (byte === 0x22) quoted = !quoted;
    else if (!quoted && byte === 0x2c) fields += 1;
    else if (!quoted && (byte === 0x0a || byte === 0x0d)) {
      if (fields > 1 || i > 0) break;
    }
  }
  return fields;
}

/**
 * What the zip's entries unpack to, inflated (not trusted from the headers) with the output
 * capped at what is left of `budget`: a zip bomb stops at the cap instead of filling the heap.
 * Undefined when the file is not a zip this can walk (exceljs then says why it cannot read it).
 */
function unpackedWithin(buffer: Buffer, budget: number): boolean | undefined {
  // End of central directory: 22 bytes plus a comment of at most 65,535.
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--)
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return undefined;
  const entries = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  let left = budget;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== 0x02014b50) return undefined;
    const method = buffer.readUInt16LE(at + 10);
    const compressed = buffer.readUInt32LE(at + 20);
    const declared = buffer.readUInt32LE(at + 24);
    const local = buffer.readUInt32LE(at + 42);
    at += 46 + buffer.readUInt16LE(at + 28) + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    if (declared > left) return false;
    if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== 0x04034b50) return undefined;
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + compressed);
    if (method === 0) left -= data.length;
    else if (method === 8) {
      try {
        left -= inflateRawSync(data, { maxOutputLength: left + 1 }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return false;
        return undefined;
      }
    } else return undefined;
    if (left < 0) return false;
  }
  return true;
}

async function readXlsx(buffer: Buffer): Promise<RosterFile> {
  if (unpackedWithin(buffer, MAX_XLSX_UNPACKED_BYTES) === false)
    return { ok: false, reason: 'xlsx_too_large', max: MAX_XLSX_UNPACKED_BYTES };
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    return { ok: false, reason: 'unreadable_xlsx', detail: (error as Error).message };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: true, format: 'xlsx', records: [] };
  if (sheet.actualRowCount > MAX_SHEET_ROWS) return { ok: false, reason: 'too_many_rows', max: MAX_SHEET_ROWS - 1 };
  const records: RosterRecord[] = [];
  const phonesRestored: number[] = [];
  // Rows as wide as the header (the empty cells Excel leaves out are empty fields), wider only
  // when a cell beyond it holds something, which the import then reports. Only the cells a row
  // has are read: a stray (even empty, formatted) cell in column XFD must not make every row
  // 16,384 cells wide.
  let headerWidth: number | undefined;
  let phone: number | undefined;
  let tooWide = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (tooWide) return;
    const present: { column: number; text: string }[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const text = cellText(cell.value).trim();
      if (text !== '') present.push({ column, text });
    });
    if (present.length === 0) return;
    const used = present[present.length - 1].column;
    if (used > MAX_ROSTER_COLUMNS) {
      tooWide = true;
      return;
    }
    const cells = Array.from({ length: Math.max(used, headerWidth ?? used) }, () => '');
    for (const { column, text } of present) cells[column - 1] = text;
    if (headerWidth === undefined) {
      headerWidth = used;
      const at = cells.findIndex((cell) => rosterColumnOf(cell) === 'phone');
      phone = at < 0 ? undefined : at;
    } else if (phone !== undefined && typeof row.getCell(phone + 1).value === 'number') {
      // 0961234567 typed into a cell Excel formats as a number keeps 961234567: a Japanese
      // number of 10 or 11 digits has lost its leading 0 (the preview lists these rows).
      if (/^[1-9]\d{8,9}$/.test(cells[phone])) {
        cells[phone] = `0${cells[phone]}`;
        phonesRestored.push(rowNumber);
      }
    }
    records.push({ row: rowNumber, cells });
  });
  if (tooWide) return { ok: false, reason: 'too_many_columns', max: MAX_ROSTER_COLUMNS };
  return { ok: true, format: 'xlsx', records, phonesRestored };
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
    if ('text' in value) return cellText(value.text);
    if ('result' in value) return cellText(value.result ?? '');
    // An error cell, or a formula saved without its result: nothing to read (not "[object Object]").
    return '';
  }
  return String(value);
}
