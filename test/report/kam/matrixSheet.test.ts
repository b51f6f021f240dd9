/**
 * The Portfolio Matrix's plan (src/report/kam/matrixSheet.ts) for the three accounts every report test shares: its
 * heading and the note on where the chart's axes cross, the "Portfolio segments" table (exact COUNTIFS / SUMIFS /
 * AVERAGEIFS / NPS formulas, formats, colours), each segment's ranked list (title, header, formulas, formats), where
 * the bubble and parts charts and their data go, widths, heights and print area; in the 2×2 and the 3×3 grid, with an
 * owner and a CLV column, without revenue, and the sheet left without the matrix (what is missing, the most attractive
 * accounts instead). The values: evaluated by HyperFormula at the end.
 */
import { describe, expect, it } from "vitest";
import type { Cell } from "../../../samples/telecomAccounts";
import { portfolioKpis, type KpiId, type PortfolioChoices } from "../../../src/core";
import { accountsLayout } from "../../../src/report/kam/accountsSheet";
import { inputsSheet } from "../../../src/report/kam/inputsSheet";
import { kpiFormula } from "../../../src/report/kam/kpiFormulas";
import { matrixSheet } from "../../../src/report/kam/matrixSheet";
import { accountsForReport, prepareReport } from "../../../src/report/kam/prepareReport";
import { withPlanEngine } from "../../support/planEngine";
import { GRID, HEADER, SECTION } from "../../support/expectedLook";
import { REPORT_DAY, THREE_ACCOUNTS } from "../../support/threeAccounts";
import { without } from "./chartInputs";

const input = (values: Cell[][]) => ({ sheet: "Account Data", top: 0, left: 0, values });

/** The matrix sheet as buildReport makes it, for `values` and the analyst's `choices`. */
function matrixOf(values: Cell[][], choices?: PortfolioChoices) {
  const { table, options, periods, mapping } = accountsForReport(input(values), { now: REPORT_DAY, choices });
  const headers = Object.fromEntries(Object.entries(mapping.fields).map(([f, m]) => [f, m!.header || undefined]));
  const { kpis, metrics } = portfolioKpis(table, options);
  const retentionKnown = kpis.find((k) => k.id === "RetentionRate")?.value !== undefined;
  const layout = accountsLayout(table, options, headers, { clv: retentionKnown }, periods);
  const labels = Object.fromEntries(kpis.map((k) => [k.id, k.label])) as Record<KpiId, string>;
  const retention = retentionKnown ? kpiFormula("RetentionRate", layout, table) : undefined;
  const inputs = inputsSheet(table, options, labels, retention);
  return matrixSheet(table, options, metrics, layout, inputs.refs);
}

/** THREE_ACCOUNTS with an account manager (Borealis has none) and a gross margin, so the lists and CLV fill. */
const RICH: Cell[][] = [
  // prettier-ignore
  ["Account", "Revenue FY25", "Prior revenue", "NPS", "Relationship strength", "Status", "Growth potential",
    "Strategic fit", "Product: Cloud", "Product: Voice", "Account manager", "Gross margin"],
  ["Atlas", 1000, 900, 9, 4, "Active", 5, 4, 600, 400, "Ann", 0.4],
  ["Borealis", 500, 600, 3, 2, "Churned", 2, 1, null, 500, null, 0.3],
  ["Cygnus", 800, 700, 7, 5, "Active", 4, 5, 800, null, "Cy", 0.5],
];

/** THREE_ACCOUNTS with every account's status set to `status`. */
const withStatus = (status: string): Cell[][] =>
  THREE_ACCOUNTS.map((row, i) => (i === 0 ? row : row.map((c, j) => (j === 5 ? status : c))));

/** An Accounts column's rows 2–4 (the three accounts). */
const acc = (c: string) => `'Accounts'!$${c}$2:$${c}$4`;
const MUTED = { italic: true, color: "595959" };
const COLOURS_2X2 = ["70AD47", "4472C4", "FFC000", "A5A5A5"];
const COLOURS_3X3 = ["548235", "70AD47", "4472C4", "A9D08E", "9DC3E6", "FFD966", "FFC000", "F4B183", "A5A5A5"];
const MONEY = '#,##0,"k";-#,##0,"k";0';

/** A ranked list's entry in sheet row r, place k: its shown columns (Accounts ranges), key and Row column letters. */
function listEntry(r: number, k: number, cols: string[], keyCol: string, rowCol: string, key: string, filter: string) {
  return [
    ...cols.map((c) => ({
      f: `IF(ISNUMBER($${rowCol}${r}),IF(INDEX(${c},$${rowCol}${r}-1)="","",INDEX(${c},$${rowCol}${r}-1)),"")`,
    })),
    { f: `IFERROR(AGGREGATE(14,6,${key}/${filter},${k}),"")` },
    {
      f:
        `IF(ISNUMBER($${keyCol}${r}),AGGREGATE(15,6,ROW(${key})/(${filter}*(${key}=$${keyCol}${r})),` +
        `COUNTIF($${keyCol}$${r - k + 1}:$${keyCol}${r},$${keyCol}${r})),"")`,
    },
  ];
}

describe("the Portfolio Matrix's plan, 2×2", () => {
  it("heads the sheet: title, what its figures are, and the cut-offs the chart's axes cross at", () => {
    const { sheet, notes } = matrixOf(THREE_ACCOUNTS, { cuts: { strength: [60], attractiveness: [40] } });
    expect(sheet.name).toBe("Portfolio Matrix");
    expect(sheet.tabColor).toBe("70AD47");
    expect(sheet.showGridlines).toBe(false);
    expect(sheet.blocks[0]).toEqual({
      at: "A1",
      rows: [
        ["Key account portfolio: attractiveness × relative strength"],
        [
          "Live formulas over the Accounts sheet and the KAM Inputs sheet: edit a weight, a cut-off or a revenue and " +
            "every figure follows. Counts and revenue are of active accounts.",
        ],
        [
          "Chart axes cross at the cut-offs as built (strength 60, attractiveness 40): rebuild after changing a " +
            "cut-off to move them.",
        ],
      ],
    });
    expect(sheet.styles!.slice(0, 2)).toEqual([
      { range: "A1", font: { bold: true, size: 16, color: "1F3864" } },
      { range: "A2", font: MUTED },
    ]);
    expect(sheet.styles!.at(-1)).toEqual({ range: "A3", font: MUTED });
    expect(sheet.charts!.map((c) => [c.kind, c.crossAt])).toEqual([
      ["bubble", { x: 60, y: 40 }],
      ["stackedBar", undefined],
    ]);
    expect(notes).toEqual([]);
  });

  it("tables the segments: live name, active accounts, revenue, share, NPS and strategy per segment, then all", () => {
    const { sheet } = matrixOf(THREE_ACCOUNTS);
    // Accounts: revenue B, NPS D, Active K, attractiveness L, strength N, Quadrant O.
    expect(sheet.blocks[1]).toEqual({ at: "A4", rows: [["Portfolio segments"]] });
    const nps = (criteria: string) => {
      const count = (c: string) => `COUNTIFS(${criteria},${acc("K")},TRUE,${acc("D")},"${c}")`;
      return `IFERROR(100*(${count(">=9")}-${count("<=6")})/${count(">=0")},"")`;
    };
    const segmentRow = (r: number) => [
      { f: `'KAM Inputs'!$B$${16 + r}` },
      { f: `COUNTIFS(${acc("O")},$A${r},${acc("K")},TRUE)` },
      { f: `SUMIFS(${acc("C")},${acc("O")},$A${r},${acc("K")},TRUE)` },
      { f: `IF(SUM($C$6:$C$9)>0,$C${r}/SUM($C$6:$C$9),"")` },
      "",
      { f: nps(`${acc("O")},$A${r}`) },
      { f: `'KAM Inputs'!$C$${16 + r}` },
    ];
    expect(sheet.blocks[2]).toEqual({
      at: "A5",
      rows: [
        ["Segment", "Active accounts", "Revenue", "Share of revenue", "Average CLV", "NPS", "Strategy"],
        segmentRow(6),
        segmentRow(7),
        segmentRow(8),
        segmentRow(9),
        [
          "All segments",
          { f: "SUM(B6:B9)" },
          { f: "SUM(C6:C9)" },
          { f: `IF(C10>0,1,"")` },
          "",
          { f: nps(`${acc("L")},">=0",${acc("N")},">=0"`) },
          "",
        ],
      ],
    });
    // The first segment's NPS written out: the share of 9–10 answers less the share of 0–6 ones.
    expect(sheet.blocks[2].rows[1][5]).toEqual({
      f:
        `IFERROR(100*(COUNTIFS('Accounts'!$O$2:$O$4,$A6,'Accounts'!$K$2:$K$4,TRUE,'Accounts'!$D$2:$D$4,">=9")-` +
        `COUNTIFS('Accounts'!$O$2:$O$4,$A6,'Accounts'!$K$2:$K$4,TRUE,'Accounts'!$D$2:$D$4,"<=6"))/` +
        `COUNTIFS('Accounts'!$O$2:$O$4,$A6,'Accounts'!$K$2:$K$4,TRUE,'Accounts'!$D$2:$D$4,">=0"),"")`,
    });
  });

  it("draws the segment table: section, header, grid, formats per column, strategies wrapped, totals bold, colours", () => {
    const { sheet } = matrixOf(THREE_ACCOUNTS);
    expect(sheet.styles!.slice(2, 16)).toEqual([
      SECTION("A4:G4"),
      HEADER("A5:G5"),
      GRID("A5:G10"),
      { range: "B6:B10", numberFormat: "#,##0" },
      { range: "C6:C10", numberFormat: MONEY },
      { range: "D6:D10", numberFormat: "0.0%" },
      { range: "E6:E10", numberFormat: MONEY },
      { range: "F6:F10", numberFormat: "0.0" },
      { range: "G6:G9", wrapText: true, verticalAlignment: "top" },
      { range: "A10:G10", font: { bold: true } },
      { range: "A6", fill: "70AD47", font: { bold: true } },
      { range: "A7", fill: "4472C4", font: { bold: true } },
      { range: "A8", fill: "FFC000", font: { bold: true } },
      { range: "A9", fill: "A5A5A5", font: { bold: true } },
    ]);
  });

  it("lists each segment's active accounts, largest revenue first, under the segment's live name in its colour", () => {
    const { sheet } = matrixOf(THREE_ACCOUNTS);
    const tops = [12, 25, 38, 51];
    expect(sheet.blocks.slice(3, 11).map((b) => b.at)).toEqual([
      "A12",
      "A13",
      "A25",
      "A26",
      "A38",
      "A39",
      "A51",
      "A52",
    ]);
    tops.forEach((top, k) => {
      expect(sheet.blocks[3 + 2 * k].rows).toEqual([
        [{ f: `'KAM Inputs'!$B$${22 + k}` }, { f: `"largest "&LOWER("Revenue")&" first"` }],
      ]);
      const list = sheet.blocks[4 + 2 * k].rows;
      expect(list[0]).toEqual(["Account", "Attractiveness", "Strength", "Revenue", "Row"]);
      const filter = `((${acc("O")}=$A$${top})*${acc("K")})`;
      expect(list.slice(1)).toEqual(
        Array.from({ length: 10 }, (_, p) =>
          listEntry(top + 2 + p, p + 1, [acc("A"), acc("L"), acc("N")], "D", "E", acc("C"), filter),
        ),
      );
    });
    // The first list's first place, written out.
    expect(sheet.blocks[4].rows[1]).toEqual([
      { f: `IF(ISNUMBER($E14),IF(INDEX('Accounts'!$A$2:$A$4,$E14-1)="","",INDEX('Accounts'!$A$2:$A$4,$E14-1)),"")` },
      { f: `IF(ISNUMBER($E14),IF(INDEX('Accounts'!$L$2:$L$4,$E14-1)="","",INDEX('Accounts'!$L$2:$L$4,$E14-1)),"")` },
      { f: `IF(ISNUMBER($E14),IF(INDEX('Accounts'!$N$2:$N$4,$E14-1)="","",INDEX('Accounts'!$N$2:$N$4,$E14-1)),"")` },
      {
        f: `IFERROR(AGGREGATE(14,6,'Accounts'!$C$2:$C$4/(('Accounts'!$O$2:$O$4=$A$12)*'Accounts'!$K$2:$K$4),1),"")`,
      },
      {
        f:
          `IF(ISNUMBER($D14),AGGREGATE(15,6,ROW('Accounts'!$C$2:$C$4)/((('Accounts'!$O$2:$O$4=$A$12)*` +
          `'Accounts'!$K$2:$K$4)*('Accounts'!$C$2:$C$4=$D14)),COUNTIF($D$14:$D14,$D14)),"")`,
      },
    ]);
    // Each list: section title (its first cell in the segment's colour), header, revenue in full, scores to one
    // decimal, the Row column grey.
    expect(sheet.styles!.slice(16, 40)).toEqual(
      tops.flatMap((top, k) => [
        SECTION(`A${top}:E${top}`),
        { range: `A${top}`, fill: COLOURS_2X2[k] },
        HEADER(`A${top + 1}:E${top + 1}`),
        { range: `D${top + 2}:D${top + 11}`, numberFormat: "#,##0" },
        { range: `B${top + 2}:C${top + 11}`, numberFormat: "0.0" },
        { range: `E${top + 2}:E${top + 11}`, font: { color: "808080" } },
      ]),
    );
    expect(sheet.styles!.slice(16, 22)).toEqual([
      SECTION("A12:E12"),
      { range: "A12", fill: "70AD47" },
      HEADER("A13:E13"),
      { range: "D14:D23", numberFormat: "#,##0" },
      { range: "B14:C23", numberFormat: "0.0" },
      { range: "E14:E23", font: { color: "808080" } },
    ]);
  });

  it("puts the bubble chart at I4:Q32 with its data from S4, the parts chart below with its data under, and sizes the sheet", () => {
    const { sheet } = matrixOf(THREE_ACCOUNTS);
    expect(sheet.blocks.slice(11).map((b) => [b.at, b.rows.length])).toEqual([
      ["S4", 1],
      ["S5", 3],
      ["T10", 1],
      ["T11", 3],
    ]);
    expect(sheet.blocks[12].rows[0].slice(0, 7)).toEqual([
      "#",
      "Account",
      "Strength",
      "Attractiveness",
      "Revenue",
      "Quadrant",
      "Named on chart",
    ]);
    expect(sheet.blocks[14].rows[0]).toEqual(["Account", "Growth potential", "Strategic fit", "Attractiveness"]);
    expect(sheet.charts!.map((c) => [c.kind, c.title, c.from, c.to])).toEqual([
      ["bubble", "Portfolio matrix: the 2 largest accounts (bubble size: revenue)", "I4", "Q32"],
      ["stackedBar", "Why they score: points per criterion, the 2 most attractive accounts", "I34", "Q58"],
    ]);
    // The charts' data blocks' looks, between the lists' and the A3 note's.
    expect(sheet.styles!.slice(40)).toEqual([
      SECTION("S4:AC4"),
      HEADER("S5:AC5"),
      { range: "U6:V7", numberFormat: "0.0" },
      { range: "W6:W7", numberFormat: "#,##0" },
      { range: "Z6:AC7", numberFormat: "0.0", font: { color: "808080" } },
      ...["Z", "AA", "AB", "AC"].map((c, k) => ({
        range: `${c}5`,
        fill: COLOURS_2X2[k],
        font: { bold: true, color: "000000" },
      })),
      SECTION("T10:W10"),
      HEADER("T11:W11"),
      { range: "U12:W13", numberFormat: "0.0" },
      { range: "A3", font: MUTED },
    ]);
    // The tables' columns, and for the chart data the widest either chart asks (T: the bubble data's 26, not the
    // parts data's narrower Account column; W: the parts data's 15).
    expect(sheet.columnWidths).toEqual({
      A: 26,
      B: 16,
      C: 14,
      D: 14,
      E: 14,
      F: 10,
      G: 56,
      S: 5,
      T: 26,
      U: 17,
      V: 14,
      W: 15,
      X: 12,
      Y: 24,
      Z: 12,
      AA: 12,
      AB: 12,
      AC: 12,
    });
    // Title row, the segment table's wrapped header; the parts data's header keeps one line in its wider columns
    // (U: "Growth potential", V: "Strategic fit", a character to spare each).
    expect(sheet.rowHeights).toEqual({ 1: 24, 5: 30 });
    // Down to the last list (its last place in row 62, a row to spare).
    expect(sheet.print).toEqual({ landscape: true, fitToOnePage: true, area: "A1:Q64" });
  });

  it("shows the account manager in the lists and the average CLV in the segment table where the columns are there", () => {
    const { sheet, notes } = matrixOf(RICH);
    // Accounts: owner B, revenue D (after prior revenue in C), NPS F, Active M, attractiveness N, strength P, Quadrant Q, CLV S.
    const table = sheet.blocks[2].rows;
    expect(table[1][4]).toEqual({ f: `IFERROR(AVERAGEIFS(${acc("S")},${acc("Q")},$A6,${acc("M")},TRUE),"")` });
    expect(table[4][4]).toEqual({ f: `IFERROR(AVERAGEIFS(${acc("S")},${acc("Q")},$A9,${acc("M")},TRUE),"")` });
    expect(table[5][4]).toEqual({
      f: `IFERROR(AVERAGEIFS('Accounts'!$S$2:$S$4,'Accounts'!$N$2:$N$4,">=0",'Accounts'!$P$2:$P$4,">=0",'Accounts'!$M$2:$M$4,TRUE),"")`,
    });
    const list = sheet.blocks[4];
    expect(list.at).toBe("A13");
    expect(list.rows[0]).toEqual(["Account", "Account manager", "Attractiveness", "Strength", "Revenue", "Row"]);
    expect(list.rows[1]).toEqual(
      listEntry(
        14,
        1,
        [acc("A"), acc("B"), acc("N"), acc("P")],
        "E",
        "F",
        acc("D"),
        `((${acc("Q")}=$A$12)*${acc("M")})`,
      ),
    );
    // A column wider: the titles and headers to F, revenue in E, scores in C:D, Row in F.
    expect(sheet.styles!.slice(16, 22)).toEqual([
      SECTION("A12:F12"),
      { range: "A12", fill: "70AD47" },
      HEADER("A13:F13"),
      { range: "E14:E23", numberFormat: "#,##0" },
      { range: "C14:D23", numberFormat: "0.0" },
      { range: "F14:F23", font: { color: "808080" } },
    ]);
    expect(sheet.blocks[9].at).toBe("A51");
    expect(notes).toEqual([]);
  });

  it("ranks the lists by attractiveness, and leaves revenue and share blank, without a revenue column", () => {
    const { sheet } = matrixOf(without(THREE_ACCOUNTS, "Revenue FY25"));
    // Accounts: NPS C, Active J, attractiveness K, strength M, Quadrant N.
    const table = sheet.blocks[2].rows;
    expect(table[1].slice(0, 5)).toEqual([
      { f: "'KAM Inputs'!$B$22" },
      { f: `COUNTIFS(${acc("N")},$A6,${acc("J")},TRUE)` },
      "",
      "",
      "",
    ]);
    expect(table[5].slice(0, 5)).toEqual(["All segments", { f: "SUM(B6:B9)" }, "", "", ""]);
    expect(sheet.blocks[3].rows).toEqual([
      [{ f: "'KAM Inputs'!$B$22" }, { f: `"largest "&LOWER("Attractiveness")&" first"` }],
    ]);
    expect(sheet.blocks[4].rows[0]).toEqual(["Account", "Attractiveness", "Strength", "Attractiveness", "Row"]);
    expect(sheet.blocks[4].rows[1]).toEqual(
      listEntry(14, 1, [acc("A"), acc("K"), acc("M")], "D", "E", acc("K"), `((${acc("N")}=$A$12)*${acc("J")})`),
    );
    // The key is a score: to one decimal, as the score columns.
    expect(sheet.styles!.slice(16, 22)).toEqual([
      SECTION("A12:E12"),
      { range: "A12", fill: "70AD47" },
      HEADER("A13:E13"),
      { range: "D14:D23", numberFormat: "0.0" },
      { range: "B14:C23", numberFormat: "0.0" },
      { range: "E14:E23", font: { color: "808080" } },
    ]);
    expect(sheet.charts!.map((c) => [c.kind, c.from])).toEqual([
      ["scatter", "I4"],
      ["stackedBar", "I34"],
    ]);
  });

  it("leaves the NPS column blank without an NPS column", () => {
    const { sheet } = matrixOf(without(THREE_ACCOUNTS, "NPS"));
    expect(sheet.blocks[2].rows.map((r) => r[5])).toEqual(["NPS", "", "", "", "", ""]);
    expect(sheet.blocks[2].rows[1][6]).toEqual({ f: "'KAM Inputs'!$C$22" });
  });

  it("keeps the print area to the charts' foot (row 59) where the lists end higher", () => {
    const { sheet } = matrixOf(THREE_ACCOUNTS, { listPerSegment: 1 });
    expect(sheet.blocks.slice(3, 11).map((b) => [b.at, b.rows.length])).toEqual([
      ["A12", 1],
      ["A13", 2],
      ["A16", 1],
      ["A17", 2],
      ["A20", 1],
      ["A21", 2],
      ["A24", 1],
      ["A25", 2],
    ]);
    expect(sheet.styles!.slice(16, 22)).toEqual([
      SECTION("A12:E12"),
      { range: "A12", fill: "70AD47" },
      HEADER("A13:E13"),
      { range: "D14:D14", numberFormat: "#,##0" },
      { range: "B14:C14", numberFormat: "0.0" },
      { range: "E14:E14", font: { color: "808080" } },
    ]);
    expect(sheet.print).toEqual({ landscape: true, fitToOnePage: true, area: "A1:Q59" });
  });

  it("plans no chart where no account is active, and prints at least to row 30", () => {
    const { sheet, notes } = matrixOf(withStatus("Churned"), { listPerSegment: 1 });
    expect(sheet.charts).toEqual([]);
    expect(sheet.blocks.map((b) => b.at)).toEqual([
      "A1",
      "A4",
      "A5",
      "A12",
      "A13",
      "A16",
      "A17",
      "A20",
      "A21",
      "A24",
      "A25",
    ]);
    expect(sheet.columnWidths).toEqual({ A: 26, B: 16, C: 14, D: 14, E: 14, F: 10, G: 56 });
    expect(sheet.rowHeights).toEqual({ 1: 24, 5: 30 });
    // The last list ends in row 26.
    expect(sheet.print).toEqual({ landscape: true, fitToOnePage: true, area: "A1:Q30" });
    expect(notes).toEqual([]);
  });

  it("puts the parts chart's data from row 8 where the bubble chart has no account to draw", () => {
    // No active account has a strength: the bubble chart draws nothing, the parts chart both active accounts.
    const values = THREE_ACCOUNTS.map((row, i) => (i === 1 || i === 3 ? row.map((c, j) => (j === 4 ? null : c)) : row));
    const { sheet } = matrixOf(values);
    expect(sheet.charts!.map((c) => [c.kind, c.from, c.to])).toEqual([["stackedBar", "I34", "Q58"]]);
    expect(sheet.blocks.slice(11).map((b) => b.at)).toEqual(["T8", "T9"]);
    expect(sheet.rowHeights).toEqual({ 1: 24, 5: 30 });
    expect(sheet.columnWidths).toEqual({ A: 26, B: 16, C: 14, D: 14, E: 14, F: 10, G: 56, T: 26, U: 17, V: 14, W: 15 });
  });
});

describe("the Portfolio Matrix's plan, 3×3", () => {
  it("tables nine segments in the 3×3 colours and lists each, with no note on crossing axes", () => {
    const { sheet, notes } = matrixOf(THREE_ACCOUNTS, { grid: 3 });
    expect(sheet.blocks[0].rows[2]).toEqual([""]);
    expect(sheet.styles!.at(-1)).toEqual({ range: "A3", font: MUTED });
    const table = sheet.blocks[2];
    expect(table.at).toBe("A5");
    expect(table.rows.map((r) => r[0])).toEqual([
      "Segment",
      ...Array.from({ length: 9 }, (_, k) => ({ f: `'KAM Inputs'!$B$${22 + k}` })),
      "All segments",
    ]);
    expect(table.rows[9]).toEqual([
      { f: "'KAM Inputs'!$B$30" },
      { f: `COUNTIFS(${acc("O")},$A14,${acc("K")},TRUE)` },
      { f: `SUMIFS(${acc("C")},${acc("O")},$A14,${acc("K")},TRUE)` },
      { f: `IF(SUM($C$6:$C$14)>0,$C14/SUM($C$6:$C$14),"")` },
      "",
      expect.objectContaining({
        f: expect.stringMatching(/^IFERROR\(100\*\(COUNTIFS\('Accounts'!\$O\$2:\$O\$4,\$A14,/),
      }),
      { f: "'KAM Inputs'!$C$30" },
    ]);
    expect(table.rows[10].slice(0, 4)).toEqual([
      "All segments",
      { f: "SUM(B6:B14)" },
      { f: "SUM(C6:C14)" },
      { f: `IF(C15>0,1,"")` },
    ]);
    expect(sheet.styles!.slice(2, 21)).toEqual([
      SECTION("A4:G4"),
      HEADER("A5:G5"),
      GRID("A5:G15"),
      { range: "B6:B15", numberFormat: "#,##0" },
      { range: "C6:C15", numberFormat: MONEY },
      { range: "D6:D15", numberFormat: "0.0%" },
      { range: "E6:E15", numberFormat: MONEY },
      { range: "F6:F15", numberFormat: "0.0" },
      { range: "G6:G14", wrapText: true, verticalAlignment: "top" },
      { range: "A15:G15", font: { bold: true } },
      ...COLOURS_3X3.map((fill, k) => ({ range: `A${6 + k}`, fill, font: { bold: true } })),
    ]);
    // Nine lists from row 17, 13 rows apart, each titled in its segment's colour.
    const tops = [17, 30, 43, 56, 69, 82, 95, 108, 121];
    expect(sheet.blocks.slice(3, 21).map((b) => b.at)).toEqual(tops.flatMap((t) => [`A${t}`, `A${t + 1}`]));
    tops.forEach((top, k) => {
      expect(sheet.blocks[3 + 2 * k].rows[0][0]).toEqual({ f: `'KAM Inputs'!$B$${22 + k}` });
      expect(sheet.styles).toContainEqual({ range: `A${top}`, fill: COLOURS_3X3[k] });
    });
    expect(sheet.blocks[20].rows[10]).toEqual(
      listEntry(132, 10, [acc("A"), acc("L"), acc("N")], "D", "E", acc("C"), `((${acc("O")}=$A$121)*${acc("K")})`),
    );
    expect(sheet.charts!.map((c) => [c.kind, c.crossAt])).toEqual([
      ["bubble", undefined],
      ["stackedBar", undefined],
    ]);
    expect(sheet.charts![0].series.map((s) => s.color)).toEqual(COLOURS_3X3);
    expect(sheet.print).toEqual({ landscape: true, fitToOnePage: true, area: "A1:Q134" });
    expect(notes).toEqual([]);
  });
});

describe("the Portfolio Matrix left out", () => {
  it("says a strength column is missing and lists the most attractive active accounts instead", () => {
    const { sheet, notes } = matrixOf(without(THREE_ACCOUNTS, "Relationship strength"));
    const message = "The matrix needs a Relationship strength or Share of wallet column: it was left out.";
    expect(notes).toEqual([`Portfolio Matrix: ${message}`]);
    // Accounts: Active J, attractiveness K.
    const filter = `(${acc("J")}*ISNUMBER(${acc("K")}))`;
    expect(sheet).toEqual({
      name: "Portfolio Matrix",
      tabColor: "70AD47",
      showGridlines: false,
      rowHeights: { 1: 24, 7: 30 },
      columnWidths: { A: 26, B: 16, C: 14, D: 14, E: 14, F: 10, G: 56 },
      blocks: [
        {
          at: "A1",
          rows: [
            ["Key account portfolio: attractiveness × relative strength"],
            [
              "Live formulas over the Accounts sheet and the KAM Inputs sheet: edit a weight, a cut-off or a revenue " +
                "and every figure follows. Counts and revenue are of active accounts.",
            ],
          ],
        },
        { at: "A4", rows: [[message]] },
        { at: "A6", rows: [["Accounts by attractiveness"]] },
        {
          at: "A7",
          rows: [
            ["Account", "Attractiveness", "Row"],
            [
              {
                f: `IF(ISNUMBER($C8),IF(INDEX('Accounts'!$A$2:$A$4,$C8-1)="","",INDEX('Accounts'!$A$2:$A$4,$C8-1)),"")`,
              },
              {
                f: `IFERROR(AGGREGATE(14,6,'Accounts'!$K$2:$K$4/('Accounts'!$J$2:$J$4*ISNUMBER('Accounts'!$K$2:$K$4)),1),"")`,
              },
              {
                f:
                  `IF(ISNUMBER($B8),AGGREGATE(15,6,ROW('Accounts'!$K$2:$K$4)/(('Accounts'!$J$2:$J$4*` +
                  `ISNUMBER('Accounts'!$K$2:$K$4))*('Accounts'!$K$2:$K$4=$B8)),COUNTIF($B$8:$B8,$B8)),"")`,
              },
            ],
            listEntry(9, 2, [acc("A")], "B", "C", acc("K"), filter),
            listEntry(10, 3, [acc("A")], "B", "C", acc("K"), filter),
          ],
        },
      ],
      styles: [
        { range: "A1", font: { bold: true, size: 16, color: "1F3864" } },
        { range: "A2", font: MUTED },
        { range: "A4", font: { bold: true, color: "9C0006" } },
        SECTION("A6:F6"),
        HEADER("A7:C7"),
        { range: "B8:B10", numberFormat: "0.0" },
      ],
      charts: [],
      // As far as the longest list (the top 40) could reach.
      print: { landscape: true, fitToOnePage: true, area: "A1:Q48" },
    });
  });

  it("lists as many accounts as the chart's top N where there are more accounts than that", () => {
    const { sheet } = matrixOf(without(THREE_ACCOUNTS, "Relationship strength"), { topN: 2 });
    expect(sheet.blocks[3].rows.map((r) => r[1])).toEqual([
      "Attractiveness",
      { f: `IFERROR(AGGREGATE(14,6,${acc("K")}/(${acc("J")}*ISNUMBER(${acc("K")})),1),"")` },
      { f: `IFERROR(AGGREGATE(14,6,${acc("K")}/(${acc("J")}*ISNUMBER(${acc("K")})),2),"")` },
    ]);
    expect(sheet.styles!.at(-1)).toEqual({ range: "B8:B9", numberFormat: "0.0" });
    expect(sheet.print).toEqual({ landscape: true, fitToOnePage: true, area: "A1:Q30" });
  });

  it("says the attractiveness criteria are missing, and both where neither is there, with no list", () => {
    const noCriteria = without(THREE_ACCOUNTS, "Growth potential", "Strategic fit");
    const criteria = "attractiveness criteria (rated columns, chosen in the taskpane or settings)";
    const strength = "a Relationship strength or Share of wallet column";
    for (const [values, missing] of [
      [noCriteria, criteria],
      [without(noCriteria, "Relationship strength"), `${criteria} and ${strength}`],
      [without(noCriteria, "Relationship strength", "Revenue FY25"), `${criteria} and ${strength}`],
    ] as const) {
      const { sheet, notes } = matrixOf(values);
      const message = `The matrix needs ${missing}: it was left out.`;
      expect(notes).toEqual([`Portfolio Matrix: ${message}`]);
      expect(sheet.blocks.slice(1)).toEqual([{ at: "A4", rows: [[message]] }]);
      expect(sheet.styles!.slice(2)).toEqual([{ range: "A4", font: { bold: true, color: "9C0006" } }]);
      expect(sheet.charts).toEqual([]);
      expect(sheet.rowHeights).toEqual({ 1: 24, 7: 30 });
      expect(sheet.print).toEqual({ landscape: true, fitToOnePage: true, area: "A1:Q48" });
    }
  });
});

describe("the Portfolio Matrix in HyperFormula", () => {
  it("counts, sums and shares the active accounts per segment, and ranks each segment's largest first", () => {
    // All three active: Atlas (1000) and Cygnus (800) Strategic, Borealis (500) Streamline.
    const { report } = prepareReport(input(withStatus("Active")), { now: REPORT_DAY });
    withPlanEngine(report!.plan, (e) => {
      const v = (address: string) => e.value("Portfolio Matrix", address);
      const rows = (from: number, to: number, cols: string[]) =>
        Array.from({ length: to - from + 1 }, (_, k) => cols.map((c) => v(`${c}${from + k}`)));
      expect(v("A3")).toBe(
        "Chart axes cross at the cut-offs as built (strength 50, attractiveness 50): rebuild after changing a cut-off " +
          "to move them.",
      );
      expect(rows(5, 10, ["A", "B", "C"])).toEqual([
        ["Segment", "Active accounts", "Revenue"],
        ["Strategic", 2, 1800],
        ["Star", 0, 0],
        ["Status", 0, 0],
        ["Streamline", 1, 500],
        ["All segments", 3, 2300],
      ]);
      expect(v("D6")).toBeCloseTo(1800 / 2300, 12);
      expect(v("D7")).toBe(0);
      expect(v("D9")).toBeCloseTo(500 / 2300, 12);
      expect(v("D10")).toBe(1);
      // NPS: Atlas 9 and Cygnus 7 → (1 − 0) / 2; Borealis 3 → −100; all: (1 − 1) / 3.
      expect([v("F6"), v("F7"), v("F9"), v("F10")]).toEqual([50, "", -100, 0]);
      expect(v("G6")).toBe("Invest: joint plans, senior sponsors, a dedicated team.");
      expect(rows(12, 16, ["A", "B", "C", "D", "E"])).toEqual([
        ["Strategic", "largest revenue first", null, null, null],
        ["Account", "Attractiveness", "Strength", "Revenue", "Row"],
        ["Atlas", 87.5, 75, 1000, 2],
        ["Cygnus", 87.5, 100, 800, 4],
        ["", "", "", "", ""],
      ]);
      expect(rows(51, 54, ["A", "B", "D", "E"])).toEqual([
        ["Streamline", "largest revenue first", null, null],
        ["Account", "Attractiveness", "Revenue", "Row"],
        ["Borealis", 12.5, 500, 3],
        ["", "", "", ""],
      ]);
      expect(rows(25, 27, ["A", "B"])).toEqual([
        ["Star", "largest revenue first"],
        ["Account", "Attractiveness"],
        ["", ""],
      ]);
    });
  });

  it("lists the most attractive active accounts where the matrix is left out", () => {
    const { report } = prepareReport(input(without(THREE_ACCOUNTS, "Relationship strength")), { now: REPORT_DAY });
    withPlanEngine(report!.plan, (e) => {
      const v = (address: string) => e.value("Portfolio Matrix", address);
      expect(v("A4")).toBe("The matrix needs a Relationship strength or Share of wallet column: it was left out.");
      expect(v("A6")).toBe("Accounts by attractiveness");
      // Atlas and Cygnus tie at 87.5: in sheet order; Borealis is churned.
      expect([8, 9, 10].map((r) => ["A", "B", "C"].map((c) => v(`${c}${r}`)))).toEqual([
        ["Atlas", 87.5, 2],
        ["Cygnus", 87.5, 4],
        ["", "", ""],
      ]);
    });
  });
});
