/**
 * The revenue KPIs' formulas (kpiFormulas.ts: gross and net revenue retention, revenue growth) evaluated by
 * HyperFormula on a small table worked by hand, and undefined where the table lacks the revenue or the prior revenue
 * column, as the core says (core/portfolio/kpis.ts: "needs a Revenue column", "needs a Prior revenue column").
 */
import { describe, expect, it } from "vitest";
import type { Cell } from "../../../samples/telecomAccounts";
import type { KpiId } from "../../../src/core";
import { accountsLayout } from "../../../src/report/kam/accountsSheet";
import { kpiFormula } from "../../../src/report/kam/kpiFormulas";
import { prepareReport } from "../../../src/report/kam/prepareReport";
import { withPlanEngine } from "../../support/planEngine";

const REVENUE_KPIS = ["GRR", "NRR", "RevenueGrowth"] as const satisfies readonly KpiId[];

const prepared = (values: Cell[][]) => prepareReport({ sheet: "Account Data", top: 0, left: 0, values });

describe("the revenue KPI formulas", () => {
  it("give gross and net revenue retention and revenue growth as worked by hand", () => {
    const { report } = prepared([
      ["Account", "Status", "Revenue FY25", "Prior revenue"],
      ["Atlas", "Active", 1200, 1000],
      ["Borealis", "Active", 300, 500],
      ["Cygnus", "Churned", 400, 500],
      ["Draco", "Active", 200, null],
    ]);
    // By hand: at start Atlas, Borealis, Cygnus (prior 2000). GRR: min(1200, 1000) + 300 + 0 (churned) = 1300 / 2000.
    // NRR: 1200 + 300 + 0 = 1500 / 2000. Growth: active revenue 1700 / prior 2000 − 1.
    const want = { GRR: 0.65, NRR: 0.75, RevenueGrowth: -0.15 };
    withPlanEngine(report!.plan, (e) => {
      for (const id of REVENUE_KPIS) {
        const name = report!.plan.names!.find((n) => n.name === `KPI_${id}`)!;
        const [, sheet, col, row] = /^'(.+)'!\$([A-Z]+)\$(\d+)$/.exec(name.refersTo)!;
        expect(e.value(sheet, `${col}${row}`) as number, id).toBeCloseTo(want[id], 12);
        expect(report!.kpis.find((k) => k.id === id)!.value!, id).toBeCloseTo(want[id], 12);
      }
    });
  });

  it.each([
    ["without a prior revenue column", ["Account", "Status", "Revenue FY25"], [1200, 300]],
    ["without a revenue column", ["Account", "Status", "Prior revenue"], [1000, 500]],
  ])("are undefined %s, as the core's KPIs", (_, headers, amounts) => {
    const { table, options, report } = prepared([
      headers,
      ["Atlas", "Active", amounts[0]],
      ["Borealis", "Active", amounts[1]],
    ]);
    const layout = accountsLayout(table, options);
    for (const id of REVENUE_KPIS) {
      expect(kpiFormula(id, layout, table), id).toBeUndefined();
      expect(report!.kpis.find((k) => k.id === id)!.value, id).toBeUndefined();
    }
  });
});
