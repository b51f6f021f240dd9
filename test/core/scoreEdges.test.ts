/**
 * makeScoreSpec's refusals of a scale bound that is not a number, and scoreRow's first problem read left to right
 * where a rating sits exactly on the scale's top (issue 21: mutants of score.ts no earlier test told apart).
 */
import { describe, expect, it } from "vitest";
import { kamError, makeScoreSpec, scoreRow, type ScoreSpec } from "../../src/core";

describe("makeScoreSpec refuses a scale bound that is not a number, naming it", () => {
  it("scale_min NaN or infinite, scale_max NaN or infinite", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(makeScoreSpec([1, 2], bad, 5)).toEqual(kamError("value", "scale_min", "scale_min must be a number."));
      expect(makeScoreSpec([1, 2], 1, bad)).toEqual(kamError("value", "scale_max", "scale_max must be a number."));
    }
  });
});

describe("scoreRow's first problem, left to right", () => {
  it("a rating on the scale's top is in scale: the problem named is the text after it", () => {
    const spec = makeScoreSpec([3, 1]) as ScoreSpec;
    const row = [5, "four"] as unknown as (number | null)[];
    expect(scoreRow(row, spec, 7)).toEqual(
      kamError("value", "ratings row 7", "ratings row 7, criterion 2 is not a number."),
    );
    // and on the bottom of a 0–10 scale
    const ten = makeScoreSpec([1, 1], 0, 10) as ScoreSpec;
    expect(scoreRow([0, Number.NaN], ten, 2)).toEqual(
      kamError("value", "ratings row 2", "ratings row 2, criterion 2 is not a number."),
    );
  });
});
