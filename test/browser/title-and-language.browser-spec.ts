import type { Page } from 'playwright-core';
import { aUser } from '../support/factories';
import { ADMIN, type TestApp } from '../support/test-app';
import { screenshot, useBrowserSession } from './browser';

/** The phone the programme's volunteers carry most. */
const PHONE = { width: 390, height: 844 };

/** Waits until the tab's title and `<html lang>` are these (the panel sets both after rendering). */
async function titleAndLang(page: Page, title: string, lang: string): Promise<void> {
  const now = async () => [await page.title(), await page.getAttribute('html', 'lang')];
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await page.waitForTimeout(100)) {
    const [shownTitle, shownLang] = await now();
    if (shownTitle === title && shownLang === lang) break;
  }
  expect(await now()).toEqual([title, lang]);
}

/**
 * The tab of a volunteer's panel is theirs, not the office's 「管理画面」, and the page declares
 * the language it is shown in, so screen readers and the phone's translation offer read it right.
 */
describe("the panel's title and language (browser)", () => {
  const session = useBrowserSession();
  const { tab, signIn } = session;
  let t: TestApp;
  let base: string;

  beforeAll(() => {
    ({ t, base } = session);
  });

  it('a volunteer on a phone: 医療通訳ボランティア in the tab, and <html lang> follows the language chosen', async () => {
    const volunteer = await aUser(t, { role: 'volunteer', displayName: 'グエン・ティ・マイ' });
    const page = await tab(PHONE);

    await page.goto(`${base}/admin/`);
    await page.getByLabel('メールアドレス').waitFor();
    await titleAndLang(page, '医療通訳派遣', 'ja');
    // Before signing in, from the sign-in page's own language button.
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByLabel('E-mail').waitFor();
    await titleAndLang(page, 'Medical interpreter dispatch', 'en');
    await screenshot(page, 'sign-in-english-phone');

    // Signing in applies the language of their profile (Japanese).
    await page.getByLabel('E-mail').fill(volunteer.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(volunteer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('ようこそ、グエン・ティ・マイ さん').waitFor();
    await titleAndLang(page, '医療通訳ボランティア', 'ja');
    await screenshot(page, 'volunteer-title-japanese-phone');

    await page.locator('header').getByRole('button', { name: '表示言語: 日本語' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByText('Welcome, グエン・ティ・マイ').waitFor();
    await titleAndLang(page, 'Medical interpreter volunteers', 'en');
    await screenshot(page, 'volunteer-title-english-phone');

    // The choice stays with the browser: a reload comes back in English, declared as such.
    await page.reload();
    await page.getByText('Welcome, グエン・ティ・マイ').waitFor();
    await titleAndLang(page, 'Medical interpreter volunteers', 'en');
  });

  it("staff keep the office's title", async () => {
    const page = await tab();
    await signIn(page, ADMIN.email, ADMIN.password);
    await titleAndLang(page, '医療通訳派遣 管理画面', 'ja');
  });
});
