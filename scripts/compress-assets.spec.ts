import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { compressAssets } from './compress-assets';

describe(compressAssets.name, () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'compress-assets-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes brotli and gzip copies that decompress to the very file, smaller than it', async () => {
    const script = 'export const greeting = () => "こんにちは";\n'.repeat(400);
    mkdirSync(path.join(dir, 'nested'));
    writeFileSync(path.join(dir, 'nested/index-abc123.js'), script);
    const [result] = await compressAssets(dir);
    const file = path.join(dir, 'nested/index-abc123.js');
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(script);
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(script);
    expect(result.br).toBeLessThan(result.gzip!);
    expect(result.gzip).toBeLessThan(Buffer.byteLength(script));
  });

  it('leaves alone small files, images, and copies that would not be smaller', async () => {
    writeFileSync(path.join(dir, 'tiny.js'), 'export {};\n');
    writeFileSync(path.join(dir, 'photo.png'), Buffer.alloc(4096, 7));
    writeFileSync(path.join(dir, 'noise.js'), randomBytes(4096));
    await compressAssets(dir);
    for (const name of ['tiny.js', 'photo.png', 'noise.js']) {
      expect(existsSync(path.join(dir, `${name}.br`))).toBe(false);
      expect(existsSync(path.join(dir, `${name}.gz`))).toBe(false);
    }
  });
});
