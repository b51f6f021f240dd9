import type { AccountTable } from "../../core";
import type { PlanCell, SheetPlan } from "../plan";
import { COLOURS, header, note, title } from "./look";

export const ISSUES_SHEET = "Issues";

/** A cell's value as the Issues sheet shows it: numbers and text as they were, anything else as its text. */
function shown(value: unknown): PlanCell {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * Every issue of the account model, errors first, with the source cell, field, the value as read and the message:
 * a row left out of the report is never lost silently.
 */
export function issuesSheet(table: AccountTable): SheetPlan {
  const s = table.summary;
  const issues = [...table.issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  const rows: PlanCell[][] = [
    ["Issues in the account table"],
    [
      `${s.read.toLocaleString("en-US")} rows read, ${s.accepted.toLocaleString("en-US")} accounts used, ` +
        `${s.rejected.toLocaleString("en-US")} left out for errors, ${s.ignoredBlank} blank, ${s.ignoredTotals} totals.`,
    ],
    [],
    ["Severity", "Cell", "Field", "Value", "Message"],
    ...issues.map((i) => [
      i.severity === "error" ? "Error: row left out" : "Warning",
      i.cell,
      i.field ?? "",
      shown(i.value),
      i.message,
    ]),
  ];
  if (issues.length === 0) rows.push(["", "", "", "", "No issues: every row was read as an account."]);
  const last = rows.length;
  return {
    name: ISSUES_SHEET,
    tabColor: issues.some((i) => i.severity === "error") ? "C00000" : "A5A5A5",
    freeze: { rows: 4, columns: 0 },
    rowHeights: { 1: 24 },
    columnWidths: { A: 20, B: 26, C: 18, D: 20, E: 100 },
    blocks: [{ at: "A1", rows: rows.map((r) => [...r, ...new Array<PlanCell>(5 - r.length).fill(null)]) }],
    styles: [
      title("A1"),
      note("A2"),
      header("A4:E4"),
      { range: `E5:E${last}`, wrapText: true },
      { range: `D5:D${last}`, numberFormat: "@" },
    ],
    conditionalFormats: [
      {
        type: "cellValue",
        range: `A5:A${last}`,
        operator: "equal",
        formula1: '"Error: row left out"',
        fontColor: COLOURS.badText,
      },
    ],
  };
}
