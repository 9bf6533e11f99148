import { formatInstant, formatRange, languageName } from './format';
import { renderMail, TEMPLATE_NAMES, TemplateParams } from './index';

const startsAt = '2026-12-03T01:00:00.000Z'; // 10:00 in Tokyo
const endsAt = '2026-12-03T03:00:00.000Z';
const link = 'https://dispatch.example.jp/offer?t=abc&x=1';

/** One set of parameters per template (no patient details exist in any of them). */
const SAMPLES: TemplateParams = {
  invitation: { displayName: '熊本 花子', linkUrl: link, expiresAt: endsAt },
  password_reset: { displayName: '熊本 花子', linkUrl: link, expiresAt: endsAt },
  offer: {
    volunteerName: 'Nguyen <b>An</b>',
    language: 'vi',
    startsAt,
    endsAt,
    hospitalName: '熊本中央病院',
    area: '中央区',
    department: 'internal_medicine',
    visitType: 'outpatient',
    mode: 'onsite',
    linkUrl: link,
    respondBy: startsAt,
    urgent: true,
  },
  offer_withdrawn: { volunteerName: 'An', startsAt, hospitalName: 'H', reason: 'filled' },
  offer_changed: { volunteerName: 'An', startsAt, endsAt, hospitalName: 'H', linkUrl: link },
  dispatch_confirmed: {
    volunteerName: 'An',
    startsAt,
    endsAt,
    hospitalName: 'H',
    address: '熊本市中央区1-1',
    calendarUrl: link,
  },
  dispatch_cancelled: { volunteerName: 'An', startsAt, endsAt, hospitalName: 'H' },
  interpreter_cancelled: {
    recipientName: 'C',
    requestRef: 'R-2026-0001',
    startsAt,
    endsAt,
    language: 'vi',
    hospitalName: 'H',
    audience: 'hospital',
  },
  request_confirmed: { coordinatorName: 'C', requestRef: 'R-2026-0001', startsAt, language: 'ne', volunteerName: 'An' },
  request_escalated: { recipientName: 'S', requestRef: 'R-2026-0001', startsAt, language: 'ne', reason: 'no_answer' },
  request_cancelled: { recipientName: 'S', startsAt, hospitalName: 'H', reason: 'Patient rescheduled' },
  reminder: { recipientName: 'An', startsAt, endsAt, hospitalName: 'H', address: 'A', role: 'volunteer' },
  reconfirm: { volunteerName: 'An', startsAt, hospitalName: 'H', linkUrl: link, respondBy: startsAt },
  report_reminder: { volunteerName: 'An', startsAt, endsAt, hospitalName: 'H', reportUrl: link },
  visit_moved: {
    volunteerName: 'An',
    fromStartsAt: startsAt,
    fromEndsAt: endsAt,
    startsAt,
    endsAt,
    hospitalName: 'H',
    released: false,
    linkUrl: link,
    visitUrl: link,
  },
  shadow_partner: {
    recipientName: 'An',
    audience: 'interpreter',
    partnerName: '研修 太郎',
    startsAt,
    endsAt,
    hospitalName: 'H',
  },
};

describe('mail templates', () => {
  it.each(TEMPLATE_NAMES.flatMap((name) => (['ja', 'en'] as const).map((locale) => [name, locale] as const)))(
    '%s renders a subject, text and HTML in %s',
    (name, locale) => {
      const mail = renderMail(name, locale, SAMPLES[name] as never);
      expect(mail.subject.length).toBeGreaterThan(5);
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(mail.text).toContain(locale === 'ja' ? '様' : 'Dear');
      expect(mail.html).toContain(`<html lang="${locale}">`);
      expect(mail.text).not.toMatch(/undefined|NaN|Invalid/);
      expect(mail.html).not.toMatch(/undefined|NaN|Invalid/);
    },
  );

  it("gives the interpreter the day's details: a map link for an on-site visit, the number for a phone one", () => {
    const visit = {
      mode: 'onsite' as const,
      address: '熊本市中央区1-1',
      mapUrl: 'https://www.google.com/maps/search/?api=1&query=%E7%86%8A',
      hospitalPhone: '096-000-0000',
      coordinatorName: '田中',
      coordinatorPhone: '096-111-1111',
      notesForInterpreter: '1階受付で待ち合わせ\n2階へ',
      remoteDetails: 'ignored on site',
    };
    const ja = renderMail('dispatch_confirmed', 'ja', { ...SAMPLES.dispatch_confirmed, visit });
    expect(ja.text).toContain(visit.mapUrl);
    expect(ja.text).toMatch(/担当者の電話 +096-111-1111/);
    expect(ja.text).toContain('1階受付で待ち合わせ');
    expect(ja.text).not.toContain('ignored on site');
    const phone = renderMail('reminder', 'en', {
      ...SAMPLES.reminder,
      visit: { ...visit, mode: 'phone', remoteDetails: '096-222-2222', hospitalPhone: null },
    });
    expect(phone.text).toMatch(/Number \/ link +096-222-2222/);
    expect(phone.text).not.toContain('google.com/maps');
    expect(phone.text).not.toContain('Hospital phone');
    // Without `visit` (the hospital's copy) nothing of it appears.
    const hospital = renderMail('reminder', 'ja', { ...SAMPLES.reminder, role: 'coordinator' });
    expect(hospital.text).not.toContain('連絡事項');
  });

  it('escapes parameters in HTML but not in plain text', () => {
    const mail = renderMail('offer', 'en', SAMPLES.offer);
    expect(mail.html).toContain('Dear Nguyen &lt;b&gt;An&lt;/b&gt;,');
    expect(mail.html).not.toContain('<b>An</b>');
    expect(mail.html).toContain('href="https://dispatch.example.jp/offer?t=abc&amp;x=1"');
    expect(mail.text).toContain('Dear Nguyen <b>An</b>,');
    expect(mail.text).toContain(link);
  });

  it('shows times in Japan time in the recipient language', () => {
    const ja = renderMail('offer', 'ja', SAMPLES.offer);
    expect(ja.subject).toBe('【至急】【通訳依頼】2026年12月3日(木) 10:00–12:00 ベトナム語／熊本中央病院');
    expect(ja.text).toContain('内科');
    const en = renderMail('offer', 'en', SAMPLES.offer);
    expect(en.subject).toBe(
      '[Urgent] Interpreting request: Thu 3 Dec 2026, 10:00–12:00 (JST), Vietnamese, 熊本中央病院',
    );
    expect(en.text).toContain('Internal medicine');
  });

  it('says when an offer is asked again after the first one expired unanswered', () => {
    const ja = renderMail('offer', 'ja', { ...SAMPLES.offer, urgent: false, again: true });
    expect(ja.subject).toBe('【再依頼】【通訳依頼】2026年12月3日(木) 10:00–12:00 ベトナム語／熊本中央病院');
    expect(ja.text).toContain('もう一度お送りします');
    const en = renderMail('offer', 'en', { ...SAMPLES.offer, again: true });
    expect(en.subject).toMatch(/^\[Asked again\] \[Urgent\] Interpreting request:/);
    expect(en.text).toContain('asking once more');
    expect(renderMail('offer', 'en', SAMPLES.offer).text).not.toContain('asking once more');
  });

  it('refuses a link that is not http(s)', () => {
    expect(() => renderMail('invitation', 'en', { ...SAMPLES.invitation, linkUrl: 'javascript:alert(1)' })).toThrow();
  });
});

describe('formatting', () => {
  it('formats instants and ranges in Asia/Tokyo', () => {
    expect(formatInstant('2026-12-03T01:00:00Z', 'ja')).toBe('2026年12月3日(木) 10:00');
    expect(formatInstant('2026-12-03T01:00:00Z', 'en')).toBe('Thu 3 Dec 2026, 10:00 (JST)');
    expect(formatRange(startsAt, endsAt, 'ja')).toBe('2026年12月3日(木) 10:00–12:00');
    expect(formatRange(startsAt, endsAt, 'en')).toBe('Thu 3 Dec 2026, 10:00–12:00 (JST)');
  });

  it('uses the Tokyo date, not the UTC one, near midnight', () => {
    expect(formatInstant('2026-12-02T15:30:00Z', 'ja')).toBe('2026年12月3日(木) 00:30');
  });

  it('shows the end date when a range crosses midnight', () => {
    expect(formatRange('2026-12-03T14:00:00Z', '2026-12-03T16:00:00Z', 'ja')).toBe(
      '2026年12月3日(木) 23:00–2026年12月4日(金) 01:00',
    );
    expect(formatRange('2026-12-03T14:00:00Z', '2026-12-03T16:00:00Z', 'en')).toBe(
      'Thu 3 Dec 2026, 23:00–Fri 4 Dec 2026, 01:00 (JST)',
    );
  });

  it('names languages in the recipient language', () => {
    expect(languageName('vi', 'ja')).toBe('ベトナム語');
    expect(languageName('ne', 'en')).toBe('Nepali');
  });
});
