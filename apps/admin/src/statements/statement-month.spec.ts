import { monthOf, recentMonths } from './statement-month';

describe('statement months', () => {
  it('takes the month in Tokyo, and counts back across the year', () => {
    expect(monthOf(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(recentMonths(new Date('2026-02-10T00:00:00Z'), 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
  });
});
