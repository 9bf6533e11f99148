import { AssignmentProblem, buildAssignmentProblem, solveAssignment } from '../matching/batch-assign';
import { DAY, FY_START, HOUR, Scenario, ScenarioRequest } from './scenario';
import { initialVolunteerStates, willing, wouldDropOut } from './simulate';

export interface OptimumResult {
  /** Request id → volunteer id. */
  assignments: Map<string, string>;
  filled: number;
  /** Whether every monthly problem was solved to proven optimality. */
  optimal: boolean;
  dispatchesPerVolunteer: number[];
}

/**
 * The offline optimum: every request and every availability known in advance, solved exactly by
 * the matching library's batch assignment (HiGHS). With `knownAnswers`, only the pairs where the
 * volunteer would say yes (the same draw the policies meet) are allowed: the bound no policy can
 * beat. With `knownDropouts` too, pairs where the volunteer would drop out after confirming are
 * left out as well (a tighter bound: such a pair only counts if it is confirmed less than 2 hours
 * before the visit, which the optimum gives up). Without `knownAnswers`, everyone eligible says yes: the bound set by the pool's size and availability.
 * Monthly caps are the only constraint linking visits across days and visits never cross
 * midnight, so the year splits exactly into one problem per calendar month.
 */
export async function offlineOptimum(
  scenario: Scenario,
  knownAnswers: boolean,
  knownDropouts = false,
): Promise<OptimumResult> {
  const states = initialVolunteerStates(scenario);
  const volunteers = states.map((v) => v.snapshot);
  const byMonth = new Map<number, ScenarioRequest[]>();
  for (const r of scenario.requests) {
    const d = new Date(r.snapshot.startsAt + 9 * HOUR);
    const key = d.getUTCFullYear() * 12 + d.getUTCMonth();
    const list = byMonth.get(key) ?? [];
    list.push(r);
    byMonth.set(key, list);
  }
  const requestById = new Map(scenario.requests.map((r) => [r.snapshot.id, r]));
  const modelById = new Map(scenario.volunteers.map((v) => [v.id, v]));
  const assignments = new Map<string, string>();
  let optimal = true;
  // "now" before the year, so each month's cap counts from the (empty) dispatch list.
  const now = FY_START - 40 * DAY;
  for (const key of [...byMonth.keys()].sort((a, b) => a - b)) {
    let problem = buildAssignmentProblem({ requests: byMonth.get(key)!.map((r) => r.snapshot), volunteers, now });
    if (knownAnswers) {
      problem = restrictPairs(problem, (p) => {
        const r = requestById.get(problem.requests[p.request].id)!;
        const v = modelById.get(problem.volunteers[p.volunteer].id)!;
        return willing(scenario, r, v) && !(knownDropouts && wouldDropOut(scenario, r, v));
      });
    }
    const { chosen, optimal: solved } = await solveAssignment(problem, { timeLimitSeconds: 20 });
    optimal &&= solved;
    for (const p of chosen)
      assignments.set(problem.requests[problem.pairs[p].request].id, problem.volunteers[problem.pairs[p].volunteer].id);
  }
  const index = new Map(volunteers.map((v, i) => [v.id, i]));
  const dispatchesPerVolunteer = volunteers.map(() => 0);
  for (const id of assignments.values()) dispatchesPerVolunteer[index.get(id)!]++;
  return { assignments, filled: assignments.size, optimal, dispatchesPerVolunteer };
}

/** The same problem with only the pairs `keep` accepts (cap groups re-indexed). */
export function restrictPairs(
  problem: AssignmentProblem,
  keep: (pair: AssignmentProblem['pairs'][number]) => boolean,
): AssignmentProblem {
  const newIndex = new Map<number, number>();
  const pairs: AssignmentProblem['pairs'] = [];
  problem.pairs.forEach((pair, i) => {
    if (!keep(pair)) return;
    newIndex.set(i, pairs.length);
    pairs.push(pair);
  });
  const capGroups = problem.capGroups
    .map((g) => ({ ...g, pairs: g.pairs.filter((p) => newIndex.has(p)).map((p) => newIndex.get(p)!) }))
    .filter((g) => g.remaining < g.pairs.length);
  return { ...problem, pairs, capGroups };
}
