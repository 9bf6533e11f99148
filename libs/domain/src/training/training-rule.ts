import { fiscalYearOf, tokyoCalendarDay, tokyoDate } from '../model/tokyo-calendar';
import { addDays, addMonths, differenceInCalendarDays, format, parseISO, subDays } from 'date-fns';

/**
 * Fiscal years, the training rule and the lifecycle checks (pledge, insurance, training,
 * continuation), as pure functions of plain data. Calendar dates are "YYYY-MM-DD" strings read
 * as Asia/Tokyo dates; instants are `Date`s.
 */
export const PROGRAMME_TZ = 'Asia/Tokyo';

export interface TrainingRuleConfig {
  /** An attended `initial` course (養成講座) is required. */
  requireInitialCourse: boolean;
  /**
   * A `skill_up` attendance counts in its own fiscal year and the next `skillUpValidFiscalYears − 1`
   * (2 = "within the current or previous fiscal year"). 0 means no skill-up is required.
   */
  skillUpValidFiscalYears: number;
}

export interface LifecycleConfig {
  /** Months a signed pledge stays valid; null = valid until withdrawn (only a missing pledge lapses). */
  pledgeValidityMonths: number | null;
  /** Flag volunteers with no dispatch and no training in this many fiscal years (the current included). */
  continuationFiscalYears: number;
}

export const DEFAULT_TRAINING_RULE: TrainingRuleConfig = { requireInitialCourse: true, skillUpValidFiscalYears: 2 };
export const DEFAULT_LIFECYCLE: LifecycleConfig = { pledgeValidityMonths: null, continuationFiscalYears: 3 };

/** First and last calendar day of a fiscal year: 2025 → 2025-04-01 … 2026-03-31. */
export function fiscalYearBounds(fiscalYear: number): { first: string; last: string } {
  return { first: `${fiscalYear}-04-01`, last: `${fiscalYear + 1}-03-31` };
}

/** `date` plus `days` calendar days. */
export function addCalendarDays(date: string, days: number): string {
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd');
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

export interface TrainingRecord {
  kind: 'initial' | 'skill_up';
  status: 'registered' | 'attended' | 'absent';
  /** When the course started. */
  startsAt: Date;
}

export type TrainingMissing = 'initial_course' | 'skill_up';

export interface TrainingStanding {
  ruleMet: boolean;
  /**
   * Last Tokyo date the standing holds (in the past when it has lapsed); null when it never held,
   * or — with `ruleMet` — when it does not expire (no skill-up required).
   */
  validUntil: string | null;
  /** What is needed to (re)gain good standing today. */
  missing: TrainingMissing[];
  initialCompletedOn: string | null;
  lastSkillUpOn: string | null;
}

/**
 * Whether a volunteer is in good standing on `today` (a Tokyo date). Default rule: attended an
 * initial course, and attended a skill-up training in the current or previous fiscal year; the
 * standing then holds until 31 March of the fiscal year after the latest skill-up attendance.
 */
export function evaluateTraining(
  records: readonly TrainingRecord[],
  today: string,
  rule: TrainingRuleConfig = DEFAULT_TRAINING_RULE,
): TrainingStanding {
  const attended = records.filter((r) => r.status === 'attended');
  const latest = (kind: TrainingRecord['kind']) =>
    attended
      .filter((r) => r.kind === kind)
      .map((r) => tokyoDate(r.startsAt))
      .sort()
      .at(-1) ?? null;
  const initialCompletedOn = latest('initial');
  const lastSkillUpOn = latest('skill_up');
  const missing: TrainingMissing[] = [];
  if (rule.requireInitialCourse && !initialCompletedOn) missing.push('initial_course');

  // The last day the skill-up part holds: null = no skill-up yet (or none needed, see below).
  const noSkillUpNeeded = rule.skillUpValidFiscalYears <= 0;
  const skillUpUntil =
    lastSkillUpOn && !noSkillUpNeeded
      ? fiscalYearBounds(fiscalYearOf(lastSkillUpOn) + rule.skillUpValidFiscalYears - 1).last
      : null;
  if (!noSkillUpNeeded && (!skillUpUntil || skillUpUntil < today)) missing.push('skill_up');

  const validUntil = missing.includes('initial_course') ? null : skillUpUntil;
  return { ruleMet: missing.length === 0, validUntil, missing, initialCompletedOn, lastSkillUpOn };
}

export type LapseItem = 'pledge' | 'insurance' | 'training';

export interface Lapse {
  item: LapseItem;
  /** The last day the item holds; null when it is missing altogether. */
  date: string | null;
  /** Already lapsed (or missing) on `today`. */
  lapsed: boolean;
}

export interface LifecycleFacts {
  pledgeSignedAt: Date | null;
  insuranceValidUntil: string | null;
  training: Pick<TrainingStanding, 'validUntil'>;
}

/** The last day a pledge signed at `signedAt` holds, or null when pledges do not expire. */
export function pledgeValidUntil(signedAt: Date, config: LifecycleConfig = DEFAULT_LIFECYCLE): string | null {
  if (config.pledgeValidityMonths === null) return null;
  const signedOn = tokyoCalendarDay(signedAt);
  return format(subDays(addMonths(signedOn, config.pledgeValidityMonths), 1), 'yyyy-MM-dd');
}

/**
 * What lapses on or before `today + withinDays` (inclusive), including what is already lapsed or
 * missing: the pledge (missing, or expired when a validity period is configured), the insurance
 * and the training standing.
 */
export function lapsingItems(
  facts: LifecycleFacts,
  today: string,
  withinDays: number,
  config: LifecycleConfig = DEFAULT_LIFECYCLE,
): Lapse[] {
  const horizon = addCalendarDays(today, withinDays);
  const out: Lapse[] = [];
  const check = (item: LapseItem, date: string | null, missing: boolean) => {
    if (missing) out.push({ item, date: null, lapsed: true });
    else if (date && date <= horizon) out.push({ item, date, lapsed: date < today });
  };
  check('pledge', facts.pledgeSignedAt ? pledgeValidUntil(facts.pledgeSignedAt, config) : null, !facts.pledgeSignedAt);
  check('insurance', facts.insuranceValidUntil, !facts.insuranceValidUntil);
  check('training', facts.training.validUntil, !facts.training.validUntil);
  return out;
}

export interface ActivityFacts {
  registeredAt: Date;
  lastDispatchAt: Date | null;
  lastTrainingAt: Date | null;
}

export interface ContinuationCheck {
  due: boolean;
  /** Latest dispatch or training (or the registration when neither happened). */
  lastActivityOn: string;
  /** First day of the window that had no activity. */
  windowStart: string;
}

/**
 * A continuation check is due when nothing happened (no dispatch, no training, and the
 * registration itself is older) in the current fiscal year and the `continuationFiscalYears − 1`
 * before it. Nothing is deleted: staff decide.
 */
export function continuationCheck(
  facts: ActivityFacts,
  today: string,
  config: LifecycleConfig = DEFAULT_LIFECYCLE,
): ContinuationCheck {
  const windowStart = fiscalYearBounds(fiscalYearOf(today) - config.continuationFiscalYears + 1).first;
  const dates = [facts.lastDispatchAt, facts.lastTrainingAt].filter((d): d is Date => d !== null).map(tokyoDate);
  const lastActivityOn = dates.sort().at(-1) ?? tokyoDate(facts.registeredAt);
  const registeredOn = tokyoDate(facts.registeredAt);
  const latest = lastActivityOn > registeredOn ? lastActivityOn : registeredOn;
  return { due: latest < windowStart, lastActivityOn, windowStart };
}
