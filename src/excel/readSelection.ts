import { cellAddress, columnLetters, parseCell, type TableInput } from "../core";
import { syncExplained } from "./excelErrors";
import type { ContextSubset, RangeSubset } from "./excelSubset";

/**
 * Excel on the web refuses a request or response above 5 MB (ResponsePayloadSizeLimitExceeded). Chunks aim at 4 MB
 * of UTF-8 JSON: the first is sized at 64 bytes a cell (generous for names, numbers and "#,##0"), each later one
 * from the bytes the rows before it actually took, so a table of long texts gets smaller chunks. Should Excel still
 * refuse a response, the chunk is halved and read again, down to one row.
 */
export const RESPONSE_BUDGET_BYTES = 4 * 1024 * 1024;
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

/** Rows per read so that one response stays within the budget. */
export function rowsPerChunk(columns: number): number {
  return Math.max(1, Math.floor(RESPONSE_BUDGET_BYTES / (Math.max(1, columns) * BYTES_PER_CELL_ESTIMATE)));
}

/**
 * Reads the analyst's selection: values, number formats and hidden columns, trimmed to the sheet's used range (so a
 * whole-column selection reads the rows that hold data, not a million empty ones), in one sync to learn the shape
 * and one per chunk of rows (about ⌈bytes / 4 MB⌉, plus one for each refused response). Every API here is ExcelApi
 * 1.10 or older, which the shared runtime's Excel has; only Application's separators (1.11) are checked.
 */
export async function readSelection(
  context: ContextSubset,
  supported: (set: string, version: string) => boolean,
): Promise<SelectionRead> {
  // Excel's own separators (its settings, or the system's) tell how numbers stored as text are written; loaded in the
  // first sync, so they cost no round trip. Without ExcelApi 1.11 the core assumes "." and ",".
  const application = supported("ExcelApi", "1.11") ? context.application : undefined;
  application?.load("decimalSeparator,thousandsSeparator");
  const clicked = context.workbook.getSelectedRange();
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
  await syncExplained(context);
  let syncs = 1;
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

  let step = rowsPerChunk(cols);
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
    try {
      // one sync per chunk: the response limit, not the row count, sets their number
      await syncExplained(context);
    } catch (error) {
      const code = ((error as { cause?: unknown }).cause ?? error) as { code?: unknown };
      if (code?.code !== "ResponsePayloadSizeLimitExceeded" || count === 1) throw error;
      syncs++;
      step = Math.max(1, Math.floor(count / 2));
      if (!shapeRead) queueShape();
      continue;
    }
    shapeRead = true;
    syncs++;
    chunks++;
    for (const row of chunk.values) values.push(row);
    for (const row of chunk.numberFormat) numberFormats.push(row);
    r += count;
    // The next chunk from what these rows weighed, within the budget.
    const perRow = (jsonBytes(chunk.values) + jsonBytes(chunk.numberFormat)) / count;
    step = Math.max(1, Math.floor((RESPONSE_BUDGET_BYTES * 0.9) / Math.max(perRow, 1)));
  }
  let hiddenRows: readonly number[] | "some" | undefined;
  if (whole.rowHidden !== false) {
    // Some rows are hidden (all, if true): which ones, from the visible areas, where Excel can say (one more sync).
    const visible = whole.getSpecialCellsOrNullObject("Visible");
    visible.load("address");
    await syncExplained(context);
    syncs++;
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
