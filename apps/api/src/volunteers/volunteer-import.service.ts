import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { BadRequestError, Errors, InvalidError, Volunteer } from '@app/domain';
import type { Locale } from '@app/domain/model';
import type { WeeklySlot } from '@app/matching';
import { Actor } from '../common/decorators/current-user.decorator';
import { parseRoster, rosterCsv, RosterRow, savingProblem } from './roster-csv';
import { readRosterFile, type RosterFormat } from './roster-file';
import { fileProblems } from './roster-problems';
import { VolunteersService } from './volunteers.service';
import { lockMany } from '../access/locks';

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

export const IMPORT_ACTIONS = ['create', 'update', 'unchanged'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

/** One row of a preview: what the import would do with it. */
export class ImportPreviewRow {
  @ApiProperty({ description: 'Line in the file (the header is row 1)' }) row!: number;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: IMPORT_ACTIONS }) action!: ImportAction;
}

export class ImportResult {
  @ApiProperty() rows!: number;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiPropertyOptional({ description: 'Only on a preview (dryRun): nothing was written' }) dryRun?: true;
  @ApiPropertyOptional({
    enum: ['utf-8', 'shift_jis', 'xlsx'],
    description: 'Only on a preview: how the file was read',
  })
  format?: RosterFormat;
  @ApiPropertyOptional({ type: [ImportPreviewRow], description: 'Only on a preview: each row and what it would do' })
  preview?: ImportPreviewRow[];
  @ApiPropertyOptional({
    type: [Number],
    description:
      'Only on a preview of an .xlsx: the rows whose phone was a number cell (leading 0 lost) and got its 0 back',
  })
  phonesRestored?: number[];
  @ApiPropertyOptional({
    type: [String],
    description: 'Only on a preview: what the import changed while reading, worded',
  })
  notes?: string[];
}

/** Thrown inside the transaction to roll a preview back once its result is known. */
class PreviewDone extends Error {
  constructor(readonly result: ImportResult) {
    super('preview');
  }
}

/** CSV roster import (all rows or none) and export. Columns: see roster-csv.ts. */
@Injectable()
export class VolunteerImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly volunteers: VolunteersService,
  ) {}

  async export(): Promise<string> {
    const all = await this.dataSource.getRepository(Volunteer).find({ order: { email: 'ASC' } });
    return rosterCsv(all);
  }

  /**
   * Validates every row first; one bad row rejects the file (422 IMPORT_REJECTED listing every
   * bad row, worded in `locale`) and nothing is written. Rows whose e-mail is known update that
   * volunteer, so importing the same file again changes nothing. Takes UTF-8 or Shift_JIS CSV and
   * .xlsx (roster-file.ts). A preview (`dryRun`) does all of it in a transaction it rolls back,
   * and answers what each row would do.
   */
  async import(
    actor: Actor,
    file: { buffer: Buffer } | undefined,
    options: { dryRun?: boolean; locale?: Locale } = {},
  ): Promise<ImportResult> {
    const locale = options.locale ?? 'ja';
    if (!file)
      throw new BadRequestError('FILE_REQUIRED', 'Send the CSV as the multipart field "file"', { file: ['required'] });
    const read = await readRosterFile(file.buffer);
    if (!read.ok && 'max' in read) {
      const text =
        read.reason === 'too_many_columns'
          ? fileProblems.tooManyColumns(read.max)
          : read.reason === 'too_many_rows'
            ? fileProblems.tooManySheetRows(read.max)
            : fileProblems.xlsxTooLarge(read.max);
      throw Errors.importRejected(text[locale], { file: [text[locale]] });
    }
    if (!read.ok) {
      const text =
        read.reason === 'unreadable_text'
          ? fileProblems.unreadableText
          : read.reason === 'unreadable_xlsx'
            ? fileProblems.unreadableXlsx
            : fileProblems.unreadableCsv;
      throw Errors.importRejected(text[locale], {
        file: [read.detail ? `${text[locale]}: ${read.detail}` : text[locale]],
      });
    }
    const parsed = await parseRoster(read.records, MAX_IMPORT_ROWS, locale);
    if (!parsed.ok) throw Errors.importRejected(parsed.message, parsed.errors);

    try {
      return await this.dataSource.transaction(async (m) => {
        const emails = parsed.rows.map((r) => r.input.email);
        const existing = emails.length ? await lockMany(m, Volunteer, { email: In(emails) }) : [];
        const byEmail = new Map(existing.map((v) => [v.email, v]));
        const result: ImportResult = { rows: parsed.rows.length, created: 0, updated: 0, unchanged: 0 };
        const preview: ImportPreviewRow[] = [];
        for (const row of parsed.rows) {
          const action = await this.applyRow(m, actor, row, byEmail.get(row.input.email), locale);
          result[action === 'create' ? 'created' : action === 'update' ? 'updated' : 'unchanged'] += 1;
          preview.push({ row: row.row, email: row.input.email, displayName: row.input.displayName, action });
        }
        if (options.dryRun) {
          const restored = read.phonesRestored ?? [];
          const notes = restored.length ? [fileProblems.phonesRestored(restored)[locale]] : [];
          throw new PreviewDone({
            ...result,
            dryRun: true,
            format: read.format,
            preview,
            ...(restored.length ? { phonesRestored: restored, notes } : {}),
          });
        }
        return result;
      });
    } catch (error) {
      if (error instanceof PreviewDone) return error.result;
      throw error;
    }
  }

  private async applyRow(
    m: EntityManager,
    actor: Actor,
    row: RosterRow,
    current: Volunteer | undefined,
    locale: Locale,
  ): Promise<ImportAction> {
    try {
      if (!current) {
        await this.volunteers.insert(m, { ...row.input, availability: { weekly: row.weekly ?? [], exceptions: [] } });
        return 'create';
      }
      let changed = await this.volunteers.applyUpdate(m, actor.id, current, row.input, 'CSV import');
      if (row.weekly && !sameWeekly(row.weekly, current.availability.weekly)) {
        current.availability = { weekly: row.weekly, exceptions: current.availability.exceptions };
        await m.save(Volunteer, current);
        changed = true;
      }
      return changed ? 'update' : 'unchanged';
    } catch (error) {
      if (error instanceof InvalidError) {
        const refusal = savingProblem(error.message, row.row, locale);
        throw Errors.importRejected(refusal.message, refusal.errors);
      }
      throw error;
    }
  }
}

/** Same slots in the same order (jsonb does not keep key order, so compare values). */
function sameWeekly(a: readonly WeeklySlot[], b: readonly WeeklySlot[]): boolean {
  return (
    a.length === b.length &&
    a.every((s, i) => s.weekday === b[i].weekday && s.start === b[i].start && s.end === b[i].end)
  );
}
