import { aVolunteer } from '../support/factories';
import { ADMIN, type TestApp } from '../support/test-app';
import { visitWorld } from '../support/visit-fixtures';
import { screenshot, tokyoDay, useBrowserSession } from './browser';

jest.setTimeout(120_000);

/**
 * The staff dashboard's lists, on data made through the API: tomorrow's dispatch confirmed within
 * 48 hours counts as reconfirmed (nothing to chase), the escalated request nobody can take with
 * its reason, and the volunteer whose pledge and insurance are missing (not "lapsing").
 * staff-desk.browser-spec.ts walks the rest of the to-do list.
 */
describe('staff dashboard (browser)', () => {
  const session = useBrowserSession();
  const { tab, signIn } = session;
  let t: TestApp;

  beforeAll(() => {
    ({ t } = session);
  });

  it('shows the escalated request, nothing to chase for a visit confirmed within 48 hours, and standing that is missing', async () => {
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

    // A yes within 48 hours of the visit is the reconfirmation: nothing to chase tomorrow.
    const reconfirm = page.getByTestId('not-reconfirmed');
    await reconfirm.getByText('明日の派遣はすべて再確認済みです。').waitFor();
    expect(await reconfirm.getByText(first.displayName).count()).toBe(0);

    const needsStaff = page.getByTestId('escalations');
    await needsStaff.getByText('タイ語').waitFor();
    await needsStaff.getByText('条件に合う通訳者がいません').waitFor();
    await needsStaff.locator('[data-state="escalated"]').first().waitFor();
    // Three days ahead: an escalation, not one of the visits within 48 hours.
    expect(await page.getByTestId('unfilled-soon').getByText('タイ語').count()).toBe(0);

    const missing = page.getByTestId('standing-missing');
    await missing.getByText('新人 ボランティア').waitFor();
    await missing.getByText('誓約書 なし').waitFor();
    await missing.getByText('保険 なし').waitFor();
    expect(await page.getByTestId('standing-lapses').getByText('新人 ボランティア').count()).toBe(0);
    await screenshot(page, 'staff-dashboard-panels');

    // Each line opens its page.
    await needsStaff.getByText('タイ語').click();
    await page.waitForURL(new RegExp(`#/requests/${escalated.body.id}/show`));
  });
});
