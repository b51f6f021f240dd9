import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isKamError, makeScoreSpec, scoreRow, weightShares } from "../../src/core";

const weight = fc.double({ min: 0, max: 1e6, noNaN: true });

describe("weightShares", () => {
  it("gives each weight as a fraction of their sum (hand-checked)", () => {
    // 3 of 4 and 1 of 4
    expect(weightShares([3, 1])).toEqual([0.75, 0.25]);
    // a zero weight has no share; 2 of 5, 3 of 5
    expect(weightShares([2, 0, 3])).toEqual([0.4, 0, 0.6]);
  });

  it("sums to 100% for any weights that score, and keeps their ratios", () => {
    fc.assert(
      fc.property(fc.array(weight, { minLength: 1, maxLength: 12 }), (weights) => {
        fc.pre(weights.some((w) => w > 0));
        const shares = weightShares(weights);
        expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
        const sum = weights.reduce((a, b) => a + b, 0);
        shares.forEach((s, j) => expect(s).toBeCloseTo(weights[j] / sum, 12));
      }),
    );
  });

  it("is what one criterion alone contributes to the score: top rating there, bottom elsewhere", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 8 }), fc.nat(), (ws, pick) => {
        fc.pre(ws.some((w) => w > 0));
        const j = pick % ws.length;
        const spec = makeScoreSpec(ws, 1, 5);
        if (isKamError(spec)) throw new Error(spec.message);
        const ratings = ws.map((_, k) => (k === j ? 5 : 1));
        expect(scoreRow(ratings, spec)).toBeCloseTo(100 * weightShares(ws)[j], 9);
      }),
    );
  });

  it("shows no share where the weights score nothing: all zero, negative or not a number", () => {
    for (const weights of [
      [0, 0],
      [2, -1],
      [1, Number.NaN],
      [Number.POSITIVE_INFINITY, 1],
    ]) {
      expect(weightShares(weights).every(Number.isNaN)).toBe(true);
      expect(isKamError(makeScoreSpec(weights))).toBe(true);
    }
  });
});
