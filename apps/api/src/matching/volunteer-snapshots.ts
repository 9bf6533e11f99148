import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { tokyoDate } from '@app/domain/model';
import { evaluateTraining, TrainingRecord } from '@app/domain/training/training-rule';
import {
  Availability,
  compileAvailability,
  CompiledAvailability,
  RequestSnapshot,
  tokyoMonthBounds,
  toTokyoWallTime,
  VolunteerSnapshot,
} from '@app/matching';

const DAY_MS = 86_400_000;

/** What the snapshots are built for: which volunteers, which visit, seen from when. */
export interface SnapshotScope {
  volunteerIds: string[];
  visitStartsAt: Date;
  visitEndsAt: Date;
  now: Date;
  /** A dispatch left out of the volunteer's load: the one being moved, judged at its new time. */
  ignoreDispatchId?: string;
}

interface HistoryRow {
  volunteer_id: string;
  patient_keys: string[] | null;
  hospital_ids: string[] | null;
  departments: Record<string, number> | null;
  last30: number | null;
  last90: number | null;
  rate: number | null;
}

/** A dispatch as the pool query returns it: [starts ms, ends ms, area, request id when interpreter of record]. */
type DispatchTuple = [number, number, string | null, string | null];
/** A course as the training rule reads it. */
type Course = Pick<TrainingRecord, 'kind' | 'startsAt'>;

interface PoolRow {
  id: string;
  display_name: string;
  phone: string | null;
  languages: VolunteerSnapshot['languages'];
  level: VolunteerSnapshot['level'];
  status: VolunteerSnapshot['status'];
  gender: VolunteerSnapshot['gender'];
  home_area: string;
  /** Epoch ms, as is updated_at: a number parses far faster than a date, 1,500 rows at a time. */
  pledge_signed_at: number | null;
  insurance_valid_until: string | null;
  max_dispatches_per_month: number;
  updated_at: number;
  /** The ids of the courses attended, sorted and comma-joined (most volunteers share a few sets). */
  courses: string | null;
  banned_hospitals: string[] | null;
  banned_patients: string[] | null;
  dispatches: DispatchTuple[] | null;
  this_month: number;
}

/** Who to read: everyone who lists a language, or given volunteers. */
export type PoolFilter = { language: string } | { ids: string[] };

/**
 * Which snapshots need the scoring inputs (history, recent load, response rate). The hard rules
 * never read them (`rank.property.spec.ts` holds the library to that), so a caller that ranks can
 * name the volunteers who pass them and the expensive reads run for those only; the others get
 * empty history. Without it, everyone is scored.
 */
export type NeedsScore = (volunteer: VolunteerSnapshot) => boolean;

/** The snapshots, and the phone numbers read with them (the staff's view shows them; the engine never reads them). */
export interface PoolRead {
  snapshots: VolunteerSnapshot[];
  phones: Map<string, string | null>;
}

const CACHE_LIMIT = 100_000;

/** A timestamp column as epoch milliseconds (what `Date.getTime()` would give), read as a plain number. */
const EPOCH_MS = (column: string) => `floor(extract(epoch FROM ${column}) * 1000)::float8`;

/**
 * Reads what the matching engine needs about volunteers and turns rows into the engine's plain
 * snapshots, in two statements: profile, bans, attended courses, dispatches around the visit and
 * this month's count for the whole pool; then history, recent load and response rate for those
 * who need a score (and two small ones: the attended courses' kinds and dates, and availability
 * documents only when a row changed). It decides nothing: the library does.
 */
@Injectable()
export class VolunteerSnapshots {
  /** Compiled availability by volunteer, valid while the row's updated_at is unchanged. */
  private readonly compiled = new Map<string, { updatedAt: number; availability: CompiledAvailability }>();

  async build(
    manager: EntityManager,
    filter: PoolFilter,
    scope: Omit<SnapshotScope, 'volunteerIds'>,
    needsScore?: NeedsScore,
  ): Promise<VolunteerSnapshot[]> {
    return (await this.snapshotsAndRows(manager, filter, scope, needsScore)).snapshots;
  }

  /** `build`, with each volunteer's phone number from the same statement (only the staff's view asks). */
  async read(
    manager: EntityManager,
    filter: PoolFilter,
    scope: Omit<SnapshotScope, 'volunteerIds'>,
    needsScore?: NeedsScore,
  ): Promise<PoolRead> {
    const { snapshots, pool } = await this.snapshotsAndRows(manager, filter, scope, needsScore);
    return { snapshots, phones: new Map(pool.map((v) => [v.id, v.phone])) };
  }

  private async snapshotsAndRows(
    manager: EntityManager,
    filter: PoolFilter,
    scope: Omit<SnapshotScope, 'volunteerIds'>,
    needsScore?: NeedsScore,
  ): Promise<{ snapshots: VolunteerSnapshot[]; pool: PoolRow[] }> {
    const pool = await this.pool(manager, filter, scope);
    if (pool.length === 0) return { snapshots: [], pool };
    const availability = await this.availability(manager, pool);
    const courses = await this.courses(manager, pool);
    const visitDay = tokyoDate(scope.visitStartsAt);
    // Most volunteers attended the same few courses: judge each distinct set once.
    const standing = new Map<string, boolean>();
    const trainingOk = (attended: string | null) => {
      const key = attended ?? '';
      let ok = standing.get(key);
      if (ok === undefined) {
        // A course deleted between the two reads counts as not attended.
        const records = key ? key.split(',').flatMap((id) => courses.get(id) ?? []) : [];
        ok = evaluateTraining(
          records.map(({ kind, startsAt }) => ({ kind, status: 'attended' as const, startsAt })),
          visitDay,
        ).ruleMet;
        standing.set(key, ok);
      }
      return ok;
    };
    const snapshots: VolunteerSnapshot[] = pool.map((v) => ({
      id: v.id,
      displayName: v.display_name,
      languages: v.languages,
      level: v.level,
      status: v.status,
      gender: v.gender,
      homeArea: v.home_area,
      pledgeSignedAt: v.pledge_signed_at,
      insuranceValidUntil: v.insurance_valid_until,
      trainingOk: trainingOk(v.courses),
      availability: availability.get(v.id)!,
      dispatches: (v.dispatches ?? []).map(([startsAt, endsAt, area, requestId]) => ({
        startsAt,
        endsAt,
        area,
        ...(requestId ? { requestId } : {}),
      })),
      dispatchesThisMonth: v.this_month,
      maxDispatchesPerMonth: v.max_dispatches_per_month,
      assignmentsLast30d: 0,
      assignmentsLast90d: 0,
      history: { patientKeys: [], hospitalIds: [], departments: {} },
      responseRate: null,
      bannedHospitalIds: v.banned_hospitals ?? [],
      bannedPatientKeys: v.banned_patients ?? [],
    }));
    const scored = needsScore ? snapshots.filter(needsScore) : snapshots;
    if (scored.length === 0) return { snapshots, pool };
    const history = await this.history(
      manager,
      scored.map((v) => v.id),
      scope.now,
      scope.ignoreDispatchId,
    );
    for (const v of scored) {
      const row = history.get(v.id);
      if (!row) continue;
      v.assignmentsLast30d = row.last30 ?? 0;
      v.assignmentsLast90d = row.last90 ?? 0;
      v.history = {
        patientKeys: row.patient_keys ?? [],
        hospitalIds: row.hospital_ids ?? [],
        departments: row.departments ?? {},
      };
      v.responseRate = row.rate;
    }
    return { snapshots, pool };
  }

  /** The courses the pool attended (a handful a year), by id. */
  private async courses(manager: EntityManager, pool: PoolRow[]): Promise<Map<string, Course>> {
    const ids = [...new Set(pool.flatMap((v) => (v.courses ? v.courses.split(',') : [])))];
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string } & Course> = await manager.query(
      `SELECT id, kind, starts_at AS "startsAt" FROM training_courses WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map(({ id, kind, startsAt }) => [id, { kind, startsAt }]));
  }

  /**
   * Compiled availability per volunteer. The documents are read and compiled only for volunteers
   * whose row changed since the last call (cached by updated_at).
   */
  private async availability(manager: EntityManager, pool: PoolRow[]): Promise<Map<string, CompiledAvailability>> {
    const stale = pool.filter((v) => this.compiled.get(v.id)?.updatedAt !== v.updated_at).map((v) => v.id);
    if (stale.length) {
      const rows: { id: string; availability: Availability; updated_at: number }[] = await manager.query(
        `SELECT id, availability, ${EPOCH_MS('updated_at')} AS updated_at FROM volunteers WHERE id = ANY($1::uuid[])`,
        [stale],
      );
      if (this.compiled.size + rows.length > CACHE_LIMIT) this.compiled.clear();
      for (const row of rows)
        this.compiled.set(row.id, {
          updatedAt: row.updated_at,
          availability: compileAvailability(row.availability),
        });
    }
    return new Map(pool.map((v) => [v.id, this.compiled.get(v.id)!.availability]));
  }

  /**
   * Profiles (and phone numbers) with their bans, attended courses and live dispatches, in one round trip. Dispatches:
   * those that matter for this visit — a day either side (overlap and travel) and the whole Tokyo
   * month of the visit (the monthly cap of a later month is counted from these); `this_month`
   * counts those starting in the Tokyo month of `now`.
   */
  private pool(
    manager: EntityManager,
    filter: PoolFilter,
    scope: Omit<SnapshotScope, 'volunteerIds'>,
  ): Promise<PoolRow[]> {
    const [where, parameter] =
      'language' in filter
        ? ['v.languages @> $1::jsonb', JSON.stringify([{ code: filter.language }])]
        : ['v.id = ANY($1::uuid[])', filter.ids];
    const visitMonth = tokyoMonthBounds(toTokyoWallTime(scope.visitStartsAt.getTime()));
    const from = Math.min(scope.visitStartsAt.getTime() - DAY_MS, visitMonth.startMs);
    const until = Math.max(scope.visitEndsAt.getTime() + DAY_MS, visitMonth.endMs);
    const nowMonth = tokyoMonthBounds(toTokyoWallTime(scope.now.getTime()));
    return manager.query(
      `WITH pool AS (
         SELECT v.id, v.display_name, v.phone, v.languages, v.level, v.status, v.gender, v.home_area,
                ${EPOCH_MS('v.pledge_signed_at')} AS pledge_signed_at,
                v.insurance_valid_until::text AS insurance_valid_until, v.max_dispatches_per_month,
                ${EPOCH_MS('v.updated_at')} AS updated_at
           FROM volunteers v WHERE ${where}),
       bans AS (
         SELECT b.volunteer_id,
                array_agg(b.hospital_id) FILTER (WHERE b.hospital_id IS NOT NULL) AS hospitals,
                array_agg(b.patient_key) FILTER (WHERE b.patient_key IS NOT NULL) AS patients
           FROM volunteer_bans b JOIN pool p ON p.id = b.volunteer_id GROUP BY b.volunteer_id),
       busy AS (
         SELECT d.volunteer_id,
                jsonb_agg(jsonb_build_array(
                  floor(extract(epoch FROM d.starts_at) * 1000)::bigint, floor(extract(epoch FROM d.ends_at) * 1000)::bigint,
                  d.area, CASE WHEN d.role = 'primary' THEN d.request_id END))
                  FILTER (WHERE d.starts_at < $3 AND d.ends_at > $2) AS dispatches,
                count(*) FILTER (WHERE d.starts_at >= $4 AND d.starts_at < $5)::int AS this_month
           FROM dispatches d JOIN pool p ON p.id = d.volunteer_id
          WHERE d.status IN ('confirmed', 'completed') AND d.id IS DISTINCT FROM $6
            AND ((d.starts_at < $3 AND d.ends_at > $2) OR (d.starts_at >= $4 AND d.starts_at < $5))
          GROUP BY d.volunteer_id)
       SELECT pool.*,
              -- Ids only, through the volunteer's index: building a JSON row per attendance cost more than the rest of the statement.
              (SELECT string_agg(a.course_id::text, ',' ORDER BY a.course_id) FROM course_attendances a
                WHERE a.volunteer_id = pool.id AND a.status = 'attended') AS courses,
              bans.hospitals AS banned_hospitals, bans.patients AS banned_patients,
              busy.dispatches, coalesce(busy.this_month, 0) AS this_month
         FROM pool LEFT JOIN bans ON bans.volunteer_id = pool.id
         LEFT JOIN busy ON busy.volunteer_id = pool.id`,
      [
        parameter,
        new Date(from),
        new Date(until),
        new Date(nowMonth.startMs),
        new Date(nowMonth.endMs),
        scope.ignoreDispatchId ?? null,
      ],
    );
  }

  /**
   * What the score reads, in one statement: past work (patients and hospitals served, completed
   * visits per department, load in the 30 and 90 days around `now`) and the share of offers of
   * the last 180 days the volunteer answered (accepted — even if the dispatch was cancelled later
   * — or declined). Each part is read per given volunteer through the volunteer indexes (a
   * nested loop over the ids), so it costs in proportion to the eligible, not to the pool or to
   * the years of history, and stays far below the cost at which PostgreSQL would JIT-compile it.
   */
  private async history(
    manager: EntityManager,
    ids: string[],
    now: Date,
    ignoreDispatchId?: string,
  ): Promise<Map<string, HistoryRow>> {
    const rows: HistoryRow[] = await manager.query(
      // The two id lists as JSON: JSON.parse reads them natively; a PostgreSQL array is parsed character by character in JS.
      `SELECT s.id AS volunteer_id, array_to_json(worked.patient_keys) AS patient_keys,
              array_to_json(worked.hospital_ids) AS hospital_ids, worked.last30, worked.last90,
              (SELECT jsonb_object_agg(department, n)
                 FROM (SELECT department, count(*) AS n FROM unnest(worked.completed) AS department GROUP BY department) x
              ) AS departments,
              answered.rate
         FROM unnest($1::uuid[]) AS s(id)
        -- One pass over the volunteer's dispatches: the dispatch being moved ($3) counts for none of the
        -- load and continuity figures; departments count completed visits (a moved one is not completed).
        CROSS JOIN LATERAL (
          SELECT array_agg(DISTINCT r.patient_key) FILTER (WHERE r.patient_key IS NOT NULL AND d.id IS DISTINCT FROM $3) AS patient_keys,
                 array_agg(DISTINCT r.hospital_id) FILTER (WHERE d.id IS DISTINCT FROM $3) AS hospital_ids,
                 count(*) FILTER (WHERE d.id IS DISTINCT FROM $3 AND d.starts_at >= $2::timestamptz - interval '30 days' AND d.starts_at < $2::timestamptz + interval '30 days')::int AS last30,
                 count(*) FILTER (WHERE d.id IS DISTINCT FROM $3 AND d.starts_at >= $2::timestamptz - interval '90 days' AND d.starts_at < $2::timestamptz + interval '90 days')::int AS last90,
                 array_agg(r.department) FILTER (WHERE d.status = 'completed') AS completed
            FROM dispatches d JOIN requests r ON r.id = d.request_id
           WHERE d.volunteer_id = s.id AND d.status IN ('confirmed', 'completed')) worked
        -- From ix_offers_volunteer_status alone (volunteer, status, created_at).
        CROSS JOIN LATERAL (
          SELECT (count(*) FILTER (WHERE o.status IN ('accepted', 'released', 'declined')))::float / nullif(count(*), 0) AS rate
            FROM offers o
           WHERE o.volunteer_id = s.id AND o.status IN ('accepted', 'released', 'declined', 'expired')
             AND o.created_at >= $2::timestamptz - interval '180 days') answered`,
      [ids, now, ignoreDispatchId ?? null],
    );
    return new Map(rows.map((row) => [row.volunteer_id, row]));
  }
}

/** The request as the engine sees it. */
export function requestSnapshot(
  request: {
    id: string;
    language: string;
    startsAt: Date;
    endsAt: Date;
    department: RequestSnapshot['department'];
    visitType: RequestSnapshot['visitType'];
    mode: RequestSnapshot['mode'];
    interpreterGender: RequestSnapshot['interpreterGender'];
    hospitalId: string;
    patientKey: string | null;
  },
  hospitalArea: string,
  role: RequestSnapshot['role'] = 'primary',
): RequestSnapshot {
  return {
    id: request.id,
    language: request.language,
    startsAt: request.startsAt.getTime(),
    endsAt: request.endsAt.getTime(),
    department: request.department,
    visitType: request.visitType,
    mode: request.mode,
    interpreterGender: request.interpreterGender,
    hospitalId: request.hospitalId,
    hospitalArea,
    patientKey: request.patientKey,
    role,
  };
}
