import type { RequestView } from '@app/domain/model';
import { draftOf, patchBody, reoffers } from './request-changes';

const request = {
  startsAt: '2026-12-10T01:00:00.000Z',
  endsAt: '2026-12-10T02:00:00.000Z',
  language: 'vi',
  department: 'internal_medicine',
  visitType: 'outpatient',
  mode: 'onsite',
  interpreterGender: 'any',
  notes: null,
} as unknown as RequestView;

describe('request changes', () => {
  it('reads the visit in Tokyo wall time', () => {
    expect(draftOf(request)).toMatchObject({ date: '2026-12-10', start: '10:00', end: '11:00', notes: '' });
  });

  it('sends only what changed, both times when the day moves', () => {
    const before = draftOf(request);
    expect(patchBody(before, { ...before, date: '2026-12-11' })).toEqual({
      startsAt: '2026-12-11T10:00:00+09:00',
      endsAt: '2026-12-11T11:00:00+09:00',
    });
    expect(patchBody(before, { ...before, end: '11:30' })).toEqual({ endsAt: '2026-12-10T11:30:00+09:00' });
    expect(patchBody(before, { ...before, notes: '3階' })).toEqual({ notes: '3階' });
  });

  it('warns that offers are sent again only for changes that matter to matching', () => {
    const before = draftOf(request);
    expect(reoffers(before, { ...before, start: '09:30' })).toBe(true);
    expect(reoffers(before, { ...before, language: 'ne' })).toBe(true);
    expect(reoffers(before, { ...before, notes: '3階' })).toBe(false);
  });
});
