import { ActivityReport } from '@app/domain';
import { aUser } from '../support/factories';
import { ADMIN, login, type TestApp } from '../support/test-app';
import { fileAndAssign } from '../support/visit-fixtures';
import { aHospital, aQualifiedVolunteer, trainingCourses } from '../support/workflow-fixtures';
import { PHONE, screenshot, tokyoDay, useBrowserSession } from './browser';

jest.setTimeout(120_000);

const DAY = 24 * 60 * 60 * 1000;
/**
 * After the visit, in Chromium against the real API: the volunteer files the activity report on a
 * past dispatch from a phone and changes it, staff find it from the dashboard in the review
 * queue and mark it reviewed, after which the volunteer can only read it. Then the read-only
 * hospital and volunteer pages.
 */
describe('after the visit (browser)', () => {
  const session = useBrowserSession();
  const { tab, signIn, allowProblem, scrollWidth } = session;
  let t: TestApp;
  let base: string;
  let volunteerUser: Awaited<ReturnType<typeof aUser>>;
  let volunteer: Awaited<ReturnType<typeof aQualifiedVolunteer>>;
  let hospital: Awaited<ReturnType<typeof aHospital>>;
  let dispatchId: string;

  beforeAll(async () => {
    ({ t, base } = session);
    const courses = await trainingCourses(t);
    hospital = await aHospital(t, { name: '熊本中央病院', area: '中央区' });
    const coordinator = await aUser(t, { role: 'coordinator', hospitalId: hospital.id, displayName: '看護師 松本' });
    volunteer = await aQualifiedVolunteer(t, courses, { languages: ['vi'], displayName: 'グエン・ティ・ラン' });
    volunteerUser = await aUser(t, {
      role: 'volunteer',
      volunteerId: volunteer.id,
      email: volunteer.email,
      displayName: 'グエン・ティ・ラン',
    });

    // A visit two days ago: filed and assigned with the test clock three days back, then real time again.
    const coordinatorAuth = (await login(t, coordinator.email, coordinator.password)).auth;
    const staffAuth = (await login(t, ADMIN.email, ADMIN.password)).auth;
    t.clock.set(new Date(Date.now() - 3 * DAY));
    try {
      ({ dispatchId } = await fileAndAssign(t, { fileAs: coordinatorAuth, staff: staffAuth }, volunteer.id, {
        startsAt: `${tokyoDay(-2)}T10:00:00+09:00`,
        endsAt: `${tokyoDay(-2)}T11:30:00+09:00`,
        patient: { displayName: 'チャン・ティ・ハー', gender: 'female', ageBand: 'adult' },
      }));
    } finally {
      t.clock.reset();
    }
  });

  it('on a phone, the volunteer files the report on a past dispatch from their dispatches, then changes it', async () => {
    const page = await tab(PHONE);
    // No report yet: GET …/report answers 404, which the form reads as "new".
    allowProblem(page, /status of 404/);
    await signIn(page, volunteerUser.email, volunteerUser.password);
    await page.goto(`${base}/admin/#/dispatches`);
    const past = page.getByTestId('past-dispatch');
    await past.getByText('11:30').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'dispatches-past-phone');
    // Owed, and said so on the card.
    await past.getByTestId('report-state').getByText('報告が必要').waitFor();
    // No 確定 (confirmed) chip on a visit that has happened.
    expect(await past.getByText('確定', { exact: true }).count()).toBe(0);
    await past.getByRole('link', { name: '活動報告を書く' }).click();
    await page.waitForURL(new RegExp(`#/dispatches/${dispatchId}/report`));
    await page.getByRole('heading', { name: '活動報告', level: 1 }).waitFor();

    // The scheduled times are filled in; the volunteer corrects the end and adds the rest.
    expect(await page.getByLabel('開始時刻').inputValue()).toBe('10:00');
    await page.getByLabel('終了時刻').fill('09:30');
    await page.getByRole('button', { name: '報告を送る' }).click();
    await page.getByText('終了時刻は開始時刻より後にしてください').waitFor();
    await page.getByText('通訳した場面を1つ以上選んでください').waitFor();
    await page.getByLabel('終了時刻').fill('11:45');
    await page.getByLabel('待ち時間（分）').fill('20');
    await page.getByLabel('交通費（円）').fill('480');
    await page.getByRole('checkbox', { name: '診察' }).check();
    await page.getByRole('checkbox', { name: '会計' }).check();
    await page.getByRole('radio', { name: '4 難しい' }).check();
    await page.getByLabel('困ったこと・問題').fill('薬の飲み方の説明で、専門用語が多く訳すのに時間がかかりました。');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'report-form-phone');
    await page.getByRole('button', { name: '報告を送る' }).click();
    await page.getByText('活動報告を送りました').waitFor();
    await page.waitForURL(/#\/dispatches$/);

    const filed = await t.dataSource.getRepository(ActivityReport).findOneByOrFail({ dispatchId });
    expect([filed.waitingMinutes, filed.transportCostYen, filed.difficulty, [...filed.scenes].sort()]).toEqual([
      20,
      480,
      4,
      ['consultation', 'payment'],
    ]);
    expect(filed.actualEnd.toISOString()).toBe(new Date(`${tokyoDay(-2)}T11:45:00+09:00`).toISOString());
    expect(filed.reviewStatus).toBe('pending');

    // Still editable until staff review it.
    await page.getByTestId('past-dispatch').getByTestId('report-state').getByText('提出済み').waitFor();
    await page.getByTestId('past-dispatch').getByRole('link', { name: '報告を見る・直す' }).click();
    await page.getByTestId('review-status').getByText('確認待ち').waitFor();
    expect(await page.getByLabel('待ち時間（分）').inputValue()).toBe('20');
    await page.getByLabel('調べたい用語').fill('服薬指導、頓服');
    await page.getByRole('button', { name: '報告を直して送る' }).click();
    await page.getByText('活動報告を直しました').waitFor();
    expect((await t.dataSource.getRepository(ActivityReport).findOneByOrFail({ dispatchId })).termsToStudy).toBe(
      '服薬指導、頓服',
    );
  });

  it('staff open the review queue from the dashboard, see the flagged report, and mark it reviewed after confirming', async () => {
    const phone = await tab(PHONE);
    await signIn(phone, ADMIN.email, ADMIN.password);
    await phone.goto(`${base}/admin/#/reports`);
    await phone.getByTestId('report').first().waitFor();
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(phone, 'reports-queue-phone');

    const page = await tab();
    await signIn(page, ADMIN.email, ADMIN.password);
    expect(await page.locator('[data-coming-soon="true"]').count()).toBe(0);
    const reports = page.getByTestId('reports-to-review');
    await reports.getByTestId('reports-to-review-count').getByText('1件').waitFor();
    await screenshot(page, 'staff-dashboard-live');
    await reports.getByTestId('desk-report').first().click();
    await page.waitForURL(/#\/reports/);
    const report = page.getByTestId('report').filter({ hasText: 'グエン・ティ・ラン' });
    await report.waitFor();
    await report.getByText('問題の報告あり').waitFor();
    await report.getByText('診察、会計').waitFor();
    await report.getByText('480 円').waitFor();
    await screenshot(page, 'reports-queue');

    await report.getByRole('button', { name: '確認済みにする' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('この報告を確認済みにしますか?').waitFor();
    await dialog.getByLabel('コメント（任意）').fill('丁寧な報告ありがとうございます。用語集に追加します。');
    await screenshot(page, 'report-review-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: '確認' }).click();
    await page.getByText('確認済みにしました').waitFor();
    await page.getByText('確認待ちの活動報告はありません').waitFor();
    const reviewed = await t.dataSource.getRepository(ActivityReport).findOneByOrFail({ dispatchId });
    expect(reviewed.reviewStatus).toBe('reviewed');
    expect(reviewed.reviewComment).toBe('丁寧な報告ありがとうございます。用語集に追加します。');
  });

  it('once reviewed, the volunteer reads the report and the comment but cannot change it', async () => {
    const page = await tab(PHONE);
    await signIn(page, volunteerUser.email, volunteerUser.password);
    await page.goto(`${base}/admin/#/dispatches/${dispatchId}/report`);
    await page.getByTestId('review-status').getByText('確認済み').waitFor();
    await page.getByText('用語集に追加します').waitFor();
    expect(await page.getByRole('button', { name: /報告を/ }).count()).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'report-reviewed-phone');
  });

  it('staff read hospitals with their coordinators and volunteers with languages, level and status', async () => {
    const page = await tab();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('menuitem', { name: '医療機関' }).click();
    await page.getByRole('cell', { name: '熊本中央病院' }).waitFor();
    await screenshot(page, 'hospitals-list');
    await page.getByRole('cell', { name: '熊本中央病院' }).click();
    await page.waitForURL(new RegExp(`#/hospitals/${hospital.id}/show`));
    await page.getByText('看護師 松本').waitFor();
    await screenshot(page, 'hospital-show');

    await page.getByRole('menuitem', { name: '通訳ボランティア' }).click();
    const row = page.getByRole('row').filter({ hasText: 'グエン・ティ・ラン' });
    await row.getByText(/ベトナム語（/).waitFor();
    await row.getByText('活動中').waitFor();
    await screenshot(page, 'volunteers-list');
    await row.click();
    await page.waitForURL(new RegExp(`#/volunteers/${volunteer.id}/show`));
    await page.getByText('月の派遣上限').waitFor();
    await screenshot(page, 'volunteer-show');

    const phone = await tab(PHONE);
    await signIn(phone, ADMIN.email, ADMIN.password);
    await phone.goto(`${base}/admin/#/volunteers`);
    await phone.getByText('グエン・ティ・ラン').waitFor();
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(phone, 'volunteers-list-phone');
  });
});
