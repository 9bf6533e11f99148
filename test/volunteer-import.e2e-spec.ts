import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { createTestApp, login, TestApp } from './support/test-app';
import { aUser } from './support/factories';

const HEADER = [
  'email',
  'displayName',
  'nameKana',
  'phone',
  'gender',
  'homeArea',
  'languages',
  'level',
  'status',
  'pledgeSignedAt',
  'insuranceValidUntil',
  'maxDispatchesPerMonth',
  'weeklyAvailability',
];
const FAMILY = ['グエン', 'チャン', '王', '李', 'ラマ', 'サントス', '金', 'スミス', 'ペレイラ', 'ウォン'];
const GIVEN = ['ティ・ラン', 'ヴァン・ミン', '麗華', '明', 'スニタ', 'マリア', '志恩', 'ジョン', 'アナ', 'ソムチャイ'];
const LANGS = [
  'vi:native;en:business',
  'zh:native',
  'ne:native;en:fluent',
  'tl:native',
  'id:native',
  'ko:native;ja:native',
  'en:native',
  'my:native',
  'th:native',
  'pt:native;es:fluent',
];
const AREAS = ['中央区', '東区', '西区', '南区', '北区', '合志市', '菊陽町', '益城町', '宇土市', '菊池市'];

function row(i: number, overrides: Partial<Record<string, string>> = {}): Record<string, string> {
  return {
    email: `v${String(i).padStart(4, '0')}@roster.example.jp`,
    displayName: `${FAMILY[i % 10]}・${GIVEN[(i * 3) % 10]} ${i}`,
    nameKana: `メイボ ${i}`,
    phone: i % 4 === 0 ? '' : `090-${String(1000 + i).slice(-4)}-0000`,
    gender: ['female', 'male', 'other'][i % 3],
    homeArea: AREAS[i % 10],
    languages: LANGS[i % 10],
    level: ['trainee', 'standard', 'advanced'][i % 3],
    status: i % 17 === 0 ? 'suspended' : 'active',
    pledgeSignedAt: i % 5 === 0 ? '' : '2025-04-10T01:00:00.000Z',
    insuranceValidUntil: i % 6 === 0 ? '' : '2027-03-31',
    maxDispatchesPerMonth: String(i % 8),
    weeklyAvailability: i % 3 === 0 ? '' : `${(i % 7) + 1} 09:00-12:00;${((i + 2) % 7) + 1} 13:00-17:30`,
    ...overrides,
  };
}

const csv = (rows: Record<string, string>[], { bom = true, columns = HEADER } = {}) =>
  Buffer.from((bom ? '\uFEFF' : '') + stringify(rows, { header: true, columns }), 'utf8');

describe('Volunteer roster import and export (API)', () => {
  let t: TestApp;
  let staff: string;
  const count = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM volunteers'))[0].n as number;
  // Problems worded in English here (office-roster-import.e2e-spec.ts reads the Japanese ones).
  const upload = (file: Buffer, name = 'roster.csv') =>
    t.http().post('/api/volunteers/import?lang=en').set('Authorization', staff).attach('file', file, name);
  const exportCsv = async () => {
    const res = await t
      .http()
      .get('/api/volunteers/export.csv')
      .set('Authorization', staff)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    return res.body as Buffer;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const user = await aUser(t, { role: 'staff' });
    staff = (await login(t, user.email, user.password)).auth;
  });
  afterAll(() => t.close());

  it('imports a roster with Japanese names, and a second import of the same file changes nothing', async () => {
    const file = csv([row(1), row(2), row(3)]);
    expect((await upload(file).expect(200)).body).toEqual({ rows: 3, created: 3, updated: 0, unchanged: 0 });
    expect((await upload(file).expect(200)).body).toEqual({ rows: 3, created: 0, updated: 0, unchanged: 3 });
    const list = await t
      .http()
      .get('/api/volunteers?q=roster.example.jp&sort=email')
      .set('Authorization', staff)
      .expect(200);
    expect(list.body.total).toBe(3);
    expect(list.body.data[0]).toMatchObject({
      email: 'v0001@roster.example.jp',
      displayName: row(1).displayName,
      languages: [{ code: 'zh', proficiency: 'native' }],
      level: 'standard',
      maxDispatchesPerMonth: 1,
    });
  });

  it('takes a file without BOM, updates by e-mail, and records a level change from the import', async () => {
    const res = await upload(csv([row(1, { phone: '080-1111-2222', level: 'advanced' })], { bom: false })).expect(200);
    expect(res.body).toEqual({ rows: 1, created: 0, updated: 1, unchanged: 0 });
    const [v] = (await t.http().get('/api/volunteers?q=v0001@').set('Authorization', staff).expect(200)).body.data;
    const detail = await t.http().get(`/api/volunteers/${v.id}`).set('Authorization', staff).expect(200);
    expect(detail.body).toMatchObject({
      phone: '080-1111-2222',
      level: 'advanced',
      levelHistory: [{ from: 'standard', to: 'advanced', reason: 'CSV import' }],
    });
  });

  it('rejects the whole file when any row is bad, listing every bad row, and imports nothing', async () => {
    const before = await count();
    const rows = [
      row(10), // row 2: fine
      row(11, { languages: 'xx:native' }), // row 3
      row(12), // row 4: fine
      row(13, { level: 'expert', weeklyAvailability: '8 09:00-12:00' }), // row 5
      row(14, { insuranceValidUntil: '2026-02-30' }), // row 6
      row(15, { weeklyAvailability: '1 12:00-09:00' }), // row 7
      row(16, { email: row(10).email }), // row 8: same e-mail as row 2
    ];
    const res = await upload(csv(rows)).expect(422);
    expect(res.body.code).toBe('IMPORT_REJECTED');
    expect(Object.keys(res.body.errors).sort()).toEqual(['row 3', 'row 5', 'row 6', 'row 7', 'row 8']);
    expect(res.body.errors['row 3']).toEqual([expect.stringMatching(/^languages: unknown code xx/)]);
    expect(res.body.errors['row 5']).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^level: /),
        expect.stringMatching(/^weeklyAvailability: .*weekday/),
      ]),
    );
    expect(res.body.errors['row 6']).toEqual([expect.stringMatching(/^insuranceValidUntil: /)]);
    expect(res.body.errors['row 7']).toEqual([
      expect.stringMatching(/^weeklyAvailability: .*end must be later than start/),
    ]);
    expect(res.body.errors['row 8']).toEqual([expect.stringContaining('also on row 2')]);
    expect(await count()).toBe(before);
  });

  it('names a missing column (422) and refuses an unknown one', async () => {
    const before = await count();
    const missing = await upload(csv([row(20)], { columns: HEADER.filter((c) => c !== 'languages') })).expect(422);
    expect(missing.body).toMatchObject({
      code: 'IMPORT_REJECTED',
      errors: { languages: [expect.stringContaining('missing')] },
    });
    const unknown = await upload(Buffer.from('email,displayName,nameKana,gender,homeArea,languages,nickname\n')).expect(
      422,
    );
    expect(unknown.body.errors).toHaveProperty('nickname');
    expect(await count()).toBe(before);
  });

  it('refuses a 10 MB file with 413 and a clear message, a file that is neither UTF-8 nor Shift_JIS, and a missing file', async () => {
    const before = await count();
    const big = Buffer.alloc(10 * 1024 * 1024, 'a');
    const res = await upload(big);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'FILE_TOO_LARGE', message: expect.stringContaining('2 MB') });
    const garbled = Buffer.concat([
      Buffer.from(HEADER.join(',') + '\n'),
      Buffer.from([0xff, 0xfe, 0xfd]),
      Buffer.from(',x\n'),
    ]);
    expect((await upload(garbled).expect(422)).body.errors).toHaveProperty('file');
    await t.http().post('/api/volunteers/import').set('Authorization', staff).expect(400);
    expect(await count()).toBe(before);
  });

  it('round-trips a 500-row roster through export and import: no changes, no duplicates', async () => {
    await t.dataSource.query('DELETE FROM volunteer_level_changes');
    await t.dataSource.query('DELETE FROM volunteers');
    const rows = Array.from({ length: 500 }, (_, i) => row(i + 100));
    expect((await upload(csv(rows)).expect(200)).body).toMatchObject({ created: 500 });

    const first = await exportCsv();
    expect(first.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = first.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFF' + HEADER.join(','));
    expect(text).toContain(rows[0].displayName);

    expect((await upload(first, 'export.csv').expect(200)).body).toEqual({
      rows: 500,
      created: 0,
      updated: 0,
      unchanged: 500,
    });
    expect(await count()).toBe(500);
    expect((await exportCsv()).equals(first)).toBe(true);
  });

  it('guards cells a spreadsheet would run as formulas, such as a name a volunteer set to =HYPERLINK(…), and imports them back as they were', async () => {
    const volunteer = await aUser(t, { role: 'volunteer' });
    const session = await login(t, volunteer.email, volunteer.password);
    const hostile = {
      displayName: '=HYPERLINK("https://evil.example/","click")',
      nameKana: '@SUM(1+1)',
      phone: '+81 90 0000 0000',
    };
    await t.http().patch('/api/volunteers/me').set('Authorization', session.auth).send(hostile).expect(200);

    const exported = await exportCsv();
    const [header, ...lines] = parse(exported, { bom: true });
    const mine = lines.find((cells) => cells[header.indexOf('email')] === volunteer.email)!;
    expect(mine[header.indexOf('displayName')]).toBe(`'${hostile.displayName}`);
    expect(mine[header.indexOf('nameKana')]).toBe(`'${hostile.nameKana}`);
    expect(mine[header.indexOf('phone')]).toBe(`'${hostile.phone}`);
    for (const cells of lines)
      for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/);

    expect((await upload(exported, 'export.csv').expect(200)).body).toMatchObject({ updated: 0 });
    const me = await t.http().get('/api/volunteers/me').set('Authorization', session.auth).expect(200);
    expect(me.body).toMatchObject(hostile);
  });

  it('is for staff only', async () => {
    const coordinator = await aUser(t, { role: 'coordinator' });
    const session = await login(t, coordinator.email, coordinator.password);
    await t
      .http()
      .post('/api/volunteers/import')
      .set('Authorization', session.auth)
      .attach('file', csv([row(1)]), 'roster.csv')
      .expect(403);
  });
});
