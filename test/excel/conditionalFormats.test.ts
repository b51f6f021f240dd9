/** Cell-value conditional formats as Excel receives them: formulas with "=", Excel's operator names. */
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/excel/applyPlan";
import type { WorkbookPlan } from "../../src/report/plan";
import { RecordingExcel } from "../fakes/fakeExcelWriter";

describe("a cell-value rule", () => {
  it("sends both bounds of a between rule, and no second bound for a one-bound rule", async () => {
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "Scores",
          blocks: [{ at: "A1", rows: [["Score"], [1], [4], [9]] }],
          conditionalFormats: [
            { type: "cellValue", range: "A2:A4", operator: "between", formula1: "2", formula2: "5", fill: "C6EFCE" },
            { type: "cellValue", range: "A2:A4", operator: "greaterThan", formula1: "8", fontColor: "9C0006" },
          ],
        },
      ],
    };
    const excel = new RecordingExcel();
    await applyPlan(excel.context, plan, () => true);
    expect(excel.ops(/\.cellValue\.rule$/).map((o) => o.value)).toEqual([
      { formula1: "=2", formula2: "=5", operator: "Between" },
      { formula1: "=8", formula2: undefined, operator: "GreaterThan" },
    ]);
  });
});
