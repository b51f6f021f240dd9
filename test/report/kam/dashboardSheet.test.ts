/**
 * The KPI dashboard's plan (src/report/kam/dashboardSheet.ts): its heading, the KPI table (value, target, gap and
 * status formulas, their formats and looks, the KPI_* names), the sentences for the KPIs left out, and the tiles that
 * point at the table; the status, gap and tiles evaluated by HyperFormula with targets set.
 */
import { describe, expect, it } from "vitest";
import type { Cell } from "../../../samples/telecomAccounts";
import { portfolioKpis, type Kpi, type KpiId, type PortfolioChoices } from "../../../src/core";
import { accountsLayout } from "../../../src/report/kam/accountsSheet";
import { dashboardSheet } from "../../../src/report/kam/dashboardSheet";
import { inputsSheet } from "../../../src/report/kam/inputsSheet";
import { whitespaceSheet } from "../../../src/report/kam/whitespaceSheet";
import { kpiFormula } from "../../../src/report/kam/kpiFormulas";
import { accountsForReport, prepareReport } from "../../../src/report/kam/prepareReport";
import { withPlanEngine } from "../../support/planEngine";
import { GRID, HEADER, SECTION } from "../../support/expectedLook";
import { REPORT_DAY, THREE_ACCOUNTS } from "../../support/threeAccounts";

const TABLE = THREE_ACCOUNTS;
const NOW = REPORT_DAY;
const input = (values: Cell[][]) => ({ sheet: "Account Data", top: 0, left: 0, values });

/** The dashboard as buildReport makes it (before the Progress section), for `values`; `edit` may change the KPIs. */
function dashboardOf(
  values: Cell[][],
  edit: (kpis: readonly Kpi[]) => readonly Kpi[] = (k) => k,
  choices?: PortfolioChoices,
) {
  const { table, options, periods, mapping } = accountsForReport(input(values), { now: NOW, choices });
  const headers = Object.fromEntries(Object.entries(mapping.fields).map(([f, m]) => [f, m!.header || undefined]));
  const { kpis } = portfolioKpis(table, options);
  const retentionKnown = kpis.find((k) => k.id === "RetentionRate")?.value !== undefined;
  const layout = accountsLayout(table, options, headers, { clv: retentionKnown }, periods);
  const labels = Object.fromEntries(kpis.map((k) => [k.id, k.label])) as Record<KpiId, string>;
  const retention = retentionKnown ? kpiFormula("RetentionRate", layout, table) : undefined;
  const inputs = inputsSheet(table, options, labels, retention);
  const whitespace = whitespaceSheet(table, layout);
  const owned = whitespace && { range: whitespace.productsOwned, counts: whitespace.result.owned };
  return dashboardSheet(table, options, edit(kpis), layout, inputs.refs, periods, owned);
}

const MUTED_ITALIC = { italic: true, color: "595959" };

describe("the KPI dashboard's heading and KPI table", () => {
  it("heads the sheet with its title and the accounts it reads, in the title's and the note's look", () => {
    const { sheet } = dashboardOf(TABLE);
    expect(sheet.blocks[0]).toEqual({
      at: "A1",
      rows: [
        ["Key account KPI dashboard"],
        ["3 accounts from 'Account Data'. Every figure is a live formula over the Accounts sheet."],
      ],
    });
    expect(sheet.styles!.slice(0, 2)).toEqual([
      { range: "A1", font: { bold: true, size: 16, color: "1F3864" } },
      { range: "A2", font: MUTED_ITALIC },
    ]);
  });

  it("lists each KPI the columns give under Key figures: value, target, gap, status and definition", () => {
    const { sheet, names } = dashboardOf(TABLE);
    expect(sheet.blocks[1]).toEqual({ at: "A8", rows: [["Key figures"]] });
    const table = sheet.blocks[2];
    expect(table.at).toBe("A9");
    expect(table.rows.map((r) => r[0])).toEqual([
      "KPI",
      "Active key accounts",
      "Retention rate",
      "Churn rate",
      "Gross revenue retention",
      "Net revenue retention",
      "Revenue growth",
      "NPS",
      "Products per account",
      "Accounts at risk",
    ]);
    expect(table.rows[0]).toEqual(["KPI", "Value", "Target", "Gap", "Status", "Definition"]);
    // Row 10: more accounts is better; the target on KAM Inputs (B34), the gap and status only where it is a number.
    expect(table.rows[1]).toEqual([
      "Active key accounts",
      { f: "COUNTIF('Accounts'!$K$2:$K$4,TRUE)" },
      { f: `IF(ISNUMBER('KAM Inputs'!$B$34),'KAM Inputs'!$B$34,"")` },
      { f: `IF(ISNUMBER('KAM Inputs'!$B$34),$B10-'KAM Inputs'!$B$34,"")` },
      { f: `IF(ISNUMBER('KAM Inputs'!$B$34),IF($B10>='KAM Inputs'!$B$34,"On track","Off track"),"")` },
      "Accounts not churned",
    ]);
    // Row 12: a lower churn is better.
    expect(table.rows[3].slice(2)).toEqual([
      { f: `IF(ISNUMBER('KAM Inputs'!$B$36),'KAM Inputs'!$B$36,"")` },
      { f: `IF(ISNUMBER('KAM Inputs'!$B$36),$B12-'KAM Inputs'!$B$36,"")` },
      { f: `IF(ISNUMBER('KAM Inputs'!$B$36),IF($B12<='KAM Inputs'!$B$36,"On track","Off track"),"")` },
      "C / S",
    ]);
    // Each row's value, target and gap in its KPI's format; the names point at the value cells.
    expect(sheet.styles).toContainEqual({ range: "B10:D10", numberFormat: "#,##0" });
    expect(sheet.styles).toContainEqual({ range: "B12:D12", numberFormat: "0.0%" });
    expect(sheet.styles).toContainEqual({ range: "B16:D16", numberFormat: "0.0" });
    expect(names.slice(0, 3)).toEqual([
      { name: "KPI_Accounts", refersTo: "'KPI Dashboard'!$B$10" },
      { name: "KPI_RetentionRate", refersTo: "'KPI Dashboard'!$B$11" },
      { name: "KPI_ChurnRate", refersTo: "'KPI Dashboard'!$B$12" },
    ]);
    expect(names[8]).toEqual({ name: "KPI_AtRisk", refersTo: "'KPI Dashboard'!$B$18" });
  });

  it("draws the KPI table: section above, header, grid to its last KPI, definitions muted, status green or red", () => {
    const { sheet } = dashboardOf(TABLE);
    // Nine KPIs in rows 10 to 18.
    expect(sheet.styles).toContainEqual({
      range: "A8:F8",
      font: { bold: true, size: 12, color: "1F3864" },
      border: { edges: "bottom", style: "medium", color: "1F3864" },
    });
    expect(sheet.styles).toContainEqual({
      range: "A9:F9",
      font: { bold: true, color: "FFFFFF" },
      fill: "1F3864",
      wrapText: true,
      verticalAlignment: "middle",
    });
    expect(sheet.styles).toContainEqual({ range: "A9:F18", border: { edges: "all", style: "thin" } });
    expect(sheet.styles).toContainEqual({ range: "F10:F18", font: MUTED_ITALIC });
    expect(sheet.conditionalFormats).toEqual([
      {
        type: "cellValue",
        range: "E10:E18",
        operator: "equal",
        formula1: '"On track"',
        fill: "C6EFCE",
        fontColor: "006100",
      },
      {
        type: "cellValue",
        range: "E10:E18",
        operator: "equal",
        formula1: '"Off track"',
        fill: "FFC7CE",
        fontColor: "9C0006",
      },
    ]);
  });

  it("says below the table, one muted line each, which KPIs are left out and why", () => {
    const { sheet, notes } = dashboardOf(TABLE);
    expect(sheet.blocks.slice(3, 5)).toEqual([
      { at: "A19", rows: [["Average CLV left out: needs a Gross margin column."]] },
      { at: "A20", rows: [["Customer equity (Σ CLV) left out: needs a Gross margin column."]] },
    ]);
    expect(sheet.styles).toContainEqual({ range: "A19", font: MUTED_ITALIC });
    expect(sheet.styles).toContainEqual({ range: "A20", font: MUTED_ITALIC });
    expect(notes.slice(0, 2)).toEqual([
      "KPI Dashboard: Average CLV left out: needs a Gross margin column.",
      "KPI Dashboard: Customer equity (Σ CLV) left out: needs a Gross margin column.",
    ]);
  });

  it("leaves out a KPI the core has no value for even where its formula exists, and one with no formula", () => {
    // NPS answered by the churned account only: the column is there (a formula exists), no active account answered.
    const values = TABLE.map((r, i) => (i === 0 ? r : r.map((c, j) => (j === 3 && i !== 2 ? null : c))));
    const { sheet, names, notes } = dashboardOf(values);
    const table = sheet.blocks[2];
    expect(table.rows.map((r) => r[0])).not.toContain("NPS");
    expect(names.map((n) => n.name)).not.toContain("KPI_NPS");
    expect(table.rows).toHaveLength(9);
    expect(sheet.blocks[3]).toEqual({ at: "A18", rows: [["NPS left out: no active account has an NPS answer."]] });
    expect(notes[0]).toBe("KPI Dashboard: NPS left out: no active account has an NPS answer.");

    // A CLV value the core gives without a CLV column to compute it from: left out, its columns named missing.
    const withClv = dashboardOf(TABLE, (kpis) =>
      kpis.map((k) => (k.id === "CLV" ? { id: k.id, label: k.label, format: k.format, value: 1234 } : k)),
    );
    expect(withClv.names.map((n) => n.name)).not.toContain("KPI_CLV");
    expect(withClv.sheet.blocks[3]).toEqual({ at: "A19", rows: [["Average CLV left out: its columns are missing."]] });
  });

  it("points each tile at its KPI's value, with the target written in the KPI's format", () => {
    const { sheet } = dashboardOf(TABLE);
    const tile = (at: string) => sheet.blocks.find((b) => b.at === at);
    expect(tile("A4")).toEqual({
      at: "A4",
      rows: [["Active key accounts"], [{ f: "B10" }], [{ f: 'IF(ISNUMBER(C10),"target "&TEXT(C10,"#,##0"),"")' }]],
    });
    expect(tile("C4")).toEqual({
      at: "C4",
      rows: [["Churn rate"], [{ f: "B12" }], [{ f: 'IF(ISNUMBER(C12),"target "&TEXT(C12,"0.0%"),"")' }]],
    });
    // A money KPI's format quotes its "k": inside the formula's string each quote is doubled, as Excel reads it.
    const margin = TABLE.map((r, i) => [...r, i === 0 ? "Gross margin" : 0.3]);
    const clv = dashboardOf(margin).sheet.blocks.find((b) => b.rows[0][0] === "Average CLV")!;
    const at = (clv.rows[1][0] as { f: string }).f.replace("B", "C");
    expect(clv.rows[2]).toEqual([{ f: `IF(ISNUMBER(${at}),"target "&TEXT(${at},"#,##0,""k"";-#,##0,""k"";0"),"")` }]);
  });
});

describe("the KPI dashboard's KPI table in HyperFormula, with targets", () => {
  it("shows each target, the gap to it and on or off track (lower is better for churn); blank without a target", () => {
    const choices: PortfolioChoices = { targets: { Accounts: 2, ChurnRate: 0.25, NRR: 0.8 } };
    const { report } = prepareReport(input(TABLE), { now: NOW, choices });
    withPlanEngine(report!.plan, (e) => {
      const row = (r: number) => ["A", "B", "C", "D", "E"].map((c) => e.value("KPI Dashboard", `${c}${r}`));
      // By hand: 2 accounts active (target 2); Borealis churned of the 3 with prior revenue: 1/3 above 0.25;
      // NRR (1000 + 800) / (900 + 600 + 700) = 0.818… above 0.8.
      expect(row(10)).toEqual(["Active key accounts", 2, 2, 0, "On track"]);
      const churn = row(12);
      expect(churn[0]).toBe("Churn rate");
      expect(churn[1]).toBeCloseTo(1 / 3, 12);
      expect(churn[3]).toBeCloseTo(1 / 3 - 0.25, 12);
      expect(churn[4]).toBe("Off track");
      const nrr = row(14);
      expect(nrr[1]).toBeCloseTo(1800 / 2200, 12);
      expect(nrr[3]).toBeCloseTo(1800 / 2200 - 0.8, 12);
      expect(nrr[4]).toBe("On track");
      // GRR has no target: target, gap and status blank.
      expect(row(13).slice(2)).toEqual(["", "", ""]);
      // The tiles show the values (their target lines: HyperFormula's TEXT knows neither "#,##0" nor "0.0%").
      expect(e.value("KPI Dashboard", "A5")).toBe(2);
      expect(e.value("KPI Dashboard", "C5")).toBeCloseTo(1 / 3, 12);
    });
  });
});

const MONEY = '#,##0,"k";-#,##0,"k";0';

describe("the KPI dashboard's tiles, breakdowns, charts and at-risk list", () => {
  it("draws each tile over two merged columns: label, big value in the KPI's format, target line", () => {
    const { sheet } = dashboardOf(TABLE);
    // Five tiles (Accounts, churn, NRR, NPS, at risk; CLV is left out), A:B to I:J.
    expect(sheet.merges).toEqual(
      ["A", "C", "E", "G", "I"].flatMap((c) => {
        const c2 = String.fromCharCode(c.charCodeAt(0) + 1);
        return [`${c}4:${c2}4`, `${c}5:${c2}5`, `${c}6:${c2}6`];
      }),
    );
    const at = sheet.styles!.findIndex((s) => s.range === "C4:D6");
    expect(sheet.styles!.slice(at, at + 4)).toEqual([
      {
        range: "C4:D6",
        fill: "DEEAF6",
        horizontalAlignment: "center",
        border: { edges: "outline", style: "thin", color: "9DC3E6" },
      },
      { range: "C4", font: { bold: true, color: "595959" } },
      { range: "C5", numberFormat: "0.0%", font: { bold: true, size: 20, color: "1F3864" } },
      { range: "C6", font: MUTED_ITALIC },
    ]);
    expect(sheet.styles).toContainEqual({
      range: "I5",
      numberFormat: "#,##0",
      font: { bold: true, size: 20, color: "1F3864" },
    });
    expect(sheet.blocks.find((b) => b.at === "I4")!.rows[1]).toEqual([{ f: "B18" }]);
  });

  it("breaks active accounts, revenue and accounts at risk down by portfolio segment, with its chart", () => {
    const { sheet } = dashboardOf(TABLE);
    // Two left-out lines end at row 20; a blank row, then the section at 22.
    const at = sheet.blocks.findIndex((b) => b.at === "A22");
    expect(sheet.blocks[at]).toEqual({ at: "A22", rows: [["By portfolio segment"]] });
    const Q = "'Accounts'!$O$2:$O$4";
    const A = "'Accounts'!$K$2:$K$4";
    expect(sheet.blocks[at + 1]).toEqual({
      at: "A23",
      rows: [
        ["Portfolio segment", "Active accounts", "Revenue", "At risk"],
        ...[0, 1, 2, 3].map((k) => [
          { f: `'KAM Inputs'!$B$${22 + k}` },
          { f: `COUNTIFS(${Q},$A${24 + k},${A},TRUE)` },
          { f: `SUMIFS('Accounts'!$C$2:$C$4,${Q},$A${24 + k},${A},TRUE)` },
          { f: `COUNTIFS(${Q},$A${24 + k},'Accounts'!$Q$2:$Q$4,TRUE)` },
        ]),
      ],
    });
    const styles = sheet.styles!;
    const from = styles.findIndex((s) => s.range === "A22:D22");
    expect(styles.slice(from, from + 10)).toEqual([
      SECTION("A22:D22"),
      HEADER("A23:D23"),
      GRID("A23:D27"),
      { range: "B24:B27", numberFormat: "#,##0" },
      { range: "C24:C27", numberFormat: MONEY },
      { range: "D24:D27", numberFormat: "#,##0" },
      { range: "A24", fill: "70AD47" },
      { range: "A25", fill: "4472C4" },
      { range: "A26", fill: "FFC000" },
      { range: "A27", fill: "A5A5A5" },
    ]);
    expect(sheet.charts![0]).toEqual({
      kind: "column",
      title: "Revenue by portfolio segment",
      from: "F22",
      to: "L38",
      series: [{ name: "Revenue", categories: "A24:A27", values: "C24:C27", color: "2E75B6" }],
      yAxis: { numberFormat: MONEY },
      legend: "none",
    });
  });

  it("counts the NPS mix and the products per account, each with its chart, side by side below", () => {
    const { sheet } = dashboardOf(TABLE);
    const N = "'Accounts'!$D$2:$D$4";
    const A = "'Accounts'!$K$2:$K$4";
    const block = (at: string) => sheet.blocks.find((b) => b.at === at);
    expect(block("A40")).toEqual({ at: "A40", rows: [["NPS mix (active accounts)"]] });
    expect(block("A41")).toEqual({
      at: "A41",
      rows: [
        ["Group", "Accounts"],
        ["Promoters (9–10)", { f: `COUNTIFS(${A},TRUE,${N},">=9")` }],
        ["Passives (7–8)", { f: `COUNTIFS(${A},TRUE,${N},">=7",${N},"<=8")` }],
        ["Detractors (0–6)", { f: `COUNTIFS(${A},TRUE,${N},"<=6")` }],
      ],
    });
    // Atlas owns both products: 1 and 2+; the counts from the Whitespace sheet's products owned.
    expect(block("F40")).toEqual({ at: "F40", rows: [["Products per account"]] });
    expect(block("F41")).toEqual({
      at: "F41",
      rows: [
        ["Products", "Accounts"],
        ["1", { f: `COUNTIFS(${A},TRUE,'Whitespace'!$H$2:$H$4,1)` }],
        ["2+", { f: `COUNTIFS(${A},TRUE,'Whitespace'!$H$2:$H$4,">=2")` }],
      ],
    });
    for (const style of [
      SECTION("A40:B40"),
      HEADER("A41:B41"),
      GRID("A41:B44"),
      SECTION("F40:G40"),
      HEADER("F41:G41"),
      GRID("F41:G43"),
    ])
      expect(sheet.styles).toContainEqual(style);
    expect(sheet.charts!.slice(1, 3)).toEqual([
      {
        kind: "bar",
        title: "NPS mix: active accounts",
        from: "A46",
        to: "D62",
        series: [
          { name: "Promoters (9–10)", values: "B42", color: "70AD47" },
          { name: "Passives (7–8)", values: "B43", color: "A5A5A5" },
          { name: "Detractors (0–6)", values: "B44", color: "C00000" },
        ],
        yAxis: { numberFormat: "#,##0" },
        legend: "bottom",
      },
      {
        kind: "column",
        title: "Products per active account",
        from: "I40",
        to: "L56",
        series: [{ name: "Accounts", categories: "F42:F43", values: "G42:G43", color: "70AD47" }],
        xAxisTitle: "Products in use",
        yAxis: { numberFormat: "#,##0" },
        legend: "none",
      },
    ]);
  });

  it("lists the accounts at risk below, largest revenue first, with why each is at risk", () => {
    const { sheet } = dashboardOf(TABLE);
    const block = (at: string) => sheet.blocks.find((b) => b.at === at)!;
    expect(block("A64")).toEqual({
      at: "A64",
      rows: [[{ f: `"Accounts at risk, largest revenue first ("&COUNTIF('Accounts'!$Q$2:$Q$4,TRUE)&" in all)"` }]],
    });
    const list = block("A65").rows;
    expect(list).toHaveLength(16);
    expect(list[0]).toEqual(["Account", "Revenue change", "NPS", "Revenue", "Row", "Why"]);
    // The NPS in C, the revenue change in B, against the at-risk threshold on KAM Inputs.
    expect(list[1][5]).toEqual({
      f: `TRIM(IF(AND(ISNUMBER($C66),$C66<=6),"NPS "&$C66&"  ","")&IF(AND(ISNUMBER($B66),$B66<-'KAM Inputs'!$B$29),"revenue "&TEXT($B66,"0%"),""))`,
    });
    expect(list[15][5]).toEqual({
      f: `TRIM(IF(AND(ISNUMBER($C80),$C80<=6),"NPS "&$C80&"  ","")&IF(AND(ISNUMBER($B80),$B80<-'KAM Inputs'!$B$29),"revenue "&TEXT($B80,"0%"),""))`,
    });
    const styles = sheet.styles!;
    const from = styles.findIndex((s) => s.range === "A64:F64");
    expect(styles.slice(from)).toEqual([
      SECTION("A64:F64"),
      HEADER("A65:F65"),
      GRID("A65:F80"),
      { range: "D66:D80", numberFormat: "#,##0" },
      { range: "E66:E80", font: { color: "808080" } },
      { range: "B66:B80", numberFormat: "0.0%" },
    ]);
  });

  it("sets the sheet's tab, widths, heights (tiles, wrapped headers) and prints it on one landscape page", () => {
    const { sheet } = dashboardOf(TABLE);
    expect(sheet.name).toBe("KPI Dashboard");
    expect(sheet.tabColor).toBe("2E75B6");
    expect(sheet.showGridlines).toBe(false);
    expect(sheet.columnWidths).toEqual({
      A: 26,
      B: 14,
      C: 14,
      D: 14,
      E: 14,
      F: 16,
      G: 14,
      H: 14,
      I: 14,
      J: 14,
      K: 14,
      L: 14,
    });
    // Headers that wrap: portfolio segments (23), NPS mix and products (41), the at-risk list (65).
    expect(sheet.rowHeights).toEqual({ 1: 24, 4: 18, 5: 36, 23: 30, 41: 30, 65: 30 });
    expect(sheet.print).toEqual({ landscape: true, fitToOnePage: true, area: "A1:L81" });
  });
});

/** Four accounts with an owner, a customer segment and a Products column; Borealis churned. */
const RICH: Cell[][] = [
  // prettier-ignore
  ["Account", "Account owner", "Segment", "Revenue FY25", "Prior revenue", "NPS", "Products", "Status",
    "Growth potential", "Strategic fit", "Relationship strength"],
  ["Atlas", "Ann", "Enterprise", 1000, 900, 9, 3, "Active", 5, 4, 4],
  ["Borealis", "Bo", "SMB", 500, 600, 3, 1, "Churned", 2, 1, 2],
  ["Cygnus", "Ann", "Enterprise", 800, 1000, 7, 2, "Active", 4, 5, 5],
  ["Deneb", "Cy", "Mid-market", 300, 200, 5, 1, "Active", 3, 3, 3],
];

describe("the KPI dashboard's breakdowns on a 3 × 3 grid with customer segments, owners and a Products column", () => {
  it("colours the nine portfolio segments, then lists the customer segments by revenue with their chart", () => {
    const { sheet } = dashboardOf(RICH, undefined, { grid: 3 });
    const fills = sheet.styles!.filter((s) => /^A\d+$/.test(s.range) && "fill" in s);
    expect(fills).toEqual(
      ["548235", "70AD47", "4472C4", "A9D08E", "9DC3E6", "FFD966", "FFC000", "F4B183", "A5A5A5"].map((fill, k) => ({
        range: `A${24 + k}`,
        fill,
      })),
    );
    expect(sheet.charts![0].series).toEqual([
      { name: "Revenue", categories: "A24:A32", values: "C24:C32", color: "2E75B6" },
    ]);
    // Below the portfolio chart (rows 22 to 38): the customer segments at 40, largest revenue first.
    const at = sheet.blocks.findIndex((b) => b.at === "A40");
    expect(sheet.blocks[at]).toEqual({ at: "A40", rows: [["By customer segment"]] });
    const S = "'Accounts'!$C$2:$C$5";
    const A = "'Accounts'!$L$2:$L$5";
    const rows = sheet.blocks[at + 1].rows;
    expect(sheet.blocks[at + 1].at).toBe("A41");
    expect(rows.map((r) => r[0])).toEqual(["Customer segment", "Enterprise", "SMB", "Mid-market"]);
    expect(rows[0]).toEqual([
      "Customer segment",
      "Active accounts",
      "Revenue",
      "Prior revenue",
      "Revenue change",
      "NPS",
    ]);
    expect(rows[2].slice(1, 5)).toEqual([
      { f: `COUNTIFS(${S},$A43,${A},TRUE)` },
      { f: `SUMIFS('Accounts'!$E$2:$E$5,${S},$A43,${A},TRUE)` },
      { f: `SUMIFS('Accounts'!$D$2:$D$5,${S},$A43)` },
      { f: 'IF($D43>0,$C43/$D43-1,"")' },
    ]);
    const styles = sheet.styles!;
    const from = styles.findIndex((s) => s.range === "A40:F40");
    expect(styles.slice(from, from + 7)).toEqual([
      SECTION("A40:F40"),
      HEADER("A41:F41"),
      GRID("A41:F44"),
      { range: "B42:B44", numberFormat: "#,##0" },
      { range: "C42:D44", numberFormat: MONEY },
      { range: "E42:E44", numberFormat: "0.0%" },
      { range: "F42:F44", numberFormat: "0.0" },
    ]);
    expect(sheet.charts![1]).toEqual({
      kind: "column",
      title: "Prior against current revenue by segment",
      from: "H40",
      to: "L56",
      series: [
        { name: "Prior revenue", categories: "A42:A44", values: "D42:D44", color: "A5A5A5" },
        { name: "Revenue", categories: "A42:A44", values: "C42:C44", color: "2E75B6" },
      ],
      yAxis: { numberFormat: MONEY },
      legend: "bottom",
    });
    // Then NPS mix and products at 58 (below the segments' chart), the at-risk list at 82; all headers wrap.
    expect(sheet.blocks.find((b) => b.at === "F59")!.rows).toEqual([
      ["Products", "Accounts"],
      ["1", { f: `COUNTIFS(${A},TRUE,'Accounts'!$G$2:$G$5,1)` }],
      ["2", { f: `COUNTIFS(${A},TRUE,'Accounts'!$G$2:$G$5,2)` }],
      ["3+", { f: `COUNTIFS(${A},TRUE,'Accounts'!$G$2:$G$5,">=3")` }],
    ]);
    expect(sheet.rowHeights).toEqual({ 1: 24, 4: 18, 5: 36, 23: 30, 41: 30, 59: 30, 83: 30 });
    expect(sheet.blocks.find((b) => b.at === "A83")!.rows[0]).toEqual([
      "Account",
      "Account manager",
      "Revenue change",
      "NPS",
      "Revenue",
      "Row",
      "Why",
    ]);
    expect(sheet.print).toEqual({ landscape: true, fitToOnePage: true, area: "A1:L99" });
  });

  it("computes the breakdowns and the at-risk list in HyperFormula as counted by hand", () => {
    const { report } = prepareReport(input(RICH), { now: NOW, choices: { grid: 3 } });
    withPlanEngine(report!.plan, (e) => {
      const row = (r: number, cols: string) => [...cols].map((c) => e.value("KPI Dashboard", `${c}${r}`));
      // Atlas and Cygnus invest (Cygnus at risk: revenue down 20 %), Deneb selective (at risk: NPS 5).
      expect(row(24, "ABCD")).toEqual(["Invest", 2, 1800, 1]);
      expect(row(28, "ABCD")).toEqual(["Selective", 1, 300, 1]);
      expect(row(25, "ABCD")).toEqual(["Grow", 0, 0, 0]);
      // Enterprise: 1800 now against 1900 (churned accounts count in the prior year), NPS 100 × (1 − 0) / 2;
      // SMB: its only account churned, no NPS; Mid-market: 300 against 200, NPS −100.
      const enterprise = row(42, "ABCDEF");
      expect(enterprise.slice(0, 4)).toEqual(["Enterprise", 2, 1800, 1900]);
      expect(enterprise[4]).toBeCloseTo(1800 / 1900 - 1, 12);
      expect(enterprise[5]).toBe(50);
      expect(row(43, "ABCDEF")).toEqual(["SMB", 0, 0, 600, -1, ""]);
      expect(row(44, "ABCDEF")).toEqual(["Mid-market", 1, 300, 200, 0.5, -100]);
      // NPS mix of the active accounts (9, 7, 5) and their products (3, 2, 1).
      expect([60, 61, 62].map((r) => row(r, "ABFG"))).toEqual([
        ["Promoters (9–10)", 1, "1", 1],
        ["Passives (7–8)", 1, "2", 1],
        ["Detractors (0–6)", 1, "3+", 1],
      ]);
      expect(e.value("KPI Dashboard", "A82")).toBe("Accounts at risk, largest revenue first (2 in all)");
      const cygnus = row(84, "ABCDEF");
      expect(cygnus.slice(0, 2)).toEqual(["Cygnus", "Ann"]);
      expect(cygnus[2]).toBeCloseTo(-0.2, 12);
      expect(cygnus.slice(3)).toEqual([7, 800, 4]);
      expect(row(85, "ABCDEFG")).toEqual(["Deneb", "Cy", 0.5, 5, 300, 5, "NPS 5"]);
      expect(row(86, "ABCDEFG")).toEqual(["", "", "", "", "", "", ""]);
    });
  });
});

/** Three years of revenue, an account-level NPS (−100 to 100), a customer segment left blank for Cygnus. */
const YEARS: Cell[][] = [
  ["Account", "Status", "Revenue FY23", "Revenue FY24", "Revenue FY25", "Growth potential", "NPS", "Segment"],
  ["Atlas", "Active", 700, 900, 1000, 5, 40, "A"],
  ["Borealis", "Churned", 300, 600, 500, 2, -20, "B"],
  ["Cygnus", "Active", 400, 700, 800, 4, -10, null],
];

describe("the KPI dashboard with revenue by year, an account NPS and a blank segment", () => {
  it("charts the revenue by year below the segments, each year's sum in thousands", () => {
    const { sheet } = dashboardOf(YEARS);
    const at = sheet.blocks.findIndex((b) => b.at === "A40");
    expect(sheet.blocks.slice(at, at + 2)).toEqual([
      { at: "A40", rows: [["Revenue by year"]] },
      {
        at: "A41",
        rows: [
          ["Year", "Revenue"],
          ["Revenue FY23", { f: "SUM('Accounts'!$C$2:$C$4)" }],
          ["Revenue FY24", { f: "SUM('Accounts'!$D$2:$D$4)" }],
          ["Revenue FY25", { f: "SUMPRODUCT('Accounts'!$I$2:$I$4*'Accounts'!$E$2:$E$4)" }],
        ],
      },
    ]);
    const styles = sheet.styles!;
    const from = styles.findIndex((s) => s.range === "A40:B40");
    expect(styles.slice(from, from + 4)).toEqual([
      SECTION("A40:B40"),
      HEADER("A41:B41"),
      GRID("A41:B44"),
      { range: "B42:B44", numberFormat: MONEY },
    ]);
    expect(sheet.charts!.find((c) => c.title === "Revenue by year")).toEqual({
      kind: "line",
      title: "Revenue by year",
      from: "D40",
      to: "L56",
      series: [{ name: "Revenue", categories: "A42:A44", values: "B42:B44", color: "2E75B6" }],
      yAxis: { numberFormat: MONEY },
      legend: "none",
    });
  });

  it("has no NPS mix for an account NPS, and calls an account NPS below 0 unhappy", () => {
    const { sheet } = dashboardOf(YEARS);
    expect(sheet.blocks.some((b) => b.rows[0][0] === "NPS mix (active accounts)")).toBe(false);
    expect(sheet.charts!.map((c) => c.title)).toEqual(["Prior against current revenue by segment", "Revenue by year"]);
    // No mix and no products: the list right below the revenue by year (no rows kept for a chart not drawn).
    expect(sheet.blocks.find((b) => b.at === "A58")!.rows).toEqual([
      [{ f: `"Accounts at risk, largest revenue first ("&COUNTIF('Accounts'!$M$2:$M$4,TRUE)&" in all)"` }],
    ]);
    const list = sheet.blocks.find((b) => b.at === "A59")!.rows;
    expect(list[0]).toEqual(["Account", "Revenue change", "NPS", "Revenue", "Row", "Why"]);
    expect(list[1][5]).toEqual({
      f: `TRIM(IF(AND(ISNUMBER($C60),$C60<0),"NPS "&$C60&"  ","")&IF(AND(ISNUMBER($B60),$B60<-'KAM Inputs'!$B$29),"revenue "&TEXT($B60,"0%"),""))`,
    });
    expect(sheet.print).toEqual({ landscape: true, fitToOnePage: true, area: "A1:L75" });
  });

  it("says only the largest customer segments are shown where more are left out, never for a blank segment", () => {
    // Two segments and a blank one: both shown, no note.
    expect(dashboardOf(YEARS).notes.filter((n) => n.includes("customer segments"))).toEqual([]);
    // Fourteen segments: the 12 with the most revenue shown, the note says so.
    const many: Cell[][] = [
      YEARS[0],
      ...Array.from({ length: 14 }, (_, i): Cell[] => [`Acc ${i}`, "Active", 10, 20, 100 + i, 3, 10, `S${i}`]),
    ];
    const { sheet, notes } = dashboardOf(many);
    expect(notes).toContain("KPI Dashboard: the 12 largest customer segments by revenue are shown.");
    const at = sheet.blocks.findIndex((b) => b.rows[0][0] === "By customer segment");
    expect(sheet.blocks[at + 1].rows.map((r) => r[0])).toEqual([
      "Customer segment",
      ...[13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2].map((i) => `S${i}`),
    ]);
  });
});

describe("the KPI dashboard with columns missing", () => {
  it("without prior revenue: no prior or change by segment, a revenue bar chart, products capped at 8+, no change in Why", () => {
    const values: Cell[][] = [
      ["Account", "Segment", "Revenue FY25", "NPS", "Products", "Status", "Growth potential", "Relationship strength"],
      ["Atlas", "Enterprise", 1000, 9, 12, "Active", 5, 4],
      ["Borealis", "SMB", 500, 3, 0, "Active", 2, 2],
      ["Cygnus", "Enterprise", 800, 7, 3, "Churned", 4, 5],
    ];
    const { sheet } = dashboardOf(values);
    const block = (at: string) => sheet.blocks.find((b) => b.at === at)!;
    const segments = block("A41").rows;
    expect(segments.map((r) => r.slice(3, 5))).toEqual([
      ["Prior revenue", "Revenue change"],
      ["", ""],
      ["", ""],
    ]);
    expect(sheet.charts![1]).toEqual({
      kind: "bar",
      title: "Revenue by segment",
      from: "H40",
      to: "L56",
      series: [{ name: "Revenue", categories: "A42:A43", values: "C42:C43", color: "2E75B6" }],
      yAxis: { numberFormat: MONEY },
      legend: "bottom",
    });
    // Atlas uses 12 products: 1 to 7, then 8 and more.
    const A = "'Accounts'!$I$2:$I$4";
    const Pr = "'Accounts'!$E$2:$E$4";
    expect(block("F59").rows).toEqual([
      ["Products", "Accounts"],
      ...[1, 2, 3, 4, 5, 6, 7].map((p) => [String(p), { f: `COUNTIFS(${A},TRUE,${Pr},${p})` }]),
      ["8+", { f: `COUNTIFS(${A},TRUE,${Pr},">=8")` }],
    ]);
    expect(sheet.styles).toContainEqual(GRID("F59:G67"));
    expect(sheet.charts![3].series).toEqual([
      { name: "Accounts", categories: "F60:F67", values: "G60:G67", color: "70AD47" },
    ]);
    // At risk by NPS only: no Revenue change column, and Why says only the NPS.
    const list = block("A83").rows;
    expect(list[0]).toEqual(["Account", "NPS", "Revenue", "Row", "Why"]);
    expect(list[1][4]).toEqual({ f: 'TRIM(IF(AND(ISNUMBER($B84),$B84<=6),"NPS "&$B84&"  ",""))' });
    const styles = sheet.styles!;
    const from = styles.findIndex((s) => s.range === "A82:E82");
    expect(styles.slice(from)).toEqual([
      SECTION("A82:E82"),
      HEADER("A83:E83"),
      GRID("A83:E98"),
      { range: "C84:C98", numberFormat: "#,##0" },
      { range: "D84:D98", font: { color: "808080" } },
    ]);
  });

  it("without NPS, segments or products: the at-risk list right below the portfolio, Why by revenue change only", () => {
    const values: Cell[][] = [
      ["Account", "Revenue FY25", "Prior revenue", "Status", "Growth potential", "Relationship strength"],
      ["Atlas", 1000, 900, "Active", 5, 4],
      ["Borealis", 500, 600, "Churned", 2, 2],
      ["Cygnus", 800, 1000, "Active", 4, 5],
    ];
    const { sheet } = dashboardOf(values);
    expect(sheet.blocks.map((b) => b.at)).toEqual([
      "A1",
      "A8",
      "A9",
      "A17",
      "A18",
      "A19",
      "A20",
      "A4",
      "C4",
      "E4",
      "G4",
      "A22",
      "A23",
      "A40",
      "A41",
    ]);
    const list = sheet.blocks[14].rows;
    expect(list[0]).toEqual(["Account", "Revenue change", "Revenue", "Row", "Why"]);
    expect(list[1][4]).toEqual({
      f: `TRIM(IF(AND(ISNUMBER($B42),$B42<-'KAM Inputs'!$B$29),"revenue "&TEXT($B42,"0%"),""))`,
    });
    expect(sheet.charts!.map((c) => c.title)).toEqual(["Revenue by portfolio segment"]);
    expect(sheet.rowHeights).toEqual({ 1: 24, 4: 18, 5: 36, 23: 30, 41: 30 });
    expect(sheet.print).toEqual({ landscape: true, fitToOnePage: true, area: "A1:L57" });
  });

  it("without revenue: no portfolio breakdown, segments without revenue and no chart, no at-risk list", () => {
    const values: Cell[][] = [
      ["Account", "Segment", "NPS", "Products", "Status", "Growth potential", "Relationship strength"],
      ["Atlas", "Enterprise", 9, 0, "Active", 5, 4],
      ["Borealis", "SMB", 3, 0, "Active", 2, 2],
      ["Cygnus", "Enterprise", 7, 0, "Churned", 4, 5],
    ];
    const { sheet } = dashboardOf(values);
    const block = (at: string) => sheet.blocks.find((b) => b.at === at);
    expect(block("A22")).toEqual({ at: "A22", rows: [["By customer segment"]] });
    expect(block("A23")!.rows[1].slice(1, 5)).toEqual([
      { f: "COUNTIFS('Accounts'!$B$2:$B$4,$A24,'Accounts'!$H$2:$H$4,TRUE)" },
      "",
      "",
      "",
    ]);
    expect(sheet.charts!.map((c) => c.title)).toEqual(["NPS mix: active accounts", "Products per active account"]);
    // No account uses a product: one row, 1 or more.
    expect(block("F41")!.rows).toEqual([
      ["Products", "Accounts"],
      ["1", { f: `COUNTIFS('Accounts'!$H$2:$H$4,TRUE,'Accounts'!$D$2:$D$4,">=1")` }],
    ]);
    expect(sheet.blocks.some((b) => typeof b.rows[0][0] === "object")).toBe(false);
    expect(sheet.print).toEqual({ landscape: true, fitToOnePage: true, area: "A1:L64" });
  });

  it("without NPS or prior revenue: no accounts at risk, neither by portfolio segment nor listed", () => {
    const values: Cell[][] = [
      ["Account", "Revenue FY25", "Status", "Growth potential", "Relationship strength"],
      ["Atlas", 1000, "Active", 5, 4],
      ["Borealis", 500, "Active", 2, 2],
    ];
    const { sheet } = dashboardOf(values);
    const rows = sheet.blocks.find((b) => b.at === "A23")!.rows;
    expect(rows[0]).toEqual(["Portfolio segment", "Active accounts", "Revenue", "At risk"]);
    expect(rows.slice(1).map((r) => r[3])).toEqual(["", "", "", ""]);
    expect(sheet.blocks.some((b) => typeof b.rows[0][0] === "object")).toBe(false);
    expect(sheet.print).toEqual({ landscape: true, fitToOnePage: true, area: "A1:L40" });
  });
});

describe("the KPI dashboard's customer segments, in order of revenue", () => {
  it("orders segments by their revenue (a blank revenue adds none), ties alphabetically, accounts without one left out", () => {
    const values: Cell[][] = [
      ["Account", "Segment", "Revenue FY25", "Status", "Growth potential"],
      ["A1", "Beta", 100, "Active", 3],
      ["A2", "Alpha", 100, "Active", 3],
      ["A3", null, 900, "Active", 3],
      ["A4", "Delta", null, "Active", 3],
      ["A5", "Delta", 300, "Active", 3],
      ["A6", "Gamma", 50, "Active", 3],
    ];
    const { sheet, notes } = dashboardOf(values);
    const at = sheet.blocks.findIndex((b) => b.rows[0][0] === "By customer segment");
    expect(sheet.blocks[at + 1].rows.map((r) => r[0])).toEqual(["Customer segment", "Delta", "Alpha", "Beta", "Gamma"]);
    // No NPS column: no NPS by segment.
    expect(sheet.blocks[at + 1].rows[1][5]).toBe("");
    expect(notes.filter((n) => n.includes("customer segments"))).toEqual([]);
  });
});
