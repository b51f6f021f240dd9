import { isKamError, kamError, type KamError, type Result } from "../core";
import { describeNonNumber, isBlankCell, positionInRange, type ExcelCell, type ExcelMatrix } from "./cells";
import { callError, isErrorCell, notFinite, passInputError, toExcelError, type ResultCell } from "./excelErrors";

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
  /**
   * The argument's limits, checked once where the argument is a single cell (a value for the whole call): outside
   * them the call throws #VALUE! with `says`. In a range the core checks each cell and that cell alone gets #NUM!.
   */
  readonly limit?: Limit;
}

export interface Limit {
  readonly min?: number;
  readonly max?: number;
  /** Strictly above. */
  readonly above?: number;
  readonly integer?: boolean;
  readonly oneOf?: readonly number[];
  /** What the argument must be, completing "retention is 90; it must be …". */
  readonly says: string;
}

function withinLimit(x: number, l: Limit): boolean {
  return (
    (l.min === undefined || x >= l.min) &&
    (l.max === undefined || x <= l.max) &&
    (l.above === undefined || x > l.above) &&
    (!l.integer || Number.isInteger(x)) &&
    (l.oneOf === undefined || l.oneOf.includes(x))
  );
}

/**
 * Applies a scalar core function element-wise over arguments that are single cells or ranges, broadcasting like
 * Excel's own arithmetic: a single cell goes with every element, a single row with every row, a single column with
 * every column; otherwise the shapes must be equal. A bad element of a range gives an error in its own cell only;
 * a shape mismatch, or a problem with a single-cell argument, is the whole call's error and is thrown (the documented
 * route, custom-functions-errors.md). A result that is not a finite number is #NUM!.
 *
 * `compute` receives a scratch Float64Array reused for every element: no allocation per cell on the hot path (a
 * generic array would box every number it holds). An argument that is not given (`blank: null`) reads as NaN there;
 * `given` turns it back into null for the core.
 */
export function broadcast(
  args: readonly ExcelMatrix[],
  specs: readonly ArgSpec[],
  compute: (values: Float64Array) => Result<number>,
): ResultCell[][] {
  const shape = checkShapes(args, specs);
  if (isKamError(shape)) throw toExcelError(shape);
  const { rows, cols } = shape;
  const scratch = new Float64Array(args.length);
  // An omitted argument or a single cell is read once, not once per result cell: only ranges are read in the loop.
  // A single cell is a value of the whole call, so its problem (blank, text, an error value, outside its limits) is
  // the call's error, thrown.
  const varying: number[] = [];
  for (let a = 0; a < args.length; a++) {
    const m = args[a];
    if (m && (m.length > 1 || m[0].length > 1)) {
      varying.push(a);
      continue;
    }
    const problem = readCell(m ? m[0][0] : null, specs[a], 1, 1, 0, 0, scratch, a);
    if (problem) throw isKamError(problem) ? callError(problem) : problem;
    const limit = specs[a].limit;
    const x = scratch[a];
    if (limit && x === x && !withinLimit(x, limit)) {
      throw callError(kamError("value", specs[a].name, `${specs[a].name} is ${x}; it must be ${limit.says}.`));
    }
  }
  if (varying.length === 0) {
    // Every argument a single cell: one result, and its error is the call's (a core `num` shown as #VALUE! with why).
    const value = compute(scratch);
    if (typeof value !== "number") throw callError(value);
    if (value - value !== 0) throw notFinite();
    return [[value]];
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
   * rules: it gets its first problem (an error value in the cell passed on as it is), or its values in scratch.
   * A message places the cell in its argument's own range (a single row of retentions beside a column of margins has
   * no "row 2"), so the analyst finds the cell named.
   */
  const cellResult = (i: number, j: number, k: number): ResultCell => {
    for (let v = 0; v < n; v++) scratch[varying[v]] = columns[v][k];
    if (marked[k] === 1) {
      for (const a of varying) {
        const m = args[a]!;
        const ai = m.length === 1 ? 0 : i;
        const r = m[ai];
        const aj = r.length === 1 ? 0 : j;
        const problem = readCell(r[aj], specs[a], m.length, r.length, ai, aj, scratch, a);
        if (problem) return isKamError(problem) ? toExcelError(problem) : problem;
      }
    }
    const value = compute(scratch);
    if (typeof value !== "number") return toExcelError(value);
    return value - value === 0 ? value : notFinite();
  };
  const out: ResultCell[][] = new Array(rows);
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

/**
 * Reads one cell of argument `a` into the scratch array, or says what is wrong with it: a KamError, or the cell's own
 * error value to pass on.
 */
function readCell(
  cell: unknown,
  spec: ArgSpec,
  rows: number,
  cols: number,
  i: number,
  j: number,
  scratch: Float64Array,
  a: number,
): KamError | CustomFunctions.Error | undefined {
  if (typeof cell === "number" && !(cell === 0 && spec.zeroIsBlank)) {
    scratch[a] = cell;
    return undefined;
  }
  if (isErrorCell(cell)) return passInputError(cell, `${spec.name}${positionInRange(rows, cols, i, j)}`);
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
