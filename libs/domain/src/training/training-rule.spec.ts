import { fiscalYearOf, tokyoDate } from '../model/tokyo-calendar';
import { continuationCheck, evaluateTraining, lapsingItems, pledgeValidUntil, TrainingRecord } from './training-rule';

const at = (iso: string) => new Date(iso);
const attended = (kind: TrainingRecord['kind'], startsAt: string): TrainingRecord => ({
  kind,
  status: 'attended',
  startsAt: at(startsAt),
});

describe('fiscalYearOf', () => {
  it('puts 31 March in the fiscal year that began the April before, and 1 April in the new one', () => {
    expect(fiscalYearOf('2026-03-31')).toBe(2025);
    expect(fiscalYearOf('2026-04-01')).toBe(2026);
  });

  it('reads instants in Tokyo time: 31 March 15:30 UTC is already 1 April in Tokyo', () => {
    expect(tokyoDate(at('2026-03-31T15:30:00Z'))).toBe('2026-04-01');
    expect(fiscalYearOf(at('2026-03-31T15:30:00Z'))).toBe(2026);
    expect(fiscalYearOf(at('2026-03-31T14:59:00Z'))).toBe(2025);
  });
});

describe(evaluateTraining.name, () => {
  const initial = attended('initial', '2024-06-01T01:00:00Z');

  it('counts a skill-up on 31 March for the ending fiscal year: valid until 31 March of the next one', () => {
    const standing = evaluateTraining([initial, attended('skill_up', '2026-03-31T01:00:00Z')], '2026-06-01');
    expect(standing).toMatchObject({
      ruleMet: true,
      validUntil: '2027-03-31',
      missing: [],
      lastSkillUpOn: '2026-03-31',
    });
  });

  it('counts a skill-up on 1 April for the new fiscal year: valid a year longer', () => {
    const standing = evaluateTraining([initial, attended('skill_up', '2026-04-01T01:00:00Z')], '2026-06-01');
    expect(standing).toMatchObject({ ruleMet: true, validUntil: '2028-03-31' });
  });

  it('holds through the last day and lapses the day after', () => {
    const records = [initial, attended('skill_up', '2025-10-01T01:00:00Z')];
    expect(evaluateTraining(records, '2027-03-31')).toMatchObject({ ruleMet: true, validUntil: '2027-03-31' });
    expect(evaluateTraining(records, '2027-04-01')).toMatchObject({
      ruleMet: false,
      validUntil: '2027-03-31',
      missing: ['skill_up'],
    });
  });

  it('requires the initial course, and ignores registrations and absences', () => {
    const records: TrainingRecord[] = [
      { kind: 'initial', status: 'absent', startsAt: at('2025-05-01T01:00:00Z') },
      { kind: 'skill_up', status: 'registered', startsAt: at('2026-05-01T01:00:00Z') },
      attended('skill_up', '2025-09-01T01:00:00Z'),
    ];
    expect(evaluateTraining(records, '2026-06-01')).toEqual({
      ruleMet: false,
      validUntil: null,
      missing: ['initial_course'],
      initialCompletedOn: null,
      lastSkillUpOn: '2025-09-01',
    });
  });

  it('reports both parts missing for a new volunteer', () => {
    expect(evaluateTraining([], '2026-06-01')).toMatchObject({
      ruleMet: false,
      validUntil: null,
      missing: ['initial_course', 'skill_up'],
    });
  });

  it('follows the configuration: one fiscal year only, or no skill-up at all', () => {
    const records = [initial, attended('skill_up', '2025-10-01T01:00:00Z')];
    expect(
      evaluateTraining(records, '2026-04-01', { requireInitialCourse: true, skillUpValidFiscalYears: 1 }),
    ).toMatchObject({
      ruleMet: false,
      validUntil: '2026-03-31',
    });
    expect(
      evaluateTraining([initial], '2030-01-01', { requireInitialCourse: true, skillUpValidFiscalYears: 0 }),
    ).toMatchObject({ ruleMet: true, validUntil: null });
  });
});

describe(lapsingItems.name, () => {
  const facts = {
    pledgeSignedAt: at('2025-04-10T00:00:00Z'),
    insuranceValidUntil: '2026-03-31',
    training: { validUntil: '2027-03-31' },
  };

  it('lists what lapses within the window, inclusive of its last day', () => {
    expect(lapsingItems(facts, '2026-03-01', 30)).toEqual([{ item: 'insurance', date: '2026-03-31', lapsed: false }]);
    expect(lapsingItems(facts, '2026-03-01', 29)).toEqual([]);
  });

  it('lists missing items and items already lapsed', () => {
    expect(
      lapsingItems(
        { pledgeSignedAt: null, insuranceValidUntil: '2026-02-01', training: { validUntil: null } },
        '2026-03-01',
        0,
      ),
    ).toEqual([
      { item: 'pledge', date: null, lapsed: true },
      { item: 'insurance', date: '2026-02-01', lapsed: true },
      { item: 'training', date: null, lapsed: true },
    ]);
  });

  it('expires a pledge only when a validity period is configured (signed 10 April Tokyo, 12 months → 9 April)', () => {
    expect(pledgeValidUntil(at('2025-04-10T00:00:00Z'))).toBeNull();
    expect(pledgeValidUntil(at('2025-04-09T16:00:00Z'), { pledgeValidityMonths: 12, continuationFiscalYears: 3 })).toBe(
      '2026-04-09',
    );
  });
});

describe(continuationCheck.name, () => {
  const base = { registeredAt: at('2020-05-01T00:00:00Z'), lastDispatchAt: null, lastTrainingAt: null };

  it('is due when nothing happened in the current and two previous fiscal years', () => {
    // Today 2026-11-27 is FY2026; the window starts 2024-04-01.
    expect(continuationCheck({ ...base, lastTrainingAt: at('2024-03-31T03:00:00Z') }, '2026-11-27')).toEqual({
      due: true,
      lastActivityOn: '2024-03-31',
      windowStart: '2024-04-01',
    });
    expect(continuationCheck({ ...base, lastTrainingAt: at('2024-04-01T03:00:00Z') }, '2026-11-27').due).toBe(false);
    expect(continuationCheck({ ...base, lastDispatchAt: at('2025-01-01T03:00:00Z') }, '2026-11-27').due).toBe(false);
  });

  it('does not flag a volunteer registered inside the window', () => {
    expect(continuationCheck({ ...base, registeredAt: at('2025-01-01T00:00:00Z') }, '2026-11-27').due).toBe(false);
  });
});
