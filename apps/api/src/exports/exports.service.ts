import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InvalidError } from '@app/domain';
import { Actor } from '../common/decorators/current-user.decorator';
import { FeesService } from '../fees/fees.service';
import { datePeriod, Period } from '../stats/periods';
import { tokyoDate } from '@app/domain/model';
import { Cell, Table } from './tabular';

const BATCH = 1000;

/**
 * Exports as tables for CSV and .xlsx. Dispatches and attendance are read in keyset batches
 * (`ORDER BY starts_at, id ... LIMIT`), so a year never sits in memory; a month's statements are
 * small and computed as for the API. No patient details: ids, times, places, languages only.
 */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fees: FeesService,
  ) {}

  dispatches(from: string, to: string): Table {
    const period = this.period(from, to);
    const header = [
      'dispatch_id',
      'request_id',
      'visit_date',
      'starts_at',
      'ends_at',
      'language',
      'hospital',
      'department',
      'visit_type',
      'mode',
      'role',
      'status',
      'late_cancellation',
      'cancelled_by',
      'no_show_party',
      'volunteer_id',
      'volunteer',
      'actual_start',
      'actual_end',
      'report_review_status',
      'time_dispute',
    ];
    type Row = Record<string, unknown> & { starts_at: Date; dispatch_id: string };
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
        r.dispatch_id,
        r.request_id as string,
        tokyoDate(r.starts_at),
        iso(r.starts_at),
        iso(r.ends_at as Date),
        r.language as string,
        r.hospital as string,
        r.department as string,
        r.visit_type as string,
        r.mode as string,
        r.role as string,
        r.status as string,
        r.late_cancellation as boolean,
        (r.cancelled_by as string | null) ?? null,
        (r.no_show_party as string | null) ?? null,
        r.volunteer_id as string,
        r.volunteer as string,
        iso(r.actual_start as Date | null),
        iso(r.actual_end as Date | null),
        (r.review_status as string | null) ?? null,
        r.time_dispute as boolean,
      ],
    );
    return { sheet: 'dispatches', header, batches };
  }

  attendance(from: string, to: string): Table {
    const period = this.period(from, to);
    const header = ['course_id', 'course', 'kind', 'date', 'hours', 'volunteer_id', 'volunteer', 'status'];
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
        r.course_id,
        r.title,
        r.kind,
        tokyoDate(r.starts_at),
        Number(r.hours),
        r.volunteer_id,
        r.volunteer,
        r.status,
      ],
    );
    return { sheet: 'attendance', header, batches };
  }

  hospitalStatements(actor: Actor, month: string): Table {
    const fees = this.fees;
    return {
      sheet: `hospitals ${month}`,
      header: [
        'month',
        'hospital_id',
        'hospital',
        'dispatch_id',
        'request_id',
        'date',
        'language',
        'kind',
        'minutes',
        'amount_yen',
      ],
      batches: (async function* () {
        const statements = await fees.hospitalStatements(actor, month);
        for (const s of statements.data) {
          yield s.lines.map((l): Cell[] => [
            month,
            s.hospitalId,
            s.hospitalName,
            l.dispatchId,
            l.requestId,
            l.date,
            l.language,
            l.kind,
            l.minutes,
            l.amountYen,
          ]);
        }
      })(),
    };
  }

  volunteerStatements(actor: Actor, month: string): Table {
    const fees = this.fees;
    return {
      sheet: `volunteers ${month}`,
      header: [
        'month',
        'volunteer_id',
        'volunteer',
        'dispatch_id',
        'date',
        'hospital',
        'kind',
        'honorarium_yen',
        'transport_yen',
        'amount_yen',
      ],
      batches: (async function* () {
        const statements = await fees.volunteerStatements(actor, month);
        for (const s of statements.data) {
          yield s.lines.map((l): Cell[] => [
            month,
            s.volunteerId,
            s.volunteerName,
            l.dispatchId,
            l.date,
            l.hospitalName,
            l.kind,
            l.honorariumYen,
            l.transportYen,
            l.amountYen,
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

function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}
