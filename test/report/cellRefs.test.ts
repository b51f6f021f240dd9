/** A1 references as 1-based rows and columns (issue 21: the mutation run found the refusal untested). */
import { describe, expect, it } from "vitest";
import { boxOf, cellIndex, cellsOf } from "../../src/report/cellRefs";

describe("cellRefs", () => {
  it("reads a cell, with or without $, counted from 1", () => {
    expect(cellIndex("C7")).toEqual({ row: 7, col: 3 });
    expect(cellIndex("$AB$12")).toEqual({ row: 12, col: 28 });
  });

  it("refuses what is not a cell reference, quoting it", () => {
    expect(() => cellIndex("Revenue")).toThrow('Not a cell reference: "Revenue"');
    expect(() => boxOf("A1:total")).toThrow('Not a cell reference: "total"');
  });

  it("orders a range's corners and lists its cells row by row", () => {
    expect(boxOf("D40:B2")).toEqual({ top: 2, left: 2, bottom: 40, right: 4 });
    expect(cellsOf("B2:C3")).toEqual([
      { row: 2, col: 2 },
      { row: 2, col: 3 },
      { row: 3, col: 2 },
      { row: 3, col: 3 },
    ]);
  });
});
