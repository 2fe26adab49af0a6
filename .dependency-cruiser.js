// The layers of README's architecture picture, held by `npm run deps:check` in CI.
// Test code is the spec files, `testing/` folders and test/: it may reach test support by name.
const TEST_CODE = '(\\.spec\\.ts$|\\.contract\\.ts$|/testing/|^test/)';
// Each library's and app's one folder of test support (libs/testing: what they all share).
const TESTING = '^((libs|apps)/[^/]+/src/testing|libs/testing/src)/';
const BY_ALIAS = ['aliased-tsconfig-paths', 'aliased-tsconfig'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-nothing',
      comment: 'libs/dialogs is pure TypeScript: no framework, no database, no store, no other library.',
      severity: 'error',
      from: { path: '^libs/dialogs/' },
      to: {
        pathNot: ['^libs/dialogs/', '^node_modules/fast-check/'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'domain-imports-no-node',
      comment: 'The domain gets time and ids with its commands; it needs no Node module.',
      severity: 'error',
      from: { path: '^libs/dialogs/', pathNot: TEST_CODE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'write-side-not-read-side',
      comment:
        'The write side reads no read model and knows nothing of the runner that feeds them: its reaction is a projection by ' +
        'its shape, and apps/projector runs it.',
      severity: 'error',
      from: { path: '^libs/dialog-commands/' },
      to: { path: '^libs/(read-models|projections)/' },
    },
    {
      name: 'read-side-not-write-side',
      comment: 'A read-side spec may drive the write side to make history (test/integration/write-side); its code may not.',
      severity: 'error',
      from: { path: '^libs/(read-models|projections)/', pathNot: TEST_CODE },
      to: { path: '^libs/dialog-commands/' },
    },
    {
      name: 'projection-runner-generic',
      comment: 'libs/projections runs projections; it knows neither the read models nor the write side.',
      severity: 'error',
      from: { path: '^libs/projections/', pathNot: TEST_CODE },
      to: { path: '^libs/(read-models|dialog-commands|dialogs)/' },
    },
    {
      name: 'event-store-knows-no-dialogs',
      comment: 'The store is generic: upcasters are handed in by the composition root (EVENT_UPCASTING).',
      severity: 'error',
      from: { path: '^libs/event-store/', pathNot: TEST_CODE },
      to: { path: '^libs/(dialogs|dialog-commands|read-models|projections|webhooks)/' },
    },
    {
      name: 'platform-knows-no-domain',
      severity: 'error',
      from: { path: '^libs/platform/' },
      to: { path: '^libs/(dialogs|dialog-commands|read-models|projections|webhooks|event-store)/' },
    },
    {
      name: 'webhooks-not-domain',
      comment: 'Webhooks carry stored events as they are; they need nothing of the dialogs.',
      severity: 'error',
      from: { path: '^libs/webhooks/', pathNot: TEST_CODE },
      to: { path: '^libs/(dialogs|dialog-commands)/' },
    },
    {
      name: 'libs-not-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-bench-outside-bench',
      comment: 'Benchmarks are tools; what both they and tests need lives in test/.',
      severity: 'error',
      from: { path: '^(libs|apps|test|scripts)/' },
      to: { path: '^bench/' },
    },
    {
      name: 'test-support-only-in-tests',
      comment: 'Production code (anything but specs, testing folders, test/ and bench/) imports no test support.',
      severity: 'error',
      from: { pathNot: [TEST_CODE, '^bench/'] },
      to: { path: ['^test/', TESTING] },
    },
    {
      name: 'testing-through-its-entry-point',
      comment: "A library's test support is reached through its entry point (@switchboard/<lib>/testing), not a file inside it.",
      severity: 'error',
      from: { pathNot: TESTING },
      to: { path: TESTING, pathNot: '/index\\.ts$' },
    },
    {
      name: 'testing-by-name',
      comment: 'Test support is imported by its alias, not by a relative path (../testing, ../../libs/.../testing).',
      severity: 'error',
      from: { pathNot: TESTING },
      to: { path: TESTING, dependencyTypesNot: BY_ALIAS },
    },
    {
      name: 'other-testing-by-its-entry-point',
      comment: "One library's test support reaches another's by its name, as a spec does.",
      severity: 'error',
      from: { path: '^((libs|apps)/[^/]+)/src/testing/' },
      to: { path: TESTING, pathNot: ['^$1/src/testing/', '/index\\.ts$'] },
    },
    {
      name: 'apps-by-name',
      comment: 'One app reaches another through its alias (@switchboard/api/...), not ../../api/src.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/', dependencyTypesNot: BY_ALIAS },
    },
    {
      name: 'test-support-by-name',
      comment: 'Specs import test support by alias (@switchboard/test-support/...), not ../../../../test.',
      severity: 'error',
      from: { path: '^(libs|apps)/' },
      to: { path: '^test/', dependencyTypesNot: BY_ALIAS },
    },
    {
      name: 'tests-reach-code-by-name',
      comment:
        'Specs and support under test/ import libraries and apps by alias, not ../../apps/.../src. Jest loads its global ' +
        'setup without the alias mapping, so test/setup/ keeps relative paths.',
      severity: 'error',
      from: { path: '^test/', pathNot: '^test/setup/' },
      to: { path: '^(libs|apps)/', dependencyTypesNot: BY_ALIAS },
    },
    {
      name: 'no-circular',
      comment: 'Two files that need each other are one thing in two places: what both need goes in a third file.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      // As tsconfig's moduleResolution "node": packages' exports maps are not consulted.
      exportsFields: [],
      extensions: ['.ts', '.d.ts', '.js', '.json'],
    },
    exclude: { path: '^(dist|coverage)/' },
  },
};
