import { isBlank } from "./cellValues";

/** How far down a selection the header row is looked for: title and note rows above a table are common, 20 are not. */
const SEARCH_ROWS = 20;

function isHeaderText(value: unknown): boolean {
  return typeof value === "string" && value.trim() !== "" && !/^[+-]?[\d.,]+%?$/.test(value.trim());
}

/**
 * The index of the header row: the first row, among the first 20, whose non-blank cells are mostly text and number
 * at least two, with data below it. A title row ("Key accounts FY25") has one cell and is skipped; so are blank rows.
 * Returns -1 when no row qualifies.
 */
export function detectHeaderRow(values: readonly (readonly unknown[])[]): number {
  const limit = Math.min(values.length, SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = values[i];
    let filled = 0;
    let text = 0;
    for (const v of row) {
      if (isBlank(v)) continue;
      filled++;
      if (isHeaderText(v)) text++;
    }
    if (text >= 2 && text >= 0.8 * filled) return i;
  }
  return -1;
}
