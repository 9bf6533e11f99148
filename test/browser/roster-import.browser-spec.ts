import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { aUser } from '../support/factories';
import { login, type TestApp } from '../support/test-app';
import { busyDownload, PHONE, screenshot, useBrowserSession } from './browser';

jest.setTimeout(150_000);

const HEADER = [
  'email',
  'displayName',
  'nameKana',
  'phone',
  'gender',
  'homeArea',
  'languages',
  'level',
  'status',
  'pledgeSignedAt',
  'insuranceValidUntil',
  'maxDispatchesPerMonth',
  'weeklyAvailability',
];

/** A roster file as staff would save it from Excel: UTF-8 with BOM, CRLF. */
function rosterCsv(rows: string[][]): Buffer {
  return Buffer.from('\uFEFF' + [HEADER, ...rows].map((cells) => cells.join(',')).join('\r\n') + '\r\n', 'utf8');
}

const row = (email: string, displayName: string, overrides: Partial<Record<string, string>> = {}): string[] => {
  const cells: Record<string, string> = {
    email,
    displayName,
    nameKana: 'メイボ タロウ',
    phone: '090-1111-2222',
    gender: 'female',
    homeArea: '東区',
    languages: 'vi:native;en:business',
    level: 'standard',
    status: 'active',
    pledgeSignedAt: '2026-04-10T01:00:00.000Z',
    insuranceValidUntil: '2027-03-31',
    maxDispatchesPerMonth: '4',
    weeklyAvailability: '1 09:00-12:00;3 13:00-17:00',
    ...overrides,
  };
  return HEADER.map((column) => cells[column]);
};

/**
 * The volunteer roster as CSV, in Chromium against the real API (data seeded and results checked
 * through the API): staff export it from the volunteers list, import two new volunteers, and see
 * a file with two bad rows refused with both rows named and nothing written; the dialog on a phone.
 */
describe('volunteer roster import and export (browser)', () => {
  const session = useBrowserSession();
  const { tab, signIn, allowProblem, scrollWidth } = session;
  let t: TestApp;
  let base: string;
  let staff: Awaited<ReturnType<typeof aUser>>;
  let staffAuth: string;

  const api = async (path: string) => (await t.http().get(path).set('Authorization', staffAuth).expect(200)).body;
  const total = async () => (await api('/api/volunteers?perPage=1')).total as number;

  beforeAll(async () => {
    ({ t, base } = session);
    staff = await aUser(t, { role: 'staff', displayName: '事務局 名簿' });
    staffAuth = (await login(t, staff.email, staff.password)).auth;
    for (const [email, displayName, code] of [
      ['lan@seed.example.jp', 'グエン・ティ・ラン', 'vi'],
      ['li@seed.example.jp', '李 麗華', 'zh'],
      ['sunita@seed.example.jp', 'スニタ・ラマ', 'ne'],
    ]) {
      await t
        .http()
        .post('/api/volunteers')
        .set('Authorization', staffAuth)
        .send({
          email,
          displayName,
          nameKana: 'シード',
          gender: 'female',
          homeArea: '中央区',
          languages: [{ code, proficiency: 'native' }],
          level: 'standard',
        })
        .expect(201);
    }
  });

  async function openVolunteers(page: Page): Promise<void> {
    await signIn(page, staff.email, staff.password);
    await page.goto(`${base}/admin/#/volunteers`);
    await page.getByText('グエン・ティ・ラン').first().waitFor();
  }

  async function openImport(page: Page): Promise<ReturnType<Page['getByRole']>> {
    await page.getByRole('button', { name: '名簿を取り込む' }).click();
    const dialog = page.getByRole('dialog', { name: '名簿（CSV）の取り込み' });
    await dialog.waitFor();
    return dialog;
  }

  it("staff export the roster under the server's file name: BOM, header, one row per volunteer", async () => {
    const page = await tab();
    await openVolunteers(page);
    const button = page.getByRole('button', { name: '名簿を書き出す' });
    const download = await busyDownload(page, button, '**/api/volunteers/export.csv', 'roster-exporting');
    expect(download.suggestedFilename()).toBe('volunteers.csv');
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(HEADER.join(','));
    expect(lines).toHaveLength(1 + (await total()));
    for (const email of ['lan@seed.example.jp', 'li@seed.example.jp', 'sunita@seed.example.jp'])
      expect(lines.filter((line) => line.startsWith(`${email},`))).toHaveLength(1);
    expect(lines.some((line) => line.includes('李 麗華'))).toBe(true);
    await page.getByText('名簿（CSV） をダウンロードしました').waitFor();
    expect(await button.isEnabled()).toBe(true);
  });

  it('staff import two new volunteers: read the preview, confirm, watch the upload, read the counts, see them in the list', async () => {
    const page = await tab();
    await openVolunteers(page);
    const before = await total();
    const dialog = await openImport(page);
    await dialog.getByRole('button', { name: '列の説明（1行目は列名。* は必須の列）' }).click();
    await dialog.getByRole('cell', { name: 'weeklyAvailability' }).waitFor();
    await screenshot(page, 'roster-import-dialog', { fullPage: false });

    const file = rosterCsv([
      row('minh@import.example.jp', 'チャン・ヴァン・ミン'),
      row('maria@import.example.jp', 'マリア・サントス', { languages: 'tl:native;en:fluent', homeArea: '菊陽町' }),
    ]);
    await dialog
      .getByTestId('roster-file')
      .setInputFiles({ name: 'new-volunteers.csv', mimeType: 'text/csv', buffer: file });
    await dialog.getByText('2 行を取り込みます。よろしいですか?').waitFor();
    await dialog.getByText(/new-volunteers\.csv（\d+ KB）/).waitFor();
    // The server's preview: what each row would do; nothing is written before the confirmation.
    await dialog.getByText('新規 2 人、更新 0 人、変更なし 0 人になります。').waitFor();
    const preview = dialog.getByRole('table', { name: '取り込む内容の確認' });
    expect(await preview.getByRole('row').nth(1).textContent()).toContain('チャン・ヴァン・ミン');
    expect(await preview.getByRole('row').nth(1).textContent()).toContain('新規登録');
    await screenshot(page, 'roster-import-preview', { fullPage: false });
    expect(await total()).toBe(before);

    // The import itself (the preview's request has dryRun=true).
    await page.route(/\/api\/volunteers\/import\?lang=/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await dialog.getByRole('button', { name: '取り込む', exact: true }).click();
    await dialog.getByRole('progressbar').waitFor();
    expect(await dialog.getByTestId('roster-upload-status').textContent()).toMatch(
      /アップロード中 \d+%|サーバーで確認・登録しています/,
    );
    expect(await dialog.getByRole('button', { name: 'キャンセル' }).isDisabled()).toBe(true);
    await screenshot(page, 'roster-import-uploading', { fullPage: false });

    await dialog.getByText('2 行を取り込みました：新規 2 人、更新 0 人、変更なし 0 人').waitFor();
    await screenshot(page, 'roster-import-done', { fullPage: false });
    await dialog.getByRole('button', { name: '閉じる' }).click();
    await page.getByText('チャン・ヴァン・ミン').waitFor();
    await page.getByText('マリア・サントス').waitFor();

    expect(await total()).toBe(before + 2);
    const imported = await api('/api/volunteers?q=import.example.jp&sort=email');
    expect(imported.total).toBe(2);
    expect(
      imported.data.map((v: { email: string; displayName: string; homeArea: string }) => [
        v.email,
        v.displayName,
        v.homeArea,
      ]),
    ).toEqual([
      ['maria@import.example.jp', 'マリア・サントス', '菊陽町'],
      ['minh@import.example.jp', 'チャン・ヴァン・ミン', '東区'],
    ]);
    expect(imported.data[0].languages).toEqual([
      { code: 'tl', proficiency: 'native' },
      { code: 'en', proficiency: 'fluent' },
    ]);
  });

  it('a file with two bad rows is refused: both rows and their columns named, the request id shown, nothing written', async () => {
    const page = await tab();
    allowProblem(page, /status of 422/);
    await openVolunteers(page);
    const before = await total();
    const dialog = await openImport(page);
    const file = rosterCsv([
      row('good@refused.example.jp', 'ペレイラ・アナ'), // row 2: fine, but not written either
      row('bad1@refused.example.jp', 'ウォン・ミン', { languages: 'xx:native' }), // row 3
      row('bad2@refused.example.jp', 'ソムチャイ', { level: 'expert' }), // row 4
    ]);
    await dialog.getByTestId('roster-file').setInputFiles({ name: 'bad-rows.csv', mimeType: 'text/csv', buffer: file });
    // The preview finds the bad rows: no confirmation is offered.

    await dialog.getByText('取り込めませんでした。名簿には何も書き込んでいません。').waitFor();
    const table = dialog.getByRole('table', { name: '取り込めなかった行' });
    const rows = table.getByRole('row');
    expect(await rows.count()).toBe(3);
    const cells = async (i: number) => (await rows.nth(i).getByRole('cell').allTextContents()).map((s) => s.trim());
    expect((await cells(1)).slice(0, 2)).toEqual(['3', 'languages言語']);
    expect((await cells(1))[2]).toMatch(/xx/);
    expect((await cells(2)).slice(0, 2)).toEqual(['4', 'levelレベル']);
    expect(await dialog.getByTestId('roster-request-id').textContent()).toMatch(/^問い合わせ番号：\S+$/);
    await screenshot(page, 'roster-import-rejected', { fullPage: false });

    expect(await total()).toBe(before);
    expect((await api('/api/volunteers?q=refused.example.jp')).total).toBe(0);

    // Another file can be chosen from the same dialog.
    await dialog.getByRole('button', { name: '別のファイルを取り込む' }).click();
    await dialog.getByRole('button', { name: 'CSV ファイルを選ぶ' }).waitFor();
  });

  it('a file over the 2 MB limit is refused in words (413) with the request id, and nothing is written', async () => {
    const page = await tab();
    allowProblem(page, /status of 413/);
    await openVolunteers(page);
    const before = await total();
    const dialog = await openImport(page);
    const big = rosterCsv([row('big@large.example.jp', 'ラージ', { nameKana: 'ア'.repeat(1_100_000) })]);
    expect(big.length).toBeGreaterThan(3 * 1024 * 1024);
    await dialog.getByTestId('roster-file').setInputFiles({ name: 'large.csv', mimeType: 'text/csv', buffer: big });
    const alert = dialog.getByRole('alert');
    await alert.getByText('取り込めませんでした。名簿には何も書き込んでいません。').waitFor();
    expect(await alert.textContent()).toMatch(
      /ファイルが大きすぎます（上限 2 MB）。ファイルを分けて取り込んでください（リクエストID: [0-9a-f-]{36}）$/,
    );
    await screenshot(page, 'roster-import-too-large', { fullPage: false });
    expect(await total()).toBe(before);
  });

  it('on a 375 px phone the dialog fits the screen, from the confirmation to a refusal', async () => {
    const page = await tab(PHONE);
    allowProblem(page, /status of 422/);
    await openVolunteers(page);
    await page.getByRole('button', { name: '名簿を書き出す' }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'roster-list-phone', { fullPage: false });
    const dialog = await openImport(page);
    await dialog.getByTestId('roster-file').setInputFiles({
      name: 'phone-good.csv',
      mimeType: 'text/csv',
      buffer: rosterCsv([row('p0@phone.example.jp', 'スマホ 太郎')]),
    });
    await dialog.getByText('1 行を取り込みます。よろしいですか?').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'roster-import-phone', { fullPage: false });
    await dialog.getByTestId('roster-file').setInputFiles({
      name: 'phone.csv',
      mimeType: 'text/csv',
      buffer: rosterCsv([
        row('p1@phone.example.jp', 'スマホ 一郎', { insuranceValidUntil: '2026-02-30' }),
        row('p2@phone.example.jp', 'スマホ 二郎', { weeklyAvailability: '1 12:00-09:00' }),
      ]),
    });
    await dialog.getByText('取り込めませんでした。名簿には何も書き込んでいません。').waitFor();
    const rows = dialog.getByRole('table', { name: '取り込めなかった行' }).getByRole('row');
    expect(await rows.count()).toBe(3);
    // Two columns on a phone: the row, then the column above the message.
    expect(await rows.nth(1).getByRole('cell').first().textContent()).toBe('2');
    expect(await rows.nth(1).getByRole('cell').nth(1).textContent()).toMatch(/^insuranceValidUntil保険の有効期限.+/);
    expect(await rows.nth(2).getByRole('cell').nth(1).textContent()).toMatch(
      /^weeklyAvailability.*3行目「活動できる曜日・時間」: 「1 12:00-09:00」: 終了は開始より後にしてください/,
    );
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'roster-import-rejected-phone', { fullPage: false });
    expect((await api('/api/volunteers?q=phone.example.jp')).total).toBe(0);
  });
});
