import { buildCalendar, buildCalendarEvent, escapeText } from './calendar';

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

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

  it('ends every line with CRLF and no line with a bare LF', () => {
    const ics = event();
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds by octets without splitting a character, and unfolds to the text as given', () => {
    const description = '1階受付で待ち合わせ、保険証を持参; 会計は 2F, 右手へ\n🏥 '.repeat(6);
    const ics = buildCalendarEvent({
      uid: 'x@y',
      startsAt: '2026-12-03T01:00:00Z',
      endsAt: '2026-12-03T02:00:00Z',
      summary: 's',
      location: 'l',
      description,
    });
    const lines = ics.split('\r\n');
    for (const line of lines) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(3);
    expect(unfold(ics)).toContain(`DESCRIPTION:${escapeText(description)}`);
  });

  it('escapes backslashes, semicolons, commas and line breaks (RFC 5545 TEXT)', () => {
    expect(escapeText('a\\b; c, d\ne\r\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
  });

  it('reminds the day before and two hours before, with the alarm text escaped', () => {
    const ics = buildCalendarEvent({
      uid: 'x@y',
      startsAt: '2026-12-03T01:00:00Z',
      endsAt: '2026-12-03T02:00:00Z',
      summary: 's',
      location: 'l',
      description: 'd',
      alarms: [
        { minutesBefore: 24 * 60, description: '明日: 医療通訳, 内科; 熊本' },
        { minutesBefore: 120, description: '2時間後' },
        { minutesBefore: 90, description: 'soon' },
      ],
    });
    const alarms = unfold(ics).match(/BEGIN:VALARM\r\n[\s\S]*?END:VALARM/g) ?? [];
    expect(alarms).toHaveLength(3);
    expect(alarms[0]).toContain('ACTION:DISPLAY');
    expect(alarms[0]).toContain('TRIGGER:-PT24H');
    expect(alarms[0]).toContain('DESCRIPTION:明日: 医療通訳\\, 内科\\; 熊本');
    expect(alarms[1]).toContain('TRIGGER:-PT2H');
    expect(alarms[2]).toContain('TRIGGER:-PT90M');
    // Every duration is well formed: never the `P1DT` with nothing after the T.
    for (const line of ics.split('\r\n').filter((l) => l.startsWith('TRIGGER')))
      expect(line).toMatch(/^TRIGGER:-P(\d+D)?T\d+[HM]$/);
  });

  it('drops the reminders of a cancelled event', () => {
    const ics = buildCalendarEvent({
      uid: 'x@y',
      startsAt: '2026-12-03T01:00:00Z',
      endsAt: '2026-12-03T02:00:00Z',
      summary: 's',
      location: 'l',
      description: 'd',
      cancelled: true,
      sequence: 2,
      alarms: [{ minutesBefore: 120, description: 'x' }],
    });
    expect(ics).not.toContain('VALARM');
    expect(ics).toContain('SEQUENCE:3');
  });

  it('writes a named feed of several events, and an empty one', () => {
    const stamp = new Date('2026-12-01T00:00:00Z');
    const events = ['a', 'b'].map((id) => ({
      uid: `dispatch-${id}@kumamoto-dispatch`,
      startsAt: '2026-12-03T01:00:00Z',
      endsAt: '2026-12-03T02:00:00Z',
      summary: id,
      location: 'l',
      description: 'd',
    }));
    const feed = buildCalendar(events, { name: '医療通訳の予定', stamp });
    expect(feed.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(feed).toContain('METHOD:PUBLISH');
    expect(feed).toContain('X-WR-CALNAME:医療通訳の予定');
    expect(feed).toContain('DTSTAMP:20261201T000000Z');
    const empty = buildCalendar([], { name: 'x', stamp });
    expect(empty).toContain('BEGIN:VCALENDAR');
    expect(empty).not.toContain('BEGIN:VEVENT');
  });
});
