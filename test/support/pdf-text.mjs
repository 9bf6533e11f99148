// Reads a PDF on stdin and prints {pages: [text of each page]} as JSON: pdfjs-dist is an ES module,
// which Jest's CommonJS runtime cannot import, so the tests run this in a child `node` process.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const data = new Uint8Array(Buffer.concat(chunks));
const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  let text = '';
  for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
  pages.push(text);
}
const { info } = await pdf.getMetadata();
process.stdout.write(JSON.stringify({ pages, info }));
