import { InterpretationRequest } from '@app/domain';
import { aUser } from '../support/factories';
import type { TestApp } from '../support/test-app';
import { aHospital } from '../support/workflow-fixtures';
import { choose, screenshot, tokyoDay, useBrowserSession } from './browser';

jest.setTimeout(120_000);

const HELPER = '患者さんの氏名・病名などは書かないでください';

/** #18: the request form asks for what the interpreter needs on the day, and warns off patient details. */
describe('request form: notes for the interpreter (browser)', () => {
  const session = useBrowserSession();
  const { tab, signIn } = session;
  let t: TestApp;
  let coordinator: Awaited<ReturnType<typeof aUser>>;

  beforeAll(async () => {
    ({ t } = session);
    const hospital = await aHospital(t, { name: '熊本西病院', area: '西区' });
    coordinator = await aUser(t, { role: 'coordinator', hospitalId: hospital.id, displayName: '看護師 西田' });
  });

  it('a coordinator files a phone visit with the number and a meeting note; the number is asked only for phone and video', async () => {
    const page = await tab();
    await signIn(page, coordinator.email, coordinator.password);
    await page.goto(`${session.base}/admin/#/requests/create`);
    await choose(page, '言語', 'ベトナム語');
    await page.getByLabel('受診日').fill(tokyoDay(10));
    await page.getByLabel('患者さんの呼び名').fill('グエン・ティ・マイ');
    await choose(page, '患者さんの性別', '女性');
    await page.getByLabel('通訳者への連絡事項（待ち合わせ場所・持ち物など）').fill('2階内科受付の前で待ち合わせ');
    // On site: no number to ask for.
    await page.getByText(HELPER).first().waitFor();
    expect(await page.getByLabel(/電話番号・ビデオ通話のリンク/).count()).toBe(0);
    await page.getByRole('radio', { name: '電話', exact: true }).check();
    await page.getByLabel(/電話番号・ビデオ通話のリンク/).fill('096-123-4567');
    expect(await page.getByText(HELPER).count()).toBe(2);
    await screenshot(page, 'request-create-visit-details');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/requests\/[0-9a-f-]{36}\/show/);
    const id = /requests\/([0-9a-f-]{36})\/show/.exec(page.url())![1];
    await page.getByText('2階内科受付の前で待ち合わせ').waitFor();
    await screenshot(page, 'request-show-visit-details');
    const saved = await t.dataSource.getRepository(InterpretationRequest).findOneByOrFail({ id });
    expect([saved.mode, saved.remoteDetails, saved.notesForInterpreter]).toEqual([
      'phone',
      '096-123-4567',
      '2階内科受付の前で待ち合わせ',
    ]);
  });
});
