/** setNames records the add-in's defined names in the workbook's settings only when the plan sets any. */
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/excel/applyPlan";
import { OWNED_NAMES_KEY } from "../../src/excel/definedNames";
import type { WorkbookPlan } from "../../src/report/plan";
import { RecordingExcel } from "../fakes/fakeExcelWriter";

const plan = (names?: WorkbookPlan["names"]): WorkbookPlan => ({
  sheets: [{ name: "Data", blocks: [{ at: "A1", rows: [["Revenue"], [1200]] }] }],
  names,
});

describe("setNames' ownership record", () => {
  it("writes no kam.ownedNames setting for a plan without names, listed empty or left out", async () => {
    for (const names of [undefined, []]) {
      const excel = new RecordingExcel();
      await applyPlan(excel.context, plan(names), excel.supports);
      expect(excel.ops(/^settings\.add/).map((o) => o.path)).toEqual(["settings.add(kam.ownedSheets)"]);
      expect(excel.settings.has(OWNED_NAMES_KEY)).toBe(false);
    }
  });

  it("leaves the record of an earlier build as it was when the rebuild sets no names", async () => {
    const excel = new RecordingExcel();
    await applyPlan(excel.context, plan([{ name: "Total", refersTo: "Data!$A$2" }]), excel.supports);
    expect(excel.settings.get(OWNED_NAMES_KEY)).toBe('["total"]');
    const before = excel.operations.length;
    await applyPlan(excel.context, plan(), excel.supports);
    expect(excel.operations.slice(before).filter((o) => o.path === "settings.add(kam.ownedNames)")).toEqual([]);
    expect(excel.settings.get(OWNED_NAMES_KEY)).toBe('["total"]');
    expect(excel.names.get("total")).toBe("=Data!$A$2");
  });
});
