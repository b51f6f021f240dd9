import "../fakes/customFunctionsRuntime";
import { describe, expect, it } from "vitest";
import { cohortClv, fitSbg, sbgChurn, type SbgFit } from "../../src/core";
import { churnForecast, clvCohort, cohortFit, survivalForecast } from "../../src/functions/functions";
import { shown, thrown } from "../fakes/customFunctionsRuntime";

// The 'Regular' cohort of Fader & Hardie (2007), years 0–7, as a column the way Excel passes a range.
const regular = [1000, 631, 468, 382, 326, 289, 262, 241];
const column = regular.map((n) => [n]);
/** The core's fit of the cohort, computed inside each test that compares the wrapper with the core. */
const coreFit = () => fitSbg(regular) as SbgFit;

describe("KAM.COHORT.FIT", () => {
  it("returns one row α, β, log-likelihood from a column or a row", () => {
    const out = cohortFit(column);
    // Fader & Hardie (2007), section 3: α̂ = 0.704, β̂ = 1.182 and LL = −1680.3, in one row of three cells
    expect(out.map((row) => row.map((x, k) => Number((x as number).toFixed(k < 2 ? 3 : 1))))).toEqual([
      [0.704, 1.182, -1680.3],
    ]);
    expect(cohortFit([regular])).toEqual(out);
  });

  it("ignores blanks after the last count, in either blank form", () => {
    expect(cohortFit([...column, [null], [""]])).toEqual(cohortFit(column));
  });

  it("explains counts it cannot fit", () => {
    const cases: [unknown[][], string][] = [
      [[[1000], [null], [468]], "survivors in period 1 is blank, between counts."],
      [
        [[1000], ["631"], [468]],
        'survivors in period 1 is the text "631" (a number stored as text: convert it to a number); it must be a count.',
      ],
      [
        [
          [1000, 631],
          [468, 382],
        ],
        "survivors is 2×2: give the counts as one row or one column.",
      ],
      [[[1000], [631]], "survivors has 2 count(s); the model needs at least 3: the start and two periods."],
      [
        [[100], [100], [100]],
        "no account churned in these periods, so the model cannot be fitted: there is no churn to learn from.",
      ],
      // 0s after the last count read as blanks (some Excel builds pass empty cells as 0)
      [[[100], [0], [0]], "survivors has 1 count(s); the model needs at least 3: the start and two periods."],
      [
        [[100], [0], [5]],
        "survivors rise from 0 in period 1 to 5 in period 2: a cohort can only shrink (count new accounts in a cohort of their own).",
      ],
    ];
    for (const [cells, message] of cases) {
      expect(thrown(() => cohortFit(cells as never))).toMatchObject({ code: "#VALUE!", message });
    }
    expect(thrown(() => cohortFit([[1000], [900], [810], [729]]))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("KAM.CLV"),
    });
  });
});

describe("KAM.CHURN.FORECAST and KAM.SURVIVAL.FORECAST", () => {
  it("spill one value per period given, in the shape given", () => {
    const fit = coreFit();
    const churn = churnForecast(column, [[1], [2], [8], [12]]);
    expect(churn.map((r) => shown(r[0]))).toEqual([1, 2, 8, 12].map((t) => sbgChurn(fit, t)));
    const survival = survivalForecast([regular], [[8, 9, 10, 11, 12]]);
    expect(survival[0].map((x) => Math.round(1000 * (x as number)))).toEqual([220, 204, 191, 180, 170]);
    // S(0) = 1: the whole cohort is there at the start
    expect(shown(survivalForecast(column, [[0]])[0][0])).toBe(1);
  });

  it("gives a bad period its own error", () => {
    const fit = coreFit();
    const out = churnForecast(column, [[1], [0], [2.5], ["x"], [null]]);
    expect(out.map((r) => shown(r[0]))).toEqual([sbgChurn(fit, 1), "#NUM!", "#NUM!", "#VALUE!", "#N/A"]);
  });
});

describe("KAM.CLV.COHORT", () => {
  it("values a new account (renewals omitted, blank or 0) and a renewing one", () => {
    const fit = coreFit();
    expect(shown(clvCohort([[100]], column, [[0.1]])[0][0])).toBeCloseTo(cohortClv(100, fit, 0.1, null) as number, 10);
    const table = clvCohort([[100]], column, [[0.1]], [[0], [null], [1], [5]]);
    expect(table.map((r) => shown(r[0]))).toEqual([null, null, 1, 5].map((k) => cohortClv(100, fit, 0.1, k)));
  });

  it("says when a zero discount rate has no finite value", () => {
    // the fitted α of the Regular cohort is 0.70408 (the paper rounds it to 0.704), below 1
    expect(thrown(() => clvCohort([[100]], column, [[0]]))).toMatchObject({
      code: "#VALUE!",
      message:
        "with a discount rate of 0 the expected lifetime is infinite unless α > 1 (this cohort's α is 0.7041): use a " +
        "discount rate above 0.",
    });
  });
});
