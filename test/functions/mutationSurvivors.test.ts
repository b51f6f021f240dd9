/**
 * Behaviour the mutation run of src/functions (issue 21, 2026-12-02) found no test for: each case a value worked by
 * hand from the function's definition (README, the wrapper's own doc comment), computed inside `it`.
 */
import "../fakes/customFunctionsRuntime";
import { describe, expect, it } from "vitest";
import { clv, quadrant, score, scoreParts } from "../../src/functions/functions";
import { shown, thrown } from "../fakes/customFunctionsRuntime";

const column = <T>(xs: readonly T[]): T[][] => xs.map((x) => [x]);

describe("limits that a value must lie strictly above", () => {
  it("refuses a discount rate of exactly -1 (-100%), the limit itself, and takes one just above it", () => {
    expect(thrown(() => clv([[100]], [[0.5]], [[-1]]))).toMatchObject({
      code: "#VALUE!",
      message: "discount_rate is -1; it must be greater than -1 (-100%).",
    });
    // d = 0, r = 0.5, no horizon: m·r/(1 + d − r) = 100·0.5/(1 + 0 − 0.5) = 100
    expect(shown(clv([[100]], [[0.5]], [[0]])[0][0])).toBeCloseTo(100, 12);
    expect(thrown(() => clv([[100]], [[0.5]], [[0.1]], null as unknown as number[][], [[-1]]))).toMatchObject({
      code: "#VALUE!",
      message: "growth_rate is -1; it must be greater than -1 (-100%).",
    });
  });
});

describe("KAM.QUADRANT: a strength off the 0–100 scale in a range", () => {
  it("gives that row #NUM! while the other rows keep their segment", () => {
    // (50, 50) is on both default cuts: Strategic; a strength of 150 or −1 is not a score
    const out = quadrant(column([50, 50, 50]), column([50, 150, -1]));
    expect(out.map((r) => shown(r[0]))).toEqual(["Strategic", "#NUM!", "#NUM!"]);
  });
});

describe("KAM.SCORE's scale_min on its own", () => {
  it("keeps a scale_min above 0 given without scale_max: the scale runs from it to the default 5", () => {
    // scale 2–5: 100·(3 − 2)/(5 − 2) = 33.33…; the default 1–5 would give 50
    expect(shown(score([[3]], [[1]], 2)[0][0])).toBeCloseTo(100 / 3, 12);
    // and in KAM.SCORE.PARTS, read the same way: one criterion's part is the whole score
    expect(shown(scoreParts([[3]], [[1]], 2)[0][0])).toBeCloseTo(100 / 3, 12);
  });
});

describe("KAM.SCORE.PARTS read cell by cell", () => {
  it("keeps a 0 rating on a scale from 0 when another cell is the empty text", () => {
    // weights 1, 1 on 0–10: the 0 is a rating worth 0 points, "" a blank with an empty part
    expect(scoreParts([[0, ""]], [[1, 1]], 0, 10)[0].map(shown)).toEqual([0, ""]);
    // on the default 1–5 scale the same row has no rating at all: #N/A in each cell, as KAM.SCORE's row
    const out = scoreParts([[0, ""]], [[1, 1]])[0];
    expect(out.map(shown)).toEqual(["#N/A", "#N/A"]);
  });

  it("shows a part too large to be a number as #NUM!, as KAM.SCORE does", () => {
    // Σw = 2e308 overflows to Infinity: each part is 100·1e308·4/(4·Infinity), not a finite number
    expect(scoreParts([[5, 5]], [[1e308, 1e308]])[0].map(shown)).toEqual(["#NUM!", "#NUM!"]);
  });
});
