import { contentDisposition, visitEvent, type VisitForCalendar, visitFileName } from './visit-event';

const visit = (overrides: Partial<VisitForCalendar['request']> = {}, role: 'primary' | 'shadow' = 'primary') =>
  ({
    dispatch: { id: '0b8f0c1e-1111-4222-8333-444455556666', role, status: 'confirmed' },
    request: {
      id: '50f20d10-1111-4222-8333-444455556666',
      language: 'ne',
      startsAt: new Date('2026-12-07T16:30:00Z'),
      endsAt: new Date('2026-12-07T17:30:00Z'),
      department: 'pediatrics',
      visitType: 'test_results',
      mode: 'onsite',
      notesForInterpreter: '2階小児科受付',
      remoteDetails: null,
      ...overrides,
    },
    hospital: { name: '熊本中央病院', address: '熊本市中央区1-2-3', phone: '096-000-0000' },
    coordinatorName: '熊本 花子',
    coordinatorPhone: null,
  }) satisfies VisitForCalendar;

describe(visitEvent.name, () => {
  it('names the visit with labels in the volunteer’s language, never codes', () => {
    const ja = visitEvent(visit(), 'ja', 'https://x.example');
    expect(ja.summary).toBe('医療通訳 — ネパール語 / 小児科');
    expect(ja.location).toBe('熊本中央病院, 熊本市中央区1-2-3');
    expect(ja.description).toContain('内容: 検査結果の説明 / 小児科 / ネパール語');
    expect(ja.description).toContain('連絡事項: 2階小児科受付');
    const en = visitEvent(visit(), 'en', 'https://x.example');
    expect(en.summary).toBe('Medical interpreting — Nepali / Paediatrics');
    expect(en.description).toContain('Hospital phone: 096-000-0000');
    expect(`${en.summary}${en.description}${en.location}`).not.toMatch(/pediatrics|test_results|\bne\b/);
  });

  it('places a remote visit on the phone or the video call, with its number or link', () => {
    const phone = visitEvent(visit({ mode: 'phone', remoteDetails: '096-111-2222' }), 'ja', 'https://x.example');
    expect(phone.location).toBe('電話 — 熊本中央病院');
    expect(phone.description).toContain('電話番号: 096-111-2222');
    const video = visitEvent(visit({ mode: 'video', remoteDetails: 'https://meet.example/a' }), 'en', '');
    expect(video.location).toBe('Video call — 熊本中央病院');
    expect(video.description).toContain('Video link: https://meet.example/a');
    // An on-site visit never shows remote details, even if some were left on the request.
    expect(visitEvent(visit({ remoteDetails: 'old link' }), 'ja', '').description).not.toContain('old link');
  });

  it('reminds the day before and two hours before, and marks a shadow seat', () => {
    const event = visitEvent(visit({}, 'shadow'), 'ja', '');
    expect(event.summary).toBe('医療通訳 — ネパール語 / 小児科（見学）');
    expect(event.alarms?.map((a) => a.minutesBefore)).toEqual([1440, 120]);
  });
});

describe(visitFileName.name, () => {
  it('names the file by the Tokyo date and the hospital, ASCII-safe and in UTF-8', () => {
    // 16:30Z on the 7th is the 8th in Tokyo.
    const name = visitFileName(new Date('2026-12-07T16:30:00Z'), '熊本中央病院');
    expect(name).toEqual({ ascii: '2026-12-08-interpreting.ics', utf8: '2026-12-08-熊本中央病院.ics' });
    expect(visitFileName(new Date('2026-12-08T01:00:00Z'), 'Kumamoto Hospital "East"/2').ascii).toBe(
      '2026-12-08-kumamoto-hospital-east-2.ics',
    );
    expect(contentDisposition(name)).toBe(
      `attachment; filename="2026-12-08-interpreting.ics"; filename*=UTF-8''2026-12-08-${encodeURIComponent('熊本中央病院')}.ics`,
    );
    const odd = contentDisposition(visitFileName(new Date('2026-12-08T01:00:00Z'), `A\r\nB"; x='y'`));
    expect(odd).not.toMatch(/[\r\n]/);
    expect(odd).toMatch(/^attachment; filename="2026-12-08-a-b-x-y\.ics"; filename\*=UTF-8''[A-Za-z0-9%._~-]+$/);
  });
});
