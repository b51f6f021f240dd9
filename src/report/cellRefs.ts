import { parseCell } from "../core";

/** A1 references as 1-based rows and columns, the way exceljs and the sheet XML count them. */
export interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** "C7" or "$C$7" → { row: 7, col: 3 }: the core's parseCell, counted from 1. */
export function cellIndex(ref: string): { row: number; col: number } {
  const cell = parseCell(ref);
  if (!cell) throw new Error(`Not a cell reference: "${ref}"`);
  return { row: cell.row + 1, col: cell.col + 1 };
}

/** "B2:D40" (or a single cell) → its box. */
export function boxOf(range: string): Box {
  const [a, b = a] = range.split(":");
  const from = cellIndex(a);
  const to = cellIndex(b);
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}

/** The cells of a range in Excel's order for a chart's points: row by row, left to right. */
export function cellsOf(range: string): { row: number; col: number }[] {
  const b = boxOf(range);
  const out: { row: number; col: number }[] = [];
  for (let row = b.top; row <= b.bottom; row++) for (let col = b.left; col <= b.right; col++) out.push({ row, col });
  return out;
}
