/**
 * Seeded synthetic programme data for benchmarks (and for the later API benchmark, which can
 * turn the same snapshots into database rows). Same seed → same data.
 */
import {
  Availability,
  AvailabilityException,
  DEPARTMENTS,
  Department,
  KUMAMOTO_AREAS,
  Level,
  Mode,
  Proficiency,
  RequestSnapshot,
  VisitType,
  VolunteerSnapshot,
  WeeklySlot,
  compileAvailability,
} from '@app/matching';

/** A small, fast, seedable PRNG (mulberry32). */
export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  chance(p: number): boolean;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (items) => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let x = next() * total;
      for (const [item, w] of items) if ((x -= w) < 0) return item;
      return items[items.length - 1][0];
    },
    chance: (p) => next() < p,
  };
  return rng;
}

/** Monday 2026-11-30 00:00 JST: synthetic requests fall in the two weeks from here. */
export const BENCH_WEEK_START = Date.parse('2026-11-30T00:00:00+09:00');
/** The fixed "now" of the benchmarks: Friday 2026-11-27 09:00 JST. */
export const BENCH_NOW = Date.parse('2026-11-27T09:00:00+09:00');
const MIN = 60_000;
const DAY = 1440 * MIN;

/** Languages weighted roughly like the programme's demand. */
export const LANGUAGE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['vi', 30],
  ['zh', 18],
  ['en', 14],
  ['ne', 8],
  ['id', 7],
  ['tl', 6],
  ['ko', 5],
  ['pt', 4],
  ['es', 4],
  ['my', 4],
];
const FAMILY = ['山田', '佐藤', '田中', '鈴木', '高橋', '中村', '阮', '陳', 'グエン', 'ファム', 'レ', '王', 'シン'];
const GIVEN = [
  '花子',
  '健',
  '一郎',
  'さくら',
  '美玲',
  '氏花',
  'ヴァン・アン',
  'ティ・ラン',
  'ティ・マイ',
  'ラジ',
  'マリア',
];
const SLOT_PATTERNS: readonly [string, string][] = [
  ['09:00', '12:00'],
  ['09:00', '17:00'],
  ['13:00', '17:00'],
  ['08:30', '15:00'],
  ['10:00', '16:00'],
  ['18:00', '21:00'],
  ['00:00', '24:00'],
];

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function isoDate(ms: number): string {
  return new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
}

export function syntheticAvailability(rng: Rng): Availability {
  const weekly: WeeklySlot[] = [];
  const days = rng.int(2, 6);
  const weekdays = [1, 2, 3, 4, 5, 6, 7]
    .sort(() => rng.next() - 0.5)
    .slice(0, days)
    .sort();
  for (const weekday of weekdays) {
    const [start, end] = rng.pick(SLOT_PATTERNS);
    weekly.push({ weekday, start, end });
  }
  const exceptions: AvailabilityException[] = [];
  const count = rng.weighted([
    [0, 6],
    [1, 3],
    [2, 1],
  ] as const);
  const usedDates = new Set<string>();
  for (let i = 0; i < count; i++) {
    const date = isoDate(BENCH_WEEK_START + rng.int(0, 13) * DAY);
    if (usedDates.has(date)) continue;
    usedDates.add(date);
    if (rng.chance(0.5)) exceptions.push({ date, available: false });
    else {
      const start = rng.int(16, 36) * 30;
      exceptions.push({ date, available: rng.chance(0.5), start: hhmm(start), end: hhmm(start + rng.int(2, 8) * 30) });
    }
  }
  return { weekly, exceptions };
}

export interface SyntheticHospital {
  id: string;
  area: string;
}

export function syntheticHospitals(count = 24): SyntheticHospital[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `hosp-${String(i + 1).padStart(3, '0')}`,
    area: KUMAMOTO_AREAS[i % KUMAMOTO_AREAS.length],
  }));
}

/** `count` volunteers; availability is compiled (as the API would cache it). */
export function syntheticVolunteers(count: number, seed = 1): VolunteerSnapshot[] {
  const rng = createRng(seed);
  const hospitals = syntheticHospitals();
  return Array.from({ length: count }, (_, i) => {
    const first = rng.weighted(LANGUAGE_WEIGHTS);
    const languages: { code: string; proficiency: Proficiency }[] = [
      {
        code: first,
        proficiency: rng.weighted([
          ['native', 5],
          ['fluent', 4],
          ['business', 1],
        ] as const),
      },
    ];
    if (rng.chance(0.35)) {
      const second = rng.weighted(LANGUAGE_WEIGHTS);
      if (second !== first)
        languages.push({
          code: second,
          proficiency: rng.weighted([
            ['fluent', 3],
            ['business', 2],
          ] as const),
        });
    }
    const dispatches = Array.from(
      {
        length: rng.weighted([
          [0, 5],
          [1, 3],
          [2, 1],
          [3, 1],
        ] as const),
      },
      () => {
        const startsAt = BENCH_WEEK_START + rng.int(0, 13) * DAY + rng.int(32, 64) * 15 * MIN;
        return {
          startsAt,
          endsAt: startsAt + rng.int(2, 8) * 15 * MIN,
          area: rng.chance(0.85) ? rng.pick(KUMAMOTO_AREAS) : null,
        };
      },
    );
    const assignmentsLast30d = rng.int(0, 6);
    return {
      id: `vol-${String(i + 1).padStart(6, '0')}`,
      displayName: `${rng.pick(FAMILY)} ${rng.pick(GIVEN)}`,
      languages,
      level: rng.weighted<Level>([
        ['trainee', 15],
        ['standard', 60],
        ['advanced', 25],
      ]),
      status: rng.weighted([
        ['active', 90],
        ['suspended', 6],
        ['retired', 4],
      ] as const),
      gender: rng.weighted([
        ['female', 60],
        ['male', 37],
        ['other', 3],
      ] as const),
      homeArea: rng.pick(KUMAMOTO_AREAS),
      pledgeSignedAt: rng.chance(0.96) ? BENCH_NOW - rng.int(10, 900) * DAY : null,
      insuranceValidUntil: rng.chance(0.92) ? '2027-03-31' : '2026-03-31',
      trainingOk: rng.chance(0.93),
      availability: compileAvailability(syntheticAvailability(rng)),
      dispatches,
      dispatchesThisMonth: rng.int(0, 4),
      maxDispatchesPerMonth: rng.int(3, 10),
      assignmentsLast30d,
      assignmentsLast90d: assignmentsLast30d + rng.int(0, 10),
      history: {
        patientKeys: rng.chance(0.2) ? [`patient-${rng.int(1, 500)}`] : [],
        hospitalIds: Array.from({ length: rng.int(0, 3) }, () => rng.pick(hospitals).id),
        departments: { [rng.pick(DEPARTMENTS)]: rng.int(1, 8) },
      },
      responseRate: rng.chance(0.8) ? Math.round(rng.next() * 100) / 100 : null,
      bannedHospitalIds: rng.chance(0.01) ? [rng.pick(hospitals).id] : [],
      bannedPatientKeys: [],
    } satisfies VolunteerSnapshot;
  });
}

/** `count` open requests spread over weekdays 08:00–17:00 of the two weeks from {@link BENCH_WEEK_START}. */
export function syntheticRequests(count: number, seed = 2): RequestSnapshot[] {
  const rng = createRng(seed);
  const hospitals = syntheticHospitals();
  const weekdays = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11];
  return Array.from({ length: count }, (_, i) => {
    const hospital = rng.pick(hospitals);
    const startsAt = BENCH_WEEK_START + rng.pick(weekdays) * DAY + rng.int(32, 64) * 15 * MIN;
    const visitType = rng.weighted<VisitType>([
      ['outpatient', 50],
      ['examination', 15],
      ['test_results', 10],
      ['admission', 5],
      ['discharge', 5],
      ['informed_consent', 8],
      ['psychiatric_care', 2],
      ['end_of_life', 2],
      ['safeguarding', 1],
      ['other', 2],
    ]);
    return {
      id: `req-${String(i + 1).padStart(5, '0')}`,
      language: rng.weighted(LANGUAGE_WEIGHTS),
      startsAt,
      endsAt: startsAt + rng.int(2, 8) * 15 * MIN,
      department: rng.weighted<Department>([
        ['internal_medicine', 30],
        ['pediatrics', 12],
        ['obstetrics_gynecology', 12],
        ['surgery', 8],
        ['orthopedics', 8],
        ['oncology', 4],
        ['psychiatry', 3],
        ['ophthalmology', 4],
        ['otolaryngology', 4],
        ['dermatology', 4],
        ['dentistry', 4],
        ['emergency', 3],
        ['other', 4],
      ]),
      visitType,
      mode: rng.weighted<Mode>([
        ['onsite', 80],
        ['phone', 10],
        ['video', 10],
      ]),
      interpreterGender: rng.weighted([
        ['any', 85],
        ['female', 12],
        ['male', 3],
      ] as const),
      hospitalId: hospital.id,
      hospitalArea: hospital.area,
      patientKey: `patient-${rng.int(1, 500)}`,
      role: 'primary',
    } satisfies RequestSnapshot;
  });
}
