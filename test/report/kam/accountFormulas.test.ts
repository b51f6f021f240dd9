/**
 * accountFormulas (src/report/kam/accountFormulas.ts) called on its own: one builder per computed column the layout
 * has, and none for a column it lacks (the Accounts sheet writes a formula for each builder it is given).
 */
import { describe, expect, it } from "vitest";
import type { Cell } from "../../../samples/telecomAccounts";
import { accountFormulas } from "../../../src/report/kam/accountFormulas";
import { accountsLayout, type AccountsLayout, type ColumnKey } from "../../../src/report/kam/accountsSheet";
import { inputsSheet } from "../../../src/report/kam/inputsSheet";
import { accountsForReport } from "../../../src/report/kam/prepareReport";
import type { KpiId } from "../../../src/core";

/** The table, options, layout and input references buildReport hands accountFormulas for a hand-made table. */
function wiring(values: Cell[][]) {
  const { table, options } = accountsForReport({ sheet: "Account Data", top: 0, left: 0, values });
  const layout = accountsLayout(table, options);
  const { refs } = inputsSheet(table, options, {} as Record<KpiId, string>, undefined);
  return { table, options, layout, refs };
}

/** The same layout without one column, as a layout the caller made for fewer columns would be. */
function without(layout: AccountsLayout, key: ColumnKey): AccountsLayout {
  return { ...layout, columns: layout.columns.filter((c) => c.key !== key), has: (k) => k !== key && layout.has(k) };
}

describe("accountFormulas", () => {
  it("gives no Strength formula where there is neither relationship strength nor share of wallet", () => {
    const { table, options, layout, refs } = wiring([
      ["Account", "Revenue FY25", "Growth potential", "Strategic fit"],
      ["Atlas", 100, 4, 5],
      ["Borealis", 50, 2, 3],
    ]);
    expect(layout.has("strength")).toBe(false);
    const out = accountFormulas(table, options, layout, refs);
    expect(Object.keys(out).sort()).toEqual(["active", "attractiveness", "mainDriver"]);
    expect(out.strength).toBeUndefined();
  });

  it("gives no Main driver formula for a layout without that column, and keeps the Attractiveness one", () => {
    const { table, options, layout, refs } = wiring([
      ["Account", "Revenue FY25", "Growth potential", "Strategic fit"],
      ["Atlas", 100, 4, 5],
      ["Borealis", 50, 2, 3],
    ]);
    const full = accountFormulas(table, options, layout, refs);
    const fewer = without(layout, "mainDriver");
    const out = accountFormulas(table, options, fewer, refs);
    expect(Object.keys(out).sort()).toEqual(["active", "attractiveness"]);
    expect(out.mainDriver).toBeUndefined();
    expect(out.attractiveness!({ row: 2 })).toBe(full.attractiveness!({ row: 2 }));
    // every builder is for a column the layout has
    for (const key of Object.keys(out) as ColumnKey[]) expect(fewer.has(key)).toBe(true);
  });
});
