import { FEE_LINE_KIND_NAMES, formatDate, formatMonth } from '@app/domain/model';
import type { VolunteerStatement } from '../../fees/dto/fees.dto';
import type { FeeTerms } from '../../fees/fee-calculator';
import type { Organisation } from '../organisation';
import { amountBox, heading, letterhead } from './letterhead';
import { Column, PdfWriter, yen, yenMark } from './pdf-writer';

export interface VolunteerStatementInput {
  organisation: Organisation;
  volunteer: { id: string; name: string };
  month: string;
  issuedAt: Date;
  /** The volunteer's statement of the month as `GET /api/statements/volunteers` answers it. */
  statement: Pick<VolunteerStatement, 'lines' | 'totalYen'>;
  /** The fee rules the lines were priced by (or the month's rule when there are none). */
  rules: FeeTerms[];
  /** The month has not ended: the document is as of `issuedAt`, and later visits will be added. */
  provisional: boolean;
}

const COLUMNS: Column[] = [
  { header: 'No.', width: 28, align: 'right' },
  { header: '訪問日', width: 100 },
  { header: '医療機関', width: 134 },
  { header: '内容', width: 85 },
  { header: '謝金', width: 48, align: 'right' },
  { header: '交通費', width: 48, align: 'right' },
  { header: '計', width: 52, align: 'right' },
];

/** A volunteer's honoraria and transport statement (謝金・交通費明細書) of a month, from FeesService's statement. */
export function renderVolunteerStatement(input: VolunteerStatementInput): Promise<Buffer> {
  const { organisation, volunteer, month, statement } = input;
  const w = new PdfWriter({
    title: `謝金・交通費明細書 ${formatMonth(month)}分 ${volunteer.name}`,
    author: organisation.name,
    createdAt: input.issuedAt,
    footer: `${organisation.name}\u3000${formatMonth(month)}分 謝金・交通費明細書\u3000${volunteer.name} 様`,
  });
  letterhead(w, organisation, {
    title: '謝金・交通費明細書',
    addressee: { name: volunteer.name, honorific: '様', lines: [`${formatMonth(month)}分`] },
    issuedAt: input.issuedAt,
  });
  w.paragraph(`${formatMonth(month)}の医療通訳ボランティア活動の謝金と交通費は次のとおりです。`, { gap: 10 });
  amountBox(w, 'お支払額', yenMark(statement.totalYen));
  if (input.provisional)
    w.paragraph(
      `※ ${formatDate(input.issuedAt)}時点の内容です。${formatMonth(month)}が終わるまでの訪問は、月末の後に確定します。`,
      {
        size: 9,
        bold: true,
        color: '#b71c1c',
        gap: 10,
      },
    );

  heading(w, '明細');
  const rows = statement.lines.map((line, i) => [
    String(i + 1),
    formatDate(line.date),
    line.hospitalName,
    FEE_LINE_KIND_NAMES[line.kind].ja,
    yen(line.honorariumYen),
    yen(line.transportYen),
    yen(line.amountYen),
  ]);
  if (rows.length === 0) w.paragraph(`${formatMonth(month)}の活動はありません。`, { size: 9.5, gap: 6 });
  const honoraria = statement.lines.reduce((sum, l) => sum + l.honorariumYen, 0);
  const transport = statement.lines.reduce((sum, l) => sum + l.transportYen, 0);
  const total = [
    '',
    `合計\u3000${statement.lines.length}件`,
    null,
    null,
    yen(honoraria),
    yen(transport),
    yen(statement.totalYen),
  ];
  w.table(COLUMNS, [...rows, total], new Set([rows.length]));

  heading(w, '備考');
  const notes = [
    ...new Set(
      input.rules.map((rule) =>
        rule.volunteerTransport === 'actual'
          ? '交通費は活動報告書でご報告いただいた実費です。'
          : '交通費は謝金に含まれています。',
      ),
    ),
    statement.lines.some((l) => l.kind === 'patient_no_show')
      ? '患者さんが来院されなかった訪問にも謝金をお支払いしています。'
      : '',
    `ご不明な点は${organisation.programme || organisation.name}までお問い合わせください${organisation.phone ? `（TEL ${organisation.phone}）` : ''}。`,
  ];
  for (const note of notes.filter(Boolean)) w.paragraph(`・${note}`, { size: 9, gap: 2 });
  return w.finish();
}
