/**
 * AVERAGEIFS for HyperFormula, which has AVERAGEIF but not AVERAGEIFS, so that the KPI formulas the report writes
 * with it (kpiFormulas.ts: the NPS on the account scale, products per account from a Products column) can be checked
 * in-process (the LibreOffice tests stay the reference). As Microsoft documents
 * `AVERAGEIFS(average_range, criteria_range1, criteria1, [criteria_range2, criteria2], ...)`:
 * - a cell of average_range is averaged only if every criterion holds for the cell at its place in each criteria
 *   range;
 * - cells of average_range that are blank or text are ignored; TRUE counts as 1 and FALSE as 0 ("cells in range that
 *   contain TRUE evaluate as 1; cells in range that contain FALSE evaluate as 0"); an error value in a cell that
 *   qualifies is that error;
 * - no cell that qualifies (or none that is a number) is #DIV/0!;
 * - each criteria range must have average_range's size and shape, else #VALUE!.
 * Criteria: only the forms the report writes (kpiFormulas.ts, segmentFormulas.ts, matrixSheet.ts), matched by
 * HyperFormula's own criterion matching, the one its SUMIFS and COUNTIFS use:
 * - a logical literal, TRUE or FALSE: that logical value only (not a number, text, or a blank cell, which is 0 to a
 *   criterion);
 * - the text "<>": any cell that is not blank (a formula's "" is not blank);
 * - the text ">=0": a number 0 or more (not text, a logical value, a blank cell or an error);
 * - a reference to one cell holding text without a comparison operator (a portfolio segment's name): cells equal to
 *   it, ignoring case, with the wildcards * and ?.
 * Ranges must be references, as Excel requires. Any other form (a comparison such as ">9", other text, a number, a
 * cell holding anything but such text, an array for a range, an even number of arguments) throws an Error naming
 * the formula's form, so that a future formula cannot pass here by meaning something this does not compute.
 *
 * Registered by buildWithAggregate (hyperformulaAggregate.ts) for one build only, like AGGREGATE.
 */
import { CellError, ErrorType, FunctionArgumentType, type HyperFormula } from "hyperformula";

/** The parts of HyperFormula's AST this file reads (its own types are not exported). */
interface AstNode {
  readonly type: string;
  readonly procedureName?: string;
  readonly args?: readonly AstNode[];
  readonly value?: unknown;
}
interface ProcedureAst {
  readonly procedureName: string;
  readonly args: readonly AstNode[];
}

/** What ConditionalAggregationPlugin (SUMIFS, COUNTIFS, AVERAGEIF) gives its subclasses, as this file uses it. */
interface ConditionalAggregation {
  runFunction(
    args: readonly AstNode[],
    state: unknown,
    metadata: unknown,
    fn: (...args: unknown[]) => unknown,
  ): unknown;
  metadata(name: string): unknown;
  computeConditionalAggregationFunction<T>(
    values: unknown,
    conditionArgs: unknown[],
    functionName: string,
    initial: T,
    compose: (left: T, right: T) => T,
    map: (value: unknown) => T,
  ): T | CellError;
}

/** The sum and count of the numbers that qualify, or the first error among them (composable, for HF's cache). */
type Partial = { readonly sum: number; readonly count: number } | CellError;
const NONE: Partial = { sum: 0, count: 0 };

/** A cell of average_range as AVERAGEIFS counts it (see the file's comment). */
function partOf(v: unknown): Partial {
  if (v instanceof CellError) return v;
  if (typeof v === "number") return { sum: v, count: 1 };
  if (typeof v === "boolean") return { sum: v ? 1 : 0, count: 1 };
  // A number as HyperFormula keeps a date, currency or percent: { val }.
  if (v !== null && typeof v === "object" && "val" in v && typeof (v as { val: unknown }).val === "number")
    return { sum: (v as { val: number }).val, count: 1 };
  return NONE; // blank (EmptyValue) or text
}

const compose = (a: Partial, b: Partial): Partial =>
  a instanceof CellError ? a : b instanceof CellError ? b : { sum: a.sum + b.sum, count: a.count + b.count };

const isReference = (a: AstNode) => a.type === "CELL_RANGE" || a.type === "CELL_REFERENCE";
const isLogicalLiteral = (a: AstNode) =>
  a.type === "FUNCTION_CALL" && (a.procedureName === "TRUE" || a.procedureName === "FALSE") && a.args?.length === 0;
/** A criterion's form as the formula writes it (its value is checked once evaluated, for a cell reference). */
const isCriterion = (a: AstNode) =>
  isLogicalLiteral(a) ||
  (a.type === "STRING" && (a.value === "<>" || a.value === ">=0")) ||
  a.type === "CELL_REFERENCE";
const formOf = (a: AstNode) =>
  a.type === "CELL_RANGE"
    ? "range"
    : a.type === "CELL_REFERENCE"
      ? "cell"
      : isLogicalLiteral(a)
        ? a.procedureName!
        : a.type === "STRING" || a.type === "NUMBER"
          ? JSON.stringify(a.value)
          : a.type;

/** AVERAGEIFS over HyperFormula's own ConditionalAggregationPlugin (pass HyperFormula.getFunctionPlugin("SUMIFS")). */
export function averageIfsPlugin(Own: NonNullable<ReturnType<typeof HyperFormula.getFunctionPlugin>>) {
  const Base = Own as unknown as new (...args: never[]) => ConditionalAggregation;
  return class AverageIfsPlugin extends Base {
    static implementedFunctions = {
      AVERAGEIFS: {
        method: "averageifs",
        parameters: [
          { argumentType: FunctionArgumentType.RANGE },
          { argumentType: FunctionArgumentType.RANGE },
          { argumentType: FunctionArgumentType.NOERROR },
        ],
        repeatLastArgs: 2,
      },
    };

    averageifs(ast: ProcedureAst, state: unknown): unknown {
      const a = ast.args;
      const form = `AVERAGEIFS(${a.map(formOf).join(",")})`;
      if (a.length < 3 || a.length % 2 === 0)
        throw new Error(`${form}: AVERAGEIFS takes average_range and pairs of criteria_range and criterion`);
      a.forEach((x, i) => {
        if (i % 2 === 0 && i > 0 && !isCriterion(x))
          throw new Error(
            `${form}: this engine's AVERAGEIFS takes only TRUE, FALSE, "<>", ">=0" or a cell as a criterion`,
          );
        if ((i % 2 === 1 || i === 0) && !isReference(x))
          throw new Error(`${form}: this engine's AVERAGEIFS takes references (A1:A9) for its ranges`);
      });
      return this.runFunction(a, state, this.metadata("AVERAGEIFS"), (values: unknown, ...conditions: unknown[]) => {
        for (let i = 1; i < conditions.length; i += 2) {
          const c = conditions[i];
          if (a[i + 1].type === "CELL_REFERENCE" && (typeof c !== "string" || c === "" || /^[<>=]/.test(c)))
            throw new Error(
              `${form}: a criterion cell holds ${JSON.stringify(typeof c === "symbol" ? "(blank)" : c)}; this engine's AVERAGEIFS takes a cell holding a name only`,
            );
        }
        const r = this.computeConditionalAggregationFunction<Partial>(
          values,
          conditions,
          "AVERAGEIFS",
          NONE,
          compose,
          partOf,
        );
        if (r instanceof CellError) return r;
        return r.count > 0 ? r.sum / r.count : new CellError(ErrorType.DIV_BY_ZERO);
      });
    }
  };
}
