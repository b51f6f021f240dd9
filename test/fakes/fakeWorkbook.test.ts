/**
 * The workbook the browser test puts behind the taskpane (two fakes joined), checked in Node with the adapters
 * themselves: a table read, a report drawn, settings saved and read back after the workbook is saved and restored
 * (a reload of the pane), a cell selected and a sheet activated, an Excel error on the next sync, Excel.run's last sync.
 */
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/excel/applyPlan";
import { readHistory } from "../../src/excel/readHistory";
import { readSelection } from "../../src/excel/readSelection";
import { loadSettings, saveSettings, SETTINGS_KEY, SETTINGS_SHEET } from "../../src/excel/workbookSettings";
import { prepareReport } from "../../src/report/kam/prepareReport";
import { DATA_SHEET, sampleWorkbook } from "../support/sampleWorkbook";
import { RecordingExcel } from "./fakeExcelWriter";
import { FakeWorkbook } from "./fakeWorkbook";

function sample(): FakeWorkbook {
  const { data } = sampleWorkbook();
  const cells = data[0].cells;
  return new FakeWorkbook(data, { sheet: DATA_SHEET, row: 0, col: 0, rows: cells.length, cols: cells[0].length });
}

describe("FakeWorkbook: one workbook for reading, writing and settings", () => {
  it("reads the selection, draws the report beside the data and keeps the settings across save and restore", async () => {
    const workbook = sample();
    const read = await workbook.run((context) => readSelection(context, workbook.supports));
    expect(read.input.values).toEqual(sampleWorkbook().data[0].cells);
    const prepared = prepareReport(read.input, { source: { sheet: DATA_SHEET, address: "A1:R252" } });
    const result = await workbook.run((context) => applyPlan(context, prepared.report!.plan, workbook.supports));
    await workbook.run((context) => saveSettings(context, prepared.settings));
    const expected = [DATA_SHEET, ...result.sheets, SETTINGS_SHEET];
    expect(workbook.sheetNames().sort()).toEqual(expected.sort());

    const reopened = FakeWorkbook.restore(JSON.parse(JSON.stringify(workbook.save())));
    expect(reopened.sheetNames()).toEqual(workbook.sheetNames());
    const loaded = await reopened.run((context) => loadSettings(context));
    expect(loaded.problems).toEqual([]);
    expect(loaded.settings).toEqual(prepared.settings);
    expect(reopened.writer.settings.get(SETTINGS_KEY)).toBe(workbook.writer.settings.get(SETTINGS_KEY));
    // A rebuild replaces the add-in's sheets in place: no sheet is added, none renamed. It reads KAM History first,
    // as the taskpane does, and appends to it.
    const again = await reopened.run(async (context) => {
      const history = await readHistory(context, 4e6);
      const plan = prepareReport(read.input, { source: { sheet: DATA_SHEET, address: "A1:R252" }, history }).report!
        .plan;
      return applyPlan(context, plan, reopened.supports);
    });
    expect(again.renamed).toEqual([]);
    expect(reopened.writer.ops(/^worksheets\.add/)).toEqual([]);
    expect(reopened.sheetNames()).toEqual(workbook.sheetNames());
  });

  it("selects a cell of the data and activates a sheet the add-in wrote, at the sync", async () => {
    const workbook = sample();
    workbook.writer.sheets.push(RecordingExcel.sheet("Accounts", 1, "kam-1"));
    await workbook.run(async (context) => {
      const data = context.workbook.worksheets.getItemOrNullObject(DATA_SHEET);
      data.load("name");
      await context.sync();
      data.activate();
      data.getRange("G10").select();
      expect(workbook.view.selection).toMatchObject({ row: 0, col: 0 }); // not before the sync
    });
    expect(workbook.view.selection).toEqual({ sheet: DATA_SHEET, row: 9, col: 6, rows: 1, cols: 1 });
    expect(workbook.view.activeSheet).toBe(DATA_SHEET);
    await workbook.run(async (context) => {
      const accounts = context.workbook.worksheets.getItemOrNullObject("accounts");
      accounts.load("name");
      await context.sync();
      expect(accounts.isNullObject).toBe(false);
      expect(accounts.name).toBe("Accounts");
      accounts.activate();
    });
    expect(workbook.view.activeSheet).toBe("Accounts");
    const missing = await workbook.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("Gone");
      sheet.load("name");
      await context.sync();
      return sheet.isNullObject;
    });
    expect(missing).toBe(true);
  });

  it("fails the next sync with the code it is given, running nothing of that batch, and then works again", async () => {
    const workbook = sample();
    workbook.failNextSync = { code: "InvalidOperationInCellEditMode" };
    const failed = workbook.run(async (context) => {
      context.workbook.settings.add("k", "v");
      context.workbook.getSelectedRange().load("address");
      await context.sync();
    });
    await expect(failed).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(workbook.writer.settings.has("k")).toBe(false);
    await workbook.run(async (context) => context.workbook.settings.add("k", "v"));
    expect(workbook.writer.settings.get("k")).toBe("v"); // Excel.run's last sync carried it
  });

  it("reads whole columns and $-addresses as Excel's getRange takes them", async () => {
    const workbook = sample();
    const shape = await workbook.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(DATA_SHEET);
      const columns = sheet.getRange("A:C");
      const cells = sheet.getRange("$B$2:$C$4");
      columns.load("rowCount,columnCount");
      cells.load("values");
      await context.sync();
      return { rows: columns.rowCount, cols: columns.columnCount, values: cells.values };
    });
    const data = sampleWorkbook().data[0].cells;
    expect(shape).toEqual({
      rows: 1048576,
      cols: 3,
      values: [1, 2, 3].map((r) => [data[r][1], data[r][2]]),
    });
  });
});
