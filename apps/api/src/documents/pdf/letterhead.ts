import { formatDate } from '@app/domain/model';
import type { Organisation } from '../organisation';
import { CONTENT_WIDTH, PAGE, PdfWriter } from './pdf-writer';

export interface Letterhead {
  /** 請求書, 謝金・交通費明細書 … */
  title: string;
  /** The addressee and the honorific: 熊本南病院 御中, 山田 花子 様. */
  addressee: { name: string; honorific: '御中' | '様'; lines: string[] };
  issuedAt: Date;
  /** 請求番号 and the like, printed under the date. */
  reference?: { label: string; value: string };
}

const RIGHT_WIDTH = 215;

/**
 * The head of every document, as Japanese business letters lay it out: the date (and number) top
 * right, the title centred, the addressee left with its honorific, the office right.
 */
export function letterhead(w: PdfWriter, organisation: Organisation, head: Letterhead): void {
  const right = PAGE.width - PAGE.right - RIGHT_WIDTH;
  let y = PAGE.top;
  y += w.textAt(`発行日\u3000${formatDate(head.issuedAt)}`, right, y, { size: 9, width: RIGHT_WIDTH, align: 'right' });
  if (head.reference)
    w.textAt(`${head.reference.label}\u3000${head.reference.value}`, right, y, {
      size: 9,
      width: RIGHT_WIDTH,
      align: 'right',
    });

  w.textAt(head.title, PAGE.left, PAGE.top + 34, {
    size: 20,
    bold: true,
    width: CONTENT_WIDTH,
    align: 'center',
    characterSpacing: 6,
  });

  const top = PAGE.top + 84;
  const leftWidth = CONTENT_WIDTH - RIGHT_WIDTH - 20;
  let left = top;
  left += w.textAt(`${head.addressee.name}\u3000${head.addressee.honorific}`, PAGE.left, left, {
    size: 13,
    bold: true,
    width: leftWidth,
  });
  w.doc
    .moveTo(PAGE.left, left + 1)
    .lineTo(PAGE.left + leftWidth, left + 1)
    .lineWidth(0.75)
    .strokeColor('#000000')
    .stroke();
  left += 5;
  for (const line of head.addressee.lines.filter(Boolean))
    left += w.textAt(line, PAGE.left, left, { size: 9, width: leftWidth });

  let office = top;
  office += w.textAt(organisation.name, right, office, { size: 10, bold: true, width: RIGHT_WIDTH });
  const lines = [
    organisation.programme,
    ...addressLines(organisation.address),
    organisation.phone ? `TEL ${organisation.phone}` : '',
    organisation.invoiceNumber ? `登録番号 ${organisation.invoiceNumber}` : '',
  ];
  for (const line of lines.filter(Boolean)) office += w.textAt(line, right, office, { size: 9, width: RIGHT_WIDTH });

  w.y = Math.max(left, office) + 18;
}

/** A framed line with a label and an amount (ご請求金額, お支払額). */
export function amountBox(w: PdfWriter, label: string, amount: string): void {
  const width = 300;
  const height = 34;
  w.box(PAGE.left, w.y, width, height);
  w.textAt(label, PAGE.left + 10, w.y + 10, { size: 11, bold: true, width: 130 });
  w.textAt(amount, PAGE.left + 130, w.y + 6, { size: 17, bold: true, width: width - 140, align: 'right' });
  w.y += height + 14;
}

/** A small bold heading over a section. */
export function heading(w: PdfWriter, value: string): void {
  w.ensureRoom(40);
  w.paragraph(value, { size: 10.5, bold: true, gap: 4 });
}

/** 〒860-0806 熊本市…: the postal code on a line of its own, as letterheads print it. */
function addressLines(address: string): string[] {
  const match = /^(〒\s?\d{3}-?\d{4})\s+(.+)$/.exec(address);
  return match ? [match[1], match[2]] : [address];
}
