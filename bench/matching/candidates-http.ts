/**
 * `GET /api/requests/:id/candidates` end to end: the real API on a real PostgreSQL holding
 * `volunteerCount` synthetic volunteers (with training records), timed over HTTP.
 */
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { CourseAttendance, InterpretationRequest, TrainingCourse, Volunteer } from '@app/domain';
import { KUMAMOTO_AREAS } from '@app/matching';
import { withBenchApp } from '../support/bench-app';
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
    const inserted = await t.dataSource.getRepository(Volunteer).insert(rows as Partial<Volunteer>[]);
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

/** Median and p95 of the endpoint over `runs` calls after a warm-up, with `volunteerCount` in the database. */
export async function benchCandidatesHttp(
  volunteerCount = 5_000,
  runs = 100,
  warmUp = 20,
): Promise<Timing & { eligible: number; excluded: number }> {
  return withBenchApp('bench-candidates', async (t) => {
    t.clock.set('2026-11-27T09:00:00+09:00');
    await seedVolunteers(t, volunteerCount);
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
    const url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/api/requests/${request.id}/candidates`;
    const call = async () => {
      const res = await fetch(url, { headers: { authorization: auth } });
      if (res.status !== 200) throw new Error(`candidates answered ${res.status}`);
      return (await res.json()) as { eligible: unknown[]; excluded: unknown[] };
    };
    for (let i = 0; i < warmUp; i++) await call();
    const samples: number[] = [];
    let last = { eligible: [] as unknown[], excluded: [] as unknown[] };
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      last = await call();
      samples.push(performance.now() - t0);
    }
    return { ...summarise(samples), eligible: last.eligible.length, excluded: last.excluded.length };
  });
}
