import { aUser, aVolunteer } from '../support/factories';
import { ADMIN, type TestApp } from '../support/test-app';
import { fileRequest, visitWorld } from '../support/visit-fixtures';
import { aQualifiedVolunteer } from '../support/workflow-fixtures';
import { screenshot, tokyoDay, useBrowserSession } from './browser';

jest.setTimeout(180_000);

const DESK = { width: 1366, height: 900 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The staff dashboard as today's to-do list (#19), at a desk, on data made through the API: the
 * visit in 30 hours still out for offer, the escalated request, tomorrow's visit the interpreter has
 * not reconfirmed (gone once they do), the report to review, and standing that lapses apart from
 * standing that is missing.
 */
describe('staff desk (browser)', () => {
  const session = useBrowserSession();
  const { tab, signIn } = session;
  let t: TestApp;

  beforeAll(() => {
    ({ t } = session);
  });

  it("lists what staff must do today, each line opening where it is done; a reconfirmation takes tomorrow's visit off", async () => {
    const world = await visitWorld(t, 3, ['vi']);
    const [tomorrowsInterpreter, , reporter] = world.volunteers;
    await t
      .http()
      .patch(`/api/volunteers/${tomorrowsInterpreter.id}`)
      .set('Authorization', world.staff)
      .send({ phone: '090-1234-5678' })
      .expect(200);

    // Tomorrow's visit, confirmed five days ago (a yes within 48 hours would count as the
    // reconfirmation): not reconfirmed yet.
    t.clock.set(new Date(Date.now() - 5 * DAY));
    let tomorrow: { dispatchId: string };
    try {
      tomorrow = await world.dispatch(
        `${tokyoDay(1)}T10:00:00+09:00`,
        `${tokyoDay(1)}T11:30:00+09:00`,
        tomorrowsInterpreter.id,
      );
    } finally {
      t.clock.reset();
    }

    // A visit in 30 hours (on the hour), out for offer: the wave went out when it was filed.
    const soonStart = new Date(Math.floor((Date.now() + 30 * HOUR) / HOUR) * HOUR);
    const soon = await fileRequest(t, world.coordinator.auth, {
      startsAt: soonStart.toISOString(),
      endsAt: new Date(soonStart.getTime() + HOUR).toISOString(),
      language: 'vi',
      department: 'dermatology',
    });
    expect(soon.status).toBe('offered');
    const soonView = (await t.http().get(`/api/requests/${soon.id}`).set('Authorization', world.staff)).body as {
      reference: string;
    };

    // Nobody speaks Thai: escalated at once, three days ahead (an escalation, not within 48 hours).
    const escalated = await fileRequest(t, world.coordinator.auth, {
      startsAt: `${tokyoDay(3)}T14:00:00+09:00`,
      endsAt: `${tokyoDay(3)}T15:00:00+09:00`,
      language: 'th',
    });
    expect(escalated.status).toBe('escalated');

    // A visit two days ago, its report filed with a problem: a flagged report to review.
    t.clock.set(new Date(Date.now() - 3 * DAY));
    let past: { dispatchId: string };
    try {
      past = await world.dispatch(`${tokyoDay(-2)}T10:00:00+09:00`, `${tokyoDay(-2)}T11:30:00+09:00`, reporter.id);
    } finally {
      t.clock.reset();
    }
    await t
      .http()
      .post(`/api/dispatches/${past.dispatchId}/report`)
      .set('Authorization', reporter.auth)
      .send({
        actualStart: `${tokyoDay(-2)}T10:00:00+09:00`,
        actualEnd: `${tokyoDay(-2)}T11:30:00+09:00`,
        waitingMinutes: 5,
        scenes: ['consultation'],
        difficulty: 3,
        transportCostYen: 420,
        issues: '受付で通訳の予約が伝わっていませんでした。',
      })
      .expect(201);

    // Standing: training never attended (missing), insurance ending in 10 days (lapses).
    await aVolunteer(t, {
      displayName: '研修 未受講',
      pledgeSignedAt: '2025-04-01T00:00:00+09:00',
      insuranceValidUntil: '2027-03-31',
    });
    const insured = await aQualifiedVolunteer(t, world.courses, {
      displayName: '保険 まもなく',
      insuranceValidUntil: tokyoDay(10),
    });
    await aUser(t, { role: 'volunteer', volunteerId: insured.id });

    const page = await tab(DESK);
    await signIn(page, ADMIN.email, ADMIN.password);

    // No 「ユーザー数」 tile any more.
    expect(await page.getByText('ユーザー数').count()).toBe(0);

    const unfilled = page.getByTestId('unfilled-soon');
    const soonLine = unfilled.getByTestId('desk-request').filter({ hasText: soonView.reference });
    await soonLine.getByText('打診中（回答待ち）').waitFor();
    await soonLine.getByText('ベトナム語').waitFor();
    await soonLine.getByText(/熊本南病院/).waitFor();
    // The escalation three days ahead is not within 48 hours.
    expect(await unfilled.getByText('タイ語').count()).toBe(0);

    const escalations = page.getByTestId('escalations');
    const thai = escalations.getByTestId('desk-request').filter({ hasText: 'タイ語' });
    await thai.getByText('条件に合う通訳者がいません').waitFor();

    const reconfirm = page.getByTestId('not-reconfirmed');
    const tomorrowLine = reconfirm.getByTestId('desk-dispatch').filter({ hasText: tomorrowsInterpreter.displayName });
    await tomorrowLine.getByText(/10:00–11:30/).waitFor();
    await tomorrowLine.getByText('未再確認').waitFor();
    const call = tomorrowLine.getByRole('link', { name: `${tomorrowsInterpreter.displayName}さんに電話` });
    expect(await call.getAttribute('href')).toBe('tel:09012345678');
    await call.getByText('090-1234-5678').waitFor();

    const reports = page.getByTestId('reports-to-review');
    const report = reports.getByTestId('desk-report').filter({ hasText: reporter.displayName });
    await report.getByText('要確認').waitFor();
    await reports.getByTestId('reports-to-review-count').getByText('1件').waitFor();

    const lapses = page.getByTestId('standing-lapses');
    const missing = page.getByTestId('standing-missing');
    await lapses.getByText('保険 まもなく').waitFor();
    await lapses
      .getByText(/保険 .*まで/)
      .first()
      .waitFor();
    await missing.getByText('研修 未受講').waitFor();
    await missing.getByText('研修 なし').first().waitFor();
    expect(await missing.getByText('保険 まもなく').count()).toBe(0);
    expect(await lapses.getByText('研修 未受講').count()).toBe(0);
    await screenshot(page, 'staff-desk', { fullPage: false });
    await screenshot(page, 'staff-desk-full');

    // Each line opens where it is done.
    await soonLine.click();
    await page.waitForURL(new RegExp(`#/requests/${soon.id}/show`));
    await page.goBack();
    await reports.getByRole('link', { name: /確認待ちの一覧を開く/ }).click();
    await page.waitForURL(/#\/reports/);
    await page.getByTestId('report').filter({ hasText: reporter.displayName }).first().waitFor();
    await page.goBack();

    // The volunteer reconfirms: tomorrow's visit leaves the list.
    await t
      .http()
      .post(`/api/dispatches/${tomorrow.dispatchId}/reconfirm`)
      .set('Authorization', tomorrowsInterpreter.auth)
      .expect(200);
    await page.reload();
    await page.getByTestId('not-reconfirmed').getByText('明日の派遣はすべて再確認済みです。').waitFor();
    expect(await page.getByTestId('not-reconfirmed').getByText(tomorrowsInterpreter.displayName).count()).toBe(0);
    await screenshot(page, 'staff-desk-reconfirmed', { fullPage: false });
  });
});
