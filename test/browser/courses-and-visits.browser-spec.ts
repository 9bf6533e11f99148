import type { Page } from 'playwright-core';
import { Dispatch, HospitalConfirmation, InterpretationRequest, MailMessage } from '@app/domain';
import { JobsService } from '../../apps/api/src/jobs/jobs.service';
import { aUser, aVolunteer } from '../support/factories';
import { ADMIN, login, type TestApp } from '../support/test-app';
import { fileAndAssign } from '../support/visit-fixtures';
import { aHospital, aQualifiedVolunteer, trainingCourses } from '../support/workflow-fixtures';
import { PHONE, screenshot, tokyoDay, useBrowserSession } from './browser';
import { deliveredToken } from '../support/delivered-mail';

jest.setTimeout(150_000);

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const COURSE = 'スキルアップ研修 産婦人科の用語';
const TRAINEES = ['阿部 ミン', '井上 ラン', '上田 フオン', '江口 ホア', '大野 マイ'];

/**
 * Training courses, the hospital's confirmation and the reconfirmation link, in Chromium against
 * the real API: staff add a course and keep its register (the API's capacity refusal shown in
 * words), staff file a request for a hospital they choose, a coordinator confirms and rates a
 * visit that is over, and a volunteer reconfirms from the e-mail's link on a phone.
 */
describe('courses and visits (browser)', () => {
  const session = useBrowserSession();
  const { tab, signIn, allowProblem, scrollWidth } = session;
  let t: TestApp;
  let base: string;
  let staffAuth: string;
  let courseId: string;
  let trainees: Awaited<ReturnType<typeof aVolunteer>>[];
  let hospital: Awaited<ReturnType<typeof aHospital>>;
  let coordinator: Awaited<ReturnType<typeof aUser>>;
  let volunteer: Awaited<ReturnType<typeof aQualifiedVolunteer>>;
  let pastRequestId: string;
  let pastDispatchId: string;

  beforeAll(async () => {
    ({ t, base } = session);
    const courses = await trainingCourses(t);
    trainees = [];
    for (const name of TRAINEES) trainees.push(await aVolunteer(t, { displayName: name, nameKana: name }));
    await aHospital(t, { name: '熊本東病院', area: '東区' });
    hospital = await aHospital(t, { name: '熊本南病院', area: '南区' });
    coordinator = await aUser(t, { role: 'coordinator', hospitalId: hospital.id, displayName: '看護師 坂本' });
    volunteer = await aQualifiedVolunteer(t, courses, { languages: ['vi'], displayName: 'グエン・ヴァン・ナム' });
    staffAuth = (await login(t, ADMIN.email, ADMIN.password)).auth;
    const coordinatorAuth = (await login(t, coordinator.email, coordinator.password)).auth;

    // A visit two days ago, assigned with the test clock three days back: over, not yet confirmed.
    t.clock.set(new Date(Date.now() - 3 * DAY));
    try {
      ({ requestId: pastRequestId, dispatchId: pastDispatchId } = await fileAndAssign(
        t,
        { fileAs: coordinatorAuth, staff: staffAuth },
        volunteer.id,
        {
          startsAt: `${tokyoDay(-2)}T10:00:00+09:00`,
          endsAt: `${tokyoDay(-2)}T11:30:00+09:00`,
          department: 'pediatrics',
          patient: { displayName: 'ダン・ティ・マイ', gender: 'female', ageBand: 'child' },
        },
      ));
    } finally {
      t.clock.reset();
    }
  });

  const courseFromApi = async () =>
    (await t.http().get(`/api/courses/${courseId}`).set('Authorization', staffAuth).expect(200)).body;

  async function addTrainee(page: Page, name: string) {
    const sheet = page.getByRole('region', { name: '出欠' });
    await sheet.getByLabel('ボランティアを追加').fill(name.slice(0, 2));
    await page.getByRole('option', { name: new RegExp(name) }).click();
    await sheet.getByTestId('attendance-row').filter({ hasText: name }).waitFor();
  }

  const mark = (page: Page, name: string, status: '申込み' | '出席' | '欠席') =>
    page.getByRole('radiogroup', { name }).getByRole('radio', { name: status }).check();

  it('staff add a course from the menu; it is saved in Tokyo time and listed among the upcoming courses', async () => {
    const page = await tab();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('menuitem', { name: '研修' }).click();
    await page.getByRole('link', { name: '研修を登録する' }).click();
    await page.waitForURL(/#\/courses\/create/);
    await page.getByLabel('研修名').fill(COURSE);
    await page.getByRole('radio', { name: 'スキルアップ研修' }).check();
    await page.getByLabel('開催日').fill(tokyoDay(14));
    await page.getByLabel('開始時刻').fill('13:30');
    await page.getByLabel('終了時刻').fill('16:00');
    await page.getByLabel('会場').fill('熊本市国際交流会館');
    await page.getByLabel('定員').fill('3');
    // The hours follow the times (13:30–16:00).
    expect(await page.getByLabel('時間数').inputValue()).toBe('2.5');
    await screenshot(page, 'course-create');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/courses\/[0-9a-f-]{36}\/show/);
    courseId = /courses\/([0-9a-f-]{36})\/show/.exec(page.url())![1];
    await page.getByText('研修を登録しました').waitFor();
    await page.getByText('13:30–16:00').waitFor();
    await page.getByText('まだ誰も登録されていません').waitFor();

    const saved = await courseFromApi();
    expect(saved).toMatchObject({
      title: COURSE,
      kind: 'skill_up',
      venue: '熊本市国際交流会館',
      capacity: 3,
      hours: 2.5,
      taken: 0,
      attendance: [],
    });
    expect(new Date(saved.startsAt).toISOString()).toBe(new Date(`${tokyoDay(14)}T13:30:00+09:00`).toISOString());
    expect(new Date(saved.endsAt).toISOString()).toBe(new Date(`${tokyoDay(14)}T16:00:00+09:00`).toISOString());

    // The course list (upcoming first) from the menu: the dashboard is staff's to-do list, not counts.
    await page.getByRole('menuitem', { name: '研修' }).click();
    await page.waitForURL(/#\/courses/);
    const row = page.getByRole('row').filter({ hasText: COURSE });
    await row.getByText('0 / 3 人').waitFor();
    await screenshot(page, 'courses-list');
  });

  it('staff register volunteers, mark attendance and save; after a reload the sheet is as saved', async () => {
    // The course has taken place (moved to yesterday): attendance is marked only once a course has started.
    await t
      .http()
      .patch(`/api/courses/${courseId}`)
      .set('Authorization', staffAuth)
      .send({ startsAt: `${tokyoDay(-1)}T13:30:00+09:00`, endsAt: `${tokyoDay(-1)}T16:00:00+09:00` })
      .expect(200);
    const page = await tab();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto(`${base}/admin/#/courses/${courseId}/show`);
    for (const name of TRAINEES.slice(0, 4)) await addTrainee(page, name);
    const sheet = page.getByRole('region', { name: '出欠' });
    await sheet.getByTestId('attendance-count').getByText('定員 4 / 3 人').waitFor();
    await sheet.getByText('定員を 1 人超えています').waitFor();
    await mark(page, TRAINEES[0], '出席');
    await mark(page, TRAINEES[1], '出席');
    await mark(page, TRAINEES[3], '欠席');
    await sheet.getByTestId('attendance-count').getByText('定員 3 / 3 人').waitFor();
    // One added by mistake, not saved yet: taken off the list again.
    await addTrainee(page, TRAINEES[4]);
    await sheet
      .getByTestId('attendance-row')
      .filter({ hasText: TRAINEES[4] })
      .getByRole('button', { name: '一覧から外す' })
      .click();
    expect(await sheet.getByTestId('attendance-row').count()).toBe(4);
    await screenshot(page, 'course-attendance-editing');
    await sheet.getByRole('button', { name: '出欠を保存' }).click();
    await page.getByText('出欠を保存しました').waitFor();

    const byName = (course: { attendance: { displayName: string; status: string }[] }) =>
      Object.fromEntries(course.attendance.map((a) => [a.displayName, a.status]));
    expect(byName(await courseFromApi())).toEqual({
      [TRAINEES[0]]: 'attended',
      [TRAINEES[1]]: 'attended',
      [TRAINEES[2]]: 'registered',
      [TRAINEES[3]]: 'absent',
    });

    await page.reload();
    await page.getByRole('radiogroup', { name: TRAINEES[0] }).waitFor();
    expect(
      await page.getByRole('radiogroup', { name: TRAINEES[0] }).getByRole('radio', { name: '出席' }).isChecked(),
    ).toBe(true);
    expect(
      await page.getByRole('radiogroup', { name: TRAINEES[2] }).getByRole('radio', { name: '申込み' }).isChecked(),
    ).toBe(true);
    expect(
      await page.getByRole('radiogroup', { name: TRAINEES[3] }).getByRole('radio', { name: '欠席' }).isChecked(),
    ).toBe(true);
    await page
      .getByRole('region', { name: '出欠' })
      .getByTestId('attendance-count')
      .getByText('定員 3 / 3 人')
      .waitFor();
    await screenshot(page, 'course-attendance-saved');

    // At the venue, on a phone.
    const phone = await tab(PHONE);
    await signIn(phone, ADMIN.email, ADMIN.password);
    await phone.goto(`${base}/admin/#/courses/${courseId}/show`);
    await phone.getByRole('radiogroup', { name: TRAINEES[3] }).waitFor();
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(phone, 'course-attendance-phone');
  });

  it('over the capacity, the API refuses the save and the sheet says why; nothing is written', async () => {
    const page = await tab();
    allowProblem(page, /status of 409/);
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto(`${base}/admin/#/courses/${courseId}/show`);
    await page.getByRole('radiogroup', { name: TRAINEES[3] }).waitFor();
    await mark(page, TRAINEES[3], '申込み');
    await addTrainee(page, TRAINEES[4]);
    const sheet = page.getByRole('region', { name: '出欠' });
    await sheet.getByRole('button', { name: '出欠を保存' }).click();
    await sheet
      .getByRole('alert')
      .getByText(/定員を超えるため保存できません.*リクエストID/)
      .waitFor();
    await screenshot(page, 'course-attendance-over-capacity');
    const after = await courseFromApi();
    expect(after.attendance).toHaveLength(4);
    expect(after.taken).toBe(3);
  });

  it('a volunteer who withdrew is taken off the register and their place is free again; marked attendance stays', async () => {
    const page = await tab();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto(`${base}/admin/#/courses/${courseId}/show`);
    const sheet = page.getByRole('region', { name: '出欠' });
    const row = (name: string) => sheet.getByTestId('attendance-row').filter({ hasText: name });
    await row(TRAINEES[2]).waitFor();
    // Attended and absent are the training record: their button is off.
    expect(await row(TRAINEES[0]).getByRole('button', { name: '一覧から外す' }).isDisabled()).toBe(true);
    expect(await row(TRAINEES[3]).getByRole('button', { name: '一覧から外す' }).isDisabled()).toBe(true);
    await row(TRAINEES[2]).getByRole('button', { name: '一覧から外す' }).click();
    await page.getByText('登録を取り消しました').waitFor();
    await sheet.getByTestId('attendance-count').getByText('定員 2 / 3 人').waitFor();
    expect((await courseFromApi()).attendance.map((a: { displayName: string }) => a.displayName).sort()).toEqual(
      [TRAINEES[0], TRAINEES[1], TRAINEES[3]].sort(),
    );
    // The freed place goes to someone else.
    await addTrainee(page, TRAINEES[4]);
    await sheet.getByRole('button', { name: '出欠を保存' }).click();
    await page.getByText('出欠を保存しました').waitFor();
    expect((await courseFromApi()).taken).toBe(3);
  });

  it('staff change the course; a capacity below those registered is refused on the field', async () => {
    const page = await tab();
    allowProblem(page, /status of 409/);
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto(`${base}/admin/#/courses/${courseId}/show`);
    await page.getByRole('link', { name: '編集' }).click();
    await page.waitForURL(new RegExp(`#/courses/${courseId}$`));
    expect(await page.getByLabel('開始時刻').inputValue()).toBe('13:30');
    expect(await page.getByLabel('開催日').inputValue()).toBe(tokyoDay(-1)); // moved to yesterday above
    expect(await page.getByRole('button', { name: '削除' }).count()).toBe(0);
    await page.getByLabel('定員').fill('2');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('申込み・出席の人数より少ない定員にはできません').first().waitFor();
    await page
      .locator('#main-content')
      .getByRole('alert')
      .getByText(/リクエストID/)
      .waitFor();
    await screenshot(page, 'course-edit-capacity-refused');
    expect((await courseFromApi()).capacity).toBe(3);

    await page.getByLabel('定員').fill('5');
    await page.getByLabel('終了時刻').fill('16:30');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(new RegExp(`#/courses/${courseId}/show`));
    await page.getByText('13:30–16:30').waitFor();
    await page.getByText('3 / 5 人').first().waitFor();
    const saved = await courseFromApi();
    expect(saved.capacity).toBe(5);
    expect(new Date(saved.endsAt).toISOString()).toBe(new Date(`${tokyoDay(-1)}T16:30:00+09:00`).toISOString());
    // The hours followed the new end time (13:30–16:30).
    expect(saved.hours).toBe(3);
  });

  it('staff file a request for the hospital they choose', async () => {
    const page = await tab();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('menuitem', { name: '通訳依頼' }).click();
    await page.getByRole('link', { name: '通訳を依頼する' }).click();
    await page.waitForURL(/#\/requests\/create/);
    await page.getByLabel('医療機関').fill('熊本南');
    await page.getByRole('option', { name: '熊本南病院' }).click();
    await page.getByRole('combobox', { name: '言語' }).click();
    await page.getByRole('option', { name: 'ベトナム語', exact: true }).click();
    await page.getByLabel('受診日').fill(tokyoDay(20));
    await page.getByLabel('患者さんの呼び名').fill('レ・ヴァン・トゥアン');
    await page.getByRole('combobox', { name: '患者さんの性別' }).click();
    await page.getByRole('option', { name: '男性', exact: true }).click();
    await screenshot(page, 'request-create-staff');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/requests\/[0-9a-f-]{36}\/show/);
    const id = /requests\/([0-9a-f-]{36})\/show/.exec(page.url())![1];
    await page.getByText('熊本南病院').waitFor();
    const saved = await t.dataSource.getRepository(InterpretationRequest).findOneByOrFail({ id });
    expect([saved.hospitalId, saved.language]).toEqual([hospital.id, 'vi']);
    expect(saved.startsAt.toISOString()).toBe(new Date(`${tokyoDay(20)}T10:00:00+09:00`).toISOString());
  });

  it('on a phone, the coordinator confirms the visit that is over and rates it; staff are not offered the button', async () => {
    const staff = await tab();
    await signIn(staff, ADMIN.email, ADMIN.password);
    await staff.goto(`${base}/admin/#/requests/${pastRequestId}/show`);
    await staff.getByText('ダン・ティ・マイ').waitFor();
    expect(await staff.getByRole('button', { name: '受診を確認して評価する' }).count()).toBe(0);

    const page = await tab(PHONE);
    await signIn(page, coordinator.email, coordinator.password);
    await page.goto(`${base}/admin/#/requests/${pastRequestId}/show`);
    const panel = page.getByRole('region', { name: '受診の確認と評価' });
    await panel.getByRole('button', { name: '受診を確認して評価する' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('実際の開始時刻').inputValue()).toBe('10:00');
    await dialog.getByLabel('実際の終了時刻').fill('11:50');
    await dialog.locator('label').filter({ hasText: '4 / 5' }).click();
    expect(await dialog.getByRole('radio', { name: '4 / 5' }).isChecked()).toBe(true);
    await dialog.getByLabel(/コメント/).fill('説明がとても分かりやすかったです。');
    await screenshot(page, 'visit-confirm-dialog-phone', { fullPage: false });
    await dialog.getByRole('button', { name: '確認して送る' }).click();
    await page.getByText('受診を確認しました').first().waitFor();
    const result = panel.getByTestId('visit-confirmation');
    await result.getByText(/確認済み: .*10:00–11:50/).waitFor();
    await result.getByText('評価: 4 / 5').waitFor();
    await result.getByText('説明がとても分かりやすかったです。').waitFor();
    await page.locator('[data-status="completed"]').waitFor();
    await page.getByText('ご協力ありがとうございました').waitFor({ state: 'hidden' });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'visit-confirmed-phone');

    const confirmation = await t.dataSource
      .getRepository(HospitalConfirmation)
      .findOneByOrFail({ dispatchId: pastDispatchId });
    expect([confirmation.rating, confirmation.comment]).toEqual([4, '説明がとても分かりやすかったです。']);
    expect(confirmation.actualEnd.toISOString()).toBe(new Date(`${tokyoDay(-2)}T11:50:00+09:00`).toISOString());
    expect((await t.dataSource.getRepository(Dispatch).findOneByOrFail({ id: pastDispatchId })).status).toBe(
      'completed',
    );

    // After a reload the hospital's answer is still there and not asked again; staff read it too.
    await page.reload();
    await panel.getByTestId('visit-confirmation').getByText('評価: 4 / 5').waitFor();
    expect(await panel.getByRole('button', { name: '受診を確認して評価する' }).count()).toBe(0);
    await staff.reload();
    await staff
      .getByRole('region', { name: '受診の確認と評価' })
      .getByText('説明がとても分かりやすかったです。')
      .waitFor();
    expect(await staff.getByRole('button', { name: '受診を確認して評価する' }).count()).toBe(0);
  });

  it('on a phone, the volunteer reconfirms from the e-mail link without signing in; an unknown link is said plainly', async () => {
    // A visit about 40 hours ahead, confirmed ten hours ago (more than 48 hours before it, so the
    // acceptance did not count as the reconfirmation): the reconfirmation ask is due now.
    const startsAt = new Date(Math.ceil((Date.now() + 40 * HOUR) / HOUR) * HOUR);
    const coordinatorAuth = (await login(t, coordinator.email, coordinator.password)).auth;
    let requestId = '';
    t.clock.set(new Date(Date.now() - 10 * HOUR));
    try {
      const request = await t
        .http()
        .post('/api/requests')
        .set('Authorization', coordinatorAuth)
        .send({
          language: 'vi',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
          department: 'internal_medicine',
          visitType: 'outpatient',
          patient: { displayName: 'ホー・ティ・ハン', gender: 'female', ageBand: 'adult' },
        })
        .expect(201);
      requestId = request.body.id;
      await t
        .http()
        .post(`/api/requests/${requestId}/assign`)
        .set('Authorization', staffAuth)
        .send({ volunteerId: volunteer.id })
        .expect(200);
    } finally {
      t.clock.reset();
    }
    await t.app.get(JobsService).runDue(500);
    const mail = (
      await t.dataSource
        .getRepository(MailMessage)
        .find({ where: { toAddress: volunteer.email, template: 'reconfirm' } })
    )[0];
    const token = await deliveredToken(t, mail, 'reconfirm-links');

    const page = await tab(PHONE);
    await page.goto(`${base}/admin/#/reconfirm-links/${token}`);
    await page.getByRole('heading', { name: '派遣の再確認' }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'reconfirm-link-phone');
    const dispatch = () => t.dataSource.getRepository(Dispatch).findOneByOrFail({ requestId });
    expect((await dispatch()).reconfirmedAt).toBeNull();
    await page.getByRole('button', { name: '予定どおり行きます' }).click();
    await page.getByText('再確認しました').waitFor();
    await page.getByText(/再確認の日時: \d{4}年/).waitFor();
    await screenshot(page, 'reconfirm-link-done-phone');
    const reconfirmedAt = (await dispatch()).reconfirmedAt;
    expect(reconfirmedAt).not.toBeNull();

    // The link used again (a second tap, a forwarded mail): the first reconfirmation stands.
    const again = await tab(PHONE);
    await again.goto(`${base}/admin/#/reconfirm-links/${token}`);
    await again.getByRole('button', { name: '予定どおり行きます' }).click();
    await again.getByText('再確認しました').waitFor();
    expect((await dispatch()).reconfirmedAt?.toISOString()).toBe(reconfirmedAt!.toISOString());

    // Once the visit is cancelled, the link says there is nothing to reconfirm.
    await t
      .http()
      .post(`/api/requests/${requestId}/cancel`)
      .set('Authorization', staffAuth)
      .send({ reason: '患者さんの都合により' })
      .expect(200);
    const closed = await tab(PHONE);
    allowProblem(closed, /status of 409/);
    await closed.goto(`${base}/admin/#/reconfirm-links/${token}`);
    await closed.getByRole('button', { name: '予定どおり行きます' }).click();
    await closed.getByText('この派遣は取り消されたか、すでに終わっているため、再確認は不要です。').waitFor();
    await screenshot(closed, 'reconfirm-link-closed-phone');

    const bad = await tab(PHONE);
    allowProblem(bad, /status of 404/);
    await bad.goto(`${base}/admin/#/reconfirm-links/not-a-real-token-0123456789`);
    await bad.getByRole('button', { name: '予定どおり行きます' }).click();
    await bad.getByText('このリンクは無効です').waitFor();
    await screenshot(bad, 'reconfirm-link-invalid-phone');
  });
});
