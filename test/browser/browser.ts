import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Download, type Locator, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/test-app';

/** Debian's Chromium (apt-get install chromium); test tools that download a browser cannot here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve(__dirname, '../../test-output/screenshots');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Without a desktop session, the first password field makes Chromium wait ~15 s for a
      // keyring over D-Bus that is not there.
      '--password-store=basic',
    ],
  });
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** uncaught errors, console errors and failed requests: a page with any is not done */
  problems: string[];
}

/** A fresh browser profile (its own sessionStorage) in Tokyo, in Japanese. */
export async function openTab(browser: Browser, viewport = DESKTOP): Promise<Tab> {
  const context = await browser.newContext({
    viewport,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    isMobile: viewport.width < 600,
    hasTouch: viewport.width < 600,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}

/** test-output/screenshots/<name>.png, transitions finished; the whole page unless `fullPage: false`. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage, animations: 'disabled' });
}

/**
 * What every browser spec needs, with its jest hooks: the real API on a database of its own,
 * listening on a free port, and Chromium. Tabs opened through it are checked after each test for
 * page errors (except those a test allowed) and closed. Call it inside `describe`; the first
 * `beforeAll` of the spec runs after the session is up. `env` goes to createTestApp (e.g. SEED_DEMO).
 */
export function useBrowserSession(env: Record<string, string> = {}) {
  const state = {} as { t: TestApp; browser: Browser; base: string };
  const tabs: Tab[] = [];
  const allowed = new Map<Page, RegExp>();

  beforeAll(async () => {
    state.t = await createTestApp(env);
    await state.t.app.listen(0, '127.0.0.1');
    state.base = `http://127.0.0.1:${(state.t.app.getHttpServer().address() as AddressInfo).port}`;
    state.browser = await launchChromium();
  });

  afterEach(async () => {
    for (const opened of tabs.splice(0)) {
      const pattern = allowed.get(opened.page);
      expect(opened.problems.filter((problem) => !pattern?.test(problem))).toEqual([]);
      await opened.context.close();
    }
  });

  afterAll(async () => {
    await state.browser?.close();
    await state.t?.close();
  });

  return {
    get t(): TestApp {
      return state.t;
    },
    get base(): string {
      return state.base;
    },
    async tab(viewport = DESKTOP): Promise<Page> {
      const opened = await openTab(state.browser, viewport);
      tabs.push(opened);
      return opened.page;
    },
    /** An expected failed call (a refused save) is not a problem of the page. */
    allowProblem(page: Page, pattern: RegExp): void {
      allowed.set(page, pattern);
    },
    async signIn(page: Page, email: string, password: string): Promise<void> {
      await page.goto(`${state.base}/admin/`);
      await page.getByLabel('メールアドレス').fill(email);
      await page.getByLabel('パスワード').fill(password);
      await page.getByRole('button', { name: 'ログイン' }).click();
      await page.getByText(/ようこそ、.+ さん/).waitFor();
    },
    scrollWidth: async (page: Page) => Number(await page.evaluate('document.documentElement.scrollWidth')),
  };
}

/** The Tokyo calendar day `days` from now, YYYY-MM-DD (the API's clock runs in real time here). */
export function tokyoDay(days: number): string {
  const shifted = new Date(Date.now() + days * 86_400_000 + 9 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

/**
 * Picks an option of a react-admin (MUI) select by the select's label, inside `scope` (a page or a
 * part of it), and checks the select shows it. On a loaded machine the page can re-render while
 * the menu opens and close it under the pointer; then it opens the menu again (three tries).
 */
export async function choose(scope: Page | Locator, label: string, option: string): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  const select = scope.getByRole('combobox', { name: label });
  for (let attempt = 1; ; attempt++) {
    try {
      await select.click();
      await page.getByRole('option', { name: option, exact: true }).click({ timeout: 5_000 });
      await select.getByText(option, { exact: true }).waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Clicks a download button while the file's request is held back 1.5 s on its way to the API,
 * checks that meanwhile the button is busy and shows its progress (screenshot `name`), and
 * answers the download.
 */
export async function busyDownload(page: Page, button: Locator, url: string, name: string): Promise<Download> {
  await page.route(url, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const downloading = page.waitForEvent('download');
  await button.click();
  await page.getByRole('progressbar', { name: 'ダウンロード中' }).waitFor();
  expect(await button.isDisabled()).toBe(true);
  await screenshot(page, name, { fullPage: false });
  return downloading;
}
