import { boxOf, cellIndex, type Box } from "./cellRefs";
import {
  ROW_TOKEN,
  type CellBlock,
  type ColumnBlock,
  type PatternBlock,
  type PlanCell,
  type PlanColumn,
  type SheetPlan,
} from "./plan";

/** A pattern or column block's rows, made on demand. */
export interface PatternRows {
  readonly length: number;
  /** Row k (0-based) with its sheet row number in every formula. */
  row(k: number): PlanCell[];
  slice(start: number, end: number): PlanCell[][];
}

/** A pattern block's rows: each formula split once around ROW_TOKEN, joined per row. */
export function patternRows(block: PatternBlock): PatternRows {
  const top = cellIndex(block.at).row;
  const cells = block.pattern.map((c) => {
    if (typeof c !== "object" || c === null || !c.f.includes(ROW_TOKEN)) return () => c;
    const parts = c.f.split(ROW_TOKEN);
    return (row: string): PlanCell => ({ f: parts.join(row) });
  });
  const row = (k: number) => {
    const n = String(top + k);
    return cells.map((cell) => cell(n));
  };
  return {
    length: block.count,
    row,
    slice: (start, end) => {
      const out: PlanCell[][] = [];
      for (let k = Math.max(0, start); k < Math.min(end, block.count); k++) out.push(row(k));
      return out;
    },
  };
}

/** The cell a column holds for row k: NaN in a number column is a blank. */
export function columnCell(column: PlanColumn, k: number): PlanCell {
  if (column instanceof Float64Array) {
    const x = column[k];
    return x === x ? x : null; // NaN (blank) is the only value not equal to itself
  }
  return column[k] ?? null;
}

/** A column block's rows: row k gathers the k-th entry of every column. */
export function columnRows(block: ColumnBlock): PatternRows {
  const { columns, count } = block;
  const row = (k: number) => {
    const out: PlanCell[] = new Array<PlanCell>(columns.length);
    for (let j = 0; j < columns.length; j++) out[j] = columnCell(columns[j], k);
    return out;
  };
  return {
    length: count,
    row,
    slice: (start, end) => {
      const out: PlanCell[][] = [];
      for (let k = Math.max(0, start); k < Math.min(end, count); k++) out.push(row(k));
      return out;
    },
  };
}

/**
 * Every block of a sheet as rows to read, in the order the renderers write them (a later one wins where they
 * overlap): cell blocks as they are, then column blocks and pattern blocks, their rows made on demand.
 */
export function sheetBlocks(sheet: SheetPlan): { at: string; rows: PatternRows | CellBlock["rows"] }[] {
  return [
    ...sheet.blocks,
    ...(sheet.columns ?? []).map((c) => ({ at: c.at, rows: columnRows(c) })),
    ...(sheet.patterns ?? []).map((p) => ({ at: p.at, rows: patternRows(p) })),
  ];
}

/** Row k of a block's rows, whichever kind. */
export function rowOf(rows: PatternRows | CellBlock["rows"], k: number): readonly PlanCell[] | undefined {
  if ("row" in rows) return k >= 0 && k < rows.length ? rows.row(k) : undefined;
  return rows[k];
}

/** A pattern with `fix` applied to each formula (renaming a sheet or a table keeps ROW_TOKEN as it is). */
export function mapPattern(block: PatternBlock, fix: (formula: string) => string): PatternBlock {
  return { ...block, pattern: block.pattern.map((c) => (typeof c === "object" && c !== null ? { f: fix(c.f) } : c)) };
}

/**
 * A column block with `fix` applied to each formula; a number column, or a column without formulas, is kept as it is
 * (a renamed sheet must not copy a million account names).
 */
export function mapColumns(block: ColumnBlock, fix: (formula: string) => string): ColumnBlock {
  const columns = block.columns.map((c) =>
    c instanceof Float64Array || !c.some((x) => typeof x === "object" && x !== null)
      ? c
      : c.map((x) => (typeof x === "object" && x !== null ? { f: fix(x.f) } : x)),
  );
  return { ...block, columns };
}

/**
 * The cells a sheet plan puts in rows top..bottom, columns left..right (1-based, inclusive), row by row; blocks later
 * in the plan win and a blank leaves the cell to the block before, as both renderers write them. Each block's row is
 * made once per row, so reading the new rows of a table is linear in its cells.
 */
export function planRows(sheet: SheetPlan, box: Box): PlanCell[][] {
  const blocks = sheetBlocks(sheet).map((b) => ({ ...cellIndex(b.at), rows: b.rows }));
  const out: PlanCell[][] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const row = new Array<PlanCell>(box.right - box.left + 1).fill(null);
    for (const b of blocks) {
      const cells = rowOf(b.rows, r - b.row);
      if (!cells) continue;
      for (let c = Math.max(box.left, b.col); c <= box.right && c - b.col < cells.length; c++) {
        const v = cells[c - b.col];
        if (v !== null && v !== undefined) row[c - box.left] = v;
      }
    }
    out.push(row);
  }
  return out;
}

/** The cell a sheet plan puts at (row, col), 1-based (planRows of one cell). */
export function planCellAt(sheet: SheetPlan, row: number, col: number): PlanCell {
  return planRows(sheet, { top: row, bottom: row, left: col, right: col })[0][0];
}

/** The header row of a table range, as the plan fills it: what Excel will take as the table's column names. */
export function headerCells(sheet: SheetPlan, range: string): PlanCell[] {
  const box = boxOf(range);
  return planRows(sheet, { ...box, bottom: box.top })[0];
}
