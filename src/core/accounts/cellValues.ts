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
/** How the workbook writes numbers: Excel's decimal and thousands separators (ExcelApi 1.11), else "." and ",". */
export interface NumberSeparators {
  readonly decimal: string;
  readonly group: string;
}

/** Compiled once per table: the text-number patterns of one convention, and of the other for a helpful refusal. */
export interface TextNumberRules {
  /** A number as this workbook writes it: groups of three after the first, an optional decimal part. */
  readonly plain: RegExp;
  readonly groupChars: RegExp;
  readonly decimal: string;
  /** A number written with the other convention's decimal mark, refused with advice, not read. */
  readonly other?: { readonly pattern: RegExp; readonly advice: string };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A space-like thousands separator: Excel and pasted text use a space, a no-break or a narrow no-break space. */
const SPACES = "[ \\u00a0\\u202f]";

/** The rules for a workbook's separators (compile once per table, not per cell). */
export function numberRules(separators: NumberSeparators = { decimal: ".", group: "," }): TextNumberRules {
  const { decimal, group } = separators;
  const g = group.trim() === "" && group !== "" ? SPACES : group === "" ? "" : escape(group);
  const d = escape(decimal);
  const grouped = g ? `\\d{1,3}(?:${g}\\d{3})+|` : "";
  const plain = new RegExp(`^[+-]?(?:${grouped}\\d+)?(?:${d}\\d+)?$`);
  const groupChars = new RegExp(g || "(?!)", "g");
  // The other convention: 1.234,5 or 12,5 where "." is the decimal mark; 1,234.5 or 12.5 where "," is.
  const other =
    decimal === "."
      ? {
          pattern: /^[+-]?(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d{1,2})$/,
          advice: "a decimal comma, but this workbook writes a decimal point",
        }
      : decimal === ","
        ? {
            pattern: /^[+-]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d{1,2})$/,
            advice: "a decimal point, but this workbook writes a decimal comma",
          }
        : undefined;
  return { plain, groupChars, decimal, other };
}

const POINT_RULES = numberRules();

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

export function isExcelError(value: unknown): boolean {
  return typeof value === "string" && value.length > 1 && value[0] === "#" && EXCEL_ERROR.test(value);
}

function problem(text: string): CellProblem {
  return { problem: text };
}

/**
 * A number, a blank (null) or a problem. Text numbers are read as the workbook writes them ("1,234" and "12%" with a
 * decimal point; "1.234,5" and "12,5 %" with a decimal comma); nothing else, and never the other convention.
 */
export function readNumber(value: unknown, rules: TextNumberRules = POINT_RULES): number | null | CellProblem {
  if (typeof value === "number") return Number.isFinite(value) ? value : problem("a number Excel cannot hold");
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return problem(`the logical value ${value ? "TRUE" : "FALSE"}`);
  if (typeof value !== "string") return problem("a value of an unknown kind");
  const text = value.trim();
  if (text === "") return null;
  if (isExcelError(text)) return problem(`the error ${text}`);
  const percent = text.endsWith("%");
  const body = percent ? text.slice(0, -1).trim() : text;
  if (body !== "" && body !== rules.decimal && rules.plain.test(body)) {
    const canonical = body.replace(rules.groupChars, "");
    const n = Number(rules.decimal === "." ? canonical : canonical.replace(rules.decimal, "."));
    if (Number.isFinite(n)) return percent ? n / 100 : n;
  }
  if (rules.other?.pattern.test(body)) {
    return problem(`the text "${text}" (${rules.other.advice}: enter it as a number)`);
  }
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
  "gekündigt",
  "verloren",
  "inaktiv",
  "perdu",
  "perdido",
]);
const ACTIVE = new Set(["active", "retained", "current", "won", "live", "renewed", "open", "aktiv", "actif", "activo"]);

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
