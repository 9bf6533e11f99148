import { hoursBetween, placesTaken, toCourseBody, toCourseFormValues } from './course-body';

describe('course form values', () => {
  it('sends the API only its fields, with Tokyo times and numbers', () => {
    const body = toCourseBody({
      id: 'x',
      taken: 3,
      title: '養成講座',
      kind: 'initial',
      date: '2026-12-05',
      startTime: '10:00',
      endTime: '16:30',
      venue: null,
      capacity: '5',
      hours: '6.5',
    });
    expect(body).toEqual({
      title: '養成講座',
      kind: 'initial',
      startsAt: '2026-12-05T10:00:00+09:00',
      endsAt: '2026-12-05T16:30:00+09:00',
      venue: '',
      capacity: 5,
      hours: 6.5,
    });
  });

  it('reads a stored course back as its Tokyo day and wall times', () => {
    expect(toCourseFormValues({ startsAt: '2026-12-05T01:00:00.000Z', endsAt: '2026-12-05T07:30:00.000Z' })).toEqual({
      date: '2026-12-05',
      startTime: '10:00',
      endTime: '16:30',
    });
  });

  it('counts registered and attended as places, not absent', () => {
    expect(placesTaken([{ status: 'registered' }, { status: 'attended' }, { status: 'absent' }])).toBe(2);
  });
});

describe('hours following the times', () => {
  it('is the span of the times, to the quarter hour', () => {
    expect(hoursBetween('13:30', '16:00')).toBe(2.5);
    expect(hoursBetween('10:00', '16:00')).toBe(6);
    expect(hoursBetween('09:10', '10:00')).toBe(0.75);
  });
  it('is null while a time is missing or the end is not after the start', () => {
    expect(hoursBetween('', '16:00')).toBeNull();
    expect(hoursBetween('10:00', undefined)).toBeNull();
    expect(hoursBetween('16:00', '16:00')).toBeNull();
    expect(hoursBetween('16:00', '10:00')).toBeNull();
  });
});
