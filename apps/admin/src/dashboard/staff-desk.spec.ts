import { fillState, nearDay, notReconfirmedTomorrow, splitStanding, staffWindows, unfilledSoon } from './staff-desk';

// 2026-12-07 23:30 Tokyo: tomorrow is the 8th, the day after the 9th.
const NOW = new Date('2026-12-07T14:30:00Z');

describe('staffWindows', () => {
  it('reads Tokyo days whatever the UTC date, and 48 hours from now', () => {
    const w = staffWindows(NOW);
    expect(w.tomorrow).toBe('2026-12-07T15:00:00.000Z'); // 2026-12-08 00:00 Tokyo
    expect(w.dayAfter).toBe('2026-12-08T15:00:00.000Z');
    expect(w.horizon).toBe('2026-12-09T14:30:00.000Z');
  });

  it('just after Tokyo midnight, tomorrow is the next Tokyo day', () => {
    const w = staffWindows(new Date('2026-12-07T15:05:00Z')); // 2026-12-08 00:05 Tokyo
    expect(w.tomorrow).toBe('2026-12-08T15:00:00.000Z');
  });
});

describe('nearDay', () => {
  it('names today, tomorrow and the day after in Tokyo, nothing else', () => {
    const w = staffWindows(NOW);
    expect(nearDay('2026-12-07T14:45:00Z', w)).toBe('today'); // 23:45 Tokyo
    expect(nearDay('2026-12-07T15:00:00Z', w)).toBe('tomorrow'); // the 8th 00:00
    expect(nearDay('2026-12-09T14:59:00Z', w)).toBe('day_after'); // the 9th 23:59
    expect(nearDay('2026-12-09T15:00:00Z', w)).toBeNull();
    expect(nearDay('2026-12-06T14:59:00Z', w)).toBeNull();
  });
});

describe('unfilledSoon', () => {
  const w = staffWindows(NOW);
  const r = (id: string, status: string, startsAt: string, onHold = false) =>
    ({ id, status, startsAt, onHold }) as { id: string; status: never; startsAt: string; onHold: boolean };

  it('keeps open, offered and escalated visits starting within 48 hours, soonest first', () => {
    const rows = [
      r('later', 'offered', '2026-12-09T01:00:00Z'),
      r('escalated', 'escalated', '2026-12-08T01:00:00Z'),
      r('offers-out', 'offered', '2026-12-08T20:30:00Z'), // 30 hours ahead
      r('open', 'open', '2026-12-09T14:00:00Z'),
      r('confirmed', 'confirmed', '2026-12-08T02:00:00Z'),
      r('cancelled', 'cancelled', '2026-12-08T02:00:00Z'),
      r('past', 'open', '2026-12-07T14:00:00Z'),
      r('beyond', 'offered', '2026-12-09T14:30:00Z'),
    ];
    expect(unfilledSoon(rows, w).map((x) => x.id)).toEqual(['escalated', 'offers-out', 'later', 'open']);
  });

  it('names where each stands', () => {
    expect(fillState({ status: 'offered', startsAt: '', onHold: false })).toBe('offers_out');
    expect(fillState({ status: 'open', startsAt: '', onHold: false })).toBe('waiting');
    expect(fillState({ status: 'open', startsAt: '', onHold: true })).toBe('held');
    expect(fillState({ status: 'escalated', startsAt: '', onHold: false })).toBe('escalated');
  });
});

describe('notReconfirmedTomorrow', () => {
  const w = staffWindows(NOW);
  const d = (id: string, startsAt: string, reconfirmedAt: string | null, role = 'primary', status = 'confirmed') =>
    ({ id, startsAt, reconfirmedAt, role, status }) as {
      id: string;
      startsAt: string;
      reconfirmedAt: string | null;
      role: never;
      status: never;
    };

  it("lists tomorrow's confirmed interpreter visits nobody reconfirmed, soonest first", () => {
    const rows = [
      d('afternoon', '2026-12-08T05:00:00Z', null),
      d('morning', '2026-12-08T00:00:00Z', null),
      d('reconfirmed', '2026-12-08T01:00:00Z', '2026-12-07T10:00:00Z'),
      d('shadow', '2026-12-08T01:00:00Z', null, 'shadow'),
      d('cancelled', '2026-12-08T01:00:00Z', null, 'primary', 'cancelled'),
      d('tonight', '2026-12-07T14:45:00Z', null), // today 23:45 Tokyo
      d('day-after', '2026-12-08T15:00:00Z', null), // the 9th 00:00 Tokyo
    ];
    expect(notReconfirmedTomorrow(rows, w).map((x) => x.id)).toEqual(['morning', 'afternoon']);
  });
});

describe('splitStanding', () => {
  it('puts dated lapses and missing items in separate lists, a volunteer with both in each', () => {
    const { lapses, missing } = splitStanding([
      { volunteerId: 'a', displayName: 'A', items: [{ item: 'training', date: null, lapsed: true }] },
      {
        volunteerId: 'b',
        displayName: 'B',
        items: [
          { item: 'insurance', date: '2026-12-30', lapsed: false },
          { item: 'pledge', date: null, lapsed: true },
        ],
      },
      { volunteerId: 'c', displayName: 'C', items: [{ item: 'insurance', date: '2026-12-17', lapsed: false }] },
    ]);
    expect(lapses.map((v) => [v.volunteerId, v.items.map((i) => i.item)])).toEqual([
      ['c', ['insurance']],
      ['b', ['insurance']],
    ]);
    expect(missing.map((v) => [v.volunteerId, v.items.map((i) => i.item)])).toEqual([
      ['a', ['training']],
      ['b', ['pledge']],
    ]);
  });
});
