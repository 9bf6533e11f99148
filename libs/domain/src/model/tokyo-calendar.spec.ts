import {
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
  formatDate,
  formatDateTime,
  formatTime,
  formatTimeRange,
  tokyoCalendarDay,
  tokyoParts,
  tokyoDate,
  tokyoDateTime,
  tokyoWallClockDate,
  monthPeriod,
  fiscalYearPeriod,
  datePeriod,
  reiwaFiscalYearLabel,
  tokyoMonth,
  formatMonth,
  fiscalYearMonths,
} from './tokyo-calendar';

describe('dates (Asia/Tokyo)', () => {
  it('formats a date the Japanese way with the weekday', () => {
    expect(formatDate('2026-12-03T01:00:00Z')).toBe('2026年12月3日(木)');
  });

  it('uses Tokyo time, not the browser zone: 15:30 UTC is already the next day in Tokyo', () => {
    expect(formatDate('2026-12-02T15:30:00Z')).toBe('2026年12月3日(木)');
    expect(formatTime('2026-12-02T15:30:00Z')).toBe('00:30');
  });

  it('formats a visit on one day as date plus time range with an en dash', () => {
    expect(formatTimeRange('2026-12-03T10:00:00+09:00', '2026-12-03T12:00:00+09:00')).toBe(
      '2026年12月3日(木) 10:00–12:00',
    );
  });

  it('spells out both dates when a range crosses Tokyo midnight', () => {
    expect(formatTimeRange('2026-12-03T22:00:00+09:00', '2026-12-04T02:00:00+09:00')).toBe(
      '2026年12月3日(木) 22:00 – 2026年12月4日(金) 02:00',
    );
  });

  it('has an English form', () => {
    expect(formatDateTime('2026-12-03T10:05:00+09:00', 'en')).toBe('Thu 3 Dec 2026 10:05');
    expect(formatTimeRange('2026-12-03T10:00:00+09:00', '2026-12-03T12:00:00+09:00', 'en')).toBe(
      'Thu 3 Dec 2026 10:00–12:00',
    );
  });

  it('accepts Date objects and epoch milliseconds', () => {
    const instant = Date.UTC(2027, 0, 1, 0, 0);
    expect(formatDateTime(instant)).toBe('2027年1月1日(金) 09:00');
    expect(formatDateTime(new Date(instant))).toBe('2027年1月1日(金) 09:00');
  });

  it('refuses what is not a date', () => {
    expect(() => formatDate('not a date')).toThrow(RangeError);
  });

  it('names every weekday', () => {
    const days = ['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05'].map(
      (d) => formatDate(`${d}T12:00:00+09:00`),
    );
    expect(days.map((d) => d.slice(-3))).toEqual(['(日)', '(月)', '(火)', '(水)', '(木)', '(金)', '(土)']);
  });

  it('places the fiscal year boundary at 1 April 00:00 Tokyo', () => {
    expect(fiscalYearOf('2027-03-31T23:59:00+09:00')).toBe(2026);
    expect(fiscalYearOf('2027-04-01T00:00:00+09:00')).toBe(2027);
    // 1 April 00:30 Tokyo is still 31 March in UTC.
    expect(fiscalYearOf('2027-03-31T15:30:00Z')).toBe(2027);
    expect(fiscalYearOf('2026-12-03T10:00:00+09:00')).toBe(2026);
  });

  it('labels fiscal years 2026年度 (FY2026 in English) and gives their day range', () => {
    expect(fiscalYearLabel(2026)).toBe('2026年度');
    expect(fiscalYearLabel(2026, 'en')).toBe('FY2026');
    expect(fiscalYearRange(2026)).toEqual({ from: '2026-04-01', to: '2027-03-31' });
  });

  it('exposes the Tokyo fields', () => {
    expect(tokyoParts('2026-12-03T01:02:00Z')).toEqual({
      year: 2026,
      month: 12,
      day: 3,
      weekday: 4,
      hour: 10,
      minute: 2,
    });
  });

  it('writes Tokyo dates and times as exports do, whatever the machine zone', () => {
    expect(tokyoDate('2026-03-31T15:30:00Z')).toBe('2026-04-01');
    expect(tokyoDateTime('2026-12-08T01:00:00Z')).toBe('2026-12-08 10:00');
    expect(tokyoWallClockDate('2026-12-08T01:00:00Z').toISOString()).toBe('2026-12-08T10:00:00.000Z');
  });

  it('bounds months and fiscal years at Tokyo midnight', () => {
    expect(monthPeriod('2026-12')).toEqual({
      from: new Date('2026-11-30T15:00:00Z'),
      to: new Date('2026-12-31T15:00:00Z'),
    });
    expect(fiscalYearPeriod(2026).from.toISOString()).toBe('2026-03-31T15:00:00.000Z');
    expect(fiscalYearPeriod(2026).to.toISOString()).toBe('2027-03-31T15:00:00.000Z');
    expect(datePeriod('2026-12-01', '2026-12-31').to.toISOString()).toBe('2026-12-31T15:00:00.000Z');
  });

  it('labels a fiscal year in the Reiwa era with the Western year', () => {
    expect(reiwaFiscalYearLabel(2026)).toBe('令和8年度（2026年度）');
    expect(reiwaFiscalYearLabel(2019)).toBe('令和元年度（2019年度）');
    expect(reiwaFiscalYearLabel(2026, 'en')).toBe('FY2026 (Reiwa 8)');
  });

  it('names the Tokyo month of an instant and the months of a fiscal year', () => {
    expect(tokyoMonth('2026-11-30T15:00:00Z')).toBe('2026-12');
    expect(tokyoMonth('2026-11-30T14:59:59Z')).toBe('2026-11');
    expect(formatMonth('2026-04')).toBe('2026年4月');
    expect(formatMonth('2026-12', 'en')).toBe('Dec 2026');
    expect(fiscalYearMonths(2026)).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
    ]);
  });
});

describe('tokyoCalendarDay', () => {
  it("is the Tokyo day as a local midnight, whatever the machine's zone", () => {
    const day = tokyoCalendarDay('2026-12-31T15:30:00Z'); // 00:30 on 1 January in Tokyo
    expect([day.getFullYear(), day.getMonth(), day.getDate(), day.getHours()]).toEqual([2027, 0, 1, 0]);
    expect(tokyoCalendarDay('2026-12-31T14:59:00Z').getDate()).toBe(31);
  });
});
