/**
 * The Issues sheet (src/report/kam/issuesSheet.ts): every issue of the account model, errors first, each with its
 * cell, field, value as read and message, so a row left out of the report is never lost silently.
 */
import { describe, expect, it } from "vitest";
import type { AccountIssue, AccountTable } from "../../../src/core";
import type { PlanCell, SheetPlan } from "../../../src/report/plan";
import { planCellAt } from "../../../src/report/planCells";
import { ISSUES_SHEET, issuesSheet } from "../../../src/report/kam/issuesSheet";
import { prepareReport } from "../../../src/report/kam/prepareReport";

/** Rows 5 onwards, columns A–E: one row per issue as the sheet lists them. */
function listed(sheet: SheetPlan, count: number): PlanCell[][] {
  return Array.from({ length: count }, (_, k) => [1, 2, 3, 4, 5].map((c) => planCellAt(sheet, 5 + k, c)));
}

/** A small table with a column without a header (a warning), a text revenue (an error) and a totals row. */
function messyTable(): AccountTable {
  const values = [
    ["Account", "Revenue FY25", "Status", ""],
    ["Atlas", 100, "Active", "x"],
    ["Borealis", "n/a", "Active", null],
    ["Cygnus", 300, "Active", null],
    ["Draco", 50, "Active", null],
    ["Total", 450, null, null],
  ];
  return prepareReport({ sheet: "Account Data", top: 0, left: 0, values }).table;
}

const issue = (severity: AccountIssue["severity"], n: number, value: unknown, field?: string): AccountIssue => ({
  code: "not_a_number",
  severity,
  cell: `'Account Data'!B${n}`,
  ...(field === undefined ? {} : { field }),
  value,
  message: `message ${n}`,
});

describe("the Issues sheet", () => {
  it("lists the model's errors first, then its warnings, each with cell, field, value and message", () => {
    const table = messyTable();
    const errors = table.issues.filter((i) => i.severity === "error");
    const warnings = table.issues.filter((i) => i.severity === "warning");
    expect(errors.length).toBeGreaterThan(0);
    expect(warnings.length).toBeGreaterThan(0);
    const sheet = issuesSheet(table);
    expect(sheet.name).toBe(ISSUES_SHEET);
    expect([1, 2, 3, 4, 5].map((c) => planCellAt(sheet, 4, c))).toEqual([
      "Severity",
      "Cell",
      "Field",
      "Value",
      "Message",
    ]);
    const row = (i: AccountIssue, severity: string) => [severity, i.cell, i.field ?? "", i.value ?? null, i.message];
    expect(listed(sheet, table.issues.length)).toEqual([
      ...errors.map((i) => row(i, "Error: row left out")),
      ...warnings.map((i) => row(i, "Warning")),
    ]);
    // The text revenue as it was read, on a row of its own.
    expect(listed(sheet, table.issues.length).some((r) => r[3] === "n/a" && r[0] === "Error: row left out")).toBe(true);
    // A red tab where a row was left out.
    expect(sheet.tabColor).toBe("C00000");
  });

  it("keeps the order of equal severities and puts each error before every warning", () => {
    const table = messyTable();
    const issues = [
      issue("warning", 2, 1),
      issue("error", 3, 2),
      issue("warning", 4, 3),
      issue("error", 5, 4),
      issue("warning", 6, 5),
    ];
    const sheet = issuesSheet({ ...table, issues });
    expect(listed(sheet, 5).map((r) => r[1])).toEqual([3, 5, 2, 4, 6].map((n) => `'Account Data'!B${n}`));
    expect(listed(sheet, 5).map((r) => r[0])).toEqual([
      "Error: row left out",
      "Error: row left out",
      "Warning",
      "Warning",
      "Warning",
    ]);
  });

  it("shows each value as read: numbers, text and logical values as they were, none as blank, others as text", () => {
    const table = messyTable();
    const date = new Date(Date.UTC(2026, 0, 2));
    const values: unknown[] = [undefined, null, 1250.5, "€1.2m", "", true, false, date, [1, 2]];
    const sheet = issuesSheet({ ...table, issues: values.map((v, k) => issue("warning", k + 2, v, "Revenue")) });
    expect(listed(sheet, values.length).map((r) => r[3])).toEqual([
      null,
      null,
      1250.5,
      "€1.2m",
      "",
      true,
      false,
      String(date),
      "1,2",
    ]);
    // Values are shown as text (a number format of "@"), so "=..." read from a cell stays text.
    expect(sheet.styles).toContainEqual({ range: `D5:D${4 + values.length}`, numberFormat: "@" });
  });

  it("leaves the field blank for an issue of the whole table, and greys the tab when nothing was left out", () => {
    const table = messyTable();
    const sheet = issuesSheet({ ...table, issues: [issue("warning", 2, "x")] });
    expect(listed(sheet, 1)).toEqual([["Warning", "'Account Data'!B2", "", "x", "message 2"]]);
    expect(sheet.tabColor).toBe("A5A5A5");
  });

  it("says so when there is no issue", () => {
    const table = messyTable();
    const sheet = issuesSheet({ ...table, issues: [] });
    expect(listed(sheet, 1)).toEqual([["", "", "", "", "No issues: every row was read as an account."]]);
    expect(sheet.tabColor).toBe("A5A5A5");
  });

  it("sums up the rows read, used, left out, blank and totals", () => {
    const table = messyTable();
    const summary = { read: 12_345, accepted: 12_000, rejected: 300, ignoredBlank: 40, ignoredTotals: 5 };
    const sheet = issuesSheet({ ...table, summary });
    expect(planCellAt(sheet, 1, 1)).toBe("Issues in the account table");
    expect(planCellAt(sheet, 2, 1)).toBe(
      "12,345 rows read, 12,000 accounts used, 300 left out for errors, 40 blank, 5 totals.",
    );
    // the title large and bold, the summary beneath it as a grey italic note, the header row in white on blue
    expect(sheet.styles!.slice(0, 3)).toEqual([
      { range: "A1", font: { bold: true, size: 16, color: "1F3864" } },
      { range: "A2", font: { italic: true, color: "595959" } },
      {
        range: "A4:E4",
        font: { bold: true, color: "FFFFFF" },
        fill: "1F3864",
        wrapText: true,
        verticalAlignment: "middle",
      },
    ]);
  });
});

describe("the Issues sheet's layout", () => {
  it("leaves row 3 blank, sizes its rows and columns, wraps the messages and reds every left-out row's severity", () => {
    const table = messyTable();
    const issues = [issue("warning", 2, "x", "Revenue"), issue("error", 3, "n/a", "Revenue")];
    const sheet = issuesSheet({ ...table, issues });
    expect(sheet.blocks).toEqual([
      {
        at: "A1",
        rows: [
          ["Issues in the account table", null, null, null, null],
          [planCellAt(sheet, 2, 1), null, null, null, null],
          [null, null, null, null, null],
          ["Severity", "Cell", "Field", "Value", "Message"],
          ["Error: row left out", "'Account Data'!B3", "Revenue", "n/a", "message 3"],
          ["Warning", "'Account Data'!B2", "Revenue", "x", "message 2"],
        ],
      },
    ]);
    expect(sheet.freeze).toEqual({ rows: 4, columns: 0 });
    expect(sheet.rowHeights).toEqual({ 1: 24 });
    expect(sheet.columnWidths).toEqual({ A: 20, B: 26, C: 18, D: 20, E: 100 });
    expect(sheet.styles!.slice(3)).toEqual([
      { range: "E5:E6", wrapText: true },
      { range: "D5:D6", numberFormat: "@" },
    ]);
    expect(sheet.conditionalFormats).toEqual([
      {
        type: "cellValue",
        range: "A5:A6",
        operator: "equal",
        formula1: '"Error: row left out"',
        fontColor: "9C0006", // dark red, as the other sheets mark bad values
      },
    ]);
  });
});
