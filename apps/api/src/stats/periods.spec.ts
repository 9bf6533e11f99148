import { datePeriod, fiscalYearPeriod, monthPeriod } from './periods';

describe('periods', () => {
  it('runs a fiscal year from 1 April to 1 April, Tokyo time', () => {
    const fy = fiscalYearPeriod(2025);
    expect(fy.from.toISOString()).toBe('2025-03-31T15:00:00.000Z');
    expect(fy.to.toISOString()).toBe('2026-03-31T15:00:00.000Z');
    // 31 March 2026 23:30 JST is still fiscal year 2025.
    expect(new Date('2026-03-31T23:30:00+09:00') < fy.to).toBe(true);
  });

  it('takes a month and inclusive days in Tokyo time', () => {
    expect(monthPeriod('2026-12')).toEqual({
      from: new Date('2026-12-01T00:00:00+09:00'),
      to: new Date('2027-01-01T00:00:00+09:00'),
    });
    expect(datePeriod('2026-04-01', '2026-04-30')).toEqual({
      from: new Date('2026-04-01T00:00:00+09:00'),
      to: new Date('2026-05-01T00:00:00+09:00'),
    });
  });
});
