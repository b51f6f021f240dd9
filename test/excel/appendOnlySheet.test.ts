/**
 * An append-only sheet of the add-in's (KAM History is the one the report makes; here a small hand-made "Log"): a
 * rebuild that read its table's rows appends the new ones, with the plan's number formats on the new rows only; a
 * table that no longer stands where the plan puts it stops the build with a sentence, before anything is written.
 */
import { describe, expect, it } from "vitest";
import { appendTableRows } from "../../src/excel/appendOnlySheet";
import { applyPlan } from "../../src/excel/applyPlan";
import type { RangeStyle, WorkbookPlan } from "../../src/report/plan";
import { RecordingExcel } from "../fakes/fakeExcelWriter";

const all = () => true;

const first: WorkbookPlan = {
  sheets: [
    {
      name: "Log",
      blocks: [
        {
          at: "A1",
          rows: [
            ["Day", "Amount"],
            ["Mon", 1],
          ],
        },
      ],
      tables: [{ name: "LogTable", range: "A1:B2" }],
      styles: [{ range: "B2:B2", numberFormat: "0.00" }],
    },
  ],
};

/** The log with Tue and Wed added under the one row the host read (Mon). */
const appended = (styles: RangeStyle[]): WorkbookPlan => ({
  sheets: [
    {
      name: "Log",
      appendOnly: { keptRows: { LogTable: 1 } },
      blocks: [
        {
          at: "A1",
          rows: [
            ["Day", "Amount"],
            ["Mon", 1],
            ["Tue", 2],
            ["Wed", 3],
          ],
        },
      ],
      tables: [{ name: "LogTable", range: "A1:B4" }],
      styles,
    },
  ],
});

async function loggedOnce(): Promise<RecordingExcel> {
  const excel = new RecordingExcel();
  await applyPlan(excel.context, first, all);
  return excel;
}

describe("appending to an append-only sheet", () => {
  it("puts the plan's number formats on the new rows of the table only, keeping the earlier rows' formats", async () => {
    const excel = await loggedOnce();
    const log = excel.byName("Log")!;
    log.formats.set("B2", "0.000"); // the analyst's format on the earlier row
    await applyPlan(
      excel.context,
      appended([
        { range: "B2:B9", numberFormat: "0.00" }, // reaches above and below the new rows
        { range: "A2:A4", font: { bold: true } }, // no number format
        { range: "D2:D4", numberFormat: "0%" }, // beside the table
      ]),
      all,
    );
    expect(log.tables[0].box).toEqual({ row: 0, col: 0, rows: 4, cols: 2 });
    expect(["A3", "B3", "A4", "B4"].map((a) => log.formulas.get(a))).toEqual(["Tue", 2, "Wed", 3]);
    expect(["B2", "B3", "B4", "B5", "B9"].map((a) => log.formats.get(a))).toEqual([
      "0.000",
      "0.00",
      "0.00",
      undefined,
      undefined,
    ]);
    // Text stays text; nothing lands beside the table.
    expect(["A3", "A4", "D3", "D4"].map((a) => log.formats.get(a))).toEqual(["@", "@", undefined, undefined]);
  });

  it("keeps a style over the header and earlier rows off them, and gives a style of one new row to that row", async () => {
    const excel = await loggedOnce();
    const log = excel.byName("Log")!;
    log.formats.set("B2", "0.000"); // the analyst's format on the earlier row; the header is text ("@")
    await applyPlan(
      excel.context,
      appended([
        { range: "B1:B2", numberFormat: "0.0" }, // the header and Mon only: none of it is new
        { range: "B3:B9", numberFormat: "0.00" },
        { range: "B4:B4", numberFormat: "#,##0.0" }, // Wed's row alone
      ]),
      all,
    );
    expect(["B1", "B2", "B3", "B4"].map((a) => log.formats.get(a))).toEqual(["@", "0.000", "0.00", "#,##0.0"]);
  });

  it("adds rows in requests of at most half the budget: 10 new rows at 5 a request where 5 fit", async () => {
    const excel = await loggedOnce();
    const days = Array.from({ length: 10 }, (_, i) => [`Day ${i + 2}`, i + 2]);
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "Log",
          appendOnly: { keptRows: { LogTable: 1 } },
          blocks: [{ at: "A1", rows: [["Day", "Amount"], ["Mon", 1], ...days] }],
          tables: [{ name: "LogTable", range: "A1:B12" }],
        },
      ],
    };
    // A row of blanks for 2 columns counts 3 × 2 + 4 = 10 bytes; half of a 100-byte budget holds 5 of them.
    await applyPlan(excel.context, plan, all, 100);
    expect(excel.ops(/^Log\.tables\.getItem\(LogTable\)\.rows\.add/).map((o) => o.path)).toEqual([
      "Log.tables.getItem(LogTable).rows.add(null,5 rows)",
      "Log.tables.getItem(LogTable).rows.add(null,5 rows)",
    ]);
    const log = excel.byName("Log")!;
    expect(log.tables[0].box!.rows).toBe(12);
    expect([log.formulas.get("A3"), log.formulas.get("B12")]).toEqual(["Day 2", 11]);
  });

  it("keeps every request of a long append within the budget, as Excel measures it", async () => {
    const excel = await loggedOnce();
    const days = Array.from({ length: 2000 }, (_, i) => [`Day ${i + 2}`, i + 2]);
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "Log",
          appendOnly: { keptRows: { LogTable: 1 } },
          blocks: [{ at: "A1", rows: [["Day", "Amount"], ["Mon", 1], ...days] }],
          tables: [{ name: "LogTable", range: "A1:B2002" }],
        },
      ],
    };
    const before = excel.requestBytes.length;
    await applyPlan(excel.context, plan, all, 20_000);
    expect(Math.max(...excel.requestBytes.slice(before))).toBeLessThanOrEqual(20_000);
    const log = excel.byName("Log")!;
    expect([log.tables[0].box!.rows, log.formulas.get("A2002"), log.formulas.get("B2002")]).toEqual([
      2002,
      "Day 2001",
      2001,
    ]);
  });

  it("adds nothing and writes nothing where the plan has no new rows", async () => {
    const excel = await loggedOnce();
    const before = excel.operations.length;
    const same: WorkbookPlan = { sheets: [{ ...first.sheets[0], appendOnly: { keptRows: { LogTable: 1 } } }] };
    await applyPlan(excel.context, same, all);
    // Only the build's last step, bringing the first sheet to the front, reaches it.
    expect(excel.operations.slice(before).filter((o) => o.path.startsWith("Log."))).toEqual([
      { path: "Log.activate()", value: undefined, sync: expect.any(Number) },
    ]);
    expect(excel.byName("Log")!.tables[0].box!.rows).toBe(2);
  });

  it("says how many rows appendTableRows added", async () => {
    const excel = await loggedOnce();
    const sheet = excel.context.workbook.worksheets.getItem("Log");
    const batch = { budget: 4e6, reserve: async () => undefined, room: () => 4e6 };
    const added = await appendTableRows(sheet, appended([]).sheets[0], batch);
    await excel.sync();
    expect(added).toBe(2); // Tue and Wed
    expect(excel.byName("Log")!.tables[0].box!.rows).toBe(4);
  });

  it("refuses a table moved down from where the plan puts it, before writing anything", async () => {
    const excel = await loggedOnce();
    const log = excel.byName("Log")!;
    log.tables[0].box!.row = 1;
    const before = new Map(log.formulas);
    await expect(applyPlan(excel.context, appended([]), all)).rejects.toThrow(
      "Log was not changed: its table LogTable holds 1 rows from row 2, but this build read 1 from row 1. " +
        "Rename the Log sheet to keep it and start a new history.",
    );
    expect(log.formulas).toEqual(before);
  });

  it("refuses a table moved right from where the plan puts it", async () => {
    const excel = await loggedOnce();
    excel.byName("Log")!.tables[0].box!.col = 1;
    await expect(applyPlan(excel.context, appended([]), all)).rejects.toThrow(
      "Log was not changed: its table LogTable holds 1 rows from row 1, but this build read 1 from row 1. " +
        "Rename the Log sheet to keep it and start a new history.",
    );
  });
});
