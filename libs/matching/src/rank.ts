import { coversWallMinutes, ensureCompiled } from './availability';
import {
  DEFAULT_MATCHING_CONFIG,
  ExclusionCode,
  Level,
  MatchingConfig,
  levelRank,
  proficiencyRank,
  requiredLevelFor,
  travelMinutes,
} from './matching-config';
import type { RequestSnapshot, VolunteerSnapshot } from './snapshot.types';
import { formatCalendarDate, toTokyoWallTime, tokyoMonthBounds, tokyoWallMinuteCeil } from './tokyo-time';

const MS_PER_MINUTE = 60_000;

/** Soft-score parts in points; they add up to `score`. */
export interface ScoreParts {
  continuityPatient: number;
  continuityHospital: number;
  fairness: number;
  department: number;
  travel: number;
  response: number;
}

export interface EligibleCandidate {
  volunteerId: string;
  displayName: string;
  score: number;
  parts: ScoreParts;
  /** Human-readable explanation of each part. */
  reasons: string[];
}

export interface ExcludedCandidate {
  volunteerId: string;
  displayName: string;
  /** Every hard rule the volunteer fails, in {@link EXCLUSION_CODES} order. */
  reasons: ExclusionCode[];
}

export interface RankResult {
  /** Sorted by score (highest first), ties by volunteer id. */
  eligible: EligibleCandidate[];
  /** Sorted by volunteer id. */
  excluded: ExcludedCandidate[];
}

export interface RankInput {
  request: RequestSnapshot;
  volunteers: readonly VolunteerSnapshot[];
  /** Epoch ms; the engine never reads the clock. Selects which month `dispatchesThisMonth` counts. */
  now: number;
  config?: MatchingConfig;
}

/** A request with everything that does not depend on the volunteer computed once. */
export interface PreparedRequest {
  readonly request: RequestSnapshot;
  readonly config: MatchingConfig;
  readonly requiredLevel: Level;
  readonly shadow: boolean;
  readonly onsite: boolean;
  readonly minProficiencyRank: number;
  readonly requiredLevelRank: number;
  /** Tokyo wall minutes of the visit (end rounded up). */
  readonly wallStart: number;
  readonly wallEnd: number;
  /** Last Tokyo date the visit touches; insurance must cover it. */
  readonly lastDate: string;
  /** Whether the visit falls in the Tokyo month of `now` (then `dispatchesThisMonth` applies). */
  readonly inCurrentMonth: boolean;
  readonly monthStartMs: number;
  readonly monthEndMs: number;
  /** Month key (year × 12 + month − 1) of the visit's Tokyo month. */
  readonly monthKey: number;
  /** Travel minutes from an area to the hospital, cached per area. */
  travelFrom(area: string): number;
}

/** Converts the request's times to Tokyo wall time once; shared by every volunteer check. */
export function prepareRequest(
  request: RequestSnapshot,
  now: number,
  config: MatchingConfig = DEFAULT_MATCHING_CONFIG,
): PreparedRequest {
  const shadow = request.role === 'shadow';
  const requiredLevel = requiredLevelFor(request.department, request.visitType, config);
  const start = toTokyoWallTime(request.startsAt);
  const last = toTokyoWallTime(Math.max(request.startsAt, request.endsAt - 1));
  const current = toTokyoWallTime(now);
  const { startMs: monthStartMs, endMs: monthEndMs } = tokyoMonthBounds(start);
  const travelCache = new Map<string, number>();
  const hospitalArea = request.hospitalArea;
  const minProficiency = shadow
    ? config.minProficiencyShadow
    : config.minProficiency[requiredLevel === 'trainee' ? 'standard' : requiredLevel];
  return {
    request,
    config,
    requiredLevel,
    shadow,
    onsite: request.mode === 'onsite',
    minProficiencyRank: proficiencyRank(minProficiency),
    requiredLevelRank: levelRank(requiredLevel),
    wallStart: start.wallMinute,
    wallEnd: tokyoWallMinuteCeil(request.endsAt),
    lastDate: formatCalendarDate(last),
    inCurrentMonth: current.year === start.year && current.month === start.month,
    monthStartMs,
    monthEndMs,
    monthKey: start.year * 12 + start.month - 1,
    travelFrom(area: string): number {
      let minutes = travelCache.get(area);
      if (minutes === undefined) {
        minutes = travelMinutes(area, hospitalArea, config);
        travelCache.set(area, minutes);
      }
      return minutes;
    },
  };
}

/** Dispatches the volunteer already holds in the visit's Tokyo month. */
export function dispatchesInRequestMonth(prepared: PreparedRequest, volunteer: VolunteerSnapshot): number {
  if (prepared.inCurrentMonth) return volunteer.dispatchesThisMonth;
  let count = 0;
  for (const d of volunteer.dispatches) {
    if (d.startsAt >= prepared.monthStartMs && d.startsAt < prepared.monthEndMs) count++;
  }
  return count;
}

/** Dispatches the volunteer may still take in the visit's Tokyo month (the MONTHLY_CAP rule's room; 0 or less: excluded). */
export function roomUnderCap(prepared: PreparedRequest, volunteer: VolunteerSnapshot): number {
  return volunteer.maxDispatchesPerMonth - dispatchesInRequestMonth(prepared, volunteer);
}

export type Evaluation =
  | { eligible: true; score: number; parts: ScoreParts; travelMinutes: number }
  | { eligible: false; codes: ExclusionCode[] };

/** Applies every hard rule (all failures are collected) and, when none fails, scores the volunteer. */
export function evaluateVolunteer(prepared: PreparedRequest, volunteer: VolunteerSnapshot): Evaluation {
  const travel = travelOf(prepared, volunteer);
  const codes = failedRules(prepared, volunteer, travel);
  if (codes) return { eligible: false, codes };
  return scored(prepared, volunteer, travel);
}

/**
 * Whether the volunteer passes every hard rule (what decides who is scored), without scoring:
 * a reader can fetch the score's inputs for these volunteers alone.
 */
export function meetsHardRules(prepared: PreparedRequest, volunteer: VolunteerSnapshot): boolean {
  return failedRules(prepared, volunteer, travelOf(prepared, volunteer)) === null;
}

/** Minutes from the volunteer's home area to the hospital; 0 for a remote visit. */
function travelOf(prepared: PreparedRequest, volunteer: VolunteerSnapshot): number {
  return prepared.onsite ? prepared.travelFrom(volunteer.homeArea) : 0;
}

/**
 * Every hard rule the volunteer fails, in {@link EXCLUSION_CODES} order, or null when none does.
 * Reads nothing the score reads (history, recent load, response rate). `travel`: minutes from
 * the volunteer's home area to the hospital (0 for remote visits).
 */
function failedRules(prepared: PreparedRequest, volunteer: VolunteerSnapshot, travel: number): ExclusionCode[] | null {
  const request = prepared.request;
  let codes: ExclusionCode[] | null = null;

  let speaks = false;
  for (const skill of volunteer.languages) {
    if (skill.code === request.language && proficiencyRank(skill.proficiency) >= prepared.minProficiencyRank) {
      speaks = true;
      break;
    }
  }
  if (!speaks) codes = fail(codes, 'LANGUAGE');

  const rank = levelRank(volunteer.level);
  const levelOk = prepared.shadow ? volunteer.level === 'trainee' : rank > 0 && rank >= prepared.requiredLevelRank;
  if (!levelOk) codes = fail(codes, 'LEVEL');

  if (
    !coversWallMinutes(ensureCompiled(volunteer.availability), prepared.wallStart - travel, prepared.wallEnd + travel)
  )
    codes = fail(codes, 'UNAVAILABLE');

  if (overlapsDispatch(prepared, volunteer)) codes = fail(codes, 'OVERLAP');
  if (roomUnderCap(prepared, volunteer) <= 0) codes = fail(codes, 'MONTHLY_CAP');
  if (volunteer.status !== 'active') codes = fail(codes, 'INACTIVE');
  if (volunteer.pledgeSignedAt == null || volunteer.pledgeSignedAt > request.startsAt) codes = fail(codes, 'PLEDGE');
  if (!volunteer.insuranceValidUntil || volunteer.insuranceValidUntil < prepared.lastDate)
    codes = fail(codes, 'INSURANCE');
  if (!volunteer.trainingOk) codes = fail(codes, 'TRAINING');
  if (request.interpreterGender !== 'any' && volunteer.gender !== request.interpreterGender)
    codes = fail(codes, 'GENDER');
  if (
    volunteer.bannedHospitalIds.includes(request.hospitalId) ||
    (request.patientKey != null && volunteer.bannedPatientKeys.includes(request.patientKey))
  ) {
    codes = fail(codes, 'BANNED');
  }
  return codes;
}

function scored(
  prepared: PreparedRequest,
  volunteer: VolunteerSnapshot,
  travel: number,
): Extract<Evaluation, { eligible: true }> {
  const parts = scoreParts(prepared, volunteer, travel);
  const score = round2(
    parts.continuityPatient +
      parts.continuityHospital +
      parts.fairness +
      parts.department +
      parts.travel +
      parts.response,
  );
  return { eligible: true, score, parts, travelMinutes: travel };
}

function fail(codes: ExclusionCode[] | null, code: ExclusionCode): ExclusionCode[] {
  if (codes === null) return [code];
  codes.push(code);
  return codes;
}

function overlapsDispatch(prepared: PreparedRequest, volunteer: VolunteerSnapshot): boolean {
  const { startsAt, endsAt } = prepared.request;
  for (const d of volunteer.dispatches) {
    const gapMs = prepared.onsite && d.area !== null ? prepared.travelFrom(d.area) * MS_PER_MINUTE : 0;
    if (d.startsAt < endsAt + gapMs && startsAt - gapMs < d.endsAt) return true;
  }
  return false;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function scoreParts(prepared: PreparedRequest, volunteer: VolunteerSnapshot, travel: number): ScoreParts {
  const { weights: w, travel: travelConfig } = prepared.config;
  const request = prepared.request;
  const history = volunteer.history;
  const experience = Math.min(history.departments[request.department] ?? 0, prepared.config.departmentExperienceCap);
  const response = volunteer.responseRate ?? prepared.config.defaultResponseRate;
  return {
    continuityPatient:
      request.patientKey != null && history.patientKeys.includes(request.patientKey) ? w.continuityPatient : 0,
    continuityHospital: history.hospitalIds.includes(request.hospitalId) ? w.continuityHospital : 0,
    fairness: round2(
      w.fairness30d / (1 + volunteer.assignmentsLast30d) + w.fairness90d / (1 + volunteer.assignmentsLast90d / 3),
    ),
    department: round2((w.department * experience) / prepared.config.departmentExperienceCap),
    travel: prepared.onsite ? round2(w.travel * Math.max(0, 1 - travel / travelConfig.maxScoredMinutes)) : w.travel,
    response: round2(w.response * Math.min(1, Math.max(0, response))),
  };
}

function explain(prepared: PreparedRequest, volunteer: VolunteerSnapshot, parts: ScoreParts, travel: number): string[] {
  const pts = (x: number) => `(+${x.toFixed(1)})`;
  const reasons: string[] = [];
  if (parts.continuityPatient > 0)
    reasons.push(`Has interpreted for this patient before ${pts(parts.continuityPatient)}`);
  if (parts.continuityHospital > 0) reasons.push(`Has worked at this hospital before ${pts(parts.continuityHospital)}`);
  reasons.push(
    `${volunteer.assignmentsLast30d} assignment(s) in the last 30 days, ${volunteer.assignmentsLast90d} in the last 90 days ${pts(parts.fairness)}`,
  );
  const experience = volunteer.history.departments[prepared.request.department] ?? 0;
  reasons.push(`${experience} past visit(s) in ${prepared.request.department} ${pts(parts.department)}`);
  reasons.push(
    prepared.onsite
      ? `${travel} min travel from ${volunteer.homeArea} ${pts(parts.travel)}`
      : `Remote visit, no travel ${pts(parts.travel)}`,
  );
  reasons.push(
    volunteer.responseRate == null
      ? `No offer history yet ${pts(parts.response)}`
      : `Answers ${Math.round(volunteer.responseRate * 100)}% of offers ${pts(parts.response)}`,
  );
  return reasons;
}

function byId(a: { volunteerId: string }, b: { volunteerId: string }): number {
  return a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0;
}

/**
 * Ranks volunteers for one request: every hard rule is applied (excluded volunteers carry every
 * failed rule's code), eligible ones are scored with explained parts. Deterministic: the result
 * does not depend on the order of `volunteers`.
 */
export function rankCandidates(input: RankInput): RankResult {
  const prepared = prepareRequest(input.request, input.now, input.config ?? DEFAULT_MATCHING_CONFIG);
  const eligible: EligibleCandidate[] = [];
  const excluded: ExcludedCandidate[] = [];
  const volunteers = input.volunteers;
  // Callers usually pass volunteers in id order: then `excluded` is born sorted and needs no sort.
  let ascending = true;
  let previousId = '';
  for (let i = 0; i < volunteers.length; i++) {
    const volunteer = volunteers[i];
    if (ascending && !(previousId < volunteer.id) && i > 0) ascending = false;
    previousId = volunteer.id;
    const travel = travelOf(prepared, volunteer);
    const codes = failedRules(prepared, volunteer, travel);
    if (codes) {
      excluded.push({ volunteerId: volunteer.id, displayName: volunteer.displayName, reasons: codes });
      continue;
    }
    const { score, parts } = scored(prepared, volunteer, travel);
    eligible.push({
      volunteerId: volunteer.id,
      displayName: volunteer.displayName,
      score,
      parts,
      reasons: explain(prepared, volunteer, parts, travel),
    });
  }
  eligible.sort((a, b) => b.score - a.score || byId(a, b));
  if (!ascending) excluded.sort(byId);
  return { eligible, excluded };
}
