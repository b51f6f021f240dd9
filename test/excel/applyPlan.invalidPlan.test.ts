/** applyPlan checks the plan before it touches the workbook: an invalid one is refused with every problem named. */
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/excel/applyPlan";
import type { WorkbookPlan } from "../../src/report/plan";
import { RecordingExcel } from "../fakes/fakeExcelWriter";

describe("applyPlan with an invalid plan", () => {
  it("names each problem by sheet and place, and writes nothing", async () => {
    const plan: WorkbookPlan = {
      sheets: [{ name: "S", blocks: [{ at: "A1", rows: [[1]] }], columnWidths: { XFE: 10 }, rowHeights: { 0: 15 } }],
    };
    const excel = new RecordingExcel([RecordingExcel.sheet("Account Data", 0)]);
    await expect(applyPlan(excel.context, plan, () => true)).rejects.toThrow(
      'The report plan is invalid: S columnWidths.XFE: "XFE" is not a column from A to XFD.; ' +
        "S rowHeights.0: row 0 is not a sheet row.",
    );
    expect(excel.syncs).toBe(0);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Account Data"]);
  });
});
