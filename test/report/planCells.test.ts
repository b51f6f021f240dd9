/**
 * planCells on its own (issue 21): pattern blocks expanded row by row, rows outside a block, and which block's cell a
 * sheet shows where blocks overlap. Expected cells are written out by hand from the block definitions below.
 */
import { describe, expect, it } from "vitest";
import { isFormula, type PatternBlock, type PlanCell, type SheetPlan } from "../../src/report/plan";
import {
  columnCell,
  headerCells,
  mapPattern,
  patternRows,
  planCellAt,
  planRows,
  rowOf,
  sheetBlocks,
} from "../../src/report/planCells";

// Three rows from B3: column B doubles column A of the same row; text, numbers and blanks repeat as they are.
const pattern: PatternBlock = { at: "B3", count: 3, pattern: [{ f: "A{row}*2" }, "text", 5, null, { f: "SUM(1,2)" }] };
const row = (n: number) => [{ f: `A${n}*2` }, "text", 5, null, { f: "SUM(1,2)" }];

describe("patternRows", () => {
  it("writes each row's own sheet row number into its formulas", () => {
    const rows = patternRows(pattern);
    expect(rows.length).toBe(3);
    expect(rows.row(0)).toEqual(row(3));
    expect(rows.row(2)).toEqual(row(5));
  });

  it("slices within the block only, whatever the bounds asked", () => {
    const rows = patternRows(pattern);
    expect(rows.slice(-1, 10)).toEqual([row(3), row(4), row(5)]);
    expect(rows.slice(1, 2)).toEqual([row(4)]);
    expect(rows.slice(2, 1)).toEqual([]);
  });
});

describe("rowOf", () => {
  it("has no row before or after a pattern block, and reads a cell block's rows as they are", () => {
    const rows = patternRows(pattern);
    expect(rowOf(rows, -1)).toBeUndefined();
    expect(rowOf(rows, 3)).toBeUndefined();
    expect(rowOf(rows, 0)).toEqual(row(3));
    expect(rowOf([["a"], ["b"]], 1)).toEqual(["b"]);
    expect(rowOf([["a"], ["b"]], 2)).toBeUndefined();
  });
});

describe("mapPattern", () => {
  it("rewrites formulas only, keeping the row placeholder", () => {
    const mapped = mapPattern(pattern, (f) => f.replace("A", "C"));
    expect(mapped).toEqual({ at: "B3", count: 3, pattern: [{ f: "C{row}*2" }, "text", 5, null, { f: "SUM(1,2)" }] });
  });
});

describe("planCellAt and headerCells", () => {
  const sheet: SheetPlan = {
    name: "S",
    blocks: [
      {
        at: "A1",
        rows: [
          ["a", "b"],
          ["c", null],
        ],
      },
      // later blocks win where they hold a value; a blank (null) leaves the earlier cell
      { at: "B2", rows: [["x"]] },
      { at: "A1", rows: [[null, "B1 again"]] },
    ],
    patterns: [pattern],
  };

  it("gives the last block's value at a cell, never a blank over a value", () => {
    expect(planCellAt(sheet, 1, 1)).toBe("a");
    expect(planCellAt(sheet, 1, 2)).toBe("B1 again");
    expect(planCellAt(sheet, 2, 1)).toBe("c");
    expect(planCellAt(sheet, 2, 2)).toBe("x");
    expect(planCellAt(sheet, 4, 2)).toEqual({ f: "A4*2" });
    expect(planCellAt(sheet, 4, 4)).toBe(5);
    expect(planCellAt(sheet, 6, 2)).toBeNull();
    expect(planCellAt(sheet, 1, 9)).toBeNull();
  });

  it("reads a table's header row from the plan", () => {
    expect(headerCells(sheet, "A1:C2")).toEqual(["a", "B1 again", null]);
    expect(headerCells(sheet, "B3:C9")).toEqual([{ f: "A3*2" }, "text"]);
  });

  it("lists cell blocks first, then pattern blocks", () => {
    expect(sheetBlocks(sheet).map((b) => b.at)).toEqual(["A1", "B2", "A1", "B3"]);
  });
});

describe("columnCell and isFormula", () => {
  it("reads a number column's NaN as a blank and a cell column's missing entry as a blank, never undefined", () => {
    const numbers = Float64Array.of(1.5, NaN, -0);
    expect([0, 1, 2].map((k) => columnCell(numbers, k))).toEqual([1.5, null, -0]);
    // a hole in a cell column (an array filled only where a value exists) is a blank cell
    const cells: PlanCell[] = new Array<PlanCell>(3);
    cells[0] = "Acme";
    cells[2] = { f: "A1*2" };
    expect([0, 1, 2].map((k) => columnCell(cells, k))).toEqual(["Acme", null, { f: "A1*2" }]);
  });

  it("tells a formula cell from text, numbers, booleans and blanks", () => {
    const kinds: PlanCell[] = ["=A1", "text", 0, 7, true, null, { f: "A1" }];
    expect(kinds.map((c) => isFormula(c))).toEqual([false, false, false, false, false, false, true]);
  });
});

describe("planRows", () => {
  it("leaves an earlier block's cell where a later row has a hole or a blank, and reads no further than a row", () => {
    const later: PlanCell[] = new Array<PlanCell>(3); // a row filled only where it has a value: [ , "y", ]
    later[1] = "y";
    const sheet: SheetPlan = {
      name: "S",
      blocks: [
        { at: "A1", rows: [["a", "b", "c", "d"]] },
        { at: "A1", rows: [later] },
        { at: "C1", rows: [[null]] },
      ],
    };
    expect(planRows(sheet, { top: 1, bottom: 1, left: 1, right: 5 })).toEqual([["a", "y", "c", "d", null]]);
  });
});
