import { readdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text files worth compressing; images and fonts are compressed already. */
export const COMPRESSIBLE = /\.(m?js|css|html|svg|json|txt|map|webmanifest)$/;

export interface CompressedFile {
  file: string;
  bytes: number;
  /** absent when that encoding would not have been smaller than the file */
  br?: number;
  gzip?: number;
}

/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) beside each compressible
 * file of `dir` of at least `minBytes`, keeping a copy only when it is smaller. Compressing once at
 * build time lets the server answer with the smallest encoding the browser takes without spending
 * CPU on every request (AdminUiModule serves them). `npm run build:admin` runs it on the panel's
 * assets after `vite build`; so does the browser tests' build.
 */
export async function compressAssets(dir: string, { minBytes = 1024 } = {}): Promise<CompressedFile[]> {
  const names = (await readdir(dir, { recursive: true })).filter((name) => COMPRESSIBLE.test(name));
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      const body = await readFile(file);
      const result: CompressedFile = { file: name, bytes: body.length };
      if (body.length < minBytes) return result;
      const [br, gz] = await Promise.all([
        brotli(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        }),
        gzipAsync(body, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      if (br.length < body.length) {
        await writeFile(`${file}.br`, br);
        result.br = br.length;
      }
      if (gz.length < body.length) {
        await writeFile(`${file}.gz`, gz);
        result.gzip = gz.length;
      }
      return result;
    }),
  );
}

/** One line for the build log: how many files, and their bytes as they are, in brotli and in gzip. */
export function summary(files: CompressedFile[]): string {
  const sum = (key: 'bytes' | 'br' | 'gzip') => files.reduce((total, f) => total + (f[key] ?? f.bytes), 0);
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  return `${files.length} files, ${kB(sum('bytes'))}: brotli ${kB(sum('br'))}, gzip ${kB(sum('gzip'))}`;
}

/** `ts-node scripts/compress-assets.ts <dir>` (default: the built panel's assets). */
if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '../apps/admin/dist/assets'));
  compressAssets(dir).then(
    (files) => console.log(`precompressed ${path.relative(process.cwd(), dir)}: ${summary(files)}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
