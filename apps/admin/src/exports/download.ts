/**
 * Files from the API (CSV, Excel) saved under the server's name. The call carries the bearer
 * token, so a plain link cannot do it: the body is read here, counting bytes for a progress bar
 * (a fraction when the server sent Content-Length, otherwise only the bytes so far).
 */

export interface DownloadProgress {
  loaded: number;
  /** null when the server did not say how long the file is (a streamed export) */
  total: number | null;
}

/** `attachment; filename="dispatches-2026-04-01-2027-03-31.csv"` → the file name (RFC 6266, with filename* first). */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // a malformed escape: fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  const name = (plain?.[2] ?? plain?.[1] ?? '').trim();
  return name && !/[\\/]/.test(name) ? name : fallback;
}

/** The whole body as a Blob, reporting progress after each chunk. */
export async function readWithProgress(
  response: Response,
  onProgress: (progress: DownloadProgress) => void,
): Promise<Blob> {
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
  if (!response.body) return new Blob([await response.arrayBuffer()], { type });
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  onProgress({ loaded, total });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress({ loaded, total });
  }
  return new Blob(chunks as BlobPart[], { type });
}

/** Hands a Blob to the browser as a download named `filename`. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: Chromium reads the URL after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
