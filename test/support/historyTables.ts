import type { HistoryCell, HistoryTables } from "../../src/core";
import { boxOf } from "../../src/report/cellRefs";
import { ACCOUNT_HISTORY_TABLE, KPI_HISTORY_TABLE } from "../../src/report/kam/historySheet";
import type { SheetPlan } from "../../src/report/plan";
import { planRows } from "../../src/report/planCells";

/**
 * The two KAM History tables as a host reads them back from the sheet a plan draws: each table's range, cell by cell
 * (whatever blocks the plan used: the earlier rows as read, the new snapshot's columns), blanks as null.
 */
export function historyTablesOf(sheet: SheetPlan): HistoryTables {
  const table = (name: string) => {
    const rows = planRows(sheet, boxOf(sheet.tables!.find((t) => t.name === name)!.range)) as HistoryCell[][];
    return { header: rows[0], rows: rows.slice(1) };
  };
  return { kpis: table(KPI_HISTORY_TABLE), accounts: table(ACCOUNT_HISTORY_TABLE) };
}
