import { kamError, type KamError, type Result } from "../errors";
import { snapshotAccounts, type AccountSnapshot, type KpiValue, type Snapshot } from "./snapshot";

/**
 * The KAM History tables as rows, the long-lived layout an analyst can pivot: one row per snapshot and KPI, and one
 * row per snapshot and account with one part column per criterion ("Part: Growth potential"). Rows are only ever
 * appended: the headers a history starts with stay, and a later snapshot's parts go under the part columns of the
 * same criterion (by header, without case).
 */
export const KPI_HISTORY_HEADER = ["Snapshot", "KPI", "Value"] as const;
export const ACCOUNT_HISTORY_HEADER = [
  "Snapshot",
  "Account",
  "Attractiveness",
  "Strength",
  "Quadrant",
  "Revenue",
  "Total account value",
] as const;
export const PART_PREFIX = "Part: ";

/** A cell as a host reads it: Office.js gives "" for a blank, exceljs null. */
export type HistoryCell = string | number | boolean | null;

export interface HistoryTable {
  readonly header: readonly HistoryCell[];
  readonly rows: readonly (readonly HistoryCell[])[];
}

/** The two tables of an earlier KAM History sheet, as read. */
export interface HistoryTables {
  readonly kpis: HistoryTable;
  readonly accounts: HistoryTable;
}

export const partHeader = (criterion: string) => `${PART_PREFIX}${criterion}`;

/** The account table's header for a new history. */
export function accountHistoryHeader(criteria: readonly string[]): string[] {
  return [...ACCOUNT_HISTORY_HEADER, ...criteria.map(partHeader)];
}

/** The criteria of an account table's part columns, as its header names them. */
export function partCriteria(header: readonly HistoryCell[]): string[] {
  return header.slice(ACCOUNT_HISTORY_HEADER.length).map((h) => String(h ?? "").slice(PART_PREFIX.length));
}

/** A column of the account table for a snapshot: numbers (NaN for a blank) or cells. */
export type HistoryColumn = Float64Array | readonly HistoryCell[];

/**
 * A snapshot under the given part columns: its KPIs as rows, its accounts as the account table's columns (the
 * snapshot's own arrays, not a row per account), its parts under the column of the same criterion (without case),
 * blank under a column whose criterion it does not rate. `unrecorded` lists its criteria that have no column there.
 */
export function snapshotRows(
  snapshot: Snapshot,
  partColumns: readonly string[],
): { kpiRows: HistoryCell[][]; accountColumns: HistoryColumn[]; unrecorded: string[] } {
  const index = new Map(snapshot.criteria.map((c, j) => [c.toLowerCase(), j]));
  const columns = new Set(partColumns.map((c) => c.toLowerCase()));
  const a = snapshot.accounts;
  const none = partColumns.some((c) => !index.has(c.toLowerCase()))
    ? new Float64Array(a.count).fill(Number.NaN)
    : undefined;
  return {
    kpiRows: snapshot.kpis.map((k) => [snapshot.label, k.kpi, k.value]),
    accountColumns: [
      new Array<HistoryCell>(a.count).fill(snapshot.label),
      a.account,
      a.attractiveness,
      a.strength,
      a.quadrant,
      a.revenue,
      a.totalValue,
      ...partColumns.map((c) => {
        const j = index.get(c.toLowerCase());
        return j === undefined ? none! : a.parts[j];
      }),
    ],
    unrecorded: snapshot.criteria.filter((c) => !columns.has(c.toLowerCase())),
  };
}

const blank = (c: HistoryCell) => c === null || c === "";

function headerProblem(table: string, got: readonly HistoryCell[], expected: readonly string[]): KamError | undefined {
  const same = expected.every(
    (h, j) =>
      String(got[j] ?? "")
        .trim()
        .toLowerCase() === h.toLowerCase(),
  );
  if (same) return undefined;
  return kamError(
    "value",
    "history",
    `The ${table} table of KAM History is headed ${got.map((h) => String(h ?? "")).join(" | ") || "(nothing)"}; ` +
      `expected ${expected.join(" | ")}.`,
  );
}

/**
 * The snapshots an earlier KAM History holds, in the order they were taken (first appearance in the KPI table, then
 * in the account table). A cell that is not what its column holds is a `value` error naming its table, row (1-based,
 * the header being row 1, as in the sheet) and column: a label or KPI that is not text, a value that is not a number.
 * A blank score, revenue or part is a blank; a blank KPI value or snapshot label is an error.
 */
export function snapshotsFromRows(tables: HistoryTables): Result<Snapshot[]> {
  const problem =
    headerProblem("KPI", tables.kpis.header, KPI_HISTORY_HEADER) ??
    headerProblem("account", tables.accounts.header, ACCOUNT_HISTORY_HEADER);
  if (problem) return problem;
  const criteria = partCriteria(tables.accounts.header);
  const order: string[] = [];
  const kpis = new Map<string, KpiValue[]>();
  const accounts = new Map<string, AccountSnapshot[]>();
  const bad = (table: string, row: number, column: string, cell: HistoryCell, expected: string) =>
    kamError(
      "value",
      "history",
      `KAM History, ${table} table row ${row + 2}, ${column}: ${blank(cell) ? "blank" : JSON.stringify(cell)} is not ${expected}.`,
    );
  const labelOf = (table: string, row: number, cell: HistoryCell): Result<string> =>
    typeof cell === "string" && cell !== "" ? cell : bad(table, row, "Snapshot", cell, "a snapshot label (text)");
  const seen = (label: string) => {
    if (!kpis.has(label) && !accounts.has(label)) order.push(label);
  };
  for (let r = 0; r < tables.kpis.rows.length; r++) {
    const [label, kpi, value] = tables.kpis.rows[r];
    if (label === undefined || tables.kpis.rows[r].every(blank)) continue;
    const l = labelOf("KPI", r, label);
    if (typeof l !== "string") return l;
    if (typeof kpi !== "string" || kpi === "") return bad("KPI", r, "KPI", kpi ?? null, "a KPI name (text)");
    if (typeof value !== "number") return bad("KPI", r, "Value", value ?? null, "a number");
    seen(l);
    if (!kpis.has(l)) kpis.set(l, []);
    kpis.get(l)!.push({ kpi, value });
  }
  const numberAt = (row: readonly HistoryCell[], r: number, j: number): Result<number | null> => {
    const c = row[j] ?? null;
    if (blank(c)) return null;
    if (typeof c === "number") return c;
    const column = j < ACCOUNT_HISTORY_HEADER.length ? ACCOUNT_HISTORY_HEADER[j] : partHeader(criteria[j - 7]);
    return bad("account", r, column, c, "a number");
  };
  for (let r = 0; r < tables.accounts.rows.length; r++) {
    const row = tables.accounts.rows[r];
    if (row.every(blank)) continue;
    const l = labelOf("account", r, row[0] ?? null);
    if (typeof l !== "string") return l;
    const name = row[1];
    if (blank(name ?? null) || typeof name === "boolean")
      return bad("account", r, "Account", name ?? null, "an account name");
    const numbers: (number | null)[] = [];
    for (const j of [2, 3, 5, 6, ...criteria.map((_, k) => 7 + k)]) {
      const x = numberAt(row, r, j);
      if (typeof x === "object" && x !== null) return x;
      numbers.push(x);
    }
    const quadrant = row[4] ?? null;
    if (typeof quadrant === "number" || typeof quadrant === "boolean")
      return bad("account", r, "Quadrant", quadrant, "a portfolio segment (text)");
    seen(l);
    if (!accounts.has(l)) accounts.set(l, []);
    accounts.get(l)!.push({
      account: String(name),
      attractiveness: numbers[0],
      strength: numbers[1],
      quadrant: blank(quadrant) ? null : (quadrant as string),
      revenue: numbers[2],
      totalValue: numbers[3],
      parts: numbers.slice(4),
    });
  }
  return order.map((label) => ({
    label,
    criteria,
    kpis: kpis.get(label) ?? [],
    accounts: snapshotAccounts(accounts.get(label) ?? [], criteria.length),
  }));
}
