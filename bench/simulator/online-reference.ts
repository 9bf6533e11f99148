/**
 * Reference points between the policies and the offline optimum (for `--diagnose`). They read the
 * hidden accept and dropout draws, so they are not policies — they measure how much of the gap
 * comes from not knowing the future filings rather than from not knowing the answers.
 *
 * * `instant`: requests are taken in filing order; at its filing each request is confirmed at once
 *   with a volunteer who would say yes, would not drop out and is free now (no overlap, room under
 *   the monthly cap). Every answer is known instantly and nobody fails to answer: this is what a
 *   policy that confirms as soon as someone says yes could fill with perfect luck in whom it asks.
 *   Which free yes-sayer is chosen is `order`: most room under the cap (`headroom`), roster order,
 *   fewest requests filed so far that the volunteer could take (`versatility`, keeping versatile
 *   volunteers for later), room then versatility, or a seeded random order (`random-N`).
 * * `replan`: at every filing, all open requests are assigned anew, moving confirmed dispatches
 *   freely (see `replanReference`).
 */
import { evaluateVolunteer, prepareRequest, VolunteerSnapshot } from '@app/matching';
import { buildAssignmentProblem, solveAssignment } from '../matching/batch-assign';
import { restrictPairs } from './optimum';
import { DAY, FY_START, HOUR, Scenario, ScenarioRequest } from './scenario';
import { createRng } from '../matching/synthetic';
import { initialVolunteerStates, willing, wouldDropOut } from './simulate';

export interface ReferenceResult {
  filled: number;
}

function monthKey(t: number): number {
  const d = new Date(t + 9 * HOUR);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** Confirm-at-filing with every answer known: see the file comment. */
export type InstantOrder = 'headroom' | 'roster' | 'versatility' | 'headroom-versatility' | `random-${number}`;

export function instantReference(scenario: Scenario, order: InstantOrder = 'headroom'): ReferenceResult {
  const states = initialVolunteerStates(scenario);
  const snapshots = new Map(states.map((s) => [s.model.id, s.snapshot as unknown as VolunteerSnapshot]));
  const before = FY_START - 40 * DAY;
  const monthCount = new Map<string, number>();
  const used = (id: string, t: number) => monthCount.get(`${id}:${monthKey(t)}`) ?? 0;
  let filled = 0;
  const versatility = versatilityCounter(scenario);
  const rng = order.startsWith('random-') ? createRng(Number(order.slice(7))) : null;
  const noise = new Map(scenario.volunteers.map((v) => [v.id, 0]));
  for (const r of scenario.requests) {
    const prepared = prepareRequest(r.snapshot, before);
    if (order.includes('versatility')) versatility.file(prepared);
    if (rng) for (const v of scenario.volunteers) noise.set(v.id, rng.next());
    const free = scenario.volunteers
      .filter((v) => willing(scenario, r, v) && !wouldDropOut(scenario, r, v))
      .filter((v) => evaluateVolunteer(prepared, snapshots.get(v.id)!).eligible);
    if (free.length === 0) continue;
    const room = (v: (typeof free)[number]) => v.maxDispatchesPerMonth - used(v.id, r.snapshot.startsAt);
    const vers = (v: (typeof free)[number]) => versatility.of(v.id);
    const chosen = [...free].sort((a, b) => {
      switch (order) {
        case 'roster':
          return a.roster - b.roster;
        case 'versatility':
          return vers(a) - vers(b) || room(b) - room(a) || a.roster - b.roster;
        case 'headroom-versatility':
          return room(b) - room(a) || vers(a) - vers(b) || a.roster - b.roster;
        case 'headroom':
          return room(b) - room(a) || a.roster - b.roster;
        default:
          return noise.get(a.id)! - noise.get(b.id)!;
      }
    })[0];
    const snapshot = snapshots.get(chosen.id)! as VolunteerSnapshot & {
      dispatches: VolunteerSnapshot['dispatches'][number][];
    };
    snapshot.dispatches.push({
      startsAt: r.snapshot.startsAt,
      endsAt: r.snapshot.endsAt,
      area: r.snapshot.mode === 'onsite' ? r.snapshot.hospitalArea : null,
    });
    monthCount.set(`${chosen.id}:${monthKey(r.snapshot.startsAt)}`, used(chosen.id, r.snapshot.startsAt) + 1);
    filled++;
  }
  return { filled };
}

/**
 * How many requests filed so far each volunteer could have taken by the static rules (language,
 * level, availability, gender…): known online, it says who is versatile and better kept free.
 */
function versatilityCounter(scenario: Scenario) {
  const fresh = initialVolunteerStates(scenario).map((s) => s.snapshot as unknown as VolunteerSnapshot);
  const counts = new Map(fresh.map((v) => [v.id, 0]));
  return {
    file(prepared: ReturnType<typeof prepareRequest>): void {
      for (const v of fresh) if (evaluateVolunteer(prepared, v).eligible) counts.set(v.id, counts.get(v.id)! + 1);
    },
    of: (id: string): number => counts.get(id)!,
  };
}

/** Which of several equally full assignments `replanReference` keeps: the best ranking scores, or the least versatile volunteers. */
export type ReplanPreference = 'score' | 'versatility';

/**
 * `replan`: requests are taken in filing order; at each filing, every filed request whose visit
 * is still ahead is assigned anew by the exact batch assignment (`solveAssignment`: most requests
 * filled, then `prefer`), with every answer and dropout known — except that a dispatch less than
 * `noticeMs` before its visit stays with its volunteer (a staff swap needs a day's notice).
 * Confirmed dispatches may be moved any number of times, at no cost and with nobody to ask: a
 * yardstick for a policy that knows the answers but not the future filings, however many
 * dispatches it moves.
 */
export async function replanReference(
  scenario: Scenario,
  prefer: ReplanPreference,
  noticeMs = DAY,
): Promise<ReferenceResult> {
  const before = FY_START - 40 * DAY;
  const volunteers = initialVolunteerStates(scenario).map((s) => s.snapshot as unknown as VolunteerSnapshot);
  const models = new Map(scenario.volunteers.map((v) => [v.id, v]));
  const byId = new Map(scenario.requests.map((r) => [r.snapshot.id, r]));
  const versatility = versatilityCounter(scenario);
  /** Request id → volunteer id, for every request assigned now (visits past included). */
  const assigned = new Map<string, string>();
  const filed: ScenarioRequest[] = [];
  for (const r of scenario.requests) {
    const t = r.filedAt;
    filed.push(r);
    if (prefer === 'versatility') versatility.file(prepareRequest(r.snapshot, before));
    const settled = (x: ScenarioRequest) => x.snapshot.startsAt <= t || x.snapshot.startsAt - t < noticeMs;
    const movable = filed.filter((x) => x.snapshot.startsAt > t && !(assigned.has(x.snapshot.id) && settled(x)));
    // What stays where it is: past visits (they count against the monthly cap) and those too close to move.
    const held = new Map<string, VolunteerSnapshot['dispatches'][number][]>();
    for (const [requestId, volunteerId] of assigned) {
      const x = byId.get(requestId)!;
      if (!settled(x)) continue;
      const list = held.get(volunteerId) ?? [];
      list.push({
        startsAt: x.snapshot.startsAt,
        endsAt: x.snapshot.endsAt,
        area: x.snapshot.mode === 'onsite' ? x.snapshot.hospitalArea : null,
      });
      held.set(volunteerId, list);
    }
    let problem = buildAssignmentProblem({
      requests: movable.map((x) => x.snapshot),
      volunteers: volunteers.map((v) => ({ ...v, dispatches: held.get(v.id) ?? [] })),
      now: before,
    });
    problem = restrictPairs(problem, (p) => {
      const x = byId.get(problem.requests[p.request].id)!;
      const v = models.get(problem.volunteers[p.volunteer].id)!;
      return willing(scenario, x, v) && !wouldDropOut(scenario, x, v);
    });
    if (prefer === 'versatility') {
      const scored = problem;
      problem = {
        ...scored,
        pairs: scored.pairs.map((p) => ({
          ...p,
          score: 100 - (100 * versatility.of(scored.volunteers[p.volunteer].id)) / filed.length,
        })),
      };
    }
    const { chosen } = await solveAssignment(problem, { timeLimitSeconds: 5 });
    for (const x of movable) assigned.delete(x.snapshot.id);
    for (const p of chosen)
      assigned.set(problem.requests[problem.pairs[p].request].id, problem.volunteers[problem.pairs[p].volunteer].id);
  }
  return { filled: assigned.size };
}
