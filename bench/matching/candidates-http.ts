/**
 * `GET /api/requests/:id/candidates` end to end: the real API on a real PostgreSQL holding
 * `volunteerCount` synthetic volunteers (with training records), timed over HTTP.
 */
import { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { CourseAttendance, InterpretationRequest, TrainingCourse, Volunteer } from '@app/domain';
import { KUMAMOTO_AREAS } from '@app/matching';
import { withBenchApp } from '../support/bench-app';
import { timeGets } from '../support/timed-client';
import { ADMIN, login, TestApp } from '../../test/support/test-app';
import { aHospital } from '../../test/support/factories';
import { createRng, LANGUAGE_WEIGHTS, syntheticAvailability } from './synthetic';
import { summarise, Timing } from './run';

const BATCH = 500;

export async function seedVolunteers(t: TestApp, count: number): Promise<void> {
  const rng = createRng(7);
  const [initial, skillUp] = await t.dataSource.getRepository(TrainingCourse).save([
    {
      title: '養成講座',
      kind: 'initial',
      startsAt: new Date('2025-05-10T10:00:00+09:00'),
      endsAt: new Date('2025-05-10T16:00:00+09:00'),
      venue: '国際交流会館',
      capacity: count,
      hours: 6,
    },
    {
      title: 'スキルアップ研修',
      kind: 'skill_up',
      startsAt: new Date('2026-06-06T10:00:00+09:00'),
      endsAt: new Date('2026-06-06T16:00:00+09:00'),
      venue: '国際交流会館',
      capacity: count,
      hours: 6,
    },
  ] as Partial<TrainingCourse>[]);
  for (let offset = 0; offset < count; offset += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - offset) }, (_, i) => {
      const n = offset + i;
      const first = rng.weighted(LANGUAGE_WEIGHTS);
      return {
        displayName: `ボランティア ${n}`,
        nameKana: `ボランティア ${n}`,
        email: `bench-${n}@example.jp`,
        gender: rng.weighted([
          ['female', 60],
          ['male', 37],
          ['other', 3],
        ] as const),
        homeArea: rng.pick(KUMAMOTO_AREAS),
        languages: [
          {
            code: first,
            proficiency: rng.weighted([
              ['native', 5],
              ['fluent', 4],
              ['business', 1],
            ] as const),
          },
        ],
        level: rng.weighted([
          ['trainee', 15],
          ['standard', 60],
          ['advanced', 25],
        ] as const),
        status: rng.weighted([
          ['active', 90],
          ['suspended', 6],
          ['retired', 4],
        ] as const),
        pledgeSignedAt: new Date('2025-04-01T00:00:00+09:00'),
        insuranceValidUntil: rng.chance(0.92) ? '2027-03-31' : '2026-03-31',
        maxDispatchesPerMonth: rng.int(3, 10),
        availability: syntheticAvailability(rng),
        registeredAt: new Date('2025-04-01T00:00:00+09:00'),
      };
    });
    const inserted = await t.dataSource.getRepository(Volunteer).insert(rows);
    const ids = inserted.identifiers.map((x) => x.id as string);
    await t.dataSource
      .getRepository(CourseAttendance)
      .insert(
        ids.flatMap((volunteerId) => [
          { courseId: initial.id, volunteerId, status: 'attended' as const },
          ...(rng.chance(0.93) ? [{ courseId: skillUp.id, volunteerId, status: 'attended' as const }] : []),
        ]),
      );
  }
}

/** What `seedHistory` wrote. */
export interface HistoryCounts {
  requests: number;
  dispatches: number;
  offers: number;
}

/**
 * A year of dispatch history around `now` (2026-11-27), as production has it: `requests` visits
 * spread from 2025-12-20 to 2026-12-18 at 20 hospitals, each in the language of the volunteer it
 * was meant for; four in five filled (completed when past, confirmed when ahead), and five offers
 * each to speakers of the language (the interpreter's accepted, the others declined, expired or
 * withdrawn). Set-based SQL with fixed hashes: the same rows every run.
 */
export async function seedHistory(t: TestApp, requests = 10_000): Promise<HistoryCounts> {
  const hospitals: string[] = [];
  for (let i = 0; i < 20; i++)
    hospitals.push((await aHospital(t, { area: KUMAMOTO_AREAS[i % KUMAMOTO_AREAS.length] })).id);
  const departments = [
    'internal_medicine',
    'surgery',
    'orthopedics',
    'obstetrics_gynecology',
    'pediatrics',
    'dentistry',
  ];
  // Request g goes to the (g × 7919 mod N)-th active volunteer who may interpret (trainees only shadow) (by e-mail, seeded: the same one every run): neighbours in time (the only ones
  // that overlap, 52 minutes apart) never share one, so the no-overlap constraint holds.
  await t.dataSource.query(
    `WITH v AS (SELECT id, languages->0->>'code' AS lang, row_number() OVER (ORDER BY email) - 1 AS k, count(*) OVER () AS n
                  FROM volunteers WHERE status = 'active' AND level <> 'trainee'),
          g AS (SELECT g, timestamptz '2025-12-20 09:00+09' + g * interval '3137 seconds' AS starts_at FROM generate_series(1, $1) g)
     INSERT INTO requests (id, hospital_id, language, starts_at, ends_at, department, visit_type, required_level, status, patient_key)
     SELECT md5('r' || g.g)::uuid, ($2::uuid[])[1 + g.g % 20], v.lang, g.starts_at, g.starts_at + interval '90 minutes',
            ($3::text[])[1 + (g.g * 3) % array_length($3::text[], 1)], 'outpatient', 'standard',
            CASE WHEN g.g % 5 = 0 THEN (CASE WHEN g.starts_at < $4 THEN 'cancelled' ELSE 'offered' END)
                 WHEN g.starts_at < $4 THEN 'completed' ELSE 'confirmed' END,
            md5('p' || (g.g % 2500))
       FROM g JOIN v ON v.k = (g.g * 7919) % v.n`,
    [requests, hospitals, departments, new Date('2026-11-27T09:00:00+09:00')],
  );
  await t.dataSource.query(
    `WITH v AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS k, count(*) OVER () AS n FROM volunteers WHERE status = 'active' AND level <> 'trainee')
     INSERT INTO dispatches (id, request_id, volunteer_id, role, status, starts_at, ends_at, busy_from, busy_until, area)
     SELECT md5('d' || g)::uuid, md5('r' || g)::uuid, v.id, 'primary', CASE WHEN r.status = 'completed' THEN 'completed' ELSE 'confirmed' END,
            r.starts_at, r.ends_at, r.starts_at, r.ends_at, h.area
       FROM generate_series(1, $1) g JOIN requests r ON r.id = md5('r' || g)::uuid JOIN hospitals h ON h.id = r.hospital_id
       JOIN v ON v.k = (g * 7919) % v.n
      WHERE g % 5 <> 0`,
    [requests],
  );
  await t.dataSource.query(
    `WITH v AS (SELECT id, languages->0->>'code' AS lang, row_number() OVER (PARTITION BY languages->0->>'code' ORDER BY email) - 1 AS k,
                       count(*) OVER (PARTITION BY languages->0->>'code') AS n FROM volunteers WHERE status = 'active' AND level <> 'trainee'),
          o AS (SELECT r.id AS request_id, r.language, r.starts_at, j, d.volunteer_id AS interpreter,
                       abs(hashtext(r.id::text || j)) AS h
                  FROM requests r LEFT JOIN dispatches d ON d.request_id = r.id, generate_series(0, 4) j)
     INSERT INTO offers (request_id, volunteer_id, role, status, wave, expires_at, responded_at, created_at)
     SELECT o.request_id, CASE WHEN o.j = 0 AND o.interpreter IS NOT NULL THEN o.interpreter ELSE v.id END, 'primary',
            CASE WHEN o.j = 0 AND o.interpreter IS NOT NULL THEN 'accepted'
                 WHEN o.h % 20 < 8 THEN 'declined' WHEN o.h % 20 < 18 THEN 'expired' ELSE 'withdrawn' END,
            1 + o.j / 3, o.starts_at - interval '4 days',
            CASE WHEN (o.j = 0 AND o.interpreter IS NOT NULL) OR o.h % 20 < 8 THEN o.starts_at - interval '5 days' + (o.h % 600) * interval '1 minute' END,
            o.starts_at - interval '5 days'
       FROM o JOIN v ON v.lang = o.language AND v.k = o.h % v.n`,
  );
  // As autovacuum leaves a year-old database (it vacuums insert-heavy tables too): statistics, and
  // the visibility map that lets the volunteer indexes answer without visiting the table. Just
  // after a bulk load it has not run yet, and would start at some point during the measurements.
  await t.dataSource.query('VACUUM ANALYZE');
  const [counts] = await t.dataSource.query<HistoryCounts[]>(
    `SELECT (SELECT count(*)::int FROM requests) AS requests, (SELECT count(*)::int FROM dispatches) AS dispatches,
            (SELECT count(*)::int FROM offers) AS offers`,
  );
  return counts;
}

/** Median and p95 of the endpoint over `runs` calls after a warm-up, with `volunteerCount` in the database. */
export async function benchCandidatesHttp(
  volunteerCount = 5_000,
  runs = 100,
  warmUp = 20,
  history = true,
): Promise<Timing & { eligible: number; excluded: number; history: HistoryCounts | null }> {
  return withBenchApp('bench-candidates', async (t) => {
    t.clock.set('2026-11-27T09:00:00+09:00');
    await seedVolunteers(t, volunteerCount);
    const seeded = history ? await seedHistory(t) : null;
    const hospital = await aHospital(t, { area: '中央区' });
    const request = await t.dataSource.getRepository(InterpretationRequest).save({
      hospitalId: hospital.id,
      language: 'vi',
      startsAt: new Date('2026-12-01T10:00:00+09:00'),
      endsAt: new Date('2026-12-01T12:00:00+09:00'),
      department: 'internal_medicine',
      visitType: 'outpatient',
      mode: 'onsite',
      interpreterGender: 'any',
      requiredLevel: 'standard',
      status: 'open',
    } as Partial<InterpretationRequest>);
    await t.dataSource.query('ANALYZE');
    const { auth } = await login(t, ADMIN.email, ADMIN.password);
    await t.app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${((t.app.getHttpServer() as Server).address() as AddressInfo).port}/api/requests/${request.id}/candidates`;
    // The client runs in a process of its own: its fetch and JSON parsing are not the API's work.
    const { samples, last } = await timeGets<{ eligible: unknown[]; excluded: unknown[] }>({
      url,
      headers: { authorization: auth },
      runs,
      warmUp,
    });
    return {
      ...summarise(samples),
      eligible: last.eligible.length,
      excluded: last.excluded.length,
      history: seeded,
    };
  });
}
