import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';

/**
 * Noto Sans JP (SIL Open Font License 1.1) from the npm package `@expo-google-fonts/noto-sans-jp`:
 * resolved from node_modules, so the font comes with `npm install` and a fresh machine renders
 * Japanese without a system font. pdfkit embeds the subset of glyphs each document uses.
 */
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
} as const;

type FontName = keyof typeof FONT_FILES;

let fonts: Record<FontName, Buffer> | null = null;

/** The font files, read once per process (5 MB each: not per document). */
function fontBuffers(): Record<FontName, Buffer> {
  fonts ??= {
    regular: readFileSync(require.resolve(FONT_FILES.regular)),
    bold: readFileSync(require.resolve(FONT_FILES.bold)),
  };
  return fonts;
}

/** A4 in PDF points, and the page's margins. */
export const PAGE = { width: 595.28, height: 841.89, left: 50, right: 50, top: 48, bottom: 56 } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface TextOptions {
  size?: number;
  bold?: boolean;
  width?: number;
  align?: 'left' | 'right' | 'center';
  color?: string;
  characterSpacing?: number;
}

export interface DocumentMeta {
  title: string;
  author: string;
  subject?: string;
  /** The document's creation time (the app's clock, so a test can fix it). */
  createdAt: Date;
  /** Printed at the foot of every page, left; the page number goes right. */
  footer: string;
}

const ROW_HEIGHT = 17;
const GRID = '#9e9e9e';
const HEADER_FILL = '#eeeeee';

/**
 * A4 documents in Japanese on pdfkit: text at positions, tables that continue on the next page
 * with their header repeated, and a footer with page numbers. Renders into memory (a month's
 * invoice is a few tens of kilobytes) and answers the bytes.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  /** The next free line, in points from the top. */
  y: number = PAGE.top;
  private readonly chunks: Buffer[] = [];
  private readonly finished: Promise<Buffer>;

  constructor(private readonly meta: DocumentMeta) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
      bufferPages: true,
      autoFirstPage: true,
      lang: 'ja-JP',
      displayTitle: true,
      info: {
        Title: meta.title,
        Author: meta.author,
        Subject: meta.subject ?? meta.title,
        Creator: 'Kumamoto interpreter dispatch',
        CreationDate: meta.createdAt,
      },
    });
    const { regular, bold } = fontBuffers();
    this.doc.registerFont('regular', regular);
    this.doc.registerFont('bold', bold);
    this.doc.font('regular');
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.finished = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  /** Writes `value` at (x, y) without moving `this.y`; answers the height it took. */
  textAt(value: string, x: number, y: number, options: TextOptions = {}): number {
    const { size = 10, bold = false, width, align = 'left', color = '#000000', characterSpacing = 0 } = options;
    this.doc
      .font(bold ? 'bold' : 'regular')
      .fontSize(size)
      .fillColor(color);
    const height = this.doc.heightOfString(value, { width, characterSpacing });
    this.doc.text(value, x, y, { width, align, characterSpacing, lineBreak: width !== undefined });
    return height;
  }

  /** A paragraph across the content width at `this.y`, then moves below it. */
  paragraph(value: string, options: TextOptions & { gap?: number } = {}): void {
    const width = options.width ?? CONTENT_WIDTH;
    this.doc.fontSize(options.size ?? 10).font(options.bold ? 'bold' : 'regular');
    const height = this.doc.heightOfString(value, { width });
    this.ensureRoom(height);
    this.textAt(value, PAGE.left, this.y, { ...options, width });
    this.y += height + (options.gap ?? 4);
  }

  /** Starts a new page when fewer than `height` points are left on this one. */
  ensureRoom(height: number): boolean {
    if (this.y + height <= PAGE.height - PAGE.bottom) return false;
    this.doc.addPage();
    this.y = PAGE.top;
    return true;
  }

  /** A horizontal rule across the content width. */
  rule(y = this.y, weight = 0.5): void {
    this.doc
      .moveTo(PAGE.left, y)
      .lineTo(PAGE.width - PAGE.right, y)
      .lineWidth(weight)
      .strokeColor(GRID)
      .stroke();
  }

  /** A box with a light fill. */
  box(x: number, y: number, width: number, height: number, fill = HEADER_FILL): void {
    this.doc.rect(x, y, width, height).lineWidth(0.75).fillAndStroke(fill, '#616161');
  }

  /**
   * A table at `this.y`: the header on a grey band, one line per row, a thin rule under each; a
   * row that does not fit goes to the next page under the header again. `emphasis` rows (totals)
   * are bold on the grey band. A `null` cell widens the one before it (a label across columns).
   */
  table(
    columns: readonly Column[],
    rows: ReadonlyArray<ReadonlyArray<string | null>>,
    emphasis: ReadonlySet<number> = new Set(),
  ) {
    const width = columns.reduce((sum, c) => sum + c.width, 0);
    const header = () => {
      this.doc.rect(PAGE.left, this.y, width, ROW_HEIGHT).fill(HEADER_FILL);
      this.cells(
        columns,
        columns.map((c) => c.header),
        true,
      );
      this.rule(this.y + ROW_HEIGHT);
      this.y += ROW_HEIGHT;
    };
    this.ensureRoom(ROW_HEIGHT * 2);
    header();
    rows.forEach((row, index) => {
      if (this.ensureRoom(ROW_HEIGHT)) header();
      if (emphasis.has(index)) this.doc.rect(PAGE.left, this.y, width, ROW_HEIGHT).fill(HEADER_FILL);
      this.cells(columns, row, emphasis.has(index));
      this.rule(this.y + ROW_HEIGHT, 0.25);
      this.y += ROW_HEIGHT;
    });
    this.y += 8;
  }

  /** One line of cells; a `null` value merges its column into the cell before it. */
  private cells(columns: readonly Column[], values: ReadonlyArray<string | null>, bold: boolean): void {
    let x = PAGE.left;
    columns.forEach((column, i) => {
      const value = values[i];
      if (value === null) return;
      let width = column.width;
      for (let j = i + 1; j < columns.length && values[j] === null; j++) width += columns[j].width;
      const text = fitted(this.doc, value ?? '', width - 8, bold);
      this.textAt(text, x + 4, this.y + 3.5, { size: 9, bold, width: width - 8, align: column.align });
      x += width;
    });
  }

  /** Footers on every page (title left, 「n / N」 right), then the document's bytes. */
  async finish(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      // Writing inside the bottom margin would start a new page: lift the margin for the footer.
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      const y = PAGE.height - PAGE.bottom + 22;
      this.textAt(this.meta.footer, PAGE.left, y, { size: 8, color: '#616161', width: CONTENT_WIDTH - 60 });
      this.textAt(`${i + 1} / ${range.count}`, PAGE.width - PAGE.right - 60, y, {
        size: 8,
        color: '#616161',
        width: 60,
        align: 'right',
      });
      this.doc.page.margins.bottom = bottom;
    }
    this.doc.end();
    return this.finished;
  }
}

/** `value`, shortened with an ellipsis to fit `width` on one line. */
function fitted(doc: PDFKit.PDFDocument, value: string, width: number, bold: boolean): string {
  doc.font(bold ? 'bold' : 'regular').fontSize(9);
  if (doc.widthOfString(value) <= width) return value;
  let cut = value;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** 13,000円 */
export function yen(amount: number): string {
  return `${YEN.format(amount)}円`;
}

/** ¥13,000 — the amount as an invoice's total box writes it. */
export function yenMark(amount: number): string {
  return `¥${YEN.format(amount)}`;
}

const YEN = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 });
