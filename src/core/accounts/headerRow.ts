import { isBlank } from "./cellValues";

/** How far down a selection the header row is looked for: title and note rows above a table are common, 20 are not. */
const SEARCH_ROWS = 20;

function isHeaderText(value: unknown): boolean {
  return typeof value === "string" && value.trim() !== "" && !/^[+-]?[\d.,]+%?$/.test(value.trim());
}

/** A whole number that reads as a year (1990–2100), as Excel holds a header typed "2025". */
export function isYear(value: unknown): boolean {
  const n = typeof value === "string" ? Number(value.trim()) : value;
  return typeof n === "number" && Number.isInteger(n) && n >= 1990 && n <= 2100;
}

/** The next row below `i` with a value in it. */
function nextFilledRow(values: readonly (readonly unknown[])[], i: number): readonly unknown[] | undefined {
  for (let k = i + 1; k < values.length; k++) if (values[k].some((v) => !isBlank(v))) return values[k];
  return undefined;
}

/**
 * The index of the header row: the first row, among the first 20, whose non-blank cells are mostly text and number
 * at least two, with data below it. A title row ("Key accounts FY25") has one cell and is skipped; so are blank rows.
 * A year over a column of other numbers ("Account | Owner | 2024 | 2025") counts as header text; a year over more
 * years ("Customer since") does not. Returns -1 when no row qualifies.
 */
export function detectHeaderRow(values: readonly (readonly unknown[])[]): number {
  const limit = Math.min(values.length, SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = values[i];
    const below = nextFilledRow(values, i);
    let filled = 0;
    let text = 0;
    let named = 0;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (isBlank(v)) continue;
      filled++;
      if (isHeaderText(v)) {
        text++;
        named++;
      } else if (isYear(v) && below !== undefined && !isBlank(below[j]) && !isYear(below[j])) text++;
    }
    if (named >= 2 && text >= 0.8 * filled) return i;
  }
  return -1;
}

/**
 * A second header row under the first, as Excel reports group columns: "Revenue" merged over "FY24 | FY25". It is
 * the row right below the header when its cells are all header text (or years), at least one of them stands under
 * a blank header cell (the merged part of a group), and at least one stands over a number in the next row. Returns
 * the combined headers ("Revenue FY24", "Revenue FY25": a blank header cell takes the group name from its left), or
 * undefined when there is none.
 */
export function twoRowHeaders(values: readonly (readonly unknown[])[], headerRow: number): string[] | undefined {
  const top = values[headerRow];
  const sub = values[headerRow + 1];
  if (!top || !sub || values.length <= headerRow + 2) return undefined;
  const below = values[headerRow + 2];
  let underBlank = false;
  let overNumbers = false;
  for (let j = 0; j < sub.length; j++) {
    const v = sub[j];
    if (isBlank(v)) continue;
    if (!isHeaderText(v) && !isYear(v)) return undefined;
    if (isBlank(top[j])) underBlank = true;
    // A label over figures, as "FY24" over revenue: a first row of accounts (all text over text) is not one.
    if (typeof below[j] === "number" && !isYear(below[j])) overNumbers = true;
  }
  if (!underBlank || !overNumbers) return undefined;
  const width = Math.max(top.length, sub.length);
  const headers: string[] = [];
  let group = "";
  for (let j = 0; j < width; j++) {
    const child = isBlank(sub[j]) ? "" : String(sub[j]).trim();
    if (!isBlank(top[j])) group = String(top[j]).trim();
    else if (!child) {
      // a blank under a blank: no header, and the end of any group
      headers.push("");
      group = "";
      continue;
    }
    headers.push(group && child ? `${group} ${child}` : group || child);
  }
  return headers;
}
