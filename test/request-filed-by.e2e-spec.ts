import { createTestApp, TestApp } from './support/test-app';
import { fileRequest, visitWorld } from './support/visit-fixtures';
import { jst, TODAY } from './support/workflow-fixtures';

/** Staff reading a request see who filed it, so they can reach the coordinator (#19 item 4). */
describe('Who filed a request', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof visitWorld>>;
  let requestId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
    world = await visitWorld(t, 1);
    requestId = (await fileRequest(t, world.coordinator.auth, { startsAt: jst(10, '10:00'), endsAt: jst(10, '11:00') }))
      .id;
  });
  afterAll(() => t.close());

  const get = (auth: string) => t.http().get(`/api/requests/${requestId}`).set('Authorization', auth).expect(200);

  it("names the filing coordinator to staff on the request's page, with their direct line", async () => {
    expect((await get(world.staff)).body.filedBy).toEqual({
      displayName: world.coordinator.displayName,
      email: world.coordinator.email,
      phone: null,
    });
    await t
      .http()
      .patch(`/api/users/${world.coordinator.id}`)
      .set('Authorization', world.staff)
      .send({ phone: '096-123-4567' })
      .expect(200);
    expect((await get(world.staff)).body.filedBy.phone).toBe('096-123-4567');
  });

  it('is not in the coordinator’s own view, nor in lists', async () => {
    expect((await get(world.coordinator.auth)).body).not.toHaveProperty('filedBy');
    const list = await t.http().get('/api/requests').set('Authorization', world.staff).expect(200);
    expect(list.body.data[0]).not.toHaveProperty('filedBy');
  });
});
