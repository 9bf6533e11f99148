import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** The encodings `npm run build:admin` writes beside each asset (scripts/compress-assets.ts), best first. */
export const ENCODINGS = [
  { coding: 'br', suffix: '.br' },
  { coding: 'gzip', suffix: '.gz' },
] as const;
export type Coding = (typeof ENCODINGS)[number]['coding'];

/**
 * The encoding to answer with, from an Accept-Encoding header and the copies there are: the one
 * the client rates highest, brotli before gzip when it rates them alike (browsers list gzip first
 * but mean no preference); `null` for the file as it is. `q=0` refuses a coding, `*` stands for
 * any coding not named.
 */
export function chooseEncoding(acceptEncoding: string | undefined, available: readonly Coding[]): Coding | null {
  const rated = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    rated.set(name, q === undefined ? 1 : Number(q));
  }
  let best: Coding | null = null;
  let bestQ = 0;
  for (const { coding } of ENCODINGS) {
    if (!available.includes(coding)) continue;
    const q = rated.get(coding) ?? rated.get('*') ?? 0;
    if (q > bestQ) [best, bestQ] = [coding, q];
  }
  return best;
}

/**
 * Ahead of express.static for the built assets: when a brotli or gzip copy of the asset exists and
 * the browser takes it, the request is pointed at that copy with its Content-Encoding and the
 * original's Content-Type; express.static then serves it with its length, ETag and caching, and
 * answers conditional and HEAD requests as for any file. `Vary: Accept-Encoding` tells caches
 * the answer depends on the header. Which copies exist is looked up once per file: assets have
 * hashed names and never change under one name.
 */
export function servePrecompressed(root: string): RequestHandler {
  const copies = new Map<string, Coding[]>();
  const copiesOf = (file: string): Coding[] => {
    let found = copies.get(file);
    if (!found) {
      found = ENCODINGS.filter(({ suffix }) => existsSync(`${file}${suffix}`)).map(({ coding }) => coding);
      copies.set(file, found);
    }
    return found;
  };
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let relative: string;
    try {
      relative = decodeURIComponent(req.path);
    } catch {
      return next(); // express.static answers the malformed path
    }
    const file = path.join(root, relative);
    if (!file.startsWith(root + path.sep) || relative.includes('\0')) return next();
    const available = copiesOf(file);
    if (available.length === 0) return next();
    res.vary('Accept-Encoding');
    const coding = chooseEncoding(req.headers['accept-encoding'], available);
    if (!coding) return next();
    const { suffix } = ENCODINGS.find((e) => e.coding === coding)!;
    res.type(path.extname(file));
    res.setHeader('Content-Encoding', coding);
    const query = req.url.indexOf('?');
    req.url = query < 0 ? `${req.url}${suffix}` : `${req.url.slice(0, query)}${suffix}${req.url.slice(query)}`;
    next();
  };
}
