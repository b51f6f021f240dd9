/**
 * The matrix chart's data evaluated by HyperFormula against the core: each segment's column holds an account's
 * attractiveness exactly where the core puts the account in that segment, and #N/A (not drawn) elsewhere; after the
 * analyst types a new attractiveness cut-off into KAM Inputs, the points move to the series of the segment the core
 * gives for the new cut-off. The fast counterpart of the LibreOffice test's check of the same columns.
 */
import { describe, expect, it } from "vitest";
import { columnLetters, segmentIndex } from "../../../src/core";
import { cellsOf } from "../../../src/report/cellRefs";
import { chartAccounts } from "../../../src/report/kam/matrixChart";
import { planRows } from "../../../src/report/planCells";
import { withPlanEngine, type PlanEngine } from "../../support/planEngine";
import { runSample } from "../../fixtures/kamSample";

const MATRIX = "Portfolio Matrix";
const close = (a: unknown, b: number) => typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const isNa = (v: unknown) => typeof v === "object" && v !== null && (v as { type?: string }).type === "NA";

describe("the matrix chart's series in HyperFormula, against the core", () => {
  for (const grid of [2, 3] as const) {
    it(`draws each account in its segment's series only, and moves it when a cut-off changes (${grid}×${grid})`, () => {
      const { table, options, report } = runSample({ count: 90, seed: 20 + grid, messy: true, choices: { grid } });
      const { metrics, plan } = report;
      const chart = plan.sheets.find((s) => s.name === MATRIX)!.charts!.find((c) => c.kind === "bubble")!;
      const drawn = chartAccounts(table, metrics, options.topN);
      expect(chart.series).toHaveLength(options.segments.length);
      const at = (ref: { row: number; col: number }) => `${columnLetters(ref.col - 1)}${ref.row}`;

      /** Every series point against the segment `segmentOf` gives each drawn account; how many are drawn. */
      const expectSeries = (e: PlanEngine, segmentOf: (i: number) => number) => {
        const drawnPer = chart.series.map(() => 0);
        chart.series.forEach((s, k) => {
          const ys = cellsOf(s.values);
          const xs = cellsOf(s.categories!);
          expect(ys).toHaveLength(drawn.length);
          drawn.forEach((i, p) => {
            const y = e.value(MATRIX, at(ys[p]));
            expect(close(e.value(MATRIX, at(xs[p])), metrics.strength[i]), `x of ${at(xs[p])}`).toBe(true);
            if (segmentOf(i) === k) {
              expect(close(y, metrics.attractiveness[i]), `${s.name} ${at(ys[p])}: ${JSON.stringify(y)}`).toBe(true);
              drawnPer[k]++;
            } else expect(isNa(y), `${s.name} ${at(ys[p])}: ${JSON.stringify(y)}`).toBe(true);
          });
        });
        // Each account is drawn exactly once.
        expect(drawnPer.reduce((a, b) => a + b, 0)).toBe(drawn.length);
        return drawnPer;
      };

      withPlanEngine(plan, (e) => {
        const before = expectSeries(e, (i) => metrics.segment[i]);
        expect(before.filter((n) => n > 0).length).toBeGreaterThan(1);
        // The analyst raises the (top) attractiveness cut-off on KAM Inputs: some accounts move down a segment.
        const inputs = plan.sheets.find((s) => s.name === "KAM Inputs")!;
        const rows = planRows(inputs, { top: 1, bottom: 80, left: 1, right: 4 });
        const r = rows.findIndex((row) => String(row[0]).startsWith("Attractiveness cut-off"));
        expect(r).toBeGreaterThanOrEqual(0);
        const cuts = [...options.cuts.attractiveness];
        cuts[cuts.length - 1] = 72;
        e.set("KAM Inputs", `${columnLetters(cuts.length)}${r + 1}`, 72);
        const moved = (i: number) =>
          segmentIndex(metrics.attractiveness[i], metrics.strength[i], cuts, options.cuts.strength);
        expect(drawn.some((i) => moved(i) !== metrics.segment[i])).toBe(true);
        expectSeries(e, moved);
      });
    });
  }
});
