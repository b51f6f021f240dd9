/** The record of the add-in's own sheets (kam.ownedSheets) after a build: the sheets it still has, and the new ones. */
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/excel/applyPlan";
import { OWNED_SHEETS_KEY } from "../../src/excel/sheetOwnership";
import type { WorkbookPlan } from "../../src/report/plan";
import { RecordingExcel } from "../fakes/fakeExcelWriter";

describe("applyPlan's record of its own sheets", () => {
  it("drops a recorded sheet the analyst has deleted, keeps the one it redraws, and adds the one it creates", async () => {
    // "own-1" is the add-in's Data sheet; "own-2" was its Summary sheet, deleted by the analyst since.
    const excel = new RecordingExcel([RecordingExcel.sheet("Data", 0, "own-1"), RecordingExcel.sheet("Notes", 1)]);
    excel.settings.set(OWNED_SHEETS_KEY, JSON.stringify(["own-1", "own-2"]));
    const plan: WorkbookPlan = {
      sheets: [
        { name: "Data", blocks: [{ at: "A1", rows: [["Revenue"], [1200]] }] },
        { name: "Matrix", blocks: [{ at: "A1", rows: [["Segment"], ["A"]] }] },
      ],
    };
    const result = await applyPlan(excel.context, plan, excel.supports);
    expect(result.sheets).toEqual(["Data", "Matrix"]);
    const matrix = excel.byName("Matrix")!.id;
    expect(matrix).toBe("kam-1");
    expect(excel.settings.get(OWNED_SHEETS_KEY)).toBe(JSON.stringify(["own-1", "kam-1"]));
    // Written in the sync after the one that creates the sheet, before the cells.
    expect(excel.ops(/^settings\.add\(kam\.ownedSheets\)/).map((o) => o.sync)).toEqual([3]);
  });
});
