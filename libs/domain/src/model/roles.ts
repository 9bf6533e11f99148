export const ROLES = ['admin', 'staff', 'coordinator', 'volunteer'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** `admin` can do all that `staff` can. */
export function roleSatisfies(actual: Role, required: readonly Role[]): boolean {
  return required.includes(actual) || (actual === 'admin' && required.includes('staff'));
}
