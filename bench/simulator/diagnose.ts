/**
 * `npm run simulate -- --diagnose [--policy production]`: why a policy leaves unfilled what the
 * offline optimum fills. For each such request it looks at every volunteer who would have said
 * yes (the hidden accept draw is true and the static hard rules pass: language, level,
 * availability, gender…) and at what the policy's run did with them, and files the request under
 * the reason of the yes-sayer that came closest to being confirmed:
 *
 * 1. `asked, no answer in time` — offered (or phoned) while free, never answered (or never picked up) before the offer closed;
 * 2. `said yes, taken meanwhile` — answered yes, but had meanwhile been confirmed for an overlapping visit or reached the cap;
 *    `confirmed, then dropped out` — answered yes, was confirmed and dropped out in the last days (the optimum ignores dropouts);
 * 3. `never asked, free all along` — never contacted although free from filing to the visit;
 * 4. `never asked, taken after filing` — free when the request was filed, confirmed elsewhere (overlap or cap) before being asked;
 * 5. `taken before filing: overlap` / `taken before filing: monthly cap` — every yes-sayer already held an overlapping visit
 *    or had used up the month's cap when the request was filed: only foresight (or moving a confirmed dispatch) helps.
 *
 * Diagnosis only: it reads the hidden draws, which no policy may do.
 */
import { DEFAULT_MATCHING_CONFIG, evaluateVolunteer, prepareRequest, VolunteerSnapshot } from '@app/matching';
import { offlineOptimum, OptimumResult } from './optimum';
import { InstantOrder, instantReference, ReplanPreference, replanReference } from './online-reference';
import { PolicySpec } from './policies';
import { DAY, FY_START, HOUR, Scenario, ScenarioRequest } from './scenario';
import { initialVolunteerStates, RunTrace, simulate, willing } from './simulate';

export const GAP_REASONS = [
  'asked, no answer in time',
  'said yes, taken meanwhile',
  'confirmed, then dropped out',
  'never asked, free all along',
  'never asked, taken after filing',
  'taken before filing: overlap',
  'taken before filing: monthly cap',
] as const;
export type GapReason = (typeof GAP_REASONS)[number];

const INSTANT_ORDERS: InstantOrder[] = [
  'headroom',
  'roster',
  'versatility',
  'headroom-versatility',
  'random-1',
  'random-2',
  'random-3',
];

export interface GapRequest {
  id: string;
  language: string;
  reason: GapReason;
  yesSayers: number;
  leadHours: number;
  escalated: boolean;
}

export interface Diagnosis {
  policy: string;
  optimumFilled: number;
  policyFilled: number;
  /** Filled by the optimum, not by the policy. */
  gap: GapRequest[];
  /** Filled by the policy, not by the optimum (the optimum used those volunteers elsewhere). */
  policyOnly: number;
  byReason: Record<GapReason, number>;
  /** Requests in the gap by lead-time band (filing to visit). */
  byLead: Record<string, number>;
  /** The optimum that also knows who would drop out (never uses those pairs). */
  optimumKnownDropoutsFilled: number;
  /** `instantReference` by the order it picks among free yes-sayers: confirm at filing, every answer and dropout known. */
  instantFilled: Record<string, number>;
  /** `replanReference` (a day's notice) by what it prefers among equally full assignments. */
  replanFilled: Record<ReplanPreference, number>;
}

const LEAD_BANDS: [string, number][] = [
  ['< 24 h', 24],
  ['1–3 d', 72],
  ['3–7 d', 168],
  ['7–14 d', 336],
  ['≥ 14 d', Infinity],
];

export async function diagnose(scenario: Scenario, policy: PolicySpec, optimum?: OptimumResult): Promise<Diagnosis> {
  optimum ??= await offlineOptimum(scenario, true);
  const run = await simulate(scenario, policy, { trace: true });
  const trace = run.trace!;
  const filledByPolicy = new Set(run.outcomes.filter((o) => o.filled).map((o) => o.id));
  const escalated = new Set(run.outcomes.filter((o) => o.escalated).map((o) => o.id));
  const fresh = new Map(initialVolunteerStates(scenario).map((v) => [v.model.id, v]));
  const held = new Map<string, RunTrace['dispatches']>();
  for (const d of trace.dispatches) {
    const list = held.get(d.volunteerId) ?? [];
    list.push(d);
    held.set(d.volunteerId, list);
  }
  // Evaluated "before the year" so that the monthly cap counts the dispatch list, not dispatchesThisMonth.
  const before = FY_START - 40 * DAY;
  /** The hard rules for `r`, with the dispatches the volunteer held at time `t` in the policy's run. */
  const blockedAt = (r: ScenarioRequest, volunteerId: string, t: number): 'OVERLAP' | 'MONTHLY_CAP' | null => {
    const base = fresh.get(volunteerId)!.snapshot;
    const dispatches = (held.get(volunteerId) ?? []).filter(
      (d) => d.requestId !== r.snapshot.id && d.confirmedAt <= t && (d.releasedAt === null || d.releasedAt > t),
    );
    const snapshot: VolunteerSnapshot = { ...base, dispatches, dispatchesThisMonth: 0 };
    const e = evaluateVolunteer(prepareRequest(r.snapshot, before, DEFAULT_MATCHING_CONFIG), snapshot);
    if (e.eligible) return null;
    return e.codes.includes('OVERLAP') ? 'OVERLAP' : e.codes.includes('MONTHLY_CAP') ? 'MONTHLY_CAP' : null;
  };
  const gap: GapRequest[] = [];
  for (const r of scenario.requests) {
    const id = r.snapshot.id;
    if (!optimum.assignments.has(id) || filledByPolicy.has(id)) continue;
    const prepared = prepareRequest(r.snapshot, before, DEFAULT_MATCHING_CONFIG);
    const yes = scenario.volunteers.filter(
      (v) => evaluateVolunteer(prepared, fresh.get(v.id)!.snapshot).eligible && willing(scenario, r, v),
    );
    let best = GAP_REASONS.length - 1;
    for (const v of yes) {
      const contact = trace.contacts.get(id)?.get(v.id);
      const atFiling = blockedAt(r, v.id, r.filedAt);
      const atVisit = blockedAt(r, v.id, r.snapshot.startsAt - 1);
      let reason: GapReason;
      if (contact && contact.droppedOut > 0) reason = 'confirmed, then dropped out';
      else if (contact && contact.yesButIneligible > 0) reason = 'said yes, taken meanwhile';
      else if (contact && blockedAt(r, v.id, contact.firstAt) === null) reason = 'asked, no answer in time';
      else if (atFiling === 'OVERLAP') reason = 'taken before filing: overlap';
      else if (atFiling === 'MONTHLY_CAP') reason = 'taken before filing: monthly cap';
      else if (atVisit !== null) reason = 'never asked, taken after filing';
      else reason = 'never asked, free all along';
      best = Math.min(best, GAP_REASONS.indexOf(reason));
    }
    gap.push({
      id,
      language: r.snapshot.language,
      reason: GAP_REASONS[best],
      yesSayers: yes.length,
      leadHours: (r.snapshot.startsAt - r.filedAt) / HOUR,
      escalated: escalated.has(id),
    });
  }
  const byReason = Object.fromEntries(GAP_REASONS.map((k) => [k, gap.filter((g) => g.reason === k).length])) as Record<
    GapReason,
    number
  >;
  const byLead: Record<string, number> = {};
  for (const [label] of LEAD_BANDS) byLead[label] = 0;
  for (const g of gap) byLead[LEAD_BANDS.find(([, max]) => g.leadHours < max)![0]]++;
  const policyOnly = run.outcomes.filter((o) => o.filled && !optimum.assignments.has(o.id)).length;
  const optimumKnownDropoutsFilled = (await offlineOptimum(scenario, true, true)).filled;
  const instantFilled: Record<string, number> = {};
  for (const order of INSTANT_ORDERS) instantFilled[order] = instantReference(scenario, order).filled;
  const replanFilled = {
    score: (await replanReference(scenario, 'score')).filled,
    versatility: (await replanReference(scenario, 'versatility')).filled,
  };
  return {
    policy: policy.id,
    optimumFilled: optimum.filled,
    policyFilled: filledByPolicy.size,
    gap,
    policyOnly,
    byReason,
    byLead,
    optimumKnownDropoutsFilled,
    instantFilled,
    replanFilled,
  };
}

export function diagnosisText(d: Diagnosis): string {
  const lines = [
    `Policy "${d.policy}": ${d.policyFilled} filled, optimum ${d.optimumFilled}: ` +
      `${d.gap.length} requests filled by the optimum but not by the policy, ${d.policyOnly} filled by the policy but not by the optimum.`,
    '',
    'why the optimum fills it and the policy does not (the yes-sayer closest to being confirmed):',
  ];
  const width = Math.max(...GAP_REASONS.map((r) => r.length));
  for (const reason of GAP_REASONS) {
    const list = d.gap.filter((g) => g.reason === reason);
    const languages = Object.entries(countBy(list.map((g) => g.language)))
      .sort((a, b) => b[1] - a[1])
      .map(([l, n]) => `${l} ${n}`)
      .join(', ');
    lines.push(
      `  ${reason.padEnd(width)}  ${String(list.length).padStart(4)}   escalated ${String(list.filter((g) => g.escalated).length).padStart(3)}   ${languages}`,
    );
  }
  lines.push(
    '',
    `by lead time: ${Object.entries(d.byLead)
      .map(([k, n]) => `${k}: ${n}`)
      .join(', ')}`,
  );
  const of = (n: number) => `${n} (${((100 * n) / d.optimumFilled).toFixed(1)}% of the optimum)`;
  lines.push(
    '',
    'reference points (they read the hidden draws; not policies):',
    `  offline optimum, answers known:                         ${of(d.optimumFilled)}`,
    `  offline optimum, answers and dropouts known:            ${of(d.optimumKnownDropoutsFilled)}`,
    `  confirm at filing, answers and dropouts known at once:  ${of(Math.max(...Object.values(d.instantFilled)))} (best of: ${Object.entries(
      d.instantFilled,
    )
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')})`,
    `  re-plan at each filing, moving any dispatch a day off:  ${of(Math.max(...Object.values(d.replanFilled)))} (keeping the best scores ${d.replanFilled.score}, the least versatile volunteers ${d.replanFilled.versatility})`,
    `  this policy:                                            ${of(d.policyFilled)}`,
  );
  return lines.join('\n');
}

function countBy(items: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of items) out[x] = (out[x] ?? 0) + 1;
  return out;
}
