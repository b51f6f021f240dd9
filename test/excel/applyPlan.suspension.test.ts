/**
 * applyPlan counts the two operations that suspend calculation and screen updating in every request that writes: the
 * request that carries the cells, and each later one a full budget starts (a suspension lasts until the next sync).
 */
import { describe, expect, it } from "vitest";
import { applyPlan, REQUEST_BUDGET_BYTES } from "../../src/excel/applyPlan";
import { writeCells } from "../../src/excel/blockWrites";
import { applySheetFeatures, jsonBytes, OPERATION_BYTES } from "../../src/excel/sheetFeatures";
import type { SheetPlan, WorkbookPlan } from "../../src/report/plan";
import { RecordingExcel } from "../fakes/fakeExcelWriter";

const data = (): SheetPlan => ({
  name: "Data",
  blocks: [
    {
      at: "A1",
      rows: [
        ["Account", "Revenue"],
        ["Acme", 1200],
      ],
    },
  ],
});

const names = (): NonNullable<WorkbookPlan["names"]> => [
  { name: "Total", refersTo: "Data!$B$2" },
  { name: "Biggest", refersTo: "MAX(Data!$B$2:$B$2)" },
];

/** What writeCells and applySheetFeatures reserve for the sheet on their own, with the whole budget free. */
async function sheetBytes(plan: SheetPlan): Promise<number> {
  const excel = new RecordingExcel([RecordingExcel.sheet(plan.name, 0)]);
  const sheet = excel.context.workbook.worksheets.getItem(plan.name);
  let reserved = 0;
  const reserve = async (bytes: number) => {
    reserved += bytes;
  };
  await writeCells(sheet, plan, { budget: REQUEST_BUDGET_BYTES, reserve, room: () => REQUEST_BUDGET_BYTES - reserved });
  await applySheetFeatures(sheet, plan, reserve);
  return reserved;
}

const suspensions = (excel: RecordingExcel) =>
  excel.ops(/^context\.application\.suspend/).map((o) => `${o.path.slice(20)}@${o.sync}`);

describe("applyPlan's estimate of the suspensions", () => {
  it("estimates the request with the cells and names as theirs plus two operations for the suspensions", async () => {
    const cells = await sheetBytes(data());
    const namesBytes = 4 * OPERATION_BYTES * names().length + jsonBytes(names());
    const excel = new RecordingExcel();
    const result = await applyPlan(excel.context, { sheets: [data()], names: names() }, excel.supports);
    // Reading, creating the sheet, cells and names, bringing the sheet to the front.
    expect(result.syncs).toBe(4);
    expect(result.largestRequestBytes).toBe(2 * OPERATION_BYTES + cells + namesBytes);
    expect(suspensions(excel)).toEqual([
      "suspendApiCalculationUntilNextSync()@3",
      "suspendScreenUpdatingUntilNextSync()@3",
    ]);
  });

  it("suspends again in the request a full budget starts, and counts those two operations there too", async () => {
    const cells = await sheetBytes(data());
    const namesBytes = 4 * OPERATION_BYTES * names().length + jsonBytes(names());
    // Room for the suspensions and the cells, not for the names as well.
    const budget = 2 * OPERATION_BYTES + cells;
    const excel = new RecordingExcel();
    const result = await applyPlan(excel.context, { sheets: [data()], names: names() }, excel.supports, budget);
    expect(result.syncs).toBe(5);
    expect(excel.ops(/^workbook\.names\.add/).map((o) => o.sync)).toEqual([4, 4]);
    expect(suspensions(excel)).toEqual([
      "suspendApiCalculationUntilNextSync()@3",
      "suspendScreenUpdatingUntilNextSync()@3",
      "suspendApiCalculationUntilNextSync()@4",
      "suspendScreenUpdatingUntilNextSync()@4",
    ]);
    expect(result.largestRequestBytes).toBe(2 * OPERATION_BYTES + Math.max(cells, namesBytes));
  });
});
