/**
 * The KAM workbook's parts (src/report/kam/buildReport.ts): which sheets a build makes and in what order, with the
 * dashboard only or the matrix only, the KPI names the dashboard defines, the notes on what was left out and why,
 * the snapshot's label, and the refusal of a table without accounts.
 */
import { describe, expect, it } from "vitest";
import type { Cell } from "../../../samples/telecomAccounts";
import { buildReport } from "../../../src/report/kam/buildReport";
import { historyTablesOf } from "../../support/historyTables";
import { prepareReport, type PrepareOptions } from "../../../src/report/kam/prepareReport";
import { REPORT_DAY, THREE_ACCOUNTS } from "../../support/threeAccounts";

const TABLE = THREE_ACCOUNTS;
const NOW = REPORT_DAY;

const reportOf = (values: Cell[][], o: PrepareOptions = {}) =>
  prepareReport({ sheet: "Account Data", top: 0, left: 0, values }, { now: NOW, ...o }).report!;

const KPI_NAMES = [
  "KPI_Accounts",
  "KPI_RetentionRate",
  "KPI_ChurnRate",
  "KPI_GRR",
  "KPI_NRR",
  "KPI_RevenueGrowth",
  "KPI_NPS",
  "KPI_ProductsPerAccount",
  "KPI_AtRisk",
];
const CLV_NOTES = [
  "KPI Dashboard: Average CLV left out: needs a Gross margin column.",
  "KPI Dashboard: Customer equity (Σ CLV) left out: needs a Gross margin column.",
];

describe("buildReport", () => {
  it("makes the dashboard, matrix, whitespace, accounts, inputs, issues and history sheets, in that order", () => {
    const report = reportOf(TABLE);
    expect(report.plan.sheets.map((s) => s.name)).toEqual([
      "KPI Dashboard",
      "Portfolio Matrix",
      "Whitespace",
      "Accounts",
      "KAM Inputs",
      "Issues",
      "KAM History",
    ]);
    expect((report.plan.names ?? []).map((n) => n.name)).toEqual(KPI_NAMES);
    expect(report.notes).toEqual(CLV_NOTES);
    expect(report.snapshots.map((s) => s.label)).toEqual(["2026-01-02T00:00:00.000Z"]);
    // the retention rate is known (accounts had revenue last year): KAM Inputs computes it for CLV
    const inputs = report.plan.sheets.find((s) => s.name === "KAM Inputs")!;
    expect(inputs.blocks[0].rows.map((r) => r[0])).toContain("Retention rate, from the accounts (CLV uses it)");
    // the whitespace analysis the Whitespace sheet computes: products owned per account (Atlas both, the others one)
    expect(Array.from(report.whitespace!.owned)).toEqual([2, 1, 1]);
  });

  it("with the matrix only: no dashboard, no KPI names, no whitespace and no note about it", () => {
    const report = reportOf(TABLE, { only: "matrix" });
    expect(report.plan.sheets.map((s) => s.name)).toEqual([
      "Portfolio Matrix",
      "Accounts",
      "KAM Inputs",
      "Issues",
      "KAM History",
    ]);
    expect(report.plan.names).toEqual([]);
    expect(report.notes).toEqual([]);
    expect("whitespace" in report).toBe(false);
    const without = reportOf(
      TABLE.map((r) => r.slice(0, 8)),
      { only: "matrix" },
    );
    expect(without.notes).toEqual([]);
  });

  it("with the dashboard only: the dashboard and whitespace, no matrix", () => {
    const report = reportOf(TABLE, { only: "dashboard" });
    expect(report.plan.sheets.map((s) => s.name)).toEqual([
      "KPI Dashboard",
      "Whitespace",
      "Accounts",
      "KAM Inputs",
      "Issues",
      "KAM History",
    ]);
    expect((report.plan.names ?? []).map((n) => n.name)).toEqual(KPI_NAMES);
    expect(report.notes).toEqual(CLV_NOTES);
  });

  it("says why the whitespace is left out without product columns, and the matrix's notes after the dashboard's", () => {
    const report = reportOf([
      ["Account", "Revenue FY25", "Prior revenue", "NPS", "Status", "Growth potential", "Strategic fit"],
      ["Atlas", 1000, 900, 9, "Active", 5, 4],
      ["Borealis", 500, 600, 3, "Churned", 2, 1],
    ]);
    expect(report.plan.sheets.map((s) => s.name)).not.toContain("Whitespace");
    expect("whitespace" in report).toBe(false);
    expect(report.notes).toEqual([
      'Whitespace left out: needs product revenue columns, one per product ("Product: Connectivity", …).',
      'KPI Dashboard: Products per account left out: needs a Products column (products or modules in use), or product revenue columns ("Product: name").',
      ...CLV_NOTES,
      "Portfolio Matrix: The matrix needs a Relationship strength or Share of wallet column: it was left out.",
    ]);
  });

  it("passes on the whitespace sheet's note, after the dashboard's and the matrix's", () => {
    // customer segments of 3 accounts each: the 30 largest get benchmarks of their own
    const reportWith = (segments: number) =>
      reportOf([
        // prettier-ignore
        ["Account", "Segment", "Revenue FY25", "Prior revenue", "NPS", "Relationship strength", "Status",
          "Growth potential", "Strategic fit", "Product: Cloud", "Product: Voice"],
        ...Array.from({ length: 3 * segments }, (_, i): Cell[] => [
          `Account ${i + 1}`,
          `Segment ${(i % segments) + 1}`,
          1000 + i,
          900,
          9,
          4,
          "Active",
          5,
          4,
          i % 2 ? 600 : null,
          400,
        ]),
      ]);
    expect(reportWith(31).notes).toEqual([
      ...CLV_NOTES,
      "KPI Dashboard: the 12 largest customer segments by revenue are shown.",
      "Portfolio Matrix: the chart shows the 40 largest of 93 accounts.",
      "Whitespace: the 30 largest customer segments have their own benchmarks; 1 smaller one is compared with all owners.",
    ]);
    expect(reportWith(32).notes.at(-1)).toBe(
      "Whitespace: the 30 largest customer segments have their own benchmarks; 2 smaller ones are compared with all owners.",
    );
  });

  it("carries an earlier history forward, with its note on a criterion its columns cannot record, last", () => {
    const first = reportOf(TABLE);
    const history = historyTablesOf(first.plan.sheets.find((s) => s.name === "KAM History")!);
    // "Strategic fit" renamed "Access": the history's part columns are those of its first snapshot
    const renamed = TABLE.map((r, i) => (i === 0 ? r.map((h) => (h === "Strategic fit" ? "Access" : h)) : r));
    const second = reportOf(renamed, { history, now: new Date(Date.UTC(2026, 3, 1)) });
    expect(second.snapshots.map((s) => s.label)).toEqual(["2026-01-02T00:00:00.000Z", "2026-04-01T00:00:00.000Z"]);
    expect(second.notes).toEqual([
      ...CLV_NOTES,
      "KAM History: the parts of Access are not recorded (the history's part columns are those of its first " +
        "snapshot); rename or move the KAM History sheet to start a history with the criteria of now.",
    ]);
  });

  it("refuses a table without accounts, pointing at the issues", () => {
    const { table, options } = prepareReport({ sheet: "Account Data", top: 0, left: 0, values: TABLE });
    expect(() => buildReport({ table: { ...table, count: 0 }, options })).toThrow(
      "No account was accepted: there is nothing to report (see the issues).",
    );
  });
});
