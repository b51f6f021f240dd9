import { cellAddress, columnLetters, parseCell, splitRangeAddress, type TableInput } from "../core";
import { Cancelled, type Cancellable } from "./cancel";
import { syncExplained } from "./excelErrors";
import type { ContextSubset, RangeSubset } from "./excelSubset";

/**
 * Excel on the web refuses a request or response above 5 MB (ResponsePayloadSizeLimitExceeded). Chunks aim at 4 MB
 * of UTF-8 JSON: the first is sized at 64 bytes a cell (generous for names, numbers and "#,##0"), each later one
 * from the bytes the rows before it actually took, so a table of long texts gets smaller chunks. Should Excel still
 * refuse a response, the chunk is halved and read again, down to one row.
 */
export const RESPONSE_BUDGET_BYTES = 4 * 1024 * 1024;
/**
 * Excel on Windows and Mac has no payload limit (the 5 MB one is Excel on the web's: "Resource limits and performance
 * optimization"), so there a read asks for up to 64 MB at once: a 100,000-row table in one response, which keeps the
 * whole read within three syncs (shape, cells, hidden rows), and a million rows in a few, never one giant response.
 */
export const DESKTOP_RESPONSE_BUDGET_BYTES = 64 * 1024 * 1024;
/**
 * Without a payload limit the first read need not guess bytes at 64 a cell: it takes up to 3,000,000 cells (100,000
 * rows of 30 columns), and later reads follow the bytes those took.
 */
const FIRST_READ_CELLS_WITHOUT_LIMIT = 3_000_000;
export const BYTES_PER_CELL_ESTIMATE = 64;

const encoder = new TextEncoder();
function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

export interface SelectionRead {
  /** The table to map and validate; `values` is empty when the selection holds no data at all. */
  readonly input: TableInput;
  /** The selection as Excel named it, before trimming to the used range ("'Account Data'!A:L"). */
  readonly selectedAddress: string;
  /** Set when one cell was selected and the table around it was read instead: that table's address. */
  readonly expandedTo?: string;
  readonly syncs: number;
  readonly chunks: number;
}

/** A range to read instead of the selection: where saved settings say the table is ("A1", "B2:L300", "A:L"). */
export interface TableSource {
  readonly sheet: string;
  readonly address: string;
}

export interface ReadOptions extends Cancellable {
  /** Read this range as if the analyst had selected it (Rebuild); absent: the selection. */
  readonly source?: TableSource;
  /** Bytes a response may carry: RESPONSE_BUDGET_BYTES (the default) on the web, DESKTOP_RESPONSE_BUDGET_BYTES elsewhere. */
  readonly responseBudget?: number;
}

/** A range address getRange takes on one sheet: cells ("B2", "B2:L300") or whole columns ("A:L"). */
const RANGE_ON_SHEET = /^(\$?[A-Z]{1,3}\$?\d{1,7}(:\$?[A-Z]{1,3}\$?\d{1,7})?|\$?[A-Z]{1,3}:\$?[A-Z]{1,3})$/i;

/**
 * Where a read came from, to save with the settings so that Rebuild reads the same table: the selection as the
 * analyst made it (one clicked cell stays one cell, and is expanded again on the rebuild; whole columns stay whole
 * columns, so rows added since are read too), else the block that was read.
 */
export function sourceOf(read: SelectionRead): TableSource {
  const cells = splitRangeAddress(read.selectedAddress);
  if (cells) return { sheet: cells.sheet, address: cells.range };
  const bang = read.selectedAddress.lastIndexOf("!");
  const columns = read.selectedAddress.slice(bang + 1).replace(/\$/g, "");
  if (bang > 0 && RANGE_ON_SHEET.test(columns)) return { sheet: read.input.sheet, address: columns };
  const { top, left, values } = read.input;
  const last = `${columnLetters(left + Math.max(1, values[0]?.length ?? 1) - 1)}${top + Math.max(1, values.length)}`;
  return { sheet: read.input.sheet, address: `${columnLetters(left)}${top + 1}:${last}` };
}

/** Rows per read so that one response stays within the budget. */
export function rowsPerChunk(columns: number, budget = RESPONSE_BUDGET_BYTES): number {
  return Math.max(1, Math.floor(budget / (Math.max(1, columns) * BYTES_PER_CELL_ESTIMATE)));
}

/**
 * Reads the analyst's selection: values, number formats and hidden columns, trimmed to the sheet's used range (so a
 * whole-column selection reads the rows that hold data, not a million empty ones), in one sync to learn the shape
 * and one per chunk of rows (about ⌈bytes / 4 MB⌉, plus one for each refused response). Every API here is ExcelApi
 * 1.10 or older, which the shared runtime's Excel has; only Application's separators (1.11) are checked.
 *
 * With `source`, that range is read as if selected (one more sync, to find its sheet). `onProgress` hears "Reading
 * 5,000 rows" with the rows read so far; `signal` cancels before the next sync (nothing is ever written).
 */
export async function readSelection(
  context: ContextSubset,
  supported: (set: string, version: string) => boolean,
  { source, onProgress, signal, responseBudget = RESPONSE_BUDGET_BYTES }: ReadOptions = {},
): Promise<SelectionRead> {
  let syncs = 0;
  const sync = async () => {
    if (signal?.aborted) throw new Cancelled(undefined, "Cancelled: the table was not read, and nothing was written.");
    await syncExplained(context);
    syncs++;
  };
  onProgress?.("Reading the selection", 0, 1);
  // Excel's own separators (its settings, or the system's) tell how numbers stored as text are written; loaded in the
  // first sync, so they cost no round trip. Without ExcelApi 1.11 the core assumes "." and ",".
  const application = supported("ExcelApi", "1.11") ? context.application : undefined;
  application?.load("decimalSeparator,thousandsSeparator");
  const clicked = source ? await sourceRange(context, source, sync) : context.workbook.getSelectedRange();
  clicked.load("address,rowIndex,columnIndex,rowCount,columnCount");
  // An analyst who clicks one cell of the table means the table: its surrounding region, loaded in the same sync and
  // used only when the selection is that one cell.
  const region = clicked.getSurroundingRegion();
  region.load("address,rowIndex,columnIndex,rowCount,columnCount");
  const sheet = clicked.worksheet;
  sheet.load("name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  // getSelectedRange refuses a selection of several areas (Ctrl+click) or a selected chart or shape (office-js #2268),
  // Excel any call while a cell is being edited: the analyst gets a sentence saying what to do.
  await sync();
  // One cell clicked: the columns of the block around it, from its top down to the last used row — a blank row inside
  // the table ends Excel's region but not the table, and what follows it is reported, never silently left out.
  const expand = clicked.rowCount === 1 && clicked.columnCount === 1 && region.rowCount * region.columnCount > 1;
  const selected = expand
    ? {
        rowIndex: region.rowIndex,
        columnIndex: region.columnIndex,
        rowCount: Infinity,
        columnCount: region.columnCount,
      }
    : clicked;

  const top = selected.rowIndex;
  const left = selected.columnIndex;
  const bottom = used.isNullObject ? -1 : Math.min(top + selected.rowCount, used.rowIndex + used.rowCount) - 1;
  const right = used.isNullObject ? -1 : Math.min(left + selected.columnCount, used.columnIndex + used.columnCount) - 1;
  // The table starts where the selection starts, so cell addresses in messages match what the analyst selected.
  const rows = bottom - top + 1;
  const cols = right - left + 1;
  const separators = application
    ? { decimal: application.decimalSeparator, group: application.thousandsSeparator }
    : undefined;
  const empty = { sheet: sheet.name, top, left, values: [] as unknown[][], separators };
  const expandedTo = expand ? `${cellAddress(sheet.name, top, left)}:${columnLetters(right)}${bottom + 1}` : undefined;
  if (rows <= 0 || cols <= 0) return { input: empty, selectedAddress: clicked.address, expandedTo, syncs, chunks: 0 };

  let step =
    responseBudget > RESPONSE_BUDGET_BYTES
      ? Math.max(rowsPerChunk(cols, responseBudget), Math.floor(FIRST_READ_CELLS_WITHOUT_LIMIT / cols))
      : rowsPerChunk(cols, responseBudget);
  const hiddenProbes: RangeSubset[] = [];
  // Filtered-out rows are in the values like any other: whether there are any is one property of the whole table.
  const whole = sheet.getRangeByIndexes(top, left, rows, cols);
  /** Hidden columns and rows ride with the first chunk, queued again should that response be refused. */
  const queueShape = () => {
    hiddenProbes.length = 0;
    for (let j = 0; j < cols; j++) {
      const probe = sheet.getRangeByIndexes(top, left + j, 1, 1);
      probe.load("columnHidden");
      hiddenProbes.push(probe);
    }
    whole.load("rowHidden");
  };
  queueShape();
  let shapeRead = false;
  const values: unknown[][] = [];
  const numberFormats: string[][] = [];
  let chunks = 0;
  for (let r = 0; r < rows;) {
    const count = Math.min(step, rows - r);
    const chunk = sheet.getRangeByIndexes(top + r, left, count, cols);
    chunk.load("values,numberFormat");
    onProgress?.(`Reading ${rowCount(rows)} rows`, r, rows);
    try {
      // one sync per chunk: the response limit, not the row count, sets their number
      await sync();
    } catch (error) {
      const code = ((error as { cause?: unknown }).cause ?? error) as { code?: unknown };
      if (code?.code !== "ResponsePayloadSizeLimitExceeded" || count === 1) throw error;
      syncs++;
      step = Math.max(1, Math.floor(count / 2));
      if (!shapeRead) queueShape();
      continue;
    }
    shapeRead = true;
    chunks++;
    for (const row of chunk.values) values.push(row);
    for (const row of chunk.numberFormat) numberFormats.push(row);
    r += count;
    // The next chunk from what these rows weighed, within the budget.
    const perRow = (jsonBytes(chunk.values) + jsonBytes(chunk.numberFormat)) / count;
    step = Math.max(1, Math.floor((responseBudget * 0.9) / Math.max(perRow, 1)));
  }
  let hiddenRows: readonly number[] | "some" | undefined;
  if (whole.rowHidden !== false) {
    // Some rows are hidden (all, if true): which ones, from the visible areas, where Excel can say (one more sync).
    const visible = whole.getSpecialCellsOrNullObject("Visible");
    visible.load("address");
    onProgress?.(`Reading ${rowCount(rows)} rows`, rows, rows);
    await sync();
    hiddenRows = hiddenRowsOf(visible.isNullObject ? "" : visible.address, top, rows);
  }
  return {
    input: {
      sheet: sheet.name,
      top,
      left,
      values,
      numberFormats,
      hiddenColumns: hiddenProbes.map((p) => p.columnHidden),
      hiddenRows,
      separators,
    },
    selectedAddress: clicked.address,
    expandedTo,
    syncs,
    chunks,
  };
}

const rowCount = (n: number) => n.toLocaleString("en-US");

/** The source range, on a sheet that must still exist: a sentence for the analyst where it does not. */
async function sourceRange(context: ContextSubset, source: TableSource, sync: () => Promise<void>) {
  const retry = "select the account table and click Use selection.";
  const address = source.address.replace(/\$/g, "");
  if (!RANGE_ON_SHEET.test(address))
    throw new Error(
      `The saved settings read the table from ${source.address}, not from a range in this workbook: ${retry}`,
    );
  const sheet = context.workbook.worksheets.getItemOrNullObject(source.sheet);
  sheet.load("name");
  await sync();
  if (sheet.isNullObject)
    throw new Error(
      `The saved settings read the table from the sheet "${source.sheet}", which this workbook no longer has: ${retry}`,
    );
  return sheet.getRange(address);
}

/** The rows (0-based, within the table) of `top`..`top + rows - 1` that no visible area covers. */
export function hiddenRowsOf(visibleAddress: string, top: number, rows: number): number[] {
  const shown = new Uint8Array(rows);
  for (const area of visibleAddress.split(",")) {
    const [first, last = first] = area.slice(area.lastIndexOf("!") + 1).split(":");
    const from = parseCell(first);
    const to = parseCell(last);
    if (!from || !to) continue;
    for (let r = Math.max(0, from.row - top); r <= Math.min(rows - 1, to.row - top); r++) shown[r] = 1;
  }
  const hidden: number[] = [];
  shown.forEach((s, r) => s === 0 && hidden.push(r));
  return hidden;
}
