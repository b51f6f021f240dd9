import { validatePlan } from "../report/planValidation";
import { renameSheets } from "../report/sheetRefs";
import type { WorkbookPlan } from "../report/plan";
import { writeCells, type Batch } from "./blockWrites";
import { loadNames, setNames } from "./definedNames";
import { decideSheets, OWNED_SHEETS_KEY, parseOwned, type ExistingSheet } from "./sheetOwnership";
import { clearOwnedSheet } from "./clearOwnedSheet";
import { appendTableRows, appendTargets } from "./appendOnlySheet";
import { throwIfCancelled, type Cancellable } from "./cancel";
import { syncExplained } from "./excelErrors";
import {
  applySheetFeatures,
  jsonBytes,
  OPERATION_BYTES,
  type IsSetSupported,
  type PendingLabels,
} from "./sheetFeatures";
import { freeTableNames, renameTables } from "./tableNames";

/**
 * Requests stay below Excel on the web's 5 MB payload limit (RequestPayloadSizeLimitExceeded) with room to spare:
 * bytes are counted as UTF-8 JSON plus OPERATION_BYTES per operation, an estimate that errs high.
 */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

export interface ApplyResult {
  /** Sheet names as written (after any rename). */
  readonly sheets: readonly string[];
  /** Planned names that belonged to a sheet the user made, and the name used instead. */
  readonly renamed: readonly { readonly planned: string; readonly used: string }[];
  /** Planned table names another table or name of the workbook held, and the name used instead. */
  readonly renamedTables: readonly { readonly planned: string; readonly used: string }[];
  /** What was left out, in words for the analyst (a defined name the analyst made keeps its meaning). */
  readonly skipped: readonly string[];
  readonly syncs: number;
  /** Largest estimated request, in bytes. */
  readonly largestRequestBytes: number;
}

/**
 * Draws a workbook plan in Excel. Syncs: one to read the workbook's sheets, tables, names and the add-in's ownership
 * record; one that creates the new sheets (and lists the charts and tables of the add-in's own sheets a rebuild
 * replaces), after which the new sheets are recorded as the add-in's before anything else can fail; one per ~4 MB of
 * cells and sheet features (so the count follows the bytes, never the rows); and one that sets chart point labels
 * (their points exist once a sync has made the chart) and finishes. Calculation (ExcelApi 1.6) and screen updating
 * (1.9) are suspended while writing. Its own sheets are emptied and redrawn in place, never deleted, so the
 * analyst's formulas that point at them keep working.
 *
 * `_supported` is for APIs newer than ExcelApi 1.10; the shared runtime's Excel builds have 1.10 (OFFICE-NOTES), and
 * nothing newer is used today.
 *
 * `onProgress` hears each step as it starts ("Writing Accounts 3 of 5", with 2 of 5 sheets done); `signal` cancels
 * before the next sync (see cancel.ts), and the error names the last step a sync wrote.
 */
export async function applyPlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  _supported: IsSetSupported,
  budget = REQUEST_BUDGET_BYTES,
  { onProgress, signal }: Cancellable = {},
): Promise<ApplyResult> {
  const problems = validatePlan(plan);
  if (problems.length > 0)
    throw new Error(
      `The report plan is invalid: ${problems.map((p) => `${p.sheet} ${p.path}: ${p.message}`).join("; ")}`,
    );
  let syncs = 0;
  let pending = 0;
  let largest = 0;
  const total = plan.sheets.length;
  /** The step under way, and the last one a sync wrote for (reading the workbook writes nothing). */
  let step: string | undefined;
  let written: string | undefined;
  /**
   * The sync that records the new sheets as the add-in's always goes: cancelled before it, the next build would take
   * them for the analyst's sheets and write beside them.
   */
  let recordPending = false;
  const begin = (next: string, done: number, writes = true) => {
    step = writes ? next : undefined;
    onProgress?.(next, done, total);
  };
  const suspend = () => {
    context.application.suspendApiCalculationUntilNextSync();
    context.application.suspendScreenUpdatingUntilNextSync();
    pending += 2 * OPERATION_BYTES;
  };
  const sync = async () => {
    if (!recordPending) throwIfCancelled(signal, written);
    largest = Math.max(largest, pending);
    pending = 0;
    await syncExplained(context);
    syncs++;
    written = step ?? written;
    recordPending = false;
  };
  /** Makes room for a write of `bytes`: the batch so far goes first if the two together would pass the budget. */
  const reserve = async (bytes: number) => {
    if (pending > 0 && pending + bytes > budget) {
      await sync();
      suspend(); // each suspension lasts until the next sync
    }
    pending += bytes;
  };
  const batch: Batch = { budget, reserve, room: () => budget - pending };

  begin("Reading the workbook", 0, false);
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/id,items/name,items/position");
  const ownedSetting = context.workbook.settings.getItemOrNullObject(OWNED_SHEETS_KEY);
  ownedSetting.load("value");
  const tables = context.workbook.tables;
  tables.load("items/name");
  const names = context.workbook.names;
  names.load("items/name");
  const nameLookup = loadNames(context, plan.names ?? []);
  await sync();
  const existing: ExistingSheet[] = worksheets.items.map((w) => ({ id: w.id, name: w.name, position: w.position }));
  const owned = parseOwned(ownedSetting.isNullObject ? undefined : ownedSetting.value);
  const decisions = decideSheets(
    plan.sheets.map((s) => s.name),
    existing,
    owned,
  );

  // The add-in's own sheets are emptied and drawn again in place; their charts and tables are listed, and new sheets
  // are created, in one more sync.
  begin("Creating the sheets", 0);
  const sheets = new Map<number, Excel.Worksheet>();
  const replaced: Excel.Worksheet[] = [];
  const created: Excel.Worksheet[] = [];
  decisions.forEach((d, i) => {
    if (d.action === "replace") {
      const sheet = worksheets.getItem(d.replaces.id);
      sheet.charts.load("items");
      sheet.tables.load("items/name");
      replaced.push(sheet);
      sheets.set(i, sheet);
    } else {
      const sheet = worksheets.add(d.name);
      sheet.load("id");
      created.push(sheet);
      sheets.set(i, sheet);
    }
  });
  await sync();
  // Recorded at once: should anything below fail, the next run replaces these sheets instead of copying them again.
  const keep = [...owned].filter((id) => existing.some((s) => s.id === id));
  context.workbook.settings.add(OWNED_SHEETS_KEY, JSON.stringify([...keep, ...created.map((s) => s.id)]));
  recordPending = true;
  // An append-only sheet of the add-in's (KAM History): its tables' ranges, checked before anything is written (the
  // sync carries the ownership record too).
  const appending = decisions.map((d, i) =>
    d.action === "replace" && plan.sheets[i].appendOnly ? appendTargets(sheets.get(i)!, plan.sheets[i]) : undefined,
  );
  if (appending.some(Boolean)) await sync();
  const append = appending.map((check) => check?.() === "append");

  // A sheet that had to take a new name takes its references along: a formula still pointing at the planned name
  // would read the user's sheet of that name. So does a table whose name the workbook already holds.
  const freed = new Set(replaced.flatMap((s) => s.tables.items.map((t) => t.name.toLowerCase())));
  const tableRenames = freeTableNames(
    plan.sheets.flatMap((s) => (s.tables ?? []).map((t) => t.name)),
    [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)].filter((n) => !freed.has(n.toLowerCase())),
  );
  const drawn = renameTables(
    renameSheets(
      plan,
      new Map(decisions.flatMap((d) => (d.action === "rename" ? [[d.planned, d.name] as const] : []))),
    ),
    tableRenames,
  );

  suspend();
  const skipped: string[] = [];
  const labels: PendingLabels[] = [];
  for (let i = 0; i < drawn.sheets.length; i++) {
    begin(`Writing ${drawn.sheets[i].name} ${i + 1} of ${total}`, i);
    const sheet = sheets.get(i)!;
    if (decisions[i].action === "replace") {
      // KAM History: its tables only ever grow; the earlier rows are not cleared or written again.
      if (append[i]) {
        await appendTableRows(sheet, drawn.sheets[i], batch);
        continue;
      }
      await reserve(12 * OPERATION_BYTES);
      clearOwnedSheet(sheet);
    }
    await writeCells(sheet, drawn.sheets[i], batch);
    labels.push(...(await applySheetFeatures(sheet, drawn.sheets[i], reserve)));
  }
  begin("Writing the names and chart labels", total);
  await reserve(4 * OPERATION_BYTES * (drawn.names ?? []).length + jsonBytes(drawn.names ?? []));
  setNames(context, drawn.names ?? [], nameLookup, skipped);
  await sync();

  // Point labels reach points the sync above created; budgeted like any other write.
  for (const label of labels) {
    await reserve(label.bytes);
    label.apply();
  }
  sheets.get(0)?.activate();
  await sync();
  return {
    sheets: decisions.map((d) => d.name),
    renamed: decisions.flatMap((d) => (d.action === "rename" ? [{ planned: d.planned, used: d.name }] : [])),
    renamedTables: [...tableRenames].map(([planned, used]) => ({ planned, used })),
    skipped,
    syncs,
    largestRequestBytes: largest,
  };
}
