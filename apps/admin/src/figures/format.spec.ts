import { formatDuration, formatPercent, formatYen, monthLabel } from './format';

describe('figure formats', () => {
  it('shows rates as percentages with at most one decimal', () => {
    expect([
      formatPercent(0.75),
      formatPercent(0.6667),
      formatPercent(1),
      formatPercent(0),
      formatPercent(null),
    ]).toEqual(['75%', '66.7%', '100%', '0%', '—']);
  });

  it('shows durations in days, hours and minutes', () => {
    expect([
      formatDuration(45),
      formatDuration(200),
      formatDuration(120),
      formatDuration(3120),
      formatDuration(0.4),
      formatDuration(null),
    ]).toEqual(['45分', '3時間20分', '2時間', '2日4時間', '0分', '—']);
    expect([formatDuration(45, 'en'), formatDuration(200, 'en'), formatDuration(3120, 'en')]).toEqual([
      '45 min',
      '3 h 20 min',
      '2 d 4 h',
    ]);
  });

  it('names fiscal months and yen the Japanese way', () => {
    expect([monthLabel('2026-04'), monthLabel('2027-03'), monthLabel('2027-03', 'en')]).toEqual(['4月', '3月', 'Mar']);
    expect([formatYen(12345), formatYen(0, 'en')]).toEqual(['12,345円', '¥0']);
  });
});
