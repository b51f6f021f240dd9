/**
 * The parts chart as planned (partsChart.ts): which accounts it draws (active and scored, the most attractive first,
 * ties in table order), its data block (a row per account, the most attractive last, each criterion's score points as
 * a live formula over the Accounts and KAM Inputs sheets), the block's title, styles and widths, the stacked bar
 * chart's series, and nothing at all where there is nothing to draw.
 */
import { describe, expect, it } from "vitest";
import { header, section } from "../../../src/report/kam/look";
import { partsChart, partsChartAccounts } from "../../../src/report/kam/partsChart";
import { CHART_TABLE, chartInputs, scoresOf, without } from "./chartInputs";

/** The data block at T10 (title), T11 (header), the chart at I34:Q58, as the matrix sheet places it. */
const PLACE = { left: 19, top: 10, from: "I34", to: "Q58" } as const;
const NOTHING = { blocks: [], styles: [], columnWidths: {}, rowHeights: {} };

/** Account row r's score points for criterion j (0-based, in Accounts column `x`), as the block's formula. */
const points = (x: string, r: number, j: number) =>
  `IF(ISNUMBER('Accounts'!$${x}$${r}),100*INDEX('KAM Inputs'!$B$6:$D$6,${j + 1})*('Accounts'!$${x}$${r}-'KAM Inputs'!$B$8)` +
  `/(('KAM Inputs'!$B$9-'KAM Inputs'!$B$8)*SUMPRODUCT(ISNUMBER('Accounts'!$E$${r}:$G$${r})*'KAM Inputs'!$B$6:$D$6)),"")`;

describe("partsChartAccounts", () => {
  it("takes the active, scored accounts, the most attractive first, ties in table order", () => {
    // Account 1 is churned, 2 unscored; 0 and 4 tie at 60.
    const m = scoresOf([1, 0, 1, 1, 1, 1], [60, 99, Number.NaN, 80, 60, 0]);
    expect(partsChartAccounts(m)).toEqual([3, 0, 4, 5]);
    expect(partsChartAccounts(m, 2)).toEqual([3, 0]);
    expect(partsChartAccounts(scoresOf([1, 1, 1, 1, 1], [50, 50, 50, 50, 50]))).toEqual([0, 1, 2, 3, 4]);
    expect(partsChartAccounts(scoresOf([1, 1, 1, 1, 1], [10, 40, 20, 50, 30]))).toEqual([3, 1, 4, 2, 0]);
    expect(partsChartAccounts(scoresOf([0, 0, 1], [90, 80, Number.NaN]))).toEqual([]);
  });

  it("draws at most ten", () => {
    const m = scoresOf(new Array(12).fill(1), [5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]);
    expect(partsChartAccounts(m)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  });
});

describe("partsChart", () => {
  it("lists the drawn accounts the most attractive last, each criterion's points a live formula", () => {
    const { table, metrics, layout, inputs } = chartInputs();
    const parts = partsChart(table, metrics, layout, inputs, PLACE);
    // Atlas (75), Cygnus (50), Draco (0); Borealis is churned. Accounts rows 2, 4, 5; criteria in E:G, score in I.
    expect(parts.blocks).toEqual([
      {
        at: "T10",
        rows: [
          ["Chart data: score points per criterion, the 3 most attractive accounts when built (most attractive last)"],
        ],
      },
      {
        at: "T11",
        rows: [
          ["Account", "Growth potential", "Strategic fit", "Budget", "Attractiveness"],
          [
            "Draco",
            { f: points("E", 5, 0) },
            { f: points("F", 5, 1) },
            { f: points("G", 5, 2) },
            { f: "'Accounts'!$I$5" },
          ],
          [
            "Cygnus",
            { f: points("E", 4, 0) },
            { f: points("F", 4, 1) },
            { f: points("G", 4, 2) },
            { f: "'Accounts'!$I$4" },
          ],
          [
            "Atlas",
            { f: points("E", 2, 0) },
            { f: points("F", 2, 1) },
            { f: points("G", 2, 2) },
            { f: "'Accounts'!$I$2" },
          ],
        ],
      },
    ]);
    expect(parts.styles).toEqual([section("T10:X10"), header("T11:X11"), { range: "U12:X14", numberFormat: "0.0" }]);
    // Each criterion column as wide as its name and a bold character to spare (look.wrappedLines; 12 at least), so
    // the header row keeps one line: it shares its row with a segment list on the left, whose row would otherwise
    // look like a blank line.
    expect(parts.columnWidths).toEqual({ T: 26, U: 17, V: 14, W: 12, X: 15 });
    expect(parts.rowHeights).toEqual({});
  });

  it("widens a criterion column to 24 at most, and gives the header row the lines a longer name then needs", () => {
    const long = "Innovation partnership potential"; // 32 characters: two lines in 24
    const { table, metrics, layout, inputs } = chartInputs(
      CHART_TABLE.map((row, r) => (r === 0 ? row.map((h) => (h === "Budget" ? long : h)) : row)),
    );
    const parts = partsChart(table, metrics, layout, inputs, PLACE);
    expect(parts.columnWidths).toEqual({ T: 26, U: 17, V: 14, W: 24, X: 15 });
    expect(parts.rowHeights).toEqual({ 11: 33 });
    // 23 characters fit one line of 24 (a character to spare); 24 do not
    for (const [name, width, heights] of [
      ["x".repeat(23), 24, {}],
      ["x".repeat(24), 24, { 11: 33 }],
      ["x".repeat(11), 12, {}],
      ["x".repeat(12), 13, {}],
    ] as const) {
      const c = chartInputs(CHART_TABLE.map((row, r) => (r === 0 ? row.map((h) => (h === "Budget" ? name : h)) : row)));
      const p = partsChart(c.table, c.metrics, c.layout, c.inputs, PLACE);
      expect([p.columnWidths.W, p.rowHeights], name).toEqual([width, heights]);
    }
  });

  it("plans a stacked bar per account, a series per criterion in Office's colours, on a 0–100 axis", () => {
    const { table, metrics, layout, inputs } = chartInputs();
    const { chart } = partsChart(table, metrics, layout, inputs, PLACE);
    expect(chart).toEqual({
      kind: "stackedBar",
      title: "Why they score: points per criterion, the 3 most attractive accounts",
      from: "I34",
      to: "Q58",
      series: [
        { name: "Growth potential", categories: "T12:T14", values: "U12:U14", color: "4472C4" },
        { name: "Strategic fit", categories: "T12:T14", values: "V12:V14", color: "ED7D31" },
        { name: "Budget", categories: "T12:T14", values: "W12:W14", color: "A5A5A5" },
      ],
      yAxisTitle: "Attractiveness points (0–100)",
      yAxis: { min: 0, max: 100, numberFormat: "0" },
      legend: "bottom",
    });
  });

  it("names an account without a name by its Accounts row", () => {
    const { table, metrics, layout, inputs } = chartInputs();
    const account = ["Atlas", null, "Cygnus", "Draco"];
    const nameless = { ...table, labels: { ...table.labels, account } };
    const { blocks } = partsChart(nameless, metrics, layout, inputs, PLACE);
    expect(blocks[1].rows.map((r) => r[0])).toEqual(["Account", "Draco", "Cygnus", "Atlas"]);
    const unnamed = { ...table, labels: { ...table.labels, account: ["", "Borealis", null, null] } };
    expect(partsChart(unnamed, metrics, layout, inputs, PLACE).blocks[1].rows.map((r) => r[0])).toEqual([
      "Account",
      "Row 5",
      "Row 4",
      "",
    ]);
  });

  it("plans nothing without an active scored account, criteria, weights or an attractiveness column", () => {
    const { table, metrics, layout, inputs } = chartInputs();
    const churned = scoresOf([0, 0, 0, 0], [75, 100, 50, 0]);
    expect(partsChart(table, churned, layout, inputs, PLACE)).toEqual(NOTHING);
    expect(partsChart(table, metrics, layout, { ...inputs, weights: undefined }, PLACE)).toEqual(NOTHING);
    expect(partsChart({ ...table, criteria: [] }, metrics, layout, inputs, PLACE)).toEqual(NOTHING);
    const noScore = { ...layout, has: (key: string) => key !== "attractiveness" && layout.has(key as "active") };
    expect(partsChart(table, metrics, noScore, inputs, PLACE)).toEqual(NOTHING);
    const bare = chartInputs(without(CHART_TABLE, "Growth potential", "Strategic fit", "Budget"));
    expect(partsChart(bare.table, bare.metrics, bare.layout, bare.inputs, PLACE)).toEqual(NOTHING);
  });
});
