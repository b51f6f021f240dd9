/**
 * What Excel's documentation and office-js issues say the functions meet (issue 20, items 11-13): empty cells that
 * arrive as 0, error values inside input ranges, and whole-call errors thrown rather than returned.
 */
import "../fakes/customFunctionsRuntime";
import { describe, expect, it } from "vitest";
import { clv as coreClv } from "../../src/core";
import { cellError, shown, thrown } from "../fakes/customFunctionsRuntime";
import { loadExcelFunctions } from "./excelRuntime";

// collection-time: loads the custom-functions module and its functions.json; every function is called inside `it`.
const excel = await loadExcelFunctions();
const column = <T>(xs: readonly T[]): T[][] => xs.map((x) => [x]);
const regular = column([1000, 631, 468, 382, 326, 289, 262, 241]);

const cells = (out: unknown) => (out as unknown[][]).map((r) => r.map(shown));

describe("item 11: empty cells that arrive as 0", () => {
  it("reads 0s after a cohort's last count as blanks", () => {
    const fit = excel.call("COHORT.FIT", regular);
    expect(excel.call("COHORT.FIT", [...regular, [0], [0]])).toEqual(fit);
    expect(excel.call("COHORT.FIT", [...regular, [0], [""], [0], [null]])).toEqual(fit);
    expect(excel.call("COHORT.FIT", [[1000, 631, 468, 382, 326, 289, 262, 241, 0, 0, 0]])).toEqual(fit);
    const forecast = excel.call("SURVIVAL.FORECAST", regular, [[8]]);
    expect(excel.call("SURVIVAL.FORECAST", [...regular, [0]], [[8]])).toEqual(forecast);
  });

  it("reads an empty scale_min or scale_max cell (0) as omitted: the README example stays 79.17", () => {
    const ratings = [
      [5, 3, 4],
      [2, null, 5],
    ];
    const weights = [[3, 2, 1]];
    const expected = excel.call("SCORE", ratings, weights) as number[][];
    expect(expected[0][0]).toBeCloseTo(79.1667, 4);
    expect(excel.call("SCORE", ratings, weights, 0)).toEqual(expected);
    expect(excel.call("SCORE", ratings, weights, 0, 0)).toEqual(expected);
    expect(excel.call("SCORE", ratings, weights, null, 0)).toEqual(expected);
    expect(excel.call("SCORE", ratings, weights, 1, 0)).toEqual(expected);
    // both ends given: a 0-10 scale is kept
    expect(shown((excel.call("SCORE", [[10, 0]], [[1, 1]], 0, 10) as unknown[][])[0][0])).toBe(50);
  });

  it("reads an empty renewals cell (0) as omitted: a new account", () => {
    const newAccount = excel.call("CLV.COHORT", [[1000]], regular, [[0.1]]);
    expect(excel.call("CLV.COHORT", [[1000]], regular, [[0.1]], [[0]])).toEqual(newAccount);
    expect(excel.call("CLV.COHORT", [[1000]], regular, [[0.1]], [[null]])).toEqual(newAccount);
  });
});

describe("item 12: an error value in an input cell stays in its own row", () => {
  it("functions.json lets error values reach the functions", () => {
    expect(excel.metadata.allowErrorForDataTypeAny).toBe(true);
  });

  it("without the flag one #N/A in a range would be the whole result (why the flag is there)", async () => {
    const generatorOnly = await loadExcelFunctions(false);
    expect(thrown(() => generatorOnly.call("CLV", column([100, cellError("#N/A")]), [[0.8]], [[0.1]]))).toMatchObject({
      code: "#N/A",
    });
  });

  it("passes an error in a range through to that row, the other rows keep their numbers", () => {
    const out = excel.call("CLV", column([100, cellError("#N/A"), 300]), [[0.8]], [[0.1]]);
    expect(cells(out)).toEqual([[coreClv(100, 0.8, 0.1, null)], ["#N/A"], [coreClv(300, 0.8, 0.1, null)]]);
    const churn = excel.call("CHURN", column([100, 100]), column([90, cellError("#DIV/0!")]));
    expect(cells(churn)).toEqual([[expect.closeTo(0.1, 12)], ["#DIV/0!"]]);
    const score = excel.call(
      "SCORE",
      [
        [5, 1],
        [cellError("#NUM!"), 3],
        [3, 3],
      ],
      [[1, 1]],
    );
    expect(cells(score)).toEqual([[50], ["#NUM!"], [50]]);
    const quadrant = excel.call("QUADRANT", column([80, 20]), column([cellError("#N/A"), 90]));
    expect(cells(quadrant)).toEqual([["#N/A"], ["Status"]]);
    const forecast = excel.call("CHURN.FORECAST", regular, column([1, cellError("#VALUE!")]));
    expect(cells(forecast)[1]).toEqual(["#VALUE!"]);
    const cohortClv = excel.call("CLV.COHORT", column([1000, cellError("#N/A")]), regular, [[0.1]]);
    expect(cells(cohortClv)[1]).toEqual(["#N/A"]);
  });

  it("keeps a #VALUE! input's message, and says where a #REF! or #NAME? input is (Excel cannot return those)", () => {
    const out = excel.call(
      "CLV",
      column([100, new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "bad feed"), cellError("#REF!")]),
      [[0.8]],
      [[0.1]],
    ) as unknown[][];
    expect(out[1][0]).toMatchObject({ code: "#VALUE!", message: "bad feed" });
    expect(out[2][0]).toMatchObject({ code: "#VALUE!", message: "margin (row 3) is the error #REF!." });
  });

  it("an error in an argument of the whole call, or in a one-number function's range, is the call's error", () => {
    // a returnable error value is passed on as the very value the cell holds, as Excel's own functions do
    const na = cellError("#N/A");
    expect(thrown(() => excel.call("CLV", column([100, 200]), [[na]], [[0.1]]))).toBe(na);
    expect(thrown(() => excel.call("SCORE", [[5, 1]], [[1, na]]))).toBe(na);
    expect(thrown(() => excel.call("COHORT.FIT", [...regular, [na]]))).toBe(na);
    expect(thrown(() => excel.call("NRR", column([50, na]), column([60, 30])))).toBe(na);
    const div0 = cellError("#DIV/0!");
    expect(thrown(() => excel.call("GRR", column([50, 30]), column([60, div0])))).toBe(div0);
    expect(thrown(() => excel.call("NPS", column([10, na])))).toBe(na);
    // one that a function cannot return becomes #VALUE! naming the argument (and the cell, in a range)
    expect(thrown(() => excel.call("CLV", column([100, 200]), [[cellError("#REF!")]], [[0.1]]))).toEqual(
      expect.objectContaining({ code: "#VALUE!", message: "retention is the error #REF!." }),
    );
    expect(thrown(() => excel.call("NPS", column([10, cellError("#NAME?")])))).toEqual(
      expect.objectContaining({ code: "#VALUE!", message: "answers (row 2) is the error #NAME?." }),
    );
  });
});

describe("item 13: whole-call errors are thrown; argument problems are #VALUE! with the reason", () => {
  it("throws a shape mismatch or a bad survivors range instead of returning it", () => {
    expect(thrown(() => excel.call("CLV", column([1, 2, 3]), column([0.8, 0.9]), [[0.1]]))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("retention is 2×1 but the result is 3×1"),
    });
    const tooShort = {
      code: "#VALUE!",
      message: "survivors has 2 count(s); the model needs at least 3: the start and two periods.",
    };
    expect(thrown(() => excel.call("COHORT.FIT", column([1000, 631])))).toMatchObject(tooShort);
    expect(thrown(() => excel.call("CHURN.FORECAST", column([1000, 631]), [[1]]))).toMatchObject(tooShort);
    expect(thrown(() => excel.call("SCORE", [[1, 2, 3]], [[1, 1]]))).toMatchObject({
      code: "#VALUE!",
      message: "ratings has 3 criteria (columns) but weights has 2: give one weight per criterion.",
    });
  });

  it("gives #NUM! for a result too large to be a number", () => {
    // #NUM! carries no message in Excel (the fake refuses one), so the code is all there is to assert
    expect(thrown(() => excel.call("CLV", [[1e308]], [[0.99]], [[0.01]], [[1000]]))).toEqual(
      expect.objectContaining({ code: "#NUM!", message: undefined }),
    );
    const out = excel.call("CLV", column([100, 1e308]), [[0.99]], [[0.01]], [[1000]]);
    expect(cells(out)).toEqual([[coreClv(100, 0.99, 0.01, 1000)], ["#NUM!"]]);
  });

  it("refuses an argument of the whole call outside its limits with #VALUE! and the reason", () => {
    expect(thrown(() => excel.call("CLV", [[1000]], [[90]], [[0.1]]))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("retention is 90"),
    });
    expect(thrown(() => excel.call("CLV", column([1000, 2000]), [[90]], [[0.1]]))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("retention is 90"),
    });
    expect(thrown(() => excel.call("CLV", [[1000]], [[0.9]], [[0.1]], [[5]], [[0]], [[2]]))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("timing is 2"),
    });
    expect(thrown(() => excel.call("CHURN", [[-5]], [[10]]))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("at_start is -5"),
    });
    expect(thrown(() => excel.call("CHURN", column([100, 200]), column([90, 180]), [[-1]]))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("acquired is -1"),
    });
    expect(thrown(() => excel.call("CHURN", [[10]], [[5]], [[6]]))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("acquired (6) is more than at_end (5)"),
    });
    expect(thrown(() => excel.call("CHURN.FORECAST", regular, [[0]]))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("period is 0"),
    });
    expect(thrown(() => excel.call("QUADRANT", column([80, 20]), [[120]]))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("strength is 120"),
    });
  });

  it("keeps #NUM! for a value out of range in one row of a range", () => {
    const out = excel.call("CLV", column([1000, 1000]), column([0.9, 90]), [[0.1]]);
    expect(cells(out)).toEqual([[coreClv(1000, 0.9, 0.1, null)], ["#NUM!"]]);
    const churn = excel.call("CHURN", column([100, -5]), column([90, 10]));
    expect(cells(churn)).toEqual([[expect.closeTo(0.1, 12)], ["#NUM!"]]);
  });
});
