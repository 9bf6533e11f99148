import { gini, quantile } from './metrics';
import { diagnose } from './diagnose';
import { parseArgs, runSimulator } from './main';
import { POLICIES } from './policies';
import { textTable } from './report';
import { buildScenario, DAY, HOUR } from './scenario';
import { simulate, willing } from './simulate';

// The first 300 filings of the small year keep the spec fast.
jest.setTimeout(60_000);

describe('dispatch simulator', () => {
  it('gives the same table for the same seed', async () => {
    const a = await runSimulator(7, 'small', POLICIES, 300);
    const b = await runSimulator(7, 'small', POLICIES, 300);
    expect(textTable(a.rows)).toBe(textTable(b.rows));
    expect(a.rows.map((r) => r.dispatchesPerVolunteer)).toEqual(b.rows.map((r) => r.dispatchesPerVolunteer));
  });

  it('never lets a policy fill more than the offline optimum, and keeps rates between 0 and 1', async () => {
    const report = await runSimulator(11, 'small', POLICIES, 300);
    expect(report.optimumFilled).toBeLessThanOrEqual(report.supplyBoundFilled);
    expect(report.optimumKnownDropoutsFilled).toBeLessThanOrEqual(report.optimumFilled);
    for (const row of report.rows) {
      expect(row.filled).toBeLessThanOrEqual(report.optimumFilled);
      for (const rate of [row.fillRate, row.fillVsOptimum, row.gini, row.continuity ?? 0]) {
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(1);
      }
      expect(row.minutesToFill.every((m) => m >= 0)).toBe(true);
    }
  });
});

describe('staff swaps (production)', () => {
  it('fills escalated requests by handing dispatches on, and every final dispatch still keeps the rules', async () => {
    const scenario = buildScenario(20260401, 'small');
    const production = POLICIES.find((p) => p.id === 'production')!;
    const withSwaps = await simulate(scenario, production);
    const without = await simulate(scenario, { ...production, staffSwaps: false });
    expect(withSwaps.swaps).toBeGreaterThan(0);
    expect(without.swaps).toBe(0);
    const requests = new Map(scenario.requests.map((r) => [r.snapshot.id, r]));
    const volunteers = new Map(scenario.volunteers.map((v) => [v.id, v]));
    const held = new Map<string, { startsAt: number; endsAt: number; month: number }[]>();
    for (const o of withSwaps.outcomes.filter((x) => x.filled)) {
      const r = requests.get(o.id)!;
      const v = volunteers.get(o.volunteerId!)!;
      // Only someone who would say yes ends up with the visit: a swap never forces anyone.
      expect(willing(scenario, r, v)).toBe(true);
      const month = new Date(r.snapshot.startsAt + 9 * HOUR).getUTCMonth();
      const list = held.get(v.id) ?? [];
      for (const d of list) expect(d.startsAt < r.snapshot.endsAt && r.snapshot.startsAt < d.endsAt).toBe(false);
      list.push({ startsAt: r.snapshot.startsAt, endsAt: r.snapshot.endsAt, month });
      held.set(v.id, list);
      expect(list.filter((d) => d.month === month).length).toBeLessThanOrEqual(v.maxDispatchesPerMonth);
    }
  });
});

describe('gap diagnosis', () => {
  it('files every request the optimum fills and the policy does not under exactly one reason, and orders the reference points', async () => {
    const full = buildScenario(7, 'small');
    const scenario = { ...full, requests: full.requests.slice(0, 300) };
    const production = POLICIES.find((p) => p.id === 'production')!;
    const d = await diagnose(scenario, production);
    expect(d.gap.length).toBe(Object.values(d.byReason).reduce((a, b) => a + b, 0));
    expect(Object.values(d.byLead).reduce((a, b) => a + b, 0)).toBe(d.gap.length);
    // Filled by the optimum and not the policy, minus the reverse, is exactly the difference in fills.
    expect(d.optimumFilled - d.policyFilled).toBe(d.gap.length - d.policyOnly);
    for (const g of d.gap) expect(g.yesSayers).toBeGreaterThan(0);
    // Knowing the dropouts too only removes pairs; confirming at filing is one feasible plan of that problem.
    expect(d.optimumKnownDropoutsFilled).toBeLessThanOrEqual(d.optimumFilled);
    // So is re-planning at every filing: whatever it moves, its last plan is feasible for the year.
    for (const filled of [...Object.values(d.instantFilled), ...Object.values(d.replanFilled)]) {
      expect(filled).toBeLessThanOrEqual(d.optimumKnownDropoutsFilled);
      expect(filled).toBeGreaterThan(0);
    }
  });
});

describe('scenario generator', () => {
  it('is repeatable and files every request before its visit', () => {
    const a = buildScenario(3, 'small');
    const b = buildScenario(3, 'small');
    expect(a.requests.map((r) => [r.snapshot.id, r.filedAt, r.snapshot.language])).toEqual(
      b.requests.map((r) => [r.snapshot.id, r.filedAt, r.snapshot.language]),
    );
    expect(a.requests).toHaveLength(1_500);
    expect(a.volunteers).toHaveLength(80);
    for (const r of a.requests) {
      expect(r.filedAt).toBeLessThan(r.snapshot.startsAt);
      expect(r.snapshot.startsAt - r.filedAt).toBeLessThan(60 * DAY);
    }
  });
});

describe('metrics', () => {
  it('computes the Gini coefficient', () => {
    expect(gini([2, 2, 2, 2])).toBe(0);
    expect(gini([0, 0, 0, 4])).toBeCloseTo(0.75);
    expect(gini([])).toBe(0);
  });

  it('takes nearest-rank quantiles', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(quantile([], 0.5)).toBeNull();
  });

  it('parses the command line', () => {
    expect(parseArgs(['--seed', '5', '--size=large', '--report'])).toEqual({
      seed: 5,
      size: 'large',
      report: true,
      diagnose: null,
    });
    expect(parseArgs(['--diagnose'])).toMatchObject({ diagnose: 'production' });
    expect(parseArgs(['--diagnose', 'waves', '--seed', '3'])).toMatchObject({ diagnose: 'waves', seed: 3 });
    expect(() => parseArgs(['--size', 'huge'])).toThrow('--size');
  });
});
