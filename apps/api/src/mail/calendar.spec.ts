import { buildCalendarEvent } from './calendar';

describe(buildCalendarEvent.name, () => {
  const event = () =>
    buildCalendarEvent({
      uid: 'dispatch-42@kumamoto-dispatch',
      startsAt: '2026-12-03T10:00:00+09:00',
      endsAt: new Date('2026-12-03T03:00:00Z'),
      summary: '医療通訳: 熊本中央病院',
      location: '熊本市中央区1-2-3, 2F; 受付',
      description: 'Bring your ID badge',
      url: 'https://dispatch.example.jp/admin/#/dispatches/42',
    });

  it('writes one event with the times in UTC', () => {
    const ics = event();
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r?\n/);
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('UID:dispatch-42@kumamoto-dispatch');
    expect(ics).toContain('DTSTART:20261203T010000Z');
    expect(ics).toContain('DTEND:20261203T030000Z');
    expect(ics).toContain('STATUS:CONFIRMED');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it('cancels the event under the same UID, as a newer version of it', () => {
    const cancel = buildCalendarEvent({
      uid: 'dispatch-42@kumamoto-dispatch',
      startsAt: '2026-12-03T01:00:00Z',
      endsAt: '2026-12-03T03:00:00Z',
      summary: 's',
      location: 'l',
      description: 'd',
      cancelled: true,
    });
    expect(cancel).toContain('METHOD:CANCEL');
    expect(cancel).toContain('STATUS:CANCELLED');
    expect(cancel).toContain('SEQUENCE:1');
    expect(cancel).toContain('UID:dispatch-42@kumamoto-dispatch');
    expect(cancel).not.toContain('METHOD:PUBLISH');
  });

  it('escapes commas and semicolons in text and keeps Japanese', () => {
    const unfolded = event().replace(/\r?\n[ \t]/g, '');
    expect(unfolded).toContain('SUMMARY:医療通訳: 熊本中央病院');
    expect(unfolded).toContain('LOCATION:熊本市中央区1-2-3\\, 2F\\; 受付');
  });

  it('folds long lines at 75 octets', () => {
    const ics = buildCalendarEvent({
      uid: 'x@y',
      startsAt: '2026-12-03T01:00:00Z',
      endsAt: '2026-12-03T02:00:00Z',
      summary: 's',
      location: 'l',
      description: 'あ'.repeat(100),
    });
    for (const line of ics.split(/\r\n/)) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('refuses an invalid date', () => {
    expect(() =>
      buildCalendarEvent({
        uid: 'x',
        startsAt: 'not a date',
        endsAt: 'no',
        summary: 's',
        location: 'l',
        description: 'd',
      }),
    ).toThrow();
  });
});
