import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { aUser } from '../support/factories';
import { ADMIN, type TestApp } from '../support/test-app';
import { screenshot, useBrowserSession } from './browser';

jest.setTimeout(120_000);

let lastStep = 0;
/**
 * The code of the next 30-second step (the API allows one step of drift), waiting if need be
 * until that step is newer than the last one used: each code is good once.
 */
async function nextCode(secret: string): Promise<string> {
  const step = () => Math.floor(Date.now() / 1000 / 30) + 1;
  while (step() <= lastStep) await new Promise((r) => setTimeout(r, 500));
  lastStep = step();
  return generate({ secret, epoch: lastStep * 30 });
}

/**
 * Two-factor sign-in in the panel, with STAFF_2FA=required: a staff member without 2FA is made
 * to enrol at sign-in (QR code, secret, first code, ten recovery codes shown once), then signs in
 * with the password and a code; the admin resets it from the user's page.
 */
describe('two-factor sign-in (browser)', () => {
  const session = useBrowserSession({ STAFF_2FA: 'required' });
  const { tab, allowProblem } = session;
  let t: TestApp;
  let base: string;
  let staff: Awaited<ReturnType<typeof aUser>>;
  let secret: string;

  beforeAll(async () => {
    ({ t, base } = session);
    staff = await aUser(t, { role: 'staff', displayName: '熊本 二要素' });
  });
  afterAll(() => {
    delete process.env.STAFF_2FA;
  });

  async function password(page: Page, email: string, pass: string) {
    await page.goto(`${base}/admin/`);
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード').fill(pass);
    await page.getByRole('button', { name: 'ログイン' }).click();
  }

  it('makes a staff member without 2FA enrol at sign-in, shows the recovery codes once, then signs them in', async () => {
    const page = await tab();
    await password(page, staff.email, staff.password);
    await page.waitForURL(/#\/two-factor\/enrol/);
    await page.getByText('スタッフと管理者は二要素認証でサインインします').waitFor();
    await page.getByRole('button', { name: '二要素認証を設定する' }).click();
    const qr = page.getByRole('img', { name: '認証アプリ用の QR コード' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await screenshot(page, 'two-factor-enrol');

    await page.getByLabel('コード').fill(await nextCode(secret));
    await page.getByRole('button', { name: '有効にする' }).click();
    const codes = page.getByTestId('recovery-codes').locator('li');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    expect(await codes.first().innerText()).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await screenshot(page, 'two-factor-recovery-codes');
    await page.getByRole('button', { name: 'コードを保管しました' }).click();
    await page.getByText('ようこそ、熊本 二要素 さん').waitFor();

    // The user menu leads to the page that says it is on (and required here).
    await page.getByRole('button', { name: 'プロフィール' }).click();
    await page.getByRole('menuitem', { name: '二要素認証' }).click();
    await page.waitForURL(/#\/security/);
    await page.getByText('二要素認証は有効です。').waitFor();
    await page.getByText('あなたの役割では必須のため、無効にできません。').waitFor();
    await screenshot(page, 'two-factor-security');
  });

  it('signs in with the password and then a code; a wrong code is refused on the page', async () => {
    const page = await tab();
    allowProblem(page, /422/);
    await password(page, staff.email, staff.password);
    await page.waitForURL(/#\/two-factor$/);
    await page.getByText('確認コードを入力').waitFor();
    await page.getByLabel('コード').fill('000000');
    await page.getByRole('button', { name: 'サインイン' }).click();
    await page.getByText('コードが正しくないか、すでに使用されています。').waitFor();
    await screenshot(page, 'two-factor-code-step');
    await page.getByLabel('コード').fill(await nextCode(secret));
    await page.getByRole('button', { name: 'サインイン' }).click();
    await page.getByText('ようこそ、熊本 二要素 さん').waitFor();
  });

  it("lets the admin reset a staff member's 2FA from the user's page; the staff member enrols again at sign-in", async () => {
    // The admin enrols through the API (as the panel does) and signs in with a code.
    const { mfaToken } = (await t.http().post('/api/auth/login').send(ADMIN).expect(200)).body;
    const adminSecret = (await t.http().post('/api/auth/2fa/setup').send({ mfaToken }).expect(200)).body.secret;
    const adminCode = await generate({ secret: adminSecret, epoch: Math.floor(Date.now() / 1000) });
    await t.http().post('/api/auth/2fa/enable').send({ mfaToken, code: adminCode }).expect(200);
    const page = await tab();
    await password(page, ADMIN.email, ADMIN.password);
    await page.waitForURL(/#\/two-factor$/);
    await page
      .getByLabel('コード')
      .fill(await generate({ secret: adminSecret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await page.getByRole('button', { name: 'サインイン' }).click();
    await page.getByText(/ようこそ、.+ さん/).waitFor();

    await page.goto(`${base}/admin/#/users/${staff.id}/show`);
    await page.getByRole('button', { name: '二要素認証をリセット' }).click();
    await page.getByText('熊本 二要素 さんの二要素認証をリセットしますか？').waitFor();
    await screenshot(page, 'two-factor-reset-confirm');
    await page.getByRole('button', { name: '確認' }).click();
    await page.getByText('二要素認証をリセットしました。').waitFor();
    const [row] = await t.dataSource.query(
      `SELECT actor_role FROM audit_log WHERE action = 'auth.2fa.reset' AND object_id = $1`,
      [staff.id],
    );
    expect(row.actor_role).toBe('admin');

    const staffPage = await tab();
    await password(staffPage, staff.email, staff.password);
    await staffPage.waitForURL(/#\/two-factor\/enrol/);
  });
});

describe('two-factor sign-in where it is optional (browser)', () => {
  const session = useBrowserSession({ STAFF_2FA: 'optional' });
  const { tab, signIn } = session;

  it('an admin turns it on from the user menu, sees the recovery codes once, and turns it off with one of them', async () => {
    const page = await tab();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('button', { name: 'プロフィール' }).click();
    await page.getByRole('menuitem', { name: '二要素認証' }).click();
    await page.getByText('二要素認証は無効です。').waitFor();
    await page.getByRole('button', { name: '二要素認証を設定する' }).click();
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    await page.getByLabel('コード').fill(await nextCode(secret));
    await page.getByRole('button', { name: '有効にする' }).click();
    await page.getByText('リカバリーコード', { exact: true }).waitFor();
    expect(await page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    const recoveryCode = await page.getByTestId('recovery-codes').locator('li').first().innerText();
    await page.getByRole('button', { name: 'コードを保管しました' }).click();
    await page.getByText(/二要素認証は有効です。.*残りのリカバリーコード: 10/).waitFor();
    await screenshot(page, 'two-factor-on');

    // Turned off with a recovery code (a phone already lost).
    await page.getByLabel('コード').fill(recoveryCode);
    await page.getByRole('button', { name: '無効にする' }).click();
    await page.getByText('二要素認証は無効です。').waitFor();
  });
});
