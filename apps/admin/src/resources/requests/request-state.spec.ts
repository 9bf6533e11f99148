import { deskStatus, nationalityLabel, showsEscalation, showsUrgent, urgentIfFiledNow } from './request-state';

const now = new Date('2026-12-07T10:00:00+09:00');
const past = { startsAt: '2026-12-07T08:00:00+09:00', endsAt: '2026-12-07T09:00:00+09:00' };
const ahead = { startsAt: '2026-12-08T10:00:00+09:00', endsAt: '2026-12-08T11:00:00+09:00' };
const dispatch = (over: Partial<{ status: string; hospitalConfirmed: boolean; noShowParty: string | null }> = {}) =>
  ({ status: 'confirmed', endsAt: past.endsAt, hospitalConfirmed: false, noShowParty: null, ...over }) as never;

describe('deskStatus', () => {
  it('shows a finished visit the hospital has not confirmed as 確認待ち, not the green 確定 of a visit ahead', () => {
    expect(deskStatus({ status: 'confirmed', ...past }, dispatch(), now)).toBe('awaiting_confirmation');
    expect(deskStatus({ status: 'completed', ...past }, dispatch({ status: 'completed' }), now)).toBe(
      'awaiting_confirmation',
    );
    expect(deskStatus({ status: 'confirmed', ...ahead }, dispatch(), now)).toBe('confirmed');
  });

  it('shows a confirmed visit as completed once the hospital has confirmed it', () => {
    expect(
      deskStatus({ status: 'completed', ...past }, dispatch({ status: 'completed', hospitalConfirmed: true }), now),
    ).toBe('completed');
  });

  it('names whose no-show is on record', () => {
    expect(
      deskStatus({ status: 'confirmed', ...past }, dispatch({ status: 'no_show', noShowParty: 'patient' }), now),
    ).toBe('no_show_patient');
    expect(
      deskStatus({ status: 'confirmed', ...past }, dispatch({ status: 'no_show', noShowParty: 'interpreter' }), now),
    ).toBe('no_show_interpreter');
  });

  it('does not show a past request nobody took as 要対応', () => {
    expect(deskStatus({ status: 'escalated', ...past }, null, now)).toBe('unfilled_past');
    expect(deskStatus({ status: 'escalated', ...ahead }, null, now)).toBe('escalated');
    expect(deskStatus({ status: 'cancelled', ...past }, null, now)).toBe('cancelled');
  });

  it("tells the hospital an escalation is the office's to arrange", () => {
    expect(deskStatus({ status: 'escalated', ...ahead }, null, now, 'hospital')).toBe('office_arranging');
  });
});

describe('banners', () => {
  it('drops the escalation banner once the request is filled or its visit is over', () => {
    const escalated = { escalationReason: 'no_answer' as const, ...ahead };
    expect(showsEscalation({ ...escalated, status: 'escalated' }, now)).toBe(true);
    expect(showsEscalation({ ...escalated, status: 'confirmed' }, now)).toBe(false);
    expect(showsEscalation({ ...escalated, ...past, status: 'escalated' }, now)).toBe(false);
  });

  it('keeps 至急 only while someone is being looked for', () => {
    expect(showsUrgent({ urgent: true, status: 'offered', ...ahead }, now)).toBe(true);
    expect(showsUrgent({ urgent: true, status: 'confirmed', ...ahead }, now)).toBe(false);
  });
});

describe('urgentIfFiledNow', () => {
  it('applies the lead-time rule in business days, as the API does', () => {
    // Monday 7 Dec: Tue, Wed, Thu are three business days before Friday 11 Dec.
    expect(urgentIfFiledNow('2026-12-11T10:00:00+09:00', now)).toBe(false);
    expect(urgentIfFiledNow('2026-12-10T10:00:00+09:00', now)).toBe(true);
    // The year-end closure counts for nothing: 28 Dec is filed with too little lead from 24 Dec.
    expect(urgentIfFiledNow('2026-12-30T10:00:00+09:00', new Date('2026-12-24T10:00:00+09:00'))).toBe(true);
  });

  it('says nothing until there is a future time', () => {
    expect(urgentIfFiledNow(null, now)).toBeNull();
    expect(urgentIfFiledNow('2026-12-01T10:00:00+09:00', now)).toBeNull();
  });
});

describe('nationalityLabel', () => {
  it('names the country, never the code', () => {
    expect(nationalityLabel('VN', 'ja')).toBe('ベトナム');
    expect(nationalityLabel('vn', 'en')).toBe('Vietnam');
    expect(nationalityLabel('ネパール', 'ja')).toBe('ネパール');
    expect(nationalityLabel(null, 'ja')).toBe('');
  });
});
