/**
 * How Excel hands cells to a custom function declared with `any[][]`: numbers, strings, booleans, and blanks as
 * `null` (Excel on the web) or `""`; some builds pass a blank as 0 (office-js#4702, #5262: unsettled), which each
 * function's help explains where it matters. Text is never parsed as a number here: "12%" in a cell is diagnosed,
 * not guessed, so an analyst finds the cell instead of trusting a silently converted value. An error value in a cell
 * arrives as a CustomFunctions.Error (functions.json allows errors for `any`) and is passed on, see passInputError.
 */
export type ExcelCell = number | string | boolean | null | undefined | CustomFunctions.Error;

/** An argument declared `any[][]` (a range, or a single value that Excel wraps as [[x]]); omitted: null/undefined. */
export type ExcelMatrix = ExcelCell[][] | null | undefined;

export function isBlankCell(cell: unknown): cell is null | undefined | "" {
  return cell === null || cell === undefined || cell === "";
}

/** Words for a cell that is not a number, used in every message about one. */
export function describeNonNumber(cell: unknown): string {
  if (typeof cell === "boolean") return `the logical value ${cell ? "TRUE" : "FALSE"}`;
  if (typeof cell === "string") {
    const shown = cell.length > 30 ? `${cell.slice(0, 30)}…` : cell;
    return /^\s*[-+(]?[\d.,\s]+%?\)?\s*$/.test(cell)
      ? `the text "${shown}" (a number stored as text: convert it to a number)`
      : `the text "${shown}"`;
  }
  if (typeof cell === "number") return String(cell);
  return "an unreadable value";
}

/** Position of a cell inside an argument's range, as the analyst counts (1-based), for messages. */
export function positionInRange(rows: number, cols: number, i: number, j: number): string {
  if (rows === 1 && cols === 1) return "";
  if (cols === 1) return ` (row ${i + 1})`;
  if (rows === 1) return ` (column ${j + 1})`;
  return ` (row ${i + 1}, column ${j + 1})`;
}
