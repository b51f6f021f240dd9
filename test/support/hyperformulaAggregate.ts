/**
 * AGGREGATE for HyperFormula, which has none, so the report's ranked lists and Whitespace formulas can be checked
 * in-process (the LibreOffice tests stay the reference). Only the forms the report writes, as Microsoft documents
 * the array form `AGGREGATE(function_num, options, array, k)`:
 * - function_num 14 LARGE (the k-th largest), 15 SMALL (the k-th smallest), 17 QUARTILE.INC (quart 0–4: minimum,
 *   first quartile, median, third quartile, maximum; the Hyndman–Fan type 7 quantile at quart/4);
 * - options 6: ignore error values (nothing else: there are no hidden rows in a plan);
 * - array: any computed array or range; error values skipped (option 6), and, as LARGE, SMALL and QUARTILE.INC do
 *   with an array or reference, text, logical values and empty cells skipped too; no number left is #NUM!;
 * - k: a number; k < 1 or beyond the numbers left (LARGE, SMALL) or quart outside 0–4 is #NUM!; an error in k is
 *   that error.
 * Any other form (another function_num or option, the reference form, a missing or fractional k) throws an Error
 * naming the formula's form, so that a future formula cannot pass here by meaning something this does not compute.
 *
 * Excel also evaluates ROW(range) and COLUMN(range) inside the array argument as arrays ("if reference is a range of
 * cells, ROW returns the row numbers of reference as a vertical array"; COLUMN: the column numbers, a horizontal
 * array), where HyperFormula's ROW and COLUMN give the first cell's: the ranked lists find an account's row by
 * ROW(range). RangeRowColumnPlugin gives them the array form; a single cell or no argument keeps the usual number.
 *
 * And Excel's INDEX takes the lone index of a one-row range as the column ("if array contains only one row or column,
 * the corresponding row_num or column_num argument is optional": INDEX(A1:F1, 3) is C1), where HyperFormula reads it
 * as the row and answers #NUM!: the Whitespace list names a product by INDEX(header row, n). OneRowIndexPlugin gives
 * that form; every other INDEX is HyperFormula's own.
 *
 * And AVERAGEIFS, which HyperFormula lacks (hyperformulaAverageifs.ts): the KPIs the report averages over active
 * accounts.
 *
 * Use {@link buildWithAggregate}: the functions are registered for that build only (HyperFormula's registry is
 * global; an instance keeps the functions it was built with), so other tests keep HyperFormula as it ships.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ConfigParams,
  type Sheets,
} from "hyperformula";
import { averageIfsPlugin } from "./hyperformulaAverageifs";

/** The parts of HyperFormula's AST this file reads (its own types are not exported). */
interface AstNode {
  readonly type: string;
  readonly value?: unknown;
  readonly expression?: AstNode;
  readonly start?: { toSimpleCellAddress(base: unknown): { row: number; col: number } };
  readonly end?: { toSimpleCellAddress(base: unknown): { row: number; col: number } };
}
interface ProcedureAst {
  readonly procedureName: string;
  readonly args: readonly AstNode[];
}
interface State {
  readonly formulaAddress: { readonly sheet: number; readonly row: number; readonly col: number };
}

/** A number as HyperFormula keeps it: a plain number or an ExtendedNumber ({ val }, a date, currency or percent). */
function numberOf(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (v !== null && typeof v === "object" && !(v instanceof CellError) && "val" in v) {
    const x = (v as { val: unknown }).val;
    if (typeof x === "number") return x;
  }
  return undefined;
}

/** The number literal a form-deciding argument must be (function_num, options): read from the formula, not computed. */
function literal(arg: AstNode | undefined): number | undefined {
  return arg?.type === "NUMBER" && typeof arg.value === "number" ? arg.value : undefined;
}

const FUNCTIONS: Record<number, string> = { 14: "LARGE", 15: "SMALL", 17: "QUARTILE.INC" };

export class AggregatePlugin extends FunctionPlugin {
  static override implementedFunctions = {
    AGGREGATE: { method: "aggregate", parameters: [{ argumentType: FunctionArgumentType.ANY }], repeatLastArgs: 1 },
  };

  aggregate(ast: ProcedureAst, state: State): unknown {
    const fn = literal(ast.args[0]);
    const option = literal(ast.args[1]);
    const form = `AGGREGATE(${ast.args.map((a) => literal(a) ?? "…").join(",")})`;
    if (ast.args.length !== 4 || fn === undefined || !(fn in FUNCTIONS) || option !== 6)
      throw new Error(
        `${form}: this engine's AGGREGATE knows only the array form with function_num 14, 15 or 17, options 6 and a k`,
      );
    const evaluate = (a: AstNode) => this.evaluateAst(a as never, state as never) as unknown;
    const k = evaluate(ast.args[3]);
    if (k instanceof CellError) return k;
    const kn = numberOf(k);
    if (kn === undefined || !Number.isInteger(kn))
      throw new Error(`${form}: k is ${String(k)}; this engine's AGGREGATE takes a whole number only`);
    const array = evaluate(ast.args[2]);
    const cells = array instanceof SimpleRangeValue ? array.valuesFromTopLeftCorner() : [array];
    const xs: number[] = [];
    for (const c of cells) {
      if (c instanceof CellError || c === EmptyValue || typeof c === "string" || typeof c === "boolean") continue;
      const x = numberOf(c);
      if (x !== undefined) xs.push(x);
    }
    xs.sort((a, b) => a - b);
    const num = new CellError(ErrorType.NUM);
    if (fn === 17) {
      if (xs.length === 0 || kn < 0 || kn > 4) return num;
      const h = ((xs.length - 1) * kn) / 4;
      const lo = Math.floor(h);
      return lo + 1 < xs.length ? xs[lo] + (h - lo) * (xs[lo + 1] - xs[lo]) : xs[lo];
    }
    if (kn < 1 || kn > xs.length) return num;
    return fn === 14 ? xs[xs.length - kn] : xs[kn - 1];
  }
}

/** ROW(range) and COLUMN(range) as arrays (see the file's comment); one cell or none as HyperFormula has them. */
export class RangeRowColumnPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    ROW: {
      method: "row",
      sizeOfResultArrayMethod: "rowSize",
      parameters: [{ argumentType: FunctionArgumentType.NOERROR, optionalArg: true }],
      isDependentOnSheetStructureChange: true,
      doesNotNeedArgumentsToBeComputed: true,
      vectorizationForbidden: true,
    },
    COLUMN: {
      method: "column",
      sizeOfResultArrayMethod: "columnSize",
      parameters: [{ argumentType: FunctionArgumentType.NOERROR, optionalArg: true }],
      isDependentOnSheetStructureChange: true,
      doesNotNeedArgumentsToBeComputed: true,
      vectorizationForbidden: true,
    },
  };

  /** The first and last row and column of the argument, or where the formula is; undefined for anything else. */
  private span(ast: ProcedureAst, state: State) {
    const here = state.formulaAddress;
    if (ast.args.length === 0) return { r0: here.row, r1: here.row, c0: here.col, c1: here.col };
    let a = ast.args[0];
    while (a.type === "PARENTHESIS" && a.expression) a = a.expression;
    if (ast.args.length !== 1 || (a.type !== "CELL_REFERENCE" && a.type !== "CELL_RANGE")) return undefined;
    if (a.type === "CELL_REFERENCE") {
      const c = (a as unknown as { reference: NonNullable<AstNode["start"]> }).reference.toSimpleCellAddress(here);
      return { r0: c.row, r1: c.row, c0: c.col, c1: c.col };
    }
    const s = a.start!.toSimpleCellAddress(here);
    const e = a.end!.toSimpleCellAddress(here);
    return {
      r0: Math.min(s.row, e.row),
      r1: Math.max(s.row, e.row),
      c0: Math.min(s.col, e.col),
      c1: Math.max(s.col, e.col),
    };
  }

  row(ast: ProcedureAst, state: State): unknown {
    const s = this.span(ast, state);
    if (!s) throw new Error("ROW: this engine's ROW takes a cell, a range of cells or nothing");
    if (s.r0 === s.r1) return s.r0 + 1;
    return SimpleRangeValue.onlyValues(Array.from({ length: s.r1 - s.r0 + 1 }, (_, i) => [s.r0 + 1 + i]));
  }

  column(ast: ProcedureAst, state: State): unknown {
    const s = this.span(ast, state);
    if (!s) throw new Error("COLUMN: this engine's COLUMN takes a cell, a range of cells or nothing");
    if (s.c0 === s.c1) return s.c0 + 1;
    return SimpleRangeValue.onlyValues([Array.from({ length: s.c1 - s.c0 + 1 }, (_, j) => s.c0 + 1 + j)]);
  }

  rowSize(ast: ProcedureAst, state: State): ArraySize {
    const s = this.span(ast, state);
    return s ? new ArraySize(1, s.r1 - s.r0 + 1) : ArraySize.error();
  }

  columnSize(ast: ProcedureAst, state: State): ArraySize {
    const s = this.span(ast, state);
    return s ? new ArraySize(s.c1 - s.c0 + 1, 1) : ArraySize.error();
  }
}

/** INDEX(one-row range, n) as Excel reads it (see the file's comment), over HyperFormula's own INDEX plugin. */
function oneRowIndexPlugin(Own: NonNullable<ReturnType<typeof HyperFormula.getFunctionPlugin>>) {
  const Base = Own as unknown as new (...args: never[]) => {
    index(ast: ProcedureAst, state: State): unknown;
    evaluateAst(ast: AstNode, state: State): unknown;
  };
  return class OneRowIndexPlugin extends Base {
    override index(ast: ProcedureAst, state: State): unknown {
      if (ast.args.length === 2) {
        const range = this.evaluateAst(ast.args[0], state);
        if (range instanceof SimpleRangeValue && range.height() === 1 && range.width() > 1) {
          const n = this.evaluateAst(ast.args[1], state);
          if (n instanceof CellError) return n;
          const j = numberOf(n);
          if (j === undefined) return new CellError(ErrorType.VALUE);
          if (Math.trunc(j) < 1 || Math.trunc(j) > range.width()) return new CellError(ErrorType.REF);
          return range.data[0][Math.trunc(j) - 1];
        }
      }
      return super.index(ast, state);
    }
  };
}

const TRANSLATIONS = {
  enGB: { AGGREGATE: "AGGREGATE", ROW: "ROW", COLUMN: "COLUMN", INDEX: "INDEX", AVERAGEIFS: "AVERAGEIFS" },
};

/**
 * HyperFormula.buildFromSheets with AGGREGATE, the array ROW and COLUMN, the one-row INDEX and AVERAGEIFS registered
 * for this build, and HyperFormula's own ROW, COLUMN and INDEX put back after it (and no AVERAGEIFS), whatever
 * happens.
 */
export function buildWithAggregate(sheets: Sheets, config: Partial<ConfigParams>): HyperFormula {
  const ownRow = HyperFormula.getFunctionPlugin("ROW");
  const ownColumn = HyperFormula.getFunctionPlugin("COLUMN");
  const ownIndex = HyperFormula.getFunctionPlugin("INDEX");
  const ownSumifs = HyperFormula.getFunctionPlugin("SUMIFS");
  if (!ownRow || !ownColumn || !ownIndex || !ownSumifs)
    throw new Error("HyperFormula has no ROW, COLUMN, INDEX or SUMIFS to extend");
  HyperFormula.registerFunctionPlugin(AggregatePlugin, TRANSLATIONS);
  HyperFormula.registerFunctionPlugin(RangeRowColumnPlugin, TRANSLATIONS);
  HyperFormula.registerFunction("INDEX", oneRowIndexPlugin(ownIndex) as never, TRANSLATIONS);
  HyperFormula.registerFunction("AVERAGEIFS", averageIfsPlugin(ownSumifs) as never, TRANSLATIONS);
  try {
    return HyperFormula.buildFromSheets(sheets, config);
  } finally {
    HyperFormula.unregisterFunction("AGGREGATE");
    HyperFormula.unregisterFunction("AVERAGEIFS");
    HyperFormula.registerFunction("ROW", ownRow);
    HyperFormula.registerFunction("COLUMN", ownColumn);
    HyperFormula.registerFunction("INDEX", ownIndex);
  }
}
