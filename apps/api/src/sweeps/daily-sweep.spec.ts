import { tokyoDate } from '@app/domain/model';
import { nextDailyRun } from './daily-sweep';

describe('nextDailyRun', () => {
  it('is later the same Tokyo day when the hour is still to come', () => {
    expect(nextDailyRun(new Date('2026-12-01T01:00:00+09:00'), 3).toISOString()).toBe(
      new Date('2026-12-01T03:00:00+09:00').toISOString(),
    );
  });

  it('is the next Tokyo day at or after the hour', () => {
    expect(nextDailyRun(new Date('2026-12-01T03:00:00+09:00'), 3).toISOString()).toBe(
      new Date('2026-12-02T03:00:00+09:00').toISOString(),
    );
    expect(nextDailyRun(new Date('2026-12-31T23:30:00+09:00'), 3).toISOString()).toBe(
      new Date('2027-01-01T03:00:00+09:00').toISOString(),
    );
  });

  it('names the Tokyo date, not the UTC one', () => {
    expect(tokyoDate(new Date('2026-03-31T23:30:00+09:00'))).toBe('2026-03-31');
    expect(tokyoDate(new Date('2026-03-31T15:30:00Z'))).toBe('2026-04-01');
  });
});
