/**
 * The synthetic fiscal year the simulator replays: hospitals, patients, requests and a volunteer
 * pool with a response model. Every assumption is listed in GENERATOR.md; the numbers here are
 * the ones that document names. Same seed and size → the same scenario.
 */
import { businessDaysBetween, isBusinessDay } from '@app/domain/model';
import {
  Availability,
  AvailabilityException,
  compileAvailability,
  Department,
  Gender,
  InterpreterGender,
  KUMAMOTO_AREAS,
  Level,
  Mode,
  Proficiency,
  RequestSnapshot,
  VisitType,
  WeeklySlot,
} from '@app/matching';
import { createRng, Rng } from '../matching/synthetic';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const JST_OFFSET = 9 * HOUR;

/** Fiscal year 2026 (令和8年度): 1 April 2026 – 31 March 2027, Asia/Tokyo. */
export const FY_START = Date.parse('2026-04-01T00:00:00+09:00');
export const FY_END = Date.parse('2027-04-01T00:00:00+09:00');

export type SizeName = 'small' | 'large';

export interface ScenarioSize {
  requests: number;
  volunteers: number;
  /** Programme staff who phone volunteers (manual baseline and escalations). */
  staff: number;
}

export const SIZES: Readonly<Record<SizeName, ScenarioSize>> = {
  small: { requests: 1_500, volunteers: 80, staff: 1 },
  large: { requests: 8_000, volunteers: 430, staff: 4 },
};

export type Lifestyle = 'day_job' | 'part_time' | 'flexible';

/** How a volunteer answers: drawn once per volunteer, used by every policy. */
export interface ResponseModel {
  /** Probability of answering an offer at all (before it expires). */
  pRespond: number;
  /** Median minutes from an offer to the answer while awake and free. */
  medianDelayMinutes: number;
  /** Probability of accepting, given an answer. */
  pAccept: number;
  /** Probability of picking up a staff phone call at a free moment. */
  pPickUp: number;
  /** Probability a confirmed dispatch is dropped before the visit. */
  pDropout: number;
}

export interface ScenarioVolunteer {
  id: string;
  /** Roster position: the order staff phone in the manual baseline. */
  roster: number;
  languages: { code: string; proficiency: Proficiency }[];
  level: Level;
  gender: Gender;
  homeArea: string;
  lifestyle: Lifestyle;
  /** ISO weekday off work for day-job volunteers (0: none). */
  dayOff: number;
  availability: Availability;
  maxDispatchesPerMonth: number;
  response: ResponseModel;
}

export interface ScenarioRequest {
  snapshot: RequestSnapshot;
  index: number;
  filedAt: number;
  /** Business days strictly between filing and visit; `isUrgent` compares it with the policy's lead time. */
  businessDaysAhead: number;
  /** Filed on a business day between 09:00 and 17:00 (the daytime target applies). */
  daytime: boolean;
}

export interface Scenario {
  seed: number;
  size: SizeName;
  staff: number;
  volunteers: ScenarioVolunteer[];
  /** Sorted by filing time. */
  requests: ScenarioRequest[];
  /** Day numbers (days since 1970-01-01, Tokyo) that are business days. */
  businessDays: ReadonlySet<number>;
}

/** Share of requests by language (demand), roughly the foreign residents of Kumamoto. */
export const DEMAND_WEIGHTS: readonly (readonly [string, number])[] = [
  ['vi', 30],
  ['zh', 17],
  ['ne', 10],
  ['tl', 9],
  ['id', 8],
  ['en', 8],
  ['ko', 5],
  ['my', 5],
  ['th', 4],
  ['pt', 4],
];
/** Share of volunteers by first language (supply): Japanese learners of English, Chinese and Korean are over-represented. */
export const SUPPLY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['vi', 22],
  ['zh', 22],
  ['ne', 6],
  ['tl', 9],
  ['id', 7],
  ['en', 18],
  ['ko', 8],
  ['my', 3],
  ['th', 3],
  ['pt', 2],
];
const AREA_WEIGHTS: readonly (readonly [string, number])[] = KUMAMOTO_AREAS.map((a, i) => [a, i < 5 ? 14 : 6] as const);
const DEPARTMENT_WEIGHTS = [
  ['internal_medicine', 28],
  ['pediatrics', 13],
  ['obstetrics_gynecology', 13],
  ['surgery', 7],
  ['orthopedics', 8],
  ['oncology', 3],
  ['psychiatry', 3],
  ['ophthalmology', 4],
  ['otolaryngology', 5],
  ['dermatology', 4],
  ['dentistry', 5],
  ['emergency', 3],
  ['other', 4],
] as const;
const VISIT_WEIGHTS = [
  ['outpatient', 52],
  ['examination', 15],
  ['test_results', 10],
  ['admission', 5],
  ['discharge', 4],
  ['informed_consent', 8],
  ['psychiatric_care', 2],
  ['end_of_life', 1],
  ['safeguarding', 1],
  ['other', 2],
] as const;
/** Lead time in days between filing and the visit: [min, max, weight]. */
const LEAD_DAYS: readonly (readonly [number, number, number])[] = [
  [0, 0, 6],
  [1, 1, 10],
  [2, 3, 18],
  [4, 7, 31],
  [8, 14, 23],
  [15, 45, 12],
];

/** Tokyo day number and minute of the day of an instant (Japan has no DST). */
export function tokyoDay(t: number): number {
  return Math.floor((t + JST_OFFSET) / DAY);
}
export function tokyoMinuteOfDay(t: number): number {
  return Math.floor(((t + JST_OFFSET) % DAY) / MINUTE);
}
export function tokyoWeekday(t: number): number {
  return ((((tokyoDay(t) + 3) % 7) + 7) % 7) + 1;
}
/** Instant of minute `minute` of Tokyo day `day`. */
export function atTokyo(day: number, minute: number): number {
  return day * DAY - JST_OFFSET + minute * MINUTE;
}

function isoOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function businessDaySet(fromDay: number, toDay: number): Set<number> {
  const set = new Set<number>();
  for (let d = fromDay; d <= toDay; d++) {
    const date = new Date(d * DAY);
    if (isBusinessDay(new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))) set.add(d);
  }
  return set;
}

export function lognormal(rng: Rng, median: number, sigma: number): number {
  // Box–Muller from two uniforms.
  const u = Math.max(1e-12, rng.next());
  const v = rng.next();
  return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
}

function weeklyFor(rng: Rng, lifestyle: Lifestyle, dayOff: number): WeeklySlot[] {
  const slots: WeeklySlot[] = [];
  const weekdays = [1, 2, 3, 4, 5];
  if (lifestyle === 'day_job') {
    for (const d of weekdays)
      if (d !== dayOff && rng.chance(0.6)) slots.push({ weekday: d, start: '18:00', end: '21:00' });
    if (dayOff) slots.push({ weekday: dayOff, start: '09:00', end: '17:00' });
    if (rng.chance(0.7)) slots.push({ weekday: 6, start: '09:00', end: '17:00' });
    if (rng.chance(0.4)) slots.push({ weekday: 7, start: '10:00', end: '16:00' });
  } else if (lifestyle === 'part_time') {
    const days = [...weekdays]
      .sort(() => rng.next() - 0.5)
      .slice(0, rng.int(2, 3))
      .sort();
    const [start, end] = rng.pick([
      ['09:00', '13:00'],
      ['09:00', '17:00'],
      ['13:00', '17:00'],
      ['08:30', '15:00'],
    ] as const);
    for (const d of days) slots.push({ weekday: d, start, end });
    if (rng.chance(0.3)) slots.push({ weekday: 6, start: '09:00', end: '12:00' });
  } else {
    const days = [...weekdays]
      .sort(() => rng.next() - 0.5)
      .slice(0, rng.int(3, 5))
      .sort();
    for (const d of days) slots.push({ weekday: d, start: '08:30', end: '17:30' });
    if (rng.chance(0.3)) slots.push({ weekday: 6, start: '09:00', end: '15:00' });
  }
  return slots;
}

/** One to three holidays a year (a few days each) and some single days away. */
function absences(rng: Rng): AvailabilityException[] {
  const days = new Set<number>();
  const fy0 = tokyoDay(FY_START);
  const trips = rng.int(1, 3);
  for (let i = 0; i < trips; i++) {
    const start = fy0 + rng.int(0, 360);
    const length = rng.int(3, 10);
    for (let d = start; d < start + length; d++) days.add(d);
  }
  const singles = rng.int(3, 12);
  for (let i = 0; i < singles; i++) days.add(fy0 + rng.int(0, 364));
  return [...days].sort((a, b) => a - b).map((d) => ({ date: isoOfDay(d), available: false }));
}

function volunteers(rng: Rng, count: number): ScenarioVolunteer[] {
  return Array.from({ length: count }, (_, i) => {
    const first = rng.weighted(SUPPLY_WEIGHTS);
    const languages = [
      {
        code: first,
        proficiency: rng.weighted<Proficiency>([
          ['native', 45],
          ['fluent', 45],
          ['business', 10],
        ]),
      },
    ];
    if (rng.chance(0.3)) {
      const second = rng.chance(0.5) ? 'en' : rng.weighted(SUPPLY_WEIGHTS);
      if (second !== first)
        languages.push({
          code: second,
          proficiency: rng.weighted([
            ['fluent', 2],
            ['business', 3],
          ] as const),
        });
    }
    const lifestyle = rng.weighted<Lifestyle>([
      ['day_job', 45],
      ['part_time', 30],
      ['flexible', 25],
    ]);
    const dayOff = lifestyle === 'day_job' && rng.chance(0.35) ? rng.int(1, 5) : 0;
    const base = {
      day_job: { respond: 0.75, delay: 60, pickUp: 0.35 },
      part_time: { respond: 0.85, delay: 35, pickUp: 0.55 },
      flexible: { respond: 0.9, delay: 20, pickUp: 0.65 },
    }[lifestyle];
    return {
      id: `vol-${String(i + 1).padStart(4, '0')}`,
      roster: i,
      languages,
      level: rng.weighted<Level>([
        ['trainee', 10],
        ['standard', 65],
        ['advanced', 25],
      ]),
      gender: rng.weighted<Gender>([
        ['female', 65],
        ['male', 33],
        ['other', 2],
      ]),
      homeArea: rng.weighted(AREA_WEIGHTS),
      lifestyle,
      dayOff,
      availability: { weekly: weeklyFor(rng, lifestyle, dayOff), exceptions: absences(rng) },
      maxDispatchesPerMonth: rng.weighted([
        [4, 3],
        [6, 4],
        [8, 2],
        [10, 1],
      ] as const),
      response: {
        pRespond: Math.min(0.98, Math.max(0.3, base.respond + (rng.next() - 0.5) * 0.3)),
        medianDelayMinutes: lognormal(rng, base.delay, 0.5),
        pAccept: 0.3 + rng.next() * 0.5,
        pPickUp: base.pickUp,
        pDropout: 0.03,
      },
    };
  });
}

interface Hospital {
  id: string;
  area: string;
  weight: number;
}

function hospitals(rng: Rng): Hospital[] {
  return Array.from({ length: 24 }, (_, i) => ({
    id: `hosp-${String(i + 1).padStart(3, '0')}`,
    area: i < 10 ? KUMAMOTO_AREAS[i % 5] : rng.weighted(AREA_WEIGHTS),
    // A few large hospitals get most requests.
    weight: i < 4 ? 12 : i < 10 ? 5 : 1.5,
  }));
}

function requests(
  rng: Rng,
  count: number,
  serviceDays: readonly number[],
  saturdays: readonly number[],
  businessDays: ReadonlySet<number>,
): ScenarioRequest[] {
  const hs = hospitals(rng);
  const hospitalWeights = hs.map((h) => [h, h.weight] as const);
  const patientsByLanguage = new Map<string, { key: string; hospital: Hospital }[]>();
  let patientCount = 0;
  const out: ScenarioRequest[] = [];
  for (let i = 0; i < count; i++) {
    const language = rng.weighted(DEMAND_WEIGHTS);
    const patients = patientsByLanguage.get(language) ?? [];
    patientsByLanguage.set(language, patients);
    let patient: { key: string; hospital: Hospital };
    if (patients.length > 0 && rng.chance(0.55)) {
      // A follow-up: usually a recent patient, at the same hospital.
      patient =
        patients[Math.max(0, patients.length - 1 - Math.floor(Math.abs(lognormal(rng, 8, 1))))] ??
        patients[patients.length - 1];
    } else {
      patient = { key: `patient-${++patientCount}`, hospital: rng.weighted(hospitalWeights) };
      patients.push(patient);
    }
    const department = rng.weighted<Department>(DEPARTMENT_WEIGHTS);
    const visitType = rng.weighted<VisitType>(VISIT_WEIGHTS);
    // Visits on business days; 3% on Saturday mornings.
    const day = rng.chance(0.03) ? rng.pick(saturdays) : rng.pick(serviceDays);
    const saturday = !businessDays.has(day);
    const startMinute = saturday
      ? rng.int(36, 44) * 15
      : rng.weighted([
          [rng.int(34, 47) * 15, 7],
          [rng.int(48, 62) * 15, 3],
        ] as const);
    const duration =
      (visitType === 'admission' || visitType === 'informed_consent' ? rng.int(8, 16) : rng.int(4, 12)) * 15;
    const startsAt = atTokyo(day, startMinute);
    const [minLead, maxLead] = rng.weighted(LEAD_DAYS.map(([a, b, w]) => [[a, b], w] as const));
    const filedAt = filingTime(rng, startsAt, rng.int(minLead, maxLead), businessDays);
    const hospital = patient.hospital;
    const snapshot: RequestSnapshot = {
      id: `req-${String(i + 1).padStart(5, '0')}`,
      language,
      startsAt,
      endsAt: startsAt + duration * MINUTE,
      department,
      visitType,
      mode: rng.weighted<Mode>([
        ['onsite', 85],
        ['phone', 8],
        ['video', 7],
      ]),
      interpreterGender: rng.weighted<InterpreterGender>([
        ['any', 85],
        ['female', department === 'obstetrics_gynecology' ? 40 : 10],
        ['male', 2],
      ]),
      hospitalId: hospital.id,
      hospitalArea: hospital.area,
      patientKey: patient.key,
      role: 'primary',
    };
    const filedMinute = tokyoMinuteOfDay(filedAt);
    out.push({
      snapshot,
      index: i,
      filedAt,
      businessDaysAhead: businessDaysBetween(new Date(filedAt), new Date(startsAt)),
      daytime: businessDays.has(tokyoDay(filedAt)) && filedMinute >= 9 * 60 && filedMinute < 17 * 60,
    });
  }
  return out.sort((a, b) => a.filedAt - b.filedAt || a.index - b.index);
}

/** Coordinators file on business days in office hours (a few in the evening), at least 90 minutes ahead. */
function filingTime(rng: Rng, startsAt: number, leadDays: number, businessDays: ReadonlySet<number>): number {
  let day = tokyoDay(startsAt) - leadDays;
  while (leadDays > 0 && !businessDays.has(day) && day > tokyoDay(startsAt) - 60) day--;
  const minute = rng.chance(0.1) ? rng.int(70, 80) * 15 : rng.int(34, 70) * 15;
  let filedAt = atTokyo(day, minute);
  if (filedAt > startsAt - 90 * MINUTE) filedAt = startsAt - rng.int(6, 16) * 15 * MINUTE;
  return filedAt;
}

/** Builds the scenario for a seed and size. */
export function buildScenario(seed: number, size: SizeName): Scenario {
  const { requests: requestCount, volunteers: volunteerCount, staff } = SIZES[size];
  const fy0 = tokyoDay(FY_START);
  const fy1 = tokyoDay(FY_END) - 1;
  const businessDays = businessDaySet(fy0 - 70, fy1 + 1);
  const serviceDays: number[] = [];
  const saturdays: number[] = [];
  for (let d = fy0; d <= fy1; d++) {
    if (businessDays.has(d)) serviceDays.push(d);
    else if (tokyoWeekday(atTokyo(d, 0)) === 6) saturdays.push(d);
  }
  const volunteerRng = createRng(seed * 2 + 1);
  const requestRng = createRng(seed * 2 + 2);
  return {
    seed,
    size,
    staff,
    volunteers: volunteers(volunteerRng, volunteerCount),
    requests: requests(requestRng, requestCount, serviceDays, saturdays, businessDays),
    businessDays,
  };
}

/** Compiles a volunteer's availability once (the API caches it the same way). */
export function compiledAvailability(v: ScenarioVolunteer) {
  return compileAvailability(v.availability);
}
