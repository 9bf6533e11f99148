import { Dispatch, InterpretationRequest, MailMessage } from '@app/domain';
import { aUser, aVolunteer } from '../support/factories';
import { ADMIN, login, type TestApp } from '../support/test-app';
import { aHospital, aQualifiedVolunteer, trainingCourses } from '../support/workflow-fixtures';
import { PHONE, screenshot, tokyoDay, useBrowserSession, choose } from './browser';
import { deliveredToken } from '../support/delivered-mail';

jest.setTimeout(120_000);

const PATIENT = 'ホアン・ヴァン・ミン';

/**
 * The core story in Chromium against the real API: a coordinator files a request, staff see the
 * ranked candidates and send an offer, the volunteer accepts once from the e-mail's offer link
 * and once from the signed-in offers list on a phone, and the coordinator sees it confirmed.
 */
describe('dispatch workflow (browser)', () => {
  const session = useBrowserSession();
  const { tab, signIn, allowProblem, scrollWidth } = session;
  let t: TestApp;
  let base: string;
  let hospital: Awaited<ReturnType<typeof aHospital>>;
  let coordinator: Awaited<ReturnType<typeof aUser>>;
  let volunteerUser: Awaited<ReturnType<typeof aUser>>;
  let volunteer: Awaited<ReturnType<typeof aQualifiedVolunteer>>;
  let requestId: string;

  beforeAll(async () => {
    ({ t, base } = session);
    const courses = await trainingCourses(t);
    hospital = await aHospital(t, { name: '熊本市民病院', area: '中央区' });
    coordinator = await aUser(t, { role: 'coordinator', hospitalId: hospital.id, displayName: '看護師 田中' });
    for (const name of ['グエン・ティ・ラン', 'チャン・ヴァン・ミン', 'ファム・ティ・フオン'])
      await aQualifiedVolunteer(t, courses, { languages: ['vi'], displayName: name });
    // Far from the hospital, so ranked below the others: staff offer to them by hand.
    volunteer = await aQualifiedVolunteer(t, courses, {
      languages: ['vi'],
      displayName: 'レ・ティ・ホア',
      homeArea: '菊池市',
    });
    volunteerUser = await aUser(t, {
      role: 'volunteer',
      volunteerId: volunteer.id,
      email: volunteer.email,
      displayName: 'レ・ティ・ホア',
    });
    // Speaks the language but has no pledge, insurance or training on record.
    await aVolunteer(t, { languages: ['vi'], displayName: 'ドー・ヴァン・フン' });
  });

  const offerToken = async (email: string) => {
    const mails = await t.dataSource
      .getRepository(MailMessage)
      .find({ where: { toAddress: email, template: 'offer' }, order: { createdAt: 'DESC' } });
    expect(mails.length).toBeGreaterThan(0);
    return deliveredToken(t, mails[0], 'offer-links');
  };

  it('a coordinator files a request in a minute; a visit in the past is refused on the start field', async () => {
    const page = await tab();
    await signIn(page, coordinator.email, coordinator.password);
    await page.getByRole('menuitem', { name: '通訳依頼' }).click();
    await page.getByRole('link', { name: '通訳を依頼する' }).click();
    await page.waitForURL(/#\/requests\/create/);
    await choose(page, '言語', 'ベトナム語');
    await page.getByLabel('受診日').fill(tokyoDay(-1));
    await choose(page, '診療科', '産婦人科');
    await page.getByLabel('患者さんの呼び名').fill(PATIENT);
    await choose(page, '患者さんの性別', '男性');
    await page.getByRole('radio', { name: '女性' }).first().check(); // interpreter gender
    await screenshot(page, 'request-create');

    allowProblem(page, /status of 422|ApiError/);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('startsAt must be in the future').waitFor();
    await page
      .locator('#main-content')
      .getByRole('alert')
      .getByText(/リクエストID/)
      .waitFor();
    await screenshot(page, 'request-create-error');

    await page.getByLabel('受診日').fill(tokyoDay(10));
    await page.getByRole('radio', { name: '指定なし' }).check();
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/requests\/[0-9a-f-]{36}\/show/);
    requestId = /requests\/([0-9a-f-]{36})\/show/.exec(page.url())![1];
    await page.getByText('依頼を受け付けました').first().waitFor();
    await page.getByText(PATIENT).waitFor();
    await page.getByText('産婦人科').waitFor();
    await screenshot(page, 'request-show-coordinator');
    const saved = await t.dataSource.getRepository(InterpretationRequest).findOneByOrFail({ id: requestId });
    expect([saved.language, saved.department, saved.hospitalId, saved.urgent]).toEqual([
      'vi',
      'obstetrics_gynecology',
      hospital.id,
      false,
    ]);
    expect(saved.startsAt.toISOString()).toBe(new Date(`${tokyoDay(10)}T10:00:00+09:00`).toISOString());

    await page.getByRole('link', { name: '一覧' }).click();
    await page.getByRole('cell', { name: /産婦人科/ }).waitFor();
    await screenshot(page, 'requests-list-coordinator');
  });

  it('staff filter the requests, see ranked candidates and exclusions, and send an offer', async () => {
    const page = await tab();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('menuitem', { name: '通訳依頼' }).click();
    await choose(page, '状態', '打診中');
    await choose(page, '言語', 'ベトナム語');
    await page.waitForURL(/language/);
    await page.getByRole('cell', { name: '熊本市民病院' }).waitFor();
    await screenshot(page, 'requests-list-staff');
    await page.getByRole('cell', { name: '熊本市民病院' }).click();
    await page.waitForURL(new RegExp(`#/requests/${requestId}/show`));
    const candidates = page.getByRole('region', { name: '候補の通訳者' });
    await candidates.getByText('レ・ティ・ホア').waitFor();
    expect(await candidates.getByTestId('eligible-candidate').count()).toBe(4);
    await candidates
      .getByTestId('excluded-candidate')
      .filter({ hasText: 'ドー・ヴァン・フン' })
      .getByText('保険が切れている')
      .waitFor();
    await candidates.getByText('誓約書が未提出').first().waitFor();
    await candidates
      .getByText(/スコア \d/)
      .first()
      .waitFor();
    await page.getByText(PATIENT).waitFor();
    await screenshot(page, 'request-show-staff');

    await candidates.getByRole('checkbox', { name: 'レ・ティ・ホア' }).check();
    await candidates.getByRole('button', { name: '選んだ 1 人に打診する' }).click();
    await page.getByText(/1 人に打診しました|選んだ人にはすでに打診しています/).waitFor();
    const mails = await t.dataSource
      .getRepository(MailMessage)
      .find({ where: { toAddress: volunteer.email, template: 'offer' } });
    expect(mails).toHaveLength(1);

    await candidates.getByRole('button', { name: '直接割り当てる' }).last().click();
    await page.getByRole('dialog').getByText('理由（必須）').waitFor();
    await screenshot(page, 'request-assign-dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'キャンセル' }).click();
  });

  it('the volunteer accepts from the e-mail link without signing in; a second answer is refused plainly', async () => {
    const token = await offerToken(volunteer.email);
    const page = await tab(PHONE);
    await page.goto(`${base}/admin/#/offer-links/${token}`);
    await page.getByRole('heading', { name: '通訳依頼のご案内' }).waitFor();
    await page.getByText('熊本市民病院（中央区）').waitFor();
    expect(await page.getByText(PATIENT).count()).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'offer-link-phone');
    await page.getByRole('button', { name: '引き受ける' }).click();
    await page.getByText('派遣が確定しました').waitFor();
    await screenshot(page, 'offer-link-accepted-phone');
    const dispatch = await t.dataSource.getRepository(Dispatch).findOneByOrFail({ requestId });
    expect(dispatch.volunteerId).toBe(volunteer.id);

    // Another volunteer's link for the same request, now filled.
    const other = (await t.dataSource.getRepository(MailMessage).find({ where: { template: 'offer' } })).find(
      (m) => m.toAddress !== volunteer.email && m.textBody.includes('offer-links/'),
    )!;
    const late = await tab(PHONE);
    allowProblem(late, /status of 409/);
    await late.goto(`${base}/admin/#/offer-links/${await deliveredToken(t, other, 'offer-links')}`);
    await late.getByText(/もう回答できません（取り下げ）/).waitFor();
    await screenshot(late, 'offer-link-closed-phone');

    const bad = await tab(PHONE);
    allowProblem(bad, /status of 404/);
    await bad.goto(`${base}/admin/#/offer-links/not-a-real-token-0123456789`);
    await bad.getByText('このリンクは無効です').first().waitFor();
  });

  it('on a phone, the volunteer accepts a second offer from the signed-in list and sees both dispatches', async () => {
    const coordinatorAuth = (await login(t, coordinator.email, coordinator.password)).auth;
    const staffAuth = (await login(t, ADMIN.email, ADMIN.password)).auth;
    const second = await t
      .http()
      .post('/api/requests')
      .set('Authorization', coordinatorAuth)
      .send({
        language: 'vi',
        startsAt: `${tokyoDay(11)}T14:00:00+09:00`,
        endsAt: `${tokyoDay(11)}T15:30:00+09:00`,
        department: 'pediatrics',
        visitType: 'outpatient',
        patient: { displayName: 'ダン・ティ・マイ', gender: 'female', ageBand: 'child' },
      })
      .expect(201);
    await t
      .http()
      .post(`/api/requests/${second.body.id}/offers`)
      .set('Authorization', staffAuth)
      .send({ volunteerIds: [volunteer.id] })
      .expect(200);

    const page = await tab(PHONE);
    await signIn(page, volunteerUser.email, volunteerUser.password);
    await page.goto(`${base}/admin/#/offers`);
    const offer = page.getByTestId('offer').filter({ hasText: '小児科' });
    await offer.waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'offers-phone');
    await offer.getByRole('button', { name: '引き受ける' }).click();
    await page.getByText('引き受けました').waitFor();
    // Straight to the visit it became, with everything for the day; no offer is left to answer.
    await page.waitForURL(/#\/dispatches\/[0-9a-f-]+\/show/);
    await page.getByTestId('dispatch').getByText('小児科', { exact: false }).waitFor();
    await page.goto(`${base}/admin/#/offers`);
    await page.getByText('回答待ちの依頼はありません').waitFor();

    await page.goto(`${base}/admin/#/dispatches`);
    await page.getByTestId('dispatch').nth(1).waitFor();
    expect(await page.getByTestId('dispatch').count()).toBe(2);
    await page.getByTestId('dispatch').first().getByTestId('visit-address').getByText('熊本市民病院').waitFor();
    await page.getByTestId('dispatch').first().getByRole('button', { name: '患者さんの情報を見る' }).click();
    await page.getByTestId('dispatch-patient').getByText(PATIENT).waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('dispatch').first().getByRole('button', { name: 'カレンダーに追加 (.ics)' }).click();
    expect((await download).suggestedFilename()).toBe('dispatch.ics');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'dispatches-phone');
  });

  it('the coordinator sees the request confirmed, and can cancel one with a reason after confirming', async () => {
    const page = await tab(PHONE);
    await signIn(page, coordinator.email, coordinator.password);
    await page.goto(`${base}/admin/#/requests`);
    await page.locator('[data-status="confirmed"]').nth(1).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'requests-list-coordinator-phone');

    await page.goto(`${base}/admin/#/requests/${requestId}/show`);
    await page.locator('[data-status="confirmed"]').waitFor();
    await page.getByRole('button', { name: '依頼を取り消す' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('この依頼を取り消しますか?').waitFor();
    // The buttons say what they do: 閉じる, and 依頼を取り消す (no 「キャンセル」 / 「確認」 to misread).
    await dialog.getByRole('button', { name: '閉じる' }).waitFor();
    expect(await dialog.getByRole('button', { name: '依頼を取り消す' }).isDisabled()).toBe(true);
    await dialog.getByLabel('取り消しの理由').fill('患者さんの都合により');
    await screenshot(page, 'request-cancel-phone', { fullPage: false });
    await dialog.getByRole('button', { name: '依頼を取り消す' }).click();
    await page.locator('[data-status="cancelled"]').waitFor();
    expect((await t.dataSource.getRepository(InterpretationRequest).findOneByOrFail({ id: requestId })).status).toBe(
      'cancelled',
    );
  });
});
