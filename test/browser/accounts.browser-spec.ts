import { MailSender } from '../../apps/api/src/mail/mail-sender';
import { aUser } from '../support/factories';
import { ADMIN, login } from '../support/test-app';
import { TestSmtpServer } from '../support/smtp-server';
import { screenshot, useBrowserSession } from './browser';

jest.setTimeout(150_000);

/** The phone the programme's volunteers carry most. */
const PHONE = { width: 390, height: 844 };

/**
 * A volunteer on a phone: a link opened signed out leads to sign-in and back to that page;
 * 「ログインしたままにする」 keeps them signed in in a new tab; signing out ends it. A forgotten
 * password is reset through the mail's link (read from a real SMTP server) and used to sign in.
 */
describe('signing in and back, staying signed in, and a forgotten password (browser)', () => {
  // The SMTP server starts before the API (hooks run in order), so the API is given its address.
  const env: Record<string, string> = {};
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    env.SMTP_URL = smtp.url;
  });
  afterAll(() => smtp.stop());
  const session = useBrowserSession(env);

  const signInOnPage = async (page: import('playwright-core').Page, email: string, password: string) => {
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード').fill(password);
  };

  it('a volunteer on a phone opens a deep link signed out, signs in, is back on that page, stays signed in in a new tab, then signs out', async () => {
    const { t, base, tab } = session;
    const volunteer = await aUser(t, { role: 'volunteer', displayName: 'グエン・ティ・マイ' });
    const deepLink = '/dispatches?order=ASC&page=1&perPage=10&sort=startsAt';

    const page = await tab(PHONE);
    await page.goto(`${base}/admin/#${deepLink}`);
    await page.getByRole('button', { name: 'ログイン' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/login');
    // No error toast about an ended session: a sign-in form, the way to a forgotten password, and the box.
    expect(await page.getByText('セッションが終了しました').count()).toBe(0);
    await page.getByRole('link', { name: 'パスワードをお忘れですか' }).waitFor();
    await signInOnPage(page, volunteer.email, volunteer.password);
    await page.getByLabel('ログインしたままにする').check();
    await screenshot(page, 'accounts-sign-in-phone');
    await page.getByRole('button', { name: 'ログイン' }).click();

    await page.waitForURL((url) => url.hash === `#${deepLink}`);
    await page.getByText('派遣予定').first().waitFor();
    await screenshot(page, 'accounts-back-on-deep-link-phone');

    // Page scripts never see the refresh token: only the hint cookie is readable.
    expect(await page.evaluate('document.cookie')).toBe('dispatch_signed_in=1');
    expect(await page.evaluate('JSON.stringify({ ...sessionStorage, ...localStorage })')).not.toMatch(
      /[A-Za-z0-9_-]{43}/,
    );
    const cookies = await page.context().cookies();
    const refresh = cookies.find((c) => c.name === 'dispatch_refresh');
    expect(refresh).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    expect(refresh!.expires).toBeGreaterThan(Date.now() / 1000 + 13 * 86_400);

    // A new tab (the same browser): still signed in, no sign-in page on the way.
    const second = await page.context().newPage();
    await second.goto(`${base}/admin/#/my/availability`);
    await second.getByText('毎週の活動できる時間').first().waitFor();
    expect(new URL(second.url()).hash).toBe('#/my/availability');
    await screenshot(second, 'accounts-new-tab-still-signed-in-phone');
    await second.close();

    // Signing out ends the session on this device: the cookies are gone and a new tab signs in again.
    await page.getByRole('button', { name: 'プロフィール' }).click();
    await page.getByRole('menuitem', { name: 'ログアウト' }).click();
    await page.getByRole('button', { name: 'ログイン' }).waitFor();
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('dispatch_refresh');
    const third = await page.context().newPage();
    await third.goto(`${base}/admin/#/dispatches`);
    await third.getByRole('button', { name: 'ログイン' }).waitFor();
    await screenshot(third, 'accounts-signed-out-phone');
    await third.close();
    const [open] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL AND rotated_at IS NULL`,
      [volunteer.id],
    );
    expect(open.n).toBe(0);
  });

  it('a volunteer on a phone follows the offer-link page’s 「サインインして依頼一覧を見る」 to sign-in and on to the offers', async () => {
    const { t, base, tab } = session;
    const volunteer = await aUser(t, { role: 'volunteer', displayName: 'チャン・ティ・リン' });
    const page = await tab(PHONE);
    session.allowProblem(page, /status of 404/);
    await page.goto(`${base}/admin/#/offer-links/an-old-link-from-a-mail-0000000000000`);
    await page.getByRole('link', { name: 'サインインして依頼一覧を見る' }).click();
    await page.getByRole('button', { name: 'ログイン' }).waitFor();
    await signInOnPage(page, volunteer.email, volunteer.password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForURL((url) => url.hash === '#/offers');
    await page.getByText('届いている依頼').first().waitFor();
    await screenshot(page, 'accounts-offer-link-to-offers-phone');
  });

  it('a volunteer on a phone resets a forgotten password through the mail link and signs in with it', async () => {
    const { t, base, tab } = session;
    const volunteer = await aUser(t, { role: 'volunteer', displayName: 'ファン・ヴァン・アン' });

    const page = await tab(PHONE);
    await page.goto(`${base}/admin/#/login`);
    await page.getByRole('link', { name: 'パスワードをお忘れですか' }).click();
    await page.getByRole('heading', { name: 'パスワードの再設定' }).waitFor();
    await page.getByLabel('メールアドレス').fill(volunteer.email);
    await page.getByRole('button', { name: '再設定のリンクを送る' }).click();
    await page.getByText('このアドレスがアカウントに登録されていれば').waitFor();
    await screenshot(page, 'accounts-forgot-password-sent-phone');

    await t.app.get(MailSender).sendDue();
    const mail = smtp.received.find((m) => m.to.includes(volunteer.email));
    expect(mail?.subject).toBe('【熊本 医療通訳】パスワードの再設定');
    const link = /\/admin\/#\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '');
    expect(link).not.toBeNull();

    await page.goto(`${base}/admin/#/reset-password?token=${link![1]}`);
    await page.getByRole('heading', { name: '新しいパスワードの設定' }).waitFor();
    const chosen = 'aso-caldera-morning-mist-7';
    await page.getByLabel('新しいパスワード').fill(chosen);
    await page.getByLabel('もう一度入力').fill(chosen);
    await screenshot(page, 'accounts-reset-password-phone');
    await page.getByRole('button', { name: 'パスワードを設定する' }).click();
    await page.getByText('パスワードを設定しました。新しいパスワードでサインインしてください。').waitFor();
    await screenshot(page, 'accounts-reset-password-done-phone');

    await page.getByRole('link', { name: 'サインインする' }).click();
    await signInOnPage(page, volunteer.email, chosen);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByText(/ようこそ、.+ さん/).waitFor();

    // The link works once.
    const again = await tab(PHONE);
    session.allowProblem(again, /status of 410/);
    await again.goto(`${base}/admin/#/reset-password?token=${link![1]}`);
    await again.getByLabel('新しいパスワード').fill('another-long-phrase-here');
    await again.getByLabel('もう一度入力').fill('another-long-phrase-here');
    await again.getByRole('button', { name: 'パスワードを設定する' }).click();
    await again.getByText('このリンクは使用済みか、有効期限が切れています').waitFor();
    await screenshot(again, 'accounts-reset-link-used-phone');
  });

  it('a volunteer on a phone changes their password in the profile; the other device is signed out, this one goes on', async () => {
    const { t, base, tab, signIn } = session;
    const volunteer = await aUser(t, { role: 'volunteer', displayName: 'レ・ティ・ホア' });
    const elsewhere = await login(t, volunteer.email, volunteer.password);

    const page = await tab(PHONE);
    session.allowProblem(page, /status of 422/);
    await signIn(page, volunteer.email, volunteer.password);
    await page.goto(`${base}/admin/#/profile`);
    await page.getByRole('heading', { name: 'パスワードの変更' }).waitFor();
    const chosen = 'kumamoto-ramen-night-market-9';
    await page.getByLabel('現在のパスワード').fill('not-my-password');
    await page.getByLabel('新しいパスワード').fill(chosen);
    await page.getByLabel('もう一度入力').fill(chosen);
    await page.getByRole('button', { name: 'パスワードを変更する' }).click();
    await page.getByText('現在のパスワードが違います').waitFor();
    await page.getByLabel('現在のパスワード').fill(volunteer.password);
    await page.getByRole('button', { name: 'パスワードを変更する' }).click();
    await page.getByText('パスワードを変更しました').waitFor();
    await screenshot(page, 'accounts-change-password-phone');

    await t.http().get('/api/auth/me').set('Authorization', elsewhere.auth).expect(401);
    // This device goes on without signing in again.
    await page.goto(`${base}/admin/#/my/availability`);
    await page.getByText('毎週の活動できる時間').first().waitFor();
    await login(t, volunteer.email, chosen);
  });

  it('an admin re-sends a lapsed invitation from the user page; a user with a password is told why not', async () => {
    const { t, base, tab, signIn } = session;
    const admin = await login(t, ADMIN.email, ADMIN.password);
    const invited = (
      await t
        .http()
        .post('/api/users')
        .set('Authorization', admin.auth)
        .send({ email: 'late.staff@test.example.jp', role: 'staff', displayName: '招待 待ち' })
        .expect(201)
    ).body;
    const page = await tab();
    session.allowProblem(page, /status of 409/);
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto(`${base}/admin/#/users/${invited.id}/show`);
    await page.getByRole('button', { name: '招待を再送' }).click();
    await page.getByRole('button', { name: '確認', exact: true }).click();
    await page.getByText('招待メールを再送しました').waitFor();
    await screenshot(page, 'accounts-invitation-resent');
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM mail_messages WHERE user_id = $1 AND template = 'invitation'`,
      [invited.id],
    );
    expect(n).toBe(2);

    await page.goto(`${base}/admin/#/users/${admin.user.id}/show`);
    await page.getByRole('button', { name: '招待を再送' }).click();
    await page.getByRole('button', { name: '確認', exact: true }).click();
    await page.getByText('このユーザーはパスワードを設定済みです').waitFor();
  });
});
