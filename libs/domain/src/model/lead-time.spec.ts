import * as holidayJp from '@holiday-jp/holiday_jp';
import { businessDaysBetween, isBusinessDay, isPublicHoliday, isUrgent } from './lead-time';

const jst = (iso: string) => new Date(`${iso}+09:00`);

describe('businessDaysBetween', () => {
  it('counts the weekdays strictly between filing and visit', () => {
    // Thu 2026-12-03 → Wed 2026-12-09: Fri, Mon, Tue.
    expect(businessDaysBetween(jst('2026-12-03T16:00'), jst('2026-12-09T10:00'))).toBe(3);
  });

  it('skips Japanese public holidays', () => {
    // Fri 2026-11-20 → Wed 2026-11-25: Mon 23 Nov is Labour Thanksgiving Day; only Tue counts.
    expect(isBusinessDay(new Date(2026, 10, 23))).toBe(false);
    expect(businessDaysBetween(jst('2026-11-20T09:00'), jst('2026-11-25T10:00'))).toBe(1);
  });

  it('skips the year-end closure', () => {
    // Mon 2026-12-28 → Tue 2027-01-05: 29 Dec – 3 Jan closed, 4 Jan Monday counts.
    expect(businessDaysBetween(jst('2026-12-28T09:00'), jst('2027-01-05T10:00'))).toBe(1);
  });

  it('uses the Tokyo date, not the UTC one, near midnight', () => {
    // 00:30 JST on Fri 4 Dec is still Thu 3 Dec in UTC; Tokyo's Friday is the filing day.
    expect(businessDaysBetween(jst('2026-12-04T00:30'), jst('2026-12-09T10:00'))).toBe(2);
  });
});

describe('isUrgent', () => {
  it('marks a request with less than three business days of notice as urgent', () => {
    expect(isUrgent(jst('2026-12-04T10:00'), jst('2026-12-09T10:00'), 3)).toBe(true);
    expect(isUrgent(jst('2026-12-03T10:00'), jst('2026-12-09T10:00'), 3)).toBe(false);
  });
});

describe('isPublicHoliday', () => {
  it('answers as holiday_jp.isHoliday for every day from 2020 to 2030', () => {
    for (
      let day = new Date(2020, 0, 1);
      day.getFullYear() < 2031;
      day = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1)
    ) {
      expect([day.toDateString(), isPublicHoliday(day)]).toEqual([day.toDateString(), holidayJp.isHoliday(day)]);
    }
  });
});
