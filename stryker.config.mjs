// Mutation testing (issue 21): StrykerJS 9.6 (10.x needs Node 22) with the vitest runner and the TypeScript checker.
// `npm run mutate` (scripts/mutate.mjs) runs it one folder at a time, incrementally (only mutants whose code or tests
// changed are run again), and writes MUTATION.md with the score per folder. Never part of `npm test`.
// The mutation run uses vitest.mutation.config.mts: the tests that drive LibreOffice, a browser or a production build
// take seconds each and would run for every mutant they cover; the fast tests must catch the mutants on their own.
//
// KAM_MUTATE_FOLDER (set by scripts/mutate.mjs) narrows a run to one folder: its files are mutated, only its own tests
// run (KAM_MUTATE_TESTS, read by vitest.mutation.config.mts) and the TypeScript checker checks only that folder and
// what it imports (tsconfig.mutate-FOLDER.json, written by the script). A folder's own tests are 5–10x faster than the whole
// fast set (a src/core/accounts mutant otherwise runs every report and workbook test), so its score is a lower bound:
// a mutant only another folder's tests kill counts as survived.
const folder = process.env.KAM_MUTATE_FOLDER;
// A run of some files of a folder (--files) keeps its own incremental file and report (KAM_MUTATE_OUT), so the
// folder's whole report is not replaced by a part of it.
const out = process.env.KAM_MUTATE_OUT ?? (folder ? `test-artifacts/mutation/${folder}` : "test-artifacts/mutation");

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.mts" },
  checkers: ["typescript"],
  tsconfigFile: folder ? `tsconfig.mutate-${folder}.json` : "tsconfig.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: "perTest",
  concurrency: 2,
  // Static mutants (module-load values) each need every test run again: `npm run mutate -- FOLDER --static` runs them.
  ignoreStatic: process.env.KAM_MUTATE_STATIC !== "1",
  incremental: true,
  incrementalFile: `${out}/stryker-incremental.json`,
  mutate: [
    ...(folder
      ? [`src/${folder}/**/*.ts`]
      : ["src/core/**/*.ts", "src/functions/**/*.ts", "src/report/**/*.ts", "src/excel/**/*.ts"]),
    // JSDoc metadata and re-exports only
    "!src/functions/functions.ts",
    "!src/**/index.ts",
  ],
  // Earlier reports, screenshots and builds are not needed in the sandbox copy.
  ignorePatterns: ["test-artifacts", "dist", "out", "coverage", ".stryker-tmp*"],
  // event-recorder: each tested mutant as a file under events/ while the run goes on, so survivors can be read (and
  // tests written for them) before a run of hours ends.
  reporters: ["html", "json", "progress", "event-recorder"],
  eventReporter: { baseDir: `${out}/events` },
  htmlReporter: { fileName: `${out}/index.html` },
  jsonReporter: { fileName: `${out}/mutation.json` },
  // one per folder: runs of two folders at once neither share nor copy each other's sandboxes
  tempDirName: folder ? `.stryker-tmp-${folder}` : ".stryker-tmp",
  timeoutMS: 10000,
  cleanTempDir: "always",
};
