/**
 * `npm run bench:http`: the built API (dist, as `npm run start:prod` runs it) on a fresh database
 * holding the demo's year of history, driven by autocannon route by route, against a bare NestJS
 * route of the same versions measured in the same run. Prints req/s, p50 and p95 and each
 * route's share of the bare route, with the machine's cores and load.
 *
 *   npm run bench:http -- [--duration=8] [--connections=50] [--workers=1|1,2] [--rounds=1]
 *                         [--volunteers=5000] [--routes=requests,volunteers] [--no-build]
 *                         [--cpu-per-worker=0.4]
 *
 * The load generator runs on the same machine: on 2 cores it takes CPU the API would otherwise
 * have, so compare ratios to the bare route from the same run, not absolute numbers. With
 * `--cpu-per-worker=C` (Linux, root) each API worker — and the bare app, as one — gets C CPUs
 * through a cgroup quota, and the load generator and PostgreSQL the rest (see cpu-budget.ts):
 * how throughput scales from 1 to N workers, with the generator elsewhere in CPU terms.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import autocannon from 'autocannon';
import * as jwt from 'jsonwebtoken';
import { Client } from 'pg';
import { BUDGET_PREFIX, cpuBudget, CpuBudget, removeStaleBudgets } from './cpu-budget';
import { seedBenchVolunteers } from './seed-volunteers';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from '../../apps/api/src/auth/jwt.config';

const ROOT = path.resolve(__dirname, '../..');
const ROUTES = ['health', 'requests', 'volunteers', 'candidates', 'filing', 'accept'] as const;
type RouteName = (typeof ROUTES)[number];

interface Options {
  duration: number;
  connections: number;
  workers: number[];
  rounds: number;
  volunteers: number;
  routes: RouteName[];
  build: boolean;
  dist: string;
  server: string;
  /** CPUs each API worker may use (a cgroup quota), or null: no limit. */
  cpuPerWorker: number | null;
}

function parseOptions(argv: string[]): Options {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const routes = (get('routes')?.split(',') ?? [...ROUTES]) as RouteName[];
  for (const r of routes) if (!ROUTES.includes(r)) throw new Error(`Unknown route ${r}; one of ${ROUTES.join(', ')}`);
  return {
    duration: Number(get('duration') ?? 8),
    connections: Number(get('connections') ?? 50),
    workers: (get('workers') ?? '1').split(',').map(Number),
    rounds: Number(get('rounds') ?? 1),
    volunteers: Number(get('volunteers') ?? 0),
    routes,
    build: !argv.includes('--no-build'),
    dist: path.resolve(ROOT, get('dist') ?? 'dist'),
    server: (process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres').replace(/\/[^/]*$/, ''),
    cpuPerWorker: cpuPerWorker(get('cpu-per-worker')),
  };
}

function cpuPerWorker(given: string | undefined): number | null {
  if (given === undefined) return null;
  const cpus = Number(given);
  if (!(cpus > 0 && cpus <= os.cpus().length))
    throw new Error(`--cpu-per-worker must be a number of CPUs above 0, at most ${os.cpus().length}: ${given}`);
  return cpus;
}

const JWT_SECRET = 'bench-http-secret-bench-http-secret-0123456789';
const ADMIN = { email: 'admin@bench.example.jp', password: 'bench-admin-password-2026' };
const DEMO_PASSWORD = 'demo-password-2026';
const DATABASE = 'bench_http';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const say = (line: string) => process.stdout.write(`${line}\n`);

interface Measured {
  route: string;
  connections: number;
  requests: number;
  ok: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  /** the answers other than 2xx, by status */
  statuses?: string[];
  /** the bare route's req/s measured just before, in the same round */
  bare?: number;
  /** with --cpu-per-worker: what the measured process's budget did */
  budget?: string;
  /** which of the API's routes, and with how many workers (the bare route has neither) */
  name?: RouteName;
  workers?: number;
}

/** The CPU budget of the process being measured (--cpu-per-worker), if any. */
let measuring: { budget: CpuBudget; cpus: number } | null = null;

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** One autocannon run; latencies are collected per response (autocannon's summary has no p95). */
async function measure(
  route: string,
  options: autocannon.Options & { url: string },
  warmupSeconds = 2,
): Promise<Measured> {
  if (warmupSeconds > 0 && !options.amount) await autocannon({ ...options, duration: warmupSeconds });
  const times: number[] = [];
  const statuses = new Map<number, number>();
  let instance!: autocannon.Instance;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(options, (error: Error | null, result) => (error ? reject(error) : resolve(result)));
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  const budgetBefore = measuring?.budget.stats();
  const result = await done;
  times.sort((a, b) => a - b);
  return {
    route,
    connections: options.connections ?? 10,
    requests: times.length,
    ok: result['2xx'],
    statuses: [...statuses].filter(([status]) => status >= 300).map(([status, n]) => `${n}× ${status}`),
    reqPerSec: times.length / result.duration,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    budget:
      measuring && budgetBefore
        ? budgetLine(measuring.budget, budgetBefore, result.duration, measuring.cpus)
        : undefined,
  };
}

async function resetDatabase(server: string): Promise<string> {
  const client = new Client({ connectionString: `${server}/postgres` });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${DATABASE}`);
  await client.end();
  return `${server}/${DATABASE}`;
}

async function waitForHealth(base: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The process exited (${child.exitCode}); see ${logFile}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`No answer from ${base} within 3 minutes; see ${logFile}`);
}

function startProcess(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  budget?: CpuBudget,
): { child: ChildProcess; log: string } {
  const log = path.join(ROOT, '.data', `bench-http-${name}.log`);
  mkdirSync(path.dirname(log), { recursive: true });
  const out = openSync(log, 'w');
  const run = budget ? budget.command(process.execPath, args) : { file: process.execPath, args };
  const child = spawn(run.file, run.args, { cwd: ROOT, env, stdio: ['ignore', out, out] });
  return { child, log };
}

/** What the API's CPU budget did during one measurement: the CPU it used and how often the quota held it back. */
function budgetLine(budget: CpuBudget, before: ReturnType<CpuBudget['stats']>, seconds: number, cpus: number): string {
  const after = budget.stats();
  const periods = after.periods - before.periods;
  const throttled = periods ? (100 * (after.throttled - before.throttled)) / periods : 0;
  const used =
    after.usageSeconds !== null && before.usageSeconds !== null
      ? `${((after.usageSeconds - before.usageSeconds) / seconds).toFixed(2)} of ${cpus.toFixed(2)} CPUs used, `
      : '';
  return `  (API budget: ${used}held back in ${throttled.toFixed(0)} % of the quota's periods)`;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000)]);
  if (child.exitCode === null) {
    child.kill('SIGKILL');
    await Promise.race([exited, sleep(5_000)]);
  }
}

async function login(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { accessToken?: string };
  if (!body.accessToken) throw new Error(`Sign-in of ${email} failed: ${res.status} ${JSON.stringify(body)}`);
  return body.accessToken;
}

/**
 * An access token as the API signs one (session generation 0), for the accept route's many
 * volunteers and the lists' staff: signing them all in would spend the run on password hashing.
 */
function accessToken(userId: string, role: 'volunteer' | 'staff' = 'volunteer'): string {
  return jwt.sign({ sub: userId, role, ver: 0 }, JWT_SECRET, {
    algorithm: JWT_ALGORITHM,
    issuer: JWT_ISSUER,
    audience: JWT_AUDIENCE,
    expiresIn: 3600,
  });
}

/**
 * Every volunteer gets an account (the demo gives three): a volunteer has one pending offer at a
 * time, so the offers the filings send, and so the accepts, spread over as many people as there are.
 */
async function giveVolunteersAccounts(db: Client): Promise<void> {
  await db.query(
    `INSERT INTO users (email, role, display_name, locale, volunteer_id, password_hash)
     SELECT v.email, 'volunteer', v.display_name, 'ja', v.id,
            (SELECT password_hash FROM users WHERE role = 'volunteer' LIMIT 1)
       FROM volunteers v
      WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.volunteer_id = v.id OR u.email = v.email)`,
  );
}

/** Staff at their desks: the lists and candidates are read by this many accounts at once. */
const STAFF_AT_DESKS = 50;

/**
 * Staff accounts for the read routes, one per connection, as an office of people would call them.
 * With one account making every call, the per-user throttle's in-memory record of that account's
 * calls in the last minute (tens of thousands, a volume no person reaches under USER_RATE_LIMIT)
 * is scanned on each call and becomes a cost of its own.
 */
async function staffTokens(db: Client): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (email, role, display_name, locale, password_hash)
     SELECT 'bench-staff-' || g || '@bench.example.jp', 'staff', 'ベンチ職員 ' || g, 'ja',
            (SELECT password_hash FROM users WHERE role = 'admin' LIMIT 1)
       FROM generate_series(1, $1) g
     ON CONFLICT (email) DO UPDATE SET active = true
     RETURNING id`,
    [STAFF_AT_DESKS],
  );
  return rows.map((r) => accessToken(r.id, 'staff'));
}

/** Each call of a read route as the next member of staff (round robin). */
function asStaff(tokens: string[]): autocannon.Request[] {
  let next = 0;
  return [
    {
      method: 'GET',
      setupRequest: (req) => ({
        ...req,
        headers: { ...req.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` },
      }),
    },
  ];
}

interface Slot {
  language: string;
  weekday: number;
  start: string;
}

/**
 * Where the demo volunteers with accounts can go: their first language and weekly slots, so each
 * filing has someone to offer it to (and the accept route something to accept). Their monthly
 * caps are raised: the bench files months of visits for a dozen people.
 */
async function fillableSlots(db: Client): Promise<Slot[]> {
  await db.query(`UPDATE volunteers SET max_dispatches_per_month = 62`);
  const { rows } = await db.query<{ language: string; weekly: { weekday: number; start: string; end: string }[] }>(
    `SELECT v.languages -> 0 ->> 'code' AS language, v.availability -> 'weekly' AS weekly
       FROM volunteers v JOIN users u ON u.volunteer_id = v.id
      WHERE v.status = 'active' AND v.level <> 'trainee' ORDER BY v.email`,
  );
  return rows.flatMap((r) => r.weekly.map((w) => ({ language: r.language, weekday: w.weekday, start: w.start })));
}

/** A filing body per call: slot by slot, a week later each time round, so no two overlap. */
function filingBody(slots: Slot[], n: number): string {
  const slot = slots[n % slots.length];
  const week = 2 + Math.floor(n / slots.length);
  const day = new Date(Date.now() + week * 7 * 86_400_000);
  const isoWeekday = ((day.getUTCDay() + 6) % 7) + 1;
  day.setUTCDate(day.getUTCDate() + ((slot.weekday - isoWeekday + 7) % 7));
  const date = day.toISOString().slice(0, 10);
  const [h, m] = slot.start.split(':').map(Number);
  // An hour into the slot: the matching keeps travel time free around a visit.
  const start = h * 60 + m + 60;
  const hhmm = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return JSON.stringify({
    language: slot.language,
    startsAt: `${date}T${hhmm(start)}:00+09:00`,
    endsAt: `${date}T${hhmm(start + 50)}:00+09:00`,
    department: 'internal_medicine',
    visitType: 'outpatient',
    patient: { displayName: 'ベンチ・テスト', gender: 'female', ageBand: 'adult', nationality: 'VN' },
  });
}

/** Filings made so far on this database: every round files on later weeks, never over an earlier round's visits. */
let filed = 0;

interface Tokens {
  admin: string;
  coordinator: string;
  staff: string[];
}

async function runRoutes(base: string, o: Options, db: Client, tokens: Tokens, label: string): Promise<Measured[]> {
  const results: Measured[] = [];
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const common = { duration: o.duration, connections: o.connections };
  for (const route of o.routes) {
    let m: Measured | null = null;
    if (route === 'health') m = await measure(`${label} GET /api/health`, { ...common, url: `${base}/api/health` });
    if (route === 'requests')
      m = await measure(`${label} GET /api/requests?perPage=25`, {
        ...common,
        url: `${base}/api/requests?perPage=25`,
        requests: asStaff(tokens.staff),
      });
    if (route === 'volunteers')
      m = await measure(`${label} GET /api/volunteers?perPage=25`, {
        ...common,
        url: `${base}/api/volunteers?perPage=25`,
        requests: asStaff(tokens.staff),
      });
    if (route === 'candidates') {
      const { rows } = await db.query<{ id: string }>(
        `SELECT id FROM requests WHERE status IN ('open', 'offered', 'escalated') AND starts_at > now()
          ORDER BY (language = 'vi') DESC, starts_at LIMIT 1`,
      );
      if (!rows.length) throw new Error('No open request for the candidates route');
      m = await measure(`${label} GET /api/requests/:id/candidates`, {
        ...common,
        url: `${base}/api/requests/${rows[0].id}/candidates`,
        requests: asStaff(tokens.staff),
      });
    }
    if (route === 'filing') {
      const slots = await fillableSlots(db);
      m = await measure(
        `${label} POST /api/requests`,
        {
          ...common,
          connections: 10,
          url: `${base}/api/requests`,
          requests: [
            {
              method: 'POST',
              headers: { ...auth(tokens.coordinator), 'content-type': 'application/json' },
              setupRequest: (req) => ({ ...req, body: filingBody(slots, filed++) }),
            },
          ],
        },
        0,
      );
    }
    if (route === 'accept') m = await measureAccepts(base, o, db, label);
    if (m) {
      results.push({ ...m, name: route });
      say(format(m, null));
      if (m.budget) say(m.budget);
    }
  }
  return results;
}

/** Accepts one pending offer per request (as its volunteer): the offers the bench's filings sent. */
async function measureAccepts(base: string, o: Options, db: Client, label: string): Promise<Measured | null> {
  const { rows } = await db.query<{ id: string; user_id: string }>(
    `SELECT DISTINCT ON (o.request_id) o.id, u.id AS user_id
       FROM offers o JOIN users u ON u.volunteer_id = o.volunteer_id
      WHERE o.status = 'pending' AND u.active
      ORDER BY o.request_id, o.created_at`,
  );
  if (rows.length < 20) {
    say(
      `(accept: only ${rows.length} pending offers, too few to measure: a volunteer holds one at a time; use --volunteers=5000)`,
    );
    return null;
  }
  const tokens = new Map(rows.map((r) => [r.user_id, accessToken(r.user_id)]));
  let next = 0;
  return measure(
    `${label} POST /api/offers/:id/accept`,
    {
      url: base,
      connections: 10,
      amount: rows.length,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const offer = rows[next++ % rows.length];
            return {
              ...req,
              path: `/api/offers/${offer.id}/accept`,
              headers: { ...req.headers, authorization: `Bearer ${tokens.get(offer.user_id)}` },
            };
          },
        },
      ],
    },
    0,
  );
}

const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : '–');

function format(m: Measured, share: number | null, spread = ''): string {
  const shown = share === null ? '' : ` | ${(100 * share).toFixed(1)} %`;
  const errors = m.ok === m.requests ? '' : ` (${m.statuses?.join(', ') ?? `${m.requests - m.ok} not 2xx`})`;
  return `| ${m.route} | ${m.connections} | ${Math.round(m.reqPerSec)}${spread}${errors} | ${ms(m.p50)} | ${ms(m.p95)}${shown} |`;
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  say(`bench:http ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, load ${load()}`);
  say(
    `options: ${o.duration} s a route, ${o.connections} connections (filing and accept: 10), API workers ${o.workers.join(' → ')}, ` +
      `${o.rounds} round(s)${o.volunteers ? `, +${o.volunteers} volunteers` : ''}`,
  );
  if (o.build) {
    say('building the API (nest build api)…');
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/@nestjs/cli/bin/nest.js'), 'build', 'api'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  const portBase = 38_000 + (process.pid % 1000) * 2;
  if (o.cpuPerWorker !== null) removeStaleBudgets();
  const budgetFor = (name: string) =>
    o.cpuPerWorker === null ? undefined : cpuBudget(`${BUDGET_PREFIX}${process.pid}-${name}`);
  const bareBudget = budgetFor('bare');
  const bare = startProcess(
    'bare',
    ['-r', 'ts-node/register/transpile-only', 'bench/http/bare-app.ts'],
    { ...process.env, TS_NODE_PROJECT: 'tsconfig.json', PORT: String(portBase + 1) },
    bareBudget,
  );
  const bareBase = `http://127.0.0.1:${portBase + 1}`;
  const all: Measured[] = [];
  try {
    await waitForBare(bareBase, bare.child, bare.log);
    for (const workers of o.workers) {
      const url = await resetDatabase(o.server);
      // A fresh database: filings start again two weeks out. (Counting on across worker sets ran
      // past the two years ahead a visit may be filed, and every filing was refused.)
      filed = 0;
      const apiBudget = budgetFor(`api-${workers}`);
      const api = startProcess(
        `api-${workers}`,
        [path.join(o.dist, 'apps/api/src/main.js')],
        {
          ...process.env,
          // As `npm run start:prod` runs it: JSON log lines (development pipes every line through
          // pino-pretty in a worker thread, which takes a third of the list routes' throughput here).
          NODE_ENV: 'production',
          DATABASE_URL: url,
          PORT: String(portBase),
          WEB_CONCURRENCY: String(workers),
          SEED_DEMO: 'true',
          ADMIN_EMAIL: ADMIN.email,
          ADMIN_PASSWORD: ADMIN.password,
          JWT_SECRET,
          STAFF_2FA: 'optional',
          LOGIN_IP_LIMIT: '100000',
          LOGIN_PAIR_LIMIT: '100000',
          LOGIN_ACCOUNT_LIMIT: '100000',
          // The bench's few users make thousands of calls a second: far past a person's budget.
          USER_RATE_LIMIT: '100000000',
        },
        apiBudget,
      );
      const base = `http://127.0.0.1:${portBase}`;
      const db = new Client({ connectionString: url });
      try {
        const started = Date.now();
        await waitForHealth(base, api.child, api.log);
        await db.connect();
        if (o.volunteers) await seedBenchVolunteers(db, o.volunteers);
        await giveVolunteersAccounts(db);
        // What autovacuum would have done to a year-old database, before the measurements rather than during one.
        await db.query('VACUUM ANALYZE');
        const counts = await db.query(
          `SELECT (SELECT count(*) FROM volunteers)::int AS volunteers, (SELECT count(*) FROM requests)::int AS requests,
                  (SELECT count(*) FROM dispatches)::int AS dispatches, (SELECT count(*) FROM offers)::int AS offers`,
        );
        say(
          `\nAPI ${workers} worker(s) up in ${((Date.now() - started) / 1000).toFixed(1)} s on ${JSON.stringify(counts.rows[0])}`,
        );
        const tokens = {
          admin: await login(base, ADMIN.email, ADMIN.password),
          coordinator: await login(base, 'coordinator1@example.jp', DEMO_PASSWORD),
          staff: await staffTokens(db),
        };
        if (o.cpuPerWorker !== null) {
          // Start-up and seeding ran unlimited; the measurements run on the budget.
          bareBudget?.limit(o.cpuPerWorker);
          apiBudget?.limit(o.cpuPerWorker * workers);
          say(
            `CPU budget: ${o.cpuPerWorker} CPU per worker — the API ${(o.cpuPerWorker * workers).toFixed(2)}, the bare app ${o.cpuPerWorker}; the rest of ${os.cpus().length} for the load generator and PostgreSQL`,
          );
        }
        say('| route | connections | req/s | p50 | p95 |');
        say('|---|---|---|---|---|');
        for (let round = 1; round <= o.rounds; round++) {
          measuring = bareBudget ? { budget: bareBudget, cpus: o.cpuPerWorker! } : null;
          const b = await measure('bare Nest GET /api/hello', {
            duration: o.duration,
            connections: o.connections,
            url: `${bareBase}/api/hello`,
          });
          say(format(b, null));
          if (b.budget) say(b.budget);
          all.push({ ...b, bare: b.reqPerSec });
          measuring = apiBudget ? { budget: apiBudget, cpus: o.cpuPerWorker! * workers } : null;
          all.push(
            ...(await runRoutes(base, o, db, tokens, `${workers}w`)).map((m) => ({ ...m, bare: b.reqPerSec, workers })),
          );
          measuring = null;
          say(`(round ${round}, load ${load()})`);
        }
      } finally {
        await db.end().catch(() => undefined);
        await stop(api.child);
        await apiBudget?.remove();
      }
    }
  } finally {
    await stop(bare.child);
    await bareBudget?.remove();
  }
  say(
    `\nMedians over ${o.rounds} round(s) (spread of req/s in brackets); share: of the bare route measured just before, in the same round:`,
  );
  say('| route | connections | req/s | p50 | p95 | share of bare |');
  say('|---|---|---|---|---|---|');
  for (const route of [...new Set(all.map((m) => m.route))]) {
    const runs = all.filter((m) => m.route === route);
    const m: Measured = {
      route,
      connections: runs[0].connections,
      requests: runs.reduce((s, r) => s + r.requests, 0),
      ok: runs.reduce((s, r) => s + r.ok, 0),
      reqPerSec: median(runs.map((r) => r.reqPerSec)),
      p50: median(runs.map((r) => r.p50)),
      p95: median(runs.map((r) => r.p95)),
    };
    const spread =
      runs.length > 1
        ? ` (${Math.round(Math.min(...runs.map((r) => r.reqPerSec)))}–${Math.round(Math.max(...runs.map((r) => r.reqPerSec)))})`
        : '';
    say(format(m, median(runs.map((r) => r.reqPerSec / (r.bare ?? NaN))), spread));
  }
  // How each route scales from the first worker count to the others (same route, medians).
  const [first, ...more] = o.workers;
  for (const n of more)
    for (const route of o.routes) {
      const ratio = workerRatio(all, route, first, n);
      if (ratio !== null) say(`${n} workers / ${first}: ${route} ${ratio.toFixed(2)}×`);
    }
  judgeTargets(all, o);
  say(`load average at the end: ${load()} on ${os.cpus().length} cores`);
}

/**
 * Issue #21's targets, judged on what this run measured (medians of its rounds): the lists' and the
 * filing's share of the bare route and p95 at the first worker count, and each further worker
 * count against the first — a target only with the load generator elsewhere, which
 * `--cpu-per-worker` stands in for on one machine.
 */
/** A route's median req/s with `n` workers over its median with `first`; null when either was not measured. */
function workerRatio(all: Measured[], route: RouteName, first: number, n: number): number | null {
  const of = (w: number) => all.filter((m) => m.name === route && m.workers === w).map((m) => m.reqPerSec);
  const [one, many] = [of(first), of(n)];
  return one.length && many.length ? median(many) / median(one) : null;
}

function judgeTargets(all: Measured[], o: Options): void {
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
  const budgeted = o.cpuPerWorker !== null;
  const [first, ...more] = o.workers;
  const at = (name: RouteName, workers: number) => all.filter((m) => m.name === name && m.workers === workers);
  const targets: Array<[names: RouteName[], share: number, p95: number, what: string]> = [
    [['requests', 'volunteers'], 0.25, 50, 'authenticated lists ≥ 25 % of the bare route with p95 < 50 ms'],
    [['filing'], 0.05, 250, 'a filing ≥ 5 % of the bare route with p95 < 250 ms'],
  ];
  for (const [names, share, p95, what] of targets) {
    const judged = names.flatMap((name) => {
      const runs = at(name, first);
      if (!runs.length) return [];
      const s = median(runs.map((r) => r.reqPerSec / (r.bare ?? NaN)));
      const p = median(runs.map((r) => r.p95));
      return [
        `${name} ${(100 * s).toFixed(1)} %, p95 ${ms(p)}${budgeted ? '' : `: ${verdict(s >= share && p < p95)}`}`,
      ];
    });
    if (judged.length)
      say(
        `target, ${what}, ${first} worker(s): ${judged.join('; ')}${budgeted ? " (not judged: under --cpu-per-worker the quota's stalls set the p95)" : ''}`,
      );
  }
  for (const n of more) {
    const judged = (['requests', 'volunteers'] as const).flatMap((name) => {
      const ratio = workerRatio(all, name, first, n);
      return ratio === null ? [] : [`${name} ${ratio.toFixed(2)}×${budgeted ? `: ${verdict(ratio >= 1.6)}` : ''}`];
    });
    if (judged.length)
      say(
        `target, ${n} workers ≥ 1.6× the lists' throughput of ${first}: ${judged.join('; ')}${
          !budgeted
            ? " (not judged: the load generator and PostgreSQL share the API's cores; --cpu-per-worker gives them their own)"
            : ''
        }`,
      );
  }
}

async function waitForBare(base: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The bare app exited; see ${log}`);
    try {
      if ((await fetch(`${base}/api/hello`)).ok) return;
    } catch {
      // not yet
    }
    await sleep(200);
  }
  throw new Error(`The bare app did not start; see ${log}`);
}

main().catch((error: Error) => {
  process.stderr.write(`bench:http failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
