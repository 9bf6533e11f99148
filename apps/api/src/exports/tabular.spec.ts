import { parse } from 'csv-parse/sync';
import { csvStream, guardFormula, Table } from './tabular';

const TEXT_COLUMNS = [
  { header: 'a', kind: 'text' as const },
  { header: 'b', kind: 'text' as const },
];

async function csvOf(rows: Table['batches'] extends AsyncIterable<infer R> ? R : never): Promise<string[][]> {
  // An async source (as the database's batches are) that has its one batch ready at once.
  // eslint-disable-next-line @typescript-eslint/require-await
  async function* batches() {
    yield rows;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of csvStream({ sheet: 's', columns: TEXT_COLUMNS, locale: 'ja', batches: batches() }))
    chunks.push(Buffer.from(chunk));
  return parse(Buffer.concat(chunks), { bom: true });
}

describe(csvStream.name, () => {
  it('puts a quote before every text cell a spreadsheet would run as a formula, full-width forms included', async () => {
    const hostile = [
      '=HYPERLINK("https://evil.example/","x")',
      '+1+1',
      '-1+1',
      '@SUM(A1)',
      '\tx',
      '＝1+1',
      '＋1',
      '－1',
      '＠x',
    ];
    const [, ...rows] = await csvOf(hostile.map((cell) => [cell, 'ok']));
    expect(rows.map((r) => r[0])).toEqual(hostile.map((cell) => `'${cell}`));
    expect(rows.map((r) => r[1])).toEqual(hostile.map(() => 'ok'));
  });

  it('leaves numbers, plain text and empty cells as they are', async () => {
    const [, ...rows] = await csvOf([
      [-3, 'グエン'],
      [null, true],
      ['a=b', ''],
    ]);
    expect(rows).toEqual([
      ['-3', 'グエン'],
      ['', 'はい'],
      ['a=b', ''],
    ]);
  });
});

describe(guardFormula.name, () => {
  it('quotes text an .xlsx cell would run as a formula once edited, and leaves other text alone', () => {
    for (const hostile of ['=1+1', '+1', '-1', '@x', '\tx', '\rx', '＝1'])
      expect(guardFormula(hostile)).toBe(`'${hostile}`);
    for (const plain of ['グエン', 'a=b', '', "'=already"]) expect(guardFormula(plain)).toBe(plain);
  });
});
