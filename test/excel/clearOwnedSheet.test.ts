/**
 * A rebuild empties the add-in's own sheet before drawing it again (clearOwnedSheet): what the new plan does not set
 * must not linger from the old one. On the recording fake, which keeps a sheet's tab colour, gridlines and column
 * widths as Excel holds them.
 */
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/excel/applyPlan";
import type { SheetPlan, WorkbookPlan } from "../../src/report/plan";
import { RecordingExcel } from "../fakes/fakeExcelWriter";

const all = () => true;
const plan = (summary: Omit<SheetPlan, "name" | "blocks">): WorkbookPlan => ({
  sheets: [{ name: "Summary", blocks: [{ at: "A1", rows: [["Segment", "Revenue"]] }], ...summary }],
});

describe("a rebuild of the add-in's own sheet", () => {
  it("puts back the automatic tab colour, the gridlines and the standard widths the old plan changed", async () => {
    const excel = new RecordingExcel([RecordingExcel.sheet("Account Data", 0)]);
    await applyPlan(
      excel.context,
      plan({ tabColor: "1F3864", showGridlines: false, columnWidths: { A: 16, C: 10 } }),
      all,
    );
    const summary = excel.byName("Summary")!;
    // 16 characters: (16 × 7 + 5) px × 0.75 = 87.75 pt; 10 characters: 75 px = 56.25 pt.
    expect([summary.tabColor, summary.showGridlines, summary.columnWidths]).toEqual([
      "#1F3864",
      false,
      { A: 87.75, C: 56.25 },
    ]);

    await applyPlan(excel.context, plan({}), all);
    expect(excel.byName("Summary")).toBe(summary); // the same sheet, redrawn in place
    expect([summary.tabColor, summary.showGridlines, summary.columnWidths]).toEqual(["", true, {}]);
    expect(summary.formulas.get("A1")).toBe("Segment");
  });

  it("keeps only the new plan's column widths", async () => {
    const excel = new RecordingExcel();
    await applyPlan(excel.context, plan({ columnWidths: { A: 16 } }), all);
    await applyPlan(excel.context, plan({ columnWidths: { B: 20 } }), all);
    // 20 characters: 145 px = 108.75 pt; column A is back to the standard width.
    expect(excel.byName("Summary")!.columnWidths).toEqual({ B: 108.75 });
  });
});
