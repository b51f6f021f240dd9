import { cellAddress, columnLetters, quoteSheetName } from "./address";
import {
  isBlank,
  numberRules,
  readFlag,
  readLabel,
  readNumber,
  readStatus,
  type CellProblem,
  type TextNumberRules,
} from "./cellValues";
import { FIELDS, normaliseHeader, type FieldId } from "./fields";
import { firstOfName, type ColumnMapping } from "./mapping";
import type { AccountIssue, TableInput } from "./table";

export type LabelField = "account" | "owner" | "segment" | "region" | "industry";
export type NumberField =
  "revenue" | "priorRevenue" | "grossMargin" | "nps" | "products" | "relationship" | "shareOfWallet";

/** Validated accounts, column by column (100,000 rows stay a handful of typed arrays, not 100,000 objects). */
export interface AccountTable {
  readonly sheet: string;
  readonly count: number;
  /** 0-based sheet row of each accepted account, so generated sheets can point formulas at the source cells. */
  readonly sourceRows: Int32Array;
  readonly labels: Readonly<Partial<Record<LabelField, readonly (string | null)[]>>>;
  /** NaN where a cell was blank. */
  readonly numbers: Readonly<Partial<Record<NumberField, Float64Array>>>;
  /** 1 churned, 0 active, −1 blank. */
  readonly status?: Int8Array;
  /** 1 acquired this period, 0 not, −1 blank. */
  readonly acquired?: Int8Array;
  readonly criteria: readonly { readonly header: string; readonly weight: number; readonly values: Float64Array }[];
  /** The product block (revenue per product, NaN where blank), left to right; absent without one. */
  readonly productRevenue?: readonly ProductRevenue[];
  /** NPS as 0–10 survey answers, or as an account-level score −100..100; detected from the values. */
  readonly npsScale?: "survey" | "account";
  /** Gross margin as a share of revenue (a percentage) or as an amount; detected from format and values. */
  readonly marginBasis?: "percent" | "amount";
  readonly issues: readonly AccountIssue[];
  readonly summary: {
    readonly read: number;
    readonly accepted: number;
    readonly rejected: number;
    readonly ignoredBlank: number;
    readonly ignoredTotals: number;
  };
}

/** One column of the product block: its header, the product's name and each account's revenue from it. */
export interface ProductRevenue {
  readonly header: string;
  readonly product: string;
  readonly values: Float64Array;
}

const TOTALS = /^(grand\s+)?(total|totals|sum|subtotal|gesamt|summe)\b/i;
const NON_NEGATIVE: ReadonlySet<FieldId> = new Set(["revenue", "priorRevenue", "products", "shareOfWallet"]);

interface ReadPlan {
  readonly field: FieldId | "criterion" | "product";
  readonly kind: "label" | "number" | "status" | "flag";
  readonly column: number;
  readonly label: string;
  readonly slot: number;
  /** The field has a range to check (non-negative amounts, the NPS scale). */
  readonly checked: boolean;
}

function readPlan(mapping: ColumnMapping): ReadPlan[] {
  const plan: ReadPlan[] = [];
  for (const [field, match] of Object.entries(mapping.fields) as [FieldId, { column: number }][]) {
    const def = FIELDS[field];
    plan.push({
      field,
      kind: def.kind,
      column: match.column,
      label: def.label,
      slot: -1,
      checked: NON_NEGATIVE.has(field) || field === "nps",
    });
  }
  mapping.criteria.forEach((c, i) =>
    plan.push({
      field: "criterion",
      kind: "number",
      column: c.column,
      label: c.header || `criterion ${i + 1}`,
      slot: i,
      checked: false,
    }),
  );
  // A product's revenue is an amount like the revenue: a number, never negative.
  (mapping.productBlock ?? []).forEach((p, i) =>
    plan.push({ field: "product", kind: "number", column: p.column, label: p.header, slot: i, checked: true }),
  );
  // Left to right, so issues come in the order the analyst reads the row.
  return plan.sort((a, b) => a.column - b.column);
}

function emptyTable(input: TableInput, issues: AccountIssue[], read = 0): AccountTable {
  return {
    sheet: input.sheet,
    count: 0,
    sourceRows: new Int32Array(0),
    labels: {},
    numbers: {},
    criteria: [],
    issues,
    summary: { read, accepted: 0, rejected: 0, ignoredBlank: 0, ignoredTotals: 0 },
  };
}

function wholeRange(input: TableInput): string {
  const rows = input.values.length;
  const cols = input.values[0]?.length ?? 0;
  const first = `${columnLetters(input.left)}${input.top + 1}`;
  const last = `${columnLetters(input.left + Math.max(cols, 1) - 1)}${input.top + Math.max(rows, 1)}`;
  return `${quoteSheetName(input.sheet)}!${first}:${last}`;
}

/**
 * Detects the NPS scale from the values: whole numbers 0–10 are survey answers; negatives, or many values above 10,
 * mean an account-level score (−100..100). A lone 11 in a column of answers is a typo to report, not a new scale.
 */
function detectNpsScale(input: TableInput, from: number, column: number, rules: TextNumberRules): "survey" | "account" {
  let numbers = 0;
  let beyond = 0;
  for (let i = from; i < input.values.length; i++) {
    const n = readNumber(input.values[i][column], rules);
    if (typeof n !== "number") continue;
    numbers++;
    if (n < 0) return "account";
    if (n > 10 || !Number.isInteger(n)) beyond++;
  }
  return beyond >= Math.max(2, 0.1 * numbers) ? "account" : "survey";
}

function detectMarginBasis(
  input: TableInput,
  from: number,
  column: number,
  rules: TextNumberRules,
): "percent" | "amount" {
  if (/%/.test(input.numberFormats?.[from]?.[column] ?? "")) return "percent";
  for (let i = from; i < input.values.length; i++) {
    const n = readNumber(input.values[i][column], rules);
    if (typeof n === "number" && Math.abs(n) > 1) return "amount";
  }
  return "percent";
}

/**
 * Turns the analyst's selection into validated accounts. Every problem becomes an issue naming its cell; a row with
 * any error is left out, never coerced; blank rows and a totals row at the bottom are skipped and counted. Cells are
 * read by hand-written readers (no schema parsing per cell), so 100,000 rows × 15 columns take well under 300 ms.
 */
export interface ValidateOptions {
  /** "detect" (default) leaves out a totals row at the bottom, with a warning; "keep" reads every row as an account. */
  readonly totalsRow?: "detect" | "keep";
}

export function validateAccounts(
  input: TableInput,
  mapping: ColumnMapping,
  options: ValidateOptions = {},
): AccountTable {
  const detectTotals = options.totalsRow !== "keep";
  const rules = numberRules(input.separators);
  const issues: AccountIssue[] = [];
  const { values } = input;
  if (values.length === 1 && (values[0]?.length ?? 0) === 1) {
    issues.push({
      code: "single_cell",
      severity: "error",
      cell: wholeRange(input),
      message: "Only one cell is selected: select the whole account table, headers included.",
    });
    return emptyTable(input, issues);
  }
  if (mapping.headerRow < 0) {
    issues.push({
      code: "no_header",
      severity: "error",
      cell: wholeRange(input),
      message: "No header row found in the first 20 rows: the table needs a row of column names above the data.",
    });
    return emptyTable(input, issues);
  }
  const accountColumn = mapping.fields.account?.column;
  if (accountColumn === undefined) {
    issues.push({
      code: "missing_column",
      severity: "error",
      cell: wholeRange(input),
      field: "account",
      message: 'No column names the account (e.g. "Account", "Customer"): choose it in the column mapping.',
    });
    return emptyTable(input, issues);
  }
  const from = mapping.dataRow ?? mapping.headerRow + 1;
  const headerCell = (col: number) => cellAddress(input.sheet, input.top + mapping.headerRow, input.left + col);
  mapping.headers.forEach((h, j) => {
    if (h !== "") return;
    for (let i = from; i < values.length; i++) {
      if (isBlank(values[i][j])) continue;
      issues.push({
        code: "no_header_name",
        severity: "warning",
        cell: headerCell(j),
        message: `Column ${columnLetters(input.left + j)} has data but no header (merged header cells keep their name in the first column only): it was not read.`,
      });
      break;
    }
  });
  firstOfName(mapping.headers).forEach((first, j) => {
    if (first === j) return;
    const h = mapping.headers[j];
    issues.push({
      code: "duplicate_header",
      severity: "warning",
      cell: headerCell(j),
      value: h,
      message:
        `Column ${columnLetters(input.left + j)} has the same name as column ${columnLetters(input.left + first)} ` +
        `("${h}"): only column ${columnLetters(input.left + first)} is read by that name. Rename one, or choose it ` +
        "in the column mapping.",
    });
  });
  const hiddenRows = hiddenRowsIssue(input, from, accountColumn);
  if (hiddenRows) issues.push(hiddenRows);
  const plan = readPlan(mapping);
  for (const p of plan) {
    if (input.hiddenColumns?.[p.column]) {
      issues.push({
        code: "hidden_column",
        severity: "warning",
        cell: headerCell(p.column),
        field: p.label,
        message: `Column ${columnLetters(input.left + p.column)} (${p.label}) is hidden; it was read like the others.`,
      });
    }
  }
  let end = values.length;
  while (end > from && values[end - 1].every(isBlank)) end--;
  if (end <= from) {
    issues.push({
      code: "no_data",
      severity: "error",
      cell: wholeRange(input),
      message: "The selection has a header row but no account rows below it.",
    });
    return emptyTable(input, issues);
  }

  const capacity = end - from;
  const sourceRows = new Int32Array(capacity);
  const labels: Partial<Record<LabelField, (string | null)[]>> = {};
  const numbers: Partial<Record<NumberField, Float64Array>> = {};
  const criteria = mapping.criteria.map((c) => ({
    header: c.header,
    weight: c.weight,
    values: new Float64Array(capacity),
  }));
  const productRevenue: ProductRevenue[] = (mapping.productBlock ?? []).map((p) => ({
    header: p.header,
    product: p.product,
    values: new Float64Array(capacity),
  }));
  let status: Int8Array | undefined;
  let acquired: Int8Array | undefined;
  // One destination per read, by index: the row loop then never looks a field up by name.
  const numberSinks: (Float64Array | Int8Array | undefined)[] = [];
  const labelSinks: ((string | null)[] | undefined)[] = [];
  for (const p of plan) {
    let numberSink: Float64Array | Int8Array | undefined;
    let labelSink: (string | null)[] | undefined;
    if (p.field === "criterion") numberSink = criteria[p.slot].values;
    else if (p.field === "product") numberSink = productRevenue[p.slot].values;
    else if (p.kind === "label") labelSink = labels[p.field as LabelField] = [];
    else if (p.kind === "number") numberSink = numbers[p.field as NumberField] = new Float64Array(capacity);
    else if (p.field === "status") numberSink = status = new Int8Array(capacity);
    else numberSink = acquired = new Int8Array(capacity);
    numberSinks.push(numberSink);
    labelSinks.push(labelSink);
  }
  const npsColumn = mapping.fields.nps?.column;
  const npsScale = npsColumn === undefined ? undefined : detectNpsScale(input, from, npsColumn, rules);
  const marginColumn = mapping.fields.grossMargin?.column;
  const marginBasis = marginColumn === undefined ? undefined : detectMarginBasis(input, from, marginColumn, rules);
  const statusHeader = normaliseHeader(mapping.fields.status?.header ?? "");
  const yesMeansChurned = !/\bactive\b/.test(statusHeader);

  const seen = new Map<string, number>();
  const rowNumbers = new Float64Array(plan.length);
  const rowLabels: (string | null)[] = new Array(plan.length);
  let count = 0;
  let rejected = 0;
  let ignoredBlank = 0;
  let ignoredTotals = 0;
  // A totals row is the last (or last but one) row with an account label: notes or blank rows may follow it.
  let lastNamed = end - 1;
  while (lastNamed > from && isBlank(values[lastNamed][accountColumn])) lastNamed--;
  for (let i = from; i < end; i++) {
    const row = values[i];
    const sheetRow = input.top + i;
    const name = readLabel(row[accountColumn]);
    if (detectTotals && typeof name === "string" && TOTALS.test(name) && i >= lastNamed - 1) {
      ignoredTotals++;
      issues.push({
        code: "totals_row",
        severity: "warning",
        cell: cellAddress(input.sheet, sheetRow, input.left + accountColumn),
        field: "Account",
        value: name,
        message: `Row ${sheetRow + 1} ("${name}") looks like a totals row; it was left out. If it is an account, keep the last rows.`,
      });
      continue;
    }
    let bad = false;
    let filled = 0;
    for (let k = 0; k < plan.length; k++) {
      const p = plan[k];
      const value = row[p.column];
      let got: number | string | null | CellProblem;
      if (p.kind === "label") got = readLabel(value);
      else if (p.kind === "number") got = readNumber(value, rules);
      else if (p.kind === "status") got = readStatus(value, yesMeansChurned);
      else got = readFlag(value);
      if (got === null) {
        if (p.kind === "label") rowLabels[k] = null;
        else rowNumbers[k] = Number.NaN;
        continue;
      }
      filled++;
      if (typeof got === "object") {
        bad = true;
        issues.push({
          code: /the error #/.test(got.problem)
            ? "error_value"
            : p.kind === "status"
              ? "bad_status"
              : p.kind === "flag"
                ? "bad_flag"
                : "not_a_number",
          severity: "error",
          cell: cellAddress(input.sheet, sheetRow, input.left + p.column),
          field: p.label,
          value,
          message: `${p.label} is ${got.problem}; expected ${expectation(p)}.`,
        });
        continue;
      }
      if (p.kind === "number" && p.checked) {
        const range = rangeProblem(p.field, got as number, npsScale);
        if (range) {
          bad = true;
          issues.push({
            code: "out_of_range",
            severity: "error",
            cell: cellAddress(input.sheet, sheetRow, input.left + p.column),
            field: p.label,
            value,
            message: `${p.label} is ${got}; ${range}.`,
          });
          continue;
        }
      }
      if (p.kind === "label") rowLabels[k] = got as string;
      else rowNumbers[k] = got as number;
    }
    if (filled === 0) {
      ignoredBlank++;
      continue;
    }
    if (name === null && !bad) {
      bad = true;
      issues.push({
        code: "missing_account",
        severity: "error",
        cell: cellAddress(input.sheet, sheetRow, input.left + accountColumn),
        field: "Account",
        message: `Row ${sheetRow + 1} has data but no account name.`,
      });
    }
    if (typeof name === "string" && !bad) {
      const first = seen.get(name.toLowerCase());
      if (first !== undefined) {
        bad = true;
        issues.push({
          code: "duplicate_account",
          severity: "error",
          cell: cellAddress(input.sheet, sheetRow, input.left + accountColumn),
          field: "Account",
          value: name,
          message: `"${name}" appears again (first in row ${first + 1}); each account must appear once. This row was left out.`,
        });
      } else seen.set(name.toLowerCase(), sheetRow);
    }
    if (bad) {
      rejected++;
      continue;
    }
    sourceRows[count] = sheetRow;
    for (let k = 0; k < plan.length; k++) {
      const labelSink = labelSinks[k];
      if (labelSink) labelSink.push(rowLabels[k]);
      else {
        const sink = numberSinks[k] as Float64Array | Int8Array;
        // Int8Array stores NaN as 0: a blank status or flag becomes −1 explicitly.
        sink[count] = sink instanceof Int8Array && Number.isNaN(rowNumbers[k]) ? -1 : rowNumbers[k];
      }
    }
    count++;
  }
  // A totals row without a "Total" label: the last row's revenue equals the sum of all the others.
  const revenue = numbers.revenue;
  if (detectTotals && revenue && count >= 3 && isSumOfOthers(revenue, count)) {
    count--;
    ignoredTotals++;
    for (const sink of labelSinks) sink?.pop();
    const sheetRow = sourceRows[count];
    issues.push({
      code: "totals_row",
      severity: "warning",
      cell: cellAddress(input.sheet, sheetRow, input.left + mapping.fields.revenue!.column),
      field: "Revenue",
      value: revenue[count],
      message: `Row ${sheetRow + 1} has a revenue equal to the sum of the rows above: it looks like a totals row and was left out. If it is an account, keep the last rows.`,
    });
  }
  return {
    sheet: input.sheet,
    count,
    sourceRows: sourceRows.subarray(0, count),
    labels,
    numbers: Object.fromEntries(Object.entries(numbers).map(([k, v]) => [k, v.subarray(0, count)])),
    status: status?.subarray(0, count),
    acquired: acquired?.subarray(0, count),
    criteria: criteria.map((c) => ({ ...c, values: c.values.subarray(0, count) })),
    ...(productRevenue.length > 0
      ? { productRevenue: productRevenue.map((c) => ({ ...c, values: c.values.subarray(0, count) })) }
      : {}),
    npsScale,
    marginBasis,
    issues,
    summary: { read: end - from, accepted: count, rejected, ignoredBlank, ignoredTotals },
  };
}

/** One warning for the data rows hidden in the sheet (a filter, usually), naming the first few; they are still read. */
function hiddenRowsIssue(input: TableInput, from: number, accountColumn: number): AccountIssue | undefined {
  const advice = "read like the others. Show them, or select only the rows to use.";
  if (input.hiddenRows === "some") {
    return {
      code: "hidden_rows",
      severity: "warning",
      cell: wholeRange(input),
      message: `Some rows of the table are hidden (a filter?); they were ${advice}`,
    };
  }
  const hidden = (input.hiddenRows ?? []).filter((r) => r >= from);
  if (hidden.length === 0) return undefined;
  const rows = hidden.map((r) => input.top + r + 1);
  const listed = rows.length > 5 ? `${rows.slice(0, 5).join(", ")} and ${rows.length - 5} more` : rows.join(", ");
  return {
    code: "hidden_rows",
    severity: "warning",
    cell: cellAddress(input.sheet, input.top + hidden[0], input.left + accountColumn),
    message:
      rows.length === 1
        ? `Row ${listed} is hidden (a filter?); it was ${advice}`
        : `Rows ${listed} are hidden (a filter?); they were ${advice}`,
  };
}

/**
 * The last row's revenue equals the sum of the rows above, and at least two of those rows are big enough to matter
 * in that sum: a total. Counting only significant parts keeps [500, 0, 500] (two equal accounts) and
 * [1e9, 1e-300, 1e9] (one dominant account; the tiny one vanishes in rounding) from losing their last row.
 */
function isSumOfOthers(revenue: Float64Array, count: number): boolean {
  const last = revenue[count - 1];
  if (!(last > 0)) return false;
  const tolerance = 1e-9 * last;
  let others = 0;
  let parts = 0;
  for (let i = 0; i < count - 1; i++) {
    const r = revenue[i];
    if (Number.isNaN(r)) continue;
    others += r;
    if (r > tolerance) parts++;
  }
  return parts >= 2 && Math.abs(last - others) <= tolerance;
}

function expectation(p: ReadPlan): string {
  switch (p.kind) {
    case "label":
      return "a name or id";
    case "status":
      return "a status such as active/churned, or yes/no";
    case "flag":
      return "yes/no, TRUE/FALSE or 1/0";
    default:
      return "a number";
  }
}

function rangeProblem(
  field: ReadPlan["field"],
  n: number,
  npsScale: "survey" | "account" | undefined,
): string | undefined {
  if ((field === "product" || (field !== "criterion" && NON_NEGATIVE.has(field))) && n < 0)
    return "it cannot be negative";
  if (field === "nps") {
    if (npsScale === "survey" && (n < 0 || n > 10)) return "NPS answers run from 0 to 10";
    if (npsScale === "account" && (n < -100 || n > 100)) return "an account NPS runs from -100 to 100";
  }
  return undefined;
}
