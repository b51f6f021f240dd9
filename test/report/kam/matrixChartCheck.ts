/**
 * The matrix chart's series cells (matrixChart.ts) as LibreOffice computed them, for the tests that recalculate a
 * whole KAM workbook: each drawn account's attractiveness in the series of its segment, #N/A in the others. #N/A is
 * how a scatter or bubble series leaves a point out, so it is the one error value a KAM workbook holds on purpose.
 */
import { expect } from "vitest";
import { columnLetters } from "../../../src/core";
import { cellsOf } from "../../../src/report/cellRefs";
import type { WorkbookPlan } from "../../../src/report/plan";
import type { RecalculatedWorkbook } from "../../support/libreoffice";

const MATRIX = "Portfolio Matrix";
const close = (a: unknown, b: number) => typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** The matrix chart's series y-value cells, "sheet!address" (none when the plan has no matrix chart). */
function seriesCells(plan: WorkbookPlan): { address: string; series: number; point: number }[] {
  const chart = plan.sheets
    .find((s) => s.name === MATRIX)
    ?.charts?.find((c) => c.kind === "bubble" || c.kind === "scatter");
  return (chart?.series ?? []).flatMap((s, k) =>
    cellsOf(s.values).map((ref, p) => ({ address: `${columnLetters(ref.col - 1)}${ref.row}`, series: k, point: p })),
  );
}

/**
 * Every series cell against the core: `drawn` the chart's accounts in order (chartAccounts), `scores` the core's
 * attractiveness and segment per account (after an edit, the core's for the edited table).
 */
export function expectChartSeries(
  wb: RecalculatedWorkbook,
  plan: WorkbookPlan,
  drawn: readonly number[],
  scores: { readonly attractiveness: Float64Array; readonly segment: Int8Array },
): void {
  const cells = seriesCells(plan);
  expect(cells.length).toBeGreaterThan(0);
  let points = 0;
  for (const { address, series, point } of cells) {
    const got = wb.value(MATRIX, address);
    const i = drawn[point];
    if (scores.segment[i] === series) {
      expect(close(got, scores.attractiveness[i]), `series ${series} ${address}: ${JSON.stringify(got)}`).toBe(true);
      points++;
    } else expect(got, `series ${series} ${address}`).toEqual({ error: "#N/A" });
  }
  // Each account drawn once.
  expect(points).toBe(drawn.length);
}

/** Error values anywhere but the #N/A of the matrix chart's series cells. */
export function errorsBesideChart(wb: RecalculatedWorkbook, plan: WorkbookPlan) {
  const series = new Set(seriesCells(plan).map((c) => `${MATRIX}!${c.address}`));
  return wb.errors().filter((e) => !(e.error === "#N/A" && series.has(`${e.sheet}!${e.address}`)));
}
