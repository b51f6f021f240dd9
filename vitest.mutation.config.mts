import { defineConfig } from "vitest/config";

// The tests a mutation run uses (stryker.config.mjs): all but the slow ones that drive LibreOffice, a browser, the
// built command or a production build. Those stay in `npm test`.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
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
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
