/**
 * The Whitespace sheet's plan (src/report/kam/whitespaceSheet.ts): its heading, the benchmark and owners tables, the
 * per-account columns beside the map, the top opportunities, their looks (styles, colour scale, widths, heights,
 * merges, freeze, print), the products-owned range the dashboard counts, the note on segments compared with all
 * owners, and the core's refusal of a negative product revenue. The numbers themselves: whitespace.engine.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { Cell } from "../../../samples/telecomAccounts";
import { accountsLayout } from "../../../src/report/kam/accountsSheet";
import { whitespaceSheet } from "../../../src/report/kam/whitespaceSheet";
import { accountsForReport } from "../../../src/report/kam/prepareReport";
import { GRID, HEADER, SECTION } from "../../support/expectedLook";

const NOW = new Date(Date.UTC(2026, 0, 2));

/** Four accounts, three of them in Ent (enough owners for its own benchmark), three products. */
const SEG: Cell[][] = [
  ["Account", "Segment", "Status", "Growth potential", "Product: Cloud", "Product: Voice", "Product: IoT"],
  ["Atlas", "Ent", "Active", 5, 600, 400, 0],
  ["Borealis", "Ent", "Active", 2, null, 500, 10],
  ["Cygnus", "Ent", "Active", 4, 800, null, 20],
  ["Deneb", "SMB", "Active", 3, 100, 50, null],
];

function prepared(values: Cell[][]) {
  const { table, options, periods, mapping } = accountsForReport(
    { sheet: "Account Data", top: 0, left: 0, values },
    { now: NOW },
  );
  const headers = Object.fromEntries(Object.entries(mapping.fields).map(([f, m]) => [f, m!.header || undefined]));
  return { table, layout: accountsLayout(table, options, headers, { clv: false }, periods) };
}

const whitespaceOf = (values: Cell[][]) => {
  const { table, layout } = prepared(values);
  return whitespaceSheet(table, layout)!;
};

describe("the Whitespace sheet's plan", () => {
  it("heads the sheet, then the benchmarks and owners by segment and for all accounts, then the top opportunities", () => {
    const { sheet } = whitespaceOf(SEG);
    expect(sheet.blocks.map((b) => [b.at, b.rows[0]])).toEqual([
      ["A1", ["Whitespace and total account value"]],
      ["A4", ["Benchmark revenue: the median among owners"]],
      ["A5", ["Segment", "Cloud", "Voice", "IoT"]],
      ["A9", ["Owners (a segment with fewer than 3 uses all owners)"]],
      ["A10", ["Segment", "Cloud", "Voice", "IoT"]],
      [
        "G1",
        [
          "Account",
          "Segment",
          "Revenue",
          "Products owned",
          "Whitespace potential",
          "Total account value",
          "Benchmark row",
          "Cloud",
          "Voice",
          "IoT",
        ],
      ],
      ["A14", ["Top opportunities: active accounts, largest first"]],
      ["A15", ["Account", "Segment", "Product", "Potential", "Position"]],
    ]);
    expect(sheet.blocks[0].rows[1]).toEqual([
      "What each account does not buy yet: for each product it lacks, the median revenue of that product among its " +
        "segment's owners (all owners where the segment has fewer than 3). Live formulas over the Accounts sheet.",
    ]);
    // Ent has its own row (3 accounts); SMB (1) uses all owners.
    expect(sheet.blocks[2].rows.map((r) => r[0])).toEqual(["Segment", "Ent", "All accounts"]);
    expect(sheet.blocks[4].rows.map((r) => r[0])).toEqual(["Segment", "Ent", "All accounts"]);
    expect(sheet.blocks[4].rows[2]).toEqual([
      "All accounts",
      { f: `COUNTIF('Accounts'!$E$2:$E$5,">0")` },
      { f: `COUNTIF('Accounts'!$F$2:$F$5,">0")` },
      { f: `COUNTIF('Accounts'!$G$2:$G$5,">0")` },
    ]);
    // Twenty opportunities; the first: the account and segment of the map position in E16, the product over the map.
    expect(sheet.blocks[7].rows).toHaveLength(21);
    expect(sheet.blocks[7].rows[1].slice(0, 3)).toEqual([
      { f: 'IF(ISNUMBER($E16),INDEX($G$2:$G$5,INT($E16/3)+1),"")' },
      { f: 'IF(ISNUMBER($E16),INDEX($H$2:$H$5,INT($E16/3)+1),"")' },
      { f: 'IF(ISNUMBER($E16),INDEX($N$1:$P$1,MOD($E16,3)+1),"")' },
    ]);
  });

  it("styles every table: sections, headers, grids, money and counts, totals bold, helpers grey, the map coloured", () => {
    const { sheet } = whitespaceOf(SEG);
    expect(sheet.styles).toEqual([
      { range: "A1", font: { bold: true, size: 16, color: "1F3864" } },
      { range: "A2", font: { italic: true, color: "595959" }, wrapText: true, verticalAlignment: "top" },
      SECTION("A4:D4"),
      HEADER("A5:D5"),
      GRID("A5:D7"),
      { range: "B6:D7", numberFormat: "#,##0" },
      { range: "A7:D7", font: { bold: true } },
      SECTION("A9:D9"),
      HEADER("A10:D10"),
      GRID("A10:D12"),
      { range: "B11:D12", numberFormat: "#,##0" },
      HEADER("G1:P1"),
      { range: "I2:I5", numberFormat: "#,##0" },
      { range: "K2:L5", numberFormat: "#,##0" },
      { range: "N2:P5", numberFormat: "#,##0", horizontalAlignment: "right" },
      { range: "L2:L5", font: { bold: true } },
      { range: "M2:M5", font: { color: "808080" } },
      SECTION("A14:E14"),
      HEADER("A15:E15"),
      GRID("A15:E35"),
      { range: "D16:D35", numberFormat: "#,##0" },
      { range: "E16:E35", font: { color: "808080" } },
    ]);
    expect(sheet.conditionalFormats).toEqual([
      { type: "colorScale", range: "N2:P5", colors: ["FFFFFF", "FFE699", "F4B183"] },
      {
        type: "cellValue",
        range: "N2:P5",
        operator: "equal",
        formula1: '"owned"',
        fill: "C6EFCE",
        fontColor: "006100",
      },
    ]);
  });

  it("sets the tab, widths (summary 16, the gap 3, the per-account columns 14), header height, merge, freeze, print", () => {
    const { sheet, productsOwned, notes } = whitespaceOf(SEG);
    expect(sheet.name).toBe("Whitespace");
    expect(sheet.tabColor).toBe("C55A11");
    expect(sheet.showGridlines).toBe(false);
    expect(sheet.freeze).toEqual({ rows: 1, columns: 0 });
    expect(sheet.columnWidths).toEqual({
      A: 28,
      B: 16,
      C: 16,
      D: 16,
      E: 16,
      F: 3,
      G: 28,
      H: 14,
      I: 14,
      J: 14,
      K: 14,
      L: 14,
      M: 14,
      N: 14,
      O: 14,
      P: 14,
    });
    expect(sheet.rowHeights).toEqual({ 1: 30 });
    expect(sheet.merges).toEqual(["A2:D3"]);
    expect(sheet.print).toEqual({ landscape: true });
    expect(sheet.patterns![0].at).toBe("G2");
    expect(sheet.patterns![0].count).toBe(4);
    expect(productsOwned).toBe("'Whitespace'!$J$2:$J$5");
    expect(notes).toEqual([]);
  });

  it("without segments: no segment or benchmark-row columns, the map right after the totals", () => {
    const values = SEG.map((r) => r.filter((_, j) => j !== 1));
    const { sheet, productsOwned } = whitespaceOf(values);
    expect(sheet.blocks.find((b) => b.at === "F1")!.rows[0]).toEqual([
      "Account",
      "Revenue",
      "Products owned",
      "Whitespace potential",
      "Total account value",
      "Cloud",
      "Voice",
      "IoT",
    ]);
    expect(sheet.styles!.filter((s) => s.font?.color === "808080")).toEqual([
      { range: "D14:D33", font: { color: "808080" } },
    ]);
    const list = sheet.blocks.find((b) => b.at === "A13")!.rows;
    expect(list[0]).toEqual(["Account", "Product", "Potential", "Position"]);
    expect(list[1].slice(0, 2)).toEqual([
      { f: 'IF(ISNUMBER($D14),INDEX($F$2:$F$5,INT($D14/3)+1),"")' },
      { f: 'IF(ISNUMBER($D14),INDEX($K$1:$M$1,MOD($D14,3)+1),"")' },
    ]);
    expect(productsOwned).toBe("'Whitespace'!$H$2:$H$5");
  });

  it("notes how many smaller segments are compared with all owners beyond the 30 largest", () => {
    const row = (s: string, i: number): Cell[] => [`Acc ${s} ${i}`, s, "Active", 3, 100 + i, 50, null];
    const segs = Array.from({ length: 32 }, (_, k) => `S${String(k).padStart(2, "0")}`);
    // Segments with 3 accounts each, the last two with 3 and the first 30 with 4: the two smallest are dropped.
    // The two smaller segments come first in the table: the largest are kept wherever they stand.
    const values: Cell[][] = [
      SEG[0],
      ...[...segs.slice(30), ...segs.slice(0, 30)].flatMap((s) =>
        Array.from({ length: segs.indexOf(s) < 30 ? 4 : 3 }, (_, i) => row(s, i)),
      ),
    ];
    const kept = whitespaceOf(values);
    expect(kept.sheet.blocks[2].rows.map((r) => r[0])).toEqual(["Segment", ...segs.slice(0, 30), "All accounts"]);
    expect(kept.notes).toEqual([
      "Whitespace: the 30 largest customer segments have their own benchmarks; 2 smaller ones are compared with all owners.",
    ]);
    const one: Cell[][] = [
      SEG[0],
      ...segs.slice(0, 31).flatMap((s, k) => Array.from({ length: k < 30 ? 4 : 3 }, (_, i) => row(s, i))),
    ];
    expect(whitespaceOf(one).notes).toEqual([
      "Whitespace: the 30 largest customer segments have their own benchmarks; 1 smaller one is compared with all owners.",
    ]);
  });

  it("points each segment's benchmark at its own name, owners and the all-accounts row", () => {
    const values: Cell[][] = [
      ["Account", "Segment", "Status", "Growth potential", "Product: Cloud", "Product: Voice"],
      ...["A1", "A2", "A3"].map((a, i): Cell[] => [a, "Ent", "Active", 5, 600 + 100 * i, i === 1 ? null : 400]),
      ...["B1", "B2", "B3"].map((a, i): Cell[] => [a, "SMB", "Active", 5, 60 + 10 * i, i === 1 ? null : 40]),
    ];
    const { sheet } = whitespaceOf(values);
    const S = "'Accounts'!$B$2:$B$7";
    const E = "'Accounts'!$E$2:$E$7";
    // Benchmarks in rows 6 and 7, all accounts in 8; owners in rows 12 and 13.
    expect(sheet.blocks[2].rows[2][1]).toEqual({
      f: `IF(B$13>=3,AGGREGATE(17,6,${E}/((${S}=$A7)*(${E}>0)),2),B$8)`,
    });
    expect(sheet.blocks[4].rows[2][1]).toEqual({
      f: `SUMPRODUCT((${S}=$A13)*ISNUMBER(${E})*(${E}>0))`,
    });
    expect(sheet.blocks[2].rows[1][1]).toEqual({
      f: `IF(B$12>=3,AGGREGATE(17,6,${E}/((${S}=$A6)*(${E}>0)),2),B$8)`,
    });
  });

  it("is undefined without product revenue columns", () => {
    const { table, layout } = prepared(SEG.map((r) => r.slice(0, 4)));
    expect(table.productRevenue ?? []).toEqual([]);
    expect(whitespaceSheet(table, layout)).toBeUndefined();
  });

  it("refuses a negative product revenue with the core's message", () => {
    const { table, layout } = prepared(SEG);
    (table.productRevenue![1].values as Float64Array)[2] = -5;
    expect(() => whitespaceSheet(table, layout)).toThrow(
      "whitespace: product_revenue row 3, product 2 is -5; a revenue cannot be negative.",
    );
  });

  it("without a revenue column: each account's revenue is the sum of its product revenues, blanks 0", () => {
    // SEG has no revenue column: Atlas 600 + 400 + 0, Borealis 500 + 10, Cygnus 800 + 20, Deneb 100 + 50
    const { sheet, result } = whitespaceOf(SEG);
    const pattern = sheet.patterns![0].pattern;
    expect(pattern.slice(0, 6)).toEqual([
      { f: "'Accounts'!$A{row}" },
      { f: `IF('Accounts'!$B{row}="","",'Accounts'!$B{row})` },
      { f: "SUM('Accounts'!$E{row}:$G{row})" },
      { f: 'COUNTIF($N{row}:$P{row},"owned")' },
      { f: "SUM($N{row}:$P{row})" },
      { f: "$I{row}+$K{row}" },
    ]);
    // Ent has 3 accounts but at most 2 owners of each product: every benchmark is all owners' median
    // (Cloud 600 of 100, 600, 800; Voice 400 of 50, 400, 500; IoT 15 of 10, 20)
    expect(Array.from(result.potential)).toEqual([15, 600, 400, 15]);
    expect(Array.from(result.total)).toEqual([1015, 1110, 1220, 165]);
    expect(result.segments).toEqual(["Ent", "Ent", "Ent", null]);
  });

  it("with a revenue column: the revenue is that column's, and without segments the core reads none", () => {
    const values: Cell[][] = [
      ["Account", "Revenue FY25", "Product: Cloud", "Product: Voice"],
      ["Atlas", 2000, 600, null],
      ["Borealis", null, null, 500],
      ["Cygnus", 900, 800, 300],
    ];
    const { sheet, result } = whitespaceOf(values);
    expect(sheet.patterns![0].pattern.slice(0, 2)).toEqual([
      { f: "'Accounts'!$A{row}" },
      { f: "N('Accounts'!$B{row})" },
    ]);
    // potentials: Atlas lacks Voice (400 of 300, 500), Borealis Cloud (700 of 600, 800); a blank revenue counts 0
    expect(Array.from(result.total)).toEqual([2400, 700, 900]);
    expect(result.segments).toEqual([]);
  });
});
