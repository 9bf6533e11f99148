import { invoiceMonthOf, monthOf, recentMonths } from './statement-month';

describe('statement months', () => {
  it('takes the month in Tokyo, and counts back across the year', () => {
    expect(monthOf(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(recentMonths(new Date('2026-02-10T00:00:00Z'), 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
  });
});

describe('invoiceMonthOf', () => {
  it('is last month during the first 10 days of a month (Tokyo), this month after', () => {
    expect(invoiceMonthOf(new Date('2027-01-10T14:59:00Z'))).toBe('2026-12'); // 10 Jan 23:59 Tokyo
    expect(invoiceMonthOf(new Date('2027-01-10T15:00:00Z'))).toBe('2027-01'); // 11 Jan 00:00 Tokyo
    expect(invoiceMonthOf(new Date('2026-12-31T15:30:00Z'))).toBe('2026-12'); // 1 Jan in Tokyo
    expect(invoiceMonthOf(new Date('2026-12-20T00:00:00Z'))).toBe('2026-12');
  });
});
