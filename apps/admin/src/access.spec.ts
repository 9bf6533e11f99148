import { canRoleAccess, isRole, isStaff } from './access';

describe('canRoleAccess', () => {
  it('lets only admins manage accounts', () => {
    expect(canRoleAccess('admin', 'users', 'list')).toBe(true);
    expect(canRoleAccess('admin', 'users', 'create')).toBe(true);
    expect(canRoleAccess('staff', 'users', 'list')).toBe(false);
    expect(canRoleAccess('coordinator', 'users', 'edit')).toBe(false);
    expect(canRoleAccess('volunteer', 'users', 'show')).toBe(false);
  });

  it('shows figures and exports to staff, and the audit log to admins only', () => {
    for (const resource of ['figures', 'exports']) {
      expect(canRoleAccess('staff', resource)).toBe(true);
      expect(canRoleAccess('admin', resource)).toBe(true);
      expect(canRoleAccess('coordinator', resource)).toBe(false);
      expect(canRoleAccess('volunteer', resource)).toBe(false);
    }
    expect(canRoleAccess('admin', 'audit-log')).toBe(true);
    expect(canRoleAccess('staff', 'audit-log')).toBe(false);
  });

  it('lets staff read fee rules and manage bans, and only admins add a fee rule', () => {
    expect(canRoleAccess('staff', 'fee-rules', 'list')).toBe(true);
    expect(canRoleAccess('admin', 'fee-rules', 'list')).toBe(true);
    expect(canRoleAccess('staff', 'fee-rules', 'create')).toBe(false);
    expect(canRoleAccess('admin', 'fee-rules', 'create')).toBe(true);
    expect(canRoleAccess('coordinator', 'fee-rules', 'list')).toBe(false);
    expect(canRoleAccess('volunteer', 'fee-rules', 'list')).toBe(false);
    expect(canRoleAccess('staff', 'volunteers', 'bans')).toBe(true);
    expect(canRoleAccess('coordinator', 'volunteers', 'bans')).toBe(false);
  });

  it('gives everyone a dashboard, a profile and their mail', () => {
    for (const role of ['admin', 'staff', 'coordinator', 'volunteer'] as const) {
      expect(canRoleAccess(role, 'mail')).toBe(true);
      expect(canRoleAccess(role, 'dashboard')).toBe(true);
      expect(canRoleAccess(role, 'profile', 'edit')).toBe(true);
    }
  });

  it('lets coordinators file requests, staff work them, and volunteers answer offers', () => {
    expect(canRoleAccess('coordinator', 'requests', 'create')).toBe(true);
    expect(canRoleAccess('staff', 'requests', 'create')).toBe(true);
    expect(canRoleAccess('coordinator', 'requests', 'cancel')).toBe(true);
    expect(canRoleAccess('staff', 'requests', 'candidates')).toBe(true);
    expect(canRoleAccess('coordinator', 'requests', 'candidates')).toBe(false);
    expect(canRoleAccess('coordinator', 'requests', 'assign')).toBe(false);
    expect(canRoleAccess('volunteer', 'requests', 'list')).toBe(false);
    expect(canRoleAccess('volunteer', 'offers', 'list')).toBe(true);
    expect(canRoleAccess('staff', 'offers', 'list')).toBe(false);
    expect(canRoleAccess('volunteer', 'dispatches', 'list')).toBe(true);
  });

  it("lets staff and coordinators cancel an interpreter's dispatch, and not volunteers", () => {
    for (const role of ['admin', 'staff', 'coordinator'] as const)
      expect(canRoleAccess(role, 'dispatches', 'cancel')).toBe(true);
    expect(canRoleAccess('volunteer', 'dispatches', 'cancel')).toBe(false);
    expect(canRoleAccess('staff', 'dispatches', 'list')).toBe(false);
  });

  it('lets volunteers report on their dispatches and staff review reports and read the registry', () => {
    expect(canRoleAccess('volunteer', 'dispatches', 'report')).toBe(true);
    expect(canRoleAccess('staff', 'dispatches', 'report')).toBe(false);
    expect(canRoleAccess('staff', 'reports', 'list')).toBe(true);
    expect(canRoleAccess('admin', 'reports', 'review')).toBe(true);
    expect(canRoleAccess('volunteer', 'reports', 'list')).toBe(false);
    expect(canRoleAccess('coordinator', 'reports', 'review')).toBe(false);
    for (const resource of ['hospitals', 'volunteers']) {
      expect(canRoleAccess('staff', resource, 'show')).toBe(true);
      expect(canRoleAccess('staff', resource, 'edit')).toBe(true);
      expect(canRoleAccess('coordinator', resource, 'list')).toBe(false);
      expect(canRoleAccess('volunteer', resource, 'list')).toBe(false);
    }
  });

  it("lets staff run courses and only coordinators confirm their hospital's visits", () => {
    for (const action of ['list', 'create', 'edit', 'show']) {
      expect(canRoleAccess('staff', 'courses', action)).toBe(true);
      expect(canRoleAccess('coordinator', 'courses', action)).toBe(false);
      expect(canRoleAccess('volunteer', 'courses', action)).toBe(false);
    }
    expect(canRoleAccess('admin', 'courses', 'delete')).toBe(false);
    expect(canRoleAccess('coordinator', 'requests', 'confirm_visit')).toBe(true);
    expect(canRoleAccess('staff', 'requests', 'confirm_visit')).toBe(false);
  });

  it('refuses unknown resources and a missing role', () => {
    expect(canRoleAccess('admin', 'no-such-thing')).toBe(false);
    expect(canRoleAccess(undefined, 'dashboard')).toBe(false);
  });

  it('recognises roles and staff', () => {
    expect(isRole('coordinator')).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(isStaff('admin')).toBe(true);
    expect(isStaff('coordinator')).toBe(false);
  });
});
