import { DEFAULT_DISPATCH_POLICY, Offer } from '@app/domain';
import { DISPATCH_POLICY } from '../apps/api/src/workflow/dispatch-policy';
import { createTestApp, TestApp } from './support/test-app';
import { fileRequest, visitWorld } from './support/visit-fixtures';
import { jst, TODAY } from './support/workflow-fixtures';

/**
 * The dispatch policy is configuration injected into the services (one provider, defaults in
 * libs/domain), not a constant each service copies: a programme that changes it changes what the
 * API does.
 */
describe('The dispatch policy as injected configuration', () => {
  let t: TestApp;
  const policy = { ...DEFAULT_DISPATCH_POLICY, waveSize: 1, responseWindowMinutes: 30 };

  beforeAll(async () => {
    t = await createTestApp({}, [], [{ provide: DISPATCH_POLICY, useValue: policy }]);
    t.clock.set(TODAY);
  });
  afterAll(() => t.close());

  it('sends waves of the configured size, open for the configured time', async () => {
    const world = await visitWorld(t, 3);
    const request = await fileRequest(t, world.coordinator.auth, {
      startsAt: jst(20, '10:00'),
      endsAt: jst(20, '11:00'),
    });
    const offers = await t.dataSource.getRepository(Offer).find({ where: { requestId: request.id } });
    expect(DEFAULT_DISPATCH_POLICY.waveSize).toBeGreaterThan(1);
    expect(offers).toHaveLength(1);
    expect(offers[0].expiresAt.getTime() - new Date(TODAY).getTime()).toBe(30 * 60_000);
  });
});
