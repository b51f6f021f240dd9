/**
 * Excel's error codes (Excel.ErrorCodes) for what an analyst can do something about, in words that say what: the
 * raw "InvalidOperationInCellEditMode" helps nobody. Other errors pass through unchanged.
 */
const ADVICE: Readonly<Record<string, string>> = {
  InvalidOperationInCellEditMode: "Excel is busy editing a cell: press Enter or Esc in the sheet, then try again.",
  AccessDenied:
    "Excel refused the change: the workbook or a sheet is protected, or the file is read-only. Unprotect it or " +
    "save a copy, then try again.",
  InvalidSelection: "The selection has several areas: select the account table as one block of cells.",
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
