import { parseRangeAddress, type AccountIssue } from "../core";

/** Where a table came from, to say where an issue is as its reader knows the file. */
export interface SourceKind {
  /** A CSV: the 1-based line each row of the table starts on. */
  readonly csvLines?: readonly number[];
  /** The header of each column (0-based from the table's left), to name a CSV column. */
  readonly headers?: readonly string[];
  readonly left?: number;
  readonly top?: number;
}

/**
 * An issue as one line for the terminal: the CSV line and column ("line 17, column Revenue FY25"), or the cell
 * ('Accounts'!E7) for a workbook, then the message.
 */
export function issueLine(issue: AccountIssue, source: SourceKind): string {
  const severity = issue.severity === "error" ? "error" : "warning";
  return `${severity}: ${where(issue.cell, source)}: ${issue.message}`;
}

function where(cell: string, source: SourceKind): string {
  if (!source.csvLines) return cell;
  const at = parseRangeAddress(cell.split(":")[0]);
  if (!at) return cell;
  const line = source.csvLines[at.row - (source.top ?? 0)];
  const header = source.headers?.[at.col - (source.left ?? 0)];
  if (line === undefined) return cell;
  return cell.includes(":") ? `from line ${line}` : `line ${line}${header ? `, column ${header}` : ""}`;
}
