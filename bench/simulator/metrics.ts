import { MINUTE } from './scenario';
import { RequestOutcome } from './simulate';

export interface PolicyFigures {
  id: string;
  label: string;
  requests: number;
  filled: number;
  fillRate: number;
  /** Filled ÷ the known-answers optimum's filled. */
  fillVsOptimum: number;
  /** Minutes from filing to first confirmation, over filled requests (null: none). */
  medianMinutes: number | null;
  p90Minutes: number | null;
  /** Median over filled requests filed on a business day between 09:00 and 17:00. */
  medianDaytimeMinutes: number | null;
  /** null where the policy has no escalation step (staff already do everything). */
  escalations: number | null;
  contactsPerFill: number | null;
  gini: number;
  continuity: number | null;
  unfilledByLanguage: Record<string, number>;
  /** Sorted minutes to confirmation (for the charts). */
  minutesToFill: number[];
  dispatchesPerVolunteer: number[];
}

export interface FigureInput {
  id: string;
  label: string;
  outcomes: RequestOutcome[];
  dispatchesPerVolunteer: number[];
  contacts: number | null;
  escalations: number | null;
  optimumFilled: number;
}

/** Value at quantile q (nearest rank) of sorted numbers. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Gini coefficient of non-negative amounts (0: all equal; → 1: one takes all). */
export function gini(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const total = sorted.reduce((s, x) => s + x, 0);
  if (n === 0 || total === 0) return 0;
  let weighted = 0;
  sorted.forEach((x, i) => (weighted += (i + 1) * x));
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/** Of filled visits whose patient had an earlier filled visit, the share with the same interpreter. */
export function continuityShare(outcomes: readonly RequestOutcome[]): number | null {
  const last = new Map<string, string>();
  let repeat = 0;
  let same = 0;
  for (const o of [...outcomes]
    .filter((x) => x.filled)
    .sort((a, b) => a.startsAt - b.startsAt || (a.id < b.id ? -1 : 1))) {
    const previous = last.get(o.patientKey);
    if (previous !== undefined) {
      repeat++;
      if (previous === o.volunteerId) same++;
    }
    last.set(o.patientKey, o.volunteerId!);
  }
  return repeat === 0 ? null : same / repeat;
}

export function figures(input: FigureInput): PolicyFigures {
  const filled = input.outcomes.filter((o) => o.filled);
  const minutes = (list: RequestOutcome[]) =>
    list
      .filter((o) => o.firstConfirmedAt !== null)
      .map((o) => (o.firstConfirmedAt! - o.filedAt) / MINUTE)
      .sort((a, b) => a - b);
  const all = minutes(filled);
  const daytime = minutes(filled.filter((o) => o.daytime));
  const unfilledByLanguage: Record<string, number> = {};
  for (const o of input.outcomes)
    if (!o.filled) unfilledByLanguage[o.language] = (unfilledByLanguage[o.language] ?? 0) + 1;
  return {
    id: input.id,
    label: input.label,
    requests: input.outcomes.length,
    filled: filled.length,
    fillRate: input.outcomes.length ? filled.length / input.outcomes.length : 0,
    fillVsOptimum: input.optimumFilled ? filled.length / input.optimumFilled : 0,
    medianMinutes: quantile(all, 0.5),
    p90Minutes: quantile(all, 0.9),
    medianDaytimeMinutes: quantile(daytime, 0.5),
    escalations: input.escalations,
    contactsPerFill: input.contacts === null || filled.length === 0 ? null : input.contacts / filled.length,
    gini: gini(input.dispatchesPerVolunteer),
    continuity: continuityShare(input.outcomes),
    unfilledByLanguage,
    minutesToFill: all,
    dispatchesPerVolunteer: input.dispatchesPerVolunteer,
  };
}
