import { parseCell } from "../core";
import { boxOf } from "../report/cellRefs";
import { validatePlan } from "../report/planValidation";
import { renameSheets } from "../report/sheetRefs";
import type { SheetPlan, WorkbookPlan } from "../report/plan";
import { blockSlices } from "./cellWrites";
import { loadNames, setNames } from "./definedNames";
import { decideSheets, OWNED_SHEETS_KEY, parseOwned, type ExistingSheet } from "./sheetOwnership";
import { clearOwnedSheet } from "./clearOwnedSheet";
import { syncExplained } from "./excelErrors";
import { applySheetFeatures, type IsSetSupported } from "./sheetFeatures";

/** Requests stay below Excel on the web's 5 MB payload limit with room for the operations around the cells. */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

export interface ApplyResult {
  /** Sheet names as written (after any rename). */
  readonly sheets: readonly string[];
  /** Planned names that belonged to a sheet the user made, and the name used instead. */
  readonly renamed: readonly { readonly planned: string; readonly used: string }[];
  /** Features left out because this Excel lacks their requirement set, in words for the analyst. */
  readonly skipped: readonly string[];
  readonly syncs: number;
  /** Largest estimated request, in bytes of JSON. */
  readonly largestRequestBytes: number;
}

/**
 * Draws a workbook plan in Excel. Syncs: one to read the workbook's sheets and the add-in's ownership record, one to
 * list the charts and tables of its own sheets when a rebuild replaces them, one per ~4 MB of cell data (so the count
 * follows the bytes, never the rows one by one), and one to finish. Calculation is suspended while writing (ExcelApi
 * 1.6) and so is screen updating where supported (1.9). Its own sheets are emptied and redrawn in place, never
 * deleted, so the analyst's formulas that point at them keep working.
 */
export async function applyPlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  supported: IsSetSupported,
  budget = REQUEST_BUDGET_BYTES,
): Promise<ApplyResult> {
  const problems = validatePlan(plan);
  if (problems.length > 0)
    throw new Error(
      `The report plan is invalid: ${problems.map((p) => `${p.sheet} ${p.path}: ${p.message}`).join("; ")}`,
    );
  let syncs = 0;
  let pending = 0;
  let largest = 0;
  const suspend = () => {
    if (supported("ExcelApi", "1.6")) context.application.suspendApiCalculationUntilNextSync();
    if (supported("ExcelApi", "1.9")) context.application.suspendScreenUpdatingUntilNextSync();
  };
  const sync = async () => {
    largest = Math.max(largest, pending);
    pending = 0;
    await syncExplained(context);
    syncs++;
  };
  /** Makes room for a write of `bytes`: the batch so far goes first if the two together would pass the budget. */
  const reserve = async (bytes: number) => {
    if (pending > 0 && pending + bytes > budget) {
      await sync();
      suspend(); // each suspension lasts until the next sync
    }
    pending += bytes;
  };

  const worksheets = context.workbook.worksheets;
  worksheets.load("items/id,items/name,items/position");
  const ownedSetting = context.workbook.settings.getItemOrNullObject(OWNED_SHEETS_KEY);
  ownedSetting.load("value");
  const nameLookup = loadNames(context, plan.names ?? []);
  await sync();
  const existing: ExistingSheet[] = worksheets.items.map((w) => ({ id: w.id, name: w.name, position: w.position }));
  const owned = parseOwned(ownedSetting.isNullObject ? undefined : ownedSetting.value);
  const decisions = decideSheets(
    plan.sheets.map((s) => s.name),
    existing,
    owned,
  );

  // A sheet that had to take a new name takes its references along: a formula still pointing at the planned name
  // would read the user's sheet of that name.
  const drawn = renameSheets(
    plan,
    new Map(decisions.flatMap((d) => (d.action === "rename" ? [[d.planned, d.name] as const] : []))),
  );

  // The add-in's own sheets are emptied and drawn again in place; their charts and tables are listed first (one
  // more sync, only when there is something to replace).
  const replaced = new Map<number, Excel.Worksheet>();
  decisions.forEach((d, i) => {
    if (d.action !== "replace") return;
    const sheet = worksheets.getItem(d.replaces.id);
    sheet.charts.load("items");
    sheet.tables.load("items");
    replaced.set(i, sheet);
  });
  if (replaced.size > 0) await sync();

  suspend();
  const skipped: string[] = [];
  const created: Excel.Worksheet[] = [];
  for (let i = 0; i < drawn.sheets.length; i++) {
    const decision = decisions[i];
    const sheetPlan: SheetPlan = drawn.sheets[i];
    let sheet = replaced.get(i);
    if (sheet) clearOwnedSheet(sheet, supported);
    else sheet = worksheets.add(decision.name);
    created.push(sheet);
    await writeCells(sheet, sheetPlan, budget, reserve);
    applySheetFeatures(sheet, sheetPlan, supported, skipped);
  }
  setNames(context, drawn.names ?? [], nameLookup, skipped);
  for (const sheet of created) sheet.load("id");
  await sync();

  const keep = [...owned].filter(
    (id) => existing.some((s) => s.id === id) && !decisions.some((d) => d.action === "replace" && d.replaces.id === id),
  );
  context.workbook.settings.add(OWNED_SHEETS_KEY, JSON.stringify([...keep, ...created.map((s) => s.id)]));
  created[0]?.activate();
  await sync();
  return {
    sheets: decisions.map((d) => d.name),
    renamed: decisions.flatMap((d) => (d.action === "rename" ? [{ planned: d.planned, used: d.name }] : [])),
    skipped,
    syncs,
    largestRequestBytes: largest,
  };
}

async function writeCells(
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  budget: number,
  reserve: (bytes: number) => Promise<void>,
): Promise<void> {
  const written: { top: number; left: number; bottom: number; right: number }[] = [];
  for (const block of plan.blocks) {
    const at = parseCell(block.at)!; // validatePlan checked every address
    const width = block.rows[0]?.length ?? 0;
    if (width === 0) continue;
    const box = { top: at.row, left: at.col, bottom: at.row + block.rows.length - 1, right: at.col + width - 1 };
    // Over an earlier block, a cell may carry its "@": there every cell says its number format.
    const overlaps = written.some(
      (b) => b.top <= box.bottom && box.top <= b.bottom && b.left <= box.right && box.left <= b.right,
    );
    written.push(box);
    for (const { offset, write, bytes } of blockSlices(block, budget, overlaps)) {
      await reserve(bytes);
      const range = sheet.getRangeByIndexes(at.row + offset, at.col, write.formulas.length, width);
      range.numberFormat = write.numberFormat; // "@" first, so plain text stays text when the formulas arrive
      range.formulas = write.formulas;
    }
  }
  for (const style of plan.styles ?? []) {
    if (!style.numberFormat) continue;
    const box = boxOf(style.range); // 1-based
    const cols = box.right - box.left + 1;
    const rowBytes = JSON.stringify(new Array(cols).fill(style.numberFormat)).length + 1; // exact: a row and its comma
    const step = Math.max(1, Math.floor((budget * 0.8) / rowBytes));
    for (let r = box.top - 1; r < box.bottom; r += step) {
      const rows = Math.min(step, box.bottom - r);
      await reserve(rows * rowBytes);
      sheet.getRangeByIndexes(r, box.left - 1, rows, cols).numberFormat = Array.from({ length: rows }, () =>
        new Array(cols).fill(style.numberFormat),
      );
    }
  }
}
