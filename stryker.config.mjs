// Mutation testing (issue 21): StrykerJS 9.6 (10.x needs Node 22) with the vitest runner and the TypeScript checker.
// `npm run mutate` runs it incrementally (only mutants whose code or tests changed are run again), writes the HTML
// report to test-artifacts/mutation/ and MUTATION.md with the score per folder. Never part of `npm test`.
// The mutation run uses vitest.mutation.config.mts: the tests that drive LibreOffice, a browser or a production build
// take seconds each and would run for every mutant they cover; the fast tests must catch the mutants on their own.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.mts" },
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: "perTest",
  concurrency: 2,
  ignoreStatic: true,
  incremental: true,
  incrementalFile: "test-artifacts/mutation/stryker-incremental.json",
  mutate: [
    "src/core/**/*.ts",
    "src/functions/**/*.ts",
    "src/report/**/*.ts",
    "src/excel/**/*.ts",
    // JSDoc metadata and re-exports only
    "!src/functions/functions.ts",
    "!src/**/index.ts",
  ],
  reporters: ["html", "json", "progress"],
  htmlReporter: { fileName: "test-artifacts/mutation/index.html" },
  jsonReporter: { fileName: "test-artifacts/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  timeoutMS: 20000,
  cleanTempDir: "always",
};
