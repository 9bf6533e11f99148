import { createTestApp, TestApp } from './support/test-app';

describe('Operations (API)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers health with 200 while the database answers', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
  });

  it('gives every answer a request id, echoing a sane one from the caller', async () => {
    const res = await t.http().get('/api/auth/me').set('x-request-id', 'abc12345-trace').expect(401);
    expect(res.headers['x-request-id']).toBe('abc12345-trace');
    expect(res.body.requestId).toBe('abc12345-trace');
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await t
      .http()
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send('{"email":')
      .expect(400);
    expect(res.body.code).toBe('BAD_REQUEST');
  });

  it('answers 503 when the database stops answering', async () => {
    await t.dataSource.destroy();
    await t.http().get('/api/health').expect(503);
    await t.dataSource.initialize();
  });
});
