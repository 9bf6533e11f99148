import { Offer, Volunteer } from '@app/domain';
import { aUser } from '../support/factories';
import { ADMIN, login, type TestApp } from '../support/test-app';
import { aHospital, aQualifiedVolunteer, trainingCourses } from '../support/workflow-fixtures';
import { choose, screenshot, tokyoDay, useBrowserSession } from './browser';

jest.setTimeout(180_000);

const DAY = 86_400_000;
/** The phone the programme's volunteers carry most. */
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1366, height: 900 };

/**
 * A trainee's path (#22): staff offer the shadow seat of a confirmed visit whose hospital agreed;
 * the trainee accepts on a phone and finds the visit with the interpreter's name in their
 * schedule; after a visit they file the practicum record; staff review it and, the rule met,
 * promote them.
 */
describe('trainee shadowing (browser)', () => {
  const session = useBrowserSession();
  const { tab, signIn } = session;
  let t: TestApp;
  let base: string;
  let staff: string;
  let trainee: { id: string; email: string; password: string };
  let upcoming: string;
  let hospitalId: string;
  let interpreterId: string;
  let interpreter: { email: string; password: string };
  /** The trainee's latest shadow visit, whose record is filed in the phone test. */
  let latestShadow: string;

  /** Files a visit with the hospital's consent and assigns the interpreter (as staff). */
  const confirmedVisit = async (day: number, start: string, end: string) => {
    const request = await t
      .http()
      .post('/api/requests')
      .set('Authorization', staff)
      .send({
        hospitalId,
        language: 'vi',
        startsAt: `${tokyoDay(day)}T${start}:00+09:00`,
        endsAt: `${tokyoDay(day)}T${end}:00+09:00`,
        department: 'internal_medicine',
        visitType: 'outpatient',
        traineeWelcome: true,
        patient: { displayName: '同席 患者', gender: 'female', ageBand: 'adult' },
      })
      .expect(201);
    await t
      .http()
      .post(`/api/requests/${request.body.id}/assign`)
      .set('Authorization', staff)
      .send({ volunteerId: interpreterId })
      .expect(200);
    return request.body.id as string;
  };

  /** A past shadow visit of the trainee, made with the clock `daysAgo + 1` days back: its dispatch id. */
  const pastShadow = async (daysAgo: number) => {
    t.clock.set(new Date(Date.now() - (daysAgo + 1) * DAY));
    try {
      const requestId = await confirmedVisit(-daysAgo, '10:00', '11:00');
      await t
        .http()
        .post(`/api/requests/${requestId}/shadow`)
        .set('Authorization', staff)
        .send({ volunteerId: trainee.id })
        .expect(200);
      const offer = await t.dataSource.getRepository(Offer).findOneByOrFail({ requestId, role: 'shadow' });
      const accepted = await t.http().post(`/api/offers/${offer.id}/accept`).set('Authorization', traineeAuth);
      expect(accepted.status).toBe(200);
      return accepted.body.dispatch.id as string;
    } finally {
      t.clock.reset();
    }
  };
  let traineeAuth: string;

  beforeAll(async () => {
    ({ t, base } = session);
    const courses = await trainingCourses(t);
    hospitalId = (await aHospital(t, { name: '熊本同席病院', area: '中央区' })).id;
    staff = (await login(t, ADMIN.email, ADMIN.password)).auth;
    interpreterId = (await aQualifiedVolunteer(t, courses, { displayName: '通訳 花子' })).id;
    interpreter = await aUser(t, { role: 'volunteer', volunteerId: interpreterId, displayName: '通訳 花子' });
    const traineeRecord = await aQualifiedVolunteer(t, courses, { displayName: '研修 一郎', level: 'trainee' });
    await aQualifiedVolunteer(t, courses, { displayName: '研修 二郎', level: 'trainee' });
    trainee = {
      ...(await aUser(t, { role: 'volunteer', volunteerId: traineeRecord.id, displayName: '研修 一郎' })),
      id: traineeRecord.id,
    };
    traineeAuth = (await login(t, trainee.email, trainee.password)).auth;
    // Two earlier shadow visits whose records staff have reviewed, one whose record is owed.
    for (const daysAgo of [9, 6]) {
      const dispatchId = await pastShadow(daysAgo);
      const filed = await t
        .http()
        .post(`/api/dispatches/${dispatchId}/practicum`)
        .set('Authorization', traineeAuth)
        .send({ observed: '受付から会計までの流れ', wouldStudy: '検査の名称' })
        .expect(201);
      await t
        .http()
        .post(`/api/practicum-reports/${filed.body.id}/review`)
        .set('Authorization', staff)
        .send({ status: 'reviewed' })
        .expect(200);
    }
    latestShadow = await pastShadow(2);
    upcoming = await confirmedVisit(5, '14:00', '15:00');
  });

  it('staff offer the shadow seat of a confirmed visit to a chosen trainee, and see it asked', async () => {
    const page = await tab(DESK);
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto(`${base}/admin/#/requests/${upcoming}/show`);
    await page.getByTestId('trainee-welcome').getByText('同席可（同意あり）').waitFor();
    const seat = page.getByTestId('shadow-seat');
    await seat.getByText('まだ同席する研修生はいません').waitFor();
    await choose(seat, '研修生を選ぶ', '研修 一郎');
    await seat.getByRole('button', { name: 'この研修生に打診' }).click();
    await seat.getByTestId('shadow-pending').getByText('打診中: 研修 一郎').waitFor();
    await screenshot(page, 'shadow-seat-staff');
  });

  it('the trainee, on a phone, sees the shadow offer with the interpreter’s name, accepts, and finds the visit in their schedule', async () => {
    const page = await tab(PHONE);
    await signIn(page, trainee.email, trainee.password);
    await page.goto(`${base}/admin/#/offers`);
    const offer = page.getByTestId('offer').filter({ has: page.getByTestId('shadow-offer') });
    await offer.getByText('通訳者: 通訳 花子').waitFor();
    await screenshot(page, 'shadow-offer-phone');
    await offer.getByRole('button', { name: '引き受ける' }).click();
    await page.waitForURL(/#\/dispatches\/.+\/show/);
    await page.getByTestId('shadow-of').getByText('通訳者: 通訳 花子').waitFor();
    await screenshot(page, 'shadow-visit-phone');
    await page.goto(`${base}/admin/#/dispatches`);
    await page.getByTestId('dispatch').filter({ hasText: '通訳者: 通訳 花子' }).first().waitFor();
    await screenshot(page, 'shadow-schedule-phone');
  });

  it('after a visit the trainee files the practicum record on the phone', async () => {
    const page = await tab(PHONE);
    await signIn(page, trainee.email, trainee.password);
    await page.goto(`${base}/admin/#/dispatches`);
    const form = page.getByTestId('practicum-form');
    await form.waitFor();
    await form.getByLabel('見て学んだこと').fill('医師の説明を短く区切って訳していた');
    await form.getByLabel('これから勉強したいこと').fill('内視鏡検査の用語');
    await form.getByLabel('交通費（円）').fill('620');
    await screenshot(page, 'practicum-form-phone');
    await form.getByRole('button', { name: '実習記録を提出' }).click();
    await page.getByTestId('practicum-state').getByText('実習記録 提出済み').first().waitFor();
    // Their own path: two reviewed shadow visits of three, the record just filed waits for staff.
    await page.goto(`${base}/admin/#/my/training`);
    const progress = page.getByTestId('trainee-progress');
    await progress.getByText('通訳者への道のり').waitFor();
    await progress.getByText('確認済みの同席実習 2/3 回', { exact: false }).waitFor();
    await screenshot(page, 'trainee-progress-phone');
  });

  it('the interpreter, on a phone, writes feedback on the trainee on the visit page after the visit', async () => {
    const [{ id: primary }] = await t.dataSource.query(
      `SELECT p.id FROM dispatches p JOIN dispatches s ON s.request_id = p.request_id
        WHERE s.id = $1 AND p.role = 'primary'`,
      [latestShadow],
    );
    const page = await tab(PHONE);
    await signIn(page, interpreter.email, interpreter.password);
    await page.goto(`${base}/admin/#/dispatches/${primary}/show`);
    const form = page.getByTestId('trainee-feedback');
    await form.getByText('同席した研修生 研修 一郎 さんへのフィードバック').waitFor();
    await form
      .getByLabel('研修生へのひとこと')
      .fill('落ち着いて観察できていました。次は検査の用語集を準備しましょう。');
    await screenshot(page, 'trainee-feedback-phone');
    await form.getByRole('button', { name: 'フィードバックを送る' }).click();
    await page
      .getByTestId('trainee-feedback-given')
      .getByText('落ち着いて観察できていました。', { exact: false })
      .waitFor();
    await screenshot(page, 'trainee-feedback-sent-phone');
    const record = await t
      .http()
      .get(`/api/dispatches/${latestShadow}/practicum`)
      .set('Authorization', staff)
      .expect(200);
    expect(record.body.interpreterFeedback).toBe('落ち着いて観察できていました。次は検査の用語集を準備しましょう。');
  });

  it('staff review the record in the queue, see the trainee ready, and promote them with a reason', async () => {
    const page = await tab(DESK);
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto(`${base}/admin/#/reports`);
    const queue = page.getByTestId('practicum-queue');
    await queue.getByText('内視鏡検査の用語').waitFor();
    await queue.getByText('落ち着いて観察できていました。', { exact: false }).waitFor();
    await screenshot(page, 'practicum-queue-staff');
    await queue.getByRole('button', { name: '確認済みにする' }).click();
    await queue.waitFor({ state: 'detached' });

    await page.goto(`${base}/admin/#/`);
    const ready = page.getByTestId('ready-for-promotion');
    await ready.getByText('研修 一郎（確認済みの同席実習 3 回）').waitFor();
    await screenshot(page, 'ready-for-promotion-staff');
    await ready.getByText('研修 一郎（確認済みの同席実習 3 回）').click();
    const progress = page.getByTestId('trainee-progress');
    await progress.getByText('昇格の条件を満たしています', { exact: false }).waitFor();
    await screenshot(page, 'trainee-progress-staff');
    await progress.getByRole('button', { name: '通訳者（標準）に昇格' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('理由').fill('養成講座修了・同席実習3回（報告確認済み）');
    await dialog.getByRole('button', { name: '確認' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('volunteer-progress').waitFor({ state: 'detached' });
    expect((await t.dataSource.getRepository(Volunteer).findOneByOrFail({ id: trainee.id })).level).toBe('standard');
  });
});
