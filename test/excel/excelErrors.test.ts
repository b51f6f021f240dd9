/**
 * Excel's errors in the analyst's words (src/excel/excelErrors.ts): every code the adapter explains, the whole
 * sentence each one gets (what happened and what to do), Excel's own error kept as the cause, and any other error
 * passed through as it was.
 */
import { describe, expect, it } from "vitest";
import { explainExcelError, syncExplained } from "../../src/excel/excelErrors";

/** Excel.ErrorCodes values (Microsoft's Excel JavaScript API reference) and the sentence each must read. */
const SENTENCES: readonly [string, string][] = [
  ["InvalidOperationInCellEditMode", "Excel is busy editing a cell: press Enter or Esc in the sheet, then try again."],
  [
    "AccessDenied",
    "Excel refused the change: the workbook or a sheet is protected, or the file is read-only. Unprotect it or save " +
      "a copy, then try again.",
  ],
  [
    "InvalidSelection",
    "The selection has several areas, or a chart or shape is selected: select the account table as one block of " +
      "cells.",
  ],
  [
    "ResponsePayloadSizeLimitExceeded",
    "Excel on the web could not send even one row of the table: a row holds more than 5 MB of text. Shorten the " +
      "longest cells, or select fewer columns, then try again.",
  ],
  [
    "RequestPayloadSizeLimitExceeded",
    "Excel on the web refused a request over 5 MB. This is a fault in the add-in's batching: please report it.",
  ],
  ["UnsupportedSheet", "This is not a worksheet (a chart sheet or dialog sheet): select the table on a worksheet."],
  ["RequestAborted", "Excel stopped the request (the workbook was closed or busy): try again."],
];

describe("explainExcelError", () => {
  it("gives each code the analyst can act on its whole sentence, with Excel's error as the cause", () => {
    for (const [code, sentence] of SENTENCES) {
      const excel = { code, message: `raw ${code}` };
      const explained = explainExcelError(excel) as Error;
      expect(explained, code).toBeInstanceOf(Error);
      expect(explained.message, code).toBe(sentence);
      expect(explained.cause, code).toBe(excel);
    }
  });

  it("passes any other error through as it was: another code, no code, a non-string code, null", () => {
    for (const error of [{ code: "GeneralException" }, new Error("x"), { code: 5 }, null, "text"]) {
      expect(explainExcelError(error)).toBe(error);
    }
  });
});

describe("syncExplained", () => {
  it("syncs once, and throws Excel's refusal in the analyst's words", async () => {
    let syncs = 0;
    await syncExplained({ sync: async () => void syncs++ });
    expect(syncs).toBe(1);
    const refusal = { code: "AccessDenied" };
    await expect(
      syncExplained({
        sync: async () => {
          throw refusal;
        },
      }),
    ).rejects.toEqual(new Error(SENTENCES[1][1]));
  });
});
