import { ApiProperty } from '@nestjs/swagger';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { BadRequestError, Errors, InvalidError, Volunteer } from '@app/domain';
import type { WeeklySlot } from '@app/matching';
import { Actor } from '../common/decorators/current-user.decorator';
import { parseRoster, rosterCsv } from './roster-csv';
import { VolunteersService } from './volunteers.service';

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

export class ImportResult {
  @ApiProperty() rows!: number;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
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
   * bad row) and nothing is written. Rows whose e-mail is known update that volunteer, so
   * importing the same file again changes nothing.
   */
  async import(actor: Actor, file: { buffer: Buffer } | undefined): Promise<ImportResult> {
    if (!file)
      throw new BadRequestError('FILE_REQUIRED', 'Send the CSV as the multipart field "file"', { file: ['required'] });
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file.buffer);
    } catch {
      throw Errors.importRejected('The file is not UTF-8 text', {
        file: ['save the CSV as UTF-8 (with or without BOM)'],
      });
    }
    const parsed = await parseRoster(text, MAX_IMPORT_ROWS);
    if (!parsed.ok) throw Errors.importRejected(parsed.message, parsed.errors);

    return this.dataSource.transaction(async (m) => {
      const emails = parsed.rows.map((r) => r.input.email);
      const existing = emails.length
        ? await m.find(Volunteer, { where: { email: In(emails) }, lock: { mode: 'pessimistic_write' } })
        : [];
      const byEmail = new Map(existing.map((v) => [v.email, v]));
      const result: ImportResult = { rows: parsed.rows.length, created: 0, updated: 0, unchanged: 0 };
      for (const row of parsed.rows) {
        const current = byEmail.get(row.input.email);
        try {
          if (!current) {
            await this.volunteers.insert(m, {
              ...row.input,
              availability: { weekly: row.weekly ?? [], exceptions: [] },
            });
            result.created += 1;
            continue;
          }
          let changed = await this.volunteers.applyUpdate(m, actor.id, current, row.input, 'CSV import');
          if (row.weekly && !sameWeekly(row.weekly, current.availability.weekly)) {
            current.availability = { weekly: row.weekly, exceptions: current.availability.exceptions };
            await m.save(Volunteer, current);
            changed = true;
          }
          if (changed) result.updated += 1;
          else result.unchanged += 1;
        } catch (error) {
          if (error instanceof InvalidError)
            throw Errors.importRejected('1 row(s) rejected; nothing was imported', {
              [`row ${row.row}`]: [error.message],
            });
          throw error;
        }
      }
      return result;
    });
  }
}

/** Same slots in the same order (jsonb does not keep key order, so compare values). */
function sameWeekly(a: readonly WeeklySlot[], b: readonly WeeklySlot[]): boolean {
  return (
    a.length === b.length &&
    a.every((s, i) => s.weekday === b[i].weekday && s.start === b[i].start && s.end === b[i].end)
  );
}
