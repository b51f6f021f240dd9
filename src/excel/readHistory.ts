import { isKamError, snapshotsFromRows, type HistoryCell, type HistoryTables } from "../core";
import { ACCOUNT_HISTORY_TABLE, HISTORY_SHEET, KPI_HISTORY_TABLE } from "../report/kam/historySheet";
import { syncExplained } from "./excelErrors";
import { OWNED_SHEETS_KEY, parseOwned } from "./sheetOwnership";

/** Bytes a cell's value is allowed in a response, on average (labels are 24 characters, names longer): errs high. */
const BYTES_PER_CELL = 64;
/** Where the plan puts the two tables (0-based columns): KPI table at A1, account table at E1. */
const PLACES: readonly [string, number][] = [
  [KPI_HISTORY_TABLE, 0],
  [ACCOUNT_HISTORY_TABLE, 4],
];

/**
 * The add-in's own KAM History in this workbook, read before a build in the same Excel.run (issue 19, part 3), so
 * the build carries it forward and the renderer appends to it: the sheet named KAM History whose id the add-in
 * recorded as its own (a sheet of the analyst's of that name is never read, as it is never written), its two
 * tables' header and rows, read in chunks that keep each response under `responseBudget`. Undefined where there is
 * no such sheet or a table of it is gone (the build starts a new history there). Tables moved from where the add-in
 * put them, or cells that are not a history (snapshotsFromRows), are an Error whose sentence says what to do.
 * ExcelApi 1.1–1.7 only: worksheets, settings (1.4), tables, Table.getRange, getRangeByIndexes (1.7), values.
 */
export async function readHistory(
  context: Excel.RequestContext,
  responseBudget: number,
): Promise<HistoryTables | undefined> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/id,items/name");
  const ownedSetting = context.workbook.settings.getItemOrNullObject(OWNED_SHEETS_KEY);
  ownedSetting.load("value");
  await syncExplained(context);
  const owned = parseOwned(ownedSetting.isNullObject ? undefined : ownedSetting.value);
  const mine = worksheets.items.find((s) => s.name.toLowerCase() === HISTORY_SHEET.toLowerCase() && owned.has(s.id));
  if (!mine) return undefined;
  const sheet = worksheets.getItem(mine.id);
  sheet.tables.load("items/name");
  await syncExplained(context);
  const found = PLACES.map(([name]) => sheet.tables.items.find((t) => t.name.toLowerCase() === name.toLowerCase()));
  if (found.some((t) => !t)) return undefined;
  const ranges = found.map((t) => {
    const r = t!.getRange();
    r.load("rowIndex,columnIndex,rowCount,columnCount");
    return r;
  });
  await syncExplained(context);
  ranges.forEach((r, k) => {
    if (r.rowIndex !== 0 || r.columnIndex !== PLACES[k][1])
      throw new Error(
        `${HISTORY_SHEET}'s table ${PLACES[k][0]} was moved from where the add-in put it, so it cannot be continued: ` +
          `rename the ${HISTORY_SHEET} sheet to keep it and start a new history.`,
      );
  });
  const cells = ranges.map(() => [] as HistoryCell[][]);
  for (let k = 0; k < ranges.length; k++) {
    const r = ranges[k];
    const chunk = Math.max(1, Math.floor(responseBudget / (r.columnCount * BYTES_PER_CELL)));
    for (let start = 0; start < r.rowCount; start += chunk) {
      const part = sheet.getRangeByIndexes(
        r.rowIndex + start,
        r.columnIndex,
        Math.min(chunk, r.rowCount - start),
        r.columnCount,
      );
      part.load("values");
      await syncExplained(context);
      for (const row of part.values) cells[k].push(row.map((v) => (v === "" ? null : (v as HistoryCell))));
    }
  }
  const [kpis, accounts] = cells.map((rows) => ({ header: rows[0] ?? [], rows: rows.slice(1) }));
  const tables = { kpis, accounts };
  const checked = snapshotsFromRows(tables);
  if (isKamError(checked))
    throw new Error(
      `${checked.message} Correct the cell, or rename the ${HISTORY_SHEET} sheet to keep it and start a new history.`,
    );
  return tables;
}
