import { MailService } from '../../apps/api/src/mail/mail.service';
import { MailSender } from '../../apps/api/src/mail/mail-sender';
import { aUser } from '../support/factories';
import { TestSmtpServer } from '../support/smtp-server';
import { screenshot, useBrowserSession } from './browser';

jest.setTimeout(150_000);

/**
 * Staff find mail that did not arrive in the mail viewer (未達のみ) and send it again, in
 * Chromium against the real API and a real SMTP server on loopback.
 */
describe('undelivered mail (browser)', () => {
  // The SMTP server starts before the API (hooks run in order), so the API is given its address.
  const env: Record<string, string> = { MAIL_RETRY_BASE_MS: '60000' };
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    env.SMTP_URL = smtp.url;
  });
  afterAll(() => smtp.stop());
  const session = useBrowserSession(env);

  it('filters undelivered mail and re-sends a refused one, which then arrives once', async () => {
    const { t, base, tab, signIn } = session;
    const staff = await aUser(t, { role: 'staff', displayName: 'スタッフ 佐藤' });
    smtp.rejectRecipients.add('moved-away@example.jp');
    const write = (key: string, to: string, hospitalName: string) =>
      t.dataSource.transaction((m) =>
        t.app.get(MailService).enqueue(m, {
          to,
          locale: 'ja',
          template: 'offer_withdrawn',
          params: { volunteerName: '通訳 一郎', startsAt: '2030-12-03T01:00:00Z', hospitalName, reason: 'filled' },
          idempotencyKey: key,
        }),
      );
    await write('browser:refused', 'moved-away@example.jp', '未達病院');
    await write('browser:delivered', 'fine@example.jp', '到着病院');
    await t.app.get(MailSender).sendDue();
    const [refused] = await t.dataSource.query(
      `SELECT id, status, message_id FROM mail_messages WHERE idempotency_key = 'browser:refused'`,
    );
    expect(refused.status).toBe('failed');

    const page = await tab();
    await signIn(page, staff.email, staff.password);
    await page.goto(`${base}/admin/#/mail`);
    await page.getByText('到着病院', { exact: false }).first().waitFor();
    await page.getByLabel('未達のみ').check();
    await page.waitForURL(/undelivered/);
    const rows = page.locator('tbody tr');
    await rows.filter({ hasText: '到着病院' }).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    await rows.first().getByText('送信失敗').waitFor();

    smtp.rejectRecipients.delete('moved-away@example.jp');
    await rows.first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/550/).waitFor();
    await screenshot(page, 'mail-undelivered', { fullPage: false });
    await dialog.getByRole('button', { name: '再送信' }).click();
    await page.getByText('まもなく再送信します').waitFor();
    await dialog.waitFor({ state: 'detached' });

    const [audit] = await t.dataSource.query(
      `SELECT object_id, actor_id FROM audit_log WHERE action = 'POST /api/mail/:id/resend'`,
    );
    expect(audit).toEqual({ object_id: refused.id, actor_id: staff.id });
    expect(await t.app.get(MailSender).sendDue()).toBe(1);
    expect(smtp.byMessageId(refused.message_id)).toHaveLength(1);
    const [after] = await t.dataSource.query(`SELECT status FROM mail_messages WHERE id = $1`, [refused.id]);
    expect(after.status).toBe('sent');
  });
});
