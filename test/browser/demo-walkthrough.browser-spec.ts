import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { MoreThan } from 'typeorm';
import {
  ActivityReport,
  AuditEntry,
  Dispatch,
  HospitalConfirmation,
  InterpretationRequest,
  Offer,
  User,
  Volunteer,
} from '@app/domain';
import { DEMO_PASSWORD } from '../../apps/api/src/bootstrap/demo-seed';
import { ADMIN, type TestApp } from '../support/test-app';
import { DESKTOP, PHONE, screenshot, tokyoDay, useBrowserSession, choose } from './browser';

jest.setTimeout(180_000);

/** README screenshots are written only when asked: UPDATE_DOCS_SCREENSHOTS=1. */
const UPDATE_DOCS = process.env.UPDATE_DOCS_SCREENSHOTS === '1';
const DOCS = path.resolve(__dirname, '../../docs');

async function docsScreenshot(page: Page, name: string): Promise<void> {
  if (!UPDATE_DOCS) return;
  mkdirSync(DOCS, { recursive: true });
  await page.screenshot({ path: path.join(DOCS, name), fullPage: false, animations: 'disabled' });
}

/** The Tokyo calendar day of an instant, YYYY-MM-DD. */
const tokyoDayOf = (at: Date) => new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);

/** No i18n key (app.xxx, resources.xxx, ra.xxx) may show through on a page. */
async function expectTranslated(page: Page): Promise<void> {
  const text = (await page.locator('body').innerText()) ?? '';
  expect(text.match(/\b(app|resources|ra)\.[a-z_]+\.[a-z_.]+/g) ?? []).toEqual([]);
}

/**
 * A day on the demo data (SEED_DEMO=true, as `npm start` loads it), through the UI only, in the
 * order a real day goes: the volunteer on her phone, the hospital's coordinator, then staff at
 * their desk. Each step checks what changed in the database.
 */
/** YYYY-MM-DD of an instant in Tokyo (what the list's date filter takes). */
const tokyoDateOf = (at: Date) => new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);

describe('a day on the demo data (browser)', () => {
  const session = useBrowserSession({ SEED_DEMO: 'true' });
  const { tab, signIn, allowProblem, scrollWidth } = session;
  let t: TestApp;
  let base: string;
  let lan: Volunteer;
  let viRequest: InterpretationRequest;
  let lastVisit: Dispatch;

  beforeAll(async () => {
    ({ t, base } = session);
    lan = await t.dataSource.getRepository(Volunteer).findOneByOrFail({ email: 'volunteer1@example.jp' });
    const upcoming = await t.dataSource
      .getRepository(InterpretationRequest)
      .find({ where: { language: 'vi', status: 'offered' } });
    expect(upcoming).toHaveLength(1);
    viRequest = upcoming[0];
    const past = await t.dataSource
      .getRepository(Dispatch)
      .find({ where: { volunteerId: lan.id, status: 'confirmed' } });
    lastVisit = past.find((d) => d.endsAt.getTime() < Date.now())!;
    expect(lastVisit).toBeDefined();
  });

  it('volunteer1 on a phone: accepts the Vietnamese offer, sees the dispatch with its calendar file, reports the last visit, reads availability and training', async () => {
    const page = await tab(PHONE);
    // No report yet for the last visit: GET …/report answers 404, which the form reads as "new".
    allowProblem(page, /status of 404/);
    await signIn(page, 'volunteer1@example.jp', DEMO_PASSWORD);
    await expectTranslated(page);
    await screenshot(page, 'demo-volunteer-home-phone');

    await page.goto(`${base}/admin/#/offers`);
    const offer = page.getByTestId('offer').filter({ hasText: 'ベトナム語' });
    await offer.waitFor();
    await offer.getByText('熊本中央病院').first().waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectTranslated(page);
    await screenshot(page, 'demo-offers-phone');
    await offer.getByRole('button', { name: '引き受ける' }).click();
    await page.getByText('引き受けました').waitFor();
    const accepted = await t.dataSource
      .getRepository(Offer)
      .findOneByOrFail({ requestId: viRequest.id, volunteerId: lan.id });
    expect(accepted.status).toBe('accepted');
    expect((await t.dataSource.getRepository(InterpretationRequest).findOneByOrFail({ id: viRequest.id })).status).toBe(
      'confirmed',
    );

    await page.goto(`${base}/admin/#/dispatches`);
    const upcoming = page.getByTestId('dispatch').filter({ hasText: '熊本中央病院' });
    await upcoming.first().waitFor();
    await upcoming
      .first()
      .getByText(/10:00–12:00/)
      .waitFor();
    await upcoming.first().getByRole('button', { name: 'カレンダーに追加 (.ics)' }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectTranslated(page);
    await screenshot(page, 'demo-dispatches-phone', { fullPage: false });
    if (UPDATE_DOCS) {
      // The README's phone view: the dispatch she just accepted and the visit to report, without the notice.
      await page.getByText('引き受けました').waitFor({ state: 'hidden' });
      await docsScreenshot(page, 'admin-volunteer-phone.png');
    }

    // The visit of the last days, still to report.
    const past = page.getByTestId('past-dispatch').first();
    await past.getByRole('link', { name: '活動報告を書く' }).click();
    await page.waitForURL(new RegExp(`#/dispatches/${lastVisit.id}/report`));
    await page.getByRole('heading', { name: '活動報告', level: 1 }).waitFor();
    await page.getByLabel('待ち時間（分）').fill('15');
    await page.getByLabel('交通費（円）').fill('360');
    await page.getByRole('checkbox', { name: '受付' }).check();
    await page.getByRole('checkbox', { name: '診察' }).check();
    await page.getByRole('radio', { name: '3 ふつう' }).check();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectTranslated(page);
    await screenshot(page, 'demo-report-form-phone');
    await page.getByRole('button', { name: '報告を送る' }).click();
    await page.getByText('活動報告を送りました').waitFor();
    const report = await t.dataSource.getRepository(ActivityReport).findOneByOrFail({ dispatchId: lastVisit.id });
    expect([
      report.waitingMinutes,
      report.transportCostYen,
      report.difficulty,
      [...report.scenes].sort(),
      report.reviewStatus,
    ]).toEqual([15, 360, 3, ['consultation', 'reception'], 'pending']);

    await page.goto(`${base}/admin/#/my/availability`);
    await page.getByRole('heading', { name: '空き状況', level: 1 }).waitFor();
    // Her demo hours: Monday to Friday, 09:00–17:00.
    expect(
      await page.getByRole('group', { name: '月曜日' }).getByTestId('slot').first().getByLabel('開始').inputValue(),
    ).toBe('09:00');
    expect(
      await page.getByRole('group', { name: '金曜日' }).getByTestId('slot').first().getByLabel('終了').inputValue(),
    ).toBe('17:00');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectTranslated(page);
    await screenshot(page, 'demo-my-availability-phone');

    await page.goto(`${base}/admin/#/my/training`);
    await page.getByRole('heading', { name: '研修記録', level: 1 }).waitFor();
    await page.getByTestId('training-rule').getByText('満たしています').waitFor();
    expect(await page.getByTestId('training-entry').count()).toBe(2);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectTranslated(page);
    await screenshot(page, 'demo-my-training-phone');
  });

  it("coordinator1: the hospital's requests with status, the Vietnamese one confirmed, confirms and rates the last visit, files a new request", async () => {
    const coordinator = await t.dataSource.getRepository(User).findOneByOrFail({ email: 'coordinator1@example.jp' });
    const page = await tab(PHONE);
    await signIn(page, coordinator.email, DEMO_PASSWORD);
    await page.getByRole('button', { name: '開く' }).or(page.getByLabel('メニューを開く')).first().click();
    await page.getByRole('menuitem', { name: '通訳依頼' }).click();
    await page.waitForURL(/#\/requests/);
    // Upcoming first, from today: the Vietnamese request (now confirmed) on the first page.
    const viRow = page.locator(`a[href$="/requests/${viRequest.id}/show"]`);
    await viRow.locator('[data-status="confirmed"]').waitFor();
    // Past visits by an earlier date: the last days' visit waits for the hospital's confirmation (確認待ち, not 確定).
    await page.getByLabel('この日以降').fill(tokyoDateOf(lastVisit.startsAt));
    await page
      .locator(`a[href$="/requests/${lastVisit.requestId}/show"]`)
      .locator('[data-status="awaiting_confirmation"]')
      .waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectTranslated(page);
    await screenshot(page, 'demo-requests-coordinator-phone', { fullPage: false });

    await viRow.click();
    await page.waitForURL(new RegExp(`#/requests/${viRequest.id}/show`));
    await page.locator('[data-status="confirmed"]').first().waitFor();
    await page.getByText('グエン・ヴァン・ナム').waitFor();
    // The hospital knows whom to expect: the interpreter who accepted.
    await page.getByRole('region', { name: '受診の内容' }).getByText('グエン・ティ・ラン').waitFor();
    await screenshot(page, 'demo-request-vi-confirmed-phone');

    await page.goBack();
    await page.getByLabel('この日以降').fill(tokyoDateOf(lastVisit.startsAt));
    await page.locator(`a[href$="/requests/${lastVisit.requestId}/show"]`).click();
    await page.waitForURL(new RegExp(`#/requests/${lastVisit.requestId}/show`));
    const panel = page.getByRole('region', { name: '受診の確認と評価' });
    await panel.getByRole('button', { name: '受診を確認して評価する' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('label').filter({ hasText: '5 / 5' }).click();
    await dialog.getByLabel(/コメント/).fill('いつも丁寧な通訳をありがとうございます。');
    await screenshot(page, 'demo-visit-confirm-dialog-phone', { fullPage: false });
    await dialog.getByRole('button', { name: '確認して送る' }).click();
    await page.getByText('受診を確認しました').first().waitFor();
    await panel.getByTestId('visit-confirmation').getByText('評価: 5 / 5').waitFor();
    const confirmation = await t.dataSource
      .getRepository(HospitalConfirmation)
      .findOneByOrFail({ dispatchId: lastVisit.id });
    expect([confirmation.rating, confirmation.confirmedBy]).toEqual([5, coordinator.id]);
    expect((await t.dataSource.getRepository(Dispatch).findOneByOrFail({ id: lastVisit.id })).status).toBe('completed');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'demo-visit-confirmed-phone');

    // A new request, on the desktop at the nurses' station: in well under a minute.
    const desk = await tab(DESKTOP);
    await signIn(desk, coordinator.email, DEMO_PASSWORD);
    const started = Date.now();
    await desk.getByRole('menuitem', { name: '通訳依頼' }).click();
    await desk.getByRole('link', { name: '通訳を依頼する' }).click();
    await desk.waitForURL(/#\/requests\/create/);
    await desk.getByLabel('受診日').waitFor();
    await desk.waitForLoadState('networkidle');
    await choose(desk, '言語', 'ベトナム語');
    await desk.getByLabel('受診日').fill(tokyoDay(14));
    await desk.getByLabel('患者さんの呼び名').fill('ホアン・ティ・マイ');
    await choose(desk, '患者さんの性別', '女性');
    await expectTranslated(desk);
    await screenshot(desk, 'demo-request-create');
    await desk.getByRole('button', { name: '保存' }).click();
    await desk.waitForURL(/#\/requests\/[0-9a-f-]{36}\/show/);
    expect(Date.now() - started).toBeLessThan(60_000);
    const id = /requests\/([0-9a-f-]{36})\/show/.exec(desk.url())![1];
    await desk.getByText('ホアン・ティ・マイ').waitFor();
    const saved = await t.dataSource.getRepository(InterpretationRequest).findOneByOrFail({ id });
    expect([saved.hospitalId, saved.language, saved.createdBy]).toEqual([coordinator.hospitalId, 'vi', coordinator.id]);
    await screenshot(desk, 'demo-request-created');
  });

  it('staff at their desk: dashboard, the escalated Nepali request with candidates and exclusions, the review queue, figures, exports, mail, a course, availability, audit log', async () => {
    const page = await tab(DESKTOP);
    await signIn(page, ADMIN.email, ADMIN.password);
    // The to-do list (#19): the escalated Nepali request with its reason, standing split in two.
    const escalations = page.getByTestId('escalations');
    await escalations.getByText('ネパール語').waitFor();
    await page.getByTestId('standing').locator('li, a').first().waitFor();
    await page.getByTestId('unfilled-soon').waitFor();
    // Tomorrow's visit from the seed is reconfirmed: not on the list of visits to chase.
    const tomorrowVisit = await t.dataSource
      .getRepository(Dispatch)
      .findOneOrFail({ where: { status: 'confirmed', startsAt: MoreThan(new Date()) }, order: { startsAt: 'ASC' } });
    expect(tokyoDayOf(tomorrowVisit.startsAt)).toBe(tokyoDay(1));
    expect(tomorrowVisit.reconfirmedAt).not.toBeNull();
    const tomorrowVolunteer = await t.dataSource
      .getRepository(Volunteer)
      .findOneByOrFail({ id: tomorrowVisit.volunteerId });
    const notReconfirmed = page.getByTestId('not-reconfirmed');
    await notReconfirmed.getByText('明日の派遣はすべて再確認済みです。').waitFor();
    expect(await notReconfirmed.getByText(tomorrowVolunteer.displayName).count()).toBe(0);
    await page.getByTestId('reports-to-review').getByTestId('desk-report').first().waitFor();
    await expectTranslated(page);
    await screenshot(page, 'demo-staff-dashboard');
    await docsScreenshot(page, 'admin-staff-dashboard.png');

    // The escalated Nepali oncology consent: candidates and, for each one excluded, why.
    const nepali = await t.dataSource
      .getRepository(InterpretationRequest)
      .findOneByOrFail({ language: 'ne', status: 'escalated', department: 'oncology' });
    await escalations.getByText('ネパール語').click();
    await page.waitForURL(new RegExp(`#/requests/${nepali.id}/show`));
    const candidates = page.getByRole('region', { name: '候補の通訳者' });
    await candidates.getByTestId('excluded-candidate').first().waitFor();
    await candidates
      .getByTestId('excluded-candidate')
      .filter({ hasText: 'ラマ・スニタ' })
      .getByText('レベル不足')
      .waitFor();
    expect(await candidates.getByTestId('eligible-candidate').count()).toBe(0);
    await page.getByText('要対応の理由: 条件に合う通訳者がいません').waitFor();
    await expectTranslated(page);
    await screenshot(page, 'demo-request-escalated');

    // The report queue: 王 麗華's report from the seed and volunteer1's of this morning.
    await page.goto(`${base}/admin/#/reports`);
    const wang = page.getByTestId('report').filter({ hasText: '王 麗華' });
    await wang.waitFor();
    await page.getByTestId('report').filter({ hasText: 'グエン・ティ・ラン' }).waitFor();
    await expectTranslated(page);
    await screenshot(page, 'demo-reports-queue');
    await wang.getByRole('button', { name: '確認済みにする' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('コメント（任意）').fill('母子手帳の多言語版を用意します。');
    await dialog.getByRole('button', { name: '確認' }).click();
    await page.getByText('確認済みにしました').waitFor();
    const wangVolunteer = await t.dataSource
      .getRepository(Volunteer)
      .findOneByOrFail({ email: 'volunteer3@example.jp' });
    const pending = await t.dataSource
      .getRepository(ActivityReport)
      .find({ where: { volunteerId: wangVolunteer.id, reviewStatus: 'pending' } });
    expect(pending).toHaveLength(0);

    // This fiscal year's figures, from the demo's history.
    await page.getByRole('menuitem', { name: '実績' }).click();
    await page.waitForURL(/#\/figures$/);
    await page.getByTestId('chart-by-month').locator('svg').first().waitFor();
    expect(Number(await page.getByTestId('figure-requests-value').textContent())).toBeGreaterThan(3);
    await expectTranslated(page);
    await screenshot(page, 'demo-figures');

    await page.getByRole('menuitem', { name: '明細・データ出力' }).click();
    await page.getByRole('button', { name: '派遣一覧（CSV）' }).waitFor();
    await page
      .getByText(/この月の明細はありません|合計/)
      .first()
      .waitFor();
    await expectTranslated(page);
    await screenshot(page, 'demo-exports');

    await page.getByRole('menuitem', { name: 'メール', exact: true }).click();
    await page.waitForURL(/#\/mail/);
    await page.locator('tbody tr').first().waitFor();
    await expectTranslated(page);
    await screenshot(page, 'demo-mail');

    // The list shows upcoming courses first, then the past ones (the demo's are past).
    await page.getByRole('menuitem', { name: '研修' }).click();
    const course = page.getByRole('row').filter({ hasText: 'インフォームド・コンセント' });
    await course.click();
    await page.waitForURL(/#\/courses\/[0-9a-f-]{36}\/show/);
    await page.getByRole('region', { name: '出欠' }).getByTestId('attendance-row').first().waitFor();
    await page.getByRole('radiogroup', { name: 'グエン・ティ・ラン' }).getByRole('radio', { name: '出席' }).waitFor();
    expect(
      await page
        .getByRole('radiogroup', { name: 'グエン・ティ・ラン' })
        .getByRole('radio', { name: '出席' })
        .isChecked(),
    ).toBe(true);
    await expectTranslated(page);
    await screenshot(page, 'demo-course-attendance');

    // She can also come on Saturdays now: staff add the slot from her page.
    await page.getByRole('menuitem', { name: '通訳ボランティア' }).click();
    await page.getByRole('row').filter({ hasText: 'グエン・ティ・ラン' }).click();
    await page.waitForURL(new RegExp(`#/volunteers/${lan.id}/show`));
    const editor = page.getByTestId('availability-editor');
    await editor.getByRole('group', { name: '月曜日' }).getByTestId('slot').first().waitFor();
    await editor.getByRole('group', { name: '土曜日' }).getByRole('button', { name: '時間帯を追加' }).click();
    await editor.getByRole('button', { name: '空き状況を保存' }).click();
    await page.getByText('空き状況を保存しました').waitFor();
    const saved = await t.dataSource.getRepository(Volunteer).findOneByOrFail({ id: lan.id });
    expect(saved.availability.weekly.map((slot) => slot.weekday)).toEqual([1, 2, 3, 4, 5, 6]);
    await expectTranslated(page);
    await screenshot(page, 'demo-volunteer-availability');

    // The audit log has today's actions, the newest (that save) first.
    const [newest] = await t.dataSource.getRepository(AuditEntry).find({ order: { at: 'DESC', id: 'DESC' }, take: 1 });
    await page.getByRole('menuitem', { name: '監査ログ' }).click();
    await page.waitForURL(/#\/audit-log/);
    await page.locator('tbody tr').first().getByText(newest.action).waitFor();
    await expectTranslated(page);
    await screenshot(page, 'demo-audit-log');
  });
});
