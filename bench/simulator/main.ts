/**
 * Dispatch simulator: `npm run simulate -- [--seed N] [--size small|large] [--report]`.
 * Replays a synthetic fiscal year under each offer policy and compares them with the offline
 * optimum. Same seed and size → the same table (only the runtime differs).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { diagnose, diagnosisText } from './diagnose';
import { figures, PolicyFigures } from './metrics';
import { offlineOptimum } from './optimum';
import { POLICIES, PolicySpec } from './policies';
import { htmlReport, Report, textTable, unfilledTable } from './report';
import { buildScenario, SizeName, SIZES } from './scenario';
import { simulate } from './simulate';

export const DEFAULT_SEED = 20260401;

export interface SimulatorOptions {
  seed: number;
  size: SizeName;
  report: boolean;
  /** Print why this policy misses requests the optimum fills, instead of the table. */
  diagnose: string | null;
}

export function parseArgs(argv: readonly string[]): SimulatorOptions {
  const options: SimulatorOptions = { seed: DEFAULT_SEED, size: 'small', report: false, diagnose: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--report') options.report = true;
    else if (arg === '--diagnose')
      options.diagnose = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'production';
    else if (arg.startsWith('--diagnose=')) options.diagnose = value();
    else if (arg.startsWith('--seed')) {
      options.seed = Number(value());
      if (!Number.isInteger(options.seed) || options.seed < 0) throw new Error('--seed must be a non-negative integer');
    } else if (arg.startsWith('--size')) {
      const size = value();
      if (!(size in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
      options.size = size as SizeName;
    } else throw new Error(`Unknown option ${arg} (use --seed N, --size small|large, --report, --diagnose [policy])`);
  }
  return options;
}

/** Runs every policy and the three optimum bounds on one scenario. */
export async function runSimulator(
  seed: number,
  size: SizeName,
  policies: readonly PolicySpec[] = POLICIES,
  firstRequests?: number,
): Promise<Report> {
  const t0 = performance.now();
  const full = buildScenario(seed, size);
  // Tests replay only the first filings of the year, to stay fast.
  const scenario = firstRequests === undefined ? full : { ...full, requests: full.requests.slice(0, firstRequests) };
  const optimum = await offlineOptimum(scenario, true);
  const knownDropouts = await offlineOptimum(scenario, true, true);
  const supply = await offlineOptimum(scenario, false);
  const rows: PolicyFigures[] = [];
  for (const policy of policies) {
    const run = await simulate(scenario, policy);
    rows.push(
      figures({
        id: policy.id,
        label: policy.label,
        outcomes: run.outcomes,
        dispatchesPerVolunteer: run.dispatchesPerVolunteer,
        contacts: run.contacts,
        escalations: policy.kind === 'manual' ? null : run.escalations,
        optimumFilled: optimum.filled,
      }),
    );
  }
  const optimumOutcomes = scenario.requests.map((r) => ({
    id: r.snapshot.id,
    language: r.snapshot.language,
    patientKey: r.snapshot.patientKey ?? r.snapshot.id,
    startsAt: r.snapshot.startsAt,
    filedAt: r.filedAt,
    daytime: r.daytime,
    filled: optimum.assignments.has(r.snapshot.id),
    volunteerId: optimum.assignments.get(r.snapshot.id) ?? null,
    firstConfirmedAt: null,
    escalated: false,
  }));
  rows.push(
    figures({
      id: 'optimum',
      label: 'Offline optimum (known answers)',
      outcomes: optimumOutcomes,
      dispatchesPerVolunteer: optimum.dispatchesPerVolunteer,
      contacts: null,
      escalations: null,
      optimumFilled: optimum.filled,
    }),
  );
  return {
    seed,
    size,
    requests: scenario.requests.length,
    volunteers: scenario.volunteers.length,
    optimumFilled: optimum.filled,
    optimumKnownDropoutsFilled: knownDropouts.filled,
    supplyBoundFilled: supply.filled,
    optimumProven: optimum.optimal,
    rows,
    seconds: (performance.now() - t0) / 1000,
  };
}

export async function main(argv: readonly string[]): Promise<void> {
  const options = parseArgs(argv);
  if (options.diagnose !== null) {
    const policy = POLICIES.find((p) => p.id === options.diagnose);
    if (!policy) throw new Error(`--diagnose: no policy ${options.diagnose} (${POLICIES.map((p) => p.id).join(', ')})`);
    console.log(`Dispatch simulator diagnosis — seed ${options.seed}, size ${options.size}.\n`);
    console.log(diagnosisText(await diagnose(buildScenario(options.seed, options.size), policy)));
    return;
  }
  const report = await runSimulator(options.seed, options.size);
  console.log(
    `Dispatch simulator — seed ${report.seed}, size ${report.size}: ${report.requests} requests, ${report.volunteers} volunteers, FY2026.\n` +
      `Offline optimum (known answers): ${report.optimumFilled} filled${report.optimumProven ? '' : ' (solver time limit: best found)'}; ` +
      `also knowing who would drop out: ${report.optimumKnownDropoutsFilled}; if every eligible volunteer said yes: ${report.supplyBoundFilled}.\n`,
  );
  console.log(textTable(report.rows));
  console.log(`\n${unfilledTable(report.rows)}`);
  const cpu = process.cpuUsage();
  console.log(
    `\nSimulated in ${report.seconds.toFixed(1)} s (process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; on a busy machine the wall time is longer).`,
  );
  if (options.report) {
    const dir = resolve(__dirname, '../../test-output/simulator');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `report-${report.size}-${report.seed}.html`);
    writeFileSync(file, htmlReport(report));
    console.log(`Report: ${file}`);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
