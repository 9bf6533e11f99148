import { Dispatch, InterpretationRequest } from '@app/domain';
import { ADMIN, login, type TestApp } from '../support/test-app';
import { fileAndAssign, fileRequest } from '../support/visit-fixtures';
import { aHospital, aQualifiedVolunteer, trainingCourses } from '../support/workflow-fixtures';
import { screenshot, tokyoDay, useBrowserSession } from './browser';

jest.setTimeout(120_000);

/**
 * A Nepali visit whose only Nepali speaker is booked at the same time for an English visit that
 * someone else could take: staff see the swap on the request's page and carry it out.
 */
describe('staff swaps (browser)', () => {
  const session = useBrowserSession();
  const { tab, signIn } = session;
  let t: TestApp;
  let holder: { id: string };
  let cover: { id: string };
  let english: string;
  let nepali: string;

  beforeAll(async () => {
    ({ t } = session);
    const courses = await trainingCourses(t);
    const hospital = await aHospital(t, { name: '熊本南病院', area: '南区' });
    holder = await aQualifiedVolunteer(t, courses, { languages: ['ne', 'en'], displayName: 'タパ・ビシュヌ' });
    cover = await aQualifiedVolunteer(t, courses, { languages: ['en'], displayName: 'ジョン・スミス' });
    const staff = (await login(t, ADMIN.email, ADMIN.password)).auth;
    const visit = (language: string, start: string, end: string) => ({
      hospitalId: hospital.id,
      language,
      startsAt: `${tokyoDay(10)}T${start}:00+09:00`,
      endsAt: `${tokyoDay(10)}T${end}:00+09:00`,
      patient: { displayName: '入れ替え 患者', gender: 'male' as const, ageBand: 'adult' as const },
    });
    english = (await fileAndAssign(t, { fileAs: staff, staff }, holder.id, visit('en', '10:00', '11:00'))).requestId;
    nepali = (await fileRequest(t, staff, visit('ne', '10:30', '12:00'))).id;
  });

  it('staff see who could be freed and swap them once both agreed', async () => {
    const page = await tab();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto(`${session.base}/admin/#/requests/${nepali}/show`);
    const swaps = page.getByRole('region', { name: '入れ替え' });
    const option = swaps.getByTestId('swap-option').filter({ hasText: 'タパ・ビシュヌ' });
    await option.getByText(/譲る派遣: .*熊本南病院/).waitFor();
    await option.getByText('英語').waitFor();
    await screenshot(page, 'request-swaps-staff');

    await option.getByRole('button', { name: 'ジョン・スミスさんと入れ替え' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('タパ・ビシュヌさんがこの依頼を受け、ジョン・スミスさんが', { exact: false }).waitFor();
    await screenshot(page, 'request-swap-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: '確認' }).click();
    await page.getByText('入れ替えました。依頼は確定しました').waitFor();
    // Confirmed now: the swaps panel is gone.
    await swaps.waitFor({ state: 'detached' });

    const repo = t.dataSource.getRepository(InterpretationRequest);
    expect((await repo.findOneByOrFail({ id: nepali })).status).toBe('confirmed');
    expect((await repo.findOneByOrFail({ id: english })).status).toBe('confirmed');
    const live = await t.dataSource.getRepository(Dispatch).find({ where: { status: 'confirmed' } });
    expect(live.map((d) => [d.requestId, d.volunteerId]).sort()).toEqual(
      [
        [nepali, holder.id],
        [english, cover.id],
      ].sort(),
    );
  });
});
