import { DEFAULT_MATCHING_CONFIG, requiredLevelFor, travelMinutes } from './matching-config';

describe('requiredLevelFor', () => {
  it('asks for a standard interpreter for a routine outpatient visit', () => {
    expect(requiredLevelFor('internal_medicine', 'outpatient', DEFAULT_MATCHING_CONFIG)).toBe('standard');
  });

  it.each(['informed_consent', 'end_of_life', 'safeguarding', 'psychiatric_care'] as const)(
    'asks for an advanced interpreter for %s',
    (visitType) => {
      expect(requiredLevelFor('internal_medicine', visitType, DEFAULT_MATCHING_CONFIG)).toBe('advanced');
    },
  );

  it.each(['oncology', 'psychiatry'] as const)(
    'asks for an advanced interpreter in %s even for an outpatient visit',
    (department) => {
      expect(requiredLevelFor(department, 'outpatient', DEFAULT_MATCHING_CONFIG)).toBe('advanced');
    },
  );
});

describe('travelMinutes', () => {
  it('reads the table in both directions', () => {
    expect(travelMinutes('中央区', '東区')).toBe(25);
    expect(travelMinutes('東区', '中央区')).toBe(25);
  });

  it('uses the same-area time within one area and the default for unknown pairs', () => {
    expect(travelMinutes('益城町', '益城町')).toBe(DEFAULT_MATCHING_CONFIG.travel.sameAreaMinutes);
    expect(travelMinutes('中央区', '阿蘇市')).toBe(DEFAULT_MATCHING_CONFIG.travel.defaultMinutes);
  });
});
