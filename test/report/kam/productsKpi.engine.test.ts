/**
 * The cross-sell ratio from the product block where no products count column exists (kpiFormulas.ts,
 * ProductsPerAccount without "products"), evaluated by HyperFormula against the core and its definition; text typed
 * over a product revenue afterwards is no product owned. (With a products column the KPI is AVERAGEIFS, which
 * HyperFormula lacks: kpiFormulas.engine.test.ts checks it with the test engine's AVERAGEIFS.)
 */
import { describe, expect, it } from "vitest";
import { columnLetters, portfolioKpis } from "../../../src/core";
import type { SheetPlan } from "../../../src/report/plan";
import { planCellAt } from "../../../src/report/planCells";
import { runSample } from "../../fixtures/kamSample";
import { planEngine } from "../../support/planEngine";

const close = (a: unknown, b: number) => typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe("products per active account from the product block, in HyperFormula", () => {
  it("is the mean over active accounts of the products with revenue above 0, as the core says, and follows edits", () => {
    const { table, options, report } = runSample({ count: 60, seed: 9, drop: ["Products"] });
    expect(table.numbers.products).toBeUndefined();
    const { metrics, kpis } = portfolioKpis(table, options);
    // From the definition: Σ over active accounts of the products owned, over the active accounts.
    const owned = (i: number, skip?: (j: number) => boolean) =>
      table.productRevenue!.filter((p, j) => !skip?.(j) && p.values[i] > 0).length;
    const active = [...Array(table.count).keys()].filter((i) => metrics.active[i] === 1);
    const mean = active.reduce((t, i) => t + owned(i), 0) / active.length;
    expect(kpis.find((k) => k.id === "ProductsPerAccount")!.value).toBeCloseTo(mean, 12);
    const name = report.plan.names!.find((n) => n.name === "KPI_ProductsPerAccount")!;
    const [, sheet, col, row] = /^'(.+)'!\$([A-Z]+)\$(\d+)$/.exec(name.refersTo)!;
    const engine = planEngine(report.plan.sheets as SheetPlan[]);
    try {
      expect(close(engine.value(sheet, `${col}${row}`), mean), `${engine.value(sheet, `${col}${row}`)}`).toBe(true);
      // An active owner of the first product has "n/a" typed over its revenue: one product fewer.
      const i = active.find((k) => table.productRevenue![0].values[k] > 0)!;
      const accounts = report.plan.sheets.find((s) => s.name === "Accounts")!;
      let c = 1;
      while (planCellAt(accounts, 1, c) !== table.productRevenue![0].header) c++;
      engine.set("Accounts", `${columnLetters(c - 1)}${i + 2}`, "n/a");
      const after = active.reduce((t, k) => t + owned(k, (j) => k === i && j === 0), 0) / active.length;
      expect(after).toBeCloseTo(mean - 1 / active.length, 12);
      expect(close(engine.value(sheet, `${col}${row}`), after)).toBe(true);
    } finally {
      engine.destroy();
    }
  });
});
