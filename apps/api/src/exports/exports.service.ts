import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InvalidError } from '@app/domain';
import {
  ATTENDANCE_STATUS_NAMES,
  CANCELLING_PARTY_NAMES,
  COURSE_KIND_NAMES,
  datePeriod,
  DEPARTMENT_NAMES,
  DISPATCH_STATUS_NAMES,
  FEE_LINE_KIND_NAMES,
  languageName,
  MODE_NAMES,
  NO_SHOW_PARTY_NAMES,
  REQUEST_ROLE_NAMES,
  REVIEW_STATUS_NAMES,
  VISIT_TYPE_NAMES,
  type Locale,
  type Names,
  type Period,
} from '@app/domain/model';
import { Actor } from '../common/decorators/current-user.decorator';
import { ownValue } from '../common/own-key';
import { FeesService } from '../fees/fees.service';
import { StatsService } from '../stats/stats.service';
import { figuresWorkbook } from './figures-workbook';
import { Cell, Column, ColumnKind, Table } from './tabular';

const BATCH = 1000;

/** A column's header in both languages. */
type ColumnDef = [ja: string, en: string, kind: ColumnKind, width?: number];

function columns(defs: readonly ColumnDef[], locale: Locale): Column[] {
  return defs.map(([ja, en, kind, width]) => ({ header: locale === 'ja' ? ja : en, kind, width }));
}

/** The name of a code in the chosen language; an unknown code (or none) as it is. */
function named(table: Readonly<Record<string, Names>>, code: string | null, locale: Locale): string | null {
  if (code === null) return null;
  return ownValue(table, code)?.[locale] ?? code;
}

/** A Tokyo calendar day `YYYY-MM-DD` as the instant it starts (what the date columns take). */
function dayStart(date: string): Date {
  return datePeriod(date, date).from;
}

const DISPATCH_COLUMNS: ColumnDef[] = [
  ['日付', 'Date', 'date'],
  ['開始', 'Start', 'time'],
  ['終了', 'End', 'time'],
  ['医療機関', 'Hospital', 'text', 28],
  ['診療科', 'Department', 'text', 14],
  ['言語', 'Language', 'text', 14],
  ['通訳者', 'Interpreter', 'text', 20],
  ['役割', 'Role', 'text', 10],
  ['受診の種類', 'Visit type', 'text', 16],
  ['形態', 'Mode', 'text', 12],
  ['状態', 'Status', 'text', 10],
  ['直前キャンセル', 'Late cancellation', 'boolean'],
  ['キャンセルした側', 'Cancelled by', 'text', 14],
  ['不在だった側', 'No-show party', 'text', 14],
  ['実際の開始', 'Actual start', 'datetime'],
  ['実際の終了', 'Actual end', 'datetime'],
  ['活動報告の確認', 'Report review', 'text', 14],
  ['時間の相違', 'Time dispute', 'boolean'],
  ['派遣ID', 'Dispatch ID', 'text', 38],
  ['依頼ID', 'Request ID', 'text', 38],
  ['通訳者ID', 'Volunteer ID', 'text', 38],
];

const ATTENDANCE_COLUMNS: ColumnDef[] = [
  ['日付', 'Date', 'date'],
  ['研修', 'Course', 'text', 30],
  ['種類', 'Kind', 'text', 16],
  ['時間数', 'Hours', 'decimal'],
  ['通訳者', 'Volunteer', 'text', 20],
  ['出欠', 'Attendance', 'text', 10],
  ['研修ID', 'Course ID', 'text', 38],
  ['通訳者ID', 'Volunteer ID', 'text', 38],
];

const HOSPITAL_STATEMENT_COLUMNS: ColumnDef[] = [
  ['月', 'Month', 'text', 9],
  ['医療機関', 'Hospital', 'text', 28],
  ['日付', 'Date', 'date'],
  ['言語', 'Language', 'text', 14],
  ['区分', 'Kind', 'text', 16],
  ['時間（分）', 'Minutes', 'integer'],
  ['金額（円）', 'Amount (yen)', 'yen'],
  ['医療機関ID', 'Hospital ID', 'text', 38],
  ['派遣ID', 'Dispatch ID', 'text', 38],
  ['依頼ID', 'Request ID', 'text', 38],
];

const VOLUNTEER_STATEMENT_COLUMNS: ColumnDef[] = [
  ['月', 'Month', 'text', 9],
  ['通訳者', 'Volunteer', 'text', 20],
  ['日付', 'Date', 'date'],
  ['医療機関', 'Hospital', 'text', 28],
  ['区分', 'Kind', 'text', 16],
  ['謝金（円）', 'Honorarium (yen)', 'yen'],
  ['交通費（円）', 'Transport (yen)', 'yen'],
  ['合計（円）', 'Amount (yen)', 'yen'],
  ['通訳者ID', 'Volunteer ID', 'text', 38],
  ['派遣ID', 'Dispatch ID', 'text', 38],
];

const SHEETS = {
  dispatches: { ja: '派遣', en: 'Dispatches' },
  attendance: { ja: '研修出欠', en: 'Attendance' },
  hospitals: { ja: '医療機関別明細', en: 'Hospital statements' },
  volunteers: { ja: '謝金・交通費明細', en: 'Volunteer statements' },
} as const satisfies Record<string, Names>;

/**
 * Exports as tables for CSV and .xlsx, in the clerk's language (`ja` by default): human columns
 * first, ids last, instants as Japan time. Dispatches and attendance are read in keyset batches
 * (`ORDER BY starts_at, id ... LIMIT`), so a year never sits in memory; a month's statements are
 * small and computed as for the API. No patient details: ids, times, places, languages only.
 */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fees: FeesService,
    private readonly stats: StatsService,
  ) {}

  /** The yearly report: the stats API's summary of the fiscal year, as a workbook. */
  async figures(fiscalYear: number, locale: Locale = 'ja'): Promise<Buffer> {
    return figuresWorkbook(await this.stats.summary(fiscalYear), locale);
  }

  dispatches(from: string, to: string, locale: Locale = 'ja'): Table {
    const period = this.period(from, to);
    type Row = {
      dispatch_id: string;
      request_id: string;
      starts_at: Date;
      ends_at: Date;
      language: string;
      hospital: string;
      department: string;
      visit_type: string;
      mode: string;
      role: string;
      status: string;
      late_cancellation: boolean;
      cancelled_by: string | null;
      no_show_party: string | null;
      volunteer_id: string;
      volunteer: string;
      actual_start: Date | null;
      actual_end: Date | null;
      review_status: string | null;
      time_dispute: boolean;
    };
    const batches = this.keyset<Row>(
      `SELECT d.id AS dispatch_id, d.request_id, d.starts_at, d.ends_at, r.language, h.name AS hospital, r.department, r.visit_type, r.mode,
              d.role, d.status, d.late_cancellation, d.cancelled_by, d.no_show_party, d.volunteer_id, v.display_name AS volunteer, d.actual_start, d.actual_end,
              ar.review_status, coalesce(ar.time_dispute, hc.time_dispute, false) AS time_dispute
         FROM dispatches d
         JOIN requests r ON r.id = d.request_id
         JOIN hospitals h ON h.id = r.hospital_id
         JOIN volunteers v ON v.id = d.volunteer_id
         LEFT JOIN activity_reports ar ON ar.dispatch_id = d.id
         LEFT JOIN hospital_confirmations hc ON hc.dispatch_id = d.id
        WHERE d.starts_at >= $1 AND d.starts_at < $2 AND (d.starts_at, d.id) > ($3, $4)
        ORDER BY d.starts_at, d.id LIMIT ${BATCH}`,
      period,
      (r) => [r.starts_at, r.dispatch_id],
      (r) => [
        r.starts_at,
        r.starts_at,
        r.ends_at,
        r.hospital,
        named(DEPARTMENT_NAMES, r.department, locale),
        languageName(r.language, locale),
        r.volunteer,
        named(REQUEST_ROLE_NAMES, r.role, locale),
        named(VISIT_TYPE_NAMES, r.visit_type, locale),
        named(MODE_NAMES, r.mode, locale),
        named(DISPATCH_STATUS_NAMES, r.status, locale),
        r.late_cancellation,
        named(CANCELLING_PARTY_NAMES, r.cancelled_by, locale),
        named(NO_SHOW_PARTY_NAMES, r.no_show_party, locale),
        r.actual_start,
        r.actual_end,
        named(REVIEW_STATUS_NAMES, r.review_status, locale),
        r.time_dispute,
        r.dispatch_id,
        r.request_id,
        r.volunteer_id,
      ],
    );
    return { sheet: SHEETS.dispatches[locale], columns: columns(DISPATCH_COLUMNS, locale), locale, batches };
  }

  attendance(from: string, to: string, locale: Locale = 'ja'): Table {
    const period = this.period(from, to);
    type Row = {
      course_id: string;
      title: string;
      kind: string;
      starts_at: Date;
      hours: string;
      volunteer_id: string;
      volunteer: string;
      status: string;
      attendance_id: string;
    };
    const batches = this.keyset<Row>(
      `SELECT a.id AS attendance_id, c.id AS course_id, c.title, c.kind, c.starts_at, c.hours, a.volunteer_id, v.display_name AS volunteer, a.status
         FROM course_attendances a
         JOIN training_courses c ON c.id = a.course_id
         JOIN volunteers v ON v.id = a.volunteer_id
        WHERE c.starts_at >= $1 AND c.starts_at < $2 AND (c.starts_at, a.id) > ($3, $4)
        ORDER BY c.starts_at, a.id LIMIT ${BATCH}`,
      period,
      (r) => [r.starts_at, r.attendance_id],
      (r) => [
        r.starts_at,
        r.title,
        named(COURSE_KIND_NAMES, r.kind, locale),
        Number(r.hours),
        r.volunteer,
        named(ATTENDANCE_STATUS_NAMES, r.status, locale),
        r.course_id,
        r.volunteer_id,
      ],
    );
    return { sheet: SHEETS.attendance[locale], columns: columns(ATTENDANCE_COLUMNS, locale), locale, batches };
  }

  hospitalStatements(actor: Actor, month: string, locale: Locale = 'ja'): Table {
    const fees = this.fees;
    return {
      sheet: `${SHEETS.hospitals[locale]} ${month}`,
      columns: columns(HOSPITAL_STATEMENT_COLUMNS, locale),
      locale,
      batches: (async function* () {
        const statements = await fees.hospitalStatements(actor, month);
        for (const s of statements.data) {
          yield s.lines.map((l): Cell[] => [
            month,
            s.hospitalName,
            dayStart(l.date),
            languageName(l.language, locale),
            named(FEE_LINE_KIND_NAMES, l.kind, locale),
            l.minutes,
            l.amountYen,
            s.hospitalId,
            l.dispatchId,
            l.requestId,
          ]);
        }
      })(),
    };
  }

  volunteerStatements(actor: Actor, month: string, locale: Locale = 'ja'): Table {
    const fees = this.fees;
    return {
      sheet: `${SHEETS.volunteers[locale]} ${month}`,
      columns: columns(VOLUNTEER_STATEMENT_COLUMNS, locale),
      locale,
      batches: (async function* () {
        const statements = await fees.volunteerStatements(actor, month);
        for (const s of statements.data) {
          yield s.lines.map((l): Cell[] => [
            month,
            s.volunteerName,
            dayStart(l.date),
            l.hospitalName,
            named(FEE_LINE_KIND_NAMES, l.kind, locale),
            l.honorariumYen,
            l.transportYen,
            l.amountYen,
            s.volunteerId,
            l.dispatchId,
          ]);
        }
      })(),
    };
  }

  /** Runs `sql` page after page: `$1`/`$2` the period, `$3`/`$4` the last row's key. */
  private keyset<R>(
    sql: string,
    period: Period,
    key: (row: R) => [Date, string],
    toCells: (row: R) => Cell[],
  ): AsyncIterable<Cell[][]> {
    const dataSource = this.dataSource;
    return (async function* () {
      let after: [Date, string] = [new Date(0), '00000000-0000-0000-0000-000000000000'];
      for (;;) {
        const rows: R[] = await dataSource.query(sql, [period.from, period.to, after[0], after[1]]);
        if (rows.length === 0) return;
        yield rows.map(toCells);
        if (rows.length < BATCH) return;
        after = key(rows[rows.length - 1]);
      }
    })();
  }

  private period(from: string, to: string): Period {
    if (from > to) throw InvalidError.field('to', 'to must not be before from');
    return datePeriod(from, to);
  }
}
