/**
 * Column blocks (issue 18): the plan points at the report's own columns instead of a row array per account. Read row
 * by row they must be the cells a cell block of the same values holds, NaN in a number column being a blank, and
 * every tool that reads or rewrites a plan (planCells, validatePlan, the sheet and table renames) must see them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renameTables } from "../../src/excel/tableNames";
import type { ColumnBlock, PlanCell, PlanColumn, SheetPlan } from "../../src/report/plan";
import { columnRows, mapColumns, planCellAt, rowOf, sheetBlocks } from "../../src/report/planCells";
import { validatePlan } from "../../src/report/planValidation";
import { renameSheets } from "../../src/report/sheetRefs";

const numbers = Float64Array.from([1.5, Number.NaN, -3, 0]);
const names: PlanCell[] = ["Acme", null, "Beta", "Gamma"];
const formulas: PlanCell[] = [{ f: "Data!A1" }, 2, true, { f: "SUM(Data!A:A)" }];
const block: ColumnBlock = { at: "B3", count: 4, columns: [numbers, names, formulas] };

describe("columnRows", () => {
  it("gathers row k from every column, NaN as a blank, and nothing outside the block", () => {
    const rows = columnRows(block);
    expect(rows.length).toBe(4);
    expect(rows.row(0)).toEqual([1.5, "Acme", { f: "Data!A1" }]);
    expect(rows.row(1)).toEqual([null, null, 2]);
    expect(rows.slice(2, 10)).toEqual([
      [-3, "Beta", true],
      [0, "Gamma", { f: "SUM(Data!A:A)" }],
    ]);
    expect(rows.slice(-5, 1)).toEqual([[1.5, "Acme", { f: "Data!A1" }]]);
    expect(rowOf(rows, 4)).toBeUndefined();
    expect(rowOf(rows, -1)).toBeUndefined();
  });

  it("reads any columns as the cell block of the same cells would (fast-check)", () => {
    const cell = fc.oneof(
      fc.string(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.string().map((f) => ({ f })),
    );
    const column = (n: number): fc.Arbitrary<PlanColumn> =>
      fc.oneof(
        fc
          .array(fc.oneof(fc.double({ noDefaultInfinity: true }), fc.constant(Number.NaN)), {
            minLength: n,
            maxLength: n,
          })
          .map((xs) => Float64Array.from(xs)),
        fc.array(cell, { minLength: n, maxLength: n }),
      );
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 12 })
          .chain((n) => fc.tuple(fc.constant(n), fc.array(column(n), { minLength: 1, maxLength: 5 }))),
        ([count, columns]) => {
          const rows = columnRows({ at: "A1", count, columns });
          const expected = Array.from({ length: count }, (_, k) =>
            columns.map((c) => {
              const v = c[k];
              return typeof v === "number" && Number.isNaN(v) ? null : (v ?? null);
            }),
          );
          expect(rows.slice(0, count)).toEqual(expected);
          // -0 stays -0: a cell block would hold it as given
          columns.forEach((c, j) => {
            for (let k = 0; k < count; k++) if (Object.is(c[k], -0)) expect(Object.is(rows.row(k)[j], -0)).toBe(true);
          });
        },
      ),
    );
  });
});

describe("a sheet with a column block", () => {
  const sheet: SheetPlan = {
    name: "Data",
    blocks: [
      { at: "B2", rows: [["Revenue", "Name", "Formula"]] },
      { at: "B4", rows: [["under the columns", "x", "y"]] },
    ],
    columns: [block],
    patterns: [{ at: "D5", count: 2, pattern: [{ f: "B{row}*2" }] }],
  };

  it("is read after cell blocks and before pattern blocks, a later one winning", () => {
    expect(sheetBlocks(sheet).map((b) => b.at)).toEqual(["B2", "B4", "B3", "D5"]);
    expect(planCellAt(sheet, 2, 3)).toBe("Name");
    expect(planCellAt(sheet, 3, 2)).toBe(1.5);
    // row 4: the column block wins over the cell block where it has a value, a blank (NaN, null) leaves it
    expect([2, 3, 4].map((c) => planCellAt(sheet, 4, c))).toEqual(["under the columns", "x", 2]);
    expect(planCellAt(sheet, 5, 4)).toEqual({ f: "B5*2" });
    expect(planCellAt(sheet, 7, 2)).toBeNull();
  });

  it("passes validatePlan, which names a short column, an infinite number and an overlong text", () => {
    expect(validatePlan({ sheets: [sheet] })).toEqual([]);
    const bad: SheetPlan = {
      name: "Bad",
      blocks: [],
      columns: [
        {
          at: "A1",
          count: 3,
          columns: [
            Float64Array.from([1, Number.POSITIVE_INFINITY, Number.NaN]),
            ["a", "b"],
            [null, "x".repeat(32768), { f: "1" }],
          ],
        },
        { at: "A1048575", count: 3, columns: [[1, 2, 3]] },
        { at: "1A", count: 0, columns: [] },
      ],
    };
    expect(validatePlan({ sheets: [bad] }).map((i) => `${i.path}: ${i.message}`)).toEqual([
      "columns[0].columns[0][1]: Infinity is not a number a cell can hold: write NaN for a blank.",
      "columns[0].columns[1]: column has 2 cells, the block 3.",
      "columns[0].columns[2][1]: text longer than Excel holds.",
      "columns[1]: the block at A1048575 reaches past row 1048576 or column XFD.",
      'columns[2].at: "1A" is not a cell address.',
    ]);
  });

  it("follows a renamed sheet or table in its formulas, and keeps columns without formulas as they are", () => {
    const renamed = renameSheets({ sheets: [sheet] }, new Map([["Data", "Data (2)"]])).sheets[0].columns![0];
    expect(renamed.columns[0]).toBe(numbers);
    expect(renamed.columns[1]).toBe(names);
    expect(renamed.columns[2]).toEqual([{ f: "'Data (2)'!A1" }, 2, true, { f: "SUM('Data (2)'!A:A)" }]);
    const tables: SheetPlan = { ...sheet, columns: [{ at: "A1", count: 1, columns: [[{ f: "SUM(Old[Revenue])" }]] }] };
    expect(renameTables({ sheets: [tables] }, new Map([["Old", "New"]])).sheets[0].columns![0].columns[0]).toEqual([
      { f: "SUM(New[Revenue])" },
    ]);
    expect(mapColumns(block, (f) => `(${f})`).columns[2]).toEqual([
      { f: "(Data!A1)" },
      2,
      true,
      { f: "(SUM(Data!A:A))" },
    ]);
  });
});
