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
 */
import { evaluateVolunteer, prepareRequest, VolunteerSnapshot } from '@app/matching';
import { DAY, FY_START, HOUR, Scenario } from './scenario';
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
  // How many requests filed so far each volunteer could have taken (static rules): known online.
  const fresh = new Map(initialVolunteerStates(scenario).map((s) => [s.model.id, s.snapshot as unknown as VolunteerSnapshot]));
  const versatility = new Map(scenario.volunteers.map((v) => [v.id, 0]));
  const rng = order.startsWith('random-') ? createRng(Number(order.slice(7))) : null;
  const noise = new Map(scenario.volunteers.map((v) => [v.id, 0]));
  for (const r of scenario.requests) {
    const prepared = prepareRequest(r.snapshot, before);
    if (order.includes('versatility')) for (const v of scenario.volunteers) if (evaluateVolunteer(prepared, fresh.get(v.id)!).eligible) versatility.set(v.id, versatility.get(v.id)! + 1);
    if (rng) for (const v of scenario.volunteers) noise.set(v.id, rng.next());
    const free = scenario.volunteers
      .filter((v) => willing(scenario, r, v) && !wouldDropOut(scenario, r, v))
      .filter((v) => evaluateVolunteer(prepared, snapshots.get(v.id)!).eligible);
    if (free.length === 0) continue;
    const room = (v: (typeof free)[number]) => v.maxDispatchesPerMonth - used(v.id, r.snapshot.startsAt);
    const vers = (v: (typeof free)[number]) => versatility.get(v.id)!;
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
    const snapshot = snapshots.get(chosen.id)! as VolunteerSnapshot & { dispatches: VolunteerSnapshot['dispatches'][number][] };
    snapshot.dispatches.push({ startsAt: r.snapshot.startsAt, endsAt: r.snapshot.endsAt, area: r.snapshot.mode === 'onsite' ? r.snapshot.hospitalArea : null } as never);
    monthCount.set(`${chosen.id}:${monthKey(r.snapshot.startsAt)}`, used(chosen.id, r.snapshot.startsAt) + 1);
    filled++;
  }
  return { filled };
}
