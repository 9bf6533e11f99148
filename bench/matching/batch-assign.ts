import highsLoader from 'highs';
import {
  DEFAULT_MATCHING_CONFIG,
  dispatchesInRequestMonth,
  evaluateVolunteer,
  MatchingConfig,
  prepareRequest,
  travelMinutes,
} from '@app/matching';
import type { RequestSnapshot, VolunteerSnapshot } from '@app/matching';

const MS_PER_MINUTE = 60_000;

export interface BatchInput {
  requests: readonly RequestSnapshot[];
  volunteers: readonly VolunteerSnapshot[];
  /** Epoch ms; see `RankInput.now`. */
  now: number;
  config?: MatchingConfig;
}

export interface Assignment {
  requestId: string;
  volunteerId: string;
  score: number;
}

export interface BatchResult {
  /** Sorted by request id. */
  assignments: Assignment[];
  filled: number;
  totalScore: number;
}

export interface BatchAssignResult extends BatchResult {
  /** True when the solver proved optimality; false when it stopped early (best found is returned, never worse than greedy). */
  optimal: boolean;
}

/**
 * The batch problem in index form. Requests are sorted by (start, id) and volunteers by id so
 * the model, and so the answer, does not depend on input order.
 */
export interface AssignmentProblem {
  requests: { id: string; startsAt: number; endsAt: number; area: string | null }[];
  volunteers: { id: string }[];
  /** Eligible (request, volunteer) pairs with the ranking score. */
  pairs: { request: number; volunteer: number; score: number }[];
  /** Monthly caps that can bind: at most `remaining` of these pairs may be chosen. */
  capGroups: { volunteer: number; remaining: number; pairs: number[] }[];
  /** Whether one volunteer could not take both requests (overlap once travel is added). */
  conflicts(a: number, b: number): boolean;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Applies the hard rules to every (request, volunteer) pair and collects what the solvers need. */
export function buildAssignmentProblem(input: BatchInput): AssignmentProblem {
  const config = input.config ?? DEFAULT_MATCHING_CONFIG;
  const requests = [...input.requests].sort((a, b) => a.startsAt - b.startsAt || compareStrings(a.id, b.id));
  const volunteers = [...input.volunteers].sort((a, b) => compareStrings(a.id, b.id));

  const byLanguage = new Map<string, number[]>();
  volunteers.forEach((v, index) => {
    for (const code of new Set(v.languages.map((l) => l.code))) {
      const list = byLanguage.get(code);
      if (list) list.push(index);
      else byLanguage.set(code, [index]);
    }
  });

  const pairs: AssignmentProblem['pairs'] = [];
  const capGroupByKey = new Map<string, { volunteer: number; remaining: number; pairs: number[] }>();
  requests.forEach((request, r) => {
    const prepared = prepareRequest(request, input.now, config);
    for (const v of byLanguage.get(request.language) ?? []) {
      const volunteer = volunteers[v];
      const evaluation = evaluateVolunteer(prepared, volunteer);
      if (!evaluation.eligible) continue;
      const key = `${v}:${prepared.monthKey}`;
      let group = capGroupByKey.get(key);
      if (!group) {
        group = {
          volunteer: v,
          remaining: volunteer.maxDispatchesPerMonth - dispatchesInRequestMonth(prepared, volunteer),
          pairs: [],
        };
        capGroupByKey.set(key, group);
      }
      group.pairs.push(pairs.length);
      pairs.push({ request: r, volunteer: v, score: evaluation.score });
    }
  });

  const rows = requests.map((r) => ({
    id: r.id,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    area: r.mode === 'onsite' ? r.hospitalArea : null,
  }));
  const conflicts = (a: number, b: number): boolean => {
    const x = rows[a];
    const y = rows[b];
    const gap = x.area !== null && y.area !== null ? travelMinutes(x.area, y.area, config) * MS_PER_MINUTE : 0;
    return y.startsAt < x.endsAt + gap && x.startsAt < y.endsAt + gap;
  };
  return {
    requests: rows,
    volunteers: volunteers.map((v) => ({ id: v.id })),
    pairs,
    capGroups: [...capGroupByKey.values()].filter((g) => g.remaining < g.pairs.length),
    conflicts,
  };
}

/** Turns chosen pair indices into the public result. */
export function toBatchResult(problem: AssignmentProblem, chosen: readonly number[]): BatchResult {
  const assignments = chosen
    .map((p) => ({
      requestId: problem.requests[problem.pairs[p].request].id,
      volunteerId: problem.volunteers[problem.pairs[p].volunteer].id,
      score: problem.pairs[p].score,
    }))
    .sort((a, b) => compareStrings(a.requestId, b.requestId));
  const totalScore = Math.round(assignments.reduce((sum, a) => sum + a.score, 0) * 100) / 100;
  return { assignments, filled: assignments.length, totalScore };
}

/**
 * The baseline policy: requests one at a time in start order, each to its best-ranked candidate
 * who is still free (no conflicting request already taken, monthly cap not reached).
 */
export function greedySolve(problem: AssignmentProblem): number[] {
  const pairsByRequest: number[][] = problem.requests.map(() => []);
  problem.pairs.forEach((pair, p) => pairsByRequest[pair.request].push(p));
  const capGroupOfPair = new Map<number, { remaining: number }>();
  for (const group of problem.capGroups) {
    const state = { remaining: group.remaining };
    for (const p of group.pairs) capGroupOfPair.set(p, state);
  }
  const takenByVolunteer: number[][] = problem.volunteers.map(() => []);
  const chosen: number[] = [];
  // Requests are already in (start, id) order.
  pairsByRequest.forEach((candidates, r) => {
    candidates.sort(
      (a, b) =>
        problem.pairs[b].score - problem.pairs[a].score || problem.pairs[a].volunteer - problem.pairs[b].volunteer,
    );
    for (const p of candidates) {
      const v = problem.pairs[p].volunteer;
      const cap = capGroupOfPair.get(p);
      if (cap && cap.remaining <= 0) continue;
      if (takenByVolunteer[v].some((other) => problem.conflicts(other, r))) continue;
      if (cap) cap.remaining--;
      takenByVolunteer[v].push(r);
      chosen.push(p);
      return;
    }
  });
  return chosen;
}

/** Greedy one-at-a-time assignment (the baseline the batch mode is measured against). */
export function greedyAssign(input: BatchInput): BatchResult {
  const problem = buildAssignmentProblem(input);
  return toBatchResult(problem, greedySolve(problem));
}

/** The subset of the `highs` solver this module uses. */
export interface LpSolver {
  solve(
    lp: string,
    options?: Record<string, unknown>,
  ): { Status: string; Columns: Record<string, { Primal?: number }> };
}

let defaultSolver: Promise<LpSolver> | null = null;
function loadSolver(): Promise<LpSolver> {
  defaultSolver ??= highsLoader() as unknown as Promise<LpSolver>;
  return defaultSolver;
}

/**
 * Maximal cliques of pairwise-overlapping [start, end) intervals (sweep line): each time an
 * interval ends right after a run of starts, the active set is a maximal clique.
 */
export function intervalCliques(items: readonly { key: number; start: number; end: number }[]): number[][] {
  const events: { t: number; open: boolean; key: number }[] = [];
  for (const it of items) {
    events.push({ t: it.start, open: true, key: it.key }, { t: it.end, open: false, key: it.key });
  }
  // Half-open intervals: at the same instant, ends come before starts.
  events.sort((a, b) => a.t - b.t || Number(a.open) - Number(b.open) || a.key - b.key);
  const active = new Set<number>();
  const cliques: number[][] = [];
  let lastWasOpen = false;
  for (const e of events) {
    if (e.open) {
      active.add(e.key);
      lastWasOpen = true;
    } else {
      if (lastWasOpen) cliques.push([...active]);
      active.delete(e.key);
      lastWasOpen = false;
    }
  }
  return cliques;
}

/**
 * The ILP: binary x[p] per eligible pair; each request at most once; for each volunteer, each
 * maximal clique of directly overlapping requests at most once, plus one row per pair of
 * requests that only conflict once travel between the hospitals is added; monthly caps.
 * Objective: Σ (M + score) x with M larger than any possible total score, so the number of
 * filled requests is maximised first and the total score second. Scores are scaled to integer
 * hundredths so the objective is integral and optimality is exact.
 */
export function buildLp(problem: AssignmentProblem): { lp: string; bigM: number } {
  const scaled = problem.pairs.map((p) => Math.round(p.score * 100));
  const bestPerRequest = problem.requests.map(() => 0);
  problem.pairs.forEach((p, i) => (bestPerRequest[p.request] = Math.max(bestPerRequest[p.request], scaled[i])));
  const bigM = bestPerRequest.reduce((a, b) => a + b, 0) + 1;

  const lines: string[] = ['Maximize', ' obj:'];
  let line = '';
  const flush = (force = false) => {
    if (line.length > 200 || (force && line)) {
      lines.push(line);
      line = '';
    }
  };
  problem.pairs.forEach((_, i) => {
    line += ` + ${bigM + scaled[i]} x${i}`;
    flush();
  });
  flush(true);
  lines.push('Subject To');
  let rowCount = 0;
  const addRow = (vars: readonly number[], bound: number) => {
    line = ` c${rowCount++}:`;
    for (const v of vars) {
      line += ` + x${v}`;
      flush();
    }
    line += ` <= ${bound}`;
    flush(true);
  };

  const pairsByRequest: number[][] = problem.requests.map(() => []);
  const pairsByVolunteer: number[][] = problem.volunteers.map(() => []);
  problem.pairs.forEach((p, i) => {
    pairsByRequest[p.request].push(i);
    pairsByVolunteer[p.volunteer].push(i);
  });
  for (const vars of pairsByRequest) if (vars.length > 0) addRow(vars, 1);

  for (const vars of pairsByVolunteer) {
    if (vars.length < 2) continue;
    const items = vars.map((p) => {
      const r = problem.requests[problem.pairs[p].request];
      return { key: p, start: r.startsAt, end: r.endsAt };
    });
    for (const clique of intervalCliques(items)) if (clique.length > 1) addRow(clique, 1);
    // Requests that do not overlap but are too close together to travel between.
    for (let a = 0; a < vars.length; a++) {
      for (let b = a + 1; b < vars.length; b++) {
        const ra = problem.pairs[vars[a]].request;
        const rb = problem.pairs[vars[b]].request;
        const x = problem.requests[ra];
        const y = problem.requests[rb];
        // Requests are sorted by start, so once y starts far after x ends nothing later conflicts.
        if (y.startsAt >= x.endsAt + 24 * 60 * MS_PER_MINUTE) break;
        const overlap = y.startsAt < x.endsAt && x.startsAt < y.endsAt;
        if (!overlap && problem.conflicts(ra, rb)) addRow([vars[a], vars[b]], 1);
      }
    }
  }
  for (const group of problem.capGroups) addRow(group.pairs, group.remaining);

  lines.push('Binary');
  problem.pairs.forEach((_, i) => {
    line += ` x${i}`;
    flush();
  });
  flush(true);
  lines.push('End');
  return { lp: lines.join('\n'), bigM };
}

/** Checks a set of chosen pairs against every constraint of the problem. */
export function isFeasible(problem: AssignmentProblem, chosen: readonly number[]): boolean {
  const requestTaken = new Set<number>();
  const byVolunteer = new Map<number, number[]>();
  for (const p of chosen) {
    const pair = problem.pairs[p];
    if (!pair || requestTaken.has(pair.request)) return false;
    requestTaken.add(pair.request);
    const taken = byVolunteer.get(pair.volunteer) ?? [];
    if (taken.some((r) => problem.conflicts(r, pair.request))) return false;
    taken.push(pair.request);
    byVolunteer.set(pair.volunteer, taken);
  }
  const set = new Set(chosen);
  return problem.capGroups.every((g) => g.pairs.filter((p) => set.has(p)).length <= g.remaining);
}

export interface BatchAssignOptions {
  /** Seconds the solver may spend before the best assignment found so far is used. */
  timeLimitSeconds?: number;
  /** Injected solver (tests); defaults to the `highs` WASM build. */
  solver?: LpSolver;
}

/** Solves an {@link AssignmentProblem} exactly with HiGHS; returns the chosen pair indices. */
export async function solveAssignment(
  problem: AssignmentProblem,
  options: BatchAssignOptions = {},
): Promise<{ chosen: number[]; optimal: boolean }> {
  const greedy = greedySolve(problem);
  if (problem.pairs.length === 0) return { chosen: [], optimal: true };
  const solver = options.solver ?? (await loadSolver());
  const { lp } = buildLp(problem);
  const solution = solver.solve(lp, {
    output_flag: false,
    mip_rel_gap: 0,
    mip_abs_gap: 0.5,
    time_limit: options.timeLimitSeconds ?? 30,
  });
  const optimal = solution.Status === 'Optimal';
  const chosen: number[] = [];
  problem.pairs.forEach((_, i) => {
    if ((solution.Columns[`x${i}`]?.Primal ?? 0) > 0.5) chosen.push(i);
  });
  if (!isFeasible(problem, chosen) || value(problem, chosen) < value(problem, greedy))
    return { chosen: greedy, optimal: false };
  return { chosen, optimal };
}

function value(problem: AssignmentProblem, chosen: readonly number[]): number {
  // Lexicographic (filled, score) folded into one comparable number.
  return chosen.length * 1e9 + chosen.reduce((s, p) => s + Math.round(problem.pairs[p].score * 100), 0);
}

/**
 * Batch assignment of many open requests: fills as many requests as possible, then maximises
 * the total ranking score, with no volunteer given two conflicting requests (travel between
 * hospitals included) or more than their remaining monthly cap. Exact (ILP via HiGHS).
 */
export async function batchAssign(input: BatchInput, options: BatchAssignOptions = {}): Promise<BatchAssignResult> {
  const problem = buildAssignmentProblem(input);
  const { chosen, optimal } = await solveAssignment(problem, options);
  return { ...toBatchResult(problem, chosen), optimal };
}
