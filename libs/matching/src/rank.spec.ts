import { compileAvailability } from './availability';
import { prepareRequest, rankCandidates, roomUnderCap } from './rank';
import type { RequestSnapshot, VolunteerSnapshot } from './snapshot.types';
import { NOW, aRequest, aVolunteer, jst } from './testing/snapshot.factory';

function codesFor(volunteer: VolunteerSnapshot, request: RequestSnapshot = aRequest()): string[] {
  const result = rankCandidates({ request, volunteers: [volunteer], now: NOW });
  return result.excluded[0]?.reasons ?? [];
}

describe(rankCandidates.name, () => {
  it('accepts a volunteer who meets every rule', () => {
    expect(codesFor(aVolunteer())).toEqual([]);
  });

  it('excludes a volunteer who does not speak the language', () => {
    expect(codesFor(aVolunteer({ languages: [{ code: 'zh', proficiency: 'native' }] }))).toEqual(['LANGUAGE']);
  });

  it('excludes a volunteer whose proficiency is only business level', () => {
    expect(codesFor(aVolunteer({ languages: [{ code: 'vi', proficiency: 'business' }] }))).toEqual(['LANGUAGE']);
  });

  it('excludes a trainee as interpreter of record', () => {
    expect(codesFor(aVolunteer({ level: 'trainee' }))).toEqual(['LEVEL']);
  });

  it('makes trainees, and only trainees, eligible to shadow', () => {
    const shadow = aRequest({ role: 'shadow' });
    expect(
      codesFor(aVolunteer({ level: 'trainee', languages: [{ code: 'vi', proficiency: 'business' }] }), shadow),
    ).toEqual([]);
    expect(codesFor(aVolunteer({ level: 'advanced' }), shadow)).toEqual(['LEVEL']);
  });

  it('excludes a standard volunteer from an informed-consent visit', () => {
    expect(codesFor(aVolunteer({ level: 'standard' }), aRequest({ visitType: 'informed_consent' }))).toEqual(['LEVEL']);
    expect(codesFor(aVolunteer({ level: 'advanced' }), aRequest({ visitType: 'informed_consent' }))).toEqual([]);
  });

  it('excludes a volunteer who is not available for the visit plus travel', () => {
    const availability = compileAvailability({
      weekly: [{ weekday: 2, start: '10:00', end: '12:00' }],
      exceptions: [],
    });
    expect(codesFor(aVolunteer({ availability }))).toEqual(['UNAVAILABLE']);
    expect(codesFor(aVolunteer({ availability }), aRequest({ mode: 'phone' }))).toEqual([]);
  });

  it('excludes a volunteer whose existing dispatch is too close once travel is added', () => {
    const dispatches = [{ startsAt: jst('2026-12-01T08:00'), endsAt: jst('2026-12-01T09:50'), area: '東区' }];
    expect(codesFor(aVolunteer({ dispatches }))).toEqual(['OVERLAP']);
    expect(codesFor(aVolunteer({ dispatches }), aRequest({ mode: 'video' }))).toEqual([]);
    expect(codesFor(aVolunteer({ dispatches: [{ ...dispatches[0], area: null }] }))).toEqual([]);
    expect(codesFor(aVolunteer({ dispatches: [{ ...dispatches[0], endsAt: jst('2026-12-01T09:35') }] }))).toEqual([]);
  });

  it('counts this month from dispatchesThisMonth and a later month from the dispatch list', () => {
    const thisMonth = aRequest({ startsAt: jst('2026-11-30T10:00'), endsAt: jst('2026-11-30T12:00') });
    expect(codesFor(aVolunteer({ dispatchesThisMonth: 4, maxDispatchesPerMonth: 4 }), thisMonth)).toEqual([
      'MONTHLY_CAP',
    ]);
    expect(codesFor(aVolunteer({ dispatchesThisMonth: 4, maxDispatchesPerMonth: 4 }))).toEqual([]);
    const december = [3, 4].map((d) => ({
      startsAt: jst(`2026-12-0${d}T10:00`),
      endsAt: jst(`2026-12-0${d}T11:00`),
      area: null,
    }));
    expect(codesFor(aVolunteer({ dispatches: december, maxDispatchesPerMonth: 2 }))).toEqual(['MONTHLY_CAP']);
  });

  it('gives the room under the cap the same way (what waves ordered by room read)', () => {
    const december = [3, 4].map((d) => ({
      startsAt: jst(`2026-12-0${d}T10:00`),
      endsAt: jst(`2026-12-0${d}T11:00`),
      area: null,
    }));
    const laterMonth = prepareRequest(aRequest(), NOW);
    expect(
      roomUnderCap(laterMonth, aVolunteer({ dispatches: december, dispatchesThisMonth: 5, maxDispatchesPerMonth: 6 })),
    ).toBe(4);
    const thisMonth = prepareRequest(
      aRequest({ startsAt: jst('2026-11-30T10:00'), endsAt: jst('2026-11-30T12:00') }),
      NOW,
    );
    expect(
      roomUnderCap(thisMonth, aVolunteer({ dispatches: december, dispatchesThisMonth: 5, maxDispatchesPerMonth: 6 })),
    ).toBe(1);
  });

  it('excludes a suspended or retired volunteer', () => {
    expect(codesFor(aVolunteer({ status: 'suspended' }))).toEqual(['INACTIVE']);
    expect(codesFor(aVolunteer({ status: 'retired' }))).toEqual(['INACTIVE']);
  });

  it('excludes a volunteer who has not signed the pledge by the visit', () => {
    expect(codesFor(aVolunteer({ pledgeSignedAt: null }))).toEqual(['PLEDGE']);
    expect(codesFor(aVolunteer({ pledgeSignedAt: jst('2026-12-05T10:00') }))).toEqual(['PLEDGE']);
  });

  it('excludes a volunteer whose insurance has lapsed', () => {
    expect(codesFor(aVolunteer({ insuranceValidUntil: '2026-03-31' }))).toEqual(['INSURANCE']);
    expect(codesFor(aVolunteer({ insuranceValidUntil: null }))).toEqual(['INSURANCE']);
    expect(codesFor(aVolunteer({ insuranceValidUntil: '2026-12-01' }))).toEqual([]);
  });

  it('excludes a volunteer whose required training is not up to date', () => {
    expect(codesFor(aVolunteer({ trainingOk: false }))).toEqual(['TRAINING']);
  });

  it("honours the patient's interpreter-gender preference", () => {
    expect(codesFor(aVolunteer({ gender: 'male' }), aRequest({ interpreterGender: 'female' }))).toEqual(['GENDER']);
    expect(codesFor(aVolunteer({ gender: 'other' }), aRequest({ interpreterGender: 'any' }))).toEqual([]);
  });

  it('excludes a volunteer banned by the hospital or for the patient', () => {
    expect(codesFor(aVolunteer({ bannedHospitalIds: ['hosp-kumamoto-central'] }))).toEqual(['BANNED']);
    expect(codesFor(aVolunteer({ bannedPatientKeys: ['patient-1'] }))).toEqual(['BANNED']);
  });

  it('reports every failed rule, not just the first', () => {
    const volunteer = aVolunteer({
      level: 'trainee',
      status: 'suspended',
      trainingOk: false,
      insuranceValidUntil: null,
      gender: 'male',
    });
    expect(codesFor(volunteer, aRequest({ interpreterGender: 'female' }))).toEqual([
      'LEVEL',
      'INACTIVE',
      'INSURANCE',
      'TRAINING',
      'GENDER',
    ]);
  });

  it('sorts by score and breaks ties by volunteer id', () => {
    const volunteers = [
      aVolunteer({ id: 'c', assignmentsLast30d: 5 }),
      aVolunteer({ id: 'b' }),
      aVolunteer({ id: 'a' }),
      aVolunteer({ id: 'd', history: { patientKeys: ['patient-1'], hospitalIds: [], departments: {} } }),
    ];
    const result = rankCandidates({ request: aRequest(), volunteers, now: NOW });
    expect(result.eligible.map((c) => c.volunteerId)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('explains each part of the score, and the parts add up to it', () => {
    const volunteer = aVolunteer({
      responseRate: 0.8,
      history: { patientKeys: ['patient-1'], hospitalIds: [], departments: { internal_medicine: 2 } },
    });
    const [candidate] = rankCandidates({ request: aRequest(), volunteers: [volunteer], now: NOW }).eligible;
    const sum = Object.values(candidate.parts).reduce((a, b) => a + b, 0);
    expect(candidate.score).toBeCloseTo(sum, 6);
    expect(candidate.reasons).toEqual(
      expect.arrayContaining([
        expect.stringContaining('this patient'),
        expect.stringContaining('80% of offers'),
        expect.stringContaining('min travel'),
      ]),
    );
  });
});
