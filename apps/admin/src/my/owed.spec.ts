import {
  awaitsMoveAnswer,
  mapLink,
  needsReconfirmation,
  pastOutcome,
  pastReportState,
  remoteLink,
  soonestFirst,
  telLink,
  whatIsOwed,
} from './owed';

const NOW = new Date('2026-12-07T09:00:00+09:00');
const hoursFromNow = (h: number) => new Date(NOW.getTime() + h * 3_600_000).toISOString();

/** The window the API gives in `reconfirmOpensAt` (the dispatch policy's 48 hours, say). */
const WINDOW_HOURS = 48;

const aDispatch = (id: string, startsInHours: number, over: Record<string, unknown> = {}) => ({
  id,
  status: 'confirmed' as const,
  startsAt: hoursFromNow(startsInHours),
  reconfirmedAt: null as string | null,
  reconfirmOpensAt: hoursFromNow(startsInHours - WINDOW_HOURS) as string | null,
  awaitingMoveAnswer: false,
  report: null as 'missing' | 'submitted' | 'reviewed' | null,
  ...over,
});

const anOffer = (id: string, startsInHours: number, over: Record<string, unknown> = {}) => ({
  id,
  status: 'pending' as const,
  expiresAt: hoursFromNow(6),
  visit: { startsAt: hoursFromNow(startsInHours) },
  ...over,
});

describe(needsReconfirmation.name, () => {
  it('asks for a confirmed visit inside the window that is not reconfirmed', () => {
    expect(needsReconfirmation(aDispatch('a', 20), NOW)).toBe(true);
    expect(needsReconfirmation(aDispatch('a', WINDOW_HOURS), NOW)).toBe(true);
  });

  it('asks at once, however far off, for a visit the hospital moved until the volunteer answers', () => {
    const moved = { rescheduledFrom: hoursFromNow(30), awaitingMoveAnswer: true };
    expect(needsReconfirmation(aDispatch('a', 24 * 10, moved), NOW)).toBe(true);
    expect(needsReconfirmation(aDispatch('a', 24 * 10, { ...moved, reconfirmedAt: hoursFromNow(-1) }), NOW)).toBe(
      false,
    );
    expect(needsReconfirmation(aDispatch('a', -1, moved), NOW)).toBe(false);
  });

  it("opens the window when the API says (the dispatch policy's), and never for a shadow seat", () => {
    // A 72-hour window opens earlier than the default 48: the panel holds no copy of it.
    expect(needsReconfirmation(aDispatch('a', 60, { reconfirmOpensAt: hoursFromNow(-12) }), NOW)).toBe(true);
    expect(needsReconfirmation(aDispatch('a', 20, { reconfirmOpensAt: null }), NOW)).toBe(false);
  });

  it('still asks about a move whose answer deadline passed unanswered (staff are chasing it)', () => {
    const lapsed = { rescheduledFrom: hoursFromNow(-30), awaitingMoveAnswer: false };
    expect(needsReconfirmation(aDispatch('a', 24 * 10, lapsed), NOW)).toBe(true);
    expect(awaitsMoveAnswer(aDispatch('a', 24 * 10, lapsed))).toBe(true);
  });

  it('does not ask before the window opens, once reconfirmed, after the start, or for a cancelled visit', () => {
    expect(needsReconfirmation(aDispatch('a', WINDOW_HOURS + 1), NOW)).toBe(false);
    expect(needsReconfirmation(aDispatch('a', 20, { reconfirmedAt: hoursFromNow(-1) }), NOW)).toBe(false);
    expect(needsReconfirmation(aDispatch('a', -1), NOW)).toBe(false);
    expect(needsReconfirmation(aDispatch('a', 20, { status: 'cancelled' }), NOW)).toBe(false);
  });
});

describe(soonestFirst.name, () => {
  it('orders offers by the visit, not by when they were filed', () => {
    const nextWeek = anOffer('next-week', 24 * 7);
    const tomorrow = anOffer('tomorrow', 24);
    expect(soonestFirst([nextWeek, tomorrow]).map((o) => o.id)).toEqual(['tomorrow', 'next-week']);
  });
});

describe(whatIsOwed.name, () => {
  it('lists pending offers soonest first, visits to reconfirm and reports owed, and counts them', () => {
    const owed = whatIsOwed(
      {
        offers: [
          anOffer('next-week', 24 * 7),
          anOffer('tomorrow', 24),
          anOffer('answered', 30, { status: 'accepted' }),
          anOffer('lapsed', 30, { expiresAt: hoursFromNow(-1) }),
        ],
        upcoming: [
          aDispatch('in-3-days', 72),
          aDispatch('tomorrow', 26),
          aDispatch('reconfirmed', 20, { reconfirmedAt: hoursFromNow(-2) }),
        ],
        past: [
          aDispatch('filed', -48, { report: 'submitted' }),
          aDispatch('owed-late', -24, { report: 'missing' }),
          aDispatch('owed-early', -72, { report: 'missing' }),
          aDispatch('reviewed', -96, { report: 'reviewed' }),
        ],
      },
      NOW,
    );
    expect(owed.offers.map((o) => o.id)).toEqual(['tomorrow', 'next-week']);
    expect(owed.reconfirm.map((d) => d.id)).toEqual(['tomorrow']);
    expect(owed.reports.map((d) => d.id)).toEqual(['owed-early', 'owed-late']);
    expect(owed.total).toBe(5);
  });

  it('owes nothing when everything is answered, reconfirmed and filed', () => {
    const owed = whatIsOwed(
      {
        offers: [anOffer('answered', 30, { status: 'declined' })],
        upcoming: [aDispatch('ok', 20, { reconfirmedAt: hoursFromNow(-1) })],
        past: [aDispatch('filed', -48, { report: 'submitted' })],
      },
      NOW,
    );
    expect(owed.total).toBe(0);
  });

  it('counts a report once when a dispatch is in both lists', () => {
    const d = aDispatch('both', -1, { report: 'missing' });
    expect(whatIsOwed({ offers: [], upcoming: [d], past: [d] }, NOW).reports).toHaveLength(1);
  });
});

describe(pastReportState.name, () => {
  it('says owed, filed or reviewed from the API’s report state', () => {
    expect(['missing', 'submitted', 'reviewed', null].map((report) => pastReportState({ report } as never))).toEqual([
      'owed',
      'submitted',
      'reviewed',
      'none',
    ]);
  });
});

describe(pastOutcome.name, () => {
  const outcome = (status: string, over: { cancelledBy?: string; noShowParty?: string } = {}) =>
    pastOutcome({ status, cancelledBy: null, noShowParty: null, ...over } as never);

  it('says nothing of a visit still confirmed: its report state says what matters', () => {
    expect(outcome('confirmed')).toBeNull();
  });

  it('says how a visit ended: done, who did not come, who called it off', () => {
    expect(outcome('completed')).toBe('completed');
    expect(outcome('no_show', { noShowParty: 'patient' })).toBe('no_show_patient');
    expect(outcome('no_show', { noShowParty: 'interpreter' })).toBe('no_show_interpreter');
    expect(outcome('no_show')).toBe('no_show');
    expect(outcome('cancelled', { cancelledBy: 'hospital' })).toBe('cancelled_hospital');
    expect(outcome('cancelled', { cancelledBy: 'interpreter' })).toBe('cancelled_interpreter');
    expect(outcome('cancelled')).toBe('cancelled');
  });
});

describe('links for the day', () => {
  it('searches the address on a map', () => {
    expect(mapLink('熊本市中央区本荘1-1-1')).toBe(
      'https://www.google.com/maps/search/?api=1&query=%E7%86%8A%E6%9C%AC%E5%B8%82%E4%B8%AD%E5%A4%AE%E5%8C%BA%E6%9C%AC%E8%8D%981-1-1',
    );
  });

  it('dials a number as written, full-width digits and hyphens included', () => {
    expect(telLink('096-123-4567')).toBe('tel:0961234567');
    expect(telLink('０９６−１２３−４５６７')).toBe('tel:0961234567');
    expect(telLink('+81 96 123 4567')).toBe('tel:+81961234567');
    expect(telLink('096-000-0101 内線201')).toBe('tel:0960000101');
    expect(telLink('(096) 123-4567 ext. 12')).toBe('tel:0961234567');
    expect(telLink('内線なし')).toBeNull();
  });

  it('calls the number of a phone visit and opens the link of a video visit', () => {
    expect(remoteLink('phone', '096-000-1111')).toBe('tel:0960001111');
    expect(remoteLink('video', 'Zoom: https://zoom.us/j/123 (ID 123)')).toBe('https://zoom.us/j/123');
    expect(remoteLink('video', 'javascript:alert(1)')).toBeNull();
    expect(remoteLink('onsite', '096-000-1111')).toBeNull();
    expect(remoteLink('phone', null)).toBeNull();
  });
});
