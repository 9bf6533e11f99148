import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { AuditEntry, MailMessage } from '@app/domain';
import { formatDuration } from '../../apps/admin/src/figures/format';
import { aUser } from '../support/factories';
import { ADMIN, login, type TestApp } from '../support/test-app';
import { visitWorld } from '../support/visit-fixtures';
import { busyDownload, PHONE, screenshot, tokyoDay, useBrowserSession } from './browser';
import { MailLinks } from '../../apps/api/src/mail/mail-links';

jest.setTimeout(150_000);

const HOUR = 60 * 60 * 1000;
const MAIL_STATUS_JA: Record<string, string> = {
  pending: '送信待ち',
  sent: '送信済み',
  failed: '送信失敗',
  kept: '保存のみ（未送信）',
};

/** Polls a condition of the page (the panel's CSP forbids waitForFunction's string form). */
async function until(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The Japanese fiscal year (April–March) of a YYYY-MM-DD day. */
const fiscalYearOfDay = (day: string) => Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) < 4 ? 1 : 0);

/**
 * The office's back room, in Chromium against the real API: staff read the fiscal year's figures
 * (the numbers the API counts, with charts, also on a phone), download a CSV export, read a mail
 * the app kept; an admin reads the audit log, which staff cannot open.
 */
describe('staff operations (browser)', () => {
  const session = useBrowserSession();
  const { tab, signIn, scrollWidth } = session;
  let t: TestApp;
  let base: string;
  let staffUser: Awaited<ReturnType<typeof aUser>>;
  let fiscalYear: number;
  let assignedRequestIds: string[];
  let completedVolunteerName: string;

  beforeAll(async () => {
    ({ t, base } = session);
    staffUser = await aUser(t, { role: 'staff', displayName: 'スタッフ 田中' });
    const world = await visitWorld(t, 2, ['vi', 'zh']);
    const [first, second] = world.volunteers;
    const file = async (language: string, day: string) => {
      const filed = await t
        .http()
        .post('/api/requests')
        .set('Authorization', world.coordinator.auth)
        .send({
          language,
          startsAt: `${day}T10:00:00+09:00`,
          endsAt: `${day}T11:00:00+09:00`,
          department: 'internal_medicine',
          visitType: 'outpatient',
          patient: { displayName: 'レ・ヴァン・ナム', gender: 'male', ageBand: 'adult' },
        })
        .expect(201);
      return filed.body.id as string;
    };
    const assign = (requestId: string, volunteerId: string) =>
      t
        .http()
        .post(`/api/requests/${requestId}/assign`)
        .set('Authorization', world.staff)
        .send({ volunteerId })
        .expect(200);

    // Two requests filed two hours and one hour before staff fill them; a third filled at once.
    const now = Date.now();
    try {
      t.clock.set(new Date(now - 2 * HOUR));
      const early = await file('vi', tokyoDay(7));
      t.clock.set(new Date(now - HOUR));
      const later = await file('zh', tokyoDay(8));
      t.clock.reset();
      await assign(early, first.id);
      await assign(later, second.id);
      const third = await world.dispatch(
        `${tokyoDay(9)}T14:00:00+09:00`,
        `${tokyoDay(9)}T15:00:00+09:00`,
        first.id,
        'vi',
      );
      assignedRequestIds = [early, later, third.requestId];
      // Two days ago: a Chinese request nobody took (unfilled), and a Vietnamese visit done and completed (billed).
      t.clock.set(new Date(now - 3 * 24 * HOUR));
      await file('zh', tokyoDay(-2));
      const done = await file('vi', tokyoDay(-2));
      const dispatched = await assign(done, second.id);
      t.clock.reset();
      await t
        .http()
        .post(`/api/dispatches/${dispatched.body.dispatch.id}/complete`)
        .set('Authorization', world.staff)
        .send({ actualStart: `${tokyoDay(-2)}T10:00:00+09:00`, actualEnd: `${tokyoDay(-2)}T11:00:00+09:00` })
        .expect(200);
      assignedRequestIds.push(done);
      completedVolunteerName = second.displayName;
    } finally {
      t.clock.reset();
    }
    fiscalYear = fiscalYearOfDay(tokyoDay(7));
  });

  async function summary() {
    const auth = (await login(t, staffUser.email, staffUser.password)).auth;
    const res = await t.http().get('/api/stats/summary').query({ fiscalYear }).set('Authorization', auth).expect(200);
    return res.body as {
      requests: { total: number; filled: number; fillRate: number | null };
      dispatches: { total: number; byMonth: Array<{ month: string; count: number }> };
      timeToConfirmMinutes: { median: number | null };
    };
  }

  /** The texts drawn in a chart's SVG (axis ticks and bar labels). */
  const chartTexts = (page: Page, testId: string) => page.getByTestId(testId).locator('svg text').allTextContents();

  it("staff read the fiscal year's figures: the API's numbers, charts by month (April first), language, hospital and unfilled language", async () => {
    const expected = await summary();
    expect([expected.requests.total, expected.requests.filled, expected.requests.fillRate]).toEqual([5, 4, 0.8]);

    const page = await tab();
    await signIn(page, staffUser.email, staffUser.password);
    await page.getByRole('menuitem', { name: '実績' }).click();
    await page.waitForURL(/#\/figures$/);
    await page.getByRole('combobox', { name: '年度' }).getByText(`${fiscalYear}年度`).waitFor();
    await page.getByTestId('chart-by-month').locator('svg').first().waitFor();

    expect(await page.getByTestId('figure-requests-value').textContent()).toBe(String(expected.requests.total));
    expect(await page.getByTestId('figure-filled-value').textContent()).toBe(String(expected.requests.filled));
    expect(await page.getByTestId('figure-fill-rate-value').textContent()).toBe('80%');
    expect(await page.getByTestId('figure-time-to-fill-value').textContent()).toBe(
      formatDuration(expected.timeToConfirmMinutes.median),
    );
    // Filled after 2 h, 1 h, and twice at once: the median is half an hour.
    expect(await page.getByTestId('figure-time-to-fill-value').textContent()).toBe('30分');
    await page.getByText(`月別の派遣件数（計 ${expected.dispatches.total} 件）`).waitFor();

    // Axis ticks and the count on each bar (3件): months April to March, columns where the API counted dispatches.
    const monthTexts = await chartTexts(page, 'chart-by-month');
    expect(monthTexts.filter((text) => /^\d+月$/.test(text))).toEqual([
      '4月',
      '5月',
      '6月',
      '7月',
      '8月',
      '9月',
      '10月',
      '11月',
      '12月',
      '1月',
      '2月',
      '3月',
    ]);
    expect(monthTexts.filter((text) => text.endsWith('件'))).toEqual(
      expected.dispatches.byMonth.filter((m) => m.count > 0).map((m) => `${m.count}件`),
    );
    const barsOf = async (testId: string) => (await chartTexts(page, testId)).filter((text) => !/^\d+$/.test(text));
    expect(await barsOf('chart-by-language')).toEqual(['3件', '1件', 'ベトナム語', '中国語']);
    expect(await barsOf('chart-by-hospital')).toEqual(['4件', '熊本南病院']);
    expect(await barsOf('chart-by-department')).toEqual(['4件', '内科']);
    expect(await barsOf('chart-unfilled')).toEqual(['1件', '中国語']);
    await screenshot(page, 'figures');

    // A year with nothing in it: one sentence, no empty charts.
    await page.getByRole('combobox', { name: '年度' }).click();
    await page.getByRole('option', { name: new RegExp(`^${fiscalYear - 3}年度`) }).click();
    await page
      .getByTestId('figures-empty')
      .getByText(`${fiscalYear - 3}年度の依頼・派遣はまだありません。`)
      .waitFor();
    expect(await page.locator('svg text').count()).toBe(0);
    await screenshot(page, 'figures-empty-year');
  });

  it('on a phone the figures fit the screen and the charts shrink to it', async () => {
    const page = await tab(PHONE);
    await signIn(page, staffUser.email, staffUser.password);
    await page.goto(`${base}/admin/#/figures`);
    await page.getByTestId('chart-unfilled').locator('svg').first().waitFor();
    await page.getByTestId('figure-fill-rate-value').getByText('80%').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    const chartWidth = await page
      .getByTestId('chart-by-month')
      .locator('svg')
      .first()
      .evaluate((svg) => svg.getBoundingClientRect().width);
    expect(chartWidth).toBeGreaterThan(200);
    expect(chartWidth).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'figures-phone');
  });

  it("staff download the fiscal year's dispatches as CSV under the server's file name, and see the month's statements", async () => {
    const page = await tab();
    await signIn(page, staffUser.email, staffUser.password);
    await page.getByRole('menuitem', { name: '明細・データ出力' }).click();
    await page.waitForURL(/#\/exports$/);
    expect(await page.getByLabel('開始日').inputValue()).toBe(`${fiscalYear}-04-01`);
    expect(await page.getByLabel('終了日').inputValue()).toBe(`${fiscalYear + 1}-03-31`);
    // The month of the completed visit: one line for the hospital and one for the interpreter (default fee rule).
    const visitDay = tokyoDay(-2);
    await page.getByRole('combobox', { name: '対象月' }).click();
    await page.getByRole('option', { name: `${visitDay.slice(0, 4)}年${Number(visitDay.slice(5, 7))}月` }).click();
    const hospitalRow = page
      .getByRole('table', { name: '医療機関への請求' })
      .getByRole('row')
      .filter({ hasText: '熊本南病院' });
    await hospitalRow.waitFor();
    expect(await hospitalRow.getByRole('cell').allTextContents()).toEqual(['熊本南病院', '1', '3,000円', 'PDF']);
    const volunteerRow = page
      .getByRole('table', { name: '通訳者への支払い' })
      .getByRole('row')
      .filter({ hasText: completedVolunteerName });
    await volunteerRow.waitFor();
    expect(await volunteerRow.getByRole('cell').allTextContents()).toEqual([
      completedVolunteerName,
      '1',
      '3,000円',
      'PDF',
    ]);
    await screenshot(page, 'exports');

    const button = page.getByRole('button', { name: '派遣一覧（CSV）' });
    const download = await busyDownload(page, button, '**/api/exports/dispatches.csv?*', 'exports-downloading');
    expect(download.suggestedFilename()).toBe(`dispatches-${fiscalYear}-04-01-${fiscalYear + 1}-03-31.csv`);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split(/\r?\n/);
    // In the panel's language (lang=ja): human columns first, ids last.
    expect(lines[0].split(',').slice(0, 4)).toEqual(['日付', '開始', '終了', '医療機関']);
    expect(lines[0].split(',').slice(-3)).toEqual(['派遣ID', '依頼ID', '通訳者ID']);
    expect(lines).toHaveLength(1 + assignedRequestIds.length);
    for (const requestId of assignedRequestIds)
      expect(lines.some((line) => line.includes(requestId) && line.includes('熊本南病院'))).toBe(true);
    await page.getByText('派遣一覧（CSV） をダウンロードしました').waitFor();
    expect(await button.isEnabled()).toBe(true);

    // An impossible range: the downloads wait for a valid one.
    await page.getByLabel('終了日').fill(`${fiscalYear - 1}-03-31`);
    await page.getByText('終了日は開始日以降にしてください').waitFor();
    expect(await button.isDisabled()).toBe(true);

    const phone = await tab(PHONE);
    await signIn(phone, staffUser.email, staffUser.password);
    await phone.goto(`${base}/admin/#/exports`);
    await phone.getByRole('button', { name: '派遣一覧（CSV）' }).waitFor();
    await phone
      .getByText(/この月の明細はありません|合計/)
      .first()
      .waitFor();
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(phone, 'exports-phone');
  });

  it('staff read a mail the app kept: newest first, subject, recipient, status and body', async () => {
    const newest = await t.dataSource
      .getRepository(MailMessage)
      .find({ order: { createdAt: 'DESC', id: 'DESC' }, take: 1 });
    const mail = newest[0];
    const page = await tab();
    await signIn(page, staffUser.email, staffUser.password);
    await page.getByRole('menuitem', { name: 'メール', exact: true }).click();
    await page.waitForURL(/#\/mail/);
    const firstRow = page.locator('tbody tr').first();
    await firstRow.getByText(mail.subject).waitFor();
    await firstRow.getByText(mail.toAddress).waitFor();
    await screenshot(page, 'mail-list');

    await firstRow.getByText(mail.subject).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: mail.subject }).waitFor();
    await dialog.getByText(mail.toAddress).waitFor();
    await dialog.getByText(MAIL_STATUS_JA[mail.status]).waitFor();
    // Staff read the mail with its link's token hidden (only the addressee's copy carries it).
    expect((await dialog.getByTestId('mail-body').textContent())?.trim()).toBe(
      t.app.get(MailLinks).redact(mail.textBody).trim(),
    );
    await screenshot(page, 'mail-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: '閉じる' }).click();
    await dialog.waitFor({ state: 'detached' });

    // On a phone: a list of subjects, and the mail full-screen.
    const phone = await tab(PHONE);
    await signIn(phone, staffUser.email, staffUser.password);
    await phone.goto(`${base}/admin/#/mail`);
    await phone.getByText(mail.subject).first().click();
    await phone.getByRole('dialog').getByTestId('mail-body').waitFor();
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(phone, 'mail-dialog-phone', { fullPage: false });
  });

  it('an admin reads the audit log filtered by action; staff have no menu entry and are refused at its address', async () => {
    const page = await tab();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('menuitem', { name: '監査ログ' }).click();
    await page.waitForURL(/#\/audit-log/);
    await page.locator('tbody tr').first().waitFor();
    await page.getByLabel('操作', { exact: true }).fill('POST /api/requests/:id/assign');
    await page.waitForURL(/assign/);
    const rows = page.locator('tbody tr');
    await until(
      async () =>
        (await rows.count()) === assignedRequestIds.length &&
        (await rows.filter({ hasNotText: 'POST /api/requests/:id/assign' }).count()) === 0,
    );
    await screenshot(page, 'audit-log');

    const entries = await t.dataSource
      .getRepository(AuditEntry)
      .find({ where: { action: 'POST /api/requests/:id/assign' }, order: { at: 'DESC', id: 'DESC' } });
    expect(entries.map((e) => e.objectId).sort()).toEqual([...assignedRequestIds].sort());
    await rows.first().getByText('POST /api/requests/:id/assign').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(entries[0].objectId!).waitFor();
    await dialog.getByText(entries[0].requestId!).waitFor();
    await dialog.getByText('詳細: status').waitFor();
    await screenshot(page, 'audit-entry', { fullPage: false });
    await dialog.getByRole('button', { name: '閉じる' }).click();

    // Up to three days ago, Tokyo time: only the completed visit's assignment, made with the clock set back.
    await page.getByLabel('この日まで').fill(tokyoDay(-3));
    await until(async () => (await rows.count()) === 1);
    await rows
      .first()
      .getByText(assignedRequestIds[assignedRequestIds.length - 1])
      .waitFor();

    const staff = await tab();
    await signIn(staff, staffUser.email, staffUser.password);
    await staff.getByRole('menuitem', { name: 'メール', exact: true }).waitFor();
    expect(await staff.getByRole('menuitem', { name: '監査ログ' }).count()).toBe(0);
    await staff.goto(`${base}/admin/#/audit-log`);
    await staff.getByText('このページは表示できません').first().waitFor();
    expect(await staff.locator('tbody tr').count()).toBe(0);
    await screenshot(staff, 'audit-log-staff-denied');
  });
});
