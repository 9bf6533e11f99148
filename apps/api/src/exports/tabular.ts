import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { stream as excelStream, type Cell as ExcelCell, type Worksheet } from 'exceljs';
import { formatTime, tokyoDate, tokyoDateTime, tokyoWallClockDate, YES_NO, type Locale } from '@app/domain/model';

/** A cell as the exports produce it: an instant (`Date`) for the date and time kinds. */
export type Cell = string | number | boolean | Date | null;

/**
 * How a column is written. `date`, `datetime` and `time` take an instant and write its Japan
 * time (CSV: `2026-12-08`, `2026-12-08 10:00`, `10:00`; XLSX: a real date cell with that
 * format); `integer`, `yen`, `decimal` and `percent` are number cells; `boolean` is はい/いいえ.
 */
export type ColumnKind = 'text' | 'date' | 'datetime' | 'time' | 'integer' | 'yen' | 'decimal' | 'percent' | 'boolean';

export interface Column {
  header: string;
  kind: ColumnKind;
  /** Width in characters (XLSX); a default by kind otherwise. */
  width?: number;
}

/** A table produced batch by batch: the columns, then rows as they come from the database. */
export interface Table {
  sheet: string;
  columns: Column[];
  locale: Locale;
  batches: AsyncIterable<Cell[][]>;
}

const BOM = '\uFEFF';

/**
 * CRLF line ends, and csv-stringify's own formula guard: a text cell starting with = + - @ (or
 * their full-width forms, tab, CR) gets a leading ' so spreadsheets show it as text.
 */
export const CSV_OPTIONS = { record_delimiter: 'windows', escape_formulas: true } as const;

/** What a spreadsheet would run as a formula: = + - @ (and their full-width forms), tab, CR at the start. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * The one guard for text written into an .xlsx: a leading ' (as csv-stringify's `escape_formulas`
 * writes it into CSV), so a name like `=HYPERLINK(…)` stays text when the sheet is edited or saved as CSV.
 */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const NUMBER_FORMATS: Partial<Record<ColumnKind, string>> = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  time: 'hh:mm',
  integer: '#,##0',
  yen: '"¥"#,##0',
  decimal: '#,##0.0#',
  percent: '0.0%',
};

const WIDTHS: Record<ColumnKind, number> = {
  text: 18,
  date: 12,
  datetime: 17,
  time: 8,
  integer: 10,
  yen: 12,
  decimal: 10,
  percent: 10,
  boolean: 10,
};

/** A cell's text in CSV: Japan time for instants, はい/いいえ for booleans, empty for null. */
function csvCell(value: Cell, column: Column, locale: Locale): string | number {
  if (value === null) return '';
  if (typeof value === 'boolean') return YES_NO[value ? 'yes' : 'no'][locale];
  if (value instanceof Date) {
    if (column.kind === 'date') return tokyoDate(value);
    if (column.kind === 'time') return formatTime(value);
    return tokyoDateTime(value);
  }
  return value;
}

/**
 * CSV in UTF-8 with a BOM (so Excel opens it as UTF-8), CRLF line ends. Pulled batch by batch as
 * the client reads: only one batch is in memory at a time.
 */
export function csvStream(table: Table): Readable {
  async function* chunks(): AsyncGenerator<string> {
    yield BOM + stringify([table.columns.map((c) => c.header)], CSV_OPTIONS);
    for await (const rows of table.batches) {
      if (rows.length)
        yield stringify(
          rows.map((r) => r.map((value, i) => csvCell(value, table.columns[i], table.locale))),
          CSV_OPTIONS,
        );
    }
  }
  return Readable.from(chunks());
}

/** Writes one value into an .xlsx cell as its kind wants it: dates as dates, numbers as numbers, text guarded. */
function setXlsxCell(cell: ExcelCell, value: Cell, column: Column, locale: Locale): void {
  if (value === null) return;
  if (typeof value === 'boolean') cell.value = YES_NO[value ? 'yes' : 'no'][locale];
  else if (value instanceof Date) {
    const wall = tokyoWallClockDate(value);
    // A date column holds the day alone (no time fraction), so filters and sums by day work.
    cell.value =
      column.kind === 'date' ? new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate())) : wall;
  } else if (typeof value === 'string') cell.value = guardFormula(value);
  else cell.value = value;
  const numFmt = NUMBER_FORMATS[column.kind];
  if (numFmt && typeof cell.value !== 'string') cell.numFmt = numFmt;
}

/** The header row (bold, frozen by the sheet's view) and the columns' widths. */
export function writeHeader(sheet: Worksheet, columns: readonly Column[]): void {
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width ?? Math.max(WIDTHS[c.kind], Math.min(40, displayWidth(c.header) + 2));
  });
  const header = sheet.addRow(columns.map((c) => guardFormula(c.header)));
  header.font = { bold: true };
  header.commit();
}

/** Writes rows into a sheet; `commit` for the streaming writer (each row zipped out as it comes). */
export function writeRow(sheet: Worksheet, columns: readonly Column[], values: readonly Cell[], locale: Locale) {
  const row = sheet.addRow([]);
  values.forEach((value, i) => setXlsxCell(row.getCell(i + 1), value, columns[i], locale));
  return row;
}

/** Frozen header row: the sheet's first line stays in view as the clerk scrolls. */
export const FROZEN_HEADER = { views: [{ state: 'frozen' as const, xSplit: 0, ySplit: 1 }] };

/** An .xlsx written with exceljs's streaming writer: each row is committed (and zipped out) as it comes. */
export function xlsxStream(table: Table): Readable {
  const out = new PassThrough();
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(table.sheet, FROZEN_HEADER);
  (async () => {
    writeHeader(sheet, table.columns);
    for await (const rows of table.batches) {
      for (const row of rows) writeRow(sheet, table.columns, row, table.locale).commit();
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: Error) => out.destroy(error));
  return out;
}

/** Full-width characters take two columns in a spreadsheet. */
function displayWidth(text: string): number {
  let width = 0;
  for (const c of text) width += c.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return width;
}
