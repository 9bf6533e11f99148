import { filenameFromDisposition, readWithProgress, type DownloadProgress } from './download';

describe('filenameFromDisposition', () => {
  it("takes the server's file name, quoted or not, preferring the UTF-8 form", () => {
    expect(filenameFromDisposition('attachment; filename="dispatches-2026-04-01-2027-03-31.csv"', 'x.csv')).toBe(
      'dispatches-2026-04-01-2027-03-31.csv',
    );
    expect(filenameFromDisposition('attachment; filename=attendance.xlsx', 'x')).toBe('attendance.xlsx');
    expect(filenameFromDisposition(`attachment; filename="a.csv"; filename*=UTF-8''%E6%98%8E%E7%B4%B0.csv`, 'x')).toBe(
      '明細.csv',
    );
  });

  it('falls back when there is no header or the name is a path', () => {
    expect(filenameFromDisposition(null, 'fallback.csv')).toBe('fallback.csv');
    expect(filenameFromDisposition('attachment; filename="../etc/passwd"', 'fallback.csv')).toBe('fallback.csv');
  });
});

describe('readWithProgress', () => {
  function streamed(chunks: string[], headers: Record<string, string>): Response {
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        controller.close();
      },
    });
    return new Response(body, { headers });
  }

  it('reports the bytes read against Content-Length when the server sends it', async () => {
    const seen: DownloadProgress[] = [];
    const blob = await readWithProgress(
      streamed(['ab', 'cde'], { 'Content-Length': '5', 'Content-Type': 'text/csv' }),
      (p) => seen.push(p),
    );
    expect(seen).toEqual([
      { loaded: 0, total: 5 },
      { loaded: 2, total: 5 },
      { loaded: 5, total: 5 },
    ]);
    expect(await blob.text()).toBe('abcde');
    expect(blob.type).toBe('text/csv');
  });

  it('reports no total for a streamed body without a length', async () => {
    const seen: DownloadProgress[] = [];
    await readWithProgress(streamed(['abc'], {}), (p) => seen.push(p));
    expect(seen.at(-1)).toEqual({ loaded: 3, total: null });
  });
});
