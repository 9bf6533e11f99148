import { compileAvailability } from './availability';
import { rankCandidates } from './rank';
import type { VolunteerSnapshot } from './snapshot.types';
import { ALWAYS, NOW, aRequest, aVolunteer, jst } from './testing/snapshot.factory';

/**
 * Worked example: a Vietnamese outpatient visit in internal medicine at a clinic in 中央区,
 * Tuesday 2026-12-01 10:00–12:00 JST, for a patient 阮氏花 has interpreted for before.
 *
 * Default weights: patient 25, hospital 10, fairness 15 (30 d) + 10 (90 d), department 10,
 * travel 15 (zero at 90 min), response 15 (no history counts as 50%).
 *
 * v01 阮氏花: patient 25 + hospital 10 + fairness 15/3 + 10/(1+6/3) = 8.33 + department 10·3/5 = 6
 *   + travel 15·(1−20/90) = 11.67 (same ward, 20 min) + response 15·0.9 = 13.5        → 74.50
 * v02 山田 花子: fairness 15/1 + 10/(1+1/3) = 22.5 + department 10·5/5 = 10
 *   + travel 15·(1−25/90) = 10.83 (東区, 25 min) + response 15·0.8 = 12              → 55.33
 * v03 グエン・ヴァン・アン: fairness 15/5 + 10/(1+10/3) = 5.31 + travel 10.83 (南区, 25 min)
 *   + response 7.5 (no history)                                                        → 23.64
 */
const request = aRequest({
  id: 'req-vi-tue',
  patientKey: 'patient-nguyen',
  hospitalId: 'hosp-chuo-clinic',
  hospitalArea: '中央区',
});
const tuesday = (start: string, end: string) =>
  compileAvailability({ weekly: [{ weekday: 2, start, end }], exceptions: [] });

const volunteers: VolunteerSnapshot[] = [
  aVolunteer({
    id: 'v01',
    displayName: '阮氏花',
    languages: [
      { code: 'vi', proficiency: 'native' },
      { code: 'ja', proficiency: 'fluent' },
    ],
    homeArea: '中央区',
    availability: tuesday('09:00', '17:00'),
    assignmentsLast30d: 2,
    assignmentsLast90d: 6,
    responseRate: 0.9,
    history: {
      patientKeys: ['patient-nguyen'],
      hospitalIds: ['hosp-chuo-clinic'],
      departments: { internal_medicine: 3 },
    },
  }),
  aVolunteer({
    id: 'v02',
    displayName: '山田 花子',
    level: 'advanced',
    languages: [
      { code: 'vi', proficiency: 'fluent' },
      { code: 'en', proficiency: 'business' },
    ],
    homeArea: '東区',
    availability: tuesday('08:00', '13:00'),
    assignmentsLast30d: 0,
    assignmentsLast90d: 1,
    responseRate: 0.8,
    history: { patientKeys: [], hospitalIds: [], departments: { internal_medicine: 7 } },
  }),
  aVolunteer({
    id: 'v03',
    displayName: 'グエン・ヴァン・アン',
    gender: 'male',
    languages: [{ code: 'vi', proficiency: 'native' }],
    homeArea: '南区',
    assignmentsLast30d: 4,
    assignmentsLast90d: 10,
  }),
  aVolunteer({
    id: 'v04',
    displayName: '陳 美玲',
    languages: [
      { code: 'zh', proficiency: 'native' },
      { code: 'en', proficiency: 'fluent' },
    ],
  }),
  aVolunteer({ id: 'v05', displayName: '佐藤 健', gender: 'male', insuranceValidUntil: '2026-03-31' }),
  aVolunteer({
    id: 'v06',
    displayName: 'ファム・ティ・ラン',
    languages: [{ code: 'vi', proficiency: 'native' }],
    status: 'suspended',
  }),
  aVolunteer({
    id: 'v07',
    displayName: '田中 一郎',
    gender: 'male',
    level: 'trainee',
    languages: [{ code: 'vi', proficiency: 'business' }],
  }),
  aVolunteer({
    id: 'v08',
    displayName: 'レ・ティ・マイ',
    languages: [{ code: 'vi', proficiency: 'native' }],
    // Busy until 09:45 in 東区; 25 minutes to 中央区 makes it 10:10.
    dispatches: [{ startsAt: jst('2026-12-01T08:00'), endsAt: jst('2026-12-01T09:45'), area: '東区' }],
    availability: compileAvailability(ALWAYS),
  }),
  aVolunteer({ id: 'v09', displayName: '木村 さくら', availability: tuesday('13:00', '17:00') }),
];

describe('rankCandidates worked example', () => {
  it('ranks the three eligible interpreters in the order worked out by hand', () => {
    const result = rankCandidates({ request, volunteers, now: NOW });
    expect(result.eligible.map((c) => [c.volunteerId, c.displayName, c.score])).toEqual([
      ['v01', '阮氏花', 74.5],
      ['v02', '山田 花子', 55.33],
      ['v03', 'グエン・ヴァン・アン', 23.64],
    ]);
  });

  it('excludes everyone else with the expected codes', () => {
    const result = rankCandidates({ request, volunteers, now: NOW });
    expect(result.excluded.map((c) => [c.volunteerId, c.reasons])).toEqual([
      ['v04', ['LANGUAGE']],
      ['v05', ['INSURANCE']],
      ['v06', ['INACTIVE']],
      ['v07', ['LANGUAGE', 'LEVEL']],
      ['v08', ['OVERLAP']],
      ['v09', ['UNAVAILABLE']],
    ]);
  });

  it('excludes standard-level volunteers from an oncology informed-consent visit', () => {
    const oncology = { ...request, department: 'oncology' as const, visitType: 'informed_consent' as const };
    const result = rankCandidates({ request: oncology, volunteers, now: NOW });
    expect(result.eligible.map((c) => c.volunteerId)).toEqual(['v02']);
    const levelExcluded = result.excluded.filter((c) => c.reasons.includes('LEVEL')).map((c) => c.volunteerId);
    expect(levelExcluded).toEqual(['v01', 'v03', 'v04', 'v05', 'v06', 'v07', 'v08', 'v09']);
  });
});
