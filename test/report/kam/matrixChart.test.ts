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
import { chartAccounts, MATRIX_CHART_LABELS, matrixChart } from "../../../src/report/kam/matrixChart";
import {
  header as headerStyle,
  section,
  SEGMENT_COLOURS_2X2,
  SEGMENT_COLOURS_3X3,
  wrappedLines,
} from "../../../src/report/kam/look";
import { runSample } from "../../fixtures/kamSample";
import { CHART_TABLE, chartInputs, scoresOf, without } from "./chartInputs";

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

  it("gives the parts chart's header row columns wide enough for one line, so the row keeps its list's height", () => {
    const sheet = matrixSheet();
    const parts = sheet.charts!.find((c) => c.kind === "stackedBar")!;
    const head = cellsOf(parts.series[0].values)[0].row - 1;
    const first = cellsOf(parts.series[0].categories!)[0].col;
    const headers: string[] = [];
    for (let col = first; planCellAt(sheet, head, col) !== null; col++)
      headers.push(String(planCellAt(sheet, head, col)));
    expect(headers).toEqual(["Account", ...parts.series.map((s) => s.name), "Attractiveness"]);
    const width = (col: number) => sheet.columnWidths![String.fromCharCode(64 + col)] ?? 8.43;
    expect(headers.map((h, j) => wrappedLines(h, width(first + j)))).toEqual(headers.map(() => 1));
    // the row is one of a segment list's on the left: no taller than a plain row or the list header it may be
    expect(sheet.rowHeights![head] ?? 15).toBeLessThanOrEqual(30);
    expect(planCellAt(sheet, head, 1)).not.toBeNull();
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

describe("matrixChart on a table worked by hand", () => {
  /** The data block at S4 (title), S5 (header), the chart at I4:Q32, as the matrix sheet places them. */
  const PLACE = { left: 18, top: 4, from: "I4", to: "Q32" } as const;
  const COLOURS = ["AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD"];
  const NONE = { blocks: [], styles: [], columnWidths: {}, rows: 0, notes: [] };
  /** Account row r's segment column `c` (Z to AC): its attractiveness (V) where its Quadrant (X) is the segment. */
  const inSegment = (c: string, r: number) => ({ f: `IF($X${r}=${c}$5,$V${r},NA())` });
  const segmentCells = (r: number) => ["Z", "AA", "AB", "AC"].map((c) => inSegment(c, r));
  const segmentHeads = [22, 23, 24, 25].map((r) => ({ f: `'KAM Inputs'!$B$${r}` }));
  /** The plan's chart, its per-series parts given. */
  const chartOf = (kind: string, title: string, series: object[], extra: object) => ({
    kind,
    title,
    from: "I4",
    to: "Q32",
    series,
    xAxisTitle: "Relative strength (0–100)",
    yAxisTitle: "Account attractiveness (0–100)",
    xAxis: { min: 0, max: 100, numberFormat: "0" },
    yAxis: { min: 0, max: 100, numberFormat: "0" },
    crossAt: { x: 50, y: 50 },
    ...extra,
    legend: "bottom",
  });
  /** Each segment's series over accounts in rows 6–8; Atlas and Cygnus (both Strategic) named. */
  const seriesOf = (sizes: boolean) =>
    ["Strategic", "Star", "Status", "Streamline"].map((name, k) => ({
      name,
      categories: "U6:U8",
      values: `${["Z", "AA", "AB", "AC"][k]}6:${["Z", "AA", "AB", "AC"][k]}8`,
      ...(sizes ? { sizes: "W6:W8" } : {}),
      labels: "Y6:Y8",
      labelPoints: k === 0 ? [0, 1] : [],
      labelPositions: ["right", "left", "right"],
      color: COLOURS[k],
    }));

  it("lists the largest active accounts by revenue with live scores, Quadrant and segment columns", () => {
    const { table, options, metrics, layout, inputs } = chartInputs();
    const m = matrixChart(table, options, metrics, layout, inputs, COLOURS, PLACE);
    // Atlas (1000), Cygnus (800), Draco (300); Borealis is churned. Accounts: revenue B, attractiveness I, strength K,
    // Quadrant L. Draco's point at (0, 0) leaves its name no room inside the plot.
    expect(m.blocks).toEqual([
      {
        at: "S4",
        rows: [
          [
            "Chart data: the 3 largest accounts by revenue when built. A segment's column holds the attractiveness of " +
              "its accounts and #N/A (not drawn) for the others.",
          ],
        ],
      },
      {
        at: "S5",
        rows: [
          ["#", "Account", "Strength", "Attractiveness", "Revenue", "Quadrant", "Named on chart", ...segmentHeads],
          // prettier-ignore
          [1, "Atlas", { f: "'Accounts'!$K$2" }, { f: "'Accounts'!$I$2" }, { f: "N('Accounts'!$B$2)" }, { f: "'Accounts'!$L$2" }, "Atlas", ...segmentCells(6)],
          // prettier-ignore
          [2, "Cygnus", { f: "'Accounts'!$K$4" }, { f: "'Accounts'!$I$4" }, { f: "N('Accounts'!$B$4)" }, { f: "'Accounts'!$L$4" }, "Cygnus", ...segmentCells(7)],
          // prettier-ignore
          [3, "Draco", { f: "'Accounts'!$K$5" }, { f: "'Accounts'!$I$5" }, { f: "N('Accounts'!$B$5)" }, { f: "'Accounts'!$L$5" }, null, ...segmentCells(8)],
        ],
      },
    ]);
    expect(m.styles).toEqual([
      section("S4:AC4"),
      headerStyle("S5:AC5"),
      { range: "U6:V8", numberFormat: "0.0" },
      { range: "W6:W8", numberFormat: "#,##0" },
      { range: "Z6:AC8", numberFormat: "0.0", font: { color: "808080" } },
      ...["Z", "AA", "AB", "AC"].map((c, k) => ({
        range: `${c}5`,
        fill: COLOURS[k],
        font: { bold: true, color: "000000" },
      })),
    ]);
    // Segment columns as wide as the longest name ("Streamline") and two more.
    expect(m.columnWidths).toEqual({ S: 5, T: 26, U: 10, V: 13, W: 13, X: 12, Y: 24, Z: 12, AA: 12, AB: 12, AC: 12 });
    expect(m.rows).toBe(4);
    expect(m.notes).toEqual([]);
    expect(m.chart).toEqual(
      chartOf("bubble", "Portfolio matrix: the 3 largest accounts (bubble size: revenue)", seriesOf(true), {
        bubbleScale: 30,
      }),
    );
  });

  it("ranks by attractiveness and plans a scatter chart without a revenue column", () => {
    const { table, options, metrics, layout, inputs } = chartInputs(without(CHART_TABLE, "Revenue FY25"));
    const m = matrixChart(table, options, metrics, layout, inputs, COLOURS, PLACE);
    // Without revenue the Accounts columns shift left one: attractiveness H, strength J, Quadrant K.
    expect(m.blocks[0].rows).toEqual([
      [
        "Chart data: the 3 largest accounts by attractiveness when built. A segment's column holds the attractiveness " +
          "of its accounts and #N/A (not drawn) for the others.",
      ],
    ]);
    expect(m.blocks[1].rows.slice(0, 2)).toEqual([
      ["#", "Account", "Strength", "Attractiveness", "Attractiveness", "Quadrant", "Named on chart", ...segmentHeads],
      // prettier-ignore
      [1, "Atlas", { f: "'Accounts'!$J$2" }, { f: "'Accounts'!$H$2" }, { f: "N('Accounts'!$H$2)" }, { f: "'Accounts'!$K$2" }, "Atlas", ...segmentCells(6)],
    ]);
    expect(m.styles[3]).toEqual({ range: "W6:W8", numberFormat: "0.0" });
    expect(m.chart).toEqual(
      chartOf("scatter", "Portfolio matrix: the 3 most attractive accounts", seriesOf(false), {}),
    );
  });

  it("notes how many of the accounts the chart leaves out", () => {
    const { table, options, metrics, layout, inputs } = chartInputs();
    const m = matrixChart(table, { ...options, topN: 2 }, metrics, layout, inputs, COLOURS, PLACE);
    expect(m.notes).toEqual(["Portfolio Matrix: the chart shows the 2 largest of 3 accounts."]);
    expect(m.rows).toBe(3);
    expect(m.blocks[1].rows.map((r) => r[1])).toEqual(["Account", "Atlas", "Cygnus"]);
  });

  it("plans nothing without a Quadrant column or an active account with both scores", () => {
    const { table, options, metrics, layout, inputs } = chartInputs();
    const churned = scoresOf([0, 0, 0, 0], [75, 100, 50, 0], [75, 25, 100, 0]);
    expect(matrixChart(table, options, churned, layout, inputs, COLOURS, PLACE)).toEqual(NONE);
    const noQuadrant = { ...layout, has: (key: string) => key !== "quadrant" && layout.has(key as "active") };
    expect(matrixChart(table, options, metrics, noQuadrant, inputs, COLOURS, PLACE)).toEqual(NONE);
    const bare = chartInputs(without(CHART_TABLE, "Relationship strength"));
    expect(matrixChart(bare.table, bare.options, bare.metrics, bare.layout, bare.inputs, COLOURS, PLACE)).toEqual(NONE);
  });

  it("draws the active accounts with both scores, the largest by revenue (a blank one as 0) first, ties in table order", () => {
    const values = [
      ["Account", "Status", "Revenue FY25"],
      ["C", "Active", null],
      ["A", "Active", 300],
      ["B", "Active", 1000],
      ["D", "Active", 800],
      ["E", "Active", 1000],
      ["F", "Churned", 2000],
      ["G", "Active", 500],
      ["H", "Active", 600],
    ];
    // G has no attractiveness, H no strength; the attractiveness runs the other way from the revenue.
    const nan = Number.NaN;
    const metrics = scoresOf(
      [1, 1, 1, 1, 1, 0, 1, 1],
      [80, 90, 10, 20, 30, 99, nan, 40],
      [50, 50, 50, 50, 50, 50, 50, nan],
    );
    const { table } = chartInputs(values);
    expect(chartAccounts(table, metrics, 40)).toEqual([2, 4, 3, 1, 0]);
    expect(chartAccounts(table, metrics, 3)).toEqual([2, 4, 3]);
    // Without a revenue column, the most attractive first.
    expect(chartAccounts(chartInputs(without(values, "Revenue FY25")).table, metrics, 40)).toEqual([1, 0, 4, 3, 2]);
  });

  describe("puts a name on a side clear of its point's marker", () => {
    // A 24-character name is 36 units wide on the chart: beside a point at x, it fits right where x + gap (1.5) +
    // radius + 36 <= 100, else left where x - 1.5 - radius - 36 >= 0.
    const LONG = "Abcdefghijklmnopqrstuvwx";
    const table2 = (revenue: boolean) =>
      without(
        [
          ["Account", "Status", "Revenue FY25", "Relationship strength", "Growth potential"],
          [LONG, "Active", 100, 3, 3],
          ["Bo", "Active", 25, 3, 3],
        ],
        ...(revenue ? [] : ["Revenue FY25"]),
      );

    it("in a bubble chart, clear of the bubble as Excel (30%) and LibreOffice (100%) draw it", () => {
      const { table, options, layout, inputs } = chartInputs(table2(true));
      // The largest bubble's radius is 11 at LibreOffice's scale: at x = 55 its name does not fit right (55 + 12.5 +
      // 36 > 100) but does left (55 - 12.5 - 36 = 6.5); a bubble twice as wide would leave it above, none at all right.
      // Bo's bubble (a quarter of the revenue) is half as wide.
      const metrics = scoresOf([1, 1], [50, 20], [55, 20]);
      const m = matrixChart(table, options, metrics, layout, inputs, COLOURS, PLACE);
      expect(m.chart!.series[0].labelPositions).toEqual(["left", "right"]);
    });

    it("in a scatter chart, clear of the 0.75-unit marker", () => {
      const { table, options, layout, inputs } = chartInputs(table2(false));
      // At x = 62: 62 + 1.5 + 0.75 + 36 = 100.25 > 100, so left.
      const metrics = scoresOf([1, 1], [50, 20], [62, 20]);
      const m = matrixChart(table, options, metrics, layout, inputs, COLOURS, PLACE);
      expect(m.chart!.series[0].labelPositions).toEqual(["left", "right"]);
    });

    it("names no account without a name, which leaves the room to the others", () => {
      const { table, options, layout, inputs } = chartInputs(table2(true));
      const nameless = { ...table, labels: { ...table.labels, account: [null, "Bo"] } };
      const metrics = { ...scoresOf([1, 1], [50, 50], [55, 20]), segment: Int8Array.of(0, 0) };
      const m = matrixChart(nameless, options, metrics, layout, inputs, COLOURS, PLACE);
      expect(m.chart!.series[0].labelPoints).toEqual([1]);
      expect(m.blocks[1].rows.map((r) => r[6])).toEqual(["Named on chart", null, "Bo"]);
    });
  });
});
