import {
  columnLetters,
  type AccountTable,
  type LabelField,
  type NumberField,
  type PortfolioOptions,
  type RevenuePeriod,
} from "../../core";
import { ROW_TOKEN, type ConditionalFormat, type PlanColumn, type RangeStyle, type SheetPlan } from "../plan";
import { absoluteRef } from "../sheetRefs";
import type { InputRefs } from "./inputsSheet";
import { FORMATS, SEGMENT_COLOURS_2X2, SEGMENT_COLOURS_3X3 } from "./look";
import { accountFormulas } from "./accountFormulas";
import { accountsInputs } from "./accountsInputs";

export const ACCOUNTS_SHEET = "Accounts";
export const ACCOUNTS_TABLE = "KamAccounts";

/** A column of the Accounts sheet: an input as read, or a computed native formula. */
export type ColumnKey =
  | LabelField
  | NumberField
  | "status"
  | "acquired"
  | `criterion${number}`
  | `productRevenue${number}`
  | `period${number}`
  | "active"
  | "attractiveness"
  | "mainDriver"
  | "strength"
  | "quadrant"
  | "margin"
  | "clv"
  | "revenueChange"
  | "atRisk";

interface ColumnSpec {
  readonly key: ColumnKey;
  readonly header: string;
  readonly format?: string;
  readonly width: number;
}

/** The Accounts sheet's columns and where they are, for every other sheet's formulas. */
export interface AccountsLayout {
  readonly columns: readonly (ColumnSpec & { readonly letter: string })[];
  readonly firstRow: number;
  readonly lastRow: number;
  has(key: ColumnKey): boolean;
  /** Absolute reference of a whole column's data ('Accounts'!$F$2:$F$251). */
  range(key: ColumnKey): string;
  /** The cell of one account (0-based) in a column, absolute ('Accounts'!$A$17). */
  cell(key: ColumnKey, i: number): string;
  letter(key: ColumnKey): string;
}

const LABELS: readonly [LabelField, string][] = [
  ["account", "Account"],
  ["owner", "Account manager"],
  ["segment", "Segment"],
  ["region", "Region"],
  ["industry", "Industry"],
];
const NUMBERS: readonly [NumberField, string][] = [
  // prior revenue before revenue: with earlier years before both, the years read oldest first (FY23, FY24, FY25)
  ["priorRevenue", "Prior revenue"],
  ["revenue", "Revenue"],
  ["grossMargin", "Gross margin"],
  ["nps", "NPS"],
  ["products", "Products"],
  ["relationship", "Relationship strength"],
  ["shareOfWallet", "Share of wallet"],
];

/**
 * The columns for a table: the analyst's mapped columns (under their own headers where the mapping knows them), the
 * criteria side by side (the score's SUMPRODUCT needs them in one row range), then the computed columns. Headers
 * are made distinct, as Excel tables require.
 */
export function accountsLayout(
  table: AccountTable,
  options: PortfolioOptions,
  headers: Readonly<Partial<Record<string, string>>> = {},
  known: { readonly clv: boolean } = { clv: true },
  periods: readonly RevenuePeriod[] = [],
): AccountsLayout {
  const specs: ColumnSpec[] = [];
  for (const [f, label] of LABELS)
    if (table.labels[f]) specs.push({ key: f, header: headers[f] ?? label, width: f === "account" ? 28 : 16 });
  const n = table.numbers;
  const percentMargin = table.marginBasis !== "amount";
  // Earlier years of revenue, oldest first, before the revenue they lead up to.
  periods.forEach((p, k) => {
    if (!p.field) specs.push({ key: `period${k}`, header: p.header, format: FORMATS.moneyFull, width: 14 });
  });
  for (const [f, label] of NUMBERS) {
    if (!n[f]) continue;
    const format =
      f === "revenue" || f === "priorRevenue"
        ? FORMATS.moneyFull
        : f === "grossMargin"
          ? percentMargin
            ? FORMATS.percent
            : FORMATS.moneyFull
          : f === "shareOfWallet" && options.strength.shareOfWalletScale === 1
            ? FORMATS.percent
            : undefined;
    specs.push({ key: f, header: headers[f] ?? label, format, width: 14 });
  }
  if (table.status) specs.push({ key: "status", header: headers.status ?? "Status", width: 11 });
  if (table.acquired) specs.push({ key: "acquired", header: headers.acquired ?? "New", width: 8 });
  table.criteria.forEach((c, j) =>
    specs.push({ key: `criterion${j}`, header: c.header || `Criterion ${j + 1}`, width: 12 }),
  );
  // The product block side by side, as the Whitespace sheet's formulas read it (one row range per account).
  table.productRevenue?.forEach((p, j) =>
    specs.push({ key: `productRevenue${j}`, header: p.header, format: FORMATS.moneyFull, width: 14 }),
  );
  const revenue = !!n.revenue;
  const prior = !!n.priorRevenue;
  specs.push({ key: "active", header: "Active", width: 9 });
  if (table.criteria.length > 0) {
    specs.push({ key: "attractiveness", header: "Attractiveness", format: FORMATS.score, width: 14 });
    specs.push({ key: "mainDriver", header: "Main driver", width: 18 });
  }
  if (n.relationship || n.shareOfWallet)
    specs.push({ key: "strength", header: "Strength", format: FORMATS.score, width: 11 });
  if (table.criteria.length > 0 && (n.relationship || n.shareOfWallet))
    specs.push({ key: "quadrant", header: "Quadrant", width: 13 });
  if (n.grossMargin && (revenue || !percentMargin)) {
    specs.push({ key: "margin", header: "Margin", format: FORMATS.moneyFull, width: 12 });
    if (prior && known.clv) specs.push({ key: "clv", header: "CLV", format: FORMATS.moneyFull, width: 12 });
  }
  if (prior) specs.push({ key: "revenueChange", header: "Revenue change", format: FORMATS.percent, width: 11 });
  if (n.nps || (revenue && prior)) specs.push({ key: "atRisk", header: "At risk", width: 9 });

  const seen = new Set<string>();
  const columns = specs.map((s, j) => {
    let h = s.header;
    for (let k = 2; seen.has(h.toLowerCase()); k++) h = `${s.header} (${k})`;
    seen.add(h.toLowerCase());
    // Wide enough for the header and the table's filter button (about 3 characters): a cut header reads as another
    // word ("Revenue chan"); a very long one gets 40 and is cut there.
    const width = Math.max(s.width, Math.min(h.length + 3, 40));
    return { ...s, header: h, width, letter: columnLetters(j) };
  });
  const index = new Map(columns.map((c) => [c.key, c]));
  const firstRow = 2;
  const lastRow = table.count + 1;
  const letter = (key: ColumnKey) => {
    const c = index.get(key);
    if (!c) throw new Error(`The Accounts sheet has no ${key} column`);
    return c.letter;
  };
  return {
    columns,
    firstRow,
    lastRow,
    has: (key) => index.has(key),
    letter,
    range: (key) => absoluteRef(ACCOUNTS_SHEET, `${letter(key)}${firstRow}:${letter(key)}${lastRow}`),
    cell: (key, i) => absoluteRef(ACCOUNTS_SHEET, `${letter(key)}${firstRow + i}`),
  };
}

/**
 * One input column's cells for the plan's column block: the account table's own typed columns and labels as they are
 * (NaN is a blank), status and "new" in words, so that the plan holds no copy of the accounts.
 */
function inputColumn(
  table: AccountTable,
  periods: readonly RevenuePeriod[],
  { key, header }: { key: ColumnKey; header: string },
): PlanColumn {
  if (key.startsWith("criterion")) return table.criteria[Number(key.slice(9))].values;
  if (key.startsWith("productRevenue")) return table.productRevenue![Number(key.slice(14))].values;
  if (key.startsWith("period")) return periods[Number(key.slice(6))].values;
  if (key === "status") {
    const status = table.status!;
    return Array.from(status, (s) => (s === 1 ? "Churned" : s === 0 ? "Active" : null));
  }
  if (key === "acquired") return Array.from(table.acquired!, (a) => (a === -1 ? null : a === 1));
  const values = table.labels[key as LabelField] ?? table.numbers[key as NumberField];
  if (!values) throw new Error(`The Accounts sheet has no values for its ${header} column`);
  return values;
}

/** The Accounts sheet: one row per accepted account in the KamAccounts table, inputs as read, metrics as formulas. */
export function accountsSheet(
  table: AccountTable,
  options: PortfolioOptions,
  layout: AccountsLayout,
  inputs: InputRefs,
  periods: readonly RevenuePeriod[] = [],
): SheetPlan {
  const mirror = accountsInputs(inputs, table.criteria.length, options.segments.length, layout.columns.length + 1);
  const computed = accountFormulas(table, options, layout, mirror.refs);
  // The analyst's columns as values, a column block over the table's own columns (no row per account in the plan);
  // the computed columns, which come after them, as one pattern row the renderers repeat (100,000 accounts make one
  // formula a column in the plan, not 100,000).
  // accountsLayout puts the computed columns last, from Active (always computed) on: the column block fills the
  // columns before them and the pattern those from Active, so a computed column without a formula would shift every
  // formula after it one column left. Refused, as a layout and inputs that disagree (a bug, not the analyst's data).
  const active = layout.columns.findIndex((c) => c.key === "active");
  const given = layout.columns.slice(0, active);
  const formulas = layout.columns.slice(active);
  const unfilled = formulas.find((c) => !computed[c.key]);
  if (unfilled) throw new Error(`The Accounts sheet has no formula for its ${unfilled.header} column`);
  const header = layout.columns.map((c) => c.header);
  const pattern = {
    at: `${formulas[0].letter}${layout.firstRow}`,
    count: table.count,
    pattern: formulas.map((c) => ({ f: computed[c.key]!({ row: ROW_TOKEN }) })),
  };
  const last = layout.columns[layout.columns.length - 1].letter;
  const styles: RangeStyle[] = layout.columns
    .filter((c) => c.format)
    .map((c) => ({ range: `${c.letter}${layout.firstRow}:${c.letter}${layout.lastRow}`, numberFormat: c.format }));
  const conditionalFormats: ConditionalFormat[] = [];
  if (layout.has("quadrant")) {
    const colours = options.grid === 2 ? SEGMENT_COLOURS_2X2 : SEGMENT_COLOURS_3X3;
    const q = layout.letter("quadrant");
    options.segments.forEach((_, k) =>
      conditionalFormats.push({
        type: "cellValue",
        range: `${q}${layout.firstRow}:${q}${layout.lastRow}`,
        operator: "equal",
        // The mirrored name on this sheet: a rule that reads another sheet needs Excel 2010 or later.
        formula1: mirror.refs.segmentName(k),
        fill: colours[k],
      }),
    );
  }
  if (layout.has("atRisk")) {
    const r = layout.letter("atRisk");
    conditionalFormats.push({
      type: "cellValue",
      range: `${r}${layout.firstRow}:${r}${layout.lastRow}`,
      operator: "equal",
      formula1: "TRUE",
      fill: "FFC7CE",
      fontColor: "9C0006",
    });
  }
  return {
    name: ACCOUNTS_SHEET,
    tabColor: "1F3864",
    freeze: { rows: 1, columns: 1 },
    columnWidths: Object.fromEntries(layout.columns.map((c) => [c.letter, c.width])),
    blocks: [{ at: "A1", rows: [header] }, mirror.block],
    columns: [
      { at: `A${layout.firstRow}`, count: table.count, columns: given.map((c) => inputColumn(table, periods, c)) },
    ],
    patterns: [pattern],
    styles: [...styles, ...mirror.styles],
    conditionalFormats,
    tables: [{ name: ACCOUNTS_TABLE, range: `A1:${last}${layout.lastRow}`, style: "TableStyleMedium2" }],
  };
}
