import { isAfter, tokyoDateAfter, tokyoDateOf, tokyoDayStart, tokyoIso, tokyoTimeOf, visitTimes } from './tokyo-input';

describe('tokyo-input', () => {
  it('builds an ISO time with the Tokyo offset from a date and a wall time', () => {
    expect(tokyoIso('2026-12-08', '10:00')).toBe('2026-12-08T10:00:00+09:00');
    expect(new Date(tokyoIso('2026-12-08', '08:30')).toISOString()).toBe('2026-12-07T23:30:00.000Z');
  });

  it('counts days in Tokyo, not in the browser zone', () => {
    // 23:30 UTC on the 1st is already the 2nd in Tokyo.
    expect(tokyoDateAfter(Date.parse('2026-12-01T23:30:00Z'), 1)).toBe('2026-12-03');
    expect(tokyoDateAfter(Date.parse('2026-12-31T00:00:00Z'), 1)).toBe('2027-01-01');
  });

  it('starts a filter day at Tokyo midnight and compares wall times', () => {
    expect(tokyoDayStart('2026-12-08')).toBe('2026-12-08T00:00:00+09:00');
    expect(isAfter('11:00', '10:30')).toBe(true);
    expect(isAfter('09:00', '10:00')).toBe(false);
  });

  it('reads an instant back as a Tokyo date and wall time', () => {
    expect(tokyoDateOf('2026-12-07T23:30:00Z')).toBe('2026-12-08');
    expect(tokyoTimeOf('2026-12-07T23:30:00Z')).toBe('08:30');
  });

  it('reads a visit across midnight as ending the next morning, and an end more than 12 hours "before" as a typo', () => {
    expect(visitTimes('2026-12-31', '23:22', '00:22')).toEqual({
      actualStart: '2026-12-31T23:22:00+09:00',
      actualEnd: '2027-01-01T00:22:00+09:00',
      endBeforeStart: false,
    });
    expect(visitTimes('2026-12-08', '10:00', '11:30')).toEqual({
      actualStart: '2026-12-08T10:00:00+09:00',
      actualEnd: '2026-12-08T11:30:00+09:00',
      endBeforeStart: false,
    });
    expect(visitTimes('2026-12-08', '11:00', '10:00')?.endBeforeStart).toBe(true);
    expect(visitTimes('2026-12-08', '10:00', '10:00')?.endBeforeStart).toBe(true);
    expect(visitTimes('2026-12-08', '', '10:00')).toBeNull();
  });
});
