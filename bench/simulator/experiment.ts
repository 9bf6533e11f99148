/**
 * Policy experiments on the production policy: `VARIANTS='{"name":{…PolicySpec fields…, "d":{…DispatchPolicy fields…}}}'
 * SEEDS=20260401,7,11 SIZE=small npx ts-node --transpile-only -r tsconfig-paths/register bench/simulator/experiment.ts`
 * (with TS_NODE_PROJECT=tsconfig.json). Prints one line per seed and variant: filled vs the
 * optimum, daytime and overall median minutes to confirm, offers per fill, Gini, run time.
 */
import { figures } from './metrics';
import { offlineOptimum } from './optimum';
import { POLICIES, PolicySpec } from './policies';
import { buildScenario, SizeName } from './scenario';
import { simulate } from './simulate';
const base = POLICIES.find((p) => p.id === 'production')!;
const variants = JSON.parse(process.env.VARIANTS ?? '{"base":{}}') as Record<
  string,
  Partial<PolicySpec> & { d?: Partial<PolicySpec['dispatch']> }
>;
(async () => {
  for (const seed of (process.env.SEEDS ?? '20260401,7,11').split(',').map(Number)) {
    const sc = buildScenario(seed, (process.env.SIZE ?? 'small') as SizeName);
    const opt = await offlineOptimum(sc, true);
    for (const [name, v] of Object.entries(variants)) {
      const { d, ...rest } = v;
      const policy: PolicySpec = { ...base, ...rest, dispatch: { ...base.dispatch, ...(d ?? {}) } };
      const t0 = Date.now();
      const run = await simulate(sc, policy);
      const f = figures({
        id: name,
        label: name,
        outcomes: run.outcomes,
        dispatchesPerVolunteer: run.dispatchesPerVolunteer,
        contacts: run.contacts,
        escalations: run.escalations,
        optimumFilled: opt.filled,
      });
      console.log(
        `${seed} ${name.padEnd(14)} ${f.filled}/${opt.filled} ${(100 * f.fillVsOptimum).toFixed(1)}%  day-med ${f.medianDaytimeMinutes?.toFixed(0)}  med ${f.medianMinutes?.toFixed(0)} offers/fill ${f.contactsPerFill?.toFixed(2)} swaps ${run.swaps} gini ${f.gini.toFixed(3)}  ${((Date.now() - t0) / 1000).toFixed(1)}s`,
      );
    }
  }
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
