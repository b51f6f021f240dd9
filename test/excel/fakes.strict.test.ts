/**
 * The fakes are the only Excel these tests meet, so they refuse what Excel refuses (issue 20, "Must show"): each case
 * here passed silently through the fakes before, while real Excel would have failed.
 */
import { describe, expect, it } from "vitest";
import { FakeExcel, PAYLOAD_LIMIT_BYTES } from "../fakes/fakeExcel";
import { EXCEL_ENUMS, excelNameRefusal, RecordingExcel } from "../fakes/fakeExcelWriter";

const refused = (code: string) => expect.objectContaining({ code });

function sheetWithChart(excel: RecordingExcel, name = "S") {
  const sheet = excel.context.workbook.worksheets.add(name);
  return { sheet, chart: sheet.charts.add("XYScatter", sheet.getRange("B2:B4"), "Columns") };
}

describe("enum values come from @types/office-js", () => {
  it("reads Excel's enums from the type definitions, not from a list typed here", () => {
    expect(EXCEL_ENUMS.get("ConditionalCellValueOperator")).toContain("EqualTo");
    expect(EXCEL_ENUMS.get("ConditionalCellValueOperator")).not.toContain("Equal");
    expect(EXCEL_ENUMS.get("ChartType")).toContain("Bubble");
    expect(EXCEL_ENUMS.get("SheetVisibility")).toEqual(["Visible", "Hidden", "VeryHidden"]);
  });

  it("refuses a value no enum has, with InvalidArgument", async () => {
    const cases: ((excel: RecordingExcel) => void)[] = [
      (excel) => {
        const range = excel.context.workbook.worksheets.add("S").getRange("A1:A3");
        range.conditionalFormats.add("CellValue").cellValue.rule = { formula1: "=1", operator: "Equal" as never };
      },
      (excel) => {
        const sheet = excel.context.workbook.worksheets.add("S");
        sheet.charts.add("Scatter" as never, sheet.getRange("A1:B2"), "Columns");
      },
      (excel) => (excel.context.workbook.worksheets.add("S").visibility = "veryHidden" as never),
      (excel) =>
        (excel.context.workbook.worksheets.add("S").getRange("A1").format.horizontalAlignment = "left" as never),
      (excel) => (sheetWithChart(excel).chart.legend.position = "bottom" as never),
    ];
    for (const make of cases) {
      const excel = new RecordingExcel();
      make(excel);
      await expect(excel.sync()).rejects.toEqual(refused("InvalidArgument"));
    }
    const reader = new FakeExcel([{ name: "S", cells: [] }], { sheet: "S", row: 0, col: 0, rows: 1, cols: 1 });
    reader.context.workbook.worksheets.getItemOrNullObject("S").visibility = "veryhidden";
    await expect(reader.sync()).rejects.toEqual(refused("InvalidArgument"));
  });
});

describe("array shapes equal the range", () => {
  it("refuses formulas, number formats and values of another shape", async () => {
    const excel = new RecordingExcel();
    const sheet = excel.context.workbook.worksheets.add("S");
    sheet.getRangeByIndexes(0, 0, 3, 2).formulas = [
      [1, 2],
      [3, 4],
    ];
    await expect(excel.sync()).rejects.toEqual(refused("InvalidArgument"));
    sheet.getRange("A1:B1").numberFormat = [["0", "0", "0"]];
    await expect(excel.sync()).rejects.toEqual(refused("InvalidArgument"));
    sheet.getRange("A1:B1").numberFormat = [["0", "@"]];
    await excel.sync();

    const reader = new FakeExcel([{ name: "S", cells: [] }], { sheet: "S", row: 0, col: 0, rows: 1, cols: 1 });
    reader.context.workbook.worksheets.getItemOrNullObject("S").getRange("A1:A3").values = [["a"], ["b"]];
    await expect(reader.sync()).rejects.toEqual(refused("InvalidArgument"));
  });
});

describe("table and defined names", () => {
  it("are unique in the workbook, tables and names together (office-js #551)", async () => {
    const excel = new RecordingExcel();
    const one = excel.context.workbook.worksheets.add("One");
    one.tables.add("A1:B3", true).name = "Accounts";
    await excel.sync();
    const two = excel.context.workbook.worksheets.add("Two");
    two.tables.add("A1:B3", true).name = "accounts";
    await expect(excel.sync()).rejects.toEqual(refused("InvalidArgument"));
    excel.context.workbook.names.add("ACCOUNTS", "=One!$A$1");
    await expect(excel.sync()).rejects.toEqual(refused("InvalidArgument"));
  });

  it("may not read as a cell reference, A1 or R1C1", async () => {
    for (const name of ["FY2024", "Q1", "KPI1", "xfd1048576", "R1C1", "R2", "C3", "RC", "r", "has space", "1st"])
      expect([name, excelNameRefusal(name)]).toEqual([name, expect.any(String)]);
    for (const name of ["KPI_1", "FY_2024", "KamAccounts", "XFE1", "A1048577", "_Q1", "Réseau"])
      expect([name, excelNameRefusal(name)]).toEqual([name, undefined]);
    const excel = new RecordingExcel();
    excel.context.workbook.worksheets.add("S").tables.add("A1:B3", true).name = "Q1";
    await expect(excel.sync()).rejects.toEqual(refused("InvalidArgument"));
  });
});

describe("payload limits in UTF-8 bytes, with Excel's own error codes", () => {
  it("a request: 1.8 million € signs are 5.4 MB, though only 1.8 million UTF-16 units", async () => {
    const excel = new RecordingExcel();
    excel.context.workbook.worksheets.add("S").getRangeByIndexes(0, 0, 1, 1).formulas = [["€".repeat(1_800_000)]];
    await expect(excel.sync()).rejects.toEqual(refused("RequestPayloadSizeLimitExceeded"));
    expect(excel.requestBytes[0]).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(excel.sheets).toEqual([]); // nothing of a refused request runs
  });

  it("a response", async () => {
    const cells = Array.from({ length: 30 }, () => ["ü".repeat(90_000)]);
    const reader = new FakeExcel([{ name: "S", cells }], { sheet: "S", row: 0, col: 0, rows: 30, cols: 1 });
    reader.context.workbook.getSelectedRange().load("values");
    await expect(reader.sync()).rejects.toEqual(refused("ResponsePayloadSizeLimitExceeded"));
  });
});

describe("cells as Excel keeps them", () => {
  it("drops a leading apostrophe written into a cell (office-js #6687)", async () => {
    const excel = new RecordingExcel();
    excel.context.workbook.worksheets.add("S").getRangeByIndexes(0, 0, 1, 2).formulas = [["'t Hooft", "'=1+1"]];
    await excel.sync();
    expect([excel.byName("S")!.formulas.get("A1"), excel.byName("S")!.formulas.get("B1")]).toEqual(["t Hooft", "=1+1"]);
    const reader = new FakeExcel([{ name: "S", cells: [] }], { sheet: "S", row: 0, col: 0, rows: 1, cols: 1 });
    reader.context.workbook.worksheets.getItemOrNullObject("S").getRange("A1:B1").values = [["'t Hooft", "'=1"]];
    await reader.sync();
    expect(reader.sheet("S")!.cells[0]).toEqual(["t Hooft", "=1"]);
    expect(reader.formulas.size).toBe(0); // text after the prefix, not a formula
  });

  it("keeps what ran before a refused operation: a batch is not a transaction", async () => {
    const excel = new RecordingExcel();
    const sheet = excel.context.workbook.worksheets.add("Made");
    sheet.getRangeByIndexes(0, 0, 1, 1).formulas = [["before"]];
    sheet.tables.add("A1:B2", true).name = "R1C1";
    sheet.getRangeByIndexes(1, 0, 1, 1).formulas = [["after"]];
    await expect(excel.sync()).rejects.toEqual(refused("InvalidArgument"));
    expect(excel.byName("Made")!.formulas).toEqual(new Map([["A1", "before"]]));

    const reader = new FakeExcel([{ name: "S", cells: [] }], { sheet: "S", row: 0, col: 0, rows: 1, cols: 1 });
    const s = reader.context.workbook.worksheets.getItemOrNullObject("S");
    s.getRange("A1").values = [["kept"]];
    s.visibility = "Nope";
    s.getRange("A2").values = [["dropped"]];
    await expect(reader.sync()).rejects.toEqual(refused("InvalidArgument"));
    expect(reader.sheet("S")!.cells).toEqual([["kept"]]);
  });

  it("has a chart's points only after a sync, and refuses formulas over 8,192 characters", async () => {
    const excel = new RecordingExcel();
    const { chart } = sheetWithChart(excel);
    chart.series.getItemAt(0).points.getItemAt(0).dataLabel.formula = "=S!$A$2";
    await expect(excel.sync()).rejects.toEqual(refused("ItemNotFound"));
    const later = new RecordingExcel();
    const made = sheetWithChart(later).chart;
    await later.sync();
    made.series.getItemAt(0).points.getItemAt(2).dataLabel.formula = "=S!$A$4";
    await later.sync();
    expect(later.ops(/dataLabel\.formula$/)).toHaveLength(1);
    const long = new RecordingExcel();
    long.context.workbook.worksheets.add("S").getRangeByIndexes(0, 0, 1, 1).formulas = [[`="${"x".repeat(8200)}"`]];
    await expect(long.sync()).rejects.toEqual(refused("InvalidArgument"));
  });
});
