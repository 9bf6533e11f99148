/**
 * The columns of the volunteer roster CSV (export and import), in file order, and those the header
 * must have. Dependency-free: the API's roster code and the admin panel's import dialog read the
 * same list (the panel imports this file directly, not the domain index).
 */
export const ROSTER_COLUMNS = [
  'email',
  'displayName',
  'nameKana',
  'phone',
  'gender',
  'homeArea',
  'languages',
  'level',
  'status',
  'pledgeSignedAt',
  'insuranceValidUntil',
  'maxDispatchesPerMonth',
  'weeklyAvailability',
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];
export const REQUIRED_ROSTER_COLUMNS: readonly RosterColumn[] = [
  'email',
  'displayName',
  'nameKana',
  'gender',
  'homeArea',
  'languages',
];
