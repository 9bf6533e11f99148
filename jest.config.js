/**
 * Four projects: fast unit specs beside the code, API tests on a real PostgreSQL, the admin
 * panel's pure logic (providers, dates, i18n), and the admin panel in a real browser.
 */
const moduleNameMapper = {
  '^@app/domain(|/.*)$': '<rootDir>/libs/domain/src$1',
  '^@app/matching(|/.*)$': '<rootDir>/libs/matching/src$1',
};
/**
 * otplib's plugins (@scure/base, @noble/hashes 2) ship only ES modules, which Jest's CommonJS
 * runtime cannot require (Node can, since 20.19): they are compiled to CommonJS for the tests.
 */
const ESM_ONLY = '/node_modules/(@scure/base|@noble/hashes)/';
const esmOnly = {
  [`${ESM_ONLY}.+\\.js$`]: ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022' } }],
};
const transformIgnorePatterns = [`^(?!.*${ESM_ONLY}).*/node_modules/`];
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }], ...esmOnly };
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  transform,
  transformIgnorePatterns,
};

/**
 * Browser tests need Debian's Chromium (`apt-get install chromium`); a machine with only Node.js
 * skips them with a notice. CI installs it and sets REQUIRE_BROWSER_TESTS=1, so there they never
 * silently vanish.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browserTests = require('node:fs').existsSync(chromiumPath) || process.env.REQUIRE_BROWSER_TESTS === '1';
if (!browserTests) {
  console.warn(
    `[jest] No Chromium at ${chromiumPath}: the admin panel's browser tests are skipped (apt-get install chromium, or set CHROMIUM_PATH).`,
  );
}
const browserProject = {
  ...common,
  displayName: 'browser',
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  globalSetup: '<rootDir>/test/browser/global-setup.ts',
  globalTeardown: '<rootDir>/test/browser/global-teardown.ts',
  testTimeout: 90000,
};

module.exports = {
  // Per-project testTimeout is not applied by Jest; this is the default for every test and hook.
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/apps/api/src/**/*.spec.ts',
        '<rootDir>/scripts/**/*.spec.ts',
        '<rootDir>/bench/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      testTimeout: 60000,
    },
    {
      ...common,
      displayName: 'admin',
      testMatch: ['<rootDir>/apps/admin/src/**/*.spec.ts'],
      // The panel's only ways into libs (as in apps/admin/tsconfig.json and vite.config.mts): never the entities.
      moduleNameMapper: {
        '^@app/domain/model$': '<rootDir>/libs/domain/src/model',
        '^@app/matching/(.+)$': '<rootDir>/libs/matching/src/$1',
      },
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/apps/admin/tsconfig.jest.json' }] },
    },
    ...(browserTests ? [browserProject] : []),
  ],
};
