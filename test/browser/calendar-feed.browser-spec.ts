import { readFileSync } from 'node:fs';
import { deliveredToken } from '../support/delivered-mail';
import { aUser } from '../support/factories';
import { type TestApp } from '../support/test-app';
import { visitWorld } from '../support/visit-fixtures';
import { aQualifiedVolunteer } from '../support/workflow-fixtures';
import { screenshot, tokyoDay, useBrowserSession } from './browser';

jest.setTimeout(150_000);

/** The phone the programme's volunteers carry most. */
const PHONE = { width: 390, height: 844 };

/**
 * A volunteer on a phone adds their visits to their calendar without signing in: the confirmation
 * mail's link in a fresh browser, and the subscription address on their profile, which they can
 * renew when it has been shared by mistake.
 */
describe('a calendar that works from a mail (browser)', () => {
  const session = useBrowserSession();
  const { tab, signIn, scrollWidth } = session;
  let t: TestApp;
  let world: Awaited<ReturnType<typeof visitWorld>>;
  let volunteer: { id: string; email: string; password: string };
  let dispatchId: string;
  const day = tokyoDay(10);

  beforeAll(async () => {
    ({ t } = session);
    world = await visitWorld(t, 0, ['vi']);
    const record = await aQualifiedVolunteer(t, world.courses, {
      languages: ['vi'],
      displayName: 'グエン・ヴァン・アン',
    });
    const user = await aUser(t, { role: 'volunteer', volunteerId: record.id, email: record.email });
    volunteer = { id: record.id, email: user.email, password: user.password };
    ({ dispatchId } = await world.dispatch(`${day}T10:00:00+09:00`, `${day}T11:00:00+09:00`, volunteer.id));
  });

  it("a volunteer on a phone opens the confirmation mail's calendar link in a fresh browser with no session", async () => {
    const [mail] = await t.dataSource.query(
      `SELECT text_body, idempotency_key FROM mail_messages WHERE idempotency_key = $1`,
      [`dispatch-confirmed:${dispatchId}`],
    );
    const token = await deliveredToken(t, mail, 'calendar/dispatches');

    const page = await tab(PHONE);
    const download = page.waitForEvent('download');
    // A file, not a page: the browser downloads it (a phone hands it to its calendar).
    await page.goto(`${session.base}/api/calendar/dispatches/${token}.ics`).catch(() => undefined);
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${day}-${world.hospital.name}.ics`);
    const ics = readFileSync(await file.path(), 'utf8').replace(/\r\n[ \t]/g, '');
    expect(ics).toContain(`UID:dispatch-${dispatchId}@kumamoto-dispatch`);
    expect(ics).toContain('SUMMARY:医療通訳 — ベトナム語 / 内科');
    expect(ics.match(/BEGIN:VALARM/g)).toHaveLength(2);
  });

  it('a volunteer on a phone finds the subscription address on their profile, copies it and renews it', async () => {
    const page = await tab(PHONE);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.base });
    await signIn(page, volunteer.email, volunteer.password);
    await page.goto(`${session.base}/admin/#/profile`);
    const card = page.getByTestId('calendar-feed');
    await card.getByRole('heading', { name: 'カレンダーに登録' }).waitFor();
    const field = card.getByLabel('カレンダー登録用のアドレス');
    await expectValue(field, /\/api\/calendar\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const first = await field.inputValue();
    // The address works without a session, and lists the visit.
    const feed = await t.http().get(new URL(first).pathname).expect(200);
    expect(feed.text).toContain(`dispatch-${dispatchId}@kumamoto-dispatch`);
    const open = card.getByRole('link', { name: 'カレンダーアプリで開く' });
    expect(await open.getAttribute('href')).toBe(first.replace(/^http:\/\//, 'webcal://'));

    await card.getByRole('button', { name: 'アドレスをコピー' }).click();
    await page.getByText('アドレスをコピーしました').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(first);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'calendar-feed-profile-phone');

    await card.getByRole('button', { name: '新しいアドレスを発行' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('今のアドレスは使えなくなり', { exact: false }).waitFor();
    await screenshot(page, 'calendar-feed-renew-confirm-phone');
    await dialog.getByRole('button', { name: '発行する' }).click();
    await page.getByText('新しいアドレスを発行しました', { exact: false }).waitFor();
    await expectValue(field, /\/api\/calendar\/feeds\/[A-Za-z0-9_-]{43}\.ics$/, first);
    const renewed = await field.inputValue();
    await t.http().get(new URL(first).pathname).expect(404);
    await t.http().get(new URL(renewed).pathname).expect(200);
    await screenshot(page, 'calendar-feed-renewed-phone');
  });
});

/** Waits until a field's value matches `pattern` (and is no longer `not`). */
async function expectValue(field: import('playwright-core').Locator, pattern: RegExp, not?: string) {
  for (let i = 0; i < 100; i++) {
    const value = await field.inputValue();
    if (pattern.test(value) && value !== not) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(await field.inputValue()).toMatch(pattern);
  expect(await field.inputValue()).not.toBe(not);
}
