import type { Page } from 'playwright-core';
import { Dispatch, InterpretationRequest, MailMessage } from '@app/domain';
import { JobsService } from '../../apps/api/src/jobs/jobs.service';
import { deliveredToken } from '../support/delivered-mail';
import { aUser } from '../support/factories';
import { ADMIN, login, type TestApp } from '../support/test-app';
import { visitWorld } from '../support/visit-fixtures';
import { aQualifiedVolunteer } from '../support/workflow-fixtures';
import { screenshot, tokyoDay, useBrowserSession } from './browser';

jest.setTimeout(180_000);

/** The phone the programme's volunteers carry most. */
const PHONE = { width: 390, height: 844 };
const DAY = 24 * 60 * 60 * 1000;
const MEETING_POINT = '1階総合受付の前で待ち合わせです。保険証のコピーを持ってきてください。';

/**
 * A volunteer's day on a phone, in Chromium against the real API, without calling the office:
 * what is owed is at the top of the dashboard; an accepted visit's card has the address with a
 * map, the meeting point and numbers to call; reconfirming and 「行けなくなった」 are buttons (and
 * the request goes to someone else); a report owed is said on the dashboard and the card until
 * it is filed. Staff see who has reconfirmed tomorrow's visits.
 */
describe("a volunteer's day on a phone (browser)", () => {
  const session = useBrowserSession();
  const { tab, signIn, allowProblem, scrollWidth } = session;
  let t: TestApp;
  let base: string;
  let world: Awaited<ReturnType<typeof visitWorld>>;

  beforeAll(async () => {
    ({ t, base } = session);
    // Staff, the hospital and its coordinator; each test's volunteers speak a language of their own,
    // so that a request's offers reach exactly whom the story says.
    world = await visitWorld(t, 0, ['vi']);
    // The coordinator's direct line, for the interpreter who is late or lost.
    await t
      .http()
      .patch(`/api/users/${world.coordinator.id}`)
      .set('Authorization', world.staff)
      .send({ phone: '096-111-2222' })
      .expect(200);
  });

  /** A qualified volunteer speaking only `language`, with an account to sign in with. */
  async function aVolunteerWithAccount(language: string, displayName: string) {
    const record = await aQualifiedVolunteer(t, world.courses, { languages: [language], displayName });
    const user = await aUser(t, { role: 'volunteer', volunteerId: record.id, email: record.email, displayName });
    return { ...record, password: user.password, auth: (await login(t, user.email, user.password)).auth };
  }
  type Volunteer = Awaited<ReturnType<typeof aVolunteerWithAccount>>;
  const signInAs = (page: Page, volunteer: Volunteer) => signIn(page, volunteer.email, volunteer.password);

  /** Files a visit as the hospital's coordinator; its first wave of offers goes out at once. */
  async function file(
    language: string,
    startsAt: string,
    endsAt: string,
    notesForInterpreter?: string,
    remote?: { mode: 'phone' | 'video'; remoteDetails: string },
  ) {
    const filed = await t
      .http()
      .post('/api/requests')
      .set('Authorization', world.coordinator.auth)
      .send({
        language,
        department: 'internal_medicine',
        visitType: 'outpatient',
        startsAt,
        endsAt,
        patient: { displayName: 'グエン・ティ・ラン', gender: 'female', ageBand: 'adult' },
        ...(notesForInterpreter ? { notesForInterpreter } : {}),
        ...remote,
      })
      .expect(201);
    return filed.body as { id: string; urgent: boolean };
  }

  it('sees the offers to answer at the top, soonest visit first and 至急 marked, and on the offers page', async () => {
    const mai = await aVolunteerWithAccount('tl', 'マリア・サントス');
    const later = await file('tl', `${tokyoDay(14)}T10:00:00+09:00`, `${tokyoDay(14)}T11:00:00+09:00`);
    const soon = await file('tl', `${tokyoDay(2)}T09:00:00+09:00`, `${tokyoDay(2)}T10:00:00+09:00`);
    expect([soon.urgent, later.urgent]).toEqual([true, false]);

    const page = await tab(PHONE);
    await signInAs(page, mai);
    const items = page.getByTestId('owed').getByTestId('owed-offer');
    await items.nth(1).waitFor();
    expect(await items.count()).toBe(2);
    await items.first().getByText('至急').waitFor();
    expect(await items.nth(1).getByText('至急').count()).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'volunteer-day-dashboard-offers-phone');

    await items.first().click();
    await page.waitForURL(/#\/offers/);
    const cards = page.getByTestId('offer');
    await cards.nth(1).waitFor();
    await cards.first().getByTestId('urgent').waitFor();
    expect(await cards.nth(1).getByTestId('urgent').count()).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'volunteer-day-offers-phone');
  });

  it('accepts an offer, has everything for the day on its card, reconfirms, then says 「行けなくなった」 and another volunteer is asked', async () => {
    const ana = await aVolunteerWithAccount('pt', 'アナ・シルバ');
    const kim = await aVolunteerWithAccount('ko', 'キム・ミンジ');
    const startsAt = `${tokyoDay(1)}T15:00:00+09:00`;
    const endsAt = `${tokyoDay(1)}T16:00:00+09:00`;
    // Offered and accepted three days ago, before the reconfirmation window opened; Kim was
    // assigned tomorrow's morning visit then too, and has not reconfirmed.
    const page = await tab(PHONE);
    let requestId: string;
    let dispatchId: string;
    t.clock.set(new Date(Date.now() - 3 * DAY));
    try {
      ({ id: requestId } = await file('pt', startsAt, endsAt, MEETING_POINT));
      await world.dispatch(`${tokyoDay(1)}T09:00:00+09:00`, `${tokyoDay(1)}T10:00:00+09:00`, kim.id, 'ko');
      await signInAs(page, ana);
      await page.goto(`${base}/admin/#/offers`);
      const offer = page.getByTestId('offer');
      await offer.getByText(world.hospital.name, { exact: false }).waitFor();
      await offer.getByRole('button', { name: '引き受ける' }).click();
      await page.waitForURL(/#\/dispatches\/[0-9a-f-]+\/show/);
      dispatchId = /dispatches\/([0-9a-f-]+)\/show/.exec(page.url())![1];
      await page.getByTestId('dispatch').waitFor();
    } finally {
      t.clock.reset();
    }
    const card = page.getByTestId('dispatch');
    // Everything for the day: where (with a map), the meeting point, whom to call.
    const address = card.getByTestId('visit-address');
    await address.getByText(world.hospital.name).waitFor();
    await address.getByText(world.hospital.address).waitFor();
    expect(await card.getByRole('link', { name: '地図を開く' }).getAttribute('href')).toBe(
      `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(`${world.hospital.name} ${world.hospital.address}`)}`,
    );
    await card.getByTestId('visit-notes').getByText(MEETING_POINT).waitFor();
    expect(await card.getByRole('link', { name: /病院に電話する/ }).getAttribute('href')).toBe(
      `tel:${world.hospital.phone!.replace(/-/g, '')}`,
    );
    const contact = card.getByTestId('visit-contact');
    await contact.getByText(world.coordinator.displayName).waitFor();
    expect(await contact.getByRole('link', { name: /担当者に電話する/ }).getAttribute('href')).toBe('tel:0961112222');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'volunteer-day-accepted-card-phone');

    // Tomorrow's visit, not reconfirmed: the card asks.
    await page.reload();
    const reconfirm = card.getByRole('button', { name: '参加を再確認する' });
    await reconfirm.waitFor();
    await screenshot(page, 'volunteer-day-reconfirm-phone', { fullPage: false });
    await reconfirm.click();
    await page.getByText('参加を再確認しました').waitFor();
    await card.getByTestId('reconfirmed').getByText('再確認済み').waitFor();
    await reconfirm.waitFor({ state: 'detached' });
    expect(
      (await t.dataSource.getRepository(Dispatch).findOneByOrFail({ id: dispatchId })).reconfirmedAt,
    ).not.toBeNull();

    // Staff's to-do list of tomorrow's visits not reconfirmed names who has not, and no longer her.
    const office = await tab();
    await signIn(office, ADMIN.email, ADMIN.password);
    const notReconfirmed = office.getByTestId('not-reconfirmed');
    await notReconfirmed.getByText(kim.displayName).waitFor();
    expect(await notReconfirmed.getByText(ana.displayName).count()).toBe(0);
    await screenshot(office, 'volunteer-day-staff-tomorrow', { fullPage: false });
    // …and the request's page says so beside the interpreter's name.
    await office.goto(`${base}/admin/#/requests/${requestId}/show`);
    await office.getByTestId('reconfirmation').getByText('再確認済み').waitFor();

    // "I can't go": the dialog says what follows before anything is sent.
    await card.getByRole('button', { name: '行けなくなった' }).click();
    const dialog = page.getByRole('dialog', { name: 'この派遣に行けなくなりましたか？' });
    await dialog.getByText('スタッフと病院に知らせが届き、ほかの通訳者を探します', { exact: false }).waitFor();
    await dialog.getByText('キャンセル料はかかりません', { exact: false }).waitFor();
    const submit = dialog.getByRole('button', { name: '行けなくなったことを伝える' });
    expect(await submit.isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: '閉じる' }).waitFor();
    await dialog.getByRole('textbox', { name: '行けなくなった理由' }).fill('発熱のため行けません');
    await screenshot(page, 'volunteer-day-cant-go-dialog-phone', { fullPage: false });
    await submit.click();
    await page.getByText('伝えました。スタッフと病院に知らせが届き、ほかの通訳者を探します').waitFor();
    await page.waitForURL(/#\/dispatches$/);
    await page.getByText('今後の派遣予定はありません').waitFor();
    await screenshot(page, 'volunteer-day-after-cant-go-phone', { fullPage: false });

    const cancelled = await t.dataSource.getRepository(Dispatch).findOneByOrFail({ id: dispatchId });
    expect([cancelled.status, cancelled.cancelledBy, cancelled.cancelReason]).toEqual([
      'cancelled',
      'interpreter',
      '発熱のため行けません',
    ]);
    // The called-off visit's own page says in words how it ended, not a bare status.
    await page.goto(`${base}/admin/#/dispatches/${dispatchId}/show`);
    const calledOff = page.getByTestId('past-dispatch');
    await calledOff.getByTestId('past-outcome').getByText('行けなくなった（取り消し）').waitFor();
    expect(await calledOff.getByText('取消', { exact: true }).count()).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'volunteer-day-past-cancelled-phone', { fullPage: false });
    expect((await t.dataSource.getRepository(InterpretationRequest).findOneByOrFail({ id: requestId })).status).toBe(
      'open',
    );
    // Someone else who speaks Portuguese joins; the timers offer the visit again, and it is theirs to answer.
    const other = await aVolunteerWithAccount('pt', 'ジョアン・ペレイラ');
    await t.app.get(JobsService).runDue(100);
    const offers = await t
      .http()
      .get('/api/offers')
      .query({ status: 'pending' })
      .set('Authorization', other.auth)
      .expect(200);
    expect(offers.body.data.map((o: { requestId: string }) => o.requestId)).toContain(requestId);
  });

  it('is told of a report owed on the dashboard and the card, files it, and the card says 提出済み', async () => {
    const hoa = await aVolunteerWithAccount('ne', 'ラマ・ヒラ');
    // A visit two days ago, assigned with the clock three days back.
    t.clock.set(new Date(Date.now() - 3 * DAY));
    let dispatchId: string;
    try {
      ({ dispatchId } = await world.dispatch(
        `${tokyoDay(-2)}T10:00:00+09:00`,
        `${tokyoDay(-2)}T11:00:00+09:00`,
        hoa.id,
        'ne',
      ));
    } finally {
      t.clock.reset();
    }
    const page = await tab(PHONE);
    // No report yet: GET …/report answers 404, which the form reads as "new".
    allowProblem(page, /status of 404/);
    await signInAs(page, hoa);
    await page.getByTestId('owed').getByTestId('owed-report').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'volunteer-day-dashboard-report-owed-phone');

    await page.goto(`${base}/admin/#/dispatches`);
    const past = page.locator(`[data-testid="past-dispatch"][data-dispatch-id="${dispatchId}"]`);
    await past.getByTestId('report-state').getByText('報告が必要').waitFor();
    // The visit has happened: "confirmed" (確定) would mislead; the report's state is what the card says.
    expect(await past.getByText('確定', { exact: true }).count()).toBe(0);
    expect(await past.getByTestId('past-outcome').count()).toBe(0);
    await screenshot(page, 'volunteer-day-past-owed-phone');
    await past.getByRole('link', { name: '活動報告を書く' }).click();
    await page.waitForURL(new RegExp(`#/dispatches/${dispatchId}/report`));
    await page.getByLabel('待ち時間（分）').fill('15');
    await page.getByLabel('交通費（円）').fill('360');
    await page.getByRole('checkbox', { name: '診察' }).check();
    await page.getByRole('radio', { name: '3 ふつう' }).check();
    await page.getByRole('button', { name: '報告を送る' }).click();
    await page.getByText('活動報告を送りました').waitFor();
    await page.waitForURL(/#\/dispatches$/);
    await past.getByTestId('report-state').getByText('提出済み').waitFor();
    await past.getByRole('link', { name: '報告を見る・直す' }).waitFor();
    expect(await past.getByText('確定', { exact: true }).count()).toBe(0);
    await screenshot(page, 'volunteer-day-past-submitted-phone');

    // The hospital confirms the visit took place: the card says it was done, beside the report's state.
    await t
      .http()
      .post(`/api/dispatches/${dispatchId}/complete`)
      .set('Authorization', world.coordinator.auth)
      .send({
        actualStart: new Date(`${tokyoDay(-2)}T10:00:00+09:00`).toISOString(),
        actualEnd: new Date(`${tokyoDay(-2)}T11:00:00+09:00`).toISOString(),
      })
      .expect(200);
    await page.reload();
    await past.getByTestId('past-outcome').getByText('実施済み').waitFor();
    await past.getByTestId('report-state').getByText('提出済み').waitFor();
    expect(await past.getByText('完了', { exact: true }).count()).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'volunteer-day-past-completed-phone');

    await page.goto(`${base}/admin/#/`);
    await page.getByTestId('owed-nothing').waitFor();
    await screenshot(page, 'volunteer-day-dashboard-nothing-owed-phone', { fullPage: false });
  });

  it('opening the offer mail again after accepting says the visit is theirs and leads to its details, the number of a phone visit among them', async () => {
    const lin = await aVolunteerWithAccount('th', 'ソムチャイ・ウォン');
    const { id: requestId } = await file(
      'th',
      `${tokyoDay(9)}T13:00:00+09:00`,
      `${tokyoDay(9)}T14:00:00+09:00`,
      '時間になったら下の番号に電話してください。',
      { mode: 'phone', remoteDetails: '096-333-4444' },
    );
    const [mail] = await t.dataSource
      .getRepository(MailMessage)
      .find({ where: { toAddress: lin.email, template: 'offer' }, order: { createdAt: 'DESC' } });
    const token = await deliveredToken(t, mail, 'offer-links');
    const page = await tab(PHONE);
    await page.goto(`${base}/admin/#/offer-links/${token}`);
    await page.getByRole('button', { name: '引き受ける' }).click();
    await page.getByText('派遣が確定しました').waitFor();
    await screenshot(page, 'volunteer-day-offer-link-accepted-phone');

    await signInAs(page, lin);
    await page.goto(`${base}/admin/#/offer-links/${token}`);
    await page.getByText('この派遣はあなたの担当に決まっています。').waitFor();
    expect(await page.getByRole('button', { name: '引き受ける' }).count()).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'volunteer-day-offer-link-again-phone');
    await page.getByRole('link', { name: '派遣の詳しい内容を見る' }).click();
    await page.waitForURL(/#\/dispatches\/[0-9a-f-]+\/show/);
    const remote = page.getByTestId('dispatch').getByTestId('visit-remote');
    await remote.getByText('電話する番号').waitFor();
    await remote.getByText('096-333-4444').waitFor();
    expect(await remote.getByRole('link', { name: 'この番号に電話する' }).getAttribute('href')).toBe('tel:0963334444');
    // Nobody travels to a phone visit: no map.
    expect(await page.getByRole('link', { name: '地図を開く' }).count()).toBe(0);
    await screenshot(page, 'volunteer-day-phone-visit-phone');
    const dispatch = await t.dataSource.getRepository(Dispatch).findOneByOrFail({ requestId });
    expect(page.url()).toContain(`/dispatches/${dispatch.id}/show`);
  });
});
