import { Actor } from '../common/decorators/current-user.decorator';
import { SelectQueryBuilder } from 'typeorm';
import { may, scopeList, scopeMine, scopeOf } from './access';

const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({
  id: 'u',
  email: 'u@example.jp',
  role,
  hospitalId: null,
  volunteerId: null,
  ...extra,
});
const staff = actor('staff');
const admin = actor('admin');
const coordinator = actor('coordinator', { hospitalId: 'h1' });
const volunteer = actor('volunteer', { volunteerId: 'v1' });

describe('may (object scope)', () => {
  it('lets staff and admins see every request, a coordinator only their hospital’s, a volunteer none directly', () => {
    for (const who of [staff, admin]) expect(may.seeRequest(who, { hospitalId: 'h2' })).toBe(true);
    expect(may.seeRequest(coordinator, { hospitalId: 'h1' })).toBe(true);
    expect(may.seeRequest(coordinator, { hospitalId: 'h2' })).toBe(false);
    expect(may.seeRequest(volunteer, { hospitalId: 'h1' })).toBe(false);
  });

  it('lets the requesting hospital and the dispatched volunteer see a dispatch, nobody else outside staff', () => {
    expect(may.seeDispatch(coordinator, { volunteerId: 'v9' }, { hospitalId: 'h1' })).toBe(true);
    expect(may.seeDispatch(coordinator, { volunteerId: 'v9' }, { hospitalId: 'h2' })).toBe(false);
    expect(may.seeDispatch(volunteer, { volunteerId: 'v1' }, { hospitalId: 'h2' })).toBe(true);
    expect(may.seeDispatch(volunteer, { volunteerId: 'v2' }, { hospitalId: 'h1' })).toBe(false);
    expect(may.seeDispatch(staff, { volunteerId: 'v2' }, { hospitalId: 'h2' })).toBe(true);
  });

  it('keeps hospitals to their coordinators and volunteer records to their volunteer', () => {
    expect(may.seeHospital(coordinator, 'h1')).toBe(true);
    expect(may.seeHospital(coordinator, 'h2')).toBe(false);
    expect(may.seeHospital(volunteer, 'h1')).toBe(false);
    expect(may.seeVolunteer(volunteer, 'v1')).toBe(true);
    expect(may.seeVolunteer(volunteer, 'v2')).toBe(false);
    expect(may.seeVolunteer(coordinator, 'v1')).toBe(false);
    expect(may.seeVolunteer(admin, 'v2')).toBe(true);
  });

  it('lets only the dispatched volunteer report on a dispatch', () => {
    expect(may.reportOn(volunteer, { volunteerId: 'v1' })).toBe(true);
    expect(may.reportOn(volunteer, { volunteerId: 'v2' })).toBe(false);
    expect(may.reportOn(staff, { volunteerId: 'v1' })).toBe(false);
    expect(may.reportOn(actor('volunteer'), { volunteerId: '' })).toBe(false);
  });

  it('lets only the volunteer an offer was made to answer it', () => {
    expect(may.answerOffer(volunteer, { volunteerId: 'v1' })).toBe(true);
    expect(may.answerOffer(volunteer, { volunteerId: 'v2' })).toBe(false);
    expect(may.answerOffer(staff, { volunteerId: 'v1' })).toBe(false);
  });

  it('scopes statements to everything for staff, the hospital for a coordinator, the volunteer for a volunteer', () => {
    expect(scopeOf(admin)).toEqual({});
    expect(scopeOf(coordinator)).toEqual({ hospitalId: 'h1' });
    expect(scopeOf(volunteer)).toEqual({ volunteerId: 'v1' });
    expect(scopeOf(actor('coordinator'))).toEqual({ hospitalId: expect.any(String) });
  });

  it('lists the mail of every user for staff, everyone else only their own', () => {
    const where = (who: Actor) => conditions((qb) => scopeList(qb, who, { user: 'm.user_id' }));
    expect(where(admin)).toEqual([]);
    for (const who of [coordinator, volunteer])
      expect(where(who)).toEqual([['m.user_id = :scopeUser', { scopeUser: 'u' }]]);
  });

  it('lists only the actor’s own offers whatever the role, none without a volunteer record', () => {
    const where = (who: Actor) => conditions((qb) => scopeMine(qb, who, { volunteer: 'o.volunteer_id' }));
    expect(where(volunteer)).toEqual([['o.volunteer_id = :scopeVolunteer', { scopeVolunteer: 'v1' }]]);
    expect(where(staff)).toEqual([['o.volunteer_id = :scopeVolunteer', { scopeVolunteer: expect.any(String) }]]);
    expect(where(staff)[0][1]).not.toEqual({ scopeVolunteer: null });
  });
});

/** The conditions a scope adds to a query (a stand-in builder that records them). */
function conditions(scope: (qb: SelectQueryBuilder<object>) => unknown): unknown[][] {
  const added: unknown[][] = [];
  const qb = {
    andWhere(...args: unknown[]) {
      added.push(args);
      return qb;
    },
  };
  scope(qb as unknown as SelectQueryBuilder<object>);
  return added;
}
