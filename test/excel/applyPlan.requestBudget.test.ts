/**
 * applyPlan keeps every request within its budget as Excel measures it (the fake counts each request's UTF-8 bytes and
 * operations), and uses the whole budget: a build whose writes come to exactly the budget goes in one request.
 */
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/excel/applyPlan";
import type { WorkbookPlan } from "../../src/report/plan";
import { RecordingExcel } from "../fakes/fakeExcelWriter";

const all = () => true;

/** 300 accounts with a line of notes and a revenue each, under a header. */
const accounts = (names?: WorkbookPlan["names"]): WorkbookPlan => ({
  sheets: [
    {
      name: "Data",
      blocks: [
        {
          at: "A1",
          rows: [
            ["Account", "Revenue"],
            ...Array.from({ length: 300 }, (_, i) => [`Account ${i + 1}: ${"notes ".repeat(15)}`, 1000 + i]),
          ],
        },
      ],
    },
  ],
  names,
});

describe("applyPlan's requests against the budget", () => {
  it("sends writes that come to exactly the budget in one request, a plan without names as one with none listed", async () => {
    const roomy = new RecordingExcel();
    const free = await applyPlan(roomy.context, accounts([]), all);
    // Reading the workbook, creating the sheet, the cells, and the last step (bringing the sheet to the front).
    expect(free.syncs).toBe(4);
    const excel = new RecordingExcel();
    const exact = await applyPlan(excel.context, accounts(undefined), all, free.largestRequestBytes);
    expect(exact.syncs).toBe(4);
    expect(excel.requestBytes).toEqual(roomy.requestBytes);
    expect(excel.byName("Data")!.formulas.get("B301")).toBe(1299);
  });

  it("sends many long defined names in a request of their own where the cells' request cannot hold them", async () => {
    // 100 names, each the average of 60 revenues (some 700 characters): Excel measures each names.add at its path and
    // formula.
    const names = Array.from({ length: 100 }, (_, i) => ({
      name: `Weighted${i + 1}`,
      refersTo: `(${Array.from({ length: 60 }, (_, j) => `Data!$B$${i + j + 2}`).join("+")})/60`,
    }));
    // As Excel measures them, the cells' request comes to about 35 kB and the names' to 83 kB: together over the
    // 114.5 kB budget, so the names must go in a request of their own (their estimate, 4 operations a name and their
    // JSON, says so).
    const budget = 114_500;
    const excel = new RecordingExcel();
    const result = await applyPlan(excel.context, accounts(names), all, budget);
    expect(Math.max(...excel.requestBytes)).toBeLessThanOrEqual(budget);
    // Reading, creating, the cells, the names (the fourth sync), the last step.
    expect(result.syncs).toBe(5);
    expect(excel.ops(/^workbook\.names\.add/).map((o) => o.sync)).toEqual(new Array(100).fill(4));
    expect(excel.names.get("weighted100")).toBe(`=${names[99].refersTo}`);
  });

  it("keeps the request that empties the add-in's own sheet for a rebuild within the budget", async () => {
    const numbers = (n: number): WorkbookPlan => ({
      sheets: [
        {
          name: "Data",
          blocks: [{ at: "A1", rows: Array.from({ length: n }, (_, i) => [i + 1, 2 * (i + 1), 3 * (i + 1)]) }],
        },
      ],
    });
    const excel = new RecordingExcel();
    await applyPlan(excel.context, numbers(10), all);
    const before = excel.requestBytes.length;
    // The sheet is emptied (its conditional formats, merges, cells, widths, panes, tab colour and gridlines reset) in
    // the request that carries the first of the new cells, which fill whatever room the budget leaves.
    await applyPlan(excel.context, numbers(2000), all, 20_000);
    expect(Math.max(...excel.requestBytes.slice(before))).toBeLessThanOrEqual(20_000);
    expect(excel.byName("Data")!.formulas.get("C2000")).toBe(6000);
  });
});
