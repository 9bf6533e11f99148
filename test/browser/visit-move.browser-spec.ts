import { Dispatch, InterpretationRequest } from '@app/domain';
import { aUser } from '../support/factories';
import { login } from '../support/test-app';
import { visitWorld } from '../support/visit-fixtures';
import { aQualifiedVolunteer } from '../support/workflow-fixtures';
import { screenshot, tokyoDay, useBrowserSession } from './browser';

jest.setTimeout(240_000);

/** A hospital clerk's desk, and the phone the programme's volunteers carry most. */
const DESK = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/**
 * A moved hospital appointment (#19): the coordinator moves a confirmed visit at the desk and sees
 * the new time and that the interpreter is being asked; the interpreter, on a phone, sees the
 * moved visit owed an answer on their dashboard and reconfirms the new time.
 */
describe('moving a confirmed visit (browser)', () => {
  const session = useBrowserSession();
  const { tab, signIn } = session;

  it('a coordinator moves a confirmed visit; the interpreter sees it on a phone and reconfirms', async () => {
    const { t, base } = session;
    const world = await visitWorld(t, 0, ['vi']);
    const record = await aQualifiedVolunteer(t, world.courses, { languages: ['vi'], displayName: '山田 花子' });
    const user = await aUser(t, { role: 'volunteer', volunteerId: record.id, email: record.email });
    await login(t, user.email, user.password);
    const day = tokyoDay(10);
    const { requestId, dispatchId } = await world.dispatch(`${day}T10:00:00+09:00`, `${day}T11:00:00+09:00`, record.id);

    const desk = await tab(DESK);
    await signIn(desk, world.coordinator.email, world.coordinator.password);
    await desk.goto(`${base}/admin/#/requests/${requestId}/show`);
    await desk.getByRole('button', { name: '日時を変更' }).click();
    const dialog = desk.getByRole('dialog');
    const newDay = tokyoDay(11);
    await dialog.getByTestId('move-date').fill(newDay);
    await dialog.getByTestId('move-start').fill('14:00');
    await dialog.getByTestId('move-end').fill('15:30');
    await dialog.getByLabel('変更の理由（任意）').fill('主治医の外来日が変わったため');
    const what = dialog.getByTestId('move-what-happens');
    await what.getByText('山田 花子さん', { exact: false }).waitFor();
    await what.getByText('依頼は通訳者探しに戻ります', { exact: false }).waitFor();
    await what.getByText('取り下げられます', { exact: false }).waitFor();
    await screenshot(desk, 'visit-move-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: '日時を変更する' }).click();
    await desk.getByText('日時を変更しました', { exact: false }).first().waitFor();
    await desk.getByText('14:00–15:30', { exact: false }).first().waitFor();
    await desk.locator('[data-testid="reconfirmation"][data-moved="true"]').getByText('日時変更の確認待ち').waitFor();
    await desk.getByTestId('moved-from').getByText('10:00', { exact: false }).waitFor();
    await screenshot(desk, 'visit-move-request-page');
    const moved = await t.dataSource.getRepository(InterpretationRequest).findOneByOrFail({ id: requestId });
    expect(moved.startsAt.toISOString()).toBe(new Date(`${newDay}T14:00:00+09:00`).toISOString());
    expect(moved.status).toBe('confirmed');

    const phone = await tab(PHONE);
    await signIn(phone, user.email, user.password);
    // Ten days off, outside the usual reconfirmation window: the move makes the answer owed now.
    await phone.getByTestId('owed-reconfirm').first().waitFor();
    await screenshot(phone, 'visit-move-volunteer-dashboard-phone');
    await phone.goto(`${base}/admin/#/dispatches/${dispatchId}/show`);
    const prompt = phone.getByTestId('reconfirm-prompt');
    await prompt.getByText('病院の都合で受診の日時が変わりました', { exact: false }).waitFor();
    await phone.getByText('14:00–15:30', { exact: false }).first().waitFor();
    await screenshot(phone, 'visit-move-volunteer-visit-phone');
    await prompt.getByRole('button', { name: '新しい日時で行けます' }).click();
    await phone.getByText('参加を再確認しました').waitFor();
    expect(
      (await t.dataSource.getRepository(Dispatch).findOneByOrFail({ id: dispatchId })).reconfirmedAt,
    ).not.toBeNull();
    await screenshot(phone, 'visit-move-volunteer-reconfirmed-phone', { fullPage: false });

    // Back at the desk: the interpreter has answered.
    await desk.reload();
    await desk.locator('[data-testid="reconfirmation"][data-reconfirmed="true"]').waitFor();
  });
});
