import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { invoiceMonthOf } from '../../apps/admin/src/statements/statement-month';
import { aUser } from '../support/factories';
import { visitWorld } from '../support/visit-fixtures';
import { aQualifiedVolunteer } from '../support/workflow-fixtures';
import { choose, screenshot, useBrowserSession } from './browser';

jest.setTimeout(240_000);

const DESK = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const HOUR = 3_600_000;

/** YYYY-MM of an instant in Tokyo. */
const tokyoMonth = (ms: number) => new Date(ms + 9 * HOUR).toISOString().slice(0, 7);
const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

/** The saved file's bytes, after checking it is a PDF. */
async function pdfBytes(download: Download): Promise<Buffer> {
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return bytes;
}

/**
 * The printable documents from the panel: a hospital coordinator at a desk downloads the month's
 * invoice, a volunteer on a phone their honoraria and transport statement and their activity
 * report, staff any hospital's invoice from the statements list. The API wants the bearer token,
 * so the panel fetches and saves the file; here the browser's download event receives it.
 */
describe('printable documents (browser)', () => {
  const session = useBrowserSession();
  const { tab, signIn } = session;
  let world: Awaited<ReturnType<typeof visitWorld>>;
  let interpreter: Awaited<ReturnType<typeof aQualifiedVolunteer>>;
  let interpreterUser: Awaited<ReturnType<typeof aUser>>;
  let month: string;

  beforeAll(async () => {
    const { t } = session;
    world = await visitWorld(t, 0, ['vi']);
    interpreter = await aQualifiedVolunteer(t, world.courses, { languages: ['vi'], displayName: '山田 花子' });
    interpreterUser = await aUser(t, { role: 'volunteer', volunteerId: interpreter.id });
    // A visit of two hours that ended an hour ago, filed and assigned with the clock set back, then completed.
    const start = Math.floor((Date.now() - 3 * HOUR) / 60_000) * 60_000;
    t.clock.set(new Date(start - 48 * HOUR));
    const visit = await world.dispatch(
      new Date(start).toISOString(),
      new Date(start + 2 * HOUR).toISOString(),
      interpreter.id,
    );
    t.clock.reset();
    await t
      .http()
      .post(`/api/dispatches/${visit.dispatchId}/complete`)
      .set('Authorization', world.coordinator.auth)
      .send({ actualStart: new Date(start).toISOString(), actualEnd: new Date(start + 2 * HOUR).toISOString() })
      .expect(200);
    month = tokyoMonth(start);
  });

  /**
   * The page opens on last month during a month's first ten days (this month would still be
   * nearly empty), on this month after — as the invoice picker does; then the visit's month is picked.
   */
  const pickMonth = async (page: Page) => {
    const opened = invoiceMonthOf(new Date());
    await page.getByRole('combobox', { name: '月' }).getByText(monthLabel(opened), { exact: true }).waitFor();
    if (month !== opened) await choose(page, '月', monthLabel(month));
  };

  /** The lines' box, and the lines inside it, are no wider than what shows of them. */
  const linesOverflow = (page: Page) =>
    page.getByTestId('statement-lines').evaluate((lines) => {
      const box = lines.parentElement!;
      return { box: box.scrollWidth - box.clientWidth, lines: lines.scrollWidth - lines.clientWidth };
    });

  it("a coordinator at a desk downloads their hospital's invoice of the month as a PDF", async () => {
    const page = await tab(DESK);
    await signIn(page, world.coordinator.email, world.coordinator.password);
    await page.getByRole('menuitem', { name: '月次の明細' }).click();
    await page.waitForURL(/#\/statements/);
    await pickMonth(page);
    await page.getByTestId('statement-lines').getByText('3,000円').first().waitFor();
    // At a desk the lines are a table.
    expect(await page.getByTestId('statement-lines').getAttribute('data-layout')).toBe('table');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '請求書（PDF）' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`請求書_${monthLabel(month)}分_熊本南病院.pdf`);
    const bytes = await pdfBytes(download);
    expect(bytes.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansJP-/);
    await screenshot(page, 'documents-coordinator-invoice');
  });

  it('a volunteer on a phone (390×844) downloads their statement and activity report', async () => {
    const page = await tab(PHONE);
    await signIn(page, interpreterUser.email, interpreterUser.password);
    await page.goto(`${session.base}/admin/#/statements`);
    await page.getByRole('heading', { level: 1, name: '謝金・交通費の明細' }).waitFor();
    await pickMonth(page);
    await page.getByTestId('statement-lines').getByText('3,000円').first().waitFor();
    expect(await session.scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    // The month's total is on the screen, not cut off at its right edge.
    const total = await page.getByTestId('statements-volunteers').getByText('3,000円').first().boundingBox();
    expect(total!.x + total!.width).toBeLessThanOrEqual(PHONE.width);
    // The lines are stacked rows that read without scrolling sideways, each amount on the screen.
    const lines = page.getByTestId('statement-lines');
    expect(await lines.getAttribute('data-layout')).toBe('rows');
    expect(await linesOverflow(page)).toEqual({ box: 0, lines: 0 });
    const line = lines.getByRole('listitem').first();
    await line.getByText('熊本南病院', { exact: false }).waitFor();
    await line.getByText('謝金', { exact: false }).waitFor();
    const amount = await line.getByText('3,000円', { exact: true }).boundingBox();
    expect(amount!.x + amount!.width).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'documents-volunteer-statement-lines-phone', { fullPage: false });

    let downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '謝金・交通費明細書（PDF）' }).click();
    let download = await downloading;
    expect(download.suggestedFilename()).toBe(`謝金・交通費明細書_${monthLabel(month)}分_山田_花子.pdf`);
    await pdfBytes(download);

    downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '活動実績報告書（PDF）' }).click();
    download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^活動実績報告書_\d{4}年度_/);
    await pdfBytes(download);
    await screenshot(page, 'documents-volunteer-statement');
  });

  it("staff download any hospital's invoice from the month's statements and from the hospital's page", async () => {
    const staff = await aUser(session.t, { role: 'staff' });
    const page = await tab(DESK);
    await signIn(page, staff.email, staff.password);
    await page.goto(`${session.base}/admin/#/exports`);
    const section = page.getByRole('region', { name: '月次の明細' });
    if (month !== tokyoMonth(Date.now())) await choose(section, '月', monthLabel(month));
    const row = page.getByTestId('statements-hospitals').getByRole('row').filter({ hasText: '熊本南病院' });
    const downloading = page.waitForEvent('download');
    await row.getByRole('button', { name: 'PDF' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`請求書_${monthLabel(month)}分_熊本南病院.pdf`);
    await pdfBytes(download);
    await screenshot(page, 'documents-staff-statements');

    // From the hospital's page, for any month: the current one here.
    await page.goto(`${session.base}/admin/#/hospitals/${world.hospital.id}/show`);
    const card = page.getByTestId('hospital-invoice');
    const again = page.waitForEvent('download');
    await card.getByRole('button', { name: '請求書（PDF）' }).click();
    const fromShow = await again;
    // The hospital's card offers last month during the first ten days of a month (the invoicing days).
    expect(fromShow.suggestedFilename()).toBe(`請求書_${monthLabel(invoiceMonthOf(new Date()))}分_熊本南病院.pdf`);
    await pdfBytes(fromShow);
    await screenshot(page, 'documents-staff-hospital');
  });
});
