import { Dispatch } from '@app/domain';
import { createTestApp, TestApp } from './support/test-app';
import { visitWorld } from './support/visit-fixtures';
import { jst, TODAY } from './support/workflow-fixtures';

/**
 * A cancel racing a no-show (a coordinator and staff in the same second, during the visit) leaves
 * one outcome: one answer succeeds, the other is a 409, and the log has one transition
 * (API.md "The coordinator's and staff's desk": what must not break is held by the database).
 */
describe('Outcomes of one visit in the same instant', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof visitWorld>>;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
    world = await visitWorld(t, 3);
  });
  afterAll(() => t.close());

  it.each([0, 1, 2])('cancel and patient no-show at once: exactly one wins (run %i)', async (run) => {
    const { dispatchId } = await world.dispatch(jst(3, '10:00'), jst(3, '12:00'), world.volunteers[run].id);
    t.clock.set(jst(3, '10:30'));
    try {
      const [cancel, noShow] = await Promise.all([
        t
          .http()
          .post(`/api/dispatches/${dispatchId}/cancel`)
          .set('Authorization', world.coordinator.auth)
          .send({ reason: '患者さんから連絡があり中止' }),
        t
          .http()
          .post(`/api/dispatches/${dispatchId}/no-show`)
          .set('Authorization', world.staff)
          .send({ party: 'patient' }),
      ]);
      expect([cancel.status, noShow.status].sort()).toEqual([200, 409]);
      const dispatch = await t.dataSource.getRepository(Dispatch).findOneByOrFail({ id: dispatchId });
      expect(dispatch.status).toBe(cancel.status === 200 ? 'cancelled' : 'no_show');
      const moves: { to_status: string }[] = await t.dataSource.query(
        `SELECT to_status FROM status_transitions WHERE subject_id = $1 AND from_status = 'confirmed'`,
        [dispatchId],
      );
      expect(moves.map((m) => m.to_status)).toEqual([dispatch.status]);
    } finally {
      t.clock.set(TODAY);
    }
  });
});
