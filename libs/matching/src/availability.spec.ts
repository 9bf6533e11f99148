import { Availability, compileAvailability, isAvailable, validateAvailability } from './availability';

/** Epoch ms of an Asia/Tokyo wall time, e.g. jst('2026-12-01T10:00'). */
const jst = (local: string) => Date.parse(`${local}:00+09:00`);

// 2026-11-30 is a Monday, 2026-12-01 a Tuesday.
const MON = 1;
const TUE = 2;
const WED = 3;

describe('isAvailable', () => {
  it('accepts a visit inside a weekly slot and refuses one outside it', () => {
    const a: Availability = { weekly: [{ weekday: TUE, start: '09:00', end: '13:00' }], exceptions: [] };
    expect(isAvailable(a, jst('2026-12-01T10:00'), jst('2026-12-01T12:00'), 0)).toBe(true);
    expect(isAvailable(a, jst('2026-12-01T12:00'), jst('2026-12-01T14:00'), 0)).toBe(false);
    expect(isAvailable(a, jst('2026-12-02T10:00'), jst('2026-12-02T12:00'), 0)).toBe(false);
  });

  it('accepts a visit ending exactly at a slot that ends at midnight', () => {
    const a: Availability = { weekly: [{ weekday: MON, start: '20:00', end: '24:00' }], exceptions: [] };
    expect(isAvailable(a, jst('2026-11-30T22:00'), jst('2026-12-01T00:00'), 0)).toBe(true);
  });

  it('accepts a visit across midnight when a slot ending at 24:00 touches one starting at 00:00', () => {
    const a: Availability = {
      weekly: [
        { weekday: MON, start: '20:00', end: '24:00' },
        { weekday: TUE, start: '00:00', end: '02:00' },
      ],
      exceptions: [],
    };
    expect(isAvailable(a, jst('2026-11-30T23:00'), jst('2026-12-01T01:00'), 0)).toBe(true);
    const mondayOnly: Availability = { weekly: [{ weekday: MON, start: '20:00', end: '24:00' }], exceptions: [] };
    expect(isAvailable(mondayOnly, jst('2026-11-30T23:00'), jst('2026-12-01T01:00'), 0)).toBe(false);
  });

  it('accepts a visit spanning two touching slots on the same day', () => {
    const a: Availability = {
      weekly: [
        { weekday: TUE, start: '09:00', end: '11:00' },
        { weekday: TUE, start: '11:00', end: '13:00' },
      ],
      exceptions: [],
    };
    expect(isAvailable(a, jst('2026-12-01T10:00'), jst('2026-12-01T12:00'), 0)).toBe(true);
  });

  it('refuses a visit across a gap between two slots', () => {
    const a: Availability = {
      weekly: [
        { weekday: TUE, start: '09:00', end: '11:00' },
        { weekday: TUE, start: '11:30', end: '13:00' },
      ],
      exceptions: [],
    };
    expect(isAvailable(a, jst('2026-12-01T10:00'), jst('2026-12-01T12:00'), 0)).toBe(false);
  });

  it('refuses a visit when the travel buffer pushes past the end of the slot', () => {
    const a: Availability = { weekly: [{ weekday: TUE, start: '09:00', end: '12:30' }], exceptions: [] };
    expect(isAvailable(a, jst('2026-12-01T10:00'), jst('2026-12-01T12:00'), 30)).toBe(true);
    expect(isAvailable(a, jst('2026-12-01T10:00'), jst('2026-12-01T12:00'), 45)).toBe(false);
  });

  it('refuses a visit when the travel buffer pushes before the start of the slot', () => {
    const a: Availability = { weekly: [{ weekday: TUE, start: '09:30', end: '17:00' }], exceptions: [] };
    expect(isAvailable(a, jst('2026-12-01T10:00'), jst('2026-12-01T12:00'), 30)).toBe(true);
    expect(isAvailable(a, jst('2026-12-01T10:00'), jst('2026-12-01T12:00'), 31)).toBe(false);
  });

  it('refuses a visit when an exception removes part of the slot', () => {
    const a: Availability = {
      weekly: [{ weekday: TUE, start: '09:00', end: '17:00' }],
      exceptions: [{ date: '2026-12-01', available: false, start: '11:00', end: '12:00' }],
    };
    expect(isAvailable(a, jst('2026-12-01T10:00'), jst('2026-12-01T12:00'), 0)).toBe(false);
    expect(isAvailable(a, jst('2026-12-01T12:00'), jst('2026-12-01T14:00'), 0)).toBe(true);
    // The next Tuesday is untouched by the exception.
    expect(isAvailable(a, jst('2026-12-08T10:00'), jst('2026-12-08T12:00'), 0)).toBe(true);
  });

  it('refuses any visit on a day marked unavailable all day', () => {
    const a: Availability = {
      weekly: [{ weekday: TUE, start: '00:00', end: '24:00' }],
      exceptions: [{ date: '2026-12-01', available: false }],
    };
    expect(isAvailable(a, jst('2026-12-01T10:00'), jst('2026-12-01T11:00'), 0)).toBe(false);
  });

  it('accepts a visit in extra availability on a day without a weekly slot', () => {
    const a: Availability = {
      weekly: [{ weekday: MON, start: '09:00', end: '17:00' }],
      exceptions: [{ date: '2026-12-02', available: true, start: '13:00', end: '18:00' }],
    };
    expect(isAvailable(a, jst('2026-12-02T14:00'), jst('2026-12-02T16:00'), 0)).toBe(true);
    expect(isAvailable(a, jst('2026-12-09T14:00'), jst('2026-12-09T16:00'), 0)).toBe(false);
  });

  it('joins extra availability with a touching weekly slot', () => {
    const a: Availability = {
      weekly: [{ weekday: WED, start: '09:00', end: '12:00' }],
      exceptions: [{ date: '2026-12-02', available: true, start: '12:00', end: '15:00' }],
    };
    expect(isAvailable(a, jst('2026-12-02T11:00'), jst('2026-12-02T13:00'), 0)).toBe(true);
  });

  it('accepts a multi-day visit only when every day is covered', () => {
    const allDay = (weekday: number) => ({ weekday, start: '00:00', end: '24:00' });
    const a: Availability = { weekly: [allDay(MON), allDay(TUE), allDay(WED)], exceptions: [] };
    expect(isAvailable(a, jst('2026-11-30T08:00'), jst('2026-12-02T18:00'), 0)).toBe(true);
    const away = { ...a, exceptions: [{ date: '2026-12-01', available: false, start: '03:00', end: '04:00' }] };
    expect(isAvailable(away, jst('2026-11-30T08:00'), jst('2026-12-02T18:00'), 0)).toBe(false);
  });

  it('reads instants in Japan time whatever offset they were written with', () => {
    const a: Availability = { weekly: [{ weekday: TUE, start: '09:00', end: '13:00' }], exceptions: [] };
    // 01:00Z is 10:00 in Tokyo.
    expect(isAvailable(a, Date.parse('2026-12-01T01:00:00Z'), Date.parse('2026-12-01T03:00:00Z'), 0)).toBe(true);
  });

  it('gives the same answer for raw and compiled availability', () => {
    const a: Availability = { weekly: [{ weekday: TUE, start: '09:00', end: '13:00' }], exceptions: [] };
    expect(isAvailable(compileAvailability(a), jst('2026-12-01T10:00'), jst('2026-12-01T12:00'), 0)).toBe(true);
  });
});

describe('validateAvailability', () => {
  const fields = (a: Availability) => validateAvailability(a).map((p) => p.field);

  it('accepts a well-formed document, including a slot ending at 24:00', () => {
    expect(
      validateAvailability({
        weekly: [
          { weekday: 1, start: '09:00', end: '12:00' },
          { weekday: 1, start: '12:00', end: '24:00' },
        ],
        exceptions: [
          { date: '2026-12-01', available: false },
          { date: '2028-02-29', available: true, start: '10:00', end: '11:00' },
        ],
      }),
    ).toEqual([]);
  });

  it('names a malformed time', () => {
    expect(fields({ weekly: [{ weekday: 1, start: '9:00', end: '25:00' }], exceptions: [] })).toEqual([
      'weekly[0].start',
      'weekly[0].end',
    ]);
  });

  it('names an inverted or empty slot', () => {
    expect(fields({ weekly: [{ weekday: 1, start: '09:00', end: '09:00' }], exceptions: [] })).toEqual([
      'weekly[0].end',
    ]);
    expect(fields({ weekly: [{ weekday: 1, start: '12:00', end: '09:00' }], exceptions: [] })).toEqual([
      'weekly[0].end',
    ]);
  });

  it('refuses 24:00 as a start', () => {
    expect(fields({ weekly: [{ weekday: 1, start: '24:00', end: '24:00' }], exceptions: [] })).toEqual([
      'weekly[0].start',
    ]);
  });

  it('names a weekday outside 1..7', () => {
    expect(
      fields({
        weekly: [
          { weekday: 0, start: '09:00', end: '10:00' },
          { weekday: 8, start: '09:00', end: '10:00' },
        ],
        exceptions: [],
      }),
    ).toEqual(['weekly[0].weekday', 'weekly[1].weekday']);
  });

  it('names overlapping slots on the same weekday but not on different ones', () => {
    const a: Availability = {
      weekly: [
        { weekday: 2, start: '09:00', end: '12:00' },
        { weekday: 3, start: '10:00', end: '11:00' },
        { weekday: 2, start: '11:00', end: '13:00' },
      ],
      exceptions: [],
    };
    expect(fields(a)).toEqual(['weekly[2]']);
  });

  it('names a date that is not on the calendar', () => {
    const a: Availability = {
      weekly: [],
      exceptions: [
        { date: '2026-02-30', available: false },
        { date: '2026-13-01', available: false },
        { date: '2026/12/01', available: false },
        { date: '2027-02-29', available: false },
      ],
    };
    expect(fields(a)).toEqual(['exceptions[0].date', 'exceptions[1].date', 'exceptions[2].date', 'exceptions[3].date']);
  });

  it('names an exception with a start but no end', () => {
    expect(fields({ weekly: [], exceptions: [{ date: '2026-12-01', available: false, start: '10:00' }] })).toEqual([
      'exceptions[0].end',
    ]);
  });

  it('names overlapping exception spans on the same date', () => {
    const a: Availability = {
      weekly: [],
      exceptions: [
        { date: '2026-12-01', available: false, start: '10:00', end: '12:00' },
        { date: '2026-12-01', available: true, start: '11:00', end: '13:00' },
        { date: '2026-12-02', available: true, start: '11:00', end: '13:00' },
      ],
    };
    expect(fields(a)).toEqual(['exceptions[1]']);
  });

  it('treats an all-day exception as overlapping any span on the same date', () => {
    const a: Availability = {
      weekly: [],
      exceptions: [
        { date: '2026-12-01', available: false },
        { date: '2026-12-01', available: true, start: '11:00', end: '13:00' },
      ],
    };
    expect(fields(a)).toEqual(['exceptions[1]']);
  });
});
