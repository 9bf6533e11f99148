/**
 * `attachment; filename="invoice-2026-12.pdf"; filename*=UTF-8''請求書….pdf` (RFC 6266): an ASCII
 * name every client understands, and the Japanese one (RFC 5987, percent-encoded UTF-8) that
 * browsers prefer. Characters a file system refuses become `_` in both.
 */
export function attachment(asciiName: string, name = asciiName): string {
  const ascii = safe(asciiName).replace(/[^\x20-\x7e]/g, '_');
  const extended = encodeURIComponent(safe(name)).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${extended}`;
}

function safe(name: string): string {
  return [...name]
    .map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .replace(/\s+/g, '_');
}
