import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { fiscalYearPeriod } from './periods';
import { StatsSummary } from './stats.dto';

const LIVE = `d.role = 'primary' AND d.status IN ('confirmed', 'completed')`;
const TOKYO_MONTH = `to_char(d.starts_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM')`;

const byCountThenKey =
  <T extends { count: number }>(key: (t: T) => string) =>
  (a: T, b: T) =>
    b.count - a.count || key(a).localeCompare(key(b));

/**
 * The figures the programme reports to the city for a fiscal year (April–March, Asia/Tokyo),
 * computed by aggregate queries in PostgreSQL: no rows are loaded into the app. Visits belong to
 * the fiscal year of their scheduled start in Tokyo time (31 March 23:30 JST is the old year).
 */
@Injectable()
export class StatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async summary(fiscalYear: number): Promise<StatsSummary> {
    const { from, to } = fiscalYearPeriod(fiscalYear);
    const p = [from, to];
    const q = <T>(sql: string, params: unknown[] = p): Promise<T[]> => this.dataSource.query(sql, params);

    const [groups, statuses, requests, timing, volunteers, training, shadowing] = await Promise.all([
      q<{
        language: string | null;
        hospital_id: string | null;
        hospital_name: string | null;
        department: string | null;
        month: string | null;
        g: number;
        count: number;
      }>(
        `SELECT r.language, r.hospital_id, h.name AS hospital_name, r.department, ${TOKYO_MONTH} AS month,
                GROUPING(r.language, r.hospital_id, h.name, r.department, ${TOKYO_MONTH}) AS g, count(*)::int AS count
           FROM dispatches d JOIN requests r ON r.id = d.request_id JOIN hospitals h ON h.id = r.hospital_id
          WHERE ${LIVE} AND d.starts_at >= $1 AND d.starts_at < $2
          GROUP BY GROUPING SETS ((r.language), (r.hospital_id, h.name), (r.department), (${TOKYO_MONTH}), ())`,
      ),
      q<{ status: string; count: number }>(
        `SELECT d.status, count(*)::int AS count FROM dispatches d
          WHERE d.role = 'primary' AND d.starts_at >= $1 AND d.starts_at < $2 GROUP BY d.status`,
      ),
      q<{
        language: string | null;
        total: number;
        filled: number;
        unfilled: number;
        pending: number;
        withdrawn: number;
      }>(
        `SELECT x.language, count(*)::int AS total,
                count(*) FILTER (WHERE x.filled)::int AS filled,
                count(*) FILTER (WHERE NOT x.filled AND x.status <> 'cancelled' AND x.starts_at <= $3)::int AS unfilled,
                count(*) FILTER (WHERE NOT x.filled AND x.status <> 'cancelled' AND x.starts_at > $3)::int AS pending,
                count(*) FILTER (WHERE NOT x.filled AND x.status = 'cancelled')::int AS withdrawn
           FROM (SELECT r.language, r.status, r.starts_at,
                        EXISTS (SELECT 1 FROM dispatches d WHERE d.request_id = r.id AND d.role = 'primary') AS filled
                   FROM requests r WHERE r.starts_at >= $1 AND r.starts_at < $2) x
          GROUP BY ROLLUP (x.language)`,
        [from, to, this.clock.now()],
      ),
      q<{ count: number; median: number | null; p90: number | null }>(
        `SELECT count(*)::int AS count,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY t.minutes) AS median,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY t.minutes) AS p90
           FROM (SELECT extract(epoch FROM (min(c.at) - min(f.at))) / 60 AS minutes
                   FROM requests r
                   JOIN status_transitions f ON f.subject_type = 'request' AND f.subject_id = r.id AND f.event = 'file'
                   JOIN status_transitions c ON c.subject_type = 'request' AND c.subject_id = r.id AND c.to_status = 'confirmed'
                  WHERE r.starts_at >= $1 AND r.starts_at < $2
                  GROUP BY r.id) t`,
      ),
      q<{ language: string | null; count: number }>(
        `SELECT r.language, count(DISTINCT d.volunteer_id)::int AS count
           FROM dispatches d JOIN requests r ON r.id = d.request_id
          WHERE d.status IN ('confirmed', 'completed') AND d.starts_at >= $1 AND d.starts_at < $2
          GROUP BY ROLLUP (r.language)`,
      ),
      q<{ kind: string; courses: number; attended: number; volunteers: number; hours: string }>(
        `SELECT c.kind, count(DISTINCT c.id)::int AS courses,
                count(a.id) FILTER (WHERE a.status = 'attended')::int AS attended,
                count(DISTINCT a.volunteer_id) FILTER (WHERE a.status = 'attended')::int AS volunteers,
                coalesce(sum(c.hours) FILTER (WHERE a.status = 'attended'), 0) AS hours
           FROM training_courses c LEFT JOIN course_attendances a ON a.course_id = c.id
          WHERE c.starts_at >= $1 AND c.starts_at < $2
          GROUP BY c.kind ORDER BY c.kind`,
      ),
      q<{ shadow_visits: number; trainees: number; promoted: number }>(
        `SELECT (SELECT count(*) FROM dispatches d WHERE d.role = 'shadow' AND d.status IN ('confirmed', 'completed')
                    AND d.starts_at >= $1 AND d.starts_at < $2)::int AS shadow_visits,
                (SELECT count(DISTINCT d.volunteer_id) FROM dispatches d WHERE d.role = 'shadow'
                    AND d.status IN ('confirmed', 'completed') AND d.starts_at >= $1 AND d.starts_at < $2)::int AS trainees,
                (SELECT count(DISTINCT c.volunteer_id) FROM volunteer_level_changes c
                  WHERE c.from_level = 'trainee' AND c.to_level <> 'trainee'
                    AND c.changed_at >= $1 AND c.changed_at < $2)::int AS promoted`,
      ),
    ]);

    // GROUPING bits, left to right: language, hospital_id, hospital name, department, month (1 = rolled up).
    const only = (bits: number) => groups.filter((g) => g.g === bits);
    const months = Array.from({ length: 12 }, (_, i) => {
      const m = ((i + 3) % 12) + 1;
      return `${fiscalYear + (m < 4 ? 1 : 0)}-${String(m).padStart(2, '0')}`;
    });
    const monthCounts = new Map(only(0b11110).map((g) => [g.month!, g.count]));
    const totals = requests.find((r) => r.language === null) ?? {
      total: 0,
      filled: 0,
      unfilled: 0,
      pending: 0,
      withdrawn: 0,
    };
    const status = Object.fromEntries(statuses.map((s) => [s.status, s.count]));

    return {
      fiscalYear,
      from: from.toISOString(),
      to: to.toISOString(),
      dispatches: {
        total: only(0b11111)[0]?.count ?? 0,
        byStatus: {
          confirmed: status.confirmed ?? 0,
          completed: status.completed ?? 0,
          cancelled: status.cancelled ?? 0,
          no_show: status.no_show ?? 0,
        },
        byLanguage: only(0b01111)
          .map((g) => ({ language: g.language!, count: g.count }))
          .sort(byCountThenKey((x) => x.language)),
        byHospital: only(0b10011)
          .map((g) => ({ hospitalId: g.hospital_id!, hospitalName: g.hospital_name!, count: g.count }))
          .sort(byCountThenKey((x) => x.hospitalName)),
        byDepartment: only(0b11101)
          .map((g) => ({ department: g.department!, count: g.count }))
          .sort(byCountThenKey((x) => x.department)),
        byMonth: months.map((month) => ({ month, count: monthCounts.get(month) ?? 0 })),
      },
      requests: {
        total: totals.total,
        filled: totals.filled,
        unfilled: totals.unfilled,
        pending: totals.pending,
        withdrawn: totals.withdrawn,
        fillRate:
          totals.filled + totals.unfilled > 0 ? round4(totals.filled / (totals.filled + totals.unfilled)) : null,
        unfilledByLanguage: requests
          .filter((r) => r.language !== null && r.unfilled > 0)
          .map((r) => ({ language: r.language!, count: r.unfilled }))
          .sort(byCountThenKey((x) => x.language)),
      },
      timeToConfirmMinutes: {
        count: timing[0]?.count ?? 0,
        median: timing[0]?.median === null || timing[0]?.median === undefined ? null : round4(Number(timing[0].median)),
        p90: timing[0]?.p90 === null || timing[0]?.p90 === undefined ? null : round4(Number(timing[0].p90)),
      },
      activeVolunteers: {
        total: volunteers.find((v) => v.language === null)?.count ?? 0,
        byLanguage: volunteers
          .filter((v) => v.language !== null)
          .map((v) => ({ language: v.language!, count: v.count }))
          .sort(byCountThenKey((x) => x.language)),
      },
      training: training.map((t) => ({
        kind: t.kind,
        courses: t.courses,
        attended: t.attended,
        volunteers: t.volunteers,
        hours: Number(t.hours),
      })),
      shadowing: {
        shadowVisits: shadowing[0]?.shadow_visits ?? 0,
        trainees: shadowing[0]?.trainees ?? 0,
        traineesPromoted: shadowing[0]?.promoted ?? 0,
      },
    };
  }
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
