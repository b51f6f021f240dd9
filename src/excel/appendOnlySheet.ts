import { boxOf } from "../report/cellRefs";
import { planCellAt } from "../report/planCells";
import type { PlanCell, SheetPlan } from "../report/plan";
import { cellWrites } from "./cellWrites";
import { jsonBytes, OPERATION_BYTES, type Reserve } from "./sheetFeatures";

/**
 * How a rebuild draws the add-in's own append-only sheet (KAM History), decided once its tables are listed
 * (`sheet.tables.items` loaded): where every planned table is there, their ranges are loaded now (read after the next
 * sync), and the answer is "append" when each stands where the plan puts it holding exactly the header and the
 * `keptRows` the host read; anything else would write over rows the plan does not know, so it is an error saying
 * what to do, before anything is written. Where a table is gone, the sheet is drawn again from the plan ("redraw"):
 * the host read no history from it, so there is none to lose.
 */
export function appendTargets(sheet: Excel.Worksheet, plan: SheetPlan): () => "append" | "redraw" {
  const tables = new Map(sheet.tables.items.map((t) => [t.name.toLowerCase(), t]));
  const planned = plan.tables ?? [];
  if (!plan.appendOnly || !planned.every((t) => tables.has(t.name.toLowerCase()))) return () => "redraw";
  const ranges = planned.map((t) => {
    const range = tables.get(t.name.toLowerCase())!.getRange();
    range.load("rowIndex,columnIndex,rowCount");
    return range;
  });
  return () => {
    planned.forEach((t, k) => {
      const box = boxOf(t.range);
      const kept = plan.appendOnly?.keptRows[t.name] ?? 0;
      const r = ranges[k];
      if (r.rowIndex !== box.top - 1 || r.columnIndex !== box.left - 1 || r.rowCount !== 1 + kept)
        throw new Error(
          `${plan.name} was not changed: its table ${t.name} holds ${r.rowCount - 1} rows from row ${r.rowIndex + 1}, ` +
            `but this build read ${kept} from row 1. Rename the ${plan.name} sheet to keep it and start a new history.`,
        );
    });
    return "append";
  };
}

/** The rows of a table's planned range after its header and the `kept` rows the workbook holds, from the plan's blocks. */
function newTableRows(plan: SheetPlan, range: string, kept: number): PlanCell[][] {
  const box = boxOf(range);
  const rows: PlanCell[][] = [];
  for (let r = box.top + 1 + kept; r <= box.bottom; r++) {
    const row: PlanCell[] = [];
    for (let c = box.left; c <= box.right; c++) row.push(planCellAt(plan, r, c));
    rows.push(row);
  }
  return rows;
}

/**
 * Appends the new rows of an append-only sheet's tables (issue 19, part 3): for each table, the planned rows after its
 * `keptRows` go in with `Table.rows.add(null, …)` (ExcelApi 1.1; index null adds at the end, and the table grows by
 * them), a request's worth at a time, then their cells are written as any plan cell is (cellWrites: text stays text,
 * "=…" a text-returning formula) in exactly those rows. The sheet is not cleared; no range of the old rows, no other
 * cell, style or table of it is touched. The new rows take the table's formats, as rows added to an Excel table do.
 * The tables stand where the plan puts them (the host read the kept rows from them in the same Excel.run).
 */
export async function appendTableRows(
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  reserve: Reserve,
  budget: number,
): Promise<number> {
  let added = 0;
  for (const t of plan.tables ?? []) {
    const kept = plan.appendOnly?.keptRows[t.name] ?? 0;
    const box = boxOf(t.range);
    const width = box.right - box.left + 1;
    // Only the new rows are read from the plan: the kept ones may be a million cells, each looked up block by block.
    const rows = newTableRows(plan, t.range, kept);
    // A row is sent three times (blanks to add it, formats, cells): a request holds what fits in half the budget.
    const perRow = 3 * (jsonBytes(rows[0] ?? []) + 8 * width) + 16;
    const chunk = Math.max(1, Math.floor(budget / 2 / perRow));
    for (let start = 0; start < rows.length; start += chunk) {
      const part = rows.slice(start, start + chunk);
      const writes = cellWrites(part); // numbers: no format change, the table's column format stays
      const blanks = part.map(() => new Array<string>(width).fill(""));
      await reserve(
        3 * OPERATION_BYTES + jsonBytes(blanks) + jsonBytes(writes.formulas) + jsonBytes(writes.numberFormat),
      );
      sheet.tables.getItem(t.name).rows.add(null as unknown as number, blanks);
      // 0-based: the header is box.top − 1, the kept rows follow it.
      const range = sheet.getRangeByIndexes(box.top + kept + start, box.left - 1, part.length, width);
      range.numberFormat = writes.numberFormat as string[][];
      range.formulas = writes.formulas as string[][];
      added += part.length;
    }
  }
  return added;
}
