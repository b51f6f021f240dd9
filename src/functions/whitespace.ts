import { isKamError, kamError, whitespace, type KamError } from "../core";
import { describeNonNumber, isBlankCell, positionInRange, type ExcelMatrix } from "./cells";
import { callError, isErrorCell, notFinite, passInputError, type ResultCell } from "./excelErrors";

/**
 * KAM.WHITESPACE over Excel's arguments: product_revenue n×k (one row per account, one column per product), segments
 * n×1 or omitted; one potential per account row (see core whitespace). Every account's potential depends on every
 * other row (the medians among owners), so a bad cell anywhere is the call's error, naming the cell: a row of numbers
 * computed without it would be silently wrong. A blank or 0 revenue is a product not owned, so nothing depends on
 * how Excel passes an empty cell; an empty segment cell (or a 0, which some Excel versions pass for one) is an account
 * without a segment, compared with all owners.
 */
export function whitespaceCells(productRevenue: ExcelMatrix, segments: ExcelMatrix): ResultCell[][] {
  const columns = readRevenue(productRevenue);
  const n = columns[0].length;
  const labels = segments === null || segments === undefined ? undefined : readSegments(segments, n);
  const result = whitespace(columns, labels);
  if (isKamError(result)) throw callError(result);
  return Array.from(result.potential, (x) => [x - x === 0 ? x : notFinite()]);
}

/** The block as one Float64Array per product (NaN for a blank), or the call's error thrown. */
function readRevenue(m: ExcelMatrix): Float64Array[] {
  if (!m || m.length === 0 || m[0].length === 0) throw fail("product_revenue", "product_revenue is empty.");
  const rows = m.length;
  const cols = m[0].length;
  const columns = Array.from({ length: cols }, () => new Float64Array(rows));
  for (let i = 0; i < rows; i++) {
    const row = m[i];
    for (let j = 0; j < cols; j++) {
      const c = row[j];
      const where = `product_revenue${positionInRange(rows, cols, i, j)}`;
      if (typeof c === "number") {
        if (!(c >= 0)) throw fail("product_revenue", `${where} is ${c}; a revenue cannot be negative.`);
        columns[j][i] = c;
      } else if (isBlankCell(c)) columns[j][i] = Number.NaN;
      else if (isErrorCell(c)) throw passInputError(c, where);
      else throw fail("product_revenue", `${where} is ${describeNonNumber(c)}; it must be a revenue (a number).`);
    }
  }
  return columns;
}

/** One label per account row: text as written, a number as its digits, an empty cell (or 0) as no segment. */
function readSegments(m: ExcelCell2D, n: number): (string | null)[] {
  const rows = m.length;
  const cols = rows > 0 ? m[0].length : 0;
  if (cols !== 1 || rows !== n) {
    throw fail(
      "segments",
      `segments is ${rows}×${cols} but product_revenue has ${n} account row${n === 1 ? "" : "s"}: ` +
        "give one segment per row, as a single column.",
    );
  }
  return m.map((row, i) => {
    const c = row[0];
    const where = `segments${positionInRange(rows, 1, i, 0)}`;
    if (isBlankCell(c) || c === 0) return null;
    if (typeof c === "string") return c;
    if (typeof c === "number") return String(c);
    if (isErrorCell(c)) throw passInputError(c, where);
    throw fail("segments", `${where} is ${describeNonNumber(c)}; a segment is a name (text).`);
  });
}

type ExcelCell2D = NonNullable<ExcelMatrix>;

function fail(argument: string, message: string): CustomFunctions.Error {
  const error: KamError = kamError("value", argument, message);
  return callError(error);
}
