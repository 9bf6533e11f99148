import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { aUser } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { fileRequest, visitWorld } from './support/visit-fixtures';
import { jst, TODAY } from './support/workflow-fixtures';

/**
 * No input gets a 5xx: property-based requests (fast-check) to every write route (POST, PUT,
 * PATCH) and every list query of the OpenAPI document, as an admin and, where the route is theirs,
 * as a coordinator or a volunteer. Bodies and queries are mostly well-formed with hostile values
 * mixed in (null, huge numbers, NUL, unpaired surrogates, deep nesting, wrong types, inherited
 * names as keys, long text), so they reach past validation into the services and the database.
 *
 * Deterministic: one fixed seed (FUZZ_SEED overrides it), printed with the answers by status. A
 * failure names the route, the request and the answer; each route stops at its first 5xx rather
 * than shrink it over HTTP.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
/** Runs per route and principal: about 3,000 requests in all. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
};
type Operation = {
  parameters?: Array<{ name: string; in: string; schema?: Schema }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
};
type OpenApi = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

/** Placeholder strings replaced in the JSON text by structures JSON.stringify cannot write. */
const DEEP = (n: number) => `@@deep:${n}@@`;
const RAW_SURROGATE = '@@lone-surrogate@@';

/** Values no field should take, and a 5xx must never answer. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.constant(null) },
  fc.constantFrom(1e20, -1e20, 2 ** 31, 2 ** 53 + 1, -1, 0, 0.5, 1e-7, Number.MAX_VALUE),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    `x${RAW_SURROGATE}@test.example.jp`,
    RAW_SURROGATE,
    '1e20',
    '-1',
    '',
    ' ',
    'NaN',
    'Infinity',
  ),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    '2026-02-30T10:00:00+09:00',
    '9999-12-31T23:59:59Z',
    '0000-01-01',
    '2026-12-08',
  ),
  fc.constantFrom('x'.repeat(5000), 'あ'.repeat(3000), '%00', "'; DROP TABLE users; --", '<script>alert(1)</script>'),
  fc.integer({ min: 2, max: 6000 }).map((n) => DEEP(n)),
  fc.constantFrom<unknown>(
    { constructor: { prototype: {} } },
    { ['__proto__']: { admin: true } },
    { toString: 1 },
    { valueOf: {} },
    [],
    {},
    [null],
    [[[]]],
  ),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.anything({ maxDepth: 2, maxKeys: 3, withNullPrototype: false }),
);

/** Now and then (one time in `every`), something; otherwise null. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, every: number) =>
  fc.oneof({ weight: every - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

/** Object keys an attacker adds to a body or query. */
const hostileKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'x\u0000',
  'id',
  'role',
  'unknownField',
);

interface Ids {
  [segment: string]: string[];
}

/** A plausible value for a field, from its schema and name (so most requests pass validation in part). */
function plausible(schema: Schema, name: string, doc: OpenApi, ids: Ids, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return plausible(doc.components.schemas[schema.$ref.split('/').pop()!], name, doc, ids, depth);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.type === 'array') return fc.array(field(schema.items ?? {}, name, doc, ids, depth + 1), { maxLength: 3 });
  if (schema.type === 'object' && schema.properties) return objectOf(schema, doc, ids, depth + 1);
  if (schema.type === 'integer' || schema.type === 'number')
    return fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 1000 });
  if (schema.type === 'boolean') return fc.boolean();
  const lower = name.toLowerCase();
  if (lower.includes('email')) return fc.integer({ min: 1, max: 1e6 }).map((n) => `fuzz${n}@test.example.jp`);
  if (lower.endsWith('ids'))
    return fc.array(fc.constantFrom(...Object.values(ids).flat(), randomUUID()), { maxLength: 3 });
  if (lower.endsWith('id')) return fc.constantFrom(...Object.values(ids).flat(), randomUUID());
  if (schema.example !== undefined)
    return fc.oneof(
      { weight: 6, arbitrary: fc.constant(schema.example) },
      { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
    );
  if (/(start|from)$/.test(lower) || lower.endsWith('startsat'))
    return fc.constantFrom(jst(20, '10:00'), '2026-12-20', jst(10, '09:00'));
  if (/(end|to)$/.test(lower) || lower.endsWith('endsat'))
    return fc.constantFrom(jst(20, '11:30'), '2027-01-05', jst(10, '12:00'));
  if (lower.endsWith('at')) return fc.constantFrom(jst(20, '10:00'), jst(1, '08:00'));
  if (lower === 'month') return fc.constantFrom('2026-12', '2026-11');
  if (lower.includes('language') || lower === 'code') return fc.constantFrom('vi', 'en', 'pt');
  const minLength = (schema as { minLength?: number }).minLength ?? 1;
  return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 20, 40)) });
}

/** A field's value: plausible mostly, hostile sometimes. */
function field(schema: Schema, name: string, doc: OpenApi, ids: Ids, depth: number): fc.Arbitrary<unknown> {
  if (depth > 4) return hostileValue;
  return fc.oneof(
    { weight: 12, arbitrary: plausible(schema, name, doc, ids, depth) },
    { weight: 1, arbitrary: hostileValue },
  );
}

/** An object of a schema: required fields mostly present, optional ones sometimes, a hostile key now and then. */
function objectOf(schema: Schema, doc: OpenApi, ids: Ids, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const entries = Object.entries(properties).map(([name, s]) =>
    fc.option(
      field(s, name, doc, ids, depth).map((v) => [name, v] as const),
      { freq: (schema.required ?? []).includes(name) ? 8 : 2 },
    ),
  );
  return fc.tuple(fc.tuple(...entries), sometimes(fc.tuple(hostileKey, hostileValue), 6)).map(([pairs, extra]) => {
    const out: Record<string, unknown> = {};
    for (const pair of pairs)
      if (pair)
        Object.defineProperty(out, pair[0], { value: pair[1], enumerable: true, writable: true, configurable: true });
    if (extra)
      Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true });
    return out;
  });
}

/** JSON text of a body, with the placeholders turned into deep nesting and real unpaired surrogates. */
function jsonText(body: unknown): string {
  return JSON.stringify(body)
    .replace(/"@@deep:(\d+)@@"/g, (_m, n: string) => '['.repeat(Number(n)) + ']'.repeat(Number(n)))
    .replaceAll(RAW_SURROGATE, '\\ud800');
}

/** A body as a form: nested keys in qs style (`patient[displayName]`, `languages[0][code]`). */
function formText(body: unknown): string {
  const pairs: Array<[string, string]> = [];
  const walk = (value: unknown, key: string, depth: number) => {
    if (value !== null && typeof value === 'object' && depth < 8)
      for (const [k, v] of Object.entries(value)) walk(v, key ? `${key}[${k}]` : k, depth + 1);
    else pairs.push([key || 'body', typeof value === 'string' ? value : (JSON.stringify(value) ?? '')]);
  };
  walk(body, '', 0);
  return queryText(pairs);
}

/** Percent-encodes every byte of the UTF-8 text; the surrogate placeholder becomes the bytes of an unpaired surrogate. */
function encode(text: string): string {
  const bytes = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  return text.split(RAW_SURROGATE).map(bytes).join('%ED%A0%80');
}

function queryText(pairs: Array<[string, string]>): string {
  return pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
}

const hostileQueryValue = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000',
    RAW_SURROGATE,
    '1e20',
    '-1e20',
    '99999999999999999999',
    '-1',
    '0',
    '1.5',
    'NaN',
    '',
    '__proto__',
    'constructor',
    'null',
    '[]',
  ),
  fc.constantFrom('9999-99-99', '2026-02-30', '0001-01-01', '275760-09-13', 'x'.repeat(3000)),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

function queryOf(operation: Operation, doc: OpenApi, ids: Ids): fc.Arbitrary<string> {
  const params = (operation.parameters ?? []).filter((p) => p.in === 'query');
  const one = (p: { name: string; schema?: Schema }) =>
    fc.option(
      fc
        .oneof(
          { weight: 4, arbitrary: plausible(p.schema ?? {}, p.name, doc, ids).map((v) => String(v)) },
          { weight: 1, arbitrary: hostileQueryValue },
        )
        .map((v) => [p.name, v] as [string, string]),
      { freq: 2 },
    );
  return fc
    .tuple(
      fc.tuple(...params.map(one)),
      sometimes(fc.tuple(hostileKey, hostileQueryValue), 6),
      sometimes(fc.constantFrom('page', ...params.map((p) => p.name)), 8),
    )
    .map(([pairs, extra, repeated]) => {
      const list = pairs.filter((p): p is [string, string] => p !== null);
      if (extra) list.push(extra);
      if (repeated) list.push([repeated, '1'], [repeated, '2']);
      return queryText(list);
    });
}

/** A plausible roster cell by column (the upload's rows reach the database only when the row is valid). */
const ROSTER_CELL: Record<string, string> = {
  displayName: 'グエン・ティ・ラン',
  nameKana: 'グエン ティ ラン',
  phone: '090-0000-0000',
  gender: 'female',
  homeArea: '中央区',
  languages: 'vi:native;en:business',
  level: 'standard',
  status: 'active',
  pledgeSignedAt: '2025-04-01T00:00:00+09:00',
  insuranceValidUntil: '2027-03-31',
  maxDispatchesPerMonth: '4',
  weeklyAvailability: '1 09:00-12:00',
};

/** A CSV file for an upload: the columns the API exports (now and then a hostile one), cells mostly plausible. */
function csvOf(columns: string[]): fc.Arbitrary<string> {
  const hostileCell = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('\u0000', 'グエン\u0000', 'a\u0000b') },
    { weight: 3, arbitrary: fc.constantFrom('=1+1', '"', '1e20', '-1', 'x'.repeat(3000), '__proto__', '') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  );
  const cell = (column: string) =>
    fc.oneof(
      {
        weight: 15,
        arbitrary:
          column === 'email'
            ? fc.integer({ min: 1, max: 1e6 }).map((n) => `fuzz-csv${n}@test.example.jp`)
            : fc.constant(Object.hasOwn(ROSTER_CELL, column) ? ROSTER_CELL[column] : ''),
      },
      { weight: 1, arbitrary: hostileCell },
    );
  const header = fc.oneof(
    { weight: 5, arbitrary: fc.constant(columns) },
    { weight: 1, arbitrary: fc.tuple(hostileKey, fc.shuffledSubarray(columns)).map(([k, c]) => [...c, k]) },
  );
  const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
  return header.chain((h) =>
    fc
      .array(fc.tuple(...h.map(cell)), { minLength: 1, maxLength: 3 })
      .map((rows) => [h, ...rows].map((r) => r.map(quote).join(',')).join('\r\n')),
  );
}

/** A path parameter: a real id of the resource the path names, a random uuid, or something that is no id. */
function pathOf(path: string, ids: Ids): fc.Arbitrary<string> {
  const parts = path.split('/');
  const slots = parts.map((part, i) => {
    if (!part.startsWith('{')) return fc.constant(part);
    const real = ids[parts[i - 1]] ?? [];
    return fc.oneof(
      { weight: 6, arbitrary: real.length ? fc.constantFrom(...real) : fc.uuid() },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: fc.constantFrom('not-a-uuid', '%00', '1e20', '__proto__', 'x'.repeat(300), '%ED%A0%80') },
    );
  });
  return fc.tuple(...slots).map((segments) => segments.join('/'));
}

describe('No 5xx for any input (fuzz over the OpenAPI document)', () => {
  let t: TestApp;
  let doc: OpenApi;
  const principals: Record<'admin' | 'coordinator' | 'volunteer', string> = {
    admin: '',
    coordinator: '',
    volunteer: '',
  };
  const ids: Ids = {};
  let forwardedFor = 0;
  let rosterColumns: string[] = [];

  beforeAll(async () => {
    // Each route's runs come from their own address (X-Forwarded-For, one proxy trusted): the
    // default throttle of 1000 requests a minute per address would otherwise answer 429.
    t = await createTestApp({ TRUST_PROXY: '1' });
    t.clock.set(TODAY);
    const world = await visitWorld(t, 2);
    principals.admin = world.staff;
    principals.coordinator = world.coordinator.auth;
    principals.volunteer = world.volunteers[0].auth;
    const { requestId, dispatchId } = await world.dispatch(jst(8, '10:00'), jst(8, '11:00'), world.volunteers[0].id);
    const open = await fileRequest(t, world.coordinator.auth, { startsAt: jst(20, '10:00'), endsAt: jst(20, '11:00') });
    const other = await aUser(t, { role: 'staff' });
    ids.requests = [requestId, open.id];
    ids.dispatches = [dispatchId];
    ids.hospitals = [world.hospital.id];
    ids.volunteers = world.volunteers.map((v) => v.id);
    ids.courses = [world.courses.initial.id, world.courses.skillUp.id];
    // Never the signed-in principals: a fuzzed PATCH could deactivate them and end the run's sessions.
    ids.users = [other.id];
    ids.bans = [randomUUID()];
    ids.attendance = world.volunteers.map((v) => v.id);
    doc = (await t.http().get('/api/docs-json').expect(200)).body;
    // The roster upload takes the columns the roster export writes.
    const roster = await t
      .http()
      .get('/api/volunteers/export.csv')
      .set('Authorization', principals.admin)
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        r.on('end', () => done(null, text));
      });
    rosterColumns = String(roster.body)
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0]
      .split(',');
  });
  afterAll(() => t.close());

  /** Who sends to a route: the admin always, and the roles whose own routes these are. */
  function sendersOf(path: string): Array<keyof typeof principals> {
    const senders: Array<keyof typeof principals> = ['admin'];
    if (path.startsWith('/api/requests') || path.includes('hospital-confirmation') || path === '/api/auth/me')
      senders.push('coordinator');
    if (
      path.includes('/me') ||
      path.includes('/report') ||
      path.startsWith('/api/offers') ||
      path.startsWith('/api/dispatches')
    )
      senders.push('volunteer');
    return senders;
  }

  it(`answers every generated body and query below 500 (seed ${SEED})`, async () => {
    process.stdout.write(
      `fuzz-no-5xx: seed ${SEED}, ${RUNS} runs per route and principal (FUZZ_SEED, FUZZ_RUNS override)\n`,
    );
    const failures: string[] = [];
    let sent = 0;
    const statuses = new Map<number, number>();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const isWrite = ['post', 'put', 'patch'].includes(method);
        const isList = method === 'get' && (operation.parameters ?? []).some((p) => p.in === 'query');
        if (!isWrite && !isList) continue;
        const content = operation.requestBody?.content ?? {};
        const schema = content['application/json']?.schema ??
          content['multipart/form-data']?.schema ?? { type: 'object', properties: {} };
        const body = fc.oneof(
          { weight: 8, arbitrary: plausible(schema, '', doc, ids) },
          { weight: 1, arbitrary: hostileValue.map((v) => (typeof v === 'object' && v !== null ? v : [v])) },
          { weight: 1, arbitrary: fc.integer({ min: 33, max: 6000 }).map((n) => ({ deep: DEEP(n) })) },
        );
        const upload = content['multipart/form-data'] !== undefined;
        const request = fc.record({
          path: pathOf(path, ids),
          query: queryOf(operation, doc, ids),
          body: upload ? csvOf(rosterColumns) : body,
          // Now and then the same body as a form (qs keys such as a[b][c]) or in a type the API does not read.
          as: fc.constantFrom(
            'json',
            'json',
            'json',
            'json',
            'json',
            'json',
            'json',
            'json',
            'json',
            'form',
            'text/plain',
          ),
        });
        for (const who of sendersOf(path)) {
          const address = `10.0.${(++forwardedFor >> 8) & 255}.${forwardedFor & 255}`;
          const details = await fc.check(
            fc.asyncProperty(request, async (r) => {
              sent++;
              const url = r.query ? `${r.path}?${r.query}` : r.path;
              const call = t
                .http()
                [method as 'post'](url)
                .set('Authorization', principals[who])
                .set('X-Forwarded-For', address);
              const res = upload
                ? await call.attach('file', Buffer.from(String(r.body), 'utf8'), 'roster.csv')
                : !isWrite
                  ? await call
                  : r.as === 'form'
                    ? await call.type('form').send(formText(r.body))
                    : await call
                        .set('Content-Type', r.as === 'json' ? 'application/json' : r.as)
                        .send(jsonText(r.body));
              statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
              if (res.status >= 500)
                throw new Error(
                  `${method.toUpperCase()} ${url} as ${who} → ${res.status} ${JSON.stringify(res.body)}\nbody: ${jsonText(r.body).slice(0, 500)}`,
                );
            }),
            { seed: SEED, numRuns: upload ? 3 * RUNS : RUNS, endOnFailure: true },
          );
          if (details.failed)
            failures.push(
              `${method.toUpperCase()} ${path} as ${who}: ${String((details.errorInstance as Error)?.message ?? details.counterexample)}`,
            );
        }
      }
    }
    process.stdout.write(
      `fuzz-no-5xx: ${sent} requests sent; answers by status ${JSON.stringify(Object.fromEntries([...statuses].sort()))}\n`,
    );
    expect(failures).toEqual([]);
  }, 180_000);
});
