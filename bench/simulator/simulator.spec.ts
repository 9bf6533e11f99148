import { gini, quantile } from './metrics';
import { parseArgs, runSimulator } from './main';
import { POLICIES } from './policies';
import { textTable } from './report';
import { buildScenario, DAY } from './scenario';

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

describe('scenario generator', () => {
  it('is repeatable and files every request before its visit', () => {
    const a = buildScenario(3, 'small');
    const b = buildScenario(3, 'small');
    expect(a.requests.map((r) => [r.snapshot.id, r.filedAt, r.snapshot.language])).toEqual(b.requests.map((r) => [r.snapshot.id, r.filedAt, r.snapshot.language]));
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
    expect(parseArgs(['--seed', '5', '--size=large', '--report'])).toEqual({ seed: 5, size: 'large', report: true });
    expect(() => parseArgs(['--size', 'huge'])).toThrow('--size');
  });
});
