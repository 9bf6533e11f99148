import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { daysFromCivil, PROGRAMME_TIME_ZONE, toTokyoWallTime, tokyoMonthBounds } from './tokyo-time';

/** What toTokyoWallTime answered before it cached the offset: TZDate's getters, every time. */
function byTzDate(epochMs: number) {
  const d = new TZDate(epochMs, PROGRAMME_TIME_ZONE);
  const dayNumber = daysFromCivil(d.getFullYear(), d.getMonth() + 1, d.getDate());
  const minuteOfDay = d.getHours() * 60 + d.getMinutes();
  return {
    year: d.getFullYear(),
    month: d.getMonth() + 1,
    day: d.getDate(),
    dayNumber,
    minuteOfDay,
    wallMinute: dayNumber * 1440 + minuteOfDay,
  };
}

describe('Tokyo wall time', () => {
  it('answers as TZDate does, for any instant from 1900 to 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(toTokyoWallTime(ms)).toEqual(byTzDate(ms));
      }),
      { numRuns: 5_000 },
    );
  });

  it('answers as TZDate does around Japan’s last daylight saving (1948–1951) and around midnight', () => {
    for (let ms = Date.UTC(1948, 3, 1); ms < Date.UTC(1951, 11, 1); ms += 17 * 60_000 + 13_000)
      expect(toTokyoWallTime(ms)).toEqual(byTzDate(ms));
    const midnight = new TZDate(2026, 11, 1, PROGRAMME_TIME_ZONE).getTime();
    for (const ms of [midnight - 1, midnight, midnight + 59_999, midnight + 60_000])
      expect(toTokyoWallTime(ms)).toEqual(byTzDate(ms));
  });

  it('gives month bounds as TZDate does', () => {
    for (let year = 1947; year <= 2030; year++)
      for (let month = 1; month <= 12; month++) {
        const bounds = tokyoMonthBounds({ year, month });
        expect(bounds.startMs).toBe(new TZDate(year, month - 1, 1, PROGRAMME_TIME_ZONE).getTime());
        expect(bounds.endMs).toBe(new TZDate(year, month, 1, PROGRAMME_TIME_ZONE).getTime());
      }
  });
});
