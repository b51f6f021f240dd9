/**
 * The KAM Inputs sheet as the analyst reads and edits it (src/report/kam/inputsSheet.ts): every input labelled, the
 * blue cells the analyst may edit, the formats they are shown in, the segment grid's cells named by their bands, and
 * the share each criterion weight has of the score, as the sheet computes it (HyperFormula).
 */
import { describe, expect, it } from "vitest";
import type { Cell } from "../../../samples/telecomAccounts";
import { KPI_IDS, type KpiId, type PortfolioChoices } from "../../../src/core";
import type { PlanCell, SheetPlan } from "../../../src/report/plan";
import { planCellAt } from "../../../src/report/planCells";
import { inputsSheet } from "../../../src/report/kam/inputsSheet";
import { accountsForReport, prepareReport } from "../../../src/report/kam/prepareReport";
import { withPlanEngine } from "../../support/planEngine";

const INPUTS = "KAM Inputs";

const TABLE: Cell[][] = [
  [
    "Account",
    "Revenue FY25",
    "Prior revenue",
    "Relationship strength",
    "Share of wallet",
    "Status",
    "Growth potential",
    "Strategic fit",
    "Access",
  ],
  ["Atlas", 1000, 900, 4, 0.35, "Active", 5, 4, 3],
  ["Borealis", 500, 600, 2, 0.1, "Churned", 2, 1, 2],
  ["Cygnus", 800, 700, 5, 0.6, "Active", 4, 5, 1],
];

function build(values: Cell[][], choices: PortfolioChoices = {}) {
  const { report } = prepareReport({ sheet: "Account Data", top: 0, left: 0, values }, { choices });
  const plan = report!.plan;
  return { plan, sheet: plan.sheets.find((s) => s.name === INPUTS)! };
}

/** Columns A to D of each row, as the sheet shows them. */
const grid = (sheet: SheetPlan, from: number, to: number): PlanCell[][] =>
  Array.from({ length: to - from + 1 }, (_, k) => [1, 2, 3, 4].map((c) => planCellAt(sheet, from + k, c)));

/** The inputs sheet built directly from the prepared accounts, with the retention formula given (or none). */
function direct(choices: PortfolioChoices, retention: string | undefined) {
  const { table, options } = accountsForReport({ sheet: "Account Data", top: 0, left: 0, values: TABLE }, { choices });
  const labels = Object.fromEntries(KPI_IDS.map((id) => [id, `KPI ${id}`])) as Record<KpiId, string>;
  return inputsSheet(table, options, labels, retention);
}

const blue = (sheet: SheetPlan) => sheet.styles!.filter((s) => s.fill === "DDEBF7").map((s) => s.range);
const formatted = (sheet: SheetPlan) =>
  sheet.styles!.filter((s) => s.numberFormat).map((s) => [s.range, s.numberFormat]);

describe("the KAM Inputs sheet", () => {
  it("labels each input beside its value, from the criteria to the KPI targets", () => {
    const { sheet } = build(TABLE, { criteriaWeights: [1, 2, 1], targets: { AtRisk: 2 }, discountRate: 0.08 });
    expect(grid(sheet, 1, 9)).toEqual([
      ["KAM inputs", null, null, null],
      ["Edit the blue cells: the Accounts, Portfolio Matrix and KPI Dashboard sheets follow.", null, null, null],
      [null, null, null, null],
      ["Attractiveness criteria", null, null, null],
      ["Criterion", "Growth potential", "Strategic fit", "Access"],
      ["Weight", 1, 2, 1],
      ["Share of the score", { f: "B6/SUM($B$6:$D$6)" }, { f: "C6/SUM($B$6:$D$6)" }, { f: "D6/SUM($B$6:$D$6)" }],
      ["Rating scale, lowest", 1, null, null],
      ["Rating scale, highest", 5, null, null],
    ]);
    expect(grid(sheet, 11, 16).map((r) => r.slice(0, 2))).toEqual([
      ["Relative strength", null],
      ["Relationship strength, weight", 1],
      ["Relationship strength, lowest rating", 1],
      ["Relationship strength, highest rating", 5],
      ["Share of wallet, weight", 1],
      ["Share of wallet written out of (1 = 0.35, 100 = 35)", 1],
    ]);
    expect(grid(sheet, 18, 25).map((r) => r.slice(0, 3))).toEqual([
      ["Portfolio matrix", null, null],
      ["Attractiveness cut-off (a score equal to it counts as high)", 50, null],
      ["Strength cut-off", 50, null],
      ["Cell (attractiveness, strength)", "Segment", "Strategy"],
      ["high, high", "Strategic", "Invest: joint plans, senior sponsors, a dedicated team."],
      ["high, low", "Star", "Develop: build the relationship and the share of wallet."],
      ["low, high", "Status", "Maintain: protect the relationship at a lower cost to serve."],
      ["low, low", "Streamline", "Serve efficiently: standard offers, lower-cost channels."],
    ]);
    expect(grid(sheet, 27, 30).map((r) => r.slice(0, 2))).toEqual([
      ["Value and risk", null],
      ["Discount rate per year (CLV)", 0.08],
      ["At risk when revenue fell by more than", 0.1],
      ["Retention rate, from the accounts (CLV uses it)", expect.objectContaining({ f: expect.any(String) })],
    ]);
    expect(grid(sheet, 32, 44).map((r) => r.slice(0, 2))).toEqual([
      ["KPI targets (optional)", null],
      ["KPI", "Target"],
      ["Active key accounts", null],
      ["Retention rate", null],
      ["Churn rate", null],
      ["Gross revenue retention", null],
      ["Net revenue retention", null],
      ["Revenue growth", null],
      ["NPS", null],
      ["Products per account", null],
      ["Average CLV", null],
      ["Customer equity (Σ CLV)", null],
      ["Accounts at risk", 2],
    ]);
    expect(sheet.blocks).toHaveLength(1);
    expect(sheet.blocks[0].rows).toHaveLength(44);
  });

  it("computes each criterion's share of the score from the weights, and the retention from the accounts", () => {
    const { plan } = build(TABLE, { criteriaWeights: [1, 2, 1] });
    withPlanEngine(plan, (e) => {
      expect(["B7", "C7", "D7"].map((a) => e.value(INPUTS, a))).toEqual([0.25, 0.5, 0.25]);
      // Borealis has churned: 2 of the 3 accounts with revenue last year are kept
      expect(e.value(INPUTS, "B30")).toBeCloseTo(2 / 3, 12);
      // the analyst doubles the first weight: its share follows
      e.set(INPUTS, "B6", 2);
      expect(["B7", "C7", "D7"].map((a) => e.value(INPUTS, a))).toEqual([0.4, 0.4, 0.2]);
    });
  });

  it("shows the editable cells blue, in the formats they hold, under styled section titles", () => {
    const { sheet } = build(TABLE);
    expect(blue(sheet)).toEqual(["B6:D6", "B8:B9", "B12:B16", "B19:B20", "B22:C25", "B28:B29", "B34:B44"]);
    expect(sheet.styles!.filter((s) => s.fill === "DDEBF7").every((s) => s.border?.edges === "all")).toBe(true);
    expect(formatted(sheet)).toEqual([
      ["B7:D7", "0%"],
      ["B19:B20", "0.0"],
      ["B28:B30", "0.0%"],
    ]);
    const sections = sheet.styles!.filter((s) => s.font?.size === 12).map((s) => s.range);
    expect(sections).toEqual(["A4:F4", "A11:F11", "A18:F18", "A27:F27", "A32:F32"]);
    const headers = sheet.styles!.filter((s) => s.fill === "1F3864").map((s) => s.range);
    expect(headers).toEqual(["A5:D5", "A21:C21", "A33:B33"]);
    expect(sheet.styles!.slice(0, 2)).toEqual([
      { range: "A1", font: { bold: true, size: 16, color: "1F3864" } },
      { range: "A2", font: { italic: true, color: "595959" } },
    ]);
    expect(sheet.tabColor).toBe("DDEBF7");
    expect(sheet.showGridlines).toBe(false);
    expect(sheet.rowHeights).toEqual({ 1: 24 });
    // B: "Growth potential" and a character to spare
    expect(sheet.columnWidths).toEqual({ A: 52, B: 17, C: 16, D: 16 });
  });

  it("names a 3×3 grid's cells by their bands, with two cut-offs per axis", () => {
    const { sheet } = build(TABLE, { grid: 3 });
    expect(grid(sheet, 19, 30).map((r) => r.slice(0, 2))).toEqual([
      ["Attractiveness cut-off (a score equal to it counts as high)", 100 / 3],
      ["Strength cut-off", 100 / 3],
      ["Cell (attractiveness, strength)", "Segment"],
      ["high, high", "Invest"],
      ["high, medium", "Grow"],
      ["high, low", "Develop"],
      ["medium, high", "Protect"],
      ["medium, medium", "Selective"],
      ["medium, low", "Opportunistic"],
      ["low, high", "Maintain"],
      ["low, medium", "Harvest"],
      ["low, low", "Streamline"],
    ]);
    expect([planCellAt(sheet, 19, 3), planCellAt(sheet, 20, 3)]).toEqual([200 / 3, 200 / 3]);
    expect(blue(sheet)).toContain("B19:C20");
    expect(blue(sheet)).toContain("B22:C30");
    expect(formatted(sheet)).toContainEqual(["B19:C20", "0.0"]);
  });

  it("says how to choose criteria where there are none, and has no retention row where no account had revenue", () => {
    const { sheet } = build([
      ["Account", "Revenue FY25", "Prior revenue", "NPS"],
      ["Atlas", 1000, 0, 9],
      ["Borealis", 500, 0, 3],
    ]);
    expect(grid(sheet, 4, 7).map((r) => r[0])).toEqual([
      "Attractiveness criteria",
      "No criteria chosen: choose attractiveness criteria (rated columns) in the taskpane or the settings file.",
      "Rating scale, lowest",
      "Rating scale, highest",
    ]);
    expect(planCellAt(sheet, 27, 1)).toBe("At risk when revenue fell by more than");
    expect(planCellAt(sheet, 28, 1)).toBeNull();
    expect(formatted(sheet)).toEqual([
      ["B17:B18", "0.0"],
      ["B26:B27", "0.0%"],
    ]);
    expect(blue(sheet)[0]).toBe("B6:B7");
    // two columns of labels and values, and the segment table's strategies: A to C
    expect(sheet.columnWidths).toEqual({ A: 52, B: 16, C: 16 });
  });

  it("widens every column the criteria reach", () => {
    const values: Cell[][] = [
      ["Account", "Revenue FY25", "C1", "C2", "C3", "C4", "C5"],
      ["Atlas", 1000, 1, 2, 3, 4, 5],
      ["Borealis", 500, 5, 4, 3, 2, 1],
    ];
    const { report } = prepareReport(
      { sheet: "Account Data", top: 0, left: 0, values },
      { overrides: { criteria: [2, 3, 4, 5, 6].map((column) => ({ column, weight: 1 })) } },
    );
    const sheet = report!.plan.sheets.find((s) => s.name === INPUTS)!;
    expect(sheet.columnWidths).toEqual({ A: 52, B: 16, C: 16, D: 16, E: 16, F: 16 });
    expect(blue(sheet)[0]).toBe("B6:F6");
  });

  it("gives every column it writes a width, and none it does not: one criterion in a 3×3 grid reaches C", () => {
    const { report } = prepareReport(
      { sheet: "Account Data", top: 0, left: 0, values: TABLE },
      { choices: { grid: 3 }, overrides: { criteria: [{ column: 6, weight: 1 }] } },
    );
    const sheet = report!.plan.sheets.find((s) => s.name === INPUTS)!;
    const widest = Math.max(...sheet.blocks.flatMap((b) => b.rows.map((r) => r.length)));
    expect(widest).toBe(3);
    expect(sheet.columnWidths).toEqual({ A: 52, B: 17, C: 16 }); // B as wide as "Growth potential"
  });

  it("widens each criterion's column to its name (24 at most), and gives the header row the lines a longer one takes", () => {
    const named = (names: string[]) => {
      const { sheet } = build([
        ["Account", "Revenue FY25", ...names],
        ["Atlas", 1000, 1, 2],
        ["Borealis", 500, 5, 4],
      ]);
      return { heights: sheet.rowHeights, widths: [sheet.columnWidths!.B, sheet.columnWidths!.C] };
    };
    // row 5 the header; a name keeps one line with a character to spare for bold text (look.wrappedLines)
    expect(planCellAt(build(TABLE).sheet, 5, 2)).toBe("Growth potential");
    expect(named(["Growth potential", "Innovation partnership"])).toEqual({ heights: { 1: 24 }, widths: [17, 23] });
    expect(named(["Growth", "Fit"])).toEqual({ heights: { 1: 24 }, widths: [16, 16] });
    expect(named(["x".repeat(15), "x".repeat(23)])).toEqual({ heights: { 1: 24 }, widths: [16, 24] });
    expect(named(["x".repeat(16), "x".repeat(24)])).toEqual({ heights: { 1: 24, 5: 33 }, widths: [17, 24] });
    const alphabet = "a b c d e f g h i j k l m n o p q r s t u v w x y z"; // 11 letters a line of 24: 3 lines
    expect(named(["Growth", alphabet])).toEqual({ heights: { 1: 24, 5: 48 }, widths: [16, 24] });
  });

  it("leaves the rows between the sections empty", () => {
    const { sheet } = build(TABLE);
    const rows = sheet.blocks[0].rows as PlanCell[][];
    expect([3, 10, 17, 26, 31].map((r) => rows[r - 1])).toEqual(
      Array.from({ length: 5 }, () => [null, null, null, null]),
    );
    // the rows around them are not empty: the blank rows are where the sections part
    expect([4, 11, 18, 27, 32].map((r) => rows[r - 1][0])).toEqual([
      "Attractiveness criteria",
      "Relative strength",
      "Portfolio matrix",
      "Value and risk",
      "KPI targets (optional)",
    ]);
  });

  it("tells the other sheets where each input lives, a 2×2 grid with the retention row", () => {
    const { sheet, refs } = direct({ criteriaWeights: [1, 2, 1] }, "0.5");
    const at = (cell: string) => `'KAM Inputs'!${cell}`;
    expect(refs.weights).toBe(at("$B$6:$D$6"));
    expect([refs.scaleMin, refs.scaleMax]).toEqual([at("$B$8"), at("$B$9")]);
    expect([refs.relationshipWeight, refs.relationshipMin, refs.relationshipMax]).toEqual([
      at("$B$12"),
      at("$B$13"),
      at("$B$14"),
    ]);
    expect([refs.shareWeight, refs.shareScale]).toEqual([at("$B$15"), at("$B$16")]);
    expect(refs.attractivenessCuts).toEqual([at("$B$19")]);
    expect(refs.strengthCuts).toEqual([at("$B$20")]);
    expect(refs.segmentNames).toBe(at("$B$22:$B$25"));
    expect([0, 1, 2, 3].map((k) => refs.segmentName(k))).toEqual([at("$B$22"), at("$B$23"), at("$B$24"), at("$B$25")]);
    expect([0, 1, 2, 3].map((k) => refs.segmentStrategy(k))).toEqual([
      at("$C$22"),
      at("$C$23"),
      at("$C$24"),
      at("$C$25"),
    ]);
    expect([refs.discountRate, refs.atRiskThreshold, refs.retention]).toEqual([at("$B$28"), at("$B$29"), at("$B$30")]);
    expect(KPI_IDS.map((id) => refs.target(id))).toEqual(KPI_IDS.map((_, j) => at(`$B$${34 + j}`)));
    // each reference points at the value its label names
    expect(planCellAt(sheet, 22, 2)).toBe("Strategic");
    expect(planCellAt(sheet, 25, 3)).toBe("Serve efficiently: standard offers, lower-cost channels.");
    expect(planCellAt(sheet, 30, 2)).toEqual({ f: "0.5" });
    expect([planCellAt(sheet, 34, 1), planCellAt(sheet, 44, 1)]).toEqual(["KPI Accounts", "KPI AtRisk"]);
  });

  it("tells the other sheets where each input lives, a 3×3 grid without a retention row", () => {
    const { sheet, refs } = direct({ grid: 3 }, undefined);
    const at = (cell: string) => `'KAM Inputs'!${cell}`;
    expect(refs.attractivenessCuts).toEqual([at("$B$19"), at("$C$19")]);
    expect(refs.strengthCuts).toEqual([at("$B$20"), at("$C$20")]);
    expect(refs.segmentNames).toBe(at("$B$22:$B$30"));
    expect(Array.from({ length: 9 }, (_, k) => refs.segmentName(k))).toEqual(
      Array.from({ length: 9 }, (_, k) => at(`$B$${22 + k}`)),
    );
    expect(Array.from({ length: 9 }, (_, k) => refs.segmentStrategy(k))).toEqual(
      Array.from({ length: 9 }, (_, k) => at(`$C$${22 + k}`)),
    );
    expect([refs.discountRate, refs.atRiskThreshold]).toEqual([at("$B$33"), at("$B$34")]);
    expect(refs.retention).toBeUndefined();
    expect(KPI_IDS.map((id) => refs.target(id))).toEqual(KPI_IDS.map((_, j) => at(`$B$${38 + j}`)));
    expect(planCellAt(sheet, 30, 2)).toBe("Streamline");
    expect(planCellAt(sheet, 35, 1)).toBeNull();
    expect(planCellAt(sheet, 36, 1)).toBe("KPI targets (optional)");
  });
});
