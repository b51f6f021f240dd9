/**
 * The Portfolio Matrix's charts as planned (matrixChart.ts, partsChart.ts, matrixSheet.ts): the bubble chart draws a
 * series per segment in the segment table's colours from live =IF(Quadrant=segment, attractiveness, NA()) columns,
 * names at most 10 accounts on sides where the names do not cover each other, keeps a scatter chart without revenue;
 * the parts chart's header row is tall enough for its wrapped criterion names; nothing on the sheet overlaps.
 */
import { describe, expect, it } from "vitest";
import type { ChartPlan, PlanCell, SheetPlan } from "../../../src/report/plan";
import { boxOf, cellsOf, cellIndex } from "../../../src/report/cellRefs";
import { planCellAt, rowOf, sheetBlocks } from "../../../src/report/planCells";
import { validatePlan } from "../../../src/report/planValidation";
import { MATRIX_CHART_LABELS } from "../../../src/report/kam/matrixChart";
import { SEGMENT_COLOURS_2X2, SEGMENT_COLOURS_3X3, wrappedLines } from "../../../src/report/kam/look";
import { runSample } from "../../fixtures/kamSample";

const matrixOf = (plan: { sheets: readonly SheetPlan[] }) => plan.sheets.find((s) => s.name === "Portfolio Matrix")!;
const at = (sheet: SheetPlan, ref: string): PlanCell => {
  const { row, col } = cellIndex(ref);
  return planCellAt(sheet, row, col);
};
const formula = (c: PlanCell) => (typeof c === "object" && c !== null ? c.f : undefined);

describe("the portfolio matrix chart", () => {
  /** The messy, hostile sample's report, its matrix sheet and bubble chart, built inside each test that reads them. */
  const sample = () => {
    const { table, options, report } = runSample({ messy: true, hostile: true });
    const sheet = matrixOf(report.plan);
    const chart = sheet.charts!.find((c) => c.kind === "bubble")!;
    return { table, options, report, sheet, chart };
  };

  it("draws one series per segment, named and coloured as the segment table, with a legend", () => {
    const { options, report, sheet, chart } = sample();
    expect(validatePlan(report.plan)).toEqual([]);
    expect(chart.series.map((s) => s.name)).toEqual(options.segments.map((s) => s.name));
    expect(chart.series.map((s) => s.color)).toEqual([...SEGMENT_COLOURS_2X2]);
    // The segment table colours its names the same way, row by row.
    options.segments.forEach((_, k) =>
      expect(sheet.styles!.find((s) => s.range === `A${6 + k}`)?.fill).toBe(SEGMENT_COLOURS_2X2[k]),
    );
    expect(chart.legend).toBe("bottom");
    expect(chart.title).toBe("Portfolio matrix: the 40 largest accounts (bubble size: revenue)");
    expect(chart.from).toBe("I4");
    expect(chart.to).toBe("Q32");
    expect(chart.bubbleScale).toBe(30);
    // Every series shares the accounts' x values, sizes and labels; only its y values are its own.
    for (const part of ["categories", "sizes", "labels"] as const)
      expect(new Set(chart.series.map((s) => s[part])).size, part).toBe(1);
    expect(new Set(chart.series.map((s) => s.values)).size).toBe(chart.series.length);
  });

  it("takes each series' y values from live formulas: the attractiveness where the Quadrant is its segment, else #N/A", () => {
    const { sheet, chart } = sample();
    const header = 5;
    chart.series.forEach((s, k) => {
      const column = cellsOf(s.values)[0].col;
      const letter = s.values.replace(/\d.*$/, "");
      // The header is the segment's live name from KAM Inputs, as the segment table's.
      expect(formula(planCellAt(sheet, header, column))).toBe(formula(at(sheet, `A${6 + k}`)));
      for (const { row } of cellsOf(s.values)) {
        expect(formula(planCellAt(sheet, row, column))).toBe(`IF($X${row}=${letter}$${header},$V${row},NA())`);
      }
    });
    // X holds each account's Quadrant and V its attractiveness, from the Accounts sheet.
    expect(formula(at(sheet, "X6"))).toMatch(/^'?Accounts'?!\$[A-Z]+\$\d+$/);
    expect(at(sheet, "X5")).toBe("Quadrant");
    expect(at(sheet, "V5")).toBe("Attractiveness");
    expect(cellsOf(chart.series[0].categories!)[0]).toEqual(cellIndex("U6"));
  });

  it("names at most 10 accounts, the largest whose name has room, each in the series it is drawn in", () => {
    const { table, options, report, sheet, chart } = sample();
    const labels = cellsOf(chart.series[0].labels!);
    const names = labels.map(({ row, col }) => planCellAt(sheet, row, col));
    const accounts = labels.map(({ row }) => planCellAt(sheet, row, cellIndex("T1").col));
    const named = names.flatMap((n, p) => (n === null ? [] : [p]));
    expect(named.length).toBeGreaterThan(5);
    expect(named.length).toBeLessThanOrEqual(MATRIX_CHART_LABELS);
    // The largest account always has room; a name, where given, is the account's own.
    expect(named[0]).toBe(0);
    for (const p of named) expect(names[p]).toBe(accounts[p]);
    // Office.js labels point by point: each named account once, in the series of its segment when built.
    const segmentOf = (p: number) => options.segments.findIndex((s) => s.name === segmentName(p));
    const segmentName = (p: number) => {
      const i = table.labels.account!.indexOf(accounts[p] as string);
      return options.segments[report.metrics.segment[i]].name;
    };
    chart.series.forEach((s, k) => expect(s.labelPoints).toEqual(named.filter((p) => segmentOf(p) === k)));
    // Every series gives the same side to a point, right for an unnamed one.
    for (const s of chart.series) expect(s.labelPositions).toEqual(chart.series[0].labelPositions);
    expect(new Set(chart.series[0].labelPositions!.filter((_, p) => !named.includes(p)))).toEqual(new Set(["right"]));
    expect(new Set(named.map((p) => chart.series[0].labelPositions![p])).size).toBeGreaterThan(1);
  });

  it("keeps a scatter chart, a series per segment, where there is no revenue column", () => {
    const drop = ["Revenue FY25", "Revenue FY24", "Revenue FY23"];
    const run = runSample({ count: 120, seed: 5, drop });
    expect(validatePlan(run.report.plan)).toEqual([]);
    const scatter = matrixOf(run.report.plan).charts![0];
    expect(scatter.kind).toBe("scatter");
    expect(scatter.title).toBe("Portfolio matrix: the 40 most attractive accounts");
    expect(scatter.bubbleScale).toBeUndefined();
    expect(scatter.series.map((s) => [s.name, s.color, s.sizes])).toEqual(
      run.options.segments.map((s, k) => [s.name, SEGMENT_COLOURS_2X2[k], undefined]),
    );
  });

  it("draws nine series in the 3×3 grid's colours", () => {
    const run = runSample({ count: 150, seed: 3, choices: { grid: 3 } });
    expect(validatePlan(run.report.plan)).toEqual([]);
    const grid = matrixOf(run.report.plan).charts![0];
    expect(grid.series.map((s) => [s.name, s.color])).toEqual(
      run.options.segments.map((s, k) => [s.name, SEGMENT_COLOURS_3X3[k]]),
    );
    expect(grid.crossAt).toBeUndefined();
  });
});

describe("the Portfolio Matrix sheet", () => {
  /** The messy, hostile sample's matrix sheet, built inside each test that reads it. */
  const matrixSheet = () => matrixOf(runSample({ messy: true, hostile: true }).report.plan);

  it("gives the parts chart's header row the height its wrapped criterion names need", () => {
    const sheet = matrixSheet();
    const parts = sheet.charts!.find((c) => c.kind === "stackedBar")!;
    const head = cellsOf(parts.series[0].values)[0].row - 1;
    const first = cellsOf(parts.series[0].categories!)[0].col;
    const headers: string[] = [];
    for (let col = first; planCellAt(sheet, head, col) !== null; col++)
      headers.push(String(planCellAt(sheet, head, col)));
    expect(headers).toEqual(["Account", ...parts.series.map((s) => s.name), "Attractiveness"]);
    const width = (col: number) => sheet.columnWidths![String.fromCharCode(64 + col)] ?? 8.43;
    const lines = Math.max(...headers.map((h, j) => wrappedLines(h, width(first + j))));
    expect(lines).toBeGreaterThan(1);
    expect(sheet.rowHeights![head]).toBeGreaterThanOrEqual(15 * lines);
    // Criterion columns wide enough that no word of the sample's criteria breaks.
    parts.series.forEach((s, j) =>
      expect(width(first + 1 + j), s.name).toBeGreaterThan(Math.max(...s.name.split(" ").map((w) => w.length))),
    );
  });

  it("puts no two blocks on the same cell and no cell under a chart", () => {
    const sheet = matrixSheet();
    const seen = new Map<string, number>();
    const charts = sheet.charts!.map((c: ChartPlan) => boxOf(`${c.from}:${c.to}`));
    sheetBlocks(sheet).forEach((b, n) => {
      const { row, col } = cellIndex(b.at);
      for (let k = 0; rowOf(b.rows, k); k++) {
        rowOf(b.rows, k)!.forEach((cell, j) => {
          if (cell === null) return;
          const key = `${row + k},${col + j}`;
          expect(seen.get(key), `block ${n} at ${b.at} writes over block ${seen.get(key)} at ${key}`).toBeUndefined();
          seen.set(key, n);
          for (const c of charts) {
            const inside = row + k >= c.top && row + k <= c.bottom && col + j >= c.left && col + j <= c.right;
            expect(inside, `block ${n} at ${b.at} has a cell under a chart at ${key}`).toBe(false);
          }
        });
      }
    });
  });
});
