import ExcelJS from 'exceljs';
import type { Response } from 'superagent';
import { parse } from 'csv-parse/sync';
import { createTestApp, TestApp } from './support/test-app';
import { aVolunteer } from './support/factories';
import { PATIENT, visitWorld } from './support/visit-fixtures';
import { jst, TODAY } from './support/workflow-fixtures';

/** Collects a binary response body (CSV bytes with the BOM, or an .xlsx zip) into a Buffer. */
const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const HOSTILE_NAME = '=HYPERLINK("https://evil.example/","x")';

/**
 * The exports as a clerk in the programme office opens them: Japanese headers and labels, Japan
 * times, real date and number cells, formulas kept as text; and the yearly report for the city.
 */
describe('Office exports a clerk can open (API)', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof visitWorld>>;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
    world = await visitWorld(t, 1);
    const v = world.volunteers[0].id;
    await t.dataSource.query('UPDATE volunteers SET display_name = $1 WHERE id = $2', [HOSTILE_NAME, v]);
    await world.dispatch(jst(8, '10:00'), jst(8, '12:00'), v);
    await world.dispatch(jst(9, '23:30'), jst(10, '00:30'), v);
    t.clock.set(jst(11, '09:00'));
  });
  afterAll(() => t.close());

  const get = (url: string) =>
    t.http().get(url).set('Authorization', world.staff).buffer(true).parse(binary).expect(200);

  const workbook = async (url: string) => {
    const res = await get(url);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    return book;
  };

  it('writes the dispatch CSV in UTF-8 with a BOM, Japanese headers and labels, Japan times and guarded formulas', async () => {
    const res = await get('/api/exports/dispatches.csv?from=2026-12-01&to=2026-12-31');
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Valid UTF-8 throughout (a Shift_JIS byte would make the strict decoder throw).
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const [header, ...rows] = parse(text, { bom: true });
    expect(header.slice(0, 7)).toEqual(['日付', '開始', '終了', '医療機関', '診療科', '言語', '通訳者']);
    expect(header.slice(-3)).toEqual(['派遣ID', '依頼ID', '通訳者ID']);
    expect(rows).toHaveLength(2);
    const col = (name: string) => header.indexOf(name);
    expect(rows.map((r) => [r[col('日付')], r[col('開始')], r[col('終了')]])).toEqual([
      ['2026-12-08', '10:00', '12:00'],
      ['2026-12-09', '23:30', '00:30'],
    ]);
    expect(rows[0][col('医療機関')]).toBe('熊本南病院');
    expect(rows[0][col('診療科')]).toBe('内科');
    expect(rows[0][col('言語')]).toBe('ベトナム語');
    expect(rows[0][col('状態')]).toBe('確定');
    expect(rows[0][col('受診の種類')]).toBe('外来受診');
    expect(rows[0][col('直前キャンセル')]).toBe('いいえ');
    expect(rows[0][col('通訳者')]).toBe(`'${HOSTILE_NAME}`);
    expect(text).not.toContain('T01:00:00');
    expect(text).not.toContain(PATIENT);
  });

  it('writes English headers and labels when asked (lang=en), and refuses another language naming the field', async () => {
    const res = await get('/api/exports/dispatches.csv?from=2026-12-01&to=2026-12-31&lang=en');
    const [header, first] = parse((res.body as Buffer).toString('utf8'), { bom: true });
    expect(header.slice(0, 3)).toEqual(['Date', 'Start', 'End']);
    expect(first[header.indexOf('Language')]).toBe('Vietnamese');
    expect(first[header.indexOf('Late cancellation')]).toBe('No');
    const bad = await t
      .http()
      .get('/api/exports/dispatches.csv?from=2026-12-01&to=2026-12-31&lang=fr')
      .set('Authorization', world.staff);
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    expect(bad.body.errors).toHaveProperty('lang');
    // Each refused field carries a code the panel words in the user's language.
    expect(bad.body.fieldErrors).toEqual([{ field: 'lang', code: 'ONE_OF', message: 'lang must be ja or en' }]);
    const badDate = await t
      .http()
      .get('/api/exports/dispatches.csv?from=2026-13-01&to=2026-12-31')
      .set('Authorization', world.staff);
    expect(badDate.body.fieldErrors).toEqual([{ field: 'from', code: 'FORMAT', message: 'from must be YYYY-MM-DD' }]);
  });

  it('writes the dispatch .xlsx with date and number cells in Japan time, a frozen header and widths', async () => {
    const book = await workbook('/api/exports/dispatches.xlsx?from=2026-12-01&to=2026-12-31');
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('派遣');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe('日付');
    const row = sheet.getRow(2);
    const date = row.getCell(1);
    const start = row.getCell(2);
    expect(date.type).toBe(ExcelJS.ValueType.Date);
    expect(date.value).toEqual(new Date(Date.UTC(2026, 11, 8)));
    expect(date.numFmt).toBe('yyyy-mm-dd');
    expect(start.type).toBe(ExcelJS.ValueType.Date);
    // Excel has no time zones: the cell holds the wall time, 10:00 for a 10:00 visit.
    expect((start.value as Date).toISOString()).toBe('2026-12-08T10:00:00.000Z');
    expect(start.numFmt).toBe('hh:mm');
    expect(row.getCell(header.indexOf('通訳者') + 1).value).toBe(`'${HOSTILE_NAME}`);
    expect(sheet.getColumn(4).width).toBeGreaterThanOrEqual(20);

    const attendance = await workbook('/api/exports/attendance.xlsx?from=2025-04-01&to=2027-03-31');
    const hours = attendance.worksheets[0].getRow(2).getCell(4);
    expect(attendance.worksheets[0].getRow(1).getCell(4).value).toBe('時間数');
    expect(hours.type).toBe(ExcelJS.ValueType.Number);
    expect(hours.value).toBeGreaterThan(0);
    expect(hours.numFmt).toContain('#,##0');
  });

  it('writes the yearly report: 令和 and the Western year, sheets whose totals are the stats API’s', async () => {
    // A trainee promoted this fiscal year, for the shadowing figures of the summary.
    const trainee = await aVolunteer(t, { level: 'trainee' });
    await t
      .http()
      .patch(`/api/volunteers/${trainee.id}`)
      .set('Authorization', world.staff)
      .send({ level: 'standard', levelChangeReason: '同席実習3回' })
      .expect(200);
    const stats = (
      await t.http().get('/api/stats/summary?fiscalYear=2026').set('Authorization', world.staff).expect(200)
    ).body;
    const res = await get('/api/exports/figures.xlsx?fiscalYear=2026');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="figures-2026.xlsx"; filename*=UTF-8''figures-2026.xlsx`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '概要',
      '言語別',
      '医療機関別',
      '診療科別',
      '月別',
      '未充足（言語別）',
    ]);
    for (const sheet of book.worksheets) {
      expect(sheet.getCell('A1').text).toContain('令和8年度（2026年度）');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    }
    const rows = (name: string) => {
      const out: unknown[][] = [];
      book.getWorksheet(name)!.eachRow((row, n) => n > 2 && out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    expect(rows('言語別')).toEqual([
      ...stats.dispatches.byLanguage.map((x: { count: number }) => ['ベトナム語', x.count]),
      ['合計', stats.dispatches.total],
    ]);
    expect(stats.dispatches.total).toBe(2);
    expect(rows('医療機関別')).toEqual([
      ['熊本南病院', 2],
      ['合計', 2],
    ]);
    expect(rows('診療科別')).toEqual([
      ['内科', 2],
      ['合計', 2],
    ]);
    const months = rows('月別');
    expect(months).toHaveLength(12 + 1);
    expect(months[0]).toEqual(['2026年4月', 0]);
    expect(months[8]).toEqual(['2026年12月', 2]);
    expect(months[12]).toEqual(['合計', 2]);
    expect(rows('未充足（言語別）')).toEqual([['合計', stats.requests.unfilled]]);
    const summary = rows('概要');
    const fill = summary.find((r) => r[0] === '充足率')!;
    expect(fill[1]).toBe(stats.requests.fillRate);
    expect(book.getWorksheet('概要')!.getCell(`B${2 + summary.indexOf(fill) + 1}`).numFmt).toBe('0.0%');
    expect(summary.find((r) => r[0] === '派遣件数')![1]).toBe(2);
    expect(stats.shadowing.traineesPromoted).toBe(1);
    expect(summary.slice(-3)).toEqual([
      ['研修生の同席実習（件）', stats.shadowing.shadowVisits],
      ['同席実習をした研修生（人）', stats.shadowing.trainees],
      ['研修生から通訳者へ昇格（人）', 1],
    ]);
  });

  it('refuses a fiscal year that is not a year, naming the field', async () => {
    const bad = await t
      .http()
      .get('/api/exports/figures.xlsx?fiscalYear=next')
      .set('Authorization', world.staff)
      .expect(400);
    expect(bad.body.errors).toHaveProperty('fiscalYear');
    expect(bad.body.fieldErrors).toContainEqual(expect.objectContaining({ field: 'fiscalYear', code: 'INTEGER' }));
    await t
      .http()
      .get('/api/exports/figures.xlsx?fiscalYear=2026')
      .set('Authorization', world.coordinator.auth)
      .expect(403);
  });
});
