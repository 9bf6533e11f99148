import { dayBeforeEnd, dayOf, fromDay, toDayEnd } from './day-range';

describe('audit log day range', () => {
  it('starts at the beginning of the first Tokyo day and ends before the day after the last', () => {
    expect(fromDay('2026-12-03')).toBe('2026-12-03T00:00:00+09:00');
    expect(toDayEnd('2026-12-03')).toBe('2026-12-04T00:00:00+09:00');
    expect(toDayEnd('2027-03-31')).toBe('2027-04-01T00:00:00+09:00');
  });

  it('shows the days back as they were picked, and nothing for no filter', () => {
    expect(dayOf(fromDay('2026-12-03'))).toBe('2026-12-03');
    expect(dayBeforeEnd(toDayEnd('2026-12-31'))).toBe('2026-12-31');
    expect([fromDay(''), toDayEnd(''), dayOf(undefined), dayBeforeEnd(undefined)]).toEqual(['', '', '', '']);
  });
});
