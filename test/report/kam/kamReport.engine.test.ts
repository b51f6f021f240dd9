/**
 * The KAM workbook's Accounts formulas and KPI formulas evaluated in-process by HyperFormula, against the core: the
 * fast counterpart of the LibreOffice test (which also covers what HyperFormula lacks: AGGREGATE, AVERAGEIFS), so a
 * mutation run, which leaves LibreOffice out, still sees every Accounts column and most KPIs checked.
 */
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { columnLetters, type Kpi } from "../../../src/core";
import type { WorkbookPlan } from "../../../src/report/plan";
import { rowOf, sheetBlocks } from "../../../src/report/planCells";
import { cellIndex } from "../../../src/report/cellRefs";
import { runSample } from "../../fixtures/kamSample";
import { planGrids } from "../../support/planEngine";

/** A plan's sheets in plain HyperFormula (without the test engine's AGGREGATE: the formulas it lacks stay unchecked). */
function engine(plan: WorkbookPlan) {
  const sheets = planGrids(plan.sheets);
  const hf = HyperFormula.buildFromSheets(sheets, {
    licenseKey: "gpl-v3",
    useArrayArithmetic: true,
    smartRounding: false,
  });
  return {
    value(sheet: string, address: string) {
      const { row, col } = cellIndex(address);
      return hf.getCellValue({ sheet: hf.getSheetId(sheet)!, row: row - 1, col: col - 1 });
    },
    destroy: () => hf.destroy(),
  };
}

const close = (a: unknown, b: number) => typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe("the KAM workbook in HyperFormula", () => {
  for (const grid of [2, 3] as const) {
    it(`computes every account's metrics and the KPIs as the core does (${grid}×${grid} grid)`, () => {
      const { table, options, report } = runSample({
        count: 80,
        seed: 11 + grid,
        messy: true,
        hostile: true,
        choices: { grid },
      });
      const hf = engine(report.plan);
      const headers = report.plan.sheets.find((s) => s.name === "Accounts")!;
      const header = sheetBlocks(headers).flatMap((b) =>
        cellIndex(b.at).row === 1
          ? [...(rowOf(b.rows, 0) ?? [])].map((h, j) => [String(h), columnLetters(cellIndex(b.at).col - 1 + j)])
          : [],
      );
      const col = Object.fromEntries(header);
      const { metrics } = report;
      for (let i = 0; i < table.count; i++) {
        const r = i + 2;
        const v = (h: string) => hf.value("Accounts", `${col[h]}${r}`);
        expect(v("Active"), `Active ${r}`).toBe(metrics.active[i] === 1);
        for (const [h, x] of [
          ["Attractiveness", metrics.attractiveness[i]],
          ["Strength", metrics.strength[i]],
          ["Margin", metrics.margin[i]],
          ["CLV", metrics.clv[i]],
          ["Revenue change", metrics.revenueChange[i]],
        ] as const) {
          if (Number.isNaN(x)) expect(v(h), `${h} ${r}`).toBe("");
          else expect(close(v(h), x), `${h} ${r}: ${JSON.stringify(v(h))} vs ${x}`).toBe(true);
        }
        const k = metrics.segment[i];
        expect(v("Quadrant"), `Quadrant ${r}`).toBe(k < 0 ? "" : options.segments[k].name);
        expect(v("At risk"), `At risk ${r}`).toBe(metrics.atRisk[i] === 1);
      }
      // Every KPI HyperFormula can compute (it has no AVERAGEIFS: products per account is the LibreOffice test's).
      const names = new Map((report.plan.names ?? []).map((n) => [n.name, n.refersTo]));
      let checked = 0;
      for (const k of report.kpis.filter((x: Kpi) => x.value !== undefined && x.id !== "ProductsPerAccount")) {
        const m = /^'(.+)'!\$([A-Z]+)\$(\d+)$/.exec(names.get(`KPI_${k.id}`)!)!;
        const got = hf.value(m[1], `${m[2]}${m[3]}`);
        expect(close(got, k.value!), `KPI_${k.id}: ${JSON.stringify(got)} vs ${k.value}`).toBe(true);
        checked++;
      }
      expect(checked).toBe(10);
      hf.destroy();
    });
  }
});
