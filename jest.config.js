// @ts-check
/** Two tiers: fast unit specs beside the code, and tests against one real embedded FerretDB. */

// swc compiles TypeScript (with Nest's decorator metadata) and the ESM-only packages
// (feelin and its parser, bpmn-io libraries) that Jest's CommonJS runtime cannot load as they are.
const transform = {
  '^.+\\.(t|j|mj)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', tsx: true, decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};
const esmOnly = [
  'feelin',
  'lezer-feel',
  '@lezer',
  'min-dash',
  'temporal-polyfill',
  'temporal-utils',
  'bpmn-js',
  'diagram-js',
  'min-dom',
  'tiny-svg',
  'moddle',
  'moddle-xml',
  'saxen',
];
const common = {
  rootDir: __dirname,
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
module.exports = {
  // testTimeout is a global option: inside a project entry Jest ignores it (5 s default).
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/engine/src/**/*.spec.ts',
        '<rootDir>/server/src/**/*.spec.ts',
        '<rootDir>/test/unit/**/*.test.ts',
      ],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/test/integration/**/*.test.ts',
        '<rootDir>/test/api/**/*.test.ts',
        '<rootDir>/test/conformance/**/*.test.ts',
        '<rootDir>/test/scenarios/**/*.test.ts',
        '<rootDir>/test/reliability/**/*.test.ts',
        '<rootDir>/test/security/**/*.test.ts',
      ],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      // browser tests: the built web app, the real server (a child process) and Chromium; one
      // file at a time (test/e2e/README.md)
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/e2e-global-setup.ts',
      globalTeardown: '<rootDir>/test/support/e2e-global-teardown.ts',
      runner: '<rootDir>/test/support/e2e-serial-runner.ts',
      testEnvironment: '<rootDir>/test/support/e2e-environment.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/e2e-setup.ts'],
    },
  ],
};
