import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import * as path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Response } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { screenshot, useBrowserSession } from './browser';

const PHONE = { width: 390, height: 844 };
const ASSETS = path.resolve(__dirname, '../../apps/admin/dist/assets');
const IMMUTABLE = 'public, max-age=31536000, immutable';

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A GET whose body stays as sent (fetch and supertest would decompress it). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * The built panel as the API serves it: hashed scripts in brotli (gzip for a browser without it)
 * and cached for a year, index.html revalidated on each visit, the API and the client routes as
 * before. Needs the build the browser tests' global setup makes (with its compressed copies).
 */
describe('the panel served compressed (browser)', () => {
  const session = useBrowserSession();
  const { tab } = session;
  let t: TestApp;
  let base: string;
  let mainScript: string;

  beforeAll(async () => {
    ({ t, base } = session);
    const index = await rawGet(`${base}/admin/`);
    mainScript = /<script type="module" crossorigin src="([^"]+)"/.exec(index.body.toString())![1];
  });

  it('answers the main script in brotli or gzip, as the browser asks, cached for a year', async () => {
    const url = `${base}${mainScript}`;
    const onDisk = readFileSync(path.join(ASSETS, path.basename(mainScript)));

    const br = await rawGet(url, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(onDisk.length / 2);
    expect(brotliDecompressSync(br.body).equals(onDisk)).toBe(true);

    const gzip = await rawGet(url, { 'Accept-Encoding': 'gzip, deflate' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['cache-control']).toBe(IMMUTABLE);
    expect(gunzipSync(gzip.body).equals(onDisk)).toBe(true);

    // brotli refused (q=0): gzip; nothing accepted: the script as it is.
    expect((await rawGet(url, { 'Accept-Encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
    const plain = await rawGet(url, { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
    expect(plain.body.equals(onDisk)).toBe(true);

    // The browser's next visit revalidates nothing it has: a conditional request is a 304.
    const again = await rawGet(url, { 'Accept-Encoding': 'br', 'If-None-Match': String(br.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('keeps index.html revalidated, the client routes, the API and a missing asset as they were', async () => {
    for (const route of ['/admin/', '/admin/some/client/route']) {
      const index = await rawGet(`${base}${route}`, { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(index.status).toBe(200);
      expect(index.headers['cache-control']).toBe('no-cache');
      expect(index.body.toString()).toContain('<div id="root">');
    }
    const health = await t.http().get('/api/health').set('Accept-Encoding', 'gzip, deflate, br').expect(200);
    expect(health.headers['content-type']).toMatch(/json/);
    const missing = await rawGet(`${base}/admin/assets/no-such-file.js`, { 'Accept-Encoding': 'br' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
  });

  it('a phone opens the sign-in page with compressed scripts and none of the pages, which come after signing in', async () => {
    const page = await tab(PHONE);
    const scripts: Response[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response);
    });
    await page.goto(`${base}/admin/`);
    await page.getByLabel('メールアドレス').waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'sign-in-first-load-phone');

    const names = scripts.map((r) => path.basename(new URL(r.url()).pathname));
    expect(names).toContain(path.basename(mainScript));
    // The shell, its libraries and the shared model (states, labels: a few kB the shell and the
    // pages both import) only: no page, no English messages.
    expect(names.filter((n) => !/^(index|react|vendor|model|rolldown-runtime)-[\w-]+\.js$/.test(n))).toEqual([]);
    for (const response of scripts) {
      if (Number((await response.allHeaders())['content-length']) < 1024) continue; // not worth compressing
      // Chromium asks for brotli over HTTPS only; over this plain-http loopback it takes gzip.
      expect((await response.allHeaders())['content-encoding']).toMatch(/^(br|gzip)$/);
    }

    // Signing in fetches the dashboard's code.
    await page.getByLabel('メールアドレス').fill('admin@test.example.jp');
    await page.getByLabel('パスワード').fill('admin-password-123');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByText(/ようこそ、.+ さん/).waitFor();
    expect(scripts.some((r) => /\/Dashboard-[\w-]+\.js$/.test(r.url()))).toBe(true);
  });
});
