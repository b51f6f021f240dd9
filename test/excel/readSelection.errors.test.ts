/** readSelection when Excel refuses a chunk's sync for a reason other than its size: the analyst gets the reason. */
import { describe, expect, it } from "vitest";
import { readSelection } from "../../src/excel/readSelection";
import { FakeExcel } from "../fakes/fakeExcel";

describe("readSelection and Excel's other errors", () => {
  it("stops at an error that is not a response too large, instead of reading again in halves", async () => {
    const cells = [["Account", "Revenue"], ...Array.from({ length: 20 }, (_, i) => [`Account ${i + 1}`, i])];
    const excel = new FakeExcel([{ name: "Account Data", cells }], {
      sheet: "Account Data",
      row: 0,
      col: 0,
      rows: 21,
      cols: 2,
    });
    const sync = excel.sync.bind(excel);
    let syncs = 0;
    // The second sync reads the first chunk of cells: Excel is busy with a cell being edited.
    excel.sync = () =>
      ++syncs === 2
        ? Promise.reject(Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" }))
        : sync();
    await expect(readSelection(excel.context, () => true)).rejects.toThrow(/busy editing a cell/);
    expect(syncs).toBe(2);
  });
});
