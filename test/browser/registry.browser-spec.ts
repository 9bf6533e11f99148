import type { Locator, Page } from 'playwright-core';
import { KUMAMOTO_AREAS } from '@app/matching';
import { aUser, aVolunteer } from '../support/factories';
import { login, type TestApp } from '../support/test-app';
import { aHospital, aQualifiedVolunteer, trainingCourses } from '../support/workflow-fixtures';
import { PHONE, screenshot, tokyoDay, useBrowserSession, choose } from './browser';

jest.setTimeout(120_000);

/**
 * Registry editing in Chromium against the real API, through the UI only (data seeded through the
 * services, results checked through the API): staff edit a hospital and add its coordinator,
 * register a volunteer with two languages (after the API refused a duplicate language on the
 * field), change a volunteer's weekly hours; a volunteer on a phone edits their own availability
 * and reads their training record.
 */
describe('registry editing (browser)', () => {
  const session = useBrowserSession();
  const { tab, signIn, allowProblem, scrollWidth } = session;
  let t: TestApp;
  let base: string;
  let staff: Awaited<ReturnType<typeof aUser>>;
  let staffAuth: string;

  beforeAll(async () => {
    ({ t, base } = session);
    staff = await aUser(t, { role: 'staff', displayName: '事務局 山田' });
    staffAuth = (await login(t, staff.email, staff.password)).auth;
  });

  /** On a phone the menu is a drawer behind the app bar, which hides while scrolling down. */
  async function openFromMenu(page: Page, name: string): Promise<void> {
    const item = page.getByRole('menuitem', { name });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.getByRole('button', { name: '開く' }).or(page.getByLabel('メニューを開く')).first().click();
    await item.click();
  }

  const get = async (path: string) => (await t.http().get(path).set('Authorization', staffAuth).expect(200)).body;

  it('staff edit a hospital, then add its coordinator; a taken e-mail is refused on the field', async () => {
    const hospital = await aHospital(t, { name: '熊本中央病院', area: '中央区', address: '熊本市中央区水前寺1-1-1' });
    const page = await tab();
    allowProblem(page, /status of 409/);
    await signIn(page, staff.email, staff.password);
    // Staff have no volunteer's own pages in their menu.
    await page.getByRole('menuitem', { name: '医療機関' }).waitFor();
    expect(await page.getByRole('menuitem', { name: '空き状況' }).count()).toBe(0);

    await page.goto(`${base}/admin/#/hospitals/${hospital.id}/show`);
    await page.getByText('担当者はまだいません').waitFor();
    await page.getByRole('link', { name: '編集' }).click();
    await page.waitForURL(new RegExp(`#/hospitals/${hospital.id}$`));
    await page.getByLabel('名称').fill('熊本中央病院 本館');
    await choose(page, '地域', '東区');
    await page.getByLabel('電話番号').fill('096-111-2222');
    await screenshot(page, 'registry-hospital-edit');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(new RegExp(`#/hospitals/${hospital.id}/show`));
    await page.getByText('熊本中央病院 本館').first().waitFor();
    expect(await get(`/api/hospitals/${hospital.id}`)).toMatchObject({
      name: '熊本中央病院 本館',
      area: '東区',
      phone: '096-111-2222',
      address: '熊本市中央区水前寺1-1-1',
    });

    const form = page.getByTestId('add-coordinator');
    await form.getByLabel('担当者名').fill('地域連携室 田中');
    await form.getByLabel('メールアドレス').fill('tanaka@chuo-hospital.example.jp');
    await form.getByRole('button', { name: '担当者を追加' }).click();
    await page.getByText('担当者 地域連携室 田中 を追加しました').waitFor();
    await page.getByTestId('coordinators').getByRole('cell', { name: '地域連携室 田中' }).waitFor();
    await screenshot(page, 'registry-hospital-coordinators');
    const coordinators = (await get(`/api/hospitals/${hospital.id}`)).coordinators as {
      email: string;
      displayName: string;
    }[];
    expect(coordinators.map((c) => [c.displayName, c.email])).toEqual([
      ['地域連携室 田中', 'tanaka@chuo-hospital.example.jp'],
    ]);

    // The form is empty again; the same e-mail a second time is refused on its field.
    expect(await form.getByLabel('担当者名').inputValue()).toBe('');
    await form.getByLabel('担当者名').fill('地域連携室 佐藤');
    await form.getByLabel('メールアドレス').fill('tanaka@chuo-hospital.example.jp');
    await form.getByRole('button', { name: '担当者を追加' }).click();
    await form.getByText('このメールアドレスのアカウントはすでにあります').first().waitFor();
    await form.getByText(/リクエストID: /).waitFor();
    expect((await get(`/api/hospitals/${hospital.id}`)).coordinators).toHaveLength(1);
  });

  it('staff register a hospital in one of the Kumamoto areas', async () => {
    const page = await tab();
    await signIn(page, staff.email, staff.password);
    await page.getByRole('menuitem', { name: '医療機関' }).click();
    await page.getByRole('link', { name: '作成' }).click();
    await page.waitForURL(/#\/hospitals\/create/);
    // The form's fields (the list's column headers carry the same names while it unmounts).
    await page.getByRole('textbox', { name: '名称' }).fill('菊陽町こどもクリニック');
    await page.getByRole('textbox', { name: '住所' }).fill('菊池郡菊陽町津久礼1-2');
    await page.getByRole('combobox', { name: '地域' }).click();
    // The areas are the API's list (libs/matching KUMAMOTO_AREAS), in its order.
    expect(await page.getByRole('option').allTextContents()).toEqual([...KUMAMOTO_AREAS]);
    await page.getByRole('option', { name: '菊陽町', exact: true }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/hospitals\/[0-9a-f-]{36}\/show/);
    await page.getByText('担当者はまだいません').waitFor();
    const id = /hospitals\/([0-9a-f-]{36})\/show/.exec(page.url())![1];
    expect(await get(`/api/hospitals/${id}`)).toMatchObject({
      name: '菊陽町こどもクリニック',
      area: '菊陽町',
      address: '菊池郡菊陽町津久礼1-2',
      phone: null,
      active: true,
    });
  });

  it('staff register a volunteer with two languages, after the API refused a language listed twice on its row', async () => {
    const page = await tab();
    allowProblem(page, /status of 422/);
    await signIn(page, staff.email, staff.password);
    await page.goto(`${base}/admin/#/volunteers`);
    await page.getByRole('link', { name: '作成' }).click();
    await page.waitForURL(/#\/volunteers\/create/);
    await page.getByLabel('氏名').fill('ファム・ヴァン・ナム');
    await page.getByLabel('ふりがな').fill('ふぁむ ばん なむ');
    await page.getByLabel('メールアドレス').fill('nam@example.jp');
    await page.getByLabel('電話番号').fill('090-1234-5678');
    await choose(page, '性別', '男性');
    await choose(page, '地域', '北区');
    const rows = page.locator('.RaSimpleFormIterator-line');
    await choose(rows.nth(0), '言語', 'ベトナム語');
    await choose(rows.nth(0), '習熟度', 'ネイティブ');
    await page.getByRole('button', { name: '言語を追加' }).click();
    await choose(rows.nth(1), '言語', 'ベトナム語');
    await choose(rows.nth(1), '習熟度', '流暢');
    await choose(page, 'レベル', '標準');
    await page.getByLabel('誓約書の提出日').fill('2026-04-10');
    await page.getByLabel('保険の有効期限').fill('2027-03-31');
    await page.getByLabel('月の派遣上限').fill('6');
    await page.getByRole('button', { name: '保存' }).click();

    // The API names languages.1.code: the message is on the second row, in Japanese.
    await rows.nth(1).getByText('この言語はすでに入っています').waitFor();
    expect(await rows.nth(0).getByText('この言語はすでに入っています').count()).toBe(0);
    await page
      .locator('form')
      .getByRole('alert')
      .filter({ hasText: /入力内容を確認してください（リクエストID: / })
      .waitFor();
    await screenshot(page, 'registry-volunteer-create-error');

    await choose(rows.nth(1), '言語', '英語');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/volunteers\/[0-9a-f-]{36}\/show/);
    await page.getByText('ベトナム語（ネイティブ）').waitFor();
    await page.getByText('英語（流暢）').waitFor();
    const id = /volunteers\/([0-9a-f-]{36})\/show/.exec(page.url())![1];
    const saved = await get(`/api/volunteers/${id}`);
    expect(saved).toMatchObject({
      displayName: 'ファム・ヴァン・ナム',
      gender: 'male',
      homeArea: '北区',
      level: 'standard',
      status: 'active',
      insuranceValidUntil: '2027-03-31',
      maxDispatchesPerMonth: 6,
      languages: [
        { code: 'vi', proficiency: 'native' },
        { code: 'en', proficiency: 'fluent' },
      ],
    });
    expect(new Date(saved.pledgeSignedAt).toISOString()).toBe(new Date('2026-04-10T00:00:00+09:00').toISOString());
    // The page shows standing from the training record: no course yet.
    await page.getByTestId('training-rule').getByText('満たしていません').waitFor();
    await page.getByText('研修の記録はまだありません').waitFor();
    await screenshot(page, 'registry-volunteer-show');

    // A level change asks for its reason, which the API keeps in the level history.
    await page.getByRole('link', { name: '編集' }).click();
    await page.waitForURL(new RegExp(`#/volunteers/${id}$`));
    expect(await page.getByLabel('レベル変更の理由').count()).toBe(0);
    await choose(page, 'レベル', '上級');
    await page.getByLabel('レベル変更の理由').fill('上級研修を修了したため');
    await screenshot(page, 'registry-volunteer-edit');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(new RegExp(`#/volunteers/${id}/show`));
    await page.getByText('上級', { exact: true }).waitFor();
    const edited = await get(`/api/volunteers/${id}`);
    expect(edited.level).toBe('advanced');
    expect(
      edited.levelHistory.map((c: { from: string; to: string; reason: string }) => [c.from, c.to, c.reason]),
    ).toEqual([['standard', 'advanced', '上級研修を修了したため']]);
    expect(new Date(edited.pledgeSignedAt).toISOString()).toBe(new Date('2026-04-10T00:00:00+09:00').toISOString());
  });

  it("staff change a volunteer's weekly hours: an overlap is shown on its row, the fix persists after a reload", async () => {
    const volunteer = await aVolunteer(t, {
      displayName: 'リー・メイ',
      languages: ['zh'],
      availability: { weekly: [{ weekday: 1, start: '09:00', end: '12:00' }], exceptions: [] },
    });
    const page = await tab();
    allowProblem(page, /status of 422/);
    await signIn(page, staff.email, staff.password);
    await page.goto(`${base}/admin/#/volunteers/${volunteer.id}/show`);
    const editor = page.getByTestId('availability-editor');
    const monday = editor.getByRole('group', { name: '月曜日' });
    await monday.getByTestId('slot').first().waitFor();
    expect(await monday.getByTestId('slot').first().getByLabel('開始').inputValue()).toBe('09:00');

    expect(await editor.getByTestId('availability-unsaved').count()).toBe(0);
    await monday.getByRole('button', { name: '時間帯を追加' }).click();
    await editor.getByText('保存していない変更があります').waitFor();
    const second = monday.getByTestId('slot').nth(1);
    await second.getByLabel('開始').selectOption('11:00');
    await second.getByLabel('終了').selectOption('14:00');
    await editor.getByRole('button', { name: '空き状況を保存' }).click();
    // The API answers 422 naming weekly[1]: the message sits under that row, not the first.
    await second.getByText('ほかの時間帯と重なっています').waitFor();
    expect(await monday.getByTestId('slot').first().getByText('ほかの時間帯と重なっています').count()).toBe(0);
    await editor
      .getByRole('alert')
      .filter({ hasText: /リクエストID: / })
      .waitFor();
    await screenshot(page, 'registry-availability-overlap');

    await second.getByLabel('開始').selectOption('13:00');
    const wednesday = editor.getByRole('group', { name: '水曜日' });
    await wednesday.getByRole('button', { name: '時間帯を追加' }).click();
    await editor.getByRole('button', { name: '例外を追加' }).click();
    await editor.getByTestId('exception').getByLabel('日付').fill(tokyoDay(10));
    await editor.getByRole('button', { name: '空き状況を保存' }).click();
    await page.getByText('空き状況を保存しました').waitFor();
    expect(await editor.getByTestId('availability-unsaved').count()).toBe(0);

    await page.reload();
    await monday.getByTestId('slot').nth(1).waitFor();
    const times = async (slot: Locator) => [
      await slot.getByLabel('開始').inputValue(),
      await slot.getByLabel('終了').inputValue(),
    ];
    expect(await times(monday.getByTestId('slot').nth(0))).toEqual(['09:00', '12:00']);
    expect(await times(monday.getByTestId('slot').nth(1))).toEqual(['13:00', '14:00']);
    expect(await times(wednesday.getByTestId('slot').nth(0))).toEqual(['09:00', '12:00']);
    expect(await editor.getByTestId('exception').getByLabel('日付').inputValue()).toBe(tokyoDay(10));
    await screenshot(page, 'registry-availability-saved');
    expect(await get(`/api/volunteers/${volunteer.id}/availability`)).toEqual({
      weekly: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 1, start: '13:00', end: '14:00' },
        { weekday: 3, start: '09:00', end: '12:00' },
      ],
      exceptions: [{ date: tokyoDay(10), available: false }],
    });
  });

  it('a volunteer on a phone (375×812) edits their own availability and reads their training record', async () => {
    const courses = await trainingCourses(t);
    const volunteer = await aQualifiedVolunteer(t, courses, {
      displayName: 'サントス・マリア',
      languages: ['tl'],
      availability: { weekly: [{ weekday: 2, start: '10:00', end: '16:00' }], exceptions: [] },
    });
    const user = await aUser(t, {
      role: 'volunteer',
      volunteerId: volunteer.id,
      email: volunteer.email,
      displayName: 'サントス・マリア',
    });
    const page = await tab(PHONE);
    await signIn(page, user.email, user.password);
    await page.getByLabel('活動できる日時').getByText('週 1 枠').waitFor();
    await page.getByLabel('研修の受講記録').getByText('満たしています').waitFor();
    await screenshot(page, 'registry-volunteer-dashboard-phone');

    await openFromMenu(page, '空き状況');
    await page.waitForURL(/#\/my\/availability/);
    await page.getByRole('heading', { name: '空き状況', level: 1 }).waitFor();
    const tuesday = page.getByRole('group', { name: '火曜日' });
    expect(await tuesday.getByTestId('slot').first().getByLabel('開始').inputValue()).toBe('10:00');
    const saturday = page.getByRole('group', { name: '土曜日' });
    await saturday.getByRole('button', { name: '時間帯を追加' }).click();
    await saturday.getByTestId('slot').getByLabel('終了').selectOption('17:00');
    await page.getByRole('button', { name: '例外を追加' }).click();
    const exception = page.getByTestId('exception');
    await exception.getByLabel('日付').fill(tokyoDay(5));
    await exception.getByLabel('可否').selectOption('yes');
    await exception.getByLabel('開始').selectOption('13:00');
    await exception.getByLabel('終了').selectOption('15:00');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'registry-my-availability-phone');
    await page.getByRole('button', { name: '空き状況を保存' }).click();
    await page.getByText('空き状況を保存しました').waitFor();
    expect(await get(`/api/volunteers/${volunteer.id}/availability`)).toEqual({
      weekly: [
        { weekday: 2, start: '10:00', end: '16:00' },
        { weekday: 6, start: '09:00', end: '17:00' },
      ],
      exceptions: [{ date: tokyoDay(5), available: true, start: '13:00', end: '15:00' }],
    });

    await openFromMenu(page, '研修記録');
    await page.waitForURL(/#\/my\/training/);
    await page.getByRole('heading', { name: '研修記録', level: 1 }).waitFor();
    await page.getByTestId('training-rule').getByText('満たしています').waitFor();
    const standing = await (
      await t
        .http()
        .get('/api/volunteers/me/training')
        .set('Authorization', (await login(t, user.email, user.password)).auth)
        .expect(200)
    ).body;
    expect(standing.ruleMet).toBe(true);
    const [year, month, day] = (standing.validUntil as string).split('-').map(Number);
    await page
      .getByTestId('training-valid-until')
      .getByText(new RegExp(`^${year}年${month}月${day}日\\(.\\) まで有効$`))
      .waitFor();
    const entries = page.getByTestId('training-entry');
    expect(await entries.count()).toBe(2);
    await entries.filter({ hasText: '養成講座' }).getByText('出席').waitFor();
    await entries.filter({ hasText: 'スキルアップ研修' }).getByText('2026年6月6日(土) 10:00–16:00').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'registry-my-training-phone');
  });
});
