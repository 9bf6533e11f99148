import { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { NotFoundError, roleSatisfies } from '@app/domain';
import { Actor } from '../common/decorators/current-user.decorator';

/**
 * Object scope, in one place (as Immich's `requireAccess`): which rows an actor may touch. Staff
 * and admins reach every row; a coordinator their hospital's; a volunteer their own. Outside
 * scope is 404, never 403, so a probe cannot tell a row exists. Each service method calls these
 * first (the role itself is checked before, by the route's `@Roles`).
 */
export const may = {
  /** A request, through its hospital. Volunteers reach requests only through their offers and dispatches. */
  seeRequest(actor: Actor, request: { hospitalId: string }): boolean {
    return isStaff(actor) || (actor.role === 'coordinator' && request.hospitalId === actor.hospitalId);
  },
  /** A dispatch: the requesting hospital's coordinators and the dispatched volunteer. */
  seeDispatch(actor: Actor, dispatch: { volunteerId: string }, request: { hospitalId: string }): boolean {
    return may.seeRequest(actor, request) || (actor.role === 'volunteer' && dispatch.volunteerId === actor.volunteerId);
  },
  /** A hospital: its own coordinators. */
  seeHospital(actor: Actor, hospitalId: string): boolean {
    return isStaff(actor) || (actor.role === 'coordinator' && actor.hospitalId === hospitalId);
  },
  /** An offer: only the volunteer it was made to answers it (staff act through the request). */
  answerOffer(actor: Actor, offer: { volunteerId: string }): boolean {
    return actor.role === 'volunteer' && !!actor.volunteerId && offer.volunteerId === actor.volunteerId;
  },
  /** What only the dispatched volunteer says about their dispatch: reconfirming it (others: 404). */
  actAsDispatched(actor: Actor, dispatch: { volunteerId: string }): boolean {
    return actor.role === 'volunteer' && !!actor.volunteerId && dispatch.volunteerId === actor.volunteerId;
  },
  /** A dispatch's activity report: only the volunteer who was dispatched writes it. */
  reportOn(actor: Actor, dispatch: { volunteerId: string }): boolean {
    return actor.role === 'volunteer' && !!actor.volunteerId && dispatch.volunteerId === actor.volunteerId;
  },
  /** Holding a request back is staff's; a coordinator releases only the draft they filed on hold themselves. */
  setHold(actor: Actor, request: { createdBy: string | null }, onHold: boolean): boolean {
    return isStaff(actor) || (!onHold && actor.role === 'coordinator' && request.createdBy === actor.id);
  },
  /** A volunteer record: the volunteer themself. */
  seeVolunteer(actor: Actor, volunteerId: string): boolean {
    return isStaff(actor) || (actor.role === 'volunteer' && actor.volunteerId === volunteerId);
  },
};

/**
 * The rows an actor's statements and figures cover: every hospital and volunteer for staff, a
 * coordinator's hospital, a volunteer's own record.
 */
export function scopeOf(actor: Actor): { hospitalId?: string; volunteerId?: string } {
  if (isStaff(actor)) return {};
  if (actor.role === 'coordinator') return { hospitalId: actor.hospitalId ?? NOBODY };
  if (actor.role === 'volunteer') return { volunteerId: actor.volunteerId ?? NOBODY };
  return { hospitalId: NOBODY };
}

/** An id no row has: a scope that matches nothing. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

/** Staff or admin: every row. */
export function isStaff(actor: Pick<Actor, 'role'>): boolean {
  return roleSatisfies(actor.role, ['staff']);
}

/** Throws the 404 of `what` unless `allowed`. */
export function requireAccess(allowed: boolean, what: string): asserts allowed {
  if (!allowed) throw new NotFoundError(what);
}

/**
 * Narrows a list query to the actor's rows: `hospital` is the column holding the row's hospital
 * (a coordinator's scope), `volunteer` the one holding its volunteer (a volunteer's), `user` the
 * one holding the user the row is for (anyone else's own rows, e.g. their mail). A role with no
 * column given sees nothing.
 */
export function scopeList<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  actor: Actor,
  columns: { hospital?: string; volunteer?: string; user?: string },
): SelectQueryBuilder<T> {
  if (isStaff(actor)) return qb;
  if (actor.role === 'coordinator' && columns.hospital)
    return qb.andWhere(`${columns.hospital} = :scopeHospital`, { scopeHospital: actor.hospitalId });
  if (actor.role === 'volunteer' && columns.volunteer)
    return qb.andWhere(`${columns.volunteer} = :scopeVolunteer`, { scopeVolunteer: actor.volunteerId });
  if (columns.user) return qb.andWhere(`${columns.user} = :scopeUser`, { scopeUser: actor.id });
  return qb.andWhere('false');
}

/**
 * Narrows a list query to the actor's own volunteer rows whatever their role ("my offers"):
 * `volunteer` is the column holding the row's volunteer. No volunteer record, no rows.
 */
export function scopeMine<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  actor: Actor,
  columns: { volunteer: string },
): SelectQueryBuilder<T> {
  return qb.andWhere(`${columns.volunteer} = :scopeVolunteer`, { scopeVolunteer: actor.volunteerId ?? NOBODY });
}
