import { isKamError, kamError, type KamError, type Result } from "../core";
import { describeNonNumber, isBlankCell, positionInRange, type ExcelMatrix } from "./cells";
import { toExcelError, type ResultCell } from "./excelErrors";

/**
 * What a blank (or omitted) cell means for one argument, declared once per function as HyperFormula declares its
 * argument metadata, so that one runner does the coercion for every element-wise function.
 * - `"required"`: a blank is an error for that cell (#N/A, "margin is blank"), never a silent 0;
 * - a number: the default (growth_rate 0, timing 0, acquired 0);
 * - `null`: passed on as "not given" (periods: infinite horizon).
 */
export interface ArgSpec {
  readonly name: string;
  readonly blank: "required" | number | null;
  /** Read a 0 as a blank: for arguments where 0 is never valid, since some Excel builds pass blanks as 0. */
  readonly zeroIsBlank?: boolean;
}

/**
 * Applies a scalar core function element-wise over arguments that are single cells or ranges, broadcasting like
 * Excel's own arithmetic: a single cell goes with every element, a single row with every row, a single column with
 * every column; otherwise the shapes must be equal. A bad element gives an error in its own cell only; a shape
 * mismatch is an error for the whole call.
 *
 * `compute` receives a scratch array that is reused for every element (no allocation per cell on the hot path).
 */
export function broadcast(
  args: readonly ExcelMatrix[],
  specs: readonly ArgSpec[],
  compute: (values: (number | null)[]) => Result<number>,
): ResultCell[][] | CustomFunctions.Error {
  const shapeError = checkShapes(args, specs);
  if (isKamError(shapeError)) return toExcelError(shapeError);
  const { rows, cols } = shapeError;
  const n = args.length;
  const scratch: (number | null)[] = new Array(n).fill(null);
  const out: ResultCell[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const outRow: ResultCell[] = new Array(cols);
    for (let j = 0; j < cols; j++) {
      let problem: KamError | undefined;
      for (let a = 0; a < n; a++) {
        const m = args[a];
        if (m === null || m === undefined) {
          problem = readBlank(specs[a], rows, cols, i, j, scratch, a) ?? problem;
          continue;
        }
        const mi = m.length === 1 ? 0 : i;
        const r = m[mi];
        const cell = r.length === 1 ? r[0] : r[j];
        if (typeof cell === "number" && !(cell === 0 && specs[a].zeroIsBlank)) {
          scratch[a] = cell;
        } else if (isBlankCell(cell) || cell === 0) {
          problem = readBlank(specs[a], rows, cols, i, j, scratch, a) ?? problem;
        } else {
          problem ??= kamError(
            "value",
            specs[a].name,
            `${specs[a].name}${positionInRange(rows, cols, i, j)} is ${describeNonNumber(cell)}; it must be a number.`,
          );
        }
      }
      if (problem) {
        outRow[j] = toExcelError(problem);
        continue;
      }
      const value = compute(scratch);
      outRow[j] = typeof value === "number" ? value : toExcelError(value);
    }
    out[i] = outRow;
  }
  return out;
}

function readBlank(
  spec: ArgSpec,
  rows: number,
  cols: number,
  i: number,
  j: number,
  scratch: (number | null)[],
  a: number,
): KamError | undefined {
  if (spec.blank === "required") {
    return kamError("na", spec.name, `${spec.name}${positionInRange(rows, cols, i, j)} is blank.`);
  }
  scratch[a] = spec.blank;
  return undefined;
}

function checkShapes(
  args: readonly ExcelMatrix[],
  specs: readonly ArgSpec[],
): KamError | { rows: number; cols: number } {
  let rows = 1;
  let cols = 1;
  for (const m of args) {
    if (!m) continue;
    if (m.length > rows) rows = m.length;
    if (m.length > 0 && m[0].length > cols) cols = m[0].length;
  }
  for (let a = 0; a < args.length; a++) {
    const m = args[a];
    if (!m) continue;
    const r = m.length;
    const c = r > 0 ? m[0].length : 0;
    if (r === 0 || c === 0) return kamError("value", specs[a].name, `${specs[a].name} is an empty range.`);
    if ((r !== 1 && r !== rows) || (c !== 1 && c !== cols)) {
      return kamError(
        "value",
        specs[a].name,
        `${specs[a].name} is ${r}×${c} but the result is ${rows}×${cols}: ranges must have the same shape, ` +
          "or be a single cell, a single row or a single column.",
      );
    }
  }
  return { rows, cols };
}
