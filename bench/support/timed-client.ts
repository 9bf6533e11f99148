/**
 * Times sequential GETs from a process of its own: the client's work (the HTTP client, reading
 * and parsing a large JSON answer, the garbage that leaves) is not charged to the API's event
 * loop, as it never is in production, where the client is a browser on another machine.
 *
 * `timeGets` forks this file; the child makes `warmUp` untimed calls and `runs` timed ones, each
 * answer read and parsed in full before its clock stops, and sends back the times and the last
 * answer (for the caller to check that the calls did what they should).
 */
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';

interface Job {
  url: string;
  headers: Record<string, string>;
  runs: number;
  warmUp: number;
}

interface Outcome<T> {
  samples: number[];
  last: T;
}

export function timeGets<T>(job: Job): Promise<Outcome<T>> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [], {
      execArgv: ['-r', 'ts-node/register/transpile-only'],
      env: { ...process.env, TIMED_CLIENT: '1' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // Settled by the child's one message (its answer can be read after 'exit' is emitted), or by an exit without one.
    child.once('message', (message: Outcome<T> | { error: string }) =>
      'samples' in message ? resolve(message) : reject(new Error(message.error)),
    );
    child.once('error', reject);
    child.once('close', (code) => reject(new Error(`timed client exited with ${String(code)} and no answer`)));
    child.send(job);
  });
}

async function client(job: Job): Promise<Outcome<unknown>> {
  const call = async () => {
    const res = await fetch(job.url, { headers: job.headers });
    if (res.status !== 200) throw new Error(`${job.url} answered ${res.status}`);
    return res.json();
  };
  for (let i = 0; i < job.warmUp; i++) await call();
  const samples: number[] = [];
  let last: unknown = null;
  for (let i = 0; i < job.runs; i++) {
    const t0 = performance.now();
    last = await call();
    samples.push(performance.now() - t0);
  }
  return { samples, last };
}

if (process.env.TIMED_CLIENT === '1' && process.send) {
  process.once('message', (job: Job) => {
    client(job).then(
      (outcome) => process.send!(outcome, () => process.exit(0)),
      (error: Error) => process.send!({ error: error.message }, () => process.exit(1)),
    );
  });
}
