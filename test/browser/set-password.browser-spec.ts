import { aVolunteer } from '../support/factories';
import { deliveredToken } from '../support/delivered-mail';
import { ADMIN, login, type TestApp } from '../support/test-app';
import { screenshot, useBrowserSession } from './browser';

/** The phone the programme's volunteers carry most. */
const PHONE = { width: 390, height: 844 };

/**
 * A volunteer invited by the office opens the invitation mail's link on a phone, chooses a
 * password (a weak one is refused in words), and signs in; the link does not work twice.
 */
describe('setting a password from the invitation mail (browser)', () => {
  const session = useBrowserSession();
  const { tab, allowProblem } = session;
  let t: TestApp;
  let base: string;

  beforeAll(() => {
    ({ t, base } = session);
  });

  it('a volunteer on a phone sets a password from the invitation link and signs in with it', async () => {
    const admin = await login(t, ADMIN.email, ADMIN.password);
    const volunteer = await aVolunteer(t, { displayName: 'グエン・ティ・マイ', email: 'mai.invited@test.example.jp' });
    const user = (
      await t
        .http()
        .post('/api/users')
        .set('Authorization', admin.auth)
        .send({
          email: volunteer.email,
          role: 'volunteer',
          displayName: volunteer.displayName,
          volunteerId: volunteer.id,
        })
        .expect(201)
    ).body;
    const [mail] = await t.dataSource.query(
      `SELECT text_body, idempotency_key FROM mail_messages WHERE user_id = $1 AND template = 'invitation'`,
      [user.id],
    );
    const token = await deliveredToken(t, mail, 'set-password');

    const page = await tab(PHONE);
    allowProblem(page, /status of 422/);
    await page.goto(`${base}/admin/#/set-password?token=${token}`);
    await page.getByRole('heading', { name: 'パスワードの設定' }).waitFor();
    await page.getByText('グエン・ティ・マイ さん（mai.invited@test.example.jp）').waitFor();
    await page.getByLabel('新しいパスワード').fill('aaaaaaaaaa');
    await page.getByLabel('もう一度入力').fill('aaaaaaaaaa');
    await page.getByRole('button', { name: 'パスワードを設定する' }).click();
    // zxcvbn's advice, in Japanese, under the field.
    const advice = page.locator('.MuiFormHelperText-root.Mui-error').first();
    await advice.waitFor();
    expect((await advice.innerText()).trim()).not.toBe('');
    await screenshot(page, 'set-password-weak-phone');

    const chosen = 'hinokuni-castle-river-2026';
    await page.getByLabel('新しいパスワード').fill(chosen);
    await page.getByLabel('もう一度入力').fill(chosen);
    await page.getByRole('button', { name: 'パスワードを設定する' }).click();
    await page.getByText('パスワードを設定しました。サインインしてください。').waitFor();
    await screenshot(page, 'set-password-done-phone');

    await page.getByRole('link', { name: 'サインインする' }).click();
    await page.getByLabel('メールアドレス').fill(volunteer.email);
    await page.getByLabel('パスワード').fill(chosen);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByText(/ようこそ、.+ さん/).waitFor();
    // Their own mail, the invitation among it, with its (now used) link in words they can read.
    await page.goto(`${base}/admin/#/mail`);
    await page.getByText('【熊本 医療通訳】アカウントのご案内（パスワードの設定）').first().waitFor();
    // The outbox's filters (recipient, undelivered) are staff's work, not a volunteer's.
    expect(await page.getByLabel('宛先').count()).toBe(0);
    await screenshot(page, 'volunteer-own-mail-phone');

    const again = await tab(PHONE);
    await again.goto(`${base}/admin/#/set-password?token=${token}`);
    await again.getByText('このリンクはすでに使われています').waitFor();
  });
});
