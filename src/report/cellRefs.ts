/** A1 references as 1-based rows and columns, the way exceljs and the sheet XML count them. */
export interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** "C7" or "$C$7" → { row: 7, col: 3 }. */
export function cellIndex(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`Not a cell reference: "${ref}"`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
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

/** 1 → "A", 27 → "AA". */
export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The cells of a range in Excel's order for a chart's points: row by row, left to right. */
export function cellsOf(range: string): { row: number; col: number; ref: string }[] {
  const b = boxOf(range);
  const out: { row: number; col: number; ref: string }[] = [];
  for (let row = b.top; row <= b.bottom; row++)
    for (let col = b.left; col <= b.right; col++) out.push({ row, col, ref: `${columnLetters(col)}${row}` });
  return out;
}
