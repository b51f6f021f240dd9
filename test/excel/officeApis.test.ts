/**
 * docs/office-js-apis.md lists every Office.js member src/excel calls, with its requirement set and reference page:
 * a call added without a row, a row left after its call went, or a set that differs from @types/office-js fails here.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { officeApisUsed, referencePage, requirementSets } from "./officeApiList";

const doc = readFileSync(resolve(__dirname, "../../docs/office-js-apis.md"), "utf8");
const rows = [...doc.matchAll(/^\| (\w+\.\w+) \| ([^|]+?) \| \[[^\]]+\]\(([^)]+)\) \|$/gm)].map(
  ([, api, set, url]) => ({
    api,
    set,
    url,
  }),
);

describe("the Office.js checklist in docs/office-js-apis.md", () => {
  // collection-time: the TypeScript compiler reads src/excel's source text (no src/ code runs), once, for seconds.
  const used = officeApisUsed();

  it("lists every member src/excel reaches, and nothing it no longer does", () => {
    expect(rows.map((r) => r.api).sort()).toEqual(used);
  });

  it("gives each the requirement set of @types/office-js and its reference page", () => {
    const sets = requirementSets();
    for (const row of rows) {
      expect([row.api, row.set]).toEqual([row.api, sets.get(row.api)]);
      expect([row.api, row.url]).toEqual([row.api, referencePage(row.api)]);
    }
  });

  it("needs nothing newer than ExcelApi 1.10 but the separators, which readSelection checks for", () => {
    const newer = rows.filter((r) => /^ExcelApi 1\.(1[1-9]|[2-9]\d)$/.test(r.set)).map((r) => r.api);
    expect(newer).toEqual(["Application.decimalSeparator", "Application.thousandsSeparator"]);
    expect(readFileSync(resolve(__dirname, "../../src/excel/readSelection.ts"), "utf8")).toContain(
      'supported("ExcelApi", "1.11")',
    );
  });
});
