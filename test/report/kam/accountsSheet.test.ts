/**
 * The Accounts sheet as the analyst sees it (src/report/kam/accountsSheet.ts): the columns and their headers, widths
 * and number formats, the rows as read, the computed columns as one formula row, the quadrant colours and the at-risk
 * highlight, the frozen header and the KamAccounts table. The formulas' values are the engine tests'.
 */
import { describe, expect, it } from "vitest";
import type { Cell } from "../../../samples/telecomAccounts";
import type { SheetPlan } from "../../../src/report/plan";
import { planCellAt } from "../../../src/report/planCells";
import type { KpiId } from "../../../src/core";
import {
  ACCOUNTS_SHEET,
  ACCOUNTS_TABLE,
  accountsLayout,
  accountsSheet as buildAccountsSheet,
} from "../../../src/report/kam/accountsSheet";
import { inputsSheet } from "../../../src/report/kam/inputsSheet";
import { SEGMENT_COLOURS_2X2, SEGMENT_COLOURS_3X3 } from "../../../src/report/kam/look";
import { accountsForReport, prepareReport, type PrepareOptions } from "../../../src/report/kam/prepareReport";

function accountsSheet(values: Cell[][], options: PrepareOptions = {}): SheetPlan {
  const { report } = prepareReport({ sheet: "Account Data", top: 0, left: 0, values }, options);
  return report!.plan.sheets.find((s) => s.name === ACCOUNTS_SHEET)!;
}

const accountsOf = (values: Cell[][]) => accountsForReport({ sheet: "Account Data", top: 0, left: 0, values });

const headerRow = (sheet: SheetPlan) => {
  const out: string[] = [];
  for (let c = 1; planCellAt(sheet, 1, c) !== null; c++) out.push(String(planCellAt(sheet, 1, c)));
  return out;
};

const FULL: Cell[][] = [
  [
    "Account",
    "Account manager",
    "Revenue FY25",
    "Prior revenue",
    "Gross margin %",
    "NPS",
    "Relationship strength",
    "Share of wallet",
    "Status",
    "Acquired",
    "Growth potential",
    "Strategic fit",
  ],
  ["Atlas", "Kim", 1000, 900, 0.25, 9, 4, 0.35, "Active", "yes", 5, 4],
  ["Borealis", "Lee", 500, 600, 0.1, 3, 2, 0.1, "Churned", "no", 2, 1],
  ["Cygnus", "Kim", 800, 700, 0.3, 7, 5, 0.6, "Active", null, 4, 5],
];

describe("the Accounts sheet", () => {
  it("lays out the analyst's columns, then the criteria, then the computed ones, each with its width and format", () => {
    const sheet = accountsSheet(FULL);
    // prettier-ignore
    expect(headerRow(sheet)).toEqual([
      "Account", "Account manager", "Prior revenue", "Revenue FY25", "Gross margin %", "NPS", "Relationship strength",
      "Share of wallet", "Status", "Acquired", "Growth potential", "Strategic fit", "Active", "Attractiveness",
      "Main driver", "Strength", "Quadrant", "Margin", "CLV", "Revenue change", "At risk",
    ]);
    // each column at least as wide as its header and the table's filter button (3 characters), so no header is cut
    expect(sheet.columnWidths).toEqual({
      A: 28,
      B: 18,
      C: 16,
      D: 15,
      E: 17,
      F: 14,
      G: 24,
      H: 18,
      I: 11,
      J: 11,
      K: 19,
      L: 16,
      M: 9,
      N: 17,
      O: 18,
      P: 11,
      Q: 13,
      R: 12,
      S: 12,
      T: 17,
      U: 10,
    });
    // revenue in full, a margin as a share and share of wallet as a fraction in %, scores to one decimal; no style
    // over the columns without a format
    expect(sheet.styles!.filter((s) => /^[A-Z]2:[A-Z]4$/.test(s.range))).toEqual([
      { range: "C2:C4", numberFormat: "#,##0" },
      { range: "D2:D4", numberFormat: "#,##0" },
      { range: "E2:E4", numberFormat: "0.0%" },
      { range: "H2:H4", numberFormat: "0.0%" },
      { range: "N2:N4", numberFormat: "0.0" },
      { range: "P2:P4", numberFormat: "0.0" },
      { range: "R2:R4", numberFormat: "#,##0" },
      { range: "S2:S4", numberFormat: "#,##0" },
      { range: "T2:T4", numberFormat: "0.0%" },
    ]);
    expect(sheet.tabColor).toBe("1F3864");
    expect(sheet.freeze).toEqual({ rows: 1, columns: 1 });
    expect(sheet.tables).toEqual([{ name: ACCOUNTS_TABLE, range: "A1:U4", style: "TableStyleMedium2" }]);
  });

  it("writes the inputs as read, status and acquired in words, and the computed columns as one formula row", () => {
    const sheet = accountsSheet(FULL);
    expect(sheet.columns).toHaveLength(1);
    expect(sheet.columns![0].at).toBe("A2");
    expect(sheet.columns![0].count).toBe(3);
    const cells = [2, 3, 4].map((r) => Array.from({ length: 12 }, (_, c) => planCellAt(sheet, r, c + 1)));
    expect(cells).toEqual([
      ["Atlas", "Kim", 900, 1000, 0.25, 9, 4, 0.35, "Active", true, 5, 4],
      ["Borealis", "Lee", 600, 500, 0.1, 3, 2, 0.1, "Churned", false, 2, 1],
      ["Cygnus", "Kim", 700, 800, 0.3, 7, 5, 0.6, "Active", null, 4, 5],
    ]);
    // the block holds the analyst's twelve columns only: the computed ones (M to U) are the formula row's
    // prettier-ignore
    expect(sheet.columns![0].columns.map((c) => Array.from(c))).toEqual([
      ["Atlas", "Borealis", "Cygnus"], ["Kim", "Lee", "Kim"], [900, 600, 700], [1000, 500, 800], [0.25, 0.1, 0.3],
      [9, 3, 7], [4, 2, 5], [0.35, 0.1, 0.6], ["Active", "Churned", "Active"], [true, false, null], [5, 2, 4],
      [4, 1, 5],
    ]);
    expect(sheet.patterns).toHaveLength(1);
    expect(sheet.patterns![0].at).toBe("M2");
    expect(sheet.patterns![0].count).toBe(3);
    expect(sheet.patterns![0].pattern[0]).toEqual({ f: '$I{row}<>"Churned"' });
    expect(sheet.patterns![0].pattern).toHaveLength(9);
  });

  it("colours each quadrant's name as the matrix does, and marks an account at risk red", () => {
    const sheet = accountsSheet(FULL);
    const rules = sheet.conditionalFormats!;
    // one rule per segment against its name mirrored beside the table (W and X, one blank column past U)
    expect(rules.slice(0, 4)).toEqual(
      SEGMENT_COLOURS_2X2.map((fill, k) => ({
        type: "cellValue",
        range: "Q2:Q4",
        operator: "equal",
        formula1: `$X$${15 + k}`,
        fill,
      })),
    );
    expect([15, 16, 17, 18].map((r) => [planCellAt(sheet, r, 23), planCellAt(sheet, r, 24)])).toEqual(
      [22, 23, 24, 25].map((r, k) => [`Segment ${k + 1}`, { f: `'KAM Inputs'!$B$${r}` }]),
    );
    expect(rules[4]).toEqual({
      type: "cellValue",
      range: "U2:U4",
      operator: "equal",
      formula1: "TRUE",
      fill: "FFC7CE",
      fontColor: "9C0006",
    });
    expect(rules).toHaveLength(5);

    const nine = accountsSheet(FULL, { choices: { grid: 3 } }).conditionalFormats!;
    expect(nine.slice(0, 9).map((r) => (r.type === "cellValue" ? [r.range, r.fill] : r.type))).toEqual(
      SEGMENT_COLOURS_3X3.map((fill) => ["Q2:Q4", fill]),
    );
  });

  it("formats a margin in amounts and a share of wallet out of 100 as written, and keeps every header distinct", () => {
    const sheet = accountsSheet(
      [
        ["Account", "Revenue", "Gross margin", "Share of wallet", "Main driver", "Fit"],
        ["Atlas", 1000, 250, 35, 5, 4],
        ["Borealis", 500, 40, 10, 2, 1],
      ],
      {
        overrides: {
          criteria: [
            { column: 4, weight: 1 },
            { column: 5, weight: 1 },
          ],
        },
      },
    );
    // prettier-ignore
    expect(headerRow(sheet)).toEqual([
      "Account", "Revenue", "Gross margin", "Share of wallet", "Main driver", "Fit", "Active", "Attractiveness",
      "Main driver (2)", "Strength", "Quadrant", "Margin",
    ]);
    expect(sheet.styles!.filter((s) => s.numberFormat && /^[A-Z]2:[A-Z]3$/.test(s.range))).toEqual([
      { range: "B2:B3", numberFormat: "#,##0" },
      { range: "C2:C3", numberFormat: "#,##0" },
      { range: "H2:H3", numberFormat: "0.0" },
      { range: "J2:J3", numberFormat: "0.0" },
      { range: "L2:L3", numberFormat: "#,##0" },
    ]);
  });

  it("puts the product block after the criteria in full money, and no Margin where a margin share has no revenue", () => {
    const sheet = accountsSheet([
      ["Account", "Gross margin %", "NPS", "Product: Cloud", "Product: Voice"],
      ["Atlas", 0.25, 9, 1200, null],
      ["Borealis", 0.1, 3, 300, 800],
    ]);
    expect(headerRow(sheet)).toEqual([
      "Account",
      "Gross margin %",
      "NPS",
      "Product: Cloud",
      "Product: Voice",
      "Active",
      "At risk",
    ]);
    expect(sheet.styles!.filter((s) => s.numberFormat && /^[A-Z]2:[A-Z]3$/.test(s.range))).toEqual([
      { range: "B2:B3", numberFormat: "0.0%" },
      { range: "D2:D3", numberFormat: "#,##0" },
      { range: "E2:E3", numberFormat: "#,##0" },
    ]);
    expect(sheet.columnWidths).toEqual({ A: 28, B: 17, C: 14, D: 17, E: 17, F: 9, G: 10 });
  });

  it("flags at risk by revenue alone without NPS, and leaves CLV out where no retention can be known", () => {
    expect(
      headerRow(
        accountsSheet([
          ["Account", "Revenue", "Prior revenue", "Gross margin %"],
          ["Atlas", 1000, 900, 0.25],
          ["Borealis", 500, 600, 0.1],
        ]),
      ),
    ).toEqual([
      "Account",
      "Prior revenue",
      "Revenue",
      "Gross margin %",
      "Active",
      "Margin",
      "CLV",
      "Revenue change",
      "At risk",
    ]);
    // no account had revenue last year: the retention rate, and so CLV, cannot be known
    expect(
      headerRow(
        accountsSheet([
          ["Account", "Revenue", "Prior revenue", "Gross margin %"],
          ["Atlas", 1000, 0, 0.25],
          ["Borealis", 500, 0, 0.1],
        ]),
      ),
    ).toEqual([
      "Account",
      "Prior revenue",
      "Revenue",
      "Gross margin %",
      "Active",
      "Margin",
      "Revenue change",
      "At risk",
    ]);
  });

  it("writes a blank status as a blank, not as active", () => {
    const sheet = accountsSheet([
      ["Account", "Revenue", "Status"],
      ["Atlas", 1000, "Active"],
      ["Borealis", 500, null],
      ["Cygnus", 800, "Churned"],
    ]);
    expect([2, 3, 4].map((r) => [planCellAt(sheet, r, 1), planCellAt(sheet, r, 3)])).toEqual([
      ["Atlas", "Active"],
      ["Borealis", null],
      ["Cygnus", "Churned"],
    ]);
  });

  it("heads status and the new-account flag in words without the analyst's headers, and numbers repeated headers", () => {
    const { table, options } = accountsOf([
      ["Account", "Account manager", "Revenue", "Prior revenue", "Gross margin %", "Status", "Acquired"],
      ["Atlas", "Kim", 1000, 900, 0.25, "Active", "yes"],
      ["Borealis", "Lee", 500, 600, 0.1, "Churned", "no"],
    ]);
    // no headers given and CLV taken as computable: the built-in headers, and a CLV column
    // prettier-ignore
    expect(accountsLayout(table, options).columns.map((c) => c.header)).toEqual([
      "Account", "Account manager", "Prior revenue", "Revenue", "Gross margin", "Status", "New", "Active", "Margin",
      "CLV", "Revenue change", "At risk",
    ]);
    // three columns headed Status: the second and the third numbered 2 and 3, whatever their case
    const layout = accountsLayout(table, options, { account: "Status", owner: "status" });
    expect(layout.columns.slice(0, 2).map((c) => c.header)).toEqual(["Status", "status (2)"]);
    expect(layout.columns[5]).toEqual({ key: "status", header: "Status (3)", width: 13, letter: "F" });
    // a long header widens its column up to 40 characters, no further
    const long = "Account manager responsible for the relationship in this region";
    expect(accountsLayout(table, options, { owner: long }).columns[1]).toMatchObject({ header: long, width: 40 });
    expect(accountsLayout(table, options, { owner: "x".repeat(37) }).columns[1].width).toBe(40);
    expect(accountsLayout(table, options, { owner: "x".repeat(36) }).columns[1].width).toBe(39);
  });

  it("puts the years of revenue oldest first, whatever their order in the analyst's table", () => {
    const sheet = accountsSheet([
      ["Account", "Revenue FY25", "Revenue FY23", "Revenue FY24"],
      ["Atlas", 1000, 700, 900],
      ["Borealis", 500, 300, 600],
    ]);
    expect(headerRow(sheet).slice(0, 4)).toEqual(["Account", "Revenue FY23", "Revenue FY24", "Revenue FY25"]);
    expect([2, 3].map((r) => [2, 3, 4].map((c) => planCellAt(sheet, r, c)))).toEqual([
      [700, 900, 1000],
      [300, 600, 500],
    ]);
  });

  it("refuses a layout its table or inputs cannot fill, naming the column, rather than shift the columns after it", () => {
    const { table, options } = accountsOf(FULL);
    const inputs = inputsSheet(table, options, {} as Record<KpiId, string>, undefined).refs;
    // a layout that asks for CLV, with inputs that have no retention rate for it: the formulas after it would move
    // one column left, into CLV's place
    const withClv = accountsLayout(table, options, {}, { clv: true });
    expect(() => buildAccountsSheet(table, options, withClv, inputs)).toThrow(
      new Error("The Accounts sheet has no formula for its CLV column"),
    );
    // a layout from a table with an account manager, for one without
    const noOwner = accountsOf(FULL.map((r) => r.filter((_, j) => j !== 1))).table;
    expect(() =>
      buildAccountsSheet(noOwner, options, accountsLayout(table, options, {}, { clv: false }), inputs),
    ).toThrow(new Error("The Accounts sheet has no values for its Account manager column"));
    // the same layout with the table it was made for
    const sheet = buildAccountsSheet(table, options, accountsLayout(table, options, {}, { clv: false }), inputs);
    expect(sheet.patterns![0].at).toBe("M2");
  });

  it("names the column it lacks when asked for its letter", () => {
    const { table, options } = accountsOf([
      ["Account", "Revenue"],
      ["Atlas", 1000],
      ["Borealis", 500],
    ]);
    const layout = accountsLayout(table, options);
    expect(layout.letter("revenue")).toBe("B");
    expect(() => layout.letter("clv")).toThrow(new Error("The Accounts sheet has no clv column"));
    expect(() => layout.range("strength")).toThrow(new Error("The Accounts sheet has no strength column"));
  });
});
