import { Dispatch, HospitalConfirmation, InterpretationRequest, MailMessage, Offer } from '@app/domain';
import { invoiceMonthOf } from '../../apps/admin/src/statements/statement-month';
import { aUser } from '../support/factories';
import { ADMIN, login } from '../support/test-app';
import { fileRequest, visitWorld } from '../support/visit-fixtures';
import { aQualifiedVolunteer, runJobsAt } from '../support/workflow-fixtures';
import { choose, screenshot, tokyoDay, useBrowserSession } from './browser';

jest.setTimeout(240_000);

/** A hospital clerk's or the programme office's desk. */
const DESK = { width: 1366, height: 900 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An instant `hours` from now, on the minute, as ISO (what a visit time looks like). */
const hoursFromNow = (hours: number) =>
  new Date(Math.floor((Date.now() + hours * HOUR) / 60_000) * 60_000).toISOString();

/** YYYY-MM of an instant in Tokyo. */
const tokyoMonth = (iso: string) => new Date(new Date(iso).getTime() + 9 * HOUR).toISOString().slice(0, 7);

/**
 * #19's desk work from the panel, at a desk (1366×900): the coordinator's dashboard as a to-do
 * list, changes and cancellations that say what they cost, no-shows on the month's statement;
 * staff working an escalation with the offer history and phone numbers, and a request filed on
 * hold and released.
 */
describe("the coordinator's and staff's desk (browser)", () => {
  const session = useBrowserSession();
  const { tab, signIn } = session;
  let world: Awaited<ReturnType<typeof visitWorld>>;
  let staffUser: Awaited<ReturnType<typeof aUser>>;
  let past: { requestId: string; dispatchId: string };
  let tomorrow: { requestId: string; dispatchId: string };
  let looking: { id: string; status: string };

  const request = (id: string) => session.t.dataSource.getRepository(InterpretationRequest).findOneByOrFail({ id });
  const dispatch = (id: string) => session.t.dataSource.getRepository(Dispatch).findOneByOrFail({ id });

  /** A confirmed visit that started `hoursAgo` and lasted an hour, filed and assigned with the clock set back. */
  async function pastVisit(volunteer: number | string, hoursAgo: number) {
    const { t } = session;
    t.clock.set(new Date(Date.now() - hoursAgo * HOUR - DAY));
    try {
      return await world.dispatch(
        hoursFromNow(-hoursAgo),
        hoursFromNow(-hoursAgo + 1),
        typeof volunteer === 'string' ? volunteer : world.volunteers[volunteer].id,
      );
    } finally {
      t.clock.reset();
    }
  }

  beforeAll(async () => {
    const { t } = session;
    staffUser = await aUser(t, { role: 'staff', displayName: 'スタッフ 田中' });
    world = await visitWorld(t, 5, ['vi']);
    past = await pastVisit(0, 50);
    tomorrow = await world.dispatch(
      `${tokyoDay(1)}T10:00:00+09:00`,
      `${tokyoDay(1)}T11:00:00+09:00`,
      world.volunteers[1].id,
    );
    looking = await fileRequest(t, world.coordinator.auth, {
      startsAt: `${tokyoDay(12)}T10:00:00+09:00`,
      endsAt: `${tokyoDay(12)}T11:00:00+09:00`,
    });
  });

  it("a coordinator's dashboard lists what is owed; the finished visit is confirmed and rated from it", async () => {
    const page = await tab(DESK);
    await signIn(page, world.coordinator.email, world.coordinator.password);
    const toConfirm = page.getByTestId('to-confirm');
    await toConfirm.getByText(world.volunteers[0].displayName, { exact: false }).waitFor();
    const coming = page.getByTestId('coming-visits');
    await coming.getByText(`通訳者: ${world.volunteers[1].displayName}`).waitFor();
    await coming.getByText('明日').waitFor();
    const lookingPanel = page.getByTestId('looking');
    const reference = (await request(looking.id)).id.slice(0, 8).toUpperCase();
    await lookingPanel.getByText(reference, { exact: false }).waitFor();
    // The lone 「作成」 card and the bare count are gone; filing is one button.
    await page.getByRole('link', { name: '通訳を依頼する' }).waitFor();
    await screenshot(page, 'desk-coordinator-dashboard');

    await toConfirm.getByRole('link').first().click();
    await page.waitForURL(new RegExp(`#/requests/${past.requestId}/show`));
    await page.locator('[data-status="awaiting_confirmation"]').first().waitFor();
    // A visit that is over is not cancelled: what happened is recorded instead.
    await page.getByRole('button', { name: '患者が来なかった' }).waitFor();
    expect(await page.getByRole('button', { name: '依頼を取り消す' }).count()).toBe(0);
    await page.getByRole('button', { name: '受診を確認して評価する' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('label').filter({ hasText: '4 / 5' }).click();
    await dialog.getByLabel('コメント（任意）').fill('丁寧な通訳でした');
    await screenshot(page, 'desk-coordinator-confirm-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: '確認して送る' }).click();
    await page.getByText('評価: 4 / 5').waitFor();
    const confirmation = await session.t.dataSource
      .getRepository(HospitalConfirmation)
      .findOneByOrFail({ dispatchId: past.dispatchId });
    expect(confirmation.rating).toBe(4);

    await page.goto(`${session.base}/admin/#/`);
    await page.getByTestId('to-confirm').getByText('確認を待つ受診はありません。').waitFor();
  });

  it('a coordinator reschedules a visit still looking for an interpreter; offers out go again for the new time', async () => {
    const page = await tab(DESK);
    await signIn(page, world.coordinator.email, world.coordinator.password);
    await page.goto(`${session.base}/admin/#/requests/${looking.id}/show`);
    const before = await session.t.dataSource.getRepository(Offer).findBy({ requestId: looking.id, status: 'pending' });
    await page.getByRole('button', { name: '日時・内容を変更' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('開始時刻').fill('14:00');
    await dialog.getByLabel('終了時刻').fill('15:30');
    await dialog.getByTestId('edit-reoffers').waitFor();
    await screenshot(page, 'desk-reschedule-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: '変更を保存' }).click();
    await page.getByText('依頼を変更しました', { exact: false }).first().waitFor();
    await page.getByText('14:00–15:30', { exact: false }).first().waitFor();
    const saved = await request(looking.id);
    expect(saved.startsAt.toISOString()).toBe(new Date(`${tokyoDay(12)}T14:00:00+09:00`).toISOString());
    const offers = await session.t.dataSource.getRepository(Offer).findBy({ requestId: looking.id });
    for (const old of before) expect(offers.find((o) => o.id === old.id)?.status).toBe('withdrawn');
    await screenshot(page, 'desk-rescheduled');

    // A confirmed visit is moved with 日時を変更 (visit-move.browser-spec.ts walks it), not edited.
    await page.goto(`${session.base}/admin/#/requests/${tomorrow.requestId}/show`);
    await page.getByRole('button', { name: '日時を変更' }).click();
    await page.getByRole('dialog').getByTestId('move-what-happens').waitFor();
    expect(await page.getByRole('button', { name: '日時・内容を変更' }).count()).toBe(0);
    await page.getByRole('dialog').getByRole('button', { name: '閉じる' }).click();
  });

  it("a coordinator cancelling tomorrow's visit sees the late fee before confirming", async () => {
    const soon = await world.dispatch(hoursFromNow(6), hoursFromNow(7), world.volunteers[2].id);
    const page = await tab(DESK);
    await signIn(page, world.coordinator.email, world.coordinator.password);

    // Twelve days ahead: no fee, and the dialog closes without cancelling.
    const later = await world.dispatch(
      `${tokyoDay(12)}T16:00:00+09:00`,
      `${tokyoDay(12)}T17:00:00+09:00`,
      world.volunteers[3].id,
    );
    await page.goto(`${session.base}/admin/#/requests/${later.requestId}/show`);
    await page.getByRole('button', { name: '依頼を取り消す' }).click();
    await page.getByRole('dialog').getByText('キャンセル料はかかりません').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '閉じる' }).click();
    expect((await request(later.requestId)).status).toBe('confirmed');

    await page.goto(`${session.base}/admin/#/requests/${soon.requestId}/show`);
    await page.getByRole('button', { name: '依頼を取り消す' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('前日24時間以内のキャンセルのため、病院に3,000円のキャンセル料がかかります').waitFor();
    // The buttons say what they do: no 「キャンセル」 that a clerk reads as "cancel the visit".
    expect(await dialog.getByRole('button', { name: 'キャンセル', exact: true }).count()).toBe(0);
    expect(await dialog.getByRole('button', { name: '確認', exact: true }).count()).toBe(0);
    await dialog.getByRole('button', { name: '閉じる' }).waitFor();
    await dialog.getByRole('textbox', { name: '取り消しの理由' }).fill('患者さんの都合で受診が中止');
    await screenshot(page, 'desk-cancel-late-fee', { fullPage: false });
    await dialog.getByRole('button', { name: '依頼を取り消す' }).click();
    await page.getByText('依頼を取り消しました').waitFor();
    await page.locator('[data-status="cancelled"]').first().waitFor();
    expect((await dispatch(soon.dispatchId)).lateCancellation).toBe(true);
  });

  it("a coordinator records a patient no-show and finds it on the month's statement", async () => {
    const interpreter = await aQualifiedVolunteer(session.t, world.courses, { languages: ['vi'] });
    const interpreterUser = await aUser(session.t, { role: 'volunteer', volunteerId: interpreter.id });
    const visit = await pastVisit(interpreter.id, 3);
    const page = await tab(DESK);
    await signIn(page, world.coordinator.email, world.coordinator.password);
    await page.goto(`${session.base}/admin/#/requests/${visit.requestId}/show`);
    await page.getByRole('button', { name: '通訳者が来なかった' }).waitFor();
    await page.getByRole('button', { name: '完了を記録' }).waitFor();
    expect(await page.getByRole('button', { name: '依頼を取り消す' }).count()).toBe(0);
    await screenshot(page, 'desk-visit-over-buttons');
    await page.getByRole('button', { name: '患者が来なかった' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('病院に患者不在の料金3,000円がかかり', { exact: false }).waitFor();
    await screenshot(page, 'desk-no-show-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: '患者さんの不在を記録する' }).click();
    await page.getByTestId('no-show-recorded').waitFor();
    await page.locator('[data-status="no_show_patient"]').first().waitFor();
    const recorded = await dispatch(visit.dispatchId);
    expect([recorded.status, recorded.noShowParty]).toEqual(['no_show', 'patient']);

    await page.getByRole('menuitem', { name: '月次の明細' }).click();
    await page.waitForURL(/#\/statements/);
    const month = tokyoMonth((await request(visit.requestId)).startsAt.toISOString());
    // The page opens on last month during a month's first ten days, on this month after.
    const opened = invoiceMonthOf(new Date());
    if (month !== opened) await choose(page, '月', `${month.slice(0, 4)}年${Number(month.slice(5))}月`);
    const lines = page.getByTestId('statement-lines');
    await lines.getByRole('row').filter({ hasText: '患者さん来院せず' }).getByText('3,000円').first().waitFor();
    await screenshot(page, 'desk-coordinator-statement');

    // The interpreter's own statement: the honorarium of a visit the patient missed is still paid.
    const phone = await tab(DESK);
    await signIn(phone, interpreterUser.email, interpreterUser.password);
    await phone.goto(`${session.base}/admin/#/statements`);
    if (month !== opened) await choose(phone, '月', `${month.slice(0, 4)}年${Number(month.slice(5))}月`);
    await phone.getByRole('heading', { level: 1, name: '謝金・交通費の明細' }).waitFor();
    await phone
      .getByTestId('statement-lines')
      .getByRole('row')
      .filter({ hasText: '患者さん来院せず' })
      .getByText('3,000円')
      .first()
      .waitFor();
    await screenshot(phone, 'desk-volunteer-statement');
  });

  it('staff work an escalation with its offer history and phone numbers, hand an offer, assign, and the banners go', async () => {
    const { t } = session;
    const nepali: Awaited<ReturnType<typeof aQualifiedVolunteer>>[] = [];
    for (const [i, name] of ['タパ・ラム', 'グルン・シタ', 'ライ・ビノド', 'シェルパ・ミナ'].entries()) {
      nepali.push(
        await aQualifiedVolunteer(t, world.courses, {
          languages: ['ne'],
          displayName: name,
          phone: `090-1111-000${i}`,
        }),
      );
    }
    const startsAt = `${tokyoDay(4)}T10:00:00+09:00`;
    const filed = await fileRequest(t, world.coordinator.auth, {
      startsAt,
      endsAt: `${tokyoDay(4)}T11:00:00+09:00`,
      language: 'ne',
    });
    const declineAs = async (volunteerIndex: number) => {
      const user = await aUser(t, { role: 'volunteer', volunteerId: nepali[volunteerIndex].id });
      const auth = (await login(t, user.email, user.password)).auth;
      const offer = await t.dataSource
        .getRepository(Offer)
        .findOneBy({ requestId: filed.id, volunteerId: nepali[volunteerIndex].id, status: 'pending' });
      if (offer)
        await t
          .http()
          .post(`/api/offers/${offer.id}/decline`)
          .set('Authorization', auth)
          .send({ reason: '仕事で行けません' })
          .expect(200);
    };
    const firstWave = await t.dataSource.getRepository(Offer).findBy({ requestId: filed.id });
    expect(firstWave.length).toBeGreaterThan(0);
    await declineAs(nepali.findIndex((v) => v.id === firstWave[0].volunteerId));
    try {
      await runJobsAt(t, new Date(new Date(startsAt).getTime() - 11 * HOUR));
    } finally {
      t.clock.reset();
    }
    expect((await request(filed.id)).status).toBe('escalated');

    const page = await tab(DESK);
    await signIn(page, staffUser.email, staffUser.password);
    await page.goto(`${session.base}/admin/#/requests/${filed.id}/show`);
    await page.getByTestId('escalation-banner').waitFor();
    const history = page.getByTestId('offer-history');
    await history.getByRole('row').filter({ hasText: '辞退' }).getByText('仕事で行けません').waitFor();
    expect(await history.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
    // Whom to call about it: the hospital's number and the coordinator who filed it.
    await page.locator('a[href="tel:0960000000"]').first().waitFor();
    await page.getByTestId('filed-by').getByText(world.coordinator.displayName).waitFor();
    const candidates = page.getByRole('region', { name: '候補の通訳者' });
    await candidates.locator('a[href="tel:09011110000"]').first().waitFor();
    await screenshot(page, 'desk-staff-escalation');

    // Hand an offer to someone not yet asked: their row has a box; someone with a pending offer has none.
    // A volunteer registered since the waves went out: nobody has asked her yet.
    const fresh = await aQualifiedVolunteer(t, world.courses, {
      languages: ['ne'],
      displayName: 'マガル・アシャ',
      phone: '090-1111-0009',
    });
    await page.reload();
    const freshRow = candidates.getByTestId('eligible-candidate').filter({ hasText: fresh.displayName });
    await freshRow.getByRole('checkbox').check();
    await candidates.getByRole('button', { name: /選んだ 1 人に打診する/ }).click();
    await page.getByText('1 人に打診しました').waitFor();
    await freshRow.getByTestId('candidate-offer').waitFor();
    expect(await freshRow.getByRole('checkbox').count()).toBe(0);
    await screenshot(page, 'desk-staff-offered');

    // Then assign someone by hand, with the reason on record.
    const assignee = nepali.find((v) => v.id !== firstWave[0].volunteerId)!;
    await candidates
      .getByTestId('eligible-candidate')
      .filter({ hasText: assignee.displayName })
      .getByRole('button', { name: '直接割り当てる' })
      .click();
    const assign = page.getByRole('dialog');
    await assign.getByRole('textbox').fill('電話で本人の了承を得た');
    await assign.getByRole('button', { name: '確認' }).click();
    await page.getByText('割り当てました').waitFor();
    await page.locator('[data-status="confirmed"]').first().waitFor();
    await page.getByTestId('escalation-banner').waitFor({ state: 'detached' });
    await page.getByTestId('override-reason').getByText('電話で本人の了承を得た').waitFor();
    await screenshot(page, 'desk-staff-assigned');
  });

  it('a coordinator files on hold (nobody mailed), and releasing it sends the first wave', async () => {
    const { t } = session;
    const page = await tab(DESK);
    await signIn(page, world.coordinator.email, world.coordinator.password);
    await page.goto(`${session.base}/admin/#/requests/create`);
    await choose(page, '言語', 'ベトナム語');
    await page.getByLabel('受診日').fill(tokyoDay(1));
    // The lead-time rule is shown while the form is filled in, not only after saving.
    await page.getByTestId('lead-time').getByText('至急の依頼として扱います', { exact: false }).waitFor();
    await page.getByLabel('受診日').fill(tokyoDay(20));
    await page.getByTestId('lead-time').getByText('3営業日以上あります', { exact: false }).waitFor();
    await page.getByLabel('患者さんの呼び名').fill('チャン・ヴァン・ミン');
    await choose(page, '患者さんの性別', '男性');
    await page.getByLabel('保留で登録（まだ誰にも連絡しない）').check();
    await screenshot(page, 'desk-file-on-hold');
    const mailsBefore = await t.dataSource.getRepository(MailMessage).count({ where: { template: 'offer' } });
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/requests\/[0-9a-f-]{36}\/show/);
    const id = /requests\/([0-9a-f-]{36})\/show/.exec(page.url())![1];
    await page.getByTestId('on-hold').waitFor();
    expect(await t.dataSource.getRepository(Offer).countBy({ requestId: id })).toBe(0);
    expect(await t.dataSource.getRepository(MailMessage).count({ where: { template: 'offer' } })).toBe(mailsBefore);
    await screenshot(page, 'desk-on-hold');

    await page.getByRole('button', { name: '打診を開始する' }).click();
    await page.getByText('保留を解除しました', { exact: false }).waitFor();
    await page.getByTestId('on-hold').waitFor({ state: 'detached' });
    expect(await t.dataSource.getRepository(Offer).countBy({ requestId: id, status: 'pending' })).toBeGreaterThan(0);
    expect((await request(id)).onHold).toBe(false);
    await screenshot(page, 'desk-released');
  });

  it('staff hold a request back and release it from the page', async () => {
    const { t } = session;
    const filed = await fileRequest(t, world.coordinator.auth, {
      startsAt: `${tokyoDay(15)}T09:00:00+09:00`,
      endsAt: `${tokyoDay(15)}T10:00:00+09:00`,
    });
    const page = await tab(DESK);
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto(`${session.base}/admin/#/requests/${filed.id}/show`);
    await page.getByRole('button', { name: '保留にする' }).click();
    await page.getByTestId('on-hold').waitFor();
    expect((await request(filed.id)).onHold).toBe(true);
    await page.getByRole('button', { name: '打診を開始する' }).click();
    await page.getByTestId('on-hold').waitFor({ state: 'detached' });
    expect((await request(filed.id)).onHold).toBe(false);
  });

  it("the coordinator's request list: upcoming first from today, with the interpreter", async () => {
    const page = await tab(DESK);
    await signIn(page, world.coordinator.email, world.coordinator.password);
    await page.getByRole('menuitem', { name: '通訳依頼' }).click();
    await page.getByRole('cell', { name: world.volunteers[1].displayName }).waitFor();
    await page.getByRole('cell', { name: world.volunteers[3].displayName }).waitFor();
    const texts = await page.locator('tbody tr').allTextContents();
    const at = (name: string) => texts.findIndex((text) => text.includes(name));
    // Tomorrow's visit comes before the one twelve days ahead; the visit two days ago is not listed by default.
    expect(at(world.volunteers[1].displayName)).toBeLessThan(at(world.volunteers[3].displayName));
    expect(at(world.volunteers[0].displayName)).toBe(-1);
    await screenshot(page, 'desk-coordinator-list');
  });
});
