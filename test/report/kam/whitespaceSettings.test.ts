/**
 * The product block through prepareReport, as `kam` and the taskpane build: saved with the settings by header, and a
 * rebuild from saved settings keeps it, keeps "none", or takes the columns the settings name.
 */
import { describe, expect, it } from "vitest";
import type { TableInput } from "../../../src/core";
import { prepareReport } from "../../../src/report/kam/prepareReport";
import { sampleValues } from "../../fixtures/kamSample";

const input = (): TableInput => ({ sheet: "Account Data", top: 0, left: 0, values: sampleValues({ count: 60 }) });
const NOW = new Date("2026-12-02T08:00:00Z");
const sheetNames = (r: ReturnType<typeof prepareReport>) => r.report!.plan.sheets.map((s) => s.name);

describe("the product block in prepareReport", () => {
  it("is detected, saved by header, and a rebuild from the saved settings makes the same Whitespace sheet", () => {
    const first = prepareReport(input(), { now: NOW });
    // The sample's six "Product: …" columns (samples/telecomAccounts.ts), left to right.
    expect(first.settings.products).toEqual([
      "Product: Connectivity",
      "Product: Mobile fleet",
      "Product: Cloud voice",
      "Product: SD-WAN",
      "Product: Security",
      "Product: IoT & telematics",
    ]);
    expect(sheetNames(first)).toContain("Whitespace");
    const again = prepareReport(input(), { now: NOW, saved: first.settings });
    expect(again.settings).toEqual(first.settings);
    const ws = (r: ReturnType<typeof prepareReport>) => r.report!.plan.sheets.find((s) => s.name === "Whitespace");
    expect(ws(again)).toEqual(ws(first));
  });

  it("keeps none as none: no Whitespace sheet, said in words, and none saved again", () => {
    const saved = { ...prepareReport(input(), { now: NOW }).settings, products: [] };
    const rebuilt = prepareReport(input(), { now: NOW, saved });
    expect(sheetNames(rebuilt)).not.toContain("Whitespace");
    expect(rebuilt.report!.notes).toContain(
      'Whitespace left out: needs product revenue columns, one per product ("Product: Connectivity", …).',
    );
    expect(rebuilt.settings.products).toEqual([]);
  });

  it("takes the columns the settings name, and says which named column is gone", () => {
    const saved = {
      ...prepareReport(input(), { now: NOW }).settings,
      products: ["Product: Security", "Product: Fibre"],
    };
    const rebuilt = prepareReport(input(), { now: NOW, saved });
    expect(rebuilt.table.productRevenue!.map((p) => p.product)).toEqual(["Security"]);
    expect(rebuilt.notes).toContain(
      'The saved product column "Product: Fibre" is not in the selected table; the whitespace leaves it out.',
    );
  });
});
