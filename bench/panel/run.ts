/**
 * The panel's first load on a phone: `npm run build:admin`, then `npm run bench:panel`.
 *
 * Starts the API (built panel included) on a database of its own (DATABASE_URL's server or an
 * embedded PostgreSQL, as the other benchmarks), and opens the sign-in page in Debian's Chromium
 * at 390×844, each time in a fresh profile with the cache off, over a link throttled through the
 * DevTools protocol (4 Mbps down, 150 ms latency; the CPU is not slowed). It prints the bytes
 * transferred (as encoded on the wire, headers included) and the time until the sign-in form is
 * on the screen, and exits 1 when the first load is over its targets.
 *
 * Options: `--runs N` (default 5), `--path /admin/#/login` (default `/admin/`, which a signed-out
 * visitor is sent on from to the sign-in page), `--encoding br|gzip|identity` (what the browser
 * asks for: Chromium offers brotli only over HTTPS, so over this plain-http loopback it would
 * fetch gzip; the default asks for brotli as a phone on the HTTPS site does).
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import * as path from 'node:path';
import type { Browser, CDPSession } from 'playwright-core';
import { launchChromium } from '../../test/browser/browser';
import { withBenchApp } from '../support/bench-app';

export const TARGETS = { jsBytes: 600_000, formVisibleMs: 2_000 };
export const LINK = { downloadMbps: 4, uploadMbps: 1, latencyMs: 150 };
export const VIEWPORT = { width: 390, height: 844 };

const ACCEPT_ENCODING: Record<string, string> = {
  br: 'gzip, deflate, br, zstd',
  gzip: 'gzip, deflate',
  identity: 'identity',
};

/** What one cold load transferred, and when the sign-in form could be seen (ms from navigation). */
export interface Sample {
  jsBytes: number;
  totalBytes: number;
  requests: number;
  formVisibleMs: number;
  files: { url: string; type: string; encoding: string; bytes: number }[];
}

/** Run in the page before its scripts: notes when the password field is first laid out. */
const WATCH_FORM = `(() => {
  const look = () => {
    const field = document.querySelector('input[type="password"]');
    if (field && field.getBoundingClientRect().height > 0) window.__formVisibleAt = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();`;

async function throttle(cdp: CDPSession): Promise<void> {
  const bytesPerSecond = (mbps: number) => (mbps * 1_000_000) / 8;
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LINK.latencyMs,
    downloadThroughput: bytesPerSecond(LINK.downloadMbps),
    uploadThroughput: bytesPerSecond(LINK.uploadMbps),
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
}

/** One cold load of `url` in a fresh browser profile; resolves after the network went quiet. */
export async function coldLoad(browser: Browser, url: string, acceptEncoding: string): Promise<Sample> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    isMobile: true,
    hasTouch: true,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    extraHTTPHeaders: { 'Accept-Encoding': acceptEncoding },
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(WATCH_FORM);
    const cdp = await context.newCDPSession(page);
    await throttle(cdp);
    const responses = new Map<string, { url: string; type: string; encoding: string }>();
    const files: Sample['files'] = [];
    cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
      const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      responses.set(requestId, {
        url: response.url,
        type,
        encoding: String(headers['content-encoding'] ?? 'identity'),
      });
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      const response = responses.get(requestId);
      if (response) files.push({ ...response, bytes: encodedDataLength });
    });
    await page.goto(url);
    const formVisibleAt = () => (globalThis as { __formVisibleAt?: number }).__formVisibleAt;
    await page.waitForFunction(formVisibleAt, undefined, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const formVisibleMs = Number(await page.evaluate(formVisibleAt));
    const sum = (list: Sample['files']) => list.reduce((total, f) => total + f.bytes, 0);
    return {
      jsBytes: sum(files.filter((f) => f.type === 'Script')),
      totalBytes: sum(files),
      requests: files.length,
      formVisibleMs,
      files,
    };
  } finally {
    await context.close();
  }
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const stats = (values: number[], unit: (v: number) => string) =>
  `median ${unit(median(values))}, min ${unit(Math.min(...values))}, max ${unit(Math.max(...values))}`;

export async function main(): Promise<number> {
  const dist = path.resolve(__dirname, '../../apps/admin/dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    console.error(`No built panel in ${dist}: run \`npm run build:admin\` first (this benchmark builds nothing).`);
    return 2;
  }
  const runs = Math.min(5, Math.max(3, Number(option('runs', '5')) || 5));
  const route = option('path', '/admin/');
  const encoding = option('encoding', 'br');
  const acceptEncoding = ACCEPT_ENCODING[encoding];
  if (!acceptEncoding) throw new Error(`--encoding must be one of ${Object.keys(ACCEPT_ENCODING).join(', ')}`);

  return withBenchApp('panel', async (t) => {
    await t.app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${((t.app.getHttpServer() as Server).address() as AddressInfo).port}`;
    const browser = await launchChromium();
    try {
      const samples: Sample[] = [];
      for (let i = 0; i < runs; i++) samples.push(await coldLoad(browser, `${base}${route}`, acceptEncoding));

      console.log(
        `Panel first load: ${route} at ${VIEWPORT.width}×${VIEWPORT.height}, ${LINK.downloadMbps} Mbps down / ` +
          `${LINK.uploadMbps} Mbps up, ${LINK.latencyMs} ms latency, CPU not throttled, cache off, ` +
          `Accept-Encoding: ${acceptEncoding}; ${runs} cold loads`,
      );
      console.log('Files of the first load:');
      for (const f of samples[0].files)
        console.log(
          `  ${f.type.padEnd(10)} ${f.encoding.padEnd(8)} ${kB(f.bytes).padStart(9)}  ${new URL(f.url).pathname}`,
        );
      const jsBytes = samples.map((s) => s.jsBytes);
      const formVisible = samples.map((s) => s.formVisibleMs);
      console.log(`JavaScript transferred:  ${stats(jsBytes, kB)}  (target ≤ ${kB(TARGETS.jsBytes)})`);
      console.log(
        `Total transferred:       ${stats(
          samples.map((s) => s.totalBytes),
          kB,
        )}`,
      );
      console.log(
        `Sign-in form visible:    ${stats(formVisible, (ms) => `${Math.round(ms)} ms`)}  (target ≤ ${TARGETS.formVisibleMs} ms)`,
      );
      const over = [
        Math.max(...jsBytes) > TARGETS.jsBytes && 'JavaScript transferred',
        median(formVisible) > TARGETS.formVisibleMs && 'time to the sign-in form',
      ].filter(Boolean);
      console.log(over.length ? `OVER TARGET: ${over.join(', ')}` : 'Within targets.');
      return over.length ? 1 : 0;
    } finally {
      await browser.close();
    }
  });
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
