import fc from 'fast-check';
import {
  AssignmentProblem,
  BatchResult,
  batchAssign,
  buildAssignmentProblem,
  greedyAssign,
  intervalCliques,
} from './batch-assign';
import { rankCandidates, travelMinutes } from '@app/matching';
import type { RequestSnapshot, VolunteerSnapshot } from '@app/matching';
import { GEN_NOW, requestArb, volunteerArb } from '@app/matching/testing/snapshot.arbitraries';
import { NOW, aRequest, aVolunteer, jst } from '@app/matching/testing/snapshot.factory';

/** Exhaustive search: the lexicographic optimum (filled, then total score in hundredths). */
function bruteForce(problem: AssignmentProblem): { filled: number; score: number } {
  const pairsByRequest = problem.requests.map((_, r) =>
    problem.pairs.map((p, i) => ({ ...p, i })).filter((p) => p.request === r),
  );
  const capLeft = new Map<number, number>();
  const groupOf = new Map<number, number>();
  problem.capGroups.forEach((g, gi) => {
    capLeft.set(gi, g.remaining);
    for (const p of g.pairs) groupOf.set(p, gi);
  });
  const taken: number[][] = problem.volunteers.map(() => []);
  let best = { filled: 0, score: 0 };
  const visit = (r: number, filled: number, score: number) => {
    if (r === problem.requests.length) {
      if (filled > best.filled || (filled === best.filled && score > best.score)) best = { filled, score };
      return;
    }
    visit(r + 1, filled, score);
    for (const p of pairsByRequest[r]) {
      const g = groupOf.get(p.i);
      if (g !== undefined && capLeft.get(g)! <= 0) continue;
      if (taken[p.volunteer].some((other) => problem.conflicts(other, r))) continue;
      if (g !== undefined) capLeft.set(g, capLeft.get(g)! - 1);
      taken[p.volunteer].push(r);
      visit(r + 1, filled + 1, score + Math.round(p.score * 100));
      taken[p.volunteer].pop();
      if (g !== undefined) capLeft.set(g, capLeft.get(g)! + 1);
    }
  };
  visit(0, 0, 0);
  return best;
}

/** Checks a result against the snapshots with straightforward code, not the engine's problem model. */
function expectFeasible(
  result: BatchResult,
  requests: readonly RequestSnapshot[],
  volunteers: readonly VolunteerSnapshot[],
  now: number,
): void {
  const requestById = new Map(requests.map((r) => [r.id, r]));
  const volunteerById = new Map(volunteers.map((v) => [v.id, v]));
  expect(new Set(result.assignments.map((a) => a.requestId)).size).toBe(result.assignments.length);
  for (const a of result.assignments) {
    const ranked = rankCandidates({
      request: requestById.get(a.requestId)!,
      volunteers: [volunteerById.get(a.volunteerId)!],
      now,
    });
    expect(ranked.eligible.map((c) => c.score)).toEqual([a.score]);
  }
  const monthOf = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 7);
  for (const v of volunteers) {
    const mine = result.assignments.filter((a) => a.volunteerId === v.id).map((a) => requestById.get(a.requestId)!);
    for (const x of mine) {
      for (const y of mine) {
        if (x === y) continue;
        const gap =
          x.mode === 'onsite' && y.mode === 'onsite' ? travelMinutes(x.hospitalArea, y.hospitalArea) * 60_000 : 0;
        expect(y.startsAt >= x.endsAt + gap || x.startsAt >= y.endsAt + gap).toBe(true);
      }
      const month = monthOf(x.startsAt);
      const already =
        month === monthOf(now)
          ? v.dispatchesThisMonth
          : v.dispatches.filter((d) => monthOf(d.startsAt) === month).length;
      expect(already + mine.filter((y) => monthOf(y.startsAt) === month).length).toBeLessThanOrEqual(
        v.maxDispatchesPerMonth,
      );
    }
  }
}

const instanceArb = (maxRequests: number, maxVolunteers: number, slots: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxRequests }), fc.integer({ min: 1, max: maxVolunteers }))
    .chain(([nr, nv]) =>
      fc.tuple(
        fc.tuple(...Array.from({ length: nr }, (_, i) => requestArb(`r${String(i).padStart(2, '0')}`))),
        fc.tuple(...Array.from({ length: nv }, (_, i) => volunteerArb(`v${String(i).padStart(2, '0')}`))),
      ),
    )
    // Squeeze the requests into a few days so that they compete for the same volunteers.
    .map(
      ([requests, volunteers]) =>
        [
          requests.map((r) => {
            const length = r.endsAt - r.startsAt;
            const startsAt = GEN_NOW + 3 * 86_400_000 + ((r.startsAt / 900_000) % slots) * 900_000;
            return { ...r, role: 'primary' as const, startsAt, endsAt: startsAt + length };
          }),
          volunteers,
        ] as const,
    );

describe(batchAssign.name, () => {
  it('fills both requests when the best candidate of the first is the only one for the second', async () => {
    // Greedy gives r1 to the higher-ranked v-a, then r2 (same time, only v-a speaks ne) goes unfilled.
    const r1 = aRequest({ id: 'r1' });
    const r2 = aRequest({ id: 'r2', language: 'ne', hospitalId: 'h2' });
    const va = aVolunteer({
      id: 'v-a',
      languages: [
        { code: 'vi', proficiency: 'native' },
        { code: 'ne', proficiency: 'native' },
      ],
      responseRate: 1,
    });
    const vb = aVolunteer({ id: 'v-b', responseRate: 0 });
    const input = { requests: [r1, r2], volunteers: [va, vb], now: NOW };
    expect(greedyAssign(input).filled).toBe(1);
    const batch = await batchAssign(input);
    expect(batch.filled).toBe(2);
    expect(batch.optimal).toBe(true);
    expect(batch.assignments.map((a) => [a.requestId, a.volunteerId])).toEqual([
      ['r1', 'v-b'],
      ['r2', 'v-a'],
    ]);
  });

  it('does not give one volunteer two visits too close to travel between', async () => {
    const r1 = aRequest({
      id: 'r1',
      hospitalArea: '中央区',
      startsAt: jst('2026-12-01T09:00'),
      endsAt: jst('2026-12-01T10:00'),
    });
    const r2 = aRequest({
      id: 'r2',
      hospitalArea: '菊池市',
      startsAt: jst('2026-12-01T10:30'),
      endsAt: jst('2026-12-01T11:30'),
    });
    const result = await batchAssign({ requests: [r1, r2], volunteers: [aVolunteer({ id: 'v1' })], now: NOW });
    expect(result.filled).toBe(1);
  });

  it('respects the remaining monthly cap', async () => {
    const days = ['02', '03', '04'].map((d, i) =>
      aRequest({ id: `r${i}`, startsAt: jst(`2026-12-${d}T10:00`), endsAt: jst(`2026-12-${d}T11:00`) }),
    );
    const result = await batchAssign({
      requests: days,
      volunteers: [aVolunteer({ id: 'v1', maxDispatchesPerMonth: 2 })],
      now: NOW,
    });
    expect(result.filled).toBe(2);
  });

  it('matches a brute-force optimum and stays feasible on small random instances', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb(7, 7, 96), async ([requests, volunteers]) => {
        const input = { requests, volunteers, now: GEN_NOW };
        const result = await batchAssign(input);
        const optimum = bruteForce(buildAssignmentProblem(input));
        expect(result.filled).toBe(optimum.filled);
        expect(Math.round(result.totalScore * 100)).toBe(optimum.score);
        expectFeasible(result, requests, volunteers, GEN_NOW);
        expectFeasible(greedyAssign(input), requests, volunteers, GEN_NOW);
      }),
      { numRuns: 60 },
    );
  });

  it('never fills fewer requests than greedy on larger random instances', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb(40, 25, 192), async ([requests, volunteers]) => {
        const input = { requests, volunteers, now: GEN_NOW };
        const batch = await batchAssign(input);
        const greedy = greedyAssign(input);
        expect(batch.filled).toBeGreaterThanOrEqual(greedy.filled);
        if (batch.filled === greedy.filled) expect(batch.totalScore).toBeGreaterThanOrEqual(greedy.totalScore - 1e-9);
        expectFeasible(batch, requests, volunteers, GEN_NOW);
      }),
      { numRuns: 15 },
    );
  });

  it('gives the same answer whatever the order of requests and volunteers', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb(7, 7, 96), async ([requests, volunteers]) => {
        const a = await batchAssign({ requests, volunteers, now: GEN_NOW });
        const b = await batchAssign({
          requests: [...requests].reverse(),
          volunteers: [...volunteers].reverse(),
          now: GEN_NOW,
        });
        expect(b).toEqual(a);
      }),
      { numRuns: 20 },
    );
  });
});

describe(intervalCliques.name, () => {
  it('finds the maximal cliques of overlapping intervals, treating touching ones as apart', () => {
    const cliques = intervalCliques([
      { key: 0, start: 0, end: 10 },
      { key: 1, start: 5, end: 15 },
      { key: 2, start: 8, end: 20 },
      { key: 3, start: 15, end: 25 },
      { key: 4, start: 25, end: 30 },
    ]);
    expect(cliques.map((c) => [...c].sort())).toEqual([[0, 1, 2], [2, 3], [4]]);
  });
});
