/**
 * Enumerations shared with the API's DTOs, and the matching configuration (required levels,
 * proficiency thresholds, travel times between Kumamoto areas, soft-score weights).
 * Rules are data here, not code, so the programme can tune them without a release.
 */

export const DEPARTMENTS = [
  'internal_medicine',
  'surgery',
  'orthopedics',
  'obstetrics_gynecology',
  'pediatrics',
  'psychiatry',
  'oncology',
  'ophthalmology',
  'otolaryngology',
  'dermatology',
  'dentistry',
  'emergency',
  'other',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const VISIT_TYPES = [
  'outpatient',
  'examination',
  'test_results',
  'admission',
  'discharge',
  'informed_consent',
  'psychiatric_care',
  'end_of_life',
  'safeguarding',
  'other',
] as const;
export type VisitType = (typeof VISIT_TYPES)[number];

/** Training levels in ascending order: a trainee only ever shadows a qualified interpreter. */
export const LEVELS = ['trainee', 'standard', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];

/** Language proficiencies in ascending order. */
export const PROFICIENCIES = ['business', 'fluent', 'native'] as const;
export type Proficiency = (typeof PROFICIENCIES)[number];

export const GENDERS = ['female', 'male', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

export const INTERPRETER_GENDERS = ['any', 'female', 'male'] as const;
export type InterpreterGender = (typeof INTERPRETER_GENDERS)[number];

export const MODES = ['onsite', 'phone', 'video'] as const;
export type Mode = (typeof MODES)[number];

export const VOLUNTEER_STATUSES = ['active', 'suspended', 'retired'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

export const REQUEST_ROLES = ['primary', 'shadow'] as const;
export type RequestRole = (typeof REQUEST_ROLES)[number];

/** Hard-rule codes, in the order they are reported. */
export const EXCLUSION_CODES = [
  'LANGUAGE',
  'LEVEL',
  'UNAVAILABLE',
  'OVERLAP',
  'MONTHLY_CAP',
  'INACTIVE',
  'PLEDGE',
  'INSURANCE',
  'TRAINING',
  'GENDER',
  'BANNED',
] as const;
export type ExclusionCode = (typeof EXCLUSION_CODES)[number];

/** Kumamoto areas used in the default travel table (wards of Kumamoto City and nearby towns). */
export const KUMAMOTO_AREAS = [
  '中央区',
  '東区',
  '西区',
  '南区',
  '北区',
  '合志市',
  '菊陽町',
  '益城町',
  '宇土市',
  '菊池市',
] as const;

export interface TravelConfig {
  /** Minutes between two different areas, listed once per pair (the table is symmetric). */
  minutes: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Minutes within one area. */
  sameAreaMinutes: number;
  /** Minutes between two areas missing from the table (or an unknown area). */
  defaultMinutes: number;
  /** Travel of this many minutes or more scores zero in the travel part. */
  maxScoredMinutes: number;
}

/** Points given to each soft-score part; with the defaults a perfect candidate scores 100. */
export interface MatchingWeights {
  continuityPatient: number;
  continuityHospital: number;
  fairness30d: number;
  fairness90d: number;
  department: number;
  travel: number;
  response: number;
}

export interface MatchingConfig {
  /** Minimum level by department and by visit type; the stricter of the two applies. */
  requiredLevel: {
    default: Level;
    byDepartment: Readonly<Partial<Record<Department, Level>>>;
    byVisitType: Readonly<Partial<Record<VisitType, Level>>>;
  };
  /**
   * Minimum proficiency in the request's language for the interpreter of record, by the level
   * the request requires. Defaults: `fluent` for both standard and advanced visits (a
   * business-level speaker is not trusted with medical explanations; `native` is not demanded
   * because several of the programme's best advanced interpreters are fluent Japanese speakers).
   */
  minProficiency: Readonly<Record<Exclude<Level, 'trainee'>, Proficiency>>;
  /** Minimum proficiency for a trainee shadowing a qualified interpreter. */
  minProficiencyShadow: Proficiency;
  travel: TravelConfig;
  weights: MatchingWeights;
  /** Response rate assumed for a volunteer with no offer history. */
  defaultResponseRate: number;
  /** Past assignments in a department at which the department part reaches its maximum. */
  departmentExperienceCap: number;
}

export const DEFAULT_MATCHING_CONFIG: MatchingConfig = {
  requiredLevel: {
    default: 'standard',
    byDepartment: { oncology: 'advanced', psychiatry: 'advanced' },
    byVisitType: {
      informed_consent: 'advanced',
      end_of_life: 'advanced',
      safeguarding: 'advanced',
      psychiatric_care: 'advanced',
    },
  },
  minProficiency: { standard: 'fluent', advanced: 'fluent' },
  minProficiencyShadow: 'business',
  travel: {
    sameAreaMinutes: 20,
    defaultMinutes: 45,
    maxScoredMinutes: 90,
    minutes: {
      中央区: { 東区: 25, 西区: 25, 南区: 25, 北区: 25, 合志市: 40, 菊陽町: 35, 益城町: 35, 宇土市: 40, 菊池市: 55 },
      東区: { 西区: 35, 南区: 30, 北区: 35, 合志市: 40, 菊陽町: 25, 益城町: 20, 宇土市: 45, 菊池市: 50 },
      西区: { 南区: 30, 北区: 30, 合志市: 45, 菊陽町: 45, 益城町: 45, 宇土市: 35, 菊池市: 60 },
      南区: { 北区: 45, 合志市: 55, 菊陽町: 45, 益城町: 30, 宇土市: 20, 菊池市: 65 },
      北区: { 合志市: 20, 菊陽町: 30, 益城町: 40, 宇土市: 60, 菊池市: 35 },
      合志市: { 菊陽町: 20, 益城町: 40, 宇土市: 65, 菊池市: 25 },
      菊陽町: { 益城町: 25, 宇土市: 60, 菊池市: 30 },
      益城町: { 宇土市: 45, 菊池市: 45 },
      宇土市: { 菊池市: 80 },
    },
  },
  weights: {
    continuityPatient: 25,
    continuityHospital: 10,
    fairness30d: 15,
    fairness90d: 10,
    department: 10,
    travel: 15,
    response: 15,
  },
  defaultResponseRate: 0.5,
  departmentExperienceCap: 5,
};

const LEVEL_RANK: Readonly<Record<Level, number>> = { trainee: 0, standard: 1, advanced: 2 };
const PROFICIENCY_RANK: Readonly<Record<Proficiency, number>> = { business: 0, fluent: 1, native: 2 };

export function levelRank(level: Level): number {
  return LEVEL_RANK[level];
}

export function proficiencyRank(proficiency: Proficiency): number {
  return PROFICIENCY_RANK[proficiency];
}

/** The level a request needs: the strictest of the default, its department's and its visit type's. */
export function requiredLevelFor(
  department: Department,
  visitType: VisitType,
  config: MatchingConfig = DEFAULT_MATCHING_CONFIG,
): Level {
  const candidates: Level[] = [config.requiredLevel.default];
  const byDepartment = config.requiredLevel.byDepartment[department];
  const byVisitType = config.requiredLevel.byVisitType[visitType];
  if (byDepartment) candidates.push(byDepartment);
  if (byVisitType) candidates.push(byVisitType);
  return candidates.reduce((a, b) => (LEVEL_RANK[b] > LEVEL_RANK[a] ? b : a));
}

/** Travel minutes between two areas, looked up in either direction of the symmetric table. */
export function travelMinutes(
  fromArea: string,
  toArea: string,
  config: MatchingConfig = DEFAULT_MATCHING_CONFIG,
): number {
  const travel = config.travel;
  if (fromArea === toArea) return travel.sameAreaMinutes;
  return travel.minutes[fromArea]?.[toArea] ?? travel.minutes[toArea]?.[fromArea] ?? travel.defaultMinutes;
}
