import { isKamError, kamError, type KamError, type Result } from "../core";
import { describeNonNumber, isBlankCell, positionInRange, type ExcelCell, type ExcelMatrix } from "./cells";
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
 * `compute` receives a scratch Float64Array reused for every element: no allocation per cell on the hot path (a
 * generic array would box every number it holds). An argument that is not given (`blank: null`) reads as NaN there;
 * `given` turns it back into null for the core.
 */
export function broadcast(
  args: readonly ExcelMatrix[],
  specs: readonly ArgSpec[],
  compute: (values: Float64Array) => Result<number>,
): ResultCell[][] | CustomFunctions.Error {
  const shapeError = checkShapes(args, specs);
  if (isKamError(shapeError)) return toExcelError(shapeError);
  const { rows, cols } = shapeError;
  const scratch = new Float64Array(args.length);
  // An omitted argument or a single cell is read once, not once per result cell: only ranges are read in the loop.
  const varying: number[] = [];
  let constantProblem: KamError | undefined;
  for (let a = 0; a < args.length; a++) {
    const m = args[a];
    if (m && (m.length > 1 || m[0].length > 1)) varying.push(a);
    else constantProblem = readCell(m ? m[0][0] : null, specs[a], 1, 1, 0, 0, scratch, a) ?? constantProblem;
  }
  const out: ResultCell[][] = new Array(rows);
  if (constantProblem) {
    const error = toExcelError(constantProblem);
    for (let i = 0; i < rows; i++) out[i] = new Array<ResultCell>(cols).fill(error);
    return out;
  }
  // Bulk pass, one tight loop per range: numbers into a Float64Array the size of the result, and a mark where any
  // argument's cell is not a plain number. Marked cells are diagnosed afterwards, one by one (they are rare).
  const size = rows * cols;
  const n = varying.length;
  const columns: Float64Array[] = new Array(n);
  const marked = new Uint8Array(size);
  for (let v = 0; v < n; v++) columns[v] = readRange(args[varying[v]]!, specs[varying[v]], rows, cols, marked);
  /**
   * One result cell from the bulk-read numbers. A marked cell is read again one argument at a time, with the blank
   * rules: it gets its problem, or its values (blanks defaulted) in scratch.
   */
  const cellResult = (i: number, j: number, k: number): ResultCell => {
    for (let v = 0; v < n; v++) scratch[varying[v]] = columns[v][k];
    if (marked[k] === 1) {
      let problem: KamError | undefined;
      for (const a of varying) {
        const m = args[a]!;
        const r = m.length === 1 ? m[0] : m[i];
        problem = readCell(r.length === 1 ? r[0] : r[j], specs[a], rows, cols, i, j, scratch, a) ?? problem;
      }
      if (problem) return toExcelError(problem);
    }
    const value = compute(scratch);
    return typeof value === "number" ? value : toExcelError(value);
  };
  // Rows are built as array literals: a one-number literal stores the number unboxed, `new Array(1)` boxes it.
  if (cols === 1) for (let i = 0; i < rows; i++) out[i] = [cellResult(i, 0, i)];
  else {
    for (let i = 0, k = 0; i < rows; i++) {
      const outRow: ResultCell[] = new Array(cols);
      for (let j = 0; j < cols; j++, k++) outRow[j] = cellResult(i, j, k);
      out[i] = outRow;
    }
  }
  return out;
}

/** A range broadcast to rows × cols as numbers; a cell that is not a plain number marks its result cell. */
function readRange(m: ExcelCell[][], spec: ArgSpec, rows: number, cols: number, marked: Uint8Array): Float64Array {
  const values = new Float64Array(rows * cols);
  const zeroIsBlank = spec.zeroIsBlank === true;
  for (let i = 0, k = 0; i < rows; i++) {
    const r = m.length === 1 ? m[0] : m[i];
    const single = r.length === 1;
    for (let j = 0; j < cols; j++, k++) {
      const cell = single ? r[0] : r[j];
      if (typeof cell === "number" && !(zeroIsBlank && cell === 0)) values[k] = cell;
      else marked[k] = 1;
    }
  }
  return values;
}

/** Reads one cell of argument `a` into the scratch array, or says what is wrong with it. */
function readCell(
  cell: unknown,
  spec: ArgSpec,
  rows: number,
  cols: number,
  i: number,
  j: number,
  scratch: Float64Array,
  a: number,
): KamError | undefined {
  if (typeof cell === "number" && !(cell === 0 && spec.zeroIsBlank)) {
    scratch[a] = cell;
    return undefined;
  }
  if (isBlankCell(cell) || cell === 0) {
    if (spec.blank === "required") {
      return kamError("na", spec.name, `${spec.name}${positionInRange(rows, cols, i, j)} is blank.`);
    }
    scratch[a] = spec.blank ?? Number.NaN;
    return undefined;
  }
  return kamError(
    "value",
    spec.name,
    `${spec.name}${positionInRange(rows, cols, i, j)} is ${describeNonNumber(cell)}; it must be a number.`,
  );
}

/** A scratch value back to the core's terms: NaN (an argument not given) is null. Excel never passes NaN itself. */
export function given(x: number): number | null {
  return x === x ? x : null;
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
