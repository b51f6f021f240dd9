/**
 * The element-wise runner every range function goes through (issue 21, item 3): a 0 read as a blank in every cell of
 * a range (not only in a single cell), and the diagnosis of a bad cell in a 2-D result: which argument, and where in
 * that argument's own range. Expected values are worked by hand from the formulas written beside them.
 */
import "../fakes/customFunctionsRuntime";
import { describe, expect, it } from "vitest";
import { kamError } from "../../src/core";
import { broadcast, given, type ArgSpec } from "../../src/functions/broadcast";
import { clv } from "../../src/functions/functions";
import { cellError, shown, thrown } from "../fakes/customFunctionsRuntime";

const cells = (out: readonly (readonly unknown[])[]) => out.map((r) => r.map(shown));

// A test function whose result shows which value each argument was read as: x × h, or x alone when h is not given.
const times = (v: Float64Array) => {
  const h = given(v[1]);
  return h === null ? v[0] : v[0] * h;
};
const X: ArgSpec = { name: "x", blank: "required" };
const H: ArgSpec = { name: "h", blank: null, zeroIsBlank: true };

describe("broadcast: a 0 read as a blank over a range", () => {
  it("reads every 0 of a range as not given, for an argument that declares it", () => {
    // h = 0 and h blank both mean "not given": x alone; h = 3 gives 2 × 3
    const out = broadcast([[[2]], [[0], [3], [0], [null]]], [X, H], times);
    expect(cells(out)).toEqual([[2], [6], [2], [2]]);
    // in a 2-D range too, each cell on its own: (1·?, 1·2; 10·3, 10·?)
    const table = broadcast(
      [
        [[1], [10]],
        [
          [0, 2],
          [3, 0],
        ],
      ],
      [X, H],
      times,
    );
    expect(cells(table)).toEqual([
      [1, 2],
      [30, 10],
    ]);
  });

  it("keeps 0 a number for an argument that does not declare it, in a single cell and in a range", () => {
    // x = 0 in rows whose h is 0 (those rows are read again one argument at a time): 0, not "x is blank"
    expect(
      cells(
        broadcast(
          [
            [[0], [5]],
            [[0], [0]],
          ],
          [X, H],
          times,
        ),
      ),
    ).toEqual([[0], [5]]);
    // x = 0 as a single cell beside a range: 0 × 2 and 0 alone
    expect(cells(broadcast([[[0]], [[2], [0]]], [X, H], times))).toEqual([[0], [0]]);
  });

  it("gives a required argument's 0 the blank's error when it declares 0 as blank, in its own cell", () => {
    const required: ArgSpec = { name: "renewals", blank: "required", zeroIsBlank: true };
    const out = broadcast([[[4], [0]]], [required], (v) => v[0]);
    expect(shown(out[0][0])).toBe(4);
    expect(out[1][0]).toMatchObject({ code: "#N/A", message: "renewals (row 2) is blank." });
    expect(thrown(() => broadcast([[[0]]], [required], (v) => v[0]))).toMatchObject({
      code: "#N/A",
      message: "renewals is blank.",
    });
  });

  it("puts a default in for a 0 where the argument has one", () => {
    const withDefault: ArgSpec = { name: "d", blank: 7, zeroIsBlank: true };
    expect(cells(broadcast([[[0], [2], [null]]], [withDefault], (v) => v[0]))).toEqual([[7], [2], [7]]);
  });

  it("KAM.CLV: a column of horizons with 0s and blanks, each 0 an infinite horizon", () => {
    // margin 100, retention 0.8, discount 0.1. No horizon: Σ_{t≥1} 100·0.8^t/1.1^t = 80/(1.1 − 0.8) = 266.67;
    // 1 period: 80/1.1; 2 periods: 80/1.1 + 64/1.21
    const out = clv([[100]], [[0.8]], [[0.1]], [[0], [1], [2], [0], [null]]);
    const expected = [80 / 0.3, 80 / 1.1, 80 / 1.1 + 64 / 1.21, 80 / 0.3, 80 / 0.3];
    out.forEach((r, i) => expect(shown(r[0])).toBeCloseTo(expected[i], 10));
  });
});

describe("broadcast: which cell of which argument a 2-D result's error names", () => {
  // margins down a column, retentions across a row, discount 0.1: CLV = m·r/(1.1 − r) with no horizon
  const clvOf = (m: number, r: number) => (m * r) / (1.1 - r);

  it("a bad cell of a column argument: its row, in every cell of that result row", () => {
    const out = clv([[100], ["n/a"]], [[0.7, 0.8, 0.9]], [[0.1]]);
    [0.7, 0.8, 0.9].forEach((r, j) => expect(shown(out[0][j])).toBeCloseTo(clvOf(100, r), 10));
    for (const cell of out[1]) {
      expect(cell).toMatchObject({
        code: "#VALUE!",
        message: 'margin (row 2) is the text "n/a"; it must be a number.',
      });
    }
  });

  it("a bad cell of a row argument: its column, in every cell of that result column", () => {
    const out = clv([[100], [200]], [[0.7, "high", 0.9]], [[0.1]]);
    expect(shown(out[0][0])).toBeCloseTo(clvOf(100, 0.7), 10);
    expect(shown(out[1][2])).toBeCloseTo(clvOf(200, 0.9), 10);
    for (const row of out) {
      expect(row[1]).toMatchObject({
        code: "#VALUE!",
        message: 'retention (column 2) is the text "high"; it must be a number.',
      });
    }
  });

  it("a bad cell of a 2-D argument: its row and column, that result cell only", () => {
    const out = clv(
      [[100], [200]],
      [
        [0.7, 0.8, 0.9],
        [0.7, 0.8, null],
      ],
      [[0.1]],
    );
    expect(out[1][2]).toMatchObject({ code: "#N/A", message: "retention (row 2, column 3) is blank." });
    expect(shown(out[1][1])).toBeCloseTo(clvOf(200, 0.8), 10);
    expect(shown(out[0][2])).toBeCloseTo(clvOf(100, 0.9), 10);
  });

  it("two bad arguments in one cell: the first in the argument list is named", () => {
    const out = clv([[100], [true]], [[0.7, "x"]], [[0.1]]);
    expect(out[1][1]).toMatchObject({ message: "margin (row 2) is the logical value TRUE; it must be a number." });
    expect(out[0][1]).toMatchObject({ message: 'retention (column 2) is the text "x"; it must be a number.' });
  });

  it("error values in a cell: #N/A passed on as it is, #REF! (not returnable) as #VALUE! naming the cell", () => {
    const na = cellError("#N/A");
    const out = clv([[100], [200]], [[na, 0.8, cellError("#REF!")]], [[0.1]]);
    expect(out[0][0]).toBe(na);
    expect(out[1][0]).toBe(na);
    expect(out[1][2]).toMatchObject({ code: "#VALUE!", message: "retention (column 3) is the error #REF!." });
  });

  it("a value outside the core's limits in a range is #NUM! in its cell; in a single cell, the call's #VALUE!", () => {
    const out = clv([[100], [200]], [[0.7, 1.5]], [[0.1]]);
    expect(cells(out)[1][1]).toBe("#NUM!");
    expect(shown(out[1][0])).toBeCloseTo(clvOf(200, 0.7), 10);
    expect(thrown(() => clv([[100], [200]], [[1.5]], [[0.1]]))).toMatchObject({
      code: "#VALUE!",
      message: "retention is 1.5; it must be a rate between 0 and 1 (0%–100%): for 90% enter 0.9 or 90%.",
    });
    expect(thrown(() => clv([[100], [200]], [["x"]], [[0.1]]))).toMatchObject({
      code: "#VALUE!",
      message: 'retention is the text "x"; it must be a number.',
    });
  });

  it("a shape that does not broadcast, or an empty range: the call's #VALUE! naming the argument and both shapes", () => {
    expect(
      thrown(() =>
        clv(
          [[1], [2], [3]],
          [
            [0.8, 0.9],
            [0.8, 0.9],
          ],
          [[0.1]],
        ),
      ),
    ).toMatchObject({
      code: "#VALUE!",
      message:
        "retention is 2×2 but the result is 3×2: ranges must have the same shape, or be a single cell, a single row " +
        "or a single column.",
    });
    expect(thrown(() => clv([[1]], [[]], [[0.1]]))).toMatchObject({
      code: "#VALUE!",
      message: "retention is an empty range.",
    });
  });

  it("a result that is not a finite number is #NUM!, in its cell or for the whole call", () => {
    const inverse = (v: Float64Array) => 1 / v[0];
    expect(cells(broadcast([[[4], [0]]], [X], inverse))).toEqual([[0.25], ["#NUM!"]]);
    expect(thrown(() => broadcast([[[0]]], [X], inverse))).toMatchObject({ code: "#NUM!" });
  });

  it("a core error of one cell is that cell's, of a single-cell call the call's (a num shown as #VALUE! with why)", () => {
    const refuse = (v: Float64Array) => (v[0] < 0 ? kamError("num", "x", "x is below 0.") : v[0]);
    expect(cells(broadcast([[[1], [-1]]], [X], refuse))).toEqual([[1], ["#NUM!"]]);
    expect(thrown(() => broadcast([[[-1]]], [X], refuse))).toMatchObject({ code: "#VALUE!", message: "x is below 0." });
  });
});
