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
