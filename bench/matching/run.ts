/**
 * Matching benchmark: `npm run bench:matching`. Seeded data, so the figures are reproducible
 * (apart from the machine's speed).
 */
import { performance } from 'node:perf_hooks';
import { rankCandidates } from '@app/matching';
import { batchAssign, greedyAssign } from './batch-assign';
import { BENCH_NOW, syntheticRequests, syntheticVolunteers } from './synthetic';

export interface Timing {
  median: number;
  p95: number;
}

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}

export function benchRanking(
  volunteerCount: number,
  runs = 100,
  warmUp = 20,
): Timing & { volunteers: number; eligible: number } {
  const volunteers = syntheticVolunteers(volunteerCount, 1);
  const requests = syntheticRequests(runs, 2).filter((r) => r.language === 'vi');
  let eligible = 0;
  for (let i = 0; i < warmUp; i++)
    rankCandidates({ request: requests[i % requests.length], volunteers, now: BENCH_NOW });
  const samples: number[] = [];
  for (let i = 0; i < Math.max(runs, 50); i++) {
    const request = requests[i % requests.length];
    const t0 = performance.now();
    const result = rankCandidates({ request, volunteers, now: BENCH_NOW });
    samples.push(performance.now() - t0);
    eligible += result.eligible.length;
  }
  return { volunteers: volunteerCount, eligible: Math.round(eligible / samples.length), ...summarise(samples) };
}

export async function benchBatch(requestCount: number, volunteerCount: number) {
  const input = {
    requests: syntheticRequests(requestCount, 3),
    volunteers: syntheticVolunteers(volunteerCount, 4),
    now: BENCH_NOW,
  };
  let t0 = performance.now();
  const batch = await batchAssign(input);
  const batchMs = performance.now() - t0;
  t0 = performance.now();
  const greedy = greedyAssign(input);
  const greedyMs = performance.now() - t0;
  return { size: `${requestCount}×${volunteerCount}`, batchMs, batch, greedyMs, greedy };
}

const fmt = (x: number) => x.toFixed(2).padStart(9);

/** Which parts to run: `--only ranking,batch,candidates` (default all). */
function parts(argv: string[]): Set<string> {
  const at = argv.indexOf('--only');
  return new Set(at >= 0 ? argv[at + 1].split(',') : ['ranking', 'batch', 'candidates']);
}

const RANKING_TARGET_MS = 10;
const CANDIDATES_TARGET_MS = 50;
const RANKING_REPEATS = 5;

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const only = parts(argv);
  let met = true;
  if (only.has('ranking')) {
    console.log('Ranking one request (vi) against N volunteers — 20 warm-up runs, 100 timed runs');
    console.log('volunteers   eligible   median ms     p95 ms');
    for (const n of [1_000, 10_000, 50_000]) {
      const r = benchRanking(n);
      console.log(`${String(n).padStart(10)} ${String(r.eligible).padStart(10)} ${fmt(r.median)}  ${fmt(r.p95)}`);
    }
    const p95s = Array.from({ length: RANKING_REPEATS }, () => benchRanking(10_000).p95);
    const worst = Math.max(...p95s);
    met &&= worst <= RANKING_TARGET_MS;
    console.log(
      `10,000 volunteers, ${RANKING_REPEATS} more runs: p95 ${p95s.map((x) => x.toFixed(2)).join(' / ')} ms — target ≤ ${RANKING_TARGET_MS} ms in each: ${worst <= RANKING_TARGET_MS ? 'met' : 'MISSED'}`,
    );
  }

  if (only.has('batch')) {
    // Load the WASM solver before timing anything.
    await batchAssign({ requests: [], volunteers: [], now: BENCH_NOW });
    console.log('\nBatch assignment (ILP, HiGHS) vs greedy one-at-a-time');
    console.log('size          batch ms  filled     score |  greedy ms  filled     score');
    for (const [r, v] of [
      [50, 200],
      [200, 1_000],
      [500, 2_000],
    ] as const) {
      const b = await benchBatch(r, v);
      console.log(
        `${b.size.padEnd(10)} ${fmt(b.batchMs)} ${String(b.batch.filled).padStart(7)} ${b.batch.totalScore.toFixed(1).padStart(9)} | ${fmt(b.greedyMs)} ${String(b.greedy.filled).padStart(7)} ${b.greedy.totalScore.toFixed(1).padStart(9)}${b.batch.optimal ? '' : '  (solver time limit: best found)'}`,
      );
    }
  }

  if (only.has('candidates')) {
    const { benchCandidatesHttp } = await import('./candidates-http');
    const http = await benchCandidatesHttp(5_000);
    const h = http.history;
    console.log(
      `\nGET /api/requests/:id/candidates over HTTP, 5,000 volunteers in PostgreSQL with a year of history (${h?.requests} requests, ${h?.dispatches} dispatches, ${h?.offers} offers) — 20 warm-up, 100 timed calls from a client process of its own`,
    );
    console.log('volunteers   eligible   excluded   median ms     p95 ms');
    console.log(
      `${String(5_000).padStart(10)} ${String(http.eligible).padStart(10)} ${String(http.excluded).padStart(10)} ${fmt(http.median)}  ${fmt(http.p95)}`,
    );
    met &&= http.p95 <= CANDIDATES_TARGET_MS;
    console.log(`target p95 ≤ ${CANDIDATES_TARGET_MS} ms: ${http.p95 <= CANDIDATES_TARGET_MS ? 'met' : 'MISSED'}`);
  }
  if (!met) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
