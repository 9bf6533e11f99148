/**
 * A fixed CPU budget for the API's processes, so that "N workers serve how much more than one"
 * can be measured on a machine that also runs the load generator and PostgreSQL: the API runs in
 * a control group whose CFS quota is `perWorker × workers` CPUs, and whatever is left over goes
 * to the load generator and the database, which the workers cannot take. The load generator is
 * then elsewhere in CPU terms: two workers at 0.4 CPU each against one at 0.4 is the question
 * "does a second core double the throughput" asked at a scale this machine can answer.
 *
 * Linux only, and root (or a delegated cgroup): the v1 `cpu` hierarchy (`cpu.cfs_quota_us`) or
 * the v2 unified one (`cpu.max`). `cpuBudget` throws with the reason when neither is writable.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const PERIOD_US = 100_000;

export interface CpuBudget {
  /** The control group's directory. */
  dir: string;
  /** The command that runs `execPath args` inside the group (a shell that joins it, then execs). */
  command(execPath: string, args: string[]): { file: string; args: string[] };
  /** Sets the quota: `cpus` CPUs, or none (null; start-up and seeding run unlimited). */
  limit(cpus: number | null): void;
  /** How often the group was held back by its quota since it was made, and the CPU it used (when known). */
  stats(): { periods: number; throttled: number; usageSeconds: number | null };
  /** Removes the group once its processes have gone (waits up to `waitMs` for them). */
  remove(waitMs?: number): Promise<void>;
}

/** The groups this bench makes are named `<prefix><pid>-…`: a run that was killed leaves its own behind. */
export const BUDGET_PREFIX = 'bench-http-';

function v1Root(): string | null {
  const dir = '/sys/fs/cgroup/cpu';
  return existsSync(path.join(dir, 'cpu.cfs_quota_us')) ? dir : null;
}

function v2Root(): string | null {
  const dir = '/sys/fs/cgroup';
  const controllers = path.join(dir, 'cgroup.controllers');
  return existsSync(controllers) && readFileSync(controllers, 'utf8').split(/\s+/).includes('cpu') ? dir : null;
}

function readStat(file: string): Map<string, number> {
  return new Map(
    readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/))
      .map(([key, value]) => [key, Number(value)] as const),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function processesIn(dir: string): number {
  try {
    return readFileSync(path.join(dir, 'cgroup.procs'), 'utf8').trim().split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
}

/** Removes groups of earlier runs that are empty (an interrupted run cannot clean up after itself). */
export function removeStaleBudgets(): void {
  for (const root of [v1Root() ?? v2Root(), existsSync('/sys/fs/cgroup/cpuacct') ? '/sys/fs/cgroup/cpuacct' : null]) {
    if (!root) continue;
    for (const name of readdirSync(root).filter((n) => n.startsWith(BUDGET_PREFIX))) {
      const dir = path.join(root, name);
      if (processesIn(dir) === 0)
        try {
          rmdirSync(dir);
        } catch {
          // not ours to remove after all
        }
    }
  }
}

/** A control group with no quota yet: `limit` sets it. */
export function cpuBudget(name: string): CpuBudget {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`Not a control group name: ${JSON.stringify(name)}`);
  const v1 = v1Root();
  const v2 = v1 ? null : v2Root();
  const root = v1 ?? v2;
  if (!root)
    throw new Error('--cpu-per-worker needs a writable cgroup cpu controller (/sys/fs/cgroup/cpu or cgroup v2)');
  const dir = path.join(root, name);
  // v1 counts CPU time in a hierarchy of its own (cpuacct), when mounted apart.
  const acct =
    v1 && existsSync('/sys/fs/cgroup/cpuacct/cpuacct.usage') ? path.join('/sys/fs/cgroup/cpuacct', name) : null;
  try {
    if (v2) writeFileSync(path.join(root, 'cgroup.subtree_control'), '+cpu');
    mkdirSync(dir, { recursive: true });
    if (acct) mkdirSync(acct, { recursive: true });
    if (v1) writeFileSync(path.join(dir, 'cpu.cfs_period_us'), String(PERIOD_US));
  } catch (error) {
    throw new Error(
      `--cpu-per-worker: cannot set up ${dir} (${(error as Error).message}): run as root, and on cgroup v2 in a container the cpu controller must be delegated to this group`,
    );
  }
  const usage = () => {
    if (v2) return (readStat(path.join(dir, 'cpu.stat')).get('usage_usec') ?? NaN) / 1e6;
    return acct ? Number(readFileSync(path.join(acct, 'cpuacct.usage'), 'utf8')) / 1e9 : null;
  };
  const groups = [dir, ...(acct ? [acct] : [])];
  return {
    dir,
    command(execPath, args) {
      // The shell joins the groups ($1, $2: their cgroup.procs files) and becomes the program;
      // nothing is interpolated into the script.
      const files = groups.map((d) => path.join(d, 'cgroup.procs'));
      const joins = files.map((_, i) => `echo $$ > "$${i + 1}"`).join(' && ');
      return {
        file: '/bin/sh',
        args: ['-c', `${joins} && shift ${files.length} && exec "$@"`, 'cpu-budget', ...files, execPath, ...args],
      };
    },
    limit(cpus) {
      if (cpus !== null && !(cpus > 0)) throw new Error(`A CPU budget must be positive, not ${cpus}`);
      const quota = cpus === null ? null : String(Math.round(cpus * PERIOD_US));
      if (v1) writeFileSync(path.join(dir, 'cpu.cfs_quota_us'), quota ?? '-1');
      else writeFileSync(path.join(dir, 'cpu.max'), `${quota ?? 'max'} ${PERIOD_US}`);
    },
    stats() {
      const stat = readStat(path.join(dir, 'cpu.stat'));
      return { periods: stat.get('nr_periods') ?? 0, throttled: stat.get('nr_throttled') ?? 0, usageSeconds: usage() };
    },
    async remove(waitMs = 5_000) {
      const deadline = Date.now() + waitMs;
      while (groups.some((d) => processesIn(d) > 0) && Date.now() < deadline) await sleep(100);
      for (const d of groups)
        try {
          rmdirSync(d);
        } catch {
          // a process outlived the wait: the next run removes the group (removeStaleBudgets)
        }
    },
  };
}
