import {
  accountHistoryHeader,
  totalAccountValue,
  whitespace,
  type AccountTable,
  type WhitespaceResult,
  isKamError,
  KPI_HISTORY_HEADER,
  partCriteria,
  snapshotAccounts,
  snapshotRows,
  snapshotsFromRows,
  type HistoryCell,
  type HistoryTables,
  type Snapshot,
} from "../../core";
import type { PlanCell, RangeStyle, SheetPlan } from "../plan";
import { columnLetters } from "../../core";
import { FORMATS } from "./look";
import { benchmarkSegments } from "./whitespaceSheet";

export const HISTORY_SHEET = "KAM History";
export const KPI_HISTORY_TABLE = "KamHistoryKpis";
export const ACCOUNT_HISTORY_TABLE = "KamHistoryAccounts";
/** Excel's last row: a table cannot grow past it. */
export const EXCEL_ROWS = 1_048_576;
/** The account table starts here, one empty column right of the KPI table (A:C), so each can grow downward. */
const ACCOUNT_COLUMN = 4;

export interface HistoryReport {
  readonly sheet: SheetPlan;
  /** Every snapshot of the history, oldest first, the new one last. */
  readonly snapshots: readonly Snapshot[];
  readonly notes: readonly string[];
}

/** The label, made unique among the history's: a second build in the same millisecond gets " (2)". */
function uniqueLabel(label: string, taken: readonly Snapshot[]): string {
  const used = new Set(taken.map((s) => s.label));
  let out = label;
  for (let k = 2; used.has(out); k++) out = `${label} (${k})`;
  return out;
}

/** A row padded with blanks to the table's width (a plain loop: Array.from's callback per cell cost 0.3 s at 100,000). */
function widen(row: readonly HistoryCell[], width: number): PlanCell[] {
  const out: PlanCell[] = new Array<PlanCell>(width);
  for (let j = 0; j < width; j++) out[j] = row[j] ?? null;
  return out;
}

/**
 * The KAM History sheet (issue 19, part 3): the earlier history's rows exactly as read (`previous`, from an earlier
 * output's or this workbook's KAM History tables), then this build's snapshot, in two tables side by side:
 * KamHistoryKpis (Snapshot | KPI | Value) in A:C and KamHistoryAccounts (Snapshot | Account | Attractiveness |
 * Strength | Quadrant | Revenue | Total account value | one part column per criterion) from E. The earlier headers stay;
 * the new snapshot's parts go under the column of their criterion. The plan says which rows the workbook already
 * holds (`appendOnly`), so the Office.js renderer appends only the new ones; the .xlsx writer writes them all, the
 * old ones as read. Where the account rows would pass Excel's last row, only the KPI rows are added, with a note.
 * `previous` must have been checked with snapshotsFromRows by the host (its error is thrown here otherwise).
 */
export function historySheet(current: Snapshot, previous?: HistoryTables): HistoryReport {
  const earlier = previous ? snapshotsFromRows(previous) : [];
  if (isKamError(earlier)) throw new Error(earlier.message);
  const snapshot = { ...current, label: uniqueLabel(current.label, earlier) };
  const notes: string[] = [];
  const accountHeader: HistoryCell[] = previous
    ? [...previous.accounts.header]
    : accountHistoryHeader(snapshot.criteria);
  const columns = partCriteria(accountHeader);
  const rows = snapshotRows(snapshot, columns);
  if (rows.unrecorded.length > 0) {
    notes.push(
      `KAM History: the parts of ${rows.unrecorded.join(", ")} are not recorded (the history's part columns are ` +
        `those of its first snapshot); rename or move the KAM History sheet to start a history with the criteria of now.`,
    );
  }
  const keptKpis = previous?.kpis.rows.length ?? 0;
  const keptAccounts = previous?.accounts.rows.length ?? 0;
  const count = snapshot.accounts.count;
  const recordsAccounts = 1 + keptAccounts + count <= EXCEL_ROWS;
  if (!recordsAccounts) {
    notes.push(
      `KAM History: this snapshot's ${count.toLocaleString("en-US")} account rows would pass ` +
        `Excel's last row (${EXCEL_ROWS.toLocaleString("en-US")}), so only its KPIs were recorded; move the ` +
        "KAM History sheet aside to start a new history.",
    );
  }
  const newAccounts = recordsAccounts ? count : 0;
  const width = accountHeader.length;
  const kpiBlock: PlanCell[][] = [
    [...KPI_HISTORY_HEADER],
    ...(previous?.kpis.rows ?? []).map((r) => widen(r, 3)),
    ...rows.kpiRows,
  ];
  // The earlier rows as read; this snapshot's from its own columns (a million accounts make no row arrays).
  const accountBlock: PlanCell[][] = [accountHeader, ...(previous?.accounts.rows ?? []).map((r) => widen(r, width))];
  const left = columnLetters(ACCOUNT_COLUMN);
  const col = (j: number) => columnLetters(ACCOUNT_COLUMN + j);
  const right = col(width - 1);
  const kpiLast = kpiBlock.length;
  const accountLast = accountBlock.length + newAccounts;
  const styles: RangeStyle[] = [
    { range: `C2:C${kpiLast}`, numberFormat: "General" },
    { range: `${col(2)}2:${col(3)}${accountLast}`, numberFormat: FORMATS.score },
    { range: `${col(5)}2:${col(6)}${accountLast}`, numberFormat: FORMATS.moneyFull },
  ];
  if (width > 7) styles.push({ range: `${col(7)}2:${right}${accountLast}`, numberFormat: FORMATS.score });
  const recorded =
    newAccounts > 0 ? snapshot : { ...snapshot, accounts: snapshotAccounts([], snapshot.criteria.length) };
  return {
    sheet: {
      name: HISTORY_SHEET,
      tabColor: "7F7F7F",
      freeze: { rows: 1, columns: 0 },
      columnWidths: {
        A: 26,
        B: 24,
        C: 14,
        D: 3,
        [left]: 26,
        [col(1)]: 28,
        ...Object.fromEntries(Array.from({ length: width - 2 }, (_, j) => [col(j + 2), 14])),
      },
      blocks: [
        { at: "A1", rows: kpiBlock },
        { at: `${left}1`, rows: accountBlock },
      ],
      columns:
        newAccounts > 0 ? [{ at: `${left}${accountBlock.length + 1}`, count, columns: rows.accountColumns }] : [],
      styles,
      tables: [
        { name: KPI_HISTORY_TABLE, range: `A1:C${kpiLast}`, style: "TableStyleLight9" },
        { name: ACCOUNT_HISTORY_TABLE, range: `${left}1:${right}${accountLast}`, style: "TableStyleLight9" },
      ],
      appendOnly: { keptRows: { [KPI_HISTORY_TABLE]: keptKpis, [ACCOUNT_HISTORY_TABLE]: keptAccounts } },
    },
    snapshots: [...earlier, recorded],
    notes,
  };
}

/**
 * Total account value per account for the snapshot: revenue + whitespace potential (core totalAccountValue, over the
 * Whitespace sheet's result, or the core's own where the sheet is not built), undefined without a product block (the
 * snapshot then records the revenue alone).
 */
export function snapshotTotals(
  table: AccountTable,
  built?: WhitespaceResult & { readonly total: Float64Array },
): Float64Array | undefined {
  if (built) return built.total;
  const products = table.productRevenue ?? [];
  if (products.length === 0) return undefined;
  const core = whitespace(
    products.map((p) => p.values),
    benchmarkSegments(table)?.labels,
  );
  if (isKamError(core)) return undefined;
  const revenue = table.numbers.revenue ?? new Float64Array(table.count).fill(Number.NaN);
  return totalAccountValue(revenue, core.potential);
}
