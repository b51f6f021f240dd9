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
