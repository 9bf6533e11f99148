// ESLint flat config (`npm run lint`): typescript-eslint's recommended rules everywhere, the React
// hooks rules on the admin panel, and eslint-config-prettier last so that layout is Prettier's
// alone (`npm run format`). Not type-aware: the type-checked rule set took over two minutes and
// 1.5 GB on the CI machine's two cores, while `npm run lint:types` already runs the compiler.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/', 'node_modules/', 'coverage/', 'test-output/', '.data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // A leading underscore marks a parameter or binding kept on purpose: a DTO argument that makes
      // Nest validate a body, props a react-admin field declares for its list, a key left out of `...rest`.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    // Plain CommonJS files (jest.config.js, scripts/start.js): require() is their module system.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['apps/admin/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // A missed dependency is a stale-data bug; as a warning it would pass CI unseen.
      'react-hooks/exhaustive-deps': 'error',
      // The panel is not built with React Compiler; it reads the clock while rendering on purpose
      // (is the visit over yet?), and that is evaluated afresh at each render.
      'react-hooks/purity': 'off',
      // Flags async loaders that set state only after an await (fetch on mount, then reload on demand).
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  prettier,
);
