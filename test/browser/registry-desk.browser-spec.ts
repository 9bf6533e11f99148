import type { Page } from 'playwright-core';
import { aCourse, aUser, aVolunteer } from '../support/factories';
import { ADMIN, login, type TestApp } from '../support/test-app';
import { fileAndAssign } from '../support/visit-fixtures';
import { aHospital, aQualifiedVolunteer, trainingCourses } from '../support/workflow-fixtures';
import { screenshot, tokyoDay, useBrowserSession } from './browser';

jest.setTimeout(150_000);

/** The office's desktop. */
const DESK = { width: 1366, height: 900 };

const pad = (n: number) => String(n).padStart(2, '0');
/** The first day of next month (Tokyo), YYYY-MM-DD. */
function firstOfNextMonth(): string {
  const [y, m] = tokyoDay(0).split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`;
}

interface Candidates {
  eligible: { volunteerId: string }[];
  excluded: { volunteerId: string; reasons: string[] }[];
}

/**
 * The registry at the staff's desk (#19 item 6), in Chromium at 1366×900 against the real API:
 * bans added on the volunteer's page (a hospital, and a patient found by a request's reference)
 * take the volunteer out of the candidates (BANNED); an admin adds a fee rule from next month and
 * next month's hospital statement prices a completed visit by it; the course list shows past
 * courses, and attendance on a course that has not started is refused in the panel and the API.
 */
describe('registry at the desk (browser)', () => {
  const session = useBrowserSession();
  const { tab, signIn, allowProblem } = session;
  let t: TestApp;
  let base: string;
  let staff: Awaited<ReturnType<typeof aUser>>;
  let staffAuth: string;
  let courses: Awaited<ReturnType<typeof trainingCourses>>;

  beforeAll(async () => {
    ({ t, base } = session);
    staff = await aUser(t, { role: 'staff', displayName: '事務局 山田' });
    staffAuth = (await login(t, staff.email, staff.password)).auth;
    courses = await trainingCourses(t);
  });

  const candidates = async (requestId: string): Promise<Candidates> =>
    (await t.http().get(`/api/requests/${requestId}/candidates`).set('Authorization', staffAuth).expect(200)).body;
  const reasonsOf = (c: Candidates, volunteerId: string) =>
    c.excluded.find((e) => e.volunteerId === volunteerId)?.reasons ?? [];
  const isEligible = (c: Candidates, volunteerId: string) => c.eligible.some((e) => e.volunteerId === volunteerId);

  /** A request on hold (nobody mailed) for staff to read the candidates of. */
  async function heldRequest(
    hospitalId: string,
    day: number,
    patientRef?: string,
  ): Promise<{ id: string; reference: string }> {
    const res = await t
      .http()
      .post('/api/requests')
      .set('Authorization', staffAuth)
      .send({
        hospitalId,
        language: 'vi',
        startsAt: `${tokyoDay(day)}T10:00:00+09:00`,
        endsAt: `${tokyoDay(day)}T11:00:00+09:00`,
        department: 'internal_medicine',
        visitType: 'outpatient',
        patient: { displayName: 'グエン・ティ・ラン', gender: 'female', ageBand: 'adult' },
        onHold: true,
        ...(patientRef ? { patientRef } : {}),
      })
      .expect(201);
    return res.body;
  }

  async function openVolunteer(page: Page, id: string) {
    await page.goto(`${base}/admin/#/volunteers/${id}/show`);
    await page.getByTestId('volunteer-bans').waitFor();
  }

  it('a ban added on the volunteer page takes the volunteer out of the candidates; lifting it brings them back', async () => {
    const east = await aHospital(t, { name: '熊本東病院', area: '東区' });
    const south = await aHospital(t, { name: '熊本南病院', area: '南区' });
    const nam = await aQualifiedVolunteer(t, courses, {
      languages: ['vi', 'ja'],
      displayName: 'グエン・ヴァン・ナム',
      nameKana: 'グエン ヴァン ナム',
    });
    const atEast = await heldRequest(east.id, 9);
    const patientFirst = await heldRequest(south.id, 10, 'KMT-0042');
    const patientAgain = await heldRequest(south.id, 12, 'KMT-0042');
    const otherPatient = await heldRequest(south.id, 12, 'KMT-0077');
    expect(isEligible(await candidates(atEast.id), nam.id)).toBe(true);
    expect(isEligible(await candidates(patientAgain.id), nam.id)).toBe(true);

    const page = await tab(DESK);
    await signIn(page, staff.email, staff.password);
    await openVolunteer(page, nam.id);
    // Languages by the model's names: Japanese too, never a raw key.
    await page
      .getByText(/日本語（/)
      .first()
      .waitFor();
    expect(await page.getByText('app.enums').count()).toBe(0);
    const bans = page.getByTestId('volunteer-bans');
    await bans.getByText('派遣除外はありません').waitFor();

    // A hospital asked.
    await bans.getByRole('button', { name: '派遣除外を追加' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '派遣除外を登録' }).click();
    await dialog.getByText('医療機関を選んでください').waitFor();
    await dialog.getByLabel('医療機関', { exact: true }).click();
    await page.getByRole('option', { name: '熊本東病院' }).click();
    await dialog.getByLabel('理由').fill('病院から担当変更の申し出（2026年11月）');
    await screenshot(page, 'registry-desk-ban-hospital', { fullPage: false });
    await dialog.getByRole('button', { name: '派遣除外を登録' }).click();
    await page.getByText('派遣除外を登録しました').waitFor();
    await bans.getByTestId('ban-row').filter({ hasText: '医療機関: 熊本東病院' }).waitFor();

    // A patient asked: found by their request's reference, as quoted in mails.
    await bans.getByRole('button', { name: '派遣除外を追加' }).click();
    await dialog.getByRole('radio', { name: '患者の申し出' }).check();
    await dialog.getByLabel('依頼番号').fill('ZZZZ');
    await dialog.getByLabel('理由').fill('患者から別の通訳者を希望');
    await dialog.getByRole('button', { name: '派遣除外を登録' }).click();
    await dialog.getByText('依頼番号はメールにある8文字（0〜9とA〜F）です').waitFor();
    await dialog.getByLabel('依頼番号').fill('00000000');
    await dialog.getByRole('button', { name: '派遣除外を登録' }).click();
    await dialog.getByText('依頼番号 00000000 の依頼が見つかりません').waitFor();
    await dialog.getByLabel('依頼番号').fill(`依頼 ${patientFirst.reference.toLowerCase()}`);
    await dialog.getByRole('button', { name: '派遣除外を登録' }).click();
    await page.getByText('派遣除外を登録しました').waitFor();
    await bans.getByTestId('ban-row').filter({ hasText: '患者（依頼から登録）' }).waitFor();
    expect(await bans.getByTestId('ban-row').count()).toBe(2);
    await screenshot(page, 'registry-desk-bans');

    expect(reasonsOf(await candidates(atEast.id), nam.id)).toContain('BANNED');
    expect(reasonsOf(await candidates(patientAgain.id), nam.id)).toContain('BANNED');
    // Another patient of the same hospital still gets her.
    expect(isEligible(await candidates(otherPatient.id), nam.id)).toBe(true);

    // The hospital's ban lifted after a confirmation that says what it does.
    await bans
      .getByTestId('ban-row')
      .filter({ hasText: '医療機関: 熊本東病院' })
      .getByRole('button', { name: '派遣除外を解除' })
      .click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText('医療機関: 熊本東病院 の派遣除外を解除します').waitFor();
    await screenshot(page, 'registry-desk-ban-lift', { fullPage: false });
    await confirm.getByRole('button', { name: '派遣除外を解除' }).click();
    await page.getByText('派遣除外を解除しました').waitFor();
    await bans.getByTestId('ban-row').filter({ hasText: '熊本東病院' }).waitFor({ state: 'detached' });
    expect(await bans.getByTestId('ban-row').count()).toBe(1);
    expect(isEligible(await candidates(atEast.id), nam.id)).toBe(true);
    expect(reasonsOf(await candidates(patientAgain.id), nam.id)).toContain('BANNED');
  });

  it("an admin adds a fee rule from next month; next month's statement prices a completed visit by it", async () => {
    const from = firstOfNextMonth();
    const hospital = await aHospital(t, { name: '熊本西病院', area: '西区' });
    const volunteer = await aQualifiedVolunteer(t, courses, { languages: ['vi'], displayName: 'チャン・ティ・フオン' });

    // Staff read the rules; the form is an admin's.
    const staffPage = await tab(DESK);
    await signIn(staffPage, staff.email, staff.password);
    await staffPage.getByRole('menuitem', { name: '料金ルール' }).click();
    await staffPage.getByTestId('fee-rule-row').first().waitFor();
    await staffPage.getByText('料金ルールの追加は管理者が行います。').waitFor();
    expect(await staffPage.getByRole('button', { name: 'この料金ルールを追加' }).count()).toBe(0);

    const page = await tab(DESK);
    allowProblem(page, /status of 422/);
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('menuitem', { name: '料金ルール' }).click();
    await page.waitForURL(/#\/fee-rules/);
    const inForce = page.getByTestId('fee-rule-row').filter({ hasText: '適用中' });
    await inForce.getByText('3,000円').first().waitFor();

    // Today is refused by the API, on the date field.
    await page.getByLabel('適用開始日').fill(tokyoDay(0));
    await page.getByRole('button', { name: 'この料金ルールを追加' }).click();
    await page.getByText('新しいルールは明日以降の日付から始めてください').waitFor();

    await page.getByLabel('適用開始日').fill(from);
    const [y, m] = from.split('-').map(Number);
    await page.getByText(`${y}年${m}月分からの明細・請求書に適用`).waitFor();
    await page.getByLabel('基本料金', { exact: true }).fill('4500');
    await inForce.getByTestId('trainee-transport').getByText('支給しない').waitFor();
    await page.getByLabel('同席実習の研修生に交通費を支給する').check();
    await screenshot(page, 'registry-desk-fee-rule-form');
    await page.getByRole('button', { name: 'この料金ルールを追加' }).click();
    await page.getByText('から適用する料金ルールを追加しました').waitFor();
    const upcoming = page.getByTestId('fee-rule-row').filter({ hasText: '予定' });
    await upcoming.getByText('4,500円').waitFor();
    await upcoming.getByTestId('trainee-transport').getByText('支給する').waitFor();
    await upcoming.getByText(`${y}年${m}月分からの明細・請求書に適用`).waitFor();
    await screenshot(page, 'registry-desk-fee-rules');

    const rules = (await t.http().get('/api/fee-rules').set('Authorization', staffAuth).expect(200)).body as {
      id: string;
      validFrom: string;
      hospitalBaseYen: number;
    }[];
    const added = rules.find((r) => r.validFrom === from)!;
    expect(added).toMatchObject({ hospitalBaseYen: 4500, traineeTransportPaid: true });

    // A one-hour visit on the 10th of next month, completed (the test clock after the visit).
    const day = `${from.slice(0, 8)}10`;
    const { dispatchId } = await fileAndAssign(t, { fileAs: staffAuth, staff: staffAuth }, volunteer.id, {
      hospitalId: hospital.id,
      startsAt: `${day}T10:00:00+09:00`,
      endsAt: `${day}T11:00:00+09:00`,
    });
    t.clock.set(`${day}T12:00:00+09:00`);
    try {
      await t
        .http()
        .post(`/api/dispatches/${dispatchId}/complete`)
        .set('Authorization', staffAuth)
        .send({ actualStart: `${day}T10:00:00+09:00`, actualEnd: `${day}T11:00:00+09:00` })
        .expect(200);
    } finally {
      t.clock.reset();
    }
    const statements = (
      await t
        .http()
        .get(`/api/statements/hospitals?month=${from.slice(0, 7)}`)
        .set('Authorization', staffAuth)
        .expect(200)
    ).body as { data: { hospitalId: string; lines: { dispatchId: string; amountYen: number; feeRuleId: string }[] }[] };
    const line = statements.data
      .find((s) => s.hospitalId === hospital.id)
      ?.lines.find((l) => l.dispatchId === dispatchId);
    expect(line).toMatchObject({ amountYen: 4500, feeRuleId: added.id });
  });

  it('the course list shows past courses; attendance on a course not yet started is refused in the panel and the API', async () => {
    const past = await aCourse(t, {
      title: 'スキルアップ研修 小児科の用語',
      startsAt: `${tokyoDay(-40)}T13:30:00+09:00`,
      endsAt: `${tokyoDay(-40)}T16:00:00+09:00`,
      hours: 2.5,
    });
    const ahead = await aCourse(t, {
      title: 'スキルアップ研修 眼科の用語',
      startsAt: `${tokyoDay(13)}T13:30:00+09:00`,
      endsAt: `${tokyoDay(13)}T16:00:00+09:00`,
      hours: 2.5,
    });
    const trainee = await aVolunteer(t, { displayName: '阿部 ミン', nameKana: 'あべ みん' });

    const page = await tab(DESK);
    allowProblem(page, /status of 409/);
    await signIn(page, staff.email, staff.password);
    await page.getByRole('menuitem', { name: '研修' }).click();
    await page.waitForURL(/#\/courses/);
    const pastRow = page.getByRole('row').filter({ hasText: past.title });
    await pastRow.waitFor();
    await pastRow.getByText('終了').waitFor();
    const aheadRow = page.getByRole('row').filter({ hasText: ahead.title });
    await aheadRow.waitFor();
    // Upcoming first, then past.
    const titles = await page.getByRole('row').allInnerTexts();
    const at = (title: string) => titles.findIndex((text) => text.includes(title));
    expect(at(ahead.title)).toBeLessThan(at(past.title));
    await screenshot(page, 'registry-desk-courses');

    // The course 13 days ahead: registering is fine, attendance waits for the day.
    await aheadRow.click();
    await page.waitForURL(new RegExp(`#/courses/${ahead.id}/show`));
    const sheet = page.getByRole('region', { name: '出欠' });
    await sheet.getByText('研修の開始前です。').waitFor();
    await sheet.getByLabel('ボランティアを追加').fill('阿部');
    await page.getByRole('option', { name: /阿部 ミン/ }).click();
    const radios = page.getByRole('radiogroup', { name: '阿部 ミン' });
    expect(await radios.getByRole('radio', { name: '出席' }).isDisabled()).toBe(true);
    expect(await radios.getByRole('radio', { name: '欠席' }).isDisabled()).toBe(true);
    expect(await radios.getByRole('radio', { name: '申込み' }).isChecked()).toBe(true);
    await sheet.getByRole('button', { name: '出欠を保存' }).click();
    await page.getByText('出欠を保存しました').waitFor();
    await screenshot(page, 'registry-desk-course-not-started');

    const refused = await t
      .http()
      .put(`/api/courses/${ahead.id}/attendance`)
      .set('Authorization', staffAuth)
      .send([{ volunteerId: trainee.id, status: 'attended' }])
      .expect(409);
    expect(refused.body.code).toBe('COURSE_NOT_STARTED');
    expect(refused.body.message).toContain(ahead.title);
    const saved = (await t.http().get(`/api/courses/${ahead.id}`).set('Authorization', staffAuth).expect(200)).body;
    expect(saved.attendance).toEqual([expect.objectContaining({ volunteerId: trainee.id, status: 'registered' })]);
  });
});
