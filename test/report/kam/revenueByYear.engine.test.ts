/**
 * The dashboard's Revenue by year (src/report/kam/buildReport.ts passes the table's revenue periods to the Accounts
 * and KPI Dashboard sheets) for a table with three years of revenue, evaluated by HyperFormula: the earlier year as
 * recorded on the Accounts sheet, the prior and current years summed, the current year as the KPIs count it.
 */
import { describe, expect, it } from "vitest";
import type { Cell } from "../../../samples/telecomAccounts";
import { buildReport } from "../../../src/report/kam/buildReport";
import { accountsForReport, prepareReport } from "../../../src/report/kam/prepareReport";
import { planCellAt } from "../../../src/report/planCells";
import type { SheetPlan } from "../../../src/report/plan";
import { withPlanEngine } from "../../support/planEngine";

const TABLE: Cell[][] = [
  ["Account", "Status", "Revenue FY23", "Revenue FY24", "Revenue FY25", "Growth potential"],
  ["Atlas", "Active", 700, 900, 1000, 5],
  ["Borealis", "Churned", 300, 600, 500, 2],
  ["Cygnus", "Active", 400, 700, 800, 4],
];
const input = { sheet: "Account Data", top: 0, left: 0, values: TABLE };
const options = { overrides: { criteria: [{ column: 5, weight: 1 }] }, now: new Date(Date.UTC(2026, 0, 2)) };

const sheetOf = (sheets: readonly SheetPlan[], name: string) => sheets.find((s) => s.name === name)!;

describe("the dashboard's Revenue by year", () => {
  it("sums each year's revenue, the current year without the churned account, from the periods buildReport is given", () => {
    const { report } = prepareReport(input, options);
    const sheets = report!.plan.sheets;
    const dashboard = sheetOf(sheets, "KPI Dashboard");
    const at = dashboard.blocks.findIndex((b) => b.rows[0][0] === "Revenue by year");
    expect(at).toBeGreaterThan(0);
    const top = Number(dashboard.blocks[at + 1].at.slice(1));
    // The Accounts sheet carries the earlier year the account model does not read, headed as the analyst's table.
    const accounts = sheetOf(sheets, "Accounts");
    const headers: string[] = [];
    for (let c = 1; planCellAt(accounts, 1, c) !== null; c++) headers.push(String(planCellAt(accounts, 1, c)));
    expect(headers).toContain("Revenue FY23");
    withPlanEngine(report!.plan, (e) => {
      const rows = [1, 2, 3].map((k) => [
        e.value("KPI Dashboard", `A${top + k}`),
        e.value("KPI Dashboard", `B${top + k}`),
      ]);
      // By hand: FY23 700 + 300 + 400, FY24 900 + 600 + 700, FY25 1000 + 800 (Borealis churned counts 0).
      expect(rows).toEqual([
        ["Revenue FY23", 1400],
        ["Revenue FY24", 2200],
        ["Revenue FY25", 1800],
      ]);
    });
  });

  it("is left out where buildReport is given no periods", () => {
    const { periods, table, options: portfolio } = accountsForReport(input, options);
    expect(periods.map((p) => p.header)).toEqual(["Revenue FY23", "Revenue FY24", "Revenue FY25"]);
    const { plan } = buildReport({ table, options: portfolio, snapshotLabel: "2026-01-02T00:00:00.000Z" });
    expect(sheetOf(plan.sheets, "KPI Dashboard").blocks.some((b) => b.rows[0][0] === "Revenue by year")).toBe(false);
  });
});
