import { localErrors, nextSlot, rowErrors, timeOptions, toBody, toDraft } from './availability-draft';

describe('availability draft', () => {
  const availability = {
    weekly: [
      { weekday: 3, start: '13:00', end: '17:00' },
      { weekday: 1, start: '14:00', end: '18:00' },
      { weekday: 1, start: '09:00', end: '12:00' },
    ],
    exceptions: [
      { date: '2026-12-29', available: false },
      { date: '2026-12-24', available: true, start: '10:00', end: '12:00' },
    ],
  };

  it('groups weekly slots by weekday (Monday first) in time order, and sorts exceptions by date', () => {
    const draft = toDraft(availability);
    expect(draft.days.map((day) => day.map((s) => `${s.start}-${s.end}`))).toEqual([
      ['09:00-12:00', '14:00-18:00'],
      [],
      ['13:00-17:00'],
      [],
      [],
      [],
      [],
    ]);
    expect(draft.exceptions.map((e) => [e.date, e.available, e.start, e.end])).toEqual([
      ['2026-12-24', true, '10:00', '12:00'],
      ['2026-12-29', false, '', ''],
    ]);
  });

  it('sends weekday numbers Monday = 1 and leaves out the hours of a whole-day exception', () => {
    const { body } = toBody(toDraft(availability));
    expect(body.weekly).toEqual([
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 1, start: '14:00', end: '18:00' },
      { weekday: 3, start: '13:00', end: '17:00' },
    ]);
    expect(body.exceptions).toEqual([
      { date: '2026-12-24', available: true, start: '10:00', end: '12:00' },
      { date: '2026-12-29', available: false },
    ]);
  });

  it("puts the API's complaint on the row it names by index in the body sent", () => {
    const draft = toDraft(availability);
    const { weeklyKeys, exceptionKeys } = toBody(draft);
    const errors = rowErrors(
      {
        root: { serverError: 'x' },
        'weekly[1]': 'overlaps weekly[0]',
        'weekly[2].end': 'end must be later than start',
        'exceptions[0].end': 'end is required when start is given',
      },
      weeklyKeys,
      exceptionKeys,
    );
    expect(errors).toEqual({
      [draft.days[0][1].key]: 'app.registry.availability.errors.overlap',
      [draft.days[2][0].key]: 'app.registry.availability.errors.end_before_start',
      [draft.exceptions[0].key]: 'app.registry.availability.errors.both_times',
    });
  });

  it('keeps the server words for a complaint it has no wording for', () => {
    const draft = toDraft(availability);
    const { weeklyKeys, exceptionKeys } = toBody(draft);
    expect(rowErrors({ 'weekly.0.weekday': 'weekday must be an integer' }, weeklyKeys, exceptionKeys)).toEqual({
      [draft.days[0][0].key]: 'weekday must be an integer',
    });
  });

  it('asks for the date of an exception before saving', () => {
    const draft = toDraft({ weekly: [], exceptions: [{ date: '', available: false }] });
    expect(localErrors(draft)).toEqual({ [draft.exceptions[0].key]: 'app.registry.availability.errors.date' });
  });

  it('offers half hours, with 24:00 only as an end and an off-grid saved time kept', () => {
    expect(timeOptions('start')).toHaveLength(48);
    expect(timeOptions('start')).not.toContain('24:00');
    expect(timeOptions('end').at(-1)).toBe('24:00');
    expect(timeOptions('end')).not.toContain('00:00');
    expect(timeOptions('start', '09:15')).toContain('09:15');
  });

  it('adds a new slot after the last one of the day', () => {
    expect([nextSlot([]).start, nextSlot([]).end]).toEqual(['09:00', '12:00']);
    const after = nextSlot([{ key: 'a', start: '09:00', end: '12:00' }]);
    expect([after.start, after.end]).toEqual(['12:00', '15:00']);
    const late = nextSlot([{ key: 'a', start: '20:00', end: '22:30' }]);
    expect([late.start, late.end]).toEqual(['22:30', '24:00']);
  });
});
