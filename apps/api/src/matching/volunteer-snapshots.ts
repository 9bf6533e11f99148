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

interface DispatchRow {
  volunteer_id: string;
  starts_at: Date;
  ends_at: Date;
  area: string | null;
  /** Set when the volunteer is the interpreter of record (such a dispatch can be handed on). */
  request_id: string | null;
}

interface HistoryRow {
  volunteer_id: string;
  patient_keys: string[] | null;
  hospital_ids: string[] | null;
  departments: Record<string, number> | null;
  last30: string;
  last90: string;
  this_month: string;
}

interface PoolRow {
  id: string;
  display_name: string;
  languages: VolunteerSnapshot['languages'];
  level: VolunteerSnapshot['level'];
  status: VolunteerSnapshot['status'];
  gender: VolunteerSnapshot['gender'];
  home_area: string;
  pledge_signed_at: Date | null;
  insurance_valid_until: string | null;
  max_dispatches_per_month: number;
  updated_at: Date;
  /** Ids of the courses attended, sorted. */
  courses: string[] | null;
  banned_hospitals: string[] | null;
  banned_patients: string[] | null;
}

/** Who to read: everyone who lists a language, or given volunteers. */
export type PoolFilter = { language: string } | { ids: string[] };

const CACHE_LIMIT = 100_000;

/**
 * Reads what the matching engine needs about volunteers — profile, bans and training records in
 * one query, then dispatches around the visit, history and response rate for the same pool — and
 * turns rows into the engine's plain snapshots. It decides nothing: the library does.
 */
@Injectable()
export class VolunteerSnapshots {
  /** Compiled availability by volunteer, valid while the row's updated_at is unchanged. */
  private readonly compiled = new Map<string, { updatedAt: number; availability: CompiledAvailability }>();

  async build(
    manager: EntityManager,
    filter: PoolFilter,
    scope: Omit<SnapshotScope, 'volunteerIds'>,
  ): Promise<VolunteerSnapshot[]> {
    const pool = await this.pool(manager, filter);
    if (pool.length === 0) return [];
    const ids = pool.map((v) => v.id);
    const availability = await this.availability(manager, pool);
    const courses = await this.courses(manager, pool);
    // One after another: inside a transaction they share one connection.
    const dispatches = await this.dispatches(manager, ids, scope);
    const history = await this.history(manager, ids, scope.now, scope.ignoreDispatchId);
    const responses = await this.responseRates(manager, ids, scope.now);
    const visitDay = tokyoDate(scope.visitStartsAt);
    // Most volunteers attended the same few courses: judge each distinct set once.
    const standing = new Map<string, boolean>();
    const trainingOk = (attended: string[] | null) => {
      const key = (attended ?? []).join(',');
      let ok = standing.get(key);
      if (ok === undefined) {
        ok = evaluateTraining(
          (attended ?? []).flatMap((id) => courses.get(id) ?? []),
          visitDay,
        ).ruleMet;
        standing.set(key, ok);
      }
      return ok;
    };
    return pool.map((v) => ({
      id: v.id,
      displayName: v.display_name,
      languages: v.languages,
      level: v.level,
      status: v.status,
      gender: v.gender,
      homeArea: v.home_area,
      pledgeSignedAt: v.pledge_signed_at?.getTime() ?? null,
      insuranceValidUntil: v.insurance_valid_until,
      trainingOk: trainingOk(v.courses),
      availability: availability.get(v.id)!,
      dispatches: dispatches.get(v.id) ?? [],
      dispatchesThisMonth: Number(history.get(v.id)?.this_month ?? 0),
      maxDispatchesPerMonth: v.max_dispatches_per_month,
      assignmentsLast30d: Number(history.get(v.id)?.last30 ?? 0),
      assignmentsLast90d: Number(history.get(v.id)?.last90 ?? 0),
      history: {
        patientKeys: history.get(v.id)?.patient_keys ?? [],
        hospitalIds: history.get(v.id)?.hospital_ids ?? [],
        departments: history.get(v.id)?.departments ?? {},
      },
      responseRate: responses.get(v.id) ?? null,
      bannedHospitalIds: v.banned_hospitals ?? [],
      bannedPatientKeys: v.banned_patients ?? [],
    }));
  }

  /**
   * Compiled availability per volunteer. The documents are read and compiled only for volunteers
   * whose row changed since the last call (cached by updated_at).
   */
  private async availability(manager: EntityManager, pool: PoolRow[]): Promise<Map<string, CompiledAvailability>> {
    const stale = pool.filter((v) => this.compiled.get(v.id)?.updatedAt !== v.updated_at.getTime()).map((v) => v.id);
    if (stale.length) {
      const rows: { id: string; availability: Availability; updated_at: Date }[] = await manager.query(
        'SELECT id, availability, updated_at FROM volunteers WHERE id = ANY($1::uuid[])',
        [stale],
      );
      if (this.compiled.size + rows.length > CACHE_LIMIT) this.compiled.clear();
      for (const row of rows)
        this.compiled.set(row.id, {
          updatedAt: row.updated_at.getTime(),
          availability: compileAvailability(row.availability),
        });
    }
    return new Map(pool.map((v) => [v.id, this.compiled.get(v.id)!.availability]));
  }

  /** The attended courses of the pool, as training records by course id. */
  private async courses(manager: EntityManager, pool: PoolRow[]): Promise<Map<string, TrainingRecord>> {
    const ids = [...new Set(pool.flatMap((v) => v.courses ?? []))];
    if (ids.length === 0) return new Map();
    const rows: { id: string; kind: TrainingRecord['kind']; starts_at: Date }[] = await manager.query(
      'SELECT id, kind, starts_at FROM training_courses WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { kind: r.kind, status: 'attended' as const, startsAt: r.starts_at }]));
  }

  /** Profiles with their bans and attended courses, in one round trip. */
  private pool(manager: EntityManager, filter: PoolFilter): Promise<PoolRow[]> {
    const [where, parameter] =
      'language' in filter
        ? [`v.languages @> jsonb_build_array(jsonb_build_object('code', $1::text))`, filter.language]
        : ['v.id = ANY($1::uuid[])', filter.ids];
    return manager.query(
      `WITH pool AS (
         SELECT v.id, v.display_name, v.languages, v.level, v.status, v.gender, v.home_area, v.pledge_signed_at,
                v.insurance_valid_until::text AS insurance_valid_until, v.max_dispatches_per_month, v.updated_at
           FROM volunteers v WHERE ${where}),
       trained AS (
         SELECT a.volunteer_id, array_agg(a.course_id ORDER BY a.course_id) AS courses
           FROM course_attendances a JOIN pool p ON p.id = a.volunteer_id
          WHERE a.status = 'attended' GROUP BY a.volunteer_id),
       bans AS (
         SELECT b.volunteer_id,
                array_agg(b.hospital_id) FILTER (WHERE b.hospital_id IS NOT NULL) AS hospitals,
                array_agg(b.patient_key) FILTER (WHERE b.patient_key IS NOT NULL) AS patients
           FROM volunteer_bans b JOIN pool p ON p.id = b.volunteer_id GROUP BY b.volunteer_id)
       SELECT pool.*, trained.courses, bans.hospitals AS banned_hospitals, bans.patients AS banned_patients
         FROM pool LEFT JOIN trained ON trained.volunteer_id = pool.id LEFT JOIN bans ON bans.volunteer_id = pool.id`,
      [parameter],
    );
  }

  /**
   * Live dispatches that matter for this visit: a day either side (overlap and travel) and the
   * whole Tokyo month of the visit (the monthly cap of a later month is counted from these).
   */
  private async dispatches(manager: EntityManager, ids: string[], scope: Omit<SnapshotScope, 'volunteerIds'>) {
    const month = tokyoMonthBounds(toTokyoWallTime(scope.visitStartsAt.getTime()));
    const from = Math.min(scope.visitStartsAt.getTime() - DAY_MS, month.startMs);
    const until = Math.max(scope.visitEndsAt.getTime() + DAY_MS, month.endMs);
    const rows: DispatchRow[] = await manager.query(
      `SELECT volunteer_id, starts_at, ends_at, area, CASE WHEN role = 'primary' THEN request_id END AS request_id FROM dispatches
        WHERE volunteer_id = ANY($1) AND status IN ('confirmed', 'completed')
          AND starts_at < $3 AND ends_at > $2 AND id IS DISTINCT FROM $4`,
      [ids, new Date(from), new Date(until), scope.ignoreDispatchId ?? null],
    );
    const out = new Map<string, VolunteerSnapshot['dispatches'][number][]>();
    for (const row of rows) {
      const list = out.get(row.volunteer_id) ?? [];
      list.push({
        startsAt: row.starts_at.getTime(),
        endsAt: row.ends_at.getTime(),
        area: row.area,
        ...(row.request_id ? { requestId: row.request_id } : {}),
      });
      out.set(row.volunteer_id, list);
    }
    return out;
  }

  /** Past work: patients and hospitals served, departments, and recent load. */
  private async history(manager: EntityManager, ids: string[], now: Date, ignoreDispatchId?: string) {
    const month = tokyoMonthBounds(toTokyoWallTime(now.getTime()));
    const rows: HistoryRow[] = await manager.query(
      `SELECT d.volunteer_id,
              array_agg(DISTINCT r.patient_key) FILTER (WHERE r.patient_key IS NOT NULL) AS patient_keys,
              array_agg(DISTINCT r.hospital_id) AS hospital_ids,
              (SELECT jsonb_object_agg(department, n) FROM (
                 SELECT r2.department, count(*) AS n FROM dispatches d2 JOIN requests r2 ON r2.id = d2.request_id
                  WHERE d2.volunteer_id = d.volunteer_id AND d2.status = 'completed' GROUP BY r2.department) per) AS departments,
              count(*) FILTER (WHERE d.starts_at >= $2::timestamptz - interval '30 days' AND d.starts_at < $2::timestamptz + interval '30 days') AS last30,
              count(*) FILTER (WHERE d.starts_at >= $2::timestamptz - interval '90 days' AND d.starts_at < $2::timestamptz + interval '90 days') AS last90,
              count(*) FILTER (WHERE d.starts_at >= $3 AND d.starts_at < $4) AS this_month
         FROM dispatches d JOIN requests r ON r.id = d.request_id
        WHERE d.volunteer_id = ANY($1) AND d.status IN ('confirmed', 'completed') AND d.id IS DISTINCT FROM $5
        GROUP BY d.volunteer_id`,
      [ids, now, new Date(month.startMs), new Date(month.endMs), ignoreDispatchId ?? null],
    );
    return new Map(rows.map((row) => [row.volunteer_id, row]));
  }

  /** Share of offers of the last 180 days the volunteer answered (accepted — even if the dispatch was cancelled later — or declined). */
  private async responseRates(manager: EntityManager, ids: string[], now: Date) {
    const rows: { volunteer_id: string; rate: string }[] = await manager.query(
      `SELECT volunteer_id,
              (count(*) FILTER (WHERE status IN ('accepted', 'released', 'declined')))::float / count(*) AS rate
         FROM offers
        WHERE volunteer_id = ANY($1) AND status IN ('accepted', 'released', 'declined', 'expired')
          AND created_at >= $2::timestamptz - interval '180 days'
        GROUP BY volunteer_id`,
      [ids, now],
    );
    return new Map(rows.map((row) => [row.volunteer_id, Number(row.rate)]));
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
