import { User } from '@app/domain';
import { aUser } from '../support/factories';
import { ADMIN, type TestApp } from '../support/test-app';
import { PHONE, screenshot, useBrowserSession } from './browser';

/**
 * The admin panel in Debian's Chromium against the real API (its own database), driven only
 * through the UI. Screenshots of each main page go to test-output/screenshots/.
 */
// Generous: CI machines have 2 cores, and the API tests may run beside these.
jest.setTimeout(120_000);

describe('admin panel (browser)', () => {
  const session = useBrowserSession();
  const { tab, signIn, allowProblem, scrollWidth } = session;
  let t: TestApp;
  let base: string;

  beforeAll(() => {
    ({ t, base } = session);
  });

  it('serves the panel at /admin, redirects / there, and falls back to index.html for client routes', async () => {
    const root = await t.http().get('/').expect(302);
    expect(root.headers.location).toBe('/admin/');
    const index = await t.http().get('/admin/').expect(200);
    expect(index.text).toContain('<div id="root">');
    expect(index.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script: CSP script-src 'self'
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    await t
      .http()
      .get('/admin/some/client/route')
      .expect(200)
      .expect(/<div id="root">/);
    await t.http().get('/admin/assets/no-such-file.js').expect(404);
    await t.http().get('/api/health').expect(200);
  });

  it('admin signs in, sees the staff dashboard and the users list', async () => {
    const page = await tab();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByText('管理者としてサインインしています').waitFor();
    await page.getByText(/今日: \d{4}年\d{1,2}月\d{1,2}日\([日月火水木金土]\) · 年度: \d{4}年度/).waitFor();
    // The dashboard is the day's to-do list (#19): nothing owed on an empty database, no placeholder, no user count.
    expect(await page.locator('[data-coming-soon="true"]').count()).toBe(0);
    await page
      .getByRole('region', { name: '確認待ちの活動報告' })
      .getByText('確認待ちの活動報告はありません。')
      .waitFor();
    await page.getByRole('region', { name: '要対応の依頼' }).getByText('要対応の依頼はありません。').waitFor();
    expect(await page.getByText('ユーザー数').count()).toBe(0);
    await screenshot(page, 'staff-dashboard');

    await page.getByRole('menuitem', { name: 'ユーザー' }).click();
    await page.waitForURL(/#\/users/);
    await page.getByRole('cell', { name: ADMIN.email }).waitFor();
    await page.getByRole('columnheader', { name: '表示名' }).waitFor();
    await screenshot(page, 'users-list');
  });

  it('admin creates a staff user; a taken e-mail is shown on the field with the request id', async () => {
    const page = await tab();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto(`${base}/admin/#/users/create`);
    await page.getByLabel('メールアドレス').fill('new.staff@test.example.jp');
    await page.getByLabel('表示名').fill('熊本 新スタッフ');
    await page.getByLabel('パスワード').fill('a-long-password-1');
    await screenshot(page, 'user-create');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/users\/[0-9a-f-]{36}\/show/);
    await page.getByText('熊本 新スタッフ').first().waitFor();
    await screenshot(page, 'user-show');
    const created = await t.dataSource.getRepository(User).findOneByOrFail({ email: 'new.staff@test.example.jp' });
    expect(created.role).toBe('staff');
    expect(created.displayName).toBe('熊本 新スタッフ');

    allowProblem(page, /status of 409|ApiError: このメールアドレス/);
    await page.goto(`${base}/admin/#/users/create`);
    await page.getByLabel('メールアドレス').fill('new.staff@test.example.jp');
    await page.getByLabel('表示名').fill('二人目');
    await page.getByRole('button', { name: '保存' }).click();
    // On the field, in Japanese; above the form, the message with the request id.
    await page.getByText('このメールアドレスのアカウントはすでにあります', { exact: true }).waitFor();
    await page
      .locator('#main-content')
      .getByRole('alert')
      .getByText(/このメールアドレスのアカウントはすでにあります（リクエストID: [0-9a-f-]+）/)
      .waitFor();
    await screenshot(page, 'user-create-error');
  });

  it('asks before deactivating a user, then shows them inactive', async () => {
    const someone = await aUser(t, { role: 'staff', displayName: '停止 予定' });
    const page = await tab();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto(`${base}/admin/#/users/${someone.id}/show`);
    await page.getByRole('button', { name: '無効にする' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('停止 予定 を無効にしますか?').waitFor();
    await screenshot(page, 'user-deactivate-confirm');
    await dialog.getByRole('button', { name: '確認' }).click();
    await page.getByRole('button', { name: '有効に戻す' }).waitFor();
    expect((await t.dataSource.getRepository(User).findOneByOrFail({ id: someone.id })).active).toBe(false);
  });

  it('a coordinator sees their own dashboard, no users menu, and an access-denied page at /users', async () => {
    const coordinator = await aUser(t, { role: 'coordinator', displayName: '病院 担当' });
    const page = await tab();
    await signIn(page, coordinator.email, coordinator.password);
    await page.getByText('医療機関担当者としてサインインしています').waitFor();
    // The dashboard is the coordinator's to-do list, with filing one button away.
    await page.getByTestId('to-confirm').waitFor();
    await page.getByRole('link', { name: '通訳を依頼する' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'ユーザー' }).count()).toBe(0);
    await screenshot(page, 'coordinator-dashboard');

    // react-admin may still send the list request; the API refuses it (403) and nothing is shown.
    allowProblem(page, /status of 403|ApiError: この操作を行う権限がありません/);
    await page.goto(`${base}/admin/#/users`);
    await page.getByText('このページは表示できません').first().waitFor();
    expect(await page.getByText(ADMIN.email).count()).toBe(0);
    await screenshot(page, 'coordinator-access-denied');
  });

  it('switches the language from Japanese to English', async () => {
    const page = await tab();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.locator('header').getByRole('button', { name: '表示言語: 日本語' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByText('Welcome, Administrator').waitFor();
    await page.getByRole('menuitem', { name: 'Users' }).waitFor();
    await page.getByText(/Today: (Sun|Mon|Tue|Wed|Thu|Fri|Sat) \d{1,2} \w{3} \d{4} · Fiscal year: FY\d{4}/).waitFor();
    await screenshot(page, 'dashboard-en');
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.getByRole('columnheader', { name: 'Display name' }).waitFor();
  });

  it('a volunteer edits their profile; the language chosen there switches the UI', async () => {
    const volunteer = await aUser(t, { role: 'volunteer', displayName: 'グエン ボランティア' });
    const page = await tab(PHONE);
    await signIn(page, volunteer.email, volunteer.password);
    await page.getByText('届いている依頼').waitFor();
    await screenshot(page, 'volunteer-dashboard-phone');
    await page.goto(`${base}/admin/#/profile`);
    await page.getByLabel('表示名').fill('Nguyen Van A');
    await page.getByRole('combobox', { name: '言語' }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('Profile saved').waitFor();
    await page.getByRole('heading', { name: 'Profile', level: 1 }).waitFor();
    await screenshot(page, 'volunteer-profile-phone');
    const saved = await t.dataSource.getRepository(User).findOneByOrFail({ id: volunteer.id });
    expect([saved.displayName, saved.locale]).toEqual(['Nguyen Van A', 'en']);
  });

  it('works on a phone (375×812): menu drawer, a simple list, no sideways scrolling', async () => {
    const page = await tab(PHONE);
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('button', { name: '表示言語: 日本語' }).waitFor(); // an icon on a phone, still named
    await screenshot(page, 'phone-dashboard');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);

    await page.getByRole('button', { name: '開く' }).or(page.getByLabel('メニューを開く')).first().click();
    await page.getByRole('menuitem', { name: 'ユーザー' }).waitFor();
    await screenshot(page, 'phone-menu', { fullPage: false });
    await page.getByRole('menuitem', { name: 'ユーザー' }).click();
    await page.getByText(ADMIN.email).waitFor();
    expect(await page.locator('table').count()).toBe(0); // SimpleList, not a table
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'phone-users');
  });
});
