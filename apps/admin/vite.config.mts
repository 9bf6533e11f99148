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
    rollupOptions: {
      // MUI marks its files 'use client' for React Server Components; meaningless in an SPA.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/@mui/icons-material')) return 'icons';
          if (id.includes('node_modules/@mui') || id.includes('node_modules/@emotion')) return 'mui';
          if (id.includes('node_modules/')) return 'vendor';
          return undefined;
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
