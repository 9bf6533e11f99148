import { LIVE_REFRESH_MS } from '../../apps/admin/src/lib/live';
import { tokyoDay, useBrowserSession } from './browser';
import { visitWorld } from '../support/visit-fixtures';
import type { TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * "Their hospital's requests with live status": a coordinator keeps the list open; when staff
 * fill the request elsewhere, the status on the coordinator's screen changes without a reload.
 */
describe('live status (browser)', () => {
  const session = useBrowserSession();
  const { tab, signIn } = session;
  let t: TestApp;

  beforeAll(() => {
    ({ t } = session);
  });

  it("the coordinator's open request list shows the request confirmed once staff assign it, without a reload", async () => {
    const world = await visitWorld(t, 1, ['vi']);
    const filed = await t
      .http()
      .post('/api/requests')
      .set('Authorization', world.coordinator.auth)
      .send({
        language: 'vi',
        startsAt: `${tokyoDay(4)}T10:00:00+09:00`,
        endsAt: `${tokyoDay(4)}T11:00:00+09:00`,
        department: 'internal_medicine',
        visitType: 'outpatient',
        patient: { displayName: 'グエン', gender: 'female', ageBand: 'adult' },
      })
      .expect(201);

    const page = await tab();
    await signIn(page, world.coordinator.email, world.coordinator.password);
    await page.getByRole('menuitem', { name: '通訳依頼' }).click();
    const row = page.locator('tr', { has: page.locator('[data-status]') }).first();
    await row.locator('[data-status="offered"]').waitFor();
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));

    await t
      .http()
      .post(`/api/requests/${filed.body.id}/assign`)
      .set('Authorization', world.staff)
      .send({ volunteerId: world.volunteers[0].id })
      .expect(200);
    await row.locator('[data-status="confirmed"]').waitFor({ timeout: LIVE_REFRESH_MS + 15_000 });
    expect(navigations.filter((url) => !url.includes('#/requests'))).toEqual([]);
  });
});
