/**
 * A faithful stand-in for the `CustomFunctions` global that Excel's runtime provides: the documented ErrorCode values
 * (custom-functions-runtime reference, customfunctions.errorcode.yml) and an Error class holding code and message.
 * Importing this module installs it, so wrapper tests run in Node exactly as the wrappers run in Excel.
 */
const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

class FakeCustomFunctionsError {
  constructor(
    public code: string,
    public message?: string,
  ) {
    // As documented, only #VALUE! and #N/A carry a custom message; Excel drops it for other codes.
    if (message !== undefined && code !== ErrorCode.invalidValue && code !== ErrorCode.notAvailable) {
      throw new Error(`a message was given with ${code}, which cannot show one`);
    }
  }
}

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  ErrorCode,
  Error: FakeCustomFunctionsError,
};

export function isCellError(x: unknown): x is { code: string; message?: string } {
  return x instanceof FakeCustomFunctionsError;
}

/** The Excel-visible form of a result cell: a number, or its error code. */
export function shown(x: unknown): number | string {
  return isCellError(x) ? x.code : (x as number | string);
}

/** The codes Excel accepts as a custom function's output: #NAME? and #REF! only arrive as inputs (ErrorCode docs). */
const RETURNABLE = new Set<string>([
  ErrorCode.invalidValue,
  ErrorCode.notAvailable,
  ErrorCode.divisionByZero,
  ErrorCode.invalidNumber,
  ErrorCode.nullReference,
]);

/** An error value in a cell, as Excel hands it to a function whose functions.json allows errors for `any`. */
export function cellError(code: string): { code: string; message?: string } {
  return new FakeCustomFunctionsError(code);
}

interface ParamMeta {
  name: string;
  type?: string;
  dimensionality?: string;
}
interface FunctionMeta {
  id: string;
  parameters: ParamMeta[];
  result?: { type?: string; dimensionality?: string };
}
export interface FunctionsJson {
  allowErrorForDataTypeAny?: boolean;
  functions: FunctionMeta[];
}

/**
 * Excel calling the add-in's functions as functions.json declares them, strict where Excel's documentation is:
 * - without `allowErrorForDataTypeAny`, an error value in any `any` argument means the function is not called and the
 *   call's result is that error (thrown here, as a whole-call error);
 * - a whole-call error is thrown (custom-functions-errors.md); a CustomFunctions.Error *returned* for a function whose
 *   result is declared a matrix (or a scalar number) is a test failure, not an Excel value;
 * - a matrix result is a non-empty rectangular 2-D array of finite numbers, strings, booleans and returnable errors:
 *   `null` shows as 0 (office-js#1503) and NaN/Infinity are not cell values, so both fail;
 * - #NAME? and #REF! cannot be returned or thrown.
 * `call` returns what the cell shows, or throws the whole-call CustomFunctions.Error the cell shows.
 */
export interface ExcelFunctions {
  readonly metadata: FunctionsJson;
  call(id: string, ...args: unknown[]): unknown;
}

export function excelFunctions(
  metadata: FunctionsJson,
  implementations: Readonly<Record<string, (...args: never[]) => unknown>>,
): ExcelFunctions {
  const byId = new Map(metadata.functions.map((f) => [f.id, f]));
  return {
    metadata,
    call(id, ...args) {
      const meta = byId.get(id);
      const fn = implementations[id];
      if (!meta || !fn) throw new Error(`no custom function ${id}`);
      if (!metadata.allowErrorForDataTypeAny) {
        for (let i = 0; i < args.length; i++) {
          if (meta.parameters[i]?.type !== "any") continue;
          const error = firstErrorIn(args[i]);
          if (error) throw error;
        }
      }
      let result: unknown;
      try {
        result = (fn as (...a: unknown[]) => unknown)(...args);
      } catch (e) {
        if (isCellError(e) && !RETURNABLE.has(e.code))
          throw new Error(`${id} threw ${e.code}, which Excel cannot show`);
        throw e;
      }
      const matrix = meta.result?.dimensionality === "matrix";
      if (isCellError(result)) {
        throw new Error(`${id} returned ${result.code} for the whole call: a whole-call error must be thrown`);
      }
      if (matrix) checkMatrix(id, result);
      else if (meta.result?.type === "number" && !(typeof result === "number" && Number.isFinite(result))) {
        throw new Error(`${id} returned ${String(result)} where its metadata promises a number`);
      }
      return result;
    },
  };
}

function firstErrorIn(arg: unknown): { code: string; message?: string } | undefined {
  if (isCellError(arg)) return arg;
  if (!Array.isArray(arg)) return undefined;
  for (const row of arg) {
    if (!Array.isArray(row)) continue;
    for (const cell of row) if (isCellError(cell)) return cell;
  }
  return undefined;
}

function checkMatrix(id: string, result: unknown): void {
  if (!Array.isArray(result) || result.length === 0) throw new Error(`${id} returned a non-matrix: ${String(result)}`);
  const width = Array.isArray(result[0]) ? result[0].length : -1;
  for (const row of result) {
    if (!Array.isArray(row) || row.length === 0 || row.length !== width) throw new Error(`${id}: a ragged matrix`);
    for (const cell of row) {
      if (typeof cell === "number" && !Number.isFinite(cell)) throw new Error(`${id} returned ${cell} in a cell`);
      if (isCellError(cell) && !RETURNABLE.has(cell.code)) throw new Error(`${id} returned ${cell.code} in a cell`);
      if (!["number", "string", "boolean"].includes(typeof cell) && !isCellError(cell)) {
        throw new Error(`${id} returned ${String(cell)} in a cell (null shows as 0)`);
      }
    }
  }
}

/** The whole-call error a call throws, as the cell shows it; fails if the call returns. */
export function thrown(call: () => unknown): { code: string; message?: string } {
  try {
    call();
  } catch (e) {
    if (isCellError(e)) return e;
    throw e;
  }
  throw new Error("the call did not throw");
}
