import type { Response } from 'superagent';
import { aUser } from './support/factories';
import { pdfFonts, pdfText } from './support/pdf';
import { createTestApp, login, TestApp } from './support/test-app';
import { PATIENT, visitWorld } from './support/visit-fixtures';
import { jst, TODAY } from './support/workflow-fixtures';

const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** 13,000 — as the documents group the digits. */
const digits = (n: number) => n.toLocaleString('ja-JP');

/**
 * The printable documents read back: the PDF's text extracted with pdfjs-dist, its totals held
 * against the statements API, the Japanese font embedded from the npm package; scope and bad input.
 * December 2026 as in fees-exports: 2 h, 2 h 01 min, a late cancellation and a patient no-show.
 */
describe('Documents (PDF)', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof visitWorld>>;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
    world = await visitWorld(t, 2, ['vi']);
    const v = world.volunteers[0].id;
    const c = world.coordinator.auth;
    const twoHours = await world.dispatch(jst(8, '10:00'), jst(8, '12:00'), v);
    const twoHoursOne = await world.dispatch(jst(9, '10:00'), jst(9, '12:00'), v);
    const lateCancel = await world.dispatch(jst(10, '10:00'), jst(10, '11:00'), v);
    const noShow = await world.dispatch(jst(11, '10:00'), jst(11, '11:00'), v);
    const complete = async (dispatchId: string, day: number, end: string) => {
      t.clock.set(jst(day, '13:00'));
      await t
        .http()
        .post(`/api/dispatches/${dispatchId}/complete`)
        .set('Authorization', c)
        .send({ actualStart: jst(day, '10:00'), actualEnd: jst(day, end) })
        .expect(200);
    };
    await complete(twoHours.dispatchId, 8, '12:00');
    await complete(twoHoursOne.dispatchId, 9, '12:01');
    await t
      .http()
      .post(`/api/dispatches/${lateCancel.dispatchId}/cancel`)
      .set('Authorization', c)
      .send({ reason: '患者都合' })
      .expect(200);
    t.clock.set(jst(11, '12:00'));
    await t
      .http()
      .post(`/api/dispatches/${noShow.dispatchId}/no-show`)
      .set('Authorization', c)
      .send({ party: 'patient' })
      .expect(200);
  });
  afterAll(() => t.close());

  const get = (url: string, auth: string) => t.http().get(url).set('Authorization', auth).buffer(true).parse(binary);
  const invoiceUrl = (hospitalId: string, month = '2026-12') => `/api/statements/hospitals/${hospitalId}/${month}.pdf`;
  const statementUrl = (volunteerId: string, month = '2026-12') =>
    `/api/statements/volunteers/${volunteerId}/${month}.pdf`;

  it("prints the hospital's invoice with the statement API's lines and total, in the embedded Noto Sans JP", async () => {
    const api = await t
      .http()
      .get('/api/statements/hospitals?month=2026-12')
      .set('Authorization', world.staff)
      .expect(200);
    const statement = api.body.data.find((s: { hospitalId: string }) => s.hospitalId === world.hospital.id);
    expect(statement.totalYen).toBe(13000);

    const res = await get(invoiceUrl(world.hospital.id), world.staff).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="invoice-2026-12-[0-9A-F]{8}\.pdf"; /);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(res.headers['content-disposition'])![1])).toBe(
      '請求書_2026年12月分_熊本南病院.pdf',
    );
    const bytes = res.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Number(res.headers['content-length'])).toBe(bytes.length);

    const { pages, info } = pdfText(bytes);
    const text = pages.join('\n');
    expect(text).toContain('請求書');
    expect(text).toContain('熊本南病院 御中');
    expect(text).toContain('2026年12月分');
    expect(text).toContain(`¥${digits(statement.totalYen)}`);
    expect(text).toMatch(new RegExp(`合計（税込）\\s*${digits(statement.totalYen)}円`));
    // Every line as the API priced it: date, language, kind, minutes, amount.
    expect(text).toContain('2026年12月9日(水)');
    expect(text).toMatch(/ベトナム語\s*通訳\s*121分\s*4,000円/);
    expect(text).toMatch(/直前のキャンセル\s*—\s*3,000円/);
    expect(text).toMatch(/患者さん来院せず\s*—\s*3,000円/);
    expect(text).toContain('24時間前');
    // December has not ended on the test clock (11 December): the invoice says so.
    expect(text).toContain('2026年12月11日(金)時点の内容です');
    expect(text).toContain('公益財団法人 熊本市国際交流振興事業団');
    expect(text).not.toContain(PATIENT);
    expect(info.Title).toContain('請求書');

    const fonts = pdfFonts(bytes);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts)
      expect(font).toEqual({ name: expect.stringMatching(/\+NotoSansJP-/), subset: true, embedded: true });
  });

  it("prints the volunteer's honoraria and transport statement with the statement API's total", async () => {
    const volunteer = world.volunteers[0];
    const api = await t
      .http()
      .get('/api/statements/volunteers?month=2026-12')
      .set('Authorization', volunteer.auth)
      .expect(200);
    expect(api.body.totalYen).toBe(9000);
    const res = await get(statementUrl(volunteer.id), volunteer.auth).expect(200);
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('謝金・交通費明細書_')}`,
    );
    const text = pdfText(res.body).pages.join('\n');
    expect(text).toContain('謝金・交通費明細書');
    expect(text).toContain(`${volunteer.displayName} 様`);
    expect(text).toContain(`¥${digits(api.body.totalYen)}`);
    expect(text).toMatch(/合計\s*3件/);
    expect(text).toContain('熊本南病院');
    expect(text).not.toContain('直前のキャンセル');
    for (const font of pdfFonts(res.body)) expect(font.embedded && font.subset).toBe(true);
  });

  it("prints a volunteer's activity report of a fiscal year: visits by month, languages, hours, training", async () => {
    const volunteer = world.volunteers[0];
    const res = await get(`/api/volunteers/${volunteer.id}/activity.pdf?fiscalYear=2026`, volunteer.auth).expect(200);
    expect(res.headers['content-disposition']).toMatch(/filename="activity-report-FY2026-[0-9A-F]{8}\.pdf"/);
    const text = pdfText(res.body).pages.join('\n');
    expect(text).toContain('活動実績報告書');
    expect(text).toContain('令和8年度（2026年度）');
    // Two completed visits in December: 120 + 121 minutes.
    expect(text).toMatch(/2026年12月\s*2\s*0\s*4\.0時間\s*ベトナム語 2/);
    expect(text).toMatch(/合計\s*2\s*0\s*4\.0時間/);
    expect(text).toContain('スキルアップ研修');
    expect(text).toContain('2026年6月6日(土)');
    // The initial course of May 2025 is the previous fiscal year's.
    expect(text).not.toContain('2025年5月10日');
    const staffCopy = await get(`/api/volunteers/${volunteer.id}/activity.pdf?fiscalYear=2025`, world.staff).expect(
      200,
    );
    expect(pdfText(staffCopy.body).pages.join('\n')).toContain('2025年5月10日');
  });

  it('gives a coordinator their own hospital only, a volunteer themself only (others: 404)', async () => {
    await get(invoiceUrl(world.hospital.id), world.coordinator.auth).expect(200);
    const other = await aUser(t, { role: 'coordinator' });
    const otherAuth = (await login(t, other.email, other.password)).auth;
    await get(invoiceUrl(world.hospital.id), otherAuth).expect(404);
    await get(invoiceUrl(other.hospitalId!), world.coordinator.auth).expect(404);
    // Staff reach any hospital, even one with nothing to charge: a zero invoice.
    const empty = await get(invoiceUrl(other.hospitalId!), world.staff).expect(200);
    expect(pdfText(empty.body).pages.join('\n')).toContain('2026年12月のご請求はありません');
    const november = await get(invoiceUrl(world.hospital.id, '2026-11'), world.staff).expect(200);
    expect(pdfText(november.body).pages.join('\n')).not.toContain('時点の内容です');
    await get(invoiceUrl(world.hospital.id), world.volunteers[0].auth).expect(403);

    const [mine, theirs] = world.volunteers;
    await get(statementUrl(theirs.id), mine.auth).expect(404);
    await get(`/api/volunteers/${theirs.id}/activity.pdf?fiscalYear=2026`, mine.auth).expect(404);
    await get(statementUrl(mine.id), world.coordinator.auth).expect(403);
    await get(statementUrl(mine.id), world.staff).expect(200);
    await get(invoiceUrl('0b7c2a1e-0000-4000-8000-000000000000'), world.staff).expect(404);
  });

  it('refuses a bad month or fiscal year with 400 naming the field', async () => {
    const json = (url: string, auth = world.staff) => t.http().get(url).set('Authorization', auth);
    for (const month of ['2026-13', '2026-1', 'december']) {
      const res = await json(invoiceUrl(world.hospital.id, month)).expect(400);
      expect(res.body.errors).toEqual({ month: [expect.stringContaining('YYYY-MM')] });
      expect(res.body.fieldErrors).toEqual([
        { field: 'month', code: 'FORMAT', message: expect.stringContaining('YYYY-MM') },
      ]);
    }
    const statement = await json(statementUrl(world.volunteers[0].id, '202612')).expect(400);
    expect(Object.keys(statement.body.errors)).toEqual(['month']);
    for (const query of ['', '?fiscalYear=26', '?fiscalYear=abc', '?fiscalYear=1999']) {
      const res = await json(`/api/volunteers/${world.volunteers[0].id}/activity.pdf${query}`).expect(400);
      expect(Object.keys(res.body.errors)).toEqual(['fiscalYear']);
      expect(res.body.fieldErrors).toEqual([{ field: 'fiscalYear', code: 'FORMAT', message: expect.any(String) }]);
    }
    await json('/api/statements/hospitals/not-a-uuid/2026-12.pdf').expect(400);
  });
});
