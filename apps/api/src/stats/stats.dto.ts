import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class FiscalYearQueryDto {
  @ApiProperty({ example: 2026, description: 'The year the fiscal year starts in (April–March, Asia/Tokyo)' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear: number;
}


export interface StatsSummary {
  fiscalYear: number;
  from: string;
  to: string;
  /** Primary dispatches whose visit starts in the year, confirmed or completed. */
  dispatches: {
    total: number;
    byStatus: Record<'confirmed' | 'completed' | 'cancelled' | 'no_show', number>;
    byLanguage: Array<{ language: string; count: number }>;
    byHospital: Array<{ hospitalId: string; hospitalName: string; count: number }>;
    byDepartment: Array<{ department: string; count: number }>;
    byMonth: Array<{ month: string; count: number }>;
  };
  /**
   * Requests whose visit starts in the year. Filled: a primary dispatch was ever confirmed.
   * Unfilled: never filled, not cancelled, visit time passed. Pending: not filled yet, visit still
   * ahead. Withdrawn: cancelled before anyone was confirmed. Fill rate: filled / (filled + unfilled).
   */
  requests: {
    total: number;
    filled: number;
    unfilled: number;
    pending: number;
    withdrawn: number;
    fillRate: number | null;
    unfilledByLanguage: Array<{ language: string; count: number }>;
  };
  /** From filing to the first confirmation, over filled requests, in minutes. */
  timeToConfirmMinutes: { count: number; median: number | null; p90: number | null };
  /** Volunteers with at least one confirmed or completed dispatch (any role) in the year, by the dispatch's language. */
  activeVolunteers: { total: number; byLanguage: Array<{ language: string; count: number }> };
  /** Courses starting in the year: attendances marked attended, distinct volunteers, attended hours. */
  training: Array<{ kind: string; courses: number; attended: number; volunteers: number; hours: number }>;
}
