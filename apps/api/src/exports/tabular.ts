import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { stream as excelStream } from 'exceljs';

export type Cell = string | number | boolean | null;

/** A table produced batch by batch: the header, then rows as they come from the database. */
export interface Table {
  sheet: string;
  header: string[];
  batches: AsyncIterable<Cell[][]>;
}

const BOM = '\uFEFF';

/**
 * CRLF line ends, and csv-stringify's own formula guard: a text cell starting with = + - @ (or
 * their full-width forms, tab, CR) gets a leading ' so spreadsheets show it as text.
 */
export const CSV_OPTIONS = { record_delimiter: 'windows', escape_formulas: true } as const;

/**
 * CSV in UTF-8 with a BOM (so Excel opens it as UTF-8), CRLF line ends. Pulled batch by batch as
 * the client reads: only one batch is in memory at a time.
 */
export function csvStream(table: Table): Readable {
  async function* chunks(): AsyncGenerator<string> {
    yield BOM + stringify([table.header], CSV_OPTIONS);
    for await (const rows of table.batches) {
      if (rows.length)
        yield stringify(
          rows.map((r) => r.map(csvCell)),
          CSV_OPTIONS,
        );
    }
  }
  return Readable.from(chunks());
}

/** An .xlsx written with exceljs's streaming writer: each row is committed (and zipped out) as it comes. */
export function xlsxStream(table: Table): Readable {
  const out = new PassThrough();
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(table.sheet);
  (async () => {
    sheet.addRow(table.header).commit();
    for await (const rows of table.batches) {
      for (const row of rows) sheet.addRow(row).commit();
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: Error) => out.destroy(error));
  return out;
}

function csvCell(value: Cell): string | number {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}
