/**
 * Excel's error codes (Excel.ErrorCodes) for what an analyst can do something about, in words that say what: the
 * raw "InvalidOperationInCellEditMode" helps nobody. Other errors pass through unchanged.
 */
const ADVICE: Readonly<Record<string, string>> = {
  InvalidOperationInCellEditMode: "Excel is busy editing a cell: press Enter or Esc in the sheet, then try again.",
  AccessDenied:
    "Excel refused the change: the workbook or a sheet is protected, or the file is read-only. Unprotect it or " +
    "save a copy, then try again.",
  InvalidSelection:
    "The selection has several areas, or a chart or shape is selected: select the account table as one block of " +
    "cells.",
  ResponsePayloadSizeLimitExceeded:
    "Excel on the web could not send even one row of the table: a row holds more than 5 MB of text. Shorten the " +
    "longest cells, or select fewer columns, then try again.",
  RequestPayloadSizeLimitExceeded:
    "Excel on the web refused a request over 5 MB. This is a fault in the add-in's batching: please report it.",
  UnsupportedSheet: "This is not a worksheet (a chart sheet or dialog sheet): select the table on a worksheet.",
  RequestAborted: "Excel stopped the request (the workbook was closed or busy): try again.",
};

/** The error an analyst should see for `error`, keeping Excel's own as its cause. */
export function explainExcelError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const advice = typeof code === "string" ? ADVICE[code] : undefined;
  return advice ? new Error(advice, { cause: error }) : error;
}

/** `context.sync()`, with Excel's errors explained as above: every sync of the adapter goes through here. */
export async function syncExplained(context: { sync(): Promise<void> }): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    throw explainExcelError(error);
  }
}
