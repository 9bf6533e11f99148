import { appliesTo, dayBefore, firstOfNextMonth, ruleRows, untilForNew, type FeeRule } from './fee-rules';

const rule = (validFrom: string, hospitalBaseYen = 3000): FeeRule => ({
  id: validFrom,
  validFrom,
  hospitalBaseYen,
  baseMinutes: 120,
  hospitalExtraHourYen: 1000,
  lateCancellationYen: 3000,
  patientNoShowYen: 3000,
  volunteerFlatYen: 3000,
  volunteerTransport: 'included',
  traineeTransportPaid: false,
});

describe('fee rules', () => {
  it('marks the rule in force, the upcoming ones and the superseded ones, newest first, each with its last day', () => {
    const rows = ruleRows(
      [rule('2027-01-01'), rule('2000-01-01'), rule('2026-04-01'), rule('2027-04-15')],
      '2026-12-07',
    );
    expect(rows.map((r) => [r.validFrom, r.state, r.until])).toEqual([
      ['2027-04-15', 'upcoming', null],
      ['2027-01-01', 'upcoming', '2027-04-14'],
      ['2026-04-01', 'in_force', '2026-12-31'],
      ['2000-01-01', 'superseded', '2026-03-31'],
    ]);
  });

  it('counts a rule starting today as in force', () => {
    expect(ruleRows([rule('2000-01-01'), rule('2026-12-07')], '2026-12-07').map((r) => r.state)).toEqual([
      'in_force',
      'superseded',
    ]);
  });

  it('proposes the first of next month, across the year end', () => {
    expect(firstOfNextMonth('2026-12-07')).toBe('2027-01-01');
    expect(firstOfNextMonth('2027-01-31')).toBe('2027-02-01');
    expect(dayBefore('2027-03-01')).toBe('2027-02-28');
  });

  it('says which months a rule prices', () => {
    expect(appliesTo('2027-01-01', null)).toBe('2027年1月分からの明細・請求書に適用');
    expect(appliesTo('2027-01-01', '2027-03-31')).toBe('2027年1月分〜2027年3月分の明細・請求書に適用');
    expect(appliesTo('2027-01-15', '2027-01-31')).toBe('2027年1月分の明細・請求書に適用（2027年1月15日以降の訪問）');
    expect(appliesTo('2027-01-01', '2027-04-14')).toBe(
      '2027年1月分〜2027年4月分の明細・請求書に適用（2027年4月14日までの訪問）',
    );
    expect(appliesTo('2027-01-01', null, 'en')).toBe('Prices the statements from January 2027 on');
    expect(appliesTo('2027-01-15', '2027-03-31', 'en')).toBe(
      'Prices the statements of January 2027 to March 2027 (visits from 15 January 2027)',
    );
  });

  it('ends a new rule the day before the next existing rule after it', () => {
    const rules = [rule('2000-01-01'), rule('2027-04-01')];
    expect(untilForNew(rules, '2027-01-01')).toBe('2027-03-31');
    expect(untilForNew(rules, '2027-05-01')).toBeNull();
  });
});
