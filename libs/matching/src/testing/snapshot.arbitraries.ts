import fc from 'fast-check';
import type { Availability, AvailabilityException, WeeklySlot } from '../availability';
import { compileAvailability } from '../availability';
import {
  DEPARTMENTS,
  GENDERS,
  INTERPRETER_GENDERS,
  LEVELS,
  MODES,
  PROFICIENCIES,
  VISIT_TYPES,
  VOLUNTEER_STATUSES,
} from '../matching-config';
import type { DispatchSnapshot, LanguageSkill, RequestSnapshot, VolunteerSnapshot } from '../snapshot.types';
import { jst } from './snapshot.factory';

/** fast-check generators for small, dense instances: 15-minute grid, two weeks from Mon 2026-11-30. */
export const BASE = jst('2026-11-30T00:00');
const MIN = 60_000;
export const LANGS = ['vi', 'zh', 'ne'] as const;
export const AREAS = ['中央区', '東区', '南区', '合志市'] as const;
export const HOSPITALS = ['h1', 'h2'] as const;
export const PATIENTS = ['p1', 'p2'] as const;
const DATES = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-08'];

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const spanArb = fc
  .tuple(fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 24 }))
  .map(([start, length]) => ({ start: hhmm(start * 30), end: hhmm(Math.min(48, start + length) * 30) }));

const weeklySlotArb: fc.Arbitrary<WeeklySlot> = fc
  .tuple(fc.integer({ min: 1, max: 7 }), spanArb)
  .map(([weekday, span]) => ({ weekday, ...span }));

const exceptionArb: fc.Arbitrary<AvailabilityException> = fc
  .tuple(fc.constantFrom(...DATES), fc.boolean(), fc.option(spanArb, { nil: undefined }))
  .map(([date, available, span]) => ({ date, available, ...(span ?? {}) }));

export const availabilityArb: fc.Arbitrary<Availability> = fc.record({
  weekly: fc.array(weeklySlotArb, { maxLength: 8 }),
  exceptions: fc.array(exceptionArb, { maxLength: 3 }),
});

const dispatchArb: fc.Arbitrary<DispatchSnapshot> = fc
  .tuple(
    fc.integer({ min: 0, max: 14 * 96 }),
    fc.integer({ min: 2, max: 16 }),
    fc.option(fc.constantFrom(...AREAS), { nil: null }),
  )
  .map(([slot, length, area]) => ({
    startsAt: BASE + slot * 15 * MIN,
    endsAt: BASE + (slot + length) * 15 * MIN,
    area,
  }));

/** Mostly `good`, sometimes anything: keeps both eligible and excluded volunteers common. */
const mostly = <T>(good: fc.Arbitrary<T>, any: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: good, weight: 4 }, { arbitrary: any, weight: 1 });

const ALL_WEEK: WeeklySlot[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
const generousAvailabilityArb: fc.Arbitrary<Availability> = fc.record({
  weekly: fc.constant(ALL_WEEK),
  exceptions: fc.array(exceptionArb, { maxLength: 2 }),
});

export const volunteerArb = (id: string): fc.Arbitrary<VolunteerSnapshot & { rawAvailability: Availability }> =>
  fc
    .record({
      languages: mostly<LanguageSkill[]>(
        fc.constant([{ code: 'vi', proficiency: 'native' }]),
        fc.uniqueArray(fc.record({ code: fc.constantFrom(...LANGS), proficiency: fc.constantFrom(...PROFICIENCIES) }), {
          maxLength: 2,
          selector: (l) => l.code,
        }),
      ),
      level: mostly(fc.constant('advanced' as const), fc.constantFrom(...LEVELS)),
      status: mostly(fc.constant('active' as const), fc.constantFrom(...VOLUNTEER_STATUSES)),
      gender: fc.constantFrom(...GENDERS),
      homeArea: fc.constantFrom(...AREAS),
      pledgeSignedAt: mostly(
        fc.constant(BASE - 100 * 24 * 60 * MIN),
        fc.option(
          fc.integer({ min: -20, max: 20 }).map((d) => BASE + d * 24 * 60 * MIN),
          { nil: null },
        ),
      ),
      insuranceValidUntil: mostly(
        fc.constant('2027-03-31'),
        fc.option(fc.constantFrom('2026-03-31', '2026-11-30', '2026-12-02', '2027-03-31'), { nil: null }),
      ),
      trainingOk: mostly(fc.constant(true), fc.boolean()),
      availability: mostly(generousAvailabilityArb, availabilityArb),
      dispatches: fc.array(dispatchArb, { maxLength: 2 }),
      dispatchesThisMonth: fc.integer({ min: 0, max: 4 }),
      maxDispatchesPerMonth: fc.integer({ min: 1, max: 4 }),
      assignmentsLast30d: fc.integer({ min: 0, max: 6 }),
      assignmentsLast90d: fc.integer({ min: 0, max: 15 }),
      patientKeys: fc.subarray([...PATIENTS]),
      hospitalIds: fc.subarray([...HOSPITALS]),
      departmentCount: fc.integer({ min: 0, max: 8 }),
      responseRate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      bannedHospitalIds: mostly<string[]>(fc.constant([]), fc.subarray([...HOSPITALS], { maxLength: 1 })),
      bannedPatientKeys: mostly<string[]>(fc.constant([]), fc.subarray([...PATIENTS], { maxLength: 1 })),
    })
    .map(({ patientKeys, hospitalIds, departmentCount, availability, ...v }) => ({
      id,
      displayName: `Volunteer ${id}`,
      ...v,
      availability: compileAvailability(availability),
      rawAvailability: availability,
      history: { patientKeys, hospitalIds, departments: { internal_medicine: departmentCount } },
    }));

export const volunteersArb = (maxLength: number) =>
  fc
    .integer({ min: 1, max: maxLength })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => volunteerArb(`v${String(i).padStart(2, '0')}`))));

export const requestArb = (id = 'r1'): fc.Arbitrary<RequestSnapshot> =>
  fc
    .record({
      language: mostly(fc.constant('vi'), fc.constantFrom(...LANGS)),
      slot: fc.integer({ min: 0, max: 10 * 96 }),
      length: fc.integer({ min: 1, max: 16 }),
      department: mostly(fc.constant('internal_medicine' as const), fc.constantFrom(...DEPARTMENTS)),
      visitType: mostly(fc.constant('outpatient' as const), fc.constantFrom(...VISIT_TYPES)),
      mode: fc.constantFrom(...MODES, 'onsite'),
      interpreterGender: mostly(fc.constant('any' as const), fc.constantFrom(...INTERPRETER_GENDERS)),
      hospitalId: fc.constantFrom(...HOSPITALS),
      hospitalArea: fc.constantFrom(...AREAS),
      patientKey: fc.option(fc.constantFrom(...PATIENTS), { nil: null }),
      role: mostly(fc.constant('primary' as const), fc.constantFrom('primary' as const, 'shadow' as const)),
    })
    .map(({ slot, length, ...r }) => ({
      id,
      ...r,
      startsAt: BASE + slot * 15 * MIN,
      endsAt: BASE + (slot + length) * 15 * MIN,
    }));

/** "Now" for generated instances: Friday 2026-11-27 09:00 JST (so December visits are next month). */
export const GEN_NOW = jst('2026-11-27T09:00');
