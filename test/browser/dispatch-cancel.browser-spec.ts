import type { Page } from 'playwright-core';
import { Dispatch, InterpretationRequest, Offer } from '@app/domain';
import { JobsService } from '../../apps/api/src/jobs/jobs.service';
import { aUser } from '../support/factories';
import { type TestApp } from '../support/test-app';
import { visitWorld } from '../support/visit-fixtures';
import { PHONE, screenshot, tokyoDay, useBrowserSession } from './browser';

jest.setTimeout(150_000);

const BUTTON = '通訳者の派遣を取り消す';
const REOPENED = '派遣を取り消しました。依頼は通訳者探しに戻りました';

/**
 * A confirmed volunteer who phones in ill, or a hospital that wants someone else: staff or the
 * hospital's coordinator cancel the dispatch on the request's page, and the request goes back to
 * finding an interpreter (unlike "依頼を取り消す", which cancels the visit).
 */
describe('cancelling the interpreter’s dispatch (browser)', () => {
  const session = useBrowserSession();
  const { tab, signIn, allowProblem, scrollWidth } = session;
  let t: TestApp;
  let world: Awaited<ReturnType<typeof visitWorld>>;
  let staffUser: Awaited<ReturnType<typeof aUser>>;

  beforeAll(async () => {
    ({ t } = session);
    staffUser = await aUser(t, { role: 'staff', displayName: 'スタッフ 田中' });
    world = await visitWorld(t, 3, ['vi']);
  });

  /** A confirmed visit in ten days, at `time` for an hour, with volunteer `index`. */
  const confirmedVisit = (index: number, time: string) =>
    world.dispatch(
      `${tokyoDay(10)}T${time}:00+09:00`,
      `${tokyoDay(10)}T${String(Number(time.slice(0, 2)) + 1).padStart(2, '0')}${time.slice(2)}:00+09:00`,
      world.volunteers[index].id,
    );

  /** The request's status chip on its page. */
  const status = (page: Page) => page.getByRole('region', { name: '受診の内容' }).locator('[data-status]').first();

  async function dispatchAndRequest(dispatchId: string) {
    const dispatch = await t.dataSource.getRepository(Dispatch).findOneByOrFail({ id: dispatchId });
    const request = await t.dataSource.getRepository(InterpretationRequest).findOneByOrFail({ id: dispatch.requestId });
    return { dispatch, request };
  }

  it('staff cancel it for an interpreter who cannot go: the request reopens and is offered to others', async () => {
    const { requestId, dispatchId } = await confirmedVisit(0, '10:00');
    const page = await tab();
    await signIn(page, staffUser.email, staffUser.password);
    await page.goto(`${session.base}/admin/#/requests/${requestId}/show`);
    await status(page).and(page.locator('[data-status="confirmed"]')).waitFor();
    const button = page.getByRole('button', { name: BUTTON });
    await button.waitFor();
    // The visit's own cancel stays, worded apart.
    await page.getByRole('button', { name: '依頼を取り消す' }).waitFor();
    await screenshot(page, 'dispatch-cancel-staff-request');

    await button.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`${world.volunteers[0].displayName}さんの派遣（`, { exact: false }).waitFor();
    await dialog.getByText('依頼は通訳者探しに戻り', { exact: false }).waitFor();
    const party = dialog.getByRole('radiogroup', { name: 'どちらの都合ですか' });
    expect(await party.getByRole('radio', { name: '通訳者が行けなくなった' }).isChecked()).toBe(true);
    expect(await party.getByRole('radio', { name: '医療機関が別の通訳者を希望している' }).isChecked()).toBe(false);
    await dialog.getByText('医療機関都合の取り消しは', { exact: false }).waitFor();
    const submit = dialog.getByRole('button', { name: '派遣を取り消す' });
    expect(await submit.isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: '取り消しの理由' }).fill('発熱のため行けないと本人から電話');
    await screenshot(page, 'dispatch-cancel-staff-dialog', { fullPage: false });
    await submit.click();

    await page.getByText(REOPENED).waitFor();
    await page.locator('[data-status="confirmed"]').waitFor({ state: 'detached' });
    expect(['open', 'offered', 'escalated']).toContain(await status(page).getAttribute('data-status'));
    await button.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '依頼を取り消す' }).waitFor();
    await screenshot(page, 'dispatch-cancel-staff-reopened');

    const { dispatch, request } = await dispatchAndRequest(dispatchId);
    expect([dispatch.status, dispatch.cancelledBy, dispatch.cancelReason]).toEqual([
      'cancelled',
      'interpreter',
      '発熱のため行けないと本人から電話',
    ]);
    expect(request.status).toBe('open');
    // The timers offer it again at once, to everyone but the volunteer who gave it up.
    await t.app.get(JobsService).runDue(100);
    const offered = (await t.dataSource.getRepository(Offer).findBy({ requestId, status: 'pending' })).map(
      (o) => o.volunteerId,
    );
    expect(offered.length).toBeGreaterThan(0);
    expect(offered).not.toContain(world.volunteers[0].id);
  });

  it('a coordinator cancels it on a phone without a party: the hospital’s side is recorded', async () => {
    const { requestId, dispatchId } = await confirmedVisit(1, '14:00');
    const page = await tab(PHONE);
    await signIn(page, world.coordinator.email, world.coordinator.password);
    await page.goto(`${session.base}/admin/#/requests/${requestId}/show`);
    const button = page.getByRole('button', { name: BUTTON });
    await button.waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'dispatch-cancel-coordinator-phone');

    await button.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`${world.volunteers[1].displayName}さんの派遣（`, { exact: false }).waitFor();
    await dialog.getByText('ほかの通訳者に改めて打診されます', { exact: false }).waitFor();
    expect(await dialog.getByRole('radiogroup').count()).toBe(0);
    await dialog.getByRole('textbox', { name: '取り消しの理由' }).fill('患者さんの希望で別の通訳者に');
    await screenshot(page, 'dispatch-cancel-coordinator-dialog-phone', { fullPage: false });
    await dialog.getByRole('button', { name: '派遣を取り消す' }).click();

    await page.getByText(REOPENED).waitFor();
    await page.locator('[data-status="confirmed"]').waitFor({ state: 'detached' });
    await button.waitFor({ state: 'detached' });
    const { dispatch, request } = await dispatchAndRequest(dispatchId);
    expect([dispatch.status, dispatch.cancelledBy]).toEqual(['cancelled', 'hospital']);
    expect(request.status).toBe('open');
  });

  it("shows the API's refusal in words when the visit ended while the dialog was open", async () => {
    const { requestId, dispatchId } = await confirmedVisit(2, '16:00');
    const page = await tab();
    allowProblem(page, /status of 409/);
    await signIn(page, staffUser.email, staffUser.password);
    await page.goto(`${session.base}/admin/#/requests/${requestId}/show`);
    await page.getByRole('button', { name: BUTTON }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '取り消しの理由' }).fill('本人から電話');
    try {
      t.clock.set(new Date(`${tokyoDay(10)}T18:00:00+09:00`));
      await dialog.getByRole('button', { name: '派遣を取り消す' }).click();
      await page
        .getByText('受診はすでに終わっています。取り消しではなく、完了または不在を記録してください', { exact: false })
        .waitFor();
    } finally {
      t.clock.reset();
    }
    await screenshot(page, 'dispatch-cancel-visit-ended', { fullPage: false });
    expect((await dispatchAndRequest(dispatchId)).dispatch.status).toBe('confirmed');
  });
});
