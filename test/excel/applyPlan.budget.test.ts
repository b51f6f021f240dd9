/** applyPlan's request budget: a sync goes when the next write would not fit, never with nothing to carry. */
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/excel/applyPlan";
import { RecordingExcel } from "../fakes/fakeExcelWriter";
import { sampleAccounts, samplePlan } from "../fixtures/samplePlan";

describe("applyPlan under a budget smaller than one write", () => {
  it("sends no empty request: after the read, every sync carries operations, chart labels included", async () => {
    const excel = new RecordingExcel();
    // 500 bytes: less than one chart point label (two operations of 300 bytes and its formula).
    const result = await applyPlan(excel.context, samplePlan(sampleAccounts(10)), () => true, 500);
    expect(excel.requestBytes[0]).toBe(0); // reading the workbook: loads only
    expect(excel.requestBytes.slice(1).filter((bytes) => bytes === 0)).toEqual([]);
    expect(result.syncs).toBe(excel.syncs);
  });
});
