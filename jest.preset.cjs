// Shared Jest settings: every workspace's jest.config.cjs spreads this.
// TypeScript is compiled by SWC (no type checking here: `npm run typecheck` does that), which keeps a cold
// test run fast. Internal packages export their TypeScript sources, and Jest resolves their symlinks to real
// paths outside node_modules, so they are transformed too.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  clearMocks: true,
  // CI runs every workspace's suites side by side on a 2-core machine: a test that takes 1 s alone can take
  // several there. Speed is measured by `npm run bench`, not asserted by test timeouts.
  testTimeout: 30_000,
};
