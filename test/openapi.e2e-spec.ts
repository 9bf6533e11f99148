import { createTestApp, TestApp } from './support/test-app';

/**
 * The OpenAPI document (/api/docs-json) documents every operation's answers, so the panel's
 * generated types are complete and a new route without documentation fails here: every 4xx and
 * 5xx answer is the one error schema (ErrorBody, what the error filter writes), every route that
 * needs a token says so, and every operation has a 2xx answer with a schema or an explicit 204.
 */
type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  additionalProperties?: unknown;
};
type Response = { description?: string; content?: Record<string, { schema?: Schema }> };
type Operation = {
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses: Record<string, Response>;
  security?: Record<string, string[]>[];
  'x-public'?: boolean;
};
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

const ERROR_REF = '#/components/schemas/ErrorBody';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: Document;
  const operations: { key: string; method: string; path: string; op: Operation }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http().get('/api/docs-json').expect(200)).body as Document;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS)
        if (item[method]) operations.push({ key: `${method.toUpperCase()} ${path}`, method, path, op: item[method] });
    }
  });
  afterAll(() => t?.close());

  it("names one error schema with the filter's members", () => {
    const schema = doc.components.schemas.ErrorBody;
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual([
      'code',
      'errors',
      'fieldErrors',
      'message',
      'requestId',
    ]);
    expect([...(schema.required ?? [])].sort()).toEqual(['code', 'message', 'requestId']);
    expect(schema.properties?.errors).toMatchObject({
      type: 'object',
      additionalProperties: { type: 'array', items: { type: 'string' } },
    });
  });

  it("names the shared model's views as the model does (libs/domain/src/model/views.ts)", () => {
    for (const name of ['RequestView', 'DispatchView', 'OfferView', 'OfferVisit', 'PatientView'])
      expect(Object.keys(doc.components.schemas)).toContain(name);
    expect(Object.keys(doc.components.schemas).filter((name) => name.endsWith('Schema'))).toEqual([]);
    expect(doc.components.schemas.RequestView.properties?.status).toMatchObject({
      enum: expect.arrayContaining(['open', 'confirmed']),
    });
  });

  it('resolves every schema reference (a generated client would otherwise miss the type)', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(100);
    expect([...new Set(refs)].filter((name) => !(name in doc.components.schemas))).toEqual([]);
  });

  it('answers an error with exactly that schema', async () => {
    const schema = doc.components.schemas.ErrorBody;
    const unauthenticated = await t.http().get('/api/hospitals').expect(401);
    const invalid = await t.http().post('/api/auth/login').send({ email: 'not an address', password: 1 });
    expect(invalid.status).toBeGreaterThanOrEqual(400);
    for (const body of [unauthenticated.body, invalid.body] as Record<string, unknown>[]) {
      for (const key of schema.required ?? []) expect(typeof body[key]).toBe('string');
      expect(Object.keys(body).every((key) => key in (schema.properties ?? {}))).toBe(true);
    }
  });

  it('documents the error schema for every 4xx and 5xx answer of every operation', () => {
    expect(operations.length).toBeGreaterThan(80);
    const wrong: string[] = [];
    for (const { key, method, op } of operations) {
      const expected = ['400', '429', '500'];
      if (!op['x-public']) expected.push('401', '403');
      if ((op.parameters ?? []).some((p) => p.in === 'path')) expected.push('404');
      if (method !== 'get') expected.push('409');
      for (const status of expected) if (!op.responses[status]) wrong.push(`${key}: no ${status}`);
      for (const [status, response] of Object.entries(op.responses)) {
        // The health check's 503 is the terminus report of what is down, not an error body.
        if (Number(status) < 400 || (status === '503' && key.startsWith('GET /api/health'))) continue;
        if (response.content?.['application/json']?.schema?.$ref !== ERROR_REF)
          wrong.push(`${key}: ${status} is not ErrorBody`);
        if (!response.description) wrong.push(`${key}: ${status} has no description`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('marks the public routes, and every other route needs the bearer token', () => {
    const publicKeys = operations.filter((o) => o.op['x-public']).map((o) => o.key);
    expect(publicKeys).toEqual(expect.arrayContaining(['POST /api/auth/login']));
    expect(publicKeys).not.toContain('GET /api/hospitals');
    const open = operations.filter((o) => !o.op['x-public'] && !(o.op.security ?? []).some((s) => 'bearer' in s));
    expect(open.map((o) => o.key)).toEqual([]);
  });

  it('documents a success answer with a schema (or an explicit 204) for every operation', () => {
    const missing: string[] = [];
    for (const { key, op } of operations) {
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      const documented = success.some(
        ([status, response]) => status === '204' || Object.values(response.content ?? {}).some((c) => c.schema),
      );
      if (!documented) missing.push(key);
    }
    expect(missing).toEqual([]);
  });
});
