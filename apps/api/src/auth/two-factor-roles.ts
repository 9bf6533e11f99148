import type { Role } from '@app/domain';

/** The roles that see patient data across hospitals, and so sign in with a second factor. */
export const TWO_FACTOR_ROLES: readonly Role[] = ['admin', 'staff'];
