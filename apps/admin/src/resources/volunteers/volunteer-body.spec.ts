import { canRoleAccess } from '../../access';
import { pledgeDay, pledgeInstant, toVolunteerBody, wordVolunteerErrors } from './volunteer-body';

describe('volunteer body', () => {
  it('edits the pledge as a Tokyo day', () => {
    expect(pledgeDay('2025-03-31T15:00:00.000Z')).toBe('2025-04-01');
    expect(pledgeDay(null)).toBe('');
    expect(pledgeInstant('2025-04-01')).toBe('2025-04-01T00:00:00+09:00');
    expect(pledgeInstant('')).toBeNull();
  });

  it('does not resend an unchanged pledge, nor a reason without a level change', () => {
    const previous = { pledgeSignedAt: '2025-03-31T15:00:00.000Z', level: 'standard' };
    const body = toVolunteerBody(
      { pledgeSignedAt: '2025-04-01T00:00:00+09:00', level: 'standard', levelChangeReason: 'x' },
      previous,
    );
    expect(body.pledgeSignedAt).toBe(previous.pledgeSignedAt);
    expect(body).not.toHaveProperty('levelChangeReason');
    expect(toVolunteerBody({ level: 'advanced', levelChangeReason: ' 研修修了 ' }, previous).levelChangeReason).toBe(
      '研修修了',
    );
  });

  it('creates without empty optional fields and with only code and proficiency per language', () => {
    const body = toVolunteerBody({
      displayName: 'A',
      phone: null,
      maxDispatchesPerMonth: null,
      languages: [{ code: 'vi', proficiency: 'native', extra: 1 }],
    });
    expect(body).toEqual({ displayName: 'A', languages: [{ code: 'vi', proficiency: 'native' }] });
  });

  it('words the complaints it knows and keeps the others', () => {
    expect(
      wordVolunteerErrors({ 'languages.1.code': 'vi is listed twice', email: 'email must be an e-mail address' }),
    ).toEqual({
      'languages.1.code': 'app.registry.volunteers.errors.language_twice',
      email: 'email must be an e-mail address',
    });
  });

  it('lets staff edit the registry and only volunteers open their own pages', () => {
    for (const action of ['create', 'edit']) {
      expect(canRoleAccess('staff', 'hospitals', action)).toBe(true);
      expect(canRoleAccess('staff', 'volunteers', action)).toBe(true);
      expect(canRoleAccess('coordinator', 'hospitals', action)).toBe(false);
      expect(canRoleAccess('volunteer', 'volunteers', action)).toBe(false);
    }
    expect(canRoleAccess('admin', 'hospitals', 'coordinators')).toBe(true);
    expect(canRoleAccess('volunteer', 'my', 'availability')).toBe(true);
    expect(canRoleAccess('volunteer', 'my', 'training')).toBe(true);
    expect(canRoleAccess('staff', 'my', 'availability')).toBe(false);
  });
});
