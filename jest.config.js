// One Jest run for every level; the level is in the file name (*.unit / *.int / *.e2e.spec.ts).
// Database tests share one real PostgreSQL started by the global setup; each test file creates
// its own database, so files can run in parallel without seeing each other's rows.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testRegex: '.*\\.(unit|int|e2e)\\.spec\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  // A safety net against a hang, not a measure: every wait in the suite is for a condition. The
  // authorisation matrix, one test over every route and role, took 46 s on a quiet run and 80 s
  // with another process keeping both cores busy, past the 60 s this was.
  testTimeout: 240_000,
};
