/**
 * `npm run bench:stats`: GET /api/stats/summary's queries on a database holding a year of
 * ~8,000 dispatches (10,000 requests, 20 hospitals, 300 volunteers), timed after a warm-up.
 * Target: under a second. Uses DATABASE_URL's server, or an embedded PostgreSQL of its own.
 */
import { performance } from 'node:perf_hooks';
import { withBenchApp } from '../support/bench-app';
import { StatsService } from '../../apps/api/src/stats/stats.service';
import { aHospital, aVolunteer } from '../../test/support/factories';
import { ADMIN, login, TestApp } from '../../test/support/test-app';
import { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

const REQUESTS = 10_000;
const LANGUAGES = ['vi', 'zh', 'tl', 'ne', 'id', 'ko', 'en', 'pt', 'es', 'th', 'my', 'si'];
const DEPARTMENTS = [
  'internal_medicine',
  'surgery',
  'orthopedics',
  'obstetrics_gynecology',
  'pediatrics',
  'psychiatry',
  'oncology',
  'dermatology',
  'dentistry',
  'other',
];

async function main(): Promise<void> {
  await withBenchApp('bench-stats', async (t) => {
    t.clock.set('2027-03-20T12:00:00+09:00');
    for (let i = 0; i < 20; i++) await aHospital(t);
    for (let i = 0; i < 300; i++) await aVolunteer(t, { languages: [LANGUAGES[i % LANGUAGES.length]] });
    const seeded = performance.now();
    await t.dataSource.query(
      `WITH h AS (SELECT array_agg(id ORDER BY id) AS ids FROM hospitals),
            v AS (SELECT array_agg(id ORDER BY id) AS ids FROM volunteers),
            n AS (SELECT g AS n, timestamptz '2026-04-01 00:00+09' + g * interval '3137 seconds' AS starts_at FROM generate_series(1, $1) g)
       INSERT INTO requests (id, hospital_id, language, starts_at, ends_at, department, visit_type, required_level, status)
       SELECT md5('r' || n)::uuid, h.ids[1 + n % array_length(h.ids, 1)], ($2::text[])[1 + (n * 7) % array_length($2::text[], 1)], starts_at, starts_at + interval '90 minutes',
              ($3::text[])[1 + (n * 3) % array_length($3::text[], 1)], 'outpatient', 'standard',
              CASE WHEN n % 5 = 0 THEN (CASE WHEN n % 3 = 0 THEN 'cancelled' ELSE 'escalated' END) WHEN n % 40 = 1 THEN 'cancelled' ELSE 'completed' END
         FROM n, h`,
      [REQUESTS, LANGUAGES, DEPARTMENTS],
    );
    await t.dataSource.query(
      `WITH v AS (SELECT array_agg(id ORDER BY id) AS ids FROM volunteers)
       INSERT INTO dispatches (id, request_id, volunteer_id, role, status, starts_at, ends_at, busy_from, busy_until, late_cancellation, no_show_party)
       SELECT md5('d' || r.n)::uuid, r.id, v.ids[1 + r.n % array_length(v.ids, 1)], 'primary',
              CASE WHEN r.n % 40 = 1 THEN 'cancelled' WHEN r.n % 53 = 0 THEN 'no_show' ELSE 'completed' END,
              r.starts_at, r.ends_at, r.starts_at, r.ends_at, r.n % 80 = 1, CASE WHEN r.n % 53 = 0 THEN 'patient' END
         FROM (SELECT id, starts_at, ends_at, row_number() OVER (ORDER BY starts_at) AS n FROM requests) r, v
        WHERE r.n % 5 <> 0`,
    );
    await t.dataSource.query(
      `INSERT INTO status_transitions (subject_type, subject_id, from_status, to_status, event, at)
       SELECT 'request', r.id, NULL, 'open', 'file', r.starts_at - interval '7 days' FROM requests r
       UNION ALL
       SELECT 'request', d.request_id, 'offered', 'confirmed', 'confirm', d.starts_at - interval '7 days' + (abs(hashtext(d.id::text)) % 2880) * interval '1 minute' FROM dispatches d`,
    );
    await t.dataSource.query('ANALYZE');
    const [{ dispatches }] = await t.dataSource.query<{ dispatches: number }[]>(
      `SELECT count(*)::int AS dispatches FROM dispatches`,
    );
    console.log(
      `seeded ${REQUESTS} requests, ${dispatches} dispatches in ${Math.round(performance.now() - seeded)} ms`,
    );

    const stats = t.app.get(StatsService);
    for (let i = 0; i < 3; i++) await stats.summary(2026);
    const samples: number[] = [];
    let last = await stats.summary(2026);
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      last = await stats.summary(2026);
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    const median = samples[Math.floor(samples.length / 2)];
    const max = samples[samples.length - 1];
    console.log(
      `stats summary FY2026: ${last.dispatches.total} live dispatches, fill rate ${last.requests.fillRate}, median ${last.timeToConfirmMinutes.median} min`,
    );
    console.log(
      `runs ${samples.length}   median ${median.toFixed(1)} ms   max ${max.toFixed(1)} ms   target < 1000 ms: ${max < 1000 ? 'met' : 'MISSED'}`,
    );
    await benchXlsx(t);
  });
}

/**
 * The .xlsx export over HTTP for a quarter and for the whole year: the heap's peak above its
 * level before the download should not grow with the number of rows (streamed, not buffered).
 */
async function benchXlsx(t: TestApp): Promise<void> {
  const { auth } = await login(t, ADMIN.email, ADMIN.password);
  await t.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${((t.app.getHttpServer() as Server).address() as AddressInfo).port}/api/exports/dispatches.xlsx`;
  console.log('\nGET /api/exports/dispatches.xlsx (streamed): heap above the level before the download');
  console.log('period          bytes     heap before MB   peak above MB   ms');
  for (const [label, from, to] of [
    ['quarter', '2026-04-01', '2026-06-30'],
    ['full year', '2026-04-01', '2027-03-31'],
  ] as const) {
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
    const t0 = performance.now();
    const res = await fetch(`${base}?from=${from}&to=${to}`, { headers: { authorization: auth } });
    if (res.status !== 200) throw new Error(`export answered ${res.status}`);
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    clearInterval(timer);
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    console.log(
      `${label.padEnd(10)} ${String(bytes).padStart(10)} ${mb(before).padStart(16)} ${mb(peak - before).padStart(15)} ${(performance.now() - t0).toFixed(0).padStart(6)}`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
