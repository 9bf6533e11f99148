import { aVolunteer } from '../support/factories';
import { ADMIN, type TestApp } from '../support/test-app';
import { visitWorld } from '../support/visit-fixtures';
import { screenshot, tokyoDay, useBrowserSession } from './browser';

jest.setTimeout(120_000);

/**
 * The staff dashboard's three lists, on data made through the API: tomorrow's dispatch (and not
 * the one of the day after), the escalated request nobody can take, and the volunteer whose
 * pledge and insurance are missing.
 */
describe('staff dashboard (browser)', () => {
  const session = useBrowserSession();
  const { tab, signIn } = session;
  let t: TestApp;

  beforeAll(async () => {
    ({ t } = session);
  });

  it("shows tomorrow's dispatches, the requests that need staff, and volunteers whose standing lapses", async () => {
    const world = await visitWorld(t, 2, ['vi']);
    const [first, second] = world.volunteers;
    await world.dispatch(`${tokyoDay(1)}T10:00:00+09:00`, `${tokyoDay(1)}T11:30:00+09:00`, first.id);
    await world.dispatch(`${tokyoDay(2)}T10:00:00+09:00`, `${tokyoDay(2)}T11:30:00+09:00`, second.id);
    // Nobody speaks Thai: escalated at once.
    const escalated = await t
      .http()
      .post('/api/requests')
      .set('Authorization', world.coordinator.auth)
      .send({
        language: 'th',
        startsAt: `${tokyoDay(3)}T14:00:00+09:00`,
        endsAt: `${tokyoDay(3)}T15:00:00+09:00`,
        department: 'internal_medicine',
        visitType: 'outpatient',
        patient: { displayName: 'スダー', gender: 'female', ageBand: 'adult' },
      })
      .expect(201);
    expect(
      (await t.http().get(`/api/requests/${escalated.body.id}`).set('Authorization', world.staff)).body.status,
    ).toBe('escalated');
    await aVolunteer(t, { displayName: '新人 ボランティア', languages: ['th'] });

    const page = await tab();
    await signIn(page, ADMIN.email, ADMIN.password);

    const today = page.getByTestId('today-tomorrow');
    await today.getByText('明日').first().waitFor();
    await today.getByText(/10:00–11:30/).waitFor();
    await today.getByText(new RegExp(`熊本南病院 · ${first.displayName}`)).waitFor();
    expect(await today.getByText(second.displayName).count()).toBe(0);

    const needsStaff = page.getByTestId('needs-staff');
    await needsStaff.getByText('タイ語').waitFor();
    await needsStaff.getByText('要対応').or(needsStaff.locator('[data-status="escalated"]')).first().waitFor();

    const lapsing = page.getByTestId('lapsing');
    await lapsing.getByText('新人 ボランティア').waitFor();
    await lapsing.getByText(/誓約書 未登録/).waitFor();
    await screenshot(page, 'staff-dashboard-panels');

    // Each line opens its page.
    await needsStaff.getByText('タイ語').click();
    await page.waitForURL(new RegExp(`#/requests/${escalated.body.id}/show`));
  });
});
