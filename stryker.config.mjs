/**
 * @module StrykerJS settings for `npm run mutate` (see TESTING.md).
 * One module: `npm run mutate -- --mutate src/scoring/wilson-interval.ts`.
 * Re-runs: `npm run mutate -- --incremental` reuses results for unchanged code and tests.
 */
export default {
  testRunner: 'vitest',
  // Unit tests beside the source only; `related` keeps each run to the test files importing the
  // mutated file, and perTest coverage runs only the tests that reach each mutant.
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  coverageAnalysis: 'perTest',
  // The project's TypeScript 7 has no JS API, which Stryker's tsconfig rewriting needs; tsx runs
  // the sources and tsconfig.json has no paths outside the sandbox, so there is nothing to rewrite.
  tsconfigFile: 'tsconfig.stryker-none.json',
  // Two cores shared with other work; raise it (e.g. `--concurrency 2`) on a quiet machine.
  concurrency: 1,
  // Mutants in module-level initialisers (constant tables, regexes, assertion objects) would each
  // re-run every related test file (a third of the mutants, ~94 % of the time in a full run); they
  // are reported as Ignored. See TESTING.md.
  ignoreStatic: true,
  mutate: [
    'src/scoring/**/*.ts',
    '!src/scoring/**/*.test.ts',
    '!src/scoring/test-support.ts',
    '!src/scoring/__fixtures__/**',
    'src/providers/scrub-secrets.ts',
    'src/providers/secret-forms.ts',
    'src/providers/sse-parser.ts',
    'src/probes/assertions/**/*.ts',
    '!src/probes/assertions/**/*.test.ts',
    'src/probes/classify-envelope.ts',
    'src/history/compare-runs.ts',
    // Report escaping: Markdown, HTML and XML (JUnit) escapers.
    'src/report/escape-markdown.ts',
    'src/report/html-with-code.ts',
    'src/report/xml-escape.ts',
  ],
  ignorePatterns: ['dist', 'reports', 'test-artifacts', '.tmp', 'bench/results.json', 'test/e2e'],
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
