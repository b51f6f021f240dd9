import {
  ACCOUNT_HISTORY_HEADER,
  isKamError,
  KPI_HISTORY_HEADER,
  snapshotsFromRows,
  type HistoryCell,
  type HistoryTables,
} from "../core";
import { HISTORY_SHEET } from "../report/kam/historySheet";
import { UsageError } from "./args";
import { InputError } from "./inputError";

const blank = (c: unknown) => c === null || c === undefined || c === "";
const cell = (c: unknown): HistoryCell =>
  typeof c === "string" || typeof c === "number" || typeof c === "boolean" ? c : null;

/**
 * The KAM History tables of an earlier output of `kam report` (or a workbook the add-in built), for --history: the
 * sheet read as the add-in reads a selection (readXlsx.ts, streamed), the KPI table found by its header in the first
 * row, the account table by the second "Snapshot" header to its right; each table's rows down to its last non-blank
 * row, cells as read (so the new output carries them unchanged). Checked with snapshotsFromRows. Anything that is not
 * such a history is a UsageError (exit 2) saying so in one sentence, before anything is written.
 */
export async function readHistoryFile(path: string): Promise<HistoryTables> {
  const { readXlsxTable } = await import("./readXlsx");
  let values: readonly (readonly unknown[])[];
  let left: number;
  let top: number;
  try {
    ({ values, left, top } = await readXlsxTable(path, { sheet: HISTORY_SHEET }));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const why = /has no sheet named/.test(e.message)
      ? `it has no ${HISTORY_SHEET} sheet, so it is not a workbook built by kam report or the add-in with this version`
      : e.message.replace(/\.$/, "");
    throw new UsageError(`--history ${path} cannot be carried forward: ${why}.`);
  }
  const refuse = (why: string): never => {
    throw new UsageError(`--history ${path} cannot be carried forward: ${why}.`);
  };
  const header = values[0] ?? [];
  if (top !== 0 || left !== 0 || header[0] !== KPI_HISTORY_HEADER[0])
    refuse(`its ${HISTORY_SHEET} sheet does not start with the KPI table (Snapshot | KPI | Value) at A1`);
  const start = header.findIndex((h, j) => j >= KPI_HISTORY_HEADER.length && h === ACCOUNT_HISTORY_HEADER[0]);
  if (start < 0) refuse(`its ${HISTORY_SHEET} sheet has no account table (Snapshot | Account | …) in its first row`);
  let end = start;
  while (end < header.length && !blank(header[end])) end++;
  const table = (from: number, to: number) => {
    const rows = values.slice(1).map((r) => Array.from({ length: to - from }, (_, j) => cell(r[from + j])));
    let last = rows.length;
    while (last > 0 && rows[last - 1].every(blank)) last--;
    return { header: header.slice(from, to).map(cell), rows: rows.slice(0, last) };
  };
  const tables = { kpis: table(0, KPI_HISTORY_HEADER.length), accounts: table(start, end) };
  const checked = snapshotsFromRows(tables);
  if (isKamError(checked)) refuse(checked.message.replace(/\.$/, ""));
  return tables;
}
