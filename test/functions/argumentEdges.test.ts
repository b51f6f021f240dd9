/**
 * Each function's arguments at their edges (issue 21, item 5: cases the mutation run found no test for): empty
 * arguments, a value on a limit and just past it, error values that cannot be returned, text where a single row
 * names no row, and results too large to show. Expected values are worked by hand beside each case.
 */
import "../fakes/customFunctionsRuntime";
import { describe, expect, it } from "vitest";
import {
  churn,
  churnForecast,
  clv,
  clvCohort,
  cohortFit,
  grr,
  nps,
  nrr,
  quadrant,
  score,
  survivalForecast,
} from "../../src/functions/functions";
import { cellError, shown, thrown } from "../fakes/customFunctionsRuntime";

const column = <T>(xs: readonly T[]): T[][] => xs.map((x) => [x]);
const regular = column([1000, 631, 468, 382, 326, 289, 262, 241]);

describe("limits of a single-cell argument, checked before the core", () => {
  it("a limit's end is inside it: retention 1 is a valid rate", () => {
    // Σ_{t=1..5} 100/1.1^t = 100·(1 − 1.1^−5)/0.1
    expect(shown(clv([[100]], [[1]], [[0.1]], [[5]])[0][0])).toBeCloseTo((100 * (1 - 1.1 ** -5)) / 0.1, 9);
  });

  it("says what the argument must be, in the function's own words", () => {
    expect(thrown(() => clv([[100]], [[0.8]], [[0.1]], [[2.5]]))).toMatchObject({
      code: "#VALUE!",
      message: "periods is 2.5; it must be a whole number of periods, 1 or more (blank or 0: no horizon).",
    });
    expect(thrown(() => clv([[100]], [[0.8]], [[0.1]], [[5]], [[0]], [[2]]))).toMatchObject({
      code: "#VALUE!",
      message: "timing is 2; it must be 0 (end of period) or 1 (start of period).",
    });
    expect(thrown(() => clvCohort([[100]], regular, [[0.1]], [[1.5]]))).toMatchObject({
      code: "#VALUE!",
      message: "renewals is 1.5; it must be a whole number, 0 or more (blank or 0: a new account).",
    });
    expect(thrown(() => churn([[-1]], [[5]]))).toMatchObject({
      code: "#VALUE!",
      message: "at_start is -1; it must be a count of accounts, 0 or more.",
    });
  });

  it("names every argument and says what it must be: KAM.CHURN, the cohort forecasts, KAM.CLV.COHORT", () => {
    const says = (f: () => unknown, message: string) =>
      expect(thrown(f)).toMatchObject({ code: expect.stringMatching(/^#(VALUE!|N\/A)$/), message });
    says(() => churn([[10]], [[-1]]), "at_end is -1; it must be a count of accounts, 0 or more.");
    says(() => churnForecast(regular, [[1.5]]), "period is 1.5; it must be a whole number of periods, 1 or more.");
    says(() => survivalForecast(regular, [[0.5]]), "period is 0.5; it must be a whole number of periods, 0 or more.");
    says(() => survivalForecast(regular, [[-1]]), "period is -1; it must be a whole number of periods, 0 or more.");
    says(() => clvCohort([[null]], regular, [[0.1]]), "margin is blank.");
    says(() => clvCohort([[100]], regular, [[-0.1]]), "discount_rate is -0.1; it must be 0 or more.");
  });

  it("a whole-call problem of a single cell that is not a num keeps its own code", () => {
    // no accounts at the start: #DIV/0!, as Excel's own division; a blank margin: #N/A naming it
    expect(thrown(() => churn([[0]], [[0]]))).toEqual(expect.objectContaining({ code: "#DIV/0!", message: undefined }));
    expect(thrown(() => clv([[null]], [[0.8]], [[0.1]]))).toMatchObject({ code: "#N/A", message: "margin is blank." });
  });

  it("an empty range, or a row of the wrong width, is the call's #VALUE! naming the argument", () => {
    expect(thrown(() => clv([], [[0.8]], [[0.1]]))).toMatchObject({
      code: "#VALUE!",
      message: "margin is an empty range.",
    });
    expect(thrown(() => clv([[1, 2]], [[0.8, 0.8, 0.8]], [[0.1]]))).toMatchObject({
      code: "#VALUE!",
      message:
        "margin is 1×2 but the result is 1×3: ranges must have the same shape, or be a single cell, a single row " +
        "or a single column.",
    });
  });
});

describe("KAM.SCORE's edges", () => {
  it("refuses empty ratings or weights for the whole call", () => {
    expect(thrown(() => score([], [[1]]))).toMatchObject({ code: "#VALUE!", message: "ratings is empty." });
    expect(thrown(() => score([[1]], []))).toMatchObject({ code: "#VALUE!", message: "weights is empty." });
  });

  it("names the criterion alone in a single row, row and criterion in several; an error value where it is", () => {
    expect(score([["x", 1]], [[1, 1]])[0][0]).toMatchObject({
      code: "#VALUE!",
      message: 'ratings criterion 1 is the text "x"; ratings must be numbers.',
    });
    const out = score(
      [
        [1, 1],
        [1, cellError("#REF!")],
      ],
      [[1, 1]],
    );
    expect(out[1][0]).toMatchObject({ code: "#VALUE!", message: "ratings row 2, criterion 2 is the error #REF!." });
    expect(thrown(() => score([[1, 1]], [[1, cellError("#NAME?")]]))).toMatchObject({
      code: "#VALUE!",
      message: "weights (column 2) is the error #NAME?.",
    });
  });

  it("keeps a 0 rating on a scale from 0 even in a row read cell by cell", () => {
    // "" makes the core refuse the row as given; read again: 0 and 10 on 0–10, "" blank: 100·(0 + 10)/(2·10)
    expect(shown(score([[0, "", 10]], [[1, 1, 1]], 0, 10)[0][0])).toBe(50);
  });

  it("takes the scale's ends as given where they are not what an empty cell reads as", () => {
    // −5 to 0: −5 is 0 of the way, 0 all the way: 100·(0 + 1)/2; a 0 scale_max after a negative scale_min is an end
    expect(shown(score([[-5, 0]], [[1, 1]], -5, 0)[0][0])).toBe(50);
    // 2 to 10: 2 is the bottom, 10 the top: 100·(0 + 1)/2 (with the default bottom 1 it would be 100·(1/9 + 1)/2)
    expect(shown(score([[2, 10]], [[1, 1]], 2, 10)[0][0])).toBe(50);
  });

  it("gives #NUM! where the weights are too large for their sum to be a number", () => {
    // Σw = 2e308 overflows to Infinity: the score is Infinity/Infinity
    expect(shown(score([[5, 5]], [[1e308, 1e308]])[0][0])).toBe("#NUM!");
  });
});

describe("KAM.QUADRANT's edges", () => {
  it("refuses a cut that is not a number, below 0, or 0, each with its reason", () => {
    // A JavaScript caller can pass what Excel would not; Infinity is not a cut either
    expect(thrown(() => quadrant([[50]], [[50]], "high" as unknown as number))).toMatchObject({
      code: "#VALUE!",
      message: "attractiveness_cut must be a number above 0 and at most 100 (default 50).",
    });
    expect(thrown(() => quadrant([[50]], [[50]], 50, Number.POSITIVE_INFINITY))).toMatchObject({
      code: "#VALUE!",
      message: "strength_cut must be a number above 0 and at most 100 (default 50).",
    });
    expect(thrown(() => quadrant([[50]], [[50]], -5))).toMatchObject({
      code: "#VALUE!",
      message: "attractiveness_cut is -5; a cut-off lies above 0 and at most 100 on the 0–100 scores.",
    });
    expect(thrown(() => quadrant([[50]], [[50]], 0))).toMatchObject({
      code: "#VALUE!",
      message:
        "attractiveness_cut is 0, which puts every account on the high side; to use the default 50, omit it " +
        "(some Excel versions pass an empty cell as 0).",
    });
  });

  it("takes scores from 0 to 100 inclusive; outside, #NUM! in a row and #VALUE! with why for a single call", () => {
    // (100, 100) Strategic, (0, 100) Status, (100, 0) Star; −5 is off the scale
    const out = quadrant(column([100, 0, 100, -5]), column([100, 100, 0, 50]));
    expect(out.map((r) => shown(r[0]))).toEqual(["Strategic", "Status", "Star", "#NUM!"]);
    expect(thrown(() => quadrant([[120]], [[50]]))).toMatchObject({
      code: "#VALUE!",
      message: "attractiveness is 120; it must be a score from 0 to 100.",
    });
    expect(thrown(() => quadrant([[50]], [[-1]]))).toMatchObject({
      code: "#VALUE!",
      message: "strength is -1; it must be a score from 0 to 100.",
    });
  });
});

describe("KAM.NRR, KAM.GRR and KAM.NPS edges", () => {
  it("refuse an empty argument, naming it", () => {
    expect(thrown(() => nrr([], [[1]]))).toMatchObject({ code: "#VALUE!", message: "prior is empty." });
    expect(thrown(() => nrr([[]], [[1]]))).toMatchObject({ code: "#VALUE!", message: "prior is empty." });
    expect(thrown(() => grr([[1]], null as unknown as [][]))).toMatchObject({
      code: "#VALUE!",
      message: "current is empty.",
    });
    expect(thrown(() => nps([]))).toMatchObject({ code: "#VALUE!", message: "answers is empty." });
  });

  it("say which cell holds an error value they cannot pass on", () => {
    expect(thrown(() => nrr(column([50, cellError("#REF!")]), column([60, 30])))).toMatchObject({
      code: "#VALUE!",
      message: "prior (row 2) is the error #REF!.",
    });
  });

  it("give #NUM! for a ratio too large to be a number", () => {
    // 1e300 / 1e-300 = 1e600, beyond the largest double
    expect(thrown(() => nrr([[1e-300]], [[1e300]]))).toEqual(
      expect.objectContaining({ code: "#NUM!", message: undefined }),
    );
  });
});

describe("KAM.COHORT.FIT's edges", () => {
  it("a range of blanks and 0s holds no count", () => {
    expect(thrown(() => cohortFit([[0], [null], [""]]))).toMatchObject({
      code: "#VALUE!",
      message: "survivors has 0 count(s); the model needs at least 3: the start and two periods.",
    });
  });
});
