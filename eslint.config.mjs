// ESLint flat config (`npm run lint`): typescript-eslint's type-checked recommended rules on every
// TypeScript file (API, libs, migrations, scripts, bench, tests and the admin panel), the React
// hooks rules on the panel, and eslint-config-prettier last so that layout is Prettier's alone
// (`npm run format`). Type information comes from the project service: each file is checked with
// the tsconfig.json nearest to it (the root one, or apps/admin's), as `tsc` checks it. The cost:
// `npm run lint` took about 58-60 s and 2.0 GB on two busy cores, against 21-31 s and 0.9 GB
// without type information (no-misused-promises and no-floating-promises are most of it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Tests: Jest specs beside the code, the API and browser tests under test/, the panel's specs. */
const TESTS = ['test/**/*.ts', '**/*.spec.ts', '**/*.spec.tsx'];

export default tseslint.config(
  { ignores: ['**/dist/', 'node_modules/', 'coverage/', 'test-output/', '.data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A leading underscore marks a parameter or binding kept on purpose: a DTO argument that makes
      // Nest validate a body, props a react-admin field declares for its list, a key left out of `...rest`.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Promises: every one is awaited, returned, or `void`ed with a reason (fire-and-forget); none
      // is handed to a caller that ignores what it returns (an event handler, a callback wanting void).
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'error',
      // `return await` inside try/catch (so the catch and finally see the rejection), plain `return` elsewhere.
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
    },
  },
  {
    // Plain JavaScript (this file, jest.config.js, scripts/start.js) is in no tsconfig: no type information.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    // Plain CommonJS files (jest.config.js, scripts/start.js): require() is their module system.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The no-unsafe-* family (no `any` read, called, passed on or returned) holds for the API, libs,
    // bench and scripts. Not in the tests: 1,537 findings, nearly all supertest's `response.body`,
    // Jest's `expect.any()`/`expect.objectContaining()` and Playwright's `evaluate`, each read only
    // to be asserted on. Not in the panel: its 23 are react-admin's records and form values, typed
    // `any` by react-admin itself. The compiler still checks everything typed there.
    files: [...TESTS, 'apps/admin/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: TESTS,
    rules: {
      // `expect(mock.method).toHaveBeenCalled()` and Playwright's locator methods passed around are
      // the usual test idiom, not a lost `this` (eslint-plugin-jest's jest/unbound-method is the
      // fine-grained version; it is not a dependency here).
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Every row lock goes through apps/api/src/access/locks.ts, where the one lock order is written
    // down (a visit's request, then its dispatches and offers, then the volunteer, …): no `lock:`
    // find option, `setLock` or `FOR UPDATE`/`FOR SHARE` anywhere else. Queue claims that skip
    // locked rows (`FOR UPDATE SKIP LOCKED`: jobs, mail) never wait, so they stay where they are.
    files: ['apps/api/src/**/*.ts', 'libs/**/*.ts'],
    ignores: ['apps/api/src/access/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          "Property[key.name='lock']",
          "Property[key.value='lock']",
          "CallExpression[callee.property.name='setLock']",
          'TemplateElement[value.raw=/FOR\\s+(NO\\s+KEY\\s+)?(UPDATE|SHARE)(?!\\s+SKIP\\s+LOCKED)/i]',
          'Literal[value=/FOR\\s+(NO\\s+KEY\\s+)?(UPDATE|SHARE)(?!\\s+SKIP\\s+LOCKED)/i]',
        ].map((selector) => ({
          selector,
          message:
            'Lock rows with lockOne/lockMany/lockVisit/lockOffer from apps/api/src/access/locks.ts (the lock order).',
        })),
      ],
    },
  },
  {
    files: ['apps/admin/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    // The rules of hooks, and every effect's dependencies (a missed one is a stale-data bug; as a
    // warning it would pass CI unseen). Not the plugin's React Compiler rules (static-components,
    // refs, purity, …): the panel is not built with React Compiler, and their one compiler pass
    // over each panel file cost 7-8 s of a 42 s `npm run lint` (TIMING=20), which then ran past 45 s
    // whenever anything else shared the two cores.
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  prettier,
);
