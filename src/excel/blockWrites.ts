import { parseCell } from "../core";
import { boxOf } from "../report/cellRefs";
import { isFormula, type SheetPlan } from "../report/plan";
import { columnRows, patternRows } from "../report/planCells";
import { shiftsLikePattern } from "../report/patternShift";
import { cellWrites, type BlockRows } from "./cellWrites";
import { jsonBytes, OPERATION_BYTES } from "./sheetFeatures";

/**
 * The request being filled: `reserve` makes room for a write (sending the batch first when the two together would
 * pass `budget`), `room` says how many bytes the batch can still take.
 */
export interface Batch {
  readonly budget: number;
  reserve(bytes: number): Promise<void>;
  room(): number;
}

/**
 * How a column of a block gets its number formats: none needed, one for every cell, a few stretches of cells (a
 * header over numbers, a rare text among numbers), or cell by cell.
 */
export type ColumnFormat =
  | { readonly kind: "none" }
  | { readonly kind: "same"; readonly format: string }
  | { readonly kind: "stretches"; readonly stretches: readonly FormatStretch[] }
  | { readonly kind: "mixed" };

/** Rows [from, to) of a column (0-based within the block) that all take `format`. */
export interface FormatStretch {
  readonly from: number;
  readonly to: number;
  readonly format: string;
}

const CHUNK = 512;
/** What a stretch costs beyond its formats: a range and its numberFormat set (2 operations and their paths). */
const STRETCH_BYTES = 2 * OPERATION_BYTES + 40;
/** What a cell costs in a column sent cell by cell: "null," or "\"@\"," with its row's brackets. */
const CELL_BYTES = 7;

/**
 * Each column's number formats over a block's rows (cellWrites decides the format of a cell): a column of text
 * needs "@" throughout and a column of numbers none; a column whose formats come in stretches (its header, a rare
 * text) gets them stretch by stretch where that sends fewer bytes than a format per cell, which only a column that
 * really mixes them needs.
 */
export function columnFormats(rows: BlockRows, width: number, overlaps: boolean): ColumnFormat[] {
  const stretches: FormatStretch[][] = Array.from({ length: width }, () => []);
  const open: ({ from: number; format: string } | undefined)[] = new Array(width).fill(undefined);
  const close = (j: number, to: number) => {
    const o = open[j];
    if (o) stretches[j].push({ from: o.from, to, format: o.format });
    open[j] = undefined;
  };
  for (let start = 0; start < rows.length; start += CHUNK) {
    cellWrites(rows.slice(start, start + CHUNK), overlaps).numberFormat.forEach((row, i) => {
      for (let j = 0; j < width; j++) {
        const format = row[j] ?? null;
        const o = open[j];
        if (o && o.format === format) continue;
        close(j, start + i);
        if (format !== null) open[j] = { from: start + i, format };
      }
    });
  }
  return stretches.map((list, j): ColumnFormat => {
    close(j, rows.length);
    if (list.length === 0) return { kind: "none" };
    if (list.length === 1 && list[0].from === 0 && list[0].to === rows.length)
      return { kind: "same", format: list[0].format };
    const byStretch = list.reduce((n, s) => n + STRETCH_BYTES + (s.to - s.from) * (s.format.length + 5), 0);
    return byStretch < rows.length * CELL_BYTES ? { kind: "stretches", stretches: list } : { kind: "mixed" };
  });
}

/** Runs of neighbouring columns [from, to) whose format is of `kind`. */
function runs(formats: readonly ColumnFormat[], kind: ColumnFormat["kind"]): [number, number][] {
  const out: [number, number][] = [];
  for (let j = 0; j < formats.length; j++) {
    if (formats[j].kind !== kind) continue;
    const last = out[out.length - 1];
    if (last && last[1] === j) last[1] = j + 1;
    else out.push([j, j + 1]);
  }
  return out;
}

/**
 * Writes a sheet plan's cells and number formats with as few bytes as Excel can take them, so that a sheet of
 * 100,000 accounts costs about the bytes of its input values and nothing per computed cell:
 * - a pattern block (the same formulas on every row, ROW_TOKEN aside) is written on its first row and copied down
 *   by Excel (Range.copyFrom, ExcelApi 1.9: a copy into an exact multiple of the source's rows replicates it, and,
 *   as in Excel's own copy, relative references move with each row), when every formula shifts as the pattern does
 *   (shiftsLikePattern) and no cell is left as it is (a copy would carry the first row's cell down);
 * - a column whose cells all need one number format gets it on its first cell, copied down (copyType "Formats"); a
 *   column with a few stretches of formats (a text header over numbers, a rare "n/a") gets them stretch by stretch;
 *   only a column that really mixes text and numbers sends a format per cell (columnFormats decides, by bytes);
 * - the rest goes in slices that fill each request to its budget, counted exactly row by row.
 * Number formats go before the formulas they protect: an "@" cell keeps "12%" as text.
 */
export async function writeCells(sheet: Excel.Worksheet, plan: SheetPlan, batch: Batch): Promise<void> {
  const written: { top: number; left: number; bottom: number; right: number }[] = [];
  const blocks = [
    ...plan.blocks.map((b) => ({ at: b.at, rows: b.rows as BlockRows, copies: 0 })),
    ...(plan.columns ?? []).map((c) => ({ at: c.at, rows: columnRows(c) as BlockRows, copies: 0 })),
    ...(plan.patterns ?? []).map((p) => {
      const copyable = p.count > 1 && p.pattern.every((c) => c !== null && (!isFormula(c) || shiftsLikePattern(c.f)));
      const rows = patternRows(p);
      return copyable
        ? {
            at: p.at,
            rows: { length: 1, slice: (s: number, e: number) => rows.slice(s, Math.min(e, 1)) },
            copies: p.count - 1,
          }
        : { at: p.at, rows: rows as BlockRows, copies: 0 };
    }),
  ];
  for (const block of blocks) {
    const at = parseCell(block.at)!; // validatePlan checked every address
    const width = block.rows.slice(0, 1)[0]?.length ?? 0;
    if (width === 0) continue;
    const height = block.rows.length + block.copies;
    const box = { top: at.row, left: at.col, bottom: at.row + height - 1, right: at.col + width - 1 };
    // Over an earlier block, a cell may carry its "@": there every cell says its number format.
    const overlaps = written.some(
      (b) => b.top <= box.bottom && box.top <= b.bottom && b.left <= box.right && box.left <= b.right,
    );
    written.push(box);
    const formats = columnFormats(block.rows, width, overlaps);
    for (const [from, to] of runs(formats, "same")) {
      const row = formats.slice(from, to).map((f) => (f.kind === "same" ? f.format : null));
      await batch.reserve(jsonBytes([row]) + 4 * OPERATION_BYTES);
      const top = sheet.getRangeByIndexes(at.row, at.col + from, 1, to - from);
      top.numberFormat = [row];
      if (block.rows.length > 1)
        sheet.getRangeByIndexes(at.row + 1, at.col + from, block.rows.length - 1, to - from).copyFrom(top, "Formats");
    }
    for (let j = 0; j < width; j++) {
      const f = formats[j];
      if (f.kind !== "stretches") continue;
      for (const { from, to, format } of f.stretches) {
        const cells = Array.from({ length: to - from }, () => [format]);
        await batch.reserve(jsonBytes(cells) + 2 * OPERATION_BYTES);
        sheet.getRangeByIndexes(at.row + from, at.col + j, to - from, 1).numberFormat = cells;
      }
    }
    await writeSlices(sheet, at, block.rows, width, overlaps, runs(formats, "mixed"), batch);
    if (block.copies > 0) {
      await batch.reserve(3 * OPERATION_BYTES);
      const first = sheet.getRangeByIndexes(at.row, at.col, 1, width);
      sheet.getRangeByIndexes(at.row + 1, at.col, block.copies, width).copyFrom(first, "All");
    }
  }
  for (const style of plan.styles ?? []) {
    if (!style.numberFormat) continue;
    const box = boxOf(style.range); // 1-based
    const cols = box.right - box.left + 1;
    const row = new Array(cols).fill(style.numberFormat);
    await batch.reserve(jsonBytes([row]) + 4 * OPERATION_BYTES);
    const top = sheet.getRangeByIndexes(box.top - 1, box.left - 1, 1, cols);
    top.numberFormat = [row];
    // Nothing but number formats is on these cells yet (sheet features come after the cells), so copying the
    // formats of the first row sets exactly this number format below it.
    if (box.bottom > box.top)
      sheet.getRangeByIndexes(box.top, box.left - 1, box.bottom - box.top, cols).copyFrom(top, "Formats");
  }
}

/**
 * A block's rows as formulas (and, for columns that mix formats, number formats) in slices that fill the request
 * under way, or a whole new one when little room is left. Bytes are counted row by row as UTF-8 JSON, so a slice
 * is never over its room; a single row over the budget still goes, alone, and Excel's answer says so.
 */
async function writeSlices(
  sheet: Excel.Worksheet,
  at: { row: number; col: number },
  rows: BlockRows,
  width: number,
  overlaps: boolean,
  mixed: readonly [number, number][],
  batch: Batch,
): Promise<void> {
  const perSlice = (1 + mixed.length) * 2 * OPERATION_BYTES;
  let offset = 0;
  let chunk = cellWrites(rows.slice(0, CHUNK), overlaps);
  let chunkStart = 0;
  while (offset < rows.length) {
    const room = batch.room() >= batch.budget / 8 ? batch.room() : batch.budget;
    const formulas: (string | number | boolean | null)[][] = [];
    const formats: (string | null)[][][] = mixed.map(() => []);
    let bytes = perSlice + 2 * (1 + mixed.length);
    while (offset < rows.length) {
      if (offset - chunkStart >= chunk.formulas.length) {
        chunkStart = offset;
        chunk = cellWrites(rows.slice(offset, offset + CHUNK), overlaps);
      }
      const i = offset - chunkStart;
      const f = chunk.formulas[i];
      const n = mixed.map(([from, to]) => chunk.numberFormat[i].slice(from, to));
      const rowBytes = jsonBytes(f) + 1 + n.reduce((sum, r) => sum + jsonBytes(r) + 1, 0);
      if (formulas.length > 0 && bytes + rowBytes > room) break;
      formulas.push(f);
      n.forEach((r, k) => formats[k].push(r));
      bytes += rowBytes;
      offset++;
    }
    await batch.reserve(bytes);
    const top = at.row + offset - formulas.length;
    mixed.forEach(([from, to], k) => {
      sheet.getRangeByIndexes(top, at.col + from, formulas.length, to - from).numberFormat = formats[k];
    });
    sheet.getRangeByIndexes(top, at.col, formulas.length, width).formulas = formulas;
  }
}
