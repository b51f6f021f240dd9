/**
 * The parts chart's data evaluated by HyperFormula: each criterion's cell holds the score points the criterion gives
 * the account (100·w·(x − min) / ((max − min)·Σ w over the rated criteria), blank where unrated), so a bar is as long
 * as the account's attractiveness; after the analyst edits a weight on KAM Inputs, the points follow.
 */
import { describe, expect, it } from "vitest";
import { columnLetters } from "../../../src/core";
import { cellsOf } from "../../../src/report/cellRefs";
import { prepareReport } from "../../../src/report/kam/prepareReport";
import { withPlanEngine } from "../../support/planEngine";
import { CHART_TABLE } from "./chartInputs";

const MATRIX = "Portfolio Matrix";

describe("the parts chart's data in HyperFormula", () => {
  it("holds each criterion's score points, summing to the attractiveness, and follows a weight", () => {
    const { report } = prepareReport({ sheet: "Account Data", top: 0, left: 0, values: CHART_TABLE });
    const plan = report!.plan;
    const chart = plan.sheets.find((s) => s.name === MATRIX)!.charts!.find((c) => c.kind === "stackedBar")!;
    const at = (ref: { row: number; col: number }) => `${columnLetters(ref.col - 1)}${ref.row}`;
    withPlanEngine(plan, (e) => {
      /** Each drawn account's name, its points per criterion (rounded to 0.01) and its attractiveness cell's value. */
      const bars = () =>
        cellsOf(chart.series[0].categories!).map((c, p) => [
          e.value(MATRIX, at(c)),
          ...chart.series.map((s) => {
            const v = e.value(MATRIX, at(cellsOf(s.values)[p]));
            return typeof v === "number" ? Math.round(v * 100) / 100 : v;
          }),
          e.value(MATRIX, at({ row: c.row, col: c.col + chart.series.length + 1 })),
        ]);
      // Equal weights on a 1–5 scale: Atlas (5, 4, 3) 100·4/12, 100·3/12, 100·2/12; Cygnus (2, blank, 4) over two
      // rated criteria 100·1/8, 100·3/8; Draco rated 1 throughout.
      expect(bars()).toEqual([
        ["Draco", 0, 0, 0, 0],
        ["Cygnus", 12.5, "", 37.5, 50],
        ["Atlas", 33.33, 25, 16.67, 75],
      ]);
      // Growth potential weighs 3: Atlas 100·3·4/20, 100·3/20, 100·2/20 (85); Cygnus 100·3·1/16, 100·3/16 (37.5).
      e.set("KAM Inputs", "B6", 3);
      expect(bars()).toEqual([
        ["Draco", 0, 0, 0, 0],
        ["Cygnus", 18.75, "", 18.75, 37.5],
        ["Atlas", 60, 15, 10, 85],
      ]);
    });
  });
});
