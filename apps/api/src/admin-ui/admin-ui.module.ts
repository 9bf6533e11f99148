import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import express, { type Request, type Response } from 'express';
import { servePrecompressed } from './precompressed';

export const ADMIN_PATH = '/admin';

/**
 * Where the built panel is: `apps/admin/dist` of the project, found by walking up from this file
 * (it runs from `apps/api/src` under ts-node and jest, from `dist/apps/api/src` when built).
 */
export function findAdminDist(from: string = __dirname): string | null {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, 'apps', 'admin', 'dist');
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * Serves the admin SPA at /admin (the root path redirects there) beside the API under /api.
 * Hashed assets are cached for a year (`immutable`), as brotli or gzip when the browser takes them
 * (the copies `npm run build:admin` writes); index.html is revalidated every time (`no-cache`), so
 * a new build is picked up at once.
 * Client routes under /admin/… get index.html; a missing asset is a 404, not the page.
 * Without a build (API tests) the API runs as usual and /admin says how to build the panel.
 */
@Module({})
export class AdminUiModule implements OnModuleInit {
  private readonly logger = new Logger(AdminUiModule.name);

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter?.getInstance<express.Application>();
    if (!app || typeof app.get !== 'function') return;
    app.get('/', (_req: Request, res: Response) => res.redirect(302, `${ADMIN_PATH}/`));

    const dist = findAdminDist();
    if (!dist) {
      this.logger.warn(
        'The admin panel is not built (apps/admin/dist); run `npm run build:admin` to serve it at /admin',
      );
      app.get([ADMIN_PATH, `${ADMIN_PATH}/{*rest}`], (_req: Request, res: Response) => {
        res
          .status(503)
          .type('text/plain; charset=utf-8')
          .send('The admin panel is not built: run `npm run build:admin`, then restart the API.\n');
      });
      return;
    }
    const index = path.join(dist, 'index.html');
    const assets = path.join(dist, 'assets');
    app.use(`${ADMIN_PATH}/assets`, servePrecompressed(assets));
    app.use(`${ADMIN_PATH}/assets`, express.static(assets, { immutable: true, maxAge: '365d', index: false }));
    app.use(`${ADMIN_PATH}/assets`, (_req: Request, res: Response) => {
      res.removeHeader('Content-Encoding');
      res.status(404).type('text/plain; charset=utf-8').send('Not found\n');
    });
    app.use(ADMIN_PATH, express.static(dist, { index: false, maxAge: 0 }));
    app.get([ADMIN_PATH, `${ADMIN_PATH}/{*rest}`], (_req: Request, res: Response) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  }
}
