import type { KamError } from "../core";

/**
 * The one place where core errors become Excel errors.
 *
 * Excel shows a custom message only with #VALUE! and #N/A (CustomFunctions.ErrorCode docs); the other codes are
 * created without one, as documented. The core already picks `value` for every problem whose explanation matters
 * (a bad argument of the whole call), so the analyst sees the message where it helps.
 */
const CODES = {
  value: "invalidValue",
  na: "notAvailable",
  num: "invalidNumber",
  div0: "divisionByZero",
} as const satisfies Record<KamError["code"], keyof typeof CustomFunctions.ErrorCode>;

export function toExcelError(error: KamError): CustomFunctions.Error {
  const code = CustomFunctions.ErrorCode[CODES[error.code]];
  return error.code === "value" || error.code === "na"
    ? new CustomFunctions.Error(code, error.message)
    : new CustomFunctions.Error(code);
}

/**
 * The error of a whole call. A `num` problem there is an argument outside its limits (a call made of single cells,
 * or a single-cell argument of a call over ranges): it becomes #VALUE! so that Excel shows the reason, as the README
 * promises; #NUM! (which carries no message) stays for one row of a range.
 */
export function callError(error: KamError): CustomFunctions.Error {
  return error.code === "num" ? toExcelError({ ...error, code: "value" }) : toExcelError(error);
}

/** A result too large (or otherwise not a finite number) to show: #NUM!, as Excel's own functions give. */
export function notFinite(): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
}

/**
 * An error value in an input cell. With `allowErrorForDataTypeAny` in functions.json (added after generation by
 * scripts/functions-metadata-flags.js) Excel hands such cells to `any` parameters instead of not calling the function.
 * The docs do not say in which form (unsettled): a CustomFunctions.Error is expected, and any object with an Excel
 * error code ("#N/A") is taken as one too.
 */
export function isErrorCell(cell: unknown): cell is { code: string; message?: string } {
  if (typeof cell !== "object" || cell === null) return false;
  if (cell instanceof CustomFunctions.Error) return true;
  const code = (cell as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#");
}

/** ErrorCode values a custom function can return (customfunctions.errorcode.yml); literal, read at load time. */
const RETURNABLE: ReadonlySet<string> = new Set(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!"]);

/**
 * An input error passed on to the result: the same error (with its message) where Excel can show it; #REF! and
 * #NAME? cannot be returned from a custom function, so they become #VALUE! saying which cell holds them.
 */
export function passInputError(cell: { code: string; message?: string }, where: string): CustomFunctions.Error {
  if (RETURNABLE.has(cell.code)) {
    return cell instanceof CustomFunctions.Error
      ? cell
      : new CustomFunctions.Error(
          cell.code as CustomFunctions.ErrorCode,
          withMessage(cell.code) ? cell.message : undefined,
        );
  }
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `${where} is the error ${cell.code}.`);
}

function withMessage(code: string): boolean {
  return code === "#VALUE!" || code === "#N/A";
}

/** A cell of a custom function's result: a number, an empty cell (""), or an error in place. */
export type ResultCell = number | string | CustomFunctions.Error;

/**
 * A whole-call result for Excel: the value, or its error thrown. Throwing is the documented route for an error of the
 * whole call (custom-functions-errors.md, "Detect and throw an error"); errors go inside a returned array only per cell.
 */
export function valueOrThrow<T>(result: T | CustomFunctions.Error): T {
  if (result instanceof CustomFunctions.Error) throw result;
  return result;
}
