import { boxOf } from "../report/cellRefs";
import { planRows } from "../report/planCells";
import { columnLetters } from "../core";
import type { RangeStyle, SheetPlan } from "../report/plan";
import { writeCells, type Batch } from "./blockWrites";
import { jsonBytes, OPERATION_BYTES } from "./sheetFeatures";

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

/** The plan's number formats on rows top..bottom of columns left..right (1-based), and nowhere else. */
function clippedStyles(
  plan: SheetPlan,
  box: { top: number; bottom: number; left: number; right: number },
): RangeStyle[] {
  const out: RangeStyle[] = [];
  for (const style of plan.styles ?? []) {
    if (!style.numberFormat) continue;
    const s = boxOf(style.range);
    const top = Math.max(s.top, box.top);
    const bottom = Math.min(s.bottom, box.bottom);
    const left = Math.max(s.left, box.left);
    const right = Math.min(s.right, box.right);
    if (top > bottom || left > right) continue;
    const range = `${columnLetters(left - 1)}${top}:${columnLetters(right - 1)}${bottom}`;
    out.push({ range, numberFormat: style.numberFormat });
  }
  return out;
}

/**
 * Appends the new rows of an append-only sheet's tables (issue 19, part 3): for each table, the table grows by blank
 * rows after its `keptRows` (`Table.rows.add(null, …)`, ExcelApi 1.1; index null adds at the end), a request's worth
 * at a time; then exactly those rows are written as any block is (blockWrites: a column's one format set on its first
 * cell and copied down, text kept text, slices filling each request), with the plan's number formats clipped to them.
 * A new row then travels about once (it went three times: blanks, a format per cell, cells). The sheet is not cleared;
 * no range of the old rows, no other cell, style or table of it is touched. The tables stand where the plan puts them
 * (the host read the kept rows from them in the same Excel.run).
 */
export async function appendTableRows(sheet: Excel.Worksheet, plan: SheetPlan, batch: Batch): Promise<number> {
  let added = 0;
  for (const t of plan.tables ?? []) {
    const kept = plan.appendOnly?.keptRows[t.name] ?? 0;
    const box = boxOf(t.range);
    const width = box.right - box.left + 1;
    // 1-based: the header, then the kept rows. Only the new rows are read from the plan: the kept ones may be a
    // million cells.
    const region = { ...box, top: box.top + 1 + kept };
    const rows = planRows(plan, region);
    if (rows.length === 0) continue;
    // "" and a comma a cell: a request holds what fits in half the budget.
    const chunk = Math.max(1, Math.floor(batch.budget / 2 / (3 * width + 4)));
    for (let start = 0; start < rows.length; start += chunk) {
      const blanks = rows.slice(start, start + chunk).map(() => new Array<string>(width).fill(""));
      await batch.reserve(OPERATION_BYTES + jsonBytes(blanks));
      sheet.tables.getItem(t.name).rows.add(null as unknown as number, blanks);
    }
    await writeCells(
      sheet,
      {
        name: plan.name,
        blocks: [{ at: `${columnLetters(box.left - 1)}${region.top}`, rows }],
        styles: clippedStyles(plan, region),
      },
      batch,
    );
    added += rows.length;
  }
  return added;
}
