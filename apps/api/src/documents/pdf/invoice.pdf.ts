import {
  FEE_LINE_KIND_NAMES,
  FEE_LINE_KINDS,
  formatDate,
  formatMonth,
  languageName,
  requestReference,
} from '@app/domain/model';
import type { HospitalStatement } from '../../fees/dto/fees.dto';
import type { FeeTerms } from '../../fees/fee-calculator';
import type { Organisation } from '../organisation';
import { amountBox, heading, letterhead } from './letterhead';
import { Column, PdfWriter, yen, yenMark } from './pdf-writer';

export interface InvoiceInput {
  organisation: Organisation;
  hospital: { id: string; name: string; address: string };
  month: string;
  issuedAt: Date;
  /** The hospital's statement of the month as `GET /api/statements/hospitals` answers it (no lines: nothing charged). */
  statement: Pick<HospitalStatement, 'lines' | 'totalYen'>;
  /** The fee rules the lines were priced by (or the month's rule when there are none). */
  rules: FeeTerms[];
  /** The month has not ended: the document is as of `issuedAt`, and later visits will be added. */
  provisional: boolean;
  /** The dispatch policy's late-cancellation window. */
  lateCancellationHours: number;
}

const COLUMNS: Column[] = [
  { header: 'No.', width: 28, align: 'right' },
  { header: '訪問日', width: 100 },
  { header: '依頼番号', width: 62 },
  { header: '言語', width: 82 },
  { header: '内容', width: 95 },
  { header: '時間', width: 50, align: 'right' },
  { header: '金額', width: 78, align: 'right' },
];

/**
 * The month's invoice (請求書) of one hospital: the statement's lines as they are — every amount
 * and the total come from FeesService, nothing is priced here — with the rules that priced them.
 */
export function renderInvoice(input: InvoiceInput): Promise<Buffer> {
  const { organisation, hospital, month, statement } = input;
  const title = `請求書 ${formatMonth(month)}分 ${hospital.name}`;
  const w = new PdfWriter({
    title,
    author: organisation.name,
    subject: `${formatMonth(month)}分 医療通訳派遣料`,
    createdAt: input.issuedAt,
    footer: `${organisation.name}\u3000${formatMonth(month)}分 請求書\u3000${hospital.name} 御中`,
  });
  letterhead(w, organisation, {
    title: '請求書',
    addressee: { name: hospital.name, honorific: '御中', lines: [hospital.address] },
    issuedAt: input.issuedAt,
    reference: { label: '請求番号', value: `${month.replace('-', '')}-${requestReference(hospital.id)}` },
  });

  w.paragraph(`件名\u3000${formatMonth(month)}分 医療通訳ボランティア派遣料`, { size: 10.5, bold: true, gap: 2 });
  w.paragraph('下記のとおりご請求申し上げます。', { size: 10, gap: 10 });
  amountBox(w, 'ご請求金額（税込）', `${yenMark(statement.totalYen)} —`);
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
    requestReference(line.requestId),
    languageName(line.language, 'ja'),
    FEE_LINE_KIND_NAMES[line.kind].ja,
    line.minutes === null ? '—' : `${line.minutes}分`,
    yen(line.amountYen),
  ]);
  if (rows.length === 0) w.paragraph(`${formatMonth(month)}のご請求はありません。`, { size: 9.5, gap: 6 });
  const summary = summaryRows(statement);
  w.table(COLUMNS, [...rows, ...summary], new Set(summary.map((_, i) => rows.length + i)));

  heading(w, '料金の規定');
  for (const line of ruleLines(input)) w.paragraph(line, { size: 9, gap: 2 });
  w.y += 8;
  heading(w, '備考');
  const notes = [
    '金額はすべて消費税込みです。',
    organisation.paymentNote,
    '依頼番号は依頼のお知らせメールと管理画面に表示される番号です。',
    `お問い合わせ：${organisation.programme || organisation.name}${organisation.phone ? `（TEL ${organisation.phone}）` : ''}`,
  ];
  for (const note of notes.filter(Boolean)) w.paragraph(`・${note}`, { size: 9, gap: 2 });
  return w.finish();
}

/** Counts and subtotals by kind, then the total: the statement's own amounts added up per kind. */
function summaryRows(statement: InvoiceInput['statement']): Array<Array<string | null>> {
  const kinds = FEE_LINE_KINDS;
  const rows: Array<Array<string | null>> = [];
  for (const kind of kinds) {
    const lines = statement.lines.filter((l) => l.kind === kind);
    if (lines.length === 0) continue;
    const subtotal = lines.reduce((sum, l) => sum + l.amountYen, 0);
    rows.push([
      '',
      `小計\u3000${FEE_LINE_KIND_NAMES[kind].ja}\u3000${lines.length}件`,
      null,
      null,
      null,
      null,
      yen(subtotal),
    ]);
  }
  rows.push(['', '合計（税込）', null, null, null, null, yen(statement.totalYen)]);
  return rows;
}

/** The terms of each rule used, in words (with the date it applies from when the month saw two). */
function ruleLines({ rules, lateCancellationHours }: InvoiceInput): string[] {
  return rules
    .flatMap((rule) => {
      const from = rules.length > 1 ? `（${formatDate(rule.validFrom)}以降の訪問）` : '';
      return [
        `通訳${from}：1回 ${yen(rule.hospitalBaseYen)}（${rule.baseMinutes}分まで）、超える場合は1時間ごとに ${yen(rule.hospitalExtraHourYen)}を加算`,
        `直前のキャンセル：${yen(rule.lateCancellationYen)}（医療機関のご都合により、訪問予定時刻の${lateCancellationHours}時間前を過ぎてから取り消した場合）`,
        `患者さん来院せず：${yen(rule.patientNoShowYen)}（通訳者が伺い、患者さんが来院されなかった場合）`,
      ];
    })
    .concat([`${lateCancellationHours}時間前までの取消し、および通訳者の都合による取消し・不参加は請求いたしません。`]);
}
