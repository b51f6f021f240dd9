/**
 * Pattern blocks: one row of formulas with ROW_TOKEN, repeated `count` times by the renderers. Both renderers must
 * write exactly the rows an expanded block would, and everything that reads a plan must see them.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/excel/applyPlan";
import type { WorkbookPlan } from "../../src/report/plan";
import { planCellAt } from "../../src/report/planCells";
import { validatePlan } from "../../src/report/planValidation";
import { renameSheets } from "../../src/report/sheetRefs";
import { writeWorkbook } from "../../src/xlsx/writeWorkbook";
import { RecordingExcel } from "../fakes/fakeExcelWriter";

const plan = (count = 3): WorkbookPlan => ({
  sheets: [
    {
      name: "Data",
      blocks: [
        {
          at: "A1",
          rows: [
            ["x", "double", "label"],
            [1, null, null],
            [2, null, null],
            [3, null, null],
          ],
        },
      ],
      patterns: [{ at: "B2", count, pattern: [{ f: "A{row}*2" }, "same text"] }],
    },
    { name: "Sum", blocks: [{ at: "A1", rows: [[{ f: "SUM(Data!B2:B4)" }]] }] },
  ],
});

describe("pattern blocks", () => {
  it("read as their expanded rows, with each row's own number", () => {
    const sheet = plan().sheets[0];
    expect(planCellAt(sheet, 2, 2)).toEqual({ f: "A2*2" });
    expect(planCellAt(sheet, 4, 2)).toEqual({ f: "A4*2" });
    expect(planCellAt(sheet, 4, 3)).toBe("same text");
    expect(planCellAt(sheet, 5, 2)).toBeNull();
  });

  it("follow a renamed sheet in their formulas and keep the row placeholder", () => {
    const p: WorkbookPlan = {
      sheets: [{ name: "Out", blocks: [], patterns: [{ at: "A2", count: 2, pattern: [{ f: "Data!C{row}+1" }] }] }],
    };
    expect(renameSheets(p, new Map([["Data", "Data (2)"]])).sheets[0].patterns![0].pattern[0]).toEqual({
      f: "'Data (2)'!C{row}+1",
    });
  });

  it("are checked as Excel would hold them: rows past 1,048,576, and formulas measured at the longest row number", () => {
    expect(validatePlan(plan())).toEqual([]);
    const past = validatePlan(plan(1_048_576));
    expect(past.map((i) => i.path)).toContain("patterns[0]");
    // 8,190 characters as written, 8,192 with the row number 1048576 in place of {row}: one over the limit.
    const long = validatePlan({
      sheets: [
        { name: "L", blocks: [], patterns: [{ at: "A1", count: 1, pattern: [{ f: `"${"x".repeat(8182)}"&{row}` }] }] },
      ],
    });
    expect(long.map((i) => i.message)).toContain("a formula longer than Excel holds.");
  });

  it("come out of the .xlsx renderer as one formula a row", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeWorkbook(plan())) as unknown as ArrayBuffer);
    const data = wb.getWorksheet("Data")!;
    expect([2, 3, 4].map((r) => (data.getCell(`B${r}`).value as { formula: string }).formula)).toEqual([
      "A2*2",
      "A3*2",
      "A4*2",
    ]);
    expect(data.getCell("C3").value).toBe("same text");
    expect(data.getCell("B5").value).toBeNull();
  });

  it("come out of the Office.js renderer as one formula a row", async () => {
    const excel = new RecordingExcel();
    await applyPlan(excel.context, plan(), () => true);
    const data = excel.byName("Data")!;
    expect([2, 3, 4].map((r) => data.formulas.get(`B${r}`))).toEqual(["=A2*2", "=A3*2", "=A4*2"]);
    expect(data.formulas.get("C4")).toBe("same text");
  });
});
