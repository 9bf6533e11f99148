import { Availability, compileAvailability } from '../availability';
import type { RequestSnapshot, VolunteerSnapshot } from '../snapshot.types';

/** Epoch ms of an Asia/Tokyo wall time, e.g. jst('2026-12-01T10:00'). */
export const jst = (local: string): number => Date.parse(`${local}:00+09:00`);

/** "Now" in the specs: Friday 2026-11-27 09:00 JST. 2026-12-01 is a Tuesday. */
export const NOW = jst('2026-11-27T09:00');

export const ALWAYS: Availability = {
  weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
  exceptions: [],
};

export function aRequest(overrides: Partial<RequestSnapshot> = {}): RequestSnapshot {
  return {
    id: 'req-1',
    language: 'vi',
    startsAt: jst('2026-12-01T10:00'),
    endsAt: jst('2026-12-01T12:00'),
    department: 'internal_medicine',
    visitType: 'outpatient',
    mode: 'onsite',
    interpreterGender: 'any',
    hospitalId: 'hosp-kumamoto-central',
    hospitalArea: '中央区',
    patientKey: 'patient-1',
    role: 'primary',
    ...overrides,
  };
}

export function aVolunteer(overrides: Partial<VolunteerSnapshot> = {}): VolunteerSnapshot {
  return {
    id: 'vol-1',
    displayName: '山田 花子',
    languages: [{ code: 'vi', proficiency: 'fluent' }],
    level: 'standard',
    status: 'active',
    gender: 'female',
    homeArea: '中央区',
    pledgeSignedAt: jst('2025-04-01T10:00'),
    insuranceValidUntil: '2027-03-31',
    trainingOk: true,
    availability: compileAvailability(ALWAYS),
    dispatches: [],
    dispatchesThisMonth: 0,
    maxDispatchesPerMonth: 8,
    assignmentsLast30d: 0,
    assignmentsLast90d: 0,
    history: { patientKeys: [], hospitalIds: [], departments: {} },
    responseRate: null,
    bannedHospitalIds: [],
    bannedPatientKeys: [],
    ...overrides,
  };
}
