import { boxOf, cellIndex } from "./cellRefs";
import type { PlanCell, SheetPlan } from "./plan";

/** The cell a sheet plan puts at (row, col), 1-based; blocks later in the plan win, as both renderers write them. */
export function planCellAt(sheet: SheetPlan, row: number, col: number): PlanCell {
  let found: PlanCell = null;
  for (const block of sheet.blocks) {
    const at = cellIndex(block.at);
    const cells = block.rows[row - at.row];
    if (!cells || col < at.col) continue;
    const value = cells[col - at.col];
    if (value !== undefined && value !== null) found = value;
  }
  return found;
}

/** The header row of a table range, as the plan fills it: what Excel will take as the table's column names. */
export function headerCells(sheet: SheetPlan, range: string): PlanCell[] {
  const box = boxOf(range);
  const out: PlanCell[] = [];
  for (let col = box.left; col <= box.right; col++) out.push(planCellAt(sheet, box.top, col));
  return out;
}
