/**
 * Who may open what in the panel: one table, read by the auth provider's canAccess (which hides
 * menu entries and guards resource pages) and by the pages that show role-specific buttons.
 * The API refuses regardless; this only keeps the UI from offering what the role cannot do.
 */
import { ROLES, type Role } from '@app/domain/model';

export { ROLES, type Role };

/** react-admin's actions (list, show, create, edit, delete, export) and the panel's own; '*' in RULES for any. */
export type Action = string;

const EVERYONE: readonly Role[] = ROLES;
export const STAFF: readonly Role[] = ['admin', 'staff'];
export const ADMIN_ONLY: readonly Role[] = ['admin'];
const COORDINATORS: readonly Role[] = ['coordinator'];
const STAFF_AND_COORDINATORS: readonly Role[] = ['admin', 'staff', 'coordinator'];
const VOLUNTEERS: readonly Role[] = ['volunteer'];

/** resource → action ('*' for any) → roles. Later resources add a line here. */
const RULES: Record<string, Partial<Record<Action, readonly Role[]>>> = {
  dashboard: { '*': EVERYONE },
  profile: { '*': EVERYONE },
  users: { '*': ADMIN_ONLY },
  requests: {
    list: STAFF_AND_COORDINATORS,
    show: STAFF_AND_COORDINATORS,
    create: STAFF_AND_COORDINATORS,
    cancel: STAFF_AND_COORDINATORS,
    confirm_visit: COORDINATORS,
    candidates: STAFF,
    offer: STAFF,
    assign: STAFF,
    edit: STAFF_AND_COORDINATORS,
    // Move a confirmed visit to a new time (the interpreter is asked again).
    reschedule: STAFF_AND_COORDINATORS,
    hold: STAFF,
    // Staff release any held request; a coordinator the draft they filed (the API checks whose).
    release: STAFF_AND_COORDINATORS,
    // Patient or interpreter no-show, and completion, once the visit has started.
    outcome: STAFF_AND_COORDINATORS,
    offer_history: STAFF,
  },
  offers: { '*': VOLUNTEERS },
  dispatches: { '*': VOLUNTEERS, report: VOLUNTEERS, cancel: STAFF_AND_COORDINATORS },
  reports: { list: STAFF, show: STAFF, review: STAFF },
  hospitals: { list: STAFF, show: STAFF, create: STAFF, edit: STAFF, coordinators: STAFF },
  volunteers: {
    list: STAFF,
    show: STAFF,
    create: STAFF,
    edit: STAFF,
    availability: STAFF,
    training: STAFF,
    import: STAFF,
    export: STAFF,
    // Hospitals and patients who asked not to have the volunteer (GET/POST/DELETE …/bans).
    bans: STAFF,
  },
  my: { availability: VOLUNTEERS, training: VOLUNTEERS },
  courses: { list: STAFF, show: STAFF, create: STAFF, edit: STAFF },
  figures: { '*': STAFF },
  exports: { '*': STAFF },
  // Fee rules: staff read them, an admin adds one from a future date (POST /api/fee-rules is admin-only).
  'fee-rules': { list: STAFF, create: ADMIN_ONLY },
  // A coordinator's own hospital's month, a volunteer's own honoraria and transport (staff use exports).
  statements: { own: ['coordinator', 'volunteer'] },
  // Staff read all mail (links' tokens hidden); everyone else their own, links working.
  mail: { '*': EVERYONE },
  'audit-log': { '*': ADMIN_ONLY },
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether a role may do an action on a resource; unknown resources are refused. */
export function canRoleAccess(role: Role | undefined | null, resource: string, action: Action = 'list'): boolean {
  if (!role) return false;
  const rule = RULES[resource.split('.')[0]];
  const allowed = rule?.[action] ?? rule?.['*'];
  return !!allowed && allowed.includes(role);
}

/** Staff and admins share the staff pages; admins also see account management. */
export function isStaff(role: Role | undefined | null): boolean {
  return role === 'admin' || role === 'staff';
}
