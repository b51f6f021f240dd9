/**
 * Which selections readSelection widens to the table around them: only one clicked cell inside a block of data. A
 * row of cells is read as selected, and a cell standing alone is read alone.
 */
import { describe, expect, it } from "vitest";
import { readSelection } from "../../src/excel/readSelection";
import { FakeExcel, type FakeSheetData } from "../fakes/fakeExcel";

const all = () => true;

const sheet: FakeSheetData = {
  name: "Account Data",
  cells: [["Title"], [], ["Account", "Revenue"], ["Acme", 1], ["Bolt", 2]],
};

describe("readSelection's expansion of a selection", () => {
  it("reads a selected row of cells as it is, not the table around it", async () => {
    const excel = new FakeExcel([sheet], { sheet: "Account Data", row: 3, col: 0, rows: 1, cols: 2 });
    const read = await readSelection(excel.context, all);
    expect(read.input.values).toEqual([["Acme", 1]]);
    expect(read.expandedTo).toBeUndefined();
  });

  it("reads a selected column of cells as it is, not the table around it", async () => {
    // B4:B5, Acme's and Bolt's revenue.
    const excel = new FakeExcel([sheet], { sheet: "Account Data", row: 3, col: 1, rows: 2, cols: 1 });
    const read = await readSelection(excel.context, all);
    expect(read.input.values).toEqual([[1], [2]]);
    expect([read.input.top, read.input.left, read.expandedTo]).toEqual([3, 1, undefined]);
  });

  it("reads one clicked cell with no data around it alone", async () => {
    // A1 "Title": A2, B1 and B2 are blank, so Excel's region around A1 is A1 itself.
    const excel = new FakeExcel([sheet], { sheet: "Account Data", row: 0, col: 0, rows: 1, cols: 1 });
    const read = await readSelection(excel.context, all);
    expect(read.input.values).toEqual([["Title"]]);
    expect(read.expandedTo).toBeUndefined();
  });

  it("widens one clicked cell inside the table to the table, down to the last used row", async () => {
    const excel = new FakeExcel([sheet], { sheet: "Account Data", row: 3, col: 1, rows: 1, cols: 1 });
    const read = await readSelection(excel.context, all);
    expect(read.input.values).toEqual([
      ["Account", "Revenue"],
      ["Acme", 1],
      ["Bolt", 2],
    ]);
    expect(read.expandedTo).toBe("'Account Data'!A3:B5");
  });

  it("reads nothing from cells just right of the data", async () => {
    // C3:D5 on a sheet whose data ends in column B: no used cell lies in the selection.
    const excel = new FakeExcel([sheet], { sheet: "Account Data", row: 2, col: 2, rows: 3, cols: 2 });
    const read = await readSelection(excel.context, all);
    expect([read.input.values, read.chunks]).toEqual([[], 0]);
  });

  it("reads nothing from cells just below the data, in the one sync that learns the shape", async () => {
    // A6:B7 on a sheet whose data ends in row 5.
    const excel = new FakeExcel([sheet], { sheet: "Account Data", row: 5, col: 0, rows: 2, cols: 2 });
    const read = await readSelection(excel.context, all);
    expect([read.input.values, read.chunks, read.syncs]).toEqual([[], 0, 1]);
  });

  it("reads nothing from a cell of an empty sheet", async () => {
    const excel = new FakeExcel([{ name: "Empty", cells: [] }], { sheet: "Empty", row: 2, col: 1, rows: 1, cols: 1 });
    const read = await readSelection(excel.context, all);
    expect([read.input.values, read.expandedTo, read.chunks]).toEqual([[], undefined, 0]);
  });
});
