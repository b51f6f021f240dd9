/** Showing an issue's cell and a built sheet in Excel: on the strict fakes, what the analyst then sees (`view`). */
import { describe, expect, it } from "vitest";
import { cellAddress } from "../../src/core";
import { activateSheet, selectCell } from "../../src/excel/selectCell";
import type { FakeSheetData } from "../fakes/fakeExcel";
import { RecordingExcel } from "../fakes/fakeExcelWriter";
import { FakeWorkbook } from "../fakes/fakeWorkbook";

function workbook() {
  const data: FakeSheetData = { name: "Account Data", cells: [["Account"], ["Acme"]] };
  const notes: FakeSheetData = { name: "Notes", cells: [["x"]] };
  return new FakeWorkbook([data, notes], { sheet: "Notes", row: 0, col: 0, rows: 1, cols: 1 });
}

describe("selectCell", () => {
  it("activates the issue's sheet and selects its cell, in two syncs", async () => {
    const excel = workbook();
    await selectCell(excel.context, cellAddress("Account Data", 16, 3));
    expect(excel.view).toEqual({
      activeSheet: "Account Data",
      selection: { sheet: "Account Data", row: 16, col: 3, rows: 1, cols: 1 },
    });
    expect(excel.syncs).toBe(2);
  });

  it("selects the whole range of a whole-table issue", async () => {
    const excel = workbook();
    await selectCell(excel.context, "'Account Data'!B3:K120");
    expect(excel.view.selection).toEqual({ sheet: "Account Data", row: 2, col: 1, rows: 118, cols: 10 });
  });

  it("says so when the sheet is gone, and leaves the selection where it was", async () => {
    const excel = workbook();
    await expect(selectCell(excel.context, "'Old data'!D17")).rejects.toThrow(
      'This workbook has no sheet "Old data" any more (renamed or deleted?): click Use selection to read the table ' +
        "where it is now.",
    );
    expect(excel.view.selection).toEqual({ sheet: "Notes", row: 0, col: 0, rows: 1, cols: 1 });
    await expect(selectCell(excel.context, "D17")).rejects.toThrow('"D17" is not a cell of a sheet in this workbook.');
  });
});

describe("activateSheet", () => {
  it("brings a built sheet to the front", async () => {
    const excel = new RecordingExcel([
      RecordingExcel.sheet("Account Data", 0),
      RecordingExcel.sheet("KPI Dashboard", 1),
    ]);
    await activateSheet(excel.context, "KPI Dashboard");
    expect(excel.view.activeSheet).toBe("KPI Dashboard");
    expect(excel.ops(/^KPI Dashboard\.activate\(\)$/)).toHaveLength(1);
    await expect(activateSheet(excel.context, "Portfolio Matrix")).rejects.toThrow(/no sheet "Portfolio Matrix"/);
  });

  it("says to build again when the built sheet is gone", async () => {
    const excel = new RecordingExcel([RecordingExcel.sheet("Account Data", 0)]);
    await expect(activateSheet(excel.context, "KPI Dashboard")).rejects.toThrow(
      'This workbook has no sheet "KPI Dashboard" any more (renamed or deleted?): build again to make it.',
    );
    expect(excel.view.activeSheet).toBeUndefined();
  });
});
