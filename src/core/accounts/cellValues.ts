/**
 * Reading one cell as Excel's values API hands it over: numbers, strings (including numbers stored as text and error
 * values such as "#N/A"), booleans, and blanks as null or "". Each reader returns the value, `null` for a blank, or
 * a {@link CellProblem} describing what was found and what was expected. Nothing is guessed: "€1.2m" is a problem,
 * not 1,200,000. Plain functions on primitives, no allocation for good cells: they run on every cell of 100,000 rows.
 */
export interface CellProblem {
  readonly problem: string;
}

const EXCEL_ERROR =
  /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!|GETTING_DATA)/;
/** 1234, 1,234, 1,234.5, -12.5, .5 — a comma only as a thousands separator in groups of three. */
const PLAIN_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;
/** 1.234,5 or 12,5: a decimal comma. Ambiguous next to the thousands comma above, so refused with advice. */
const DECIMAL_COMMA = /^[+-]?(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d{1,2})$/;

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

export function isExcelError(value: unknown): boolean {
  return typeof value === "string" && value.length > 1 && value[0] === "#" && EXCEL_ERROR.test(value);
}

function problem(text: string): CellProblem {
  return { problem: text };
}

/** A number, a blank (null) or a problem. Text numbers "1,234" and percentages "12%" are read; nothing else. */
export function readNumber(value: unknown): number | null | CellProblem {
  if (typeof value === "number") return Number.isFinite(value) ? value : problem("a number Excel cannot hold");
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return problem(`the logical value ${value ? "TRUE" : "FALSE"}`);
  if (typeof value !== "string") return problem("a value of an unknown kind");
  const text = value.trim();
  if (text === "") return null;
  if (isExcelError(text)) return problem(`the error ${text}`);
  const percent = text.endsWith("%");
  const body = percent ? text.slice(0, -1).trim() : text;
  if (body !== "" && body !== "." && PLAIN_NUMBER.test(body)) {
    const n = Number(body.replace(/,/g, ""));
    if (Number.isFinite(n)) return percent ? n / 100 : n;
  }
  if (DECIMAL_COMMA.test(body)) return problem(`the text "${text}" (a decimal comma: enter it as a number)`);
  return problem(`the text "${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`);
}

/** A label (name, id, owner): text as written, numbers as their digits (ids are often numeric), or a problem. */
export function readLabel(value: unknown): string | null | CellProblem {
  if (typeof value === "string") {
    const text = value.trim();
    if (text === "") return null;
    return isExcelError(text) ? problem(`the error ${text}`) : text;
  }
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : problem("a number Excel cannot hold");
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return problem(`the logical value ${value ? "TRUE" : "FALSE"}`);
  return problem("a value of an unknown kind");
}

const YES = new Set(["yes", "y", "true", "1", "x", "ja", "oui"]);
const NO = new Set(["no", "n", "false", "0", "nein", "non"]);
const CHURNED = new Set([
  "churned",
  "churn",
  "lost",
  "inactive",
  "cancelled",
  "canceled",
  "closed",
  "terminated",
  "left",
  "gone",
]);
const ACTIVE = new Set(["active", "retained", "current", "won", "live", "renewed", "open"]);

/** A yes/no flag as 1 or 0: TRUE/FALSE, 1/0, yes/no, y/n, x for yes. */
export function readFlag(value: unknown): 0 | 1 | null | CellProblem {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value === 1 || value === 0) return value;
  if (isBlank(value)) return null;
  if (typeof value === "string") {
    const text = value.trim().toLowerCase();
    if (text === "") return null;
    if (YES.has(text)) return 1;
    if (NO.has(text)) return 0;
    if (isExcelError(value.trim())) return problem(`the error ${value.trim()}`);
  }
  return problem(`${typeof value === "string" ? `the text "${value}"` : String(value)}`);
}

/**
 * An account status as 1 (churned) or 0 (active). Words say it directly ("churned", "active", "lost"); a yes/no flag
 * is read by the column's polarity: in a "Churned?" column yes means churned, in an "Active" column it means active.
 */
export function readStatus(value: unknown, yesMeansChurned: boolean): 0 | 1 | null | CellProblem {
  if (typeof value === "string") {
    const text = value.trim().toLowerCase();
    if (CHURNED.has(text)) return 1;
    if (ACTIVE.has(text)) return 0;
  }
  const flag = readFlag(value);
  if (flag === 0 || flag === 1) return yesMeansChurned ? flag : flag === 1 ? 0 : 1;
  return flag;
}
