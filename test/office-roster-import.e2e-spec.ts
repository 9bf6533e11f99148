import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import iconv from 'iconv-lite';
import { stringify } from 'csv-stringify/sync';
import { createTestApp, login, TestApp } from './support/test-app';
import { aUser } from './support/factories';

/** The header an office's own roster has: Japanese column names, in its own order. */
const JA_HEADER = [
  '氏名',
  'フリガナ',
  'メールアドレス',
  '電話番号',
  '性別',
  '地域',
  '言語',
  'レベル',
  '保険期限',
  '月の上限回数',
  '活動できる曜日・時間',
];

const jaRow = (i: number, overrides: Partial<Record<string, string>> = {}): Record<string, string> => ({
  氏名: `グエン・ティ・ラン ${i}`,
  フリガナ: `グエン ティ ラン ${i}`,
  メールアドレス: `office${i}@roster.example.jp`,
  電話番号: `090-0000-${String(i).padStart(4, '0')}`,
  性別: '女性',
  地域: '中央区',
  言語: 'ベトナム語:ネイティブ、英語:ビジネス',
  レベル: '標準',
  保険期限: '2027-03-31',
  月の上限回数: '4',
  '活動できる曜日・時間': '月 09:00-12:00、水 13:00-17:00',
  ...overrides,
});

/** What Excel's 「CSV (コンマ区切り)」 saves: Shift_JIS, CRLF, no BOM. */
const shiftJisCsv = (rows: Record<string, string>[]) =>
  iconv.encode(stringify(rows, { header: true, columns: JA_HEADER, record_delimiter: 'windows' }), 'Shift_JIS');

/**
 * A programme office imports the roster it keeps in Excel: saved as Shift_JIS CSV or as .xlsx,
 * with Japanese headers and words; it sees a preview first, and a bad row is named in Japanese.
 */
describe('Roster import from what offices have (API)', () => {
  let t: TestApp;
  let staff: string;
  const count = async () =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM volunteers WHERE email LIKE '%@roster.example.jp'`))[0]
      .n as number;
  const upload = (file: Buffer, name: string, query = '') =>
    t.http().post(`/api/volunteers/import${query}`).set('Authorization', staff).attach('file', file, name);

  beforeAll(async () => {
    t = await createTestApp();
    const user = await aUser(t, { role: 'staff' });
    staff = (await login(t, user.email, user.password)).auth;
  });
  afterAll(() => t.close());

  it('previews a Shift_JIS CSV with Japanese headers and words, writing nothing, then imports it', async () => {
    const file = shiftJisCsv([jaRow(1), jaRow(2)]);
    // Really Shift_JIS: not valid UTF-8.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(file)).toThrow();

    const preview = await upload(file, '名簿.csv', '?dryRun=true').expect(200);
    expect(preview.body).toMatchObject({ dryRun: true, format: 'shift_jis', rows: 2, created: 2, updated: 0 });
    expect(preview.body.preview).toEqual([
      { row: 2, email: 'office1@roster.example.jp', displayName: 'グエン・ティ・ラン 1', action: 'create' },
      { row: 3, email: 'office2@roster.example.jp', displayName: 'グエン・ティ・ラン 2', action: 'create' },
    ]);
    expect(await count()).toBe(0);

    expect((await upload(file, '名簿.csv').expect(200)).body).toEqual({
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
    });
    const list = await t.http().get('/api/volunteers?q=office1@').set('Authorization', staff).expect(200);
    const detail = await t
      .http()
      .get(`/api/volunteers/${list.body.data[0].id}`)
      .set('Authorization', staff)
      .expect(200);
    expect(detail.body).toMatchObject({
      displayName: 'グエン・ティ・ラン 1',
      nameKana: 'グエン ティ ラン 1',
      gender: 'female',
      level: 'standard',
      languages: [
        { code: 'vi', proficiency: 'native' },
        { code: 'en', proficiency: 'business' },
      ],
      insuranceValidUntil: '2027-03-31',
      maxDispatchesPerMonth: 4,
      availability: {
        weekly: [
          { weekday: 1, start: '09:00', end: '12:00' },
          { weekday: 3, start: '13:00', end: '17:00' },
        ],
      },
    });
    const again = await upload(file, '名簿.csv', '?dryRun=true').expect(200);
    expect(again.body.preview.map((r: { action: string }) => r.action)).toEqual(['unchanged', 'unchanged']);
  });

  it('imports an .xlsx roster: date and number cells, a link in the e-mail cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名簿');
    sheet.addRow(JA_HEADER);
    const values = jaRow(3);
    const row = sheet.addRow(JA_HEADER.map((h) => values[h]));
    row.getCell(3).value = { text: values['メールアドレス'], hyperlink: `mailto:${values['メールアドレス']}` };
    row.getCell(9).value = new Date(Date.UTC(2027, 2, 31));
    row.getCell(10).value = 6;
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    const preview = await upload(file, '名簿.xlsx', '?dryRun=true').expect(200);
    expect(preview.body).toMatchObject({ format: 'xlsx', rows: 1, created: 1 });
    expect((await upload(file, '名簿.xlsx').expect(200)).body).toMatchObject({ created: 1 });
    const list = await t.http().get('/api/volunteers?q=office3@').set('Authorization', staff).expect(200);
    expect(list.body.data[0]).toMatchObject({ email: 'office3@roster.example.jp', maxDispatchesPerMonth: 6 });
    const detail = await t
      .http()
      .get(`/api/volunteers/${list.body.data[0].id}`)
      .set('Authorization', staff)
      .expect(200);
    expect(detail.body.insuranceValidUntil).toBe('2027-03-31');
  });

  it('gives a phone number typed as a number cell its leading 0 back, and says so in the preview', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名簿');
    sheet.addRow(JA_HEADER);
    for (const [i, phone] of [
      [20, 9012345678], // 090-1234-5678 as Excel keeps it in a number cell
      [21, 963334444], // 096-333-4444
      [22, '090-1111-2222'], // text: as written
    ] as const) {
      const values = jaRow(i);
      const row = sheet.addRow(JA_HEADER.map((h) => values[h]));
      row.getCell(4).value = phone;
    }
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = await upload(file, '名簿.xlsx', '?dryRun=true').expect(200);
    expect(preview.body).toMatchObject({ rows: 3, phonesRestored: [2, 3] });
    expect(preview.body.notes).toEqual(['数値として保存された電話番号の先頭の 0 を補いました（2、3行目）']);
    await upload(file, '名簿.xlsx').expect(200);
    const phones = await t.dataSource.query(`SELECT phone FROM volunteers WHERE email IN ($1, $2, $3) ORDER BY email`, [
      'office20@roster.example.jp',
      'office21@roster.example.jp',
      'office22@roster.example.jp',
    ]);
    expect(phones.map((p: { phone: string }) => p.phone)).toEqual(['09012345678', '0963334444', '090-1111-2222']);
  });

  it('rejects a bad row in Japanese, naming its row and column, and writes none of the good rows', async () => {
    const before = await count();
    const file = shiftJisCsv([
      jaRow(10),
      jaRow(11, { 言語: 'xx:ネイティブ' }), // row 3
      jaRow(12, { 性別: '不明' }), // row 4
    ]);
    const res = await upload(file, '名簿.csv').expect(422);
    expect(res.body.code).toBe('IMPORT_REJECTED');
    expect(res.body.message).toBe('2 行に問題があります。何も取り込んでいません');
    expect(res.body.errors['row 3']).toEqual([
      expect.stringMatching(/^languages: 3行目「言語」: 言語コード xx は使えません/),
    ]);
    expect(res.body.errors['row 4']).toEqual([expect.stringMatching(/^gender: 4行目「性別」: 女性・男性・その他/)]);
    expect(await count()).toBe(before);

    const preview = await upload(file, '名簿.csv', '?dryRun=true').expect(422);
    expect(Object.keys(preview.body.errors)).toEqual(['row 3', 'row 4']);
    expect(await count()).toBe(before);
  });

  it('names a missing Japanese column and a file it cannot read, in Japanese', async () => {
    const noLanguage = iconv.encode(
      '氏名,フリガナ,メール,性別,地域\r\nラン,ラン,x@roster.example.jp,女性,中央区\r\n',
      'Shift_JIS',
    );
    const missing = await upload(noLanguage, '名簿.csv').expect(422);
    expect(missing.body.errors.languages).toEqual(['見出しに「言語」の列がありません']);
    const unreadable = await upload(Buffer.from([0xff, 0xfe, 0xfd, 0x0a]), '名簿.csv').expect(422);
    expect(unreadable.body.errors.file[0]).toContain('UTF-8 か Shift_JIS');
  });

  describe('files that would exhaust the API', () => {
    const roster = () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('名簿');
      sheet.addRow(JA_HEADER);
      return { workbook, sheet };
    };

    it('reads only the cells a row has: an empty formatted cell in column XFD does not make 400 rows 16,384 cells wide', async () => {
      const { workbook, sheet } = roster();
      for (let i = 0; i < 400; i++) {
        const values = jaRow(1000 + i);
        sheet.addRow(JA_HEADER.map((h) => values[h]));
      }
      sheet.getCell('XFD1').style = { font: { bold: true } };
      expect(sheet.columnCount).toBe(16384);
      const file = Buffer.from(await workbook.xlsx.writeBuffer());
      const started = Date.now();
      const res = await upload(file, '名簿.xlsx', '?dryRun=true').expect(200);
      expect(res.body).toMatchObject({ rows: 400, created: 400 });
      expect(Date.now() - started).toBeLessThan(8000);
    });

    it('refuses a sheet with a value beyond the 100th column, naming the file, in Japanese', async () => {
      const { workbook, sheet } = roster();
      const values = jaRow(1500);
      sheet.addRow(JA_HEADER.map((h) => values[h]));
      sheet.getCell('XFD2').value = 'x';
      const res = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), '名簿.xlsx').expect(422);
      expect(res.body.errors.file).toEqual(['列が多すぎます（100 列まで）。名簿の列だけを残して保存してください']);
    });

    it('refuses a zip bomb under the upload limit before unpacking it', async () => {
      const { workbook } = roster();
      const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
      zip.file('xl/media/filler.xml', Buffer.alloc(100 * 1024 * 1024, 0x20), { compression: 'DEFLATE' });
      const file = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      expect(file.length).toBeLessThan(2 * 1024 * 1024);
      const res = await upload(file, '名簿.xlsx').expect(422);
      expect(res.body.errors.file[0]).toMatch(/^Excel ファイルの中身が大きすぎます/);
      const en = await upload(file, 'roster.xlsx', '?lang=en').expect(422);
      expect(en.body.errors.file[0]).toMatch(/^The workbook unpacks to more than 40 MB/);
    });

    it('refuses a one-line CSV of 900,000 columns at once', async () => {
      const file = Buffer.from(`${'a,'.repeat(900_000)}a\n`);
      const started = Date.now();
      const res = await upload(file, '名簿.csv').expect(422);
      expect(res.body.errors.file).toEqual(['列が多すぎます（100 列まで）。名簿の列だけを残して保存してください']);
      expect(Date.now() - started).toBeLessThan(1000);
    });
  });
});
