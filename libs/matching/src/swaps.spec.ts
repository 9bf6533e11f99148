import { compileAvailability } from './availability';
import type { DispatchSnapshot, RequestSnapshot, VolunteerSnapshot } from './snapshot.types';
import { findSwaps, freeingDispatches } from './swaps';
import { NOW, aRequest, aVolunteer, jst } from './testing/snapshot.factory';

/** A Nepali visit on Tuesday 1 December, 10:00–12:00, that no free volunteer can take. */
const nepali = aRequest({ id: 'ne-visit', language: 'ne' });
const english = (id: string, day: string, overrides: Partial<RequestSnapshot> = {}) =>
  aRequest({
    id,
    language: 'en',
    startsAt: jst(`${day}T10:00`),
    endsAt: jst(`${day}T11:00`),
    patientKey: `patient-${id}`,
    ...overrides,
  });
const held = (request: RequestSnapshot): DispatchSnapshot => ({
  startsAt: request.startsAt,
  endsAt: request.endsAt,
  area: request.hospitalArea,
  requestId: request.id,
});
const speaks = (...codes: string[]) => codes.map((code) => ({ code, proficiency: 'native' as const }));

describe(findSwaps.name, () => {
  const sameMorning = english('en-same-morning', '2026-12-01');
  const holder = aVolunteer({ id: 'holder', languages: speaks('ne', 'en'), dispatches: [held(sameMorning)] });
  const cover = aVolunteer({ id: 'cover', languages: speaks('en') });
  const confirmed = new Map([[sameMorning.id, sameMorning]]);

  it('frees a volunteer kept from the request by an overlapping visit that someone else could take', () => {
    const options = findSwaps({ request: nepali, volunteers: [holder, cover], confirmed, now: NOW });
    expect(options).toEqual([
      { volunteerId: 'holder', score: expect.any(Number), releases: sameMorning.id, cover: ['cover'] },
    ]);
  });

  it('hands on a dispatch that uses up the monthly cap, the one with the most cover', () => {
    const december3 = english('en-dec-3', '2026-12-03');
    const december10 = english('en-dec-10', '2026-12-10', { interpreterGender: 'male' });
    const capped = aVolunteer({
      id: 'capped',
      languages: speaks('ne', 'en'),
      maxDispatchesPerMonth: 2,
      dispatches: [held(december3), held(december10)],
    });
    const male = aVolunteer({ id: 'male', languages: speaks('en'), gender: 'male' });
    const options = findSwaps({
      request: nepali,
      volunteers: [capped, cover, male],
      confirmed: new Map([december3, december10].map((r) => [r.id, r])),
      now: NOW,
    });
    expect(options).toEqual([
      expect.objectContaining({
        volunteerId: 'capped',
        releases: 'en-dec-3',
        cover: expect.arrayContaining(['cover', 'male']),
      }),
    ]);
  });

  it('counts a dispatch in the current month off dispatchesThisMonth', () => {
    const november30 = aRequest({
      id: 'ne-nov-30',
      language: 'ne',
      startsAt: jst('2026-11-30T10:00'),
      endsAt: jst('2026-11-30T12:00'),
    });
    const november29 = english('en-nov-29', '2026-11-29');
    const capped = aVolunteer({
      id: 'capped',
      languages: speaks('ne', 'en'),
      maxDispatchesPerMonth: 1,
      dispatchesThisMonth: 1,
      dispatches: [held(november29)],
    });
    const options = findSwaps({
      request: november30,
      volunteers: [capped, cover],
      confirmed: new Map([[november29.id, november29]]),
      now: NOW,
    });
    expect(options.map((o) => o.releases)).toEqual(['en-nov-29']);
  });

  it('moves nothing that starts within the notice, has no cover, or is not named', () => {
    expect(
      findSwaps({ request: nepali, volunteers: [holder, cover], confirmed, now: jst('2026-11-30T11:00') }),
    ).toEqual([]);
    expect(
      findSwaps({ request: nepali, volunteers: [holder, cover], confirmed, now: NOW, minNoticeMs: 5 * 24 * 3_600_000 }),
    ).toEqual([]);
    expect(findSwaps({ request: nepali, volunteers: [holder], confirmed, now: NOW })).toEqual([]);
    expect(findSwaps({ request: nepali, volunteers: [holder, cover], confirmed: new Map(), now: NOW })).toEqual([]);
    const shadowing = aVolunteer({ ...holder, dispatches: [{ ...held(sameMorning), requestId: undefined }] });
    expect(findSwaps({ request: nepali, volunteers: [shadowing, cover], confirmed, now: NOW })).toEqual([]);
  });

  it('leaves out a volunteer whom another rule excludes as well', () => {
    const male = aVolunteer({ ...holder, gender: 'male' });
    expect(
      findSwaps({
        request: { ...nepali, interpreterGender: 'female' },
        volunteers: [male, cover],
        confirmed,
        now: NOW,
      }),
    ).toEqual([]);
    const away = aVolunteer({
      ...holder,
      availability: compileAvailability({ weekly: [{ weekday: 3, start: '09:00', end: '17:00' }], exceptions: [] }),
    });
    expect(findSwaps({ request: nepali, volunteers: [away, cover], confirmed, now: NOW })).toEqual([]);
  });

  it('asks the covers the caller gives for the handed-on visit, never the holder', () => {
    const covers = jest.fn((moved: RequestSnapshot): VolunteerSnapshot[] =>
      moved.language === 'en' ? [holder, cover] : [],
    );
    const options = findSwaps({ request: nepali, volunteers: [holder], confirmed, covers, now: NOW });
    expect(covers).toHaveBeenCalledWith(sameMorning);
    expect(options.map((o) => o.cover)).toEqual([['cover']]);
  });

  it('puts the option with the most cover first', () => {
    const lateMorning = english('en-late', '2026-12-01', {
      startsAt: jst('2026-12-01T11:00'),
      endsAt: jst('2026-12-01T12:00'),
      interpreterGender: 'male',
    });
    const second = aVolunteer({ id: 'second', languages: speaks('ne', 'en'), dispatches: [held(lateMorning)] });
    const male = aVolunteer({ id: 'male', languages: speaks('en'), gender: 'male' });
    const options = findSwaps({
      request: nepali,
      volunteers: [second, holder, cover, male],
      confirmed: new Map([sameMorning, lateMorning].map((r) => [r.id, r])),
      now: NOW,
    });
    expect(options.map((o) => [o.volunteerId, o.cover.length])).toEqual([
      ['holder', 2],
      ['second', 1],
    ]);
  });

  it('lists the dispatches that would free someone before any cover is looked for (what the API reads covers for)', () => {
    expect(freeingDispatches({ request: nepali, volunteers: [holder, cover], confirmed, now: NOW })).toEqual([
      { volunteerId: 'holder', releases: sameMorning.id, score: expect.any(Number) },
    ]);
    expect(
      freeingDispatches({
        request: nepali,
        volunteers: [aVolunteer({ ...holder, gender: 'male' })],
        confirmed,
        now: NOW,
      }),
    ).toHaveLength(1);
    expect(
      freeingDispatches({
        request: { ...nepali, interpreterGender: 'female' },
        volunteers: [aVolunteer({ ...holder, gender: 'male' })],
        confirmed,
        now: NOW,
      }),
    ).toEqual([]);
  });
});
