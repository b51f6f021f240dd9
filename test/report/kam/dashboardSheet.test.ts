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
import { kpiFormula } from "../../../src/report/kam/kpiFormulas";
import { accountsForReport, prepareReport } from "../../../src/report/kam/prepareReport";
import { withPlanEngine } from "../../support/planEngine";

const TABLE: Cell[][] = [
  // prettier-ignore
  ["Account", "Revenue FY25", "Prior revenue", "NPS", "Relationship strength", "Status", "Growth potential",
    "Strategic fit", "Product: Cloud", "Product: Voice"],
  ["Atlas", 1000, 900, 9, 4, "Active", 5, 4, 600, 400],
  ["Borealis", 500, 600, 3, 2, "Churned", 2, 1, null, 500],
  ["Cygnus", 800, 700, 7, 5, "Active", 4, 5, 800, null],
];
const NOW = new Date(Date.UTC(2026, 0, 2));
const input = (values: Cell[][]) => ({ sheet: "Account Data", top: 0, left: 0, values });

/** The dashboard as buildReport makes it (before the Progress section), for `values`; `edit` may change the KPIs. */
function dashboardOf(values: Cell[][], edit: (kpis: readonly Kpi[]) => readonly Kpi[] = (k) => k) {
  const { table, options, periods, mapping } = accountsForReport(input(values), { now: NOW });
  const headers = Object.fromEntries(Object.entries(mapping.fields).map(([f, m]) => [f, m!.header || undefined]));
  const { kpis } = portfolioKpis(table, options);
  const retentionKnown = kpis.find((k) => k.id === "RetentionRate")?.value !== undefined;
  const layout = accountsLayout(table, options, headers, { clv: retentionKnown }, periods);
  const labels = Object.fromEntries(kpis.map((k) => [k.id, k.label])) as Record<KpiId, string>;
  const retention = retentionKnown ? kpiFormula("RetentionRate", layout, table) : undefined;
  const inputs = inputsSheet(table, options, labels, retention);
  return dashboardSheet(table, options, edit(kpis), layout, inputs.refs, periods);
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
