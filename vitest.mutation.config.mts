import { defineConfig } from "vitest/config";

// The tests a mutation run uses (stryker.config.mjs): all but the slow ones that drive LibreOffice, a browser, the
// built command or a production build. Those stay in `npm test`. KAM_MUTATE_TESTS (comma-separated test folders, set
// by scripts/mutate.mjs for a one-folder run) narrows them to that folder's own tests.
const folders = process.env.KAM_MUTATE_TESTS?.split(",").filter(Boolean) ?? ["test"];

export default defineConfig({
  test: {
    include: folders.flatMap((f) => [`${f}/**/*.test.ts`, `${f}/**/*.test.tsx`]),
    exclude: [
      "**/node_modules/**",
      "test/**/*.libreoffice.test.ts",
      "test/xlsx/libreoffice.test.ts",
      "test/xlsx/chartAxes.test.ts",
      "test/cli/kam.e2e.test.ts",
      "test/build/**",
      "test/browser/**",
      // the taskpane in Chromium over a development build (seconds per run, and a build inside the sandbox)
      "test/**/*.browser.test.ts",
    ],
    environment: "node",
    // One module graph for all the test files a mutant runs: with isolation each file imported the report, HyperFormula
    // and exceljs again (most of a report mutant's 7 s). Mutants are switched at run time, not at import, and tests
    // build their values inside \`it\` (lint enforces it), so sharing modules changes no verdict.
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
