import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** What pdfjs-dist reads from a PDF: each page's text, and the document's information dictionary. */
export interface PdfContent {
  pages: string[];
  info: Record<string, unknown>;
}

/**
 * The PDF's text as pdfjs-dist extracts it. pdfjs-dist ships ES modules only, which Jest's
 * CommonJS runtime cannot import, so a child `node` runs `pdf-text.mjs` on the bytes.
 */
export function pdfText(bytes: Buffer): PdfContent {
  const child = spawnSync(process.execPath, [join(__dirname, 'pdf-text.mjs')], {
    input: bytes,
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`pdf-text.mjs failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as PdfContent;
}

/**
 * The fonts the PDF describes (its /FontDescriptor dictionaries, which pdfkit writes uncompressed):
 * the name, whether it is a subset (`ABCDEF+` prefix) and whether the font file is embedded
 * (/FontFile, /FontFile2 or /FontFile3).
 */
export function pdfFonts(bytes: Buffer): Array<{ name: string; subset: boolean; embedded: boolean }> {
  return bytes
    .toString('latin1')
    .split('endobj')
    .filter((object) => /\/Type\s*\/FontDescriptor/.test(object))
    .map((object) => {
      const name = /\/FontName\s*\/([^\s/<>[\]()]+)/.exec(object)?.[1] ?? '';
      return { name, subset: /^[A-Z]{6}\+/.test(name), embedded: /\/FontFile[23]?\s+\d+\s+\d+\s+R/.test(object) };
    });
}
