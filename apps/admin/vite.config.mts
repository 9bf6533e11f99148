import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const libs = fileURLToPath(new URL('../../libs/', import.meta.url));

/**
 * The panel is served by the API under /admin/. Vite 8 compiles TSX itself (oxc, automatic JSX
 * runtime), so no React plugin is needed for the build. The build has no inline script, so the
 * API's default Content-Security-Policy (script-src 'self') lets it run.
 */
export default defineConfig({
  root,
  base: '/admin/',
  oxc: { jsx: { runtime: 'automatic' } },
  /**
   * The panel shares the API's model (libs/domain/src/model: enumerations, state sets, labels,
   * response shapes) and a few pure files of libs/matching. Only these two aliases exist (also in
   * tsconfig.json and jest.config.js), so the panel cannot reach the entities: TypeORM never enters
   * the bundle.
   */
  resolve: {
    alias: [
      { find: /^@app\/domain\/model$/, replacement: `${libs}domain/src/model/index.ts` },
      { find: /^@app\/matching\/(.+)$/, replacement: `${libs}matching/src/$1` },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // MUI marks its files 'use client' for React Server Components; meaningless in an SPA.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        /**
         * The sign-in page loads the entry (the app's shell: providers, Japanese messages, sign-in,
         * layout) and two chunks of libraries that change only when a dependency does: React, and
         * the rest of what the shell needs (`$initial`: reached by static imports from main.tsx).
         * Pages are lazy (src/lib/lazy-page.tsx). The libraries two or more of them use come in
         * one chunk with the first page opened after signing in; a library one page alone uses
         * (the charts of the figures page) comes with that page.
         */
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              tags: ['$initial'],
              priority: 30,
            },
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'], priority: 20 },
            { name: 'vendor-pages', test: /node_modules[\\/]/, minShareCount: 2, priority: 10 },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
