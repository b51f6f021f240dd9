import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isKamError, kamError, mainDriver, makeScoreSpec, scoreParts, scoreRow, type ScoreSpec } from "../../src/core";

function spec(weights: (number | null)[], min?: number, max?: number): ScoreSpec {
  const s = makeScoreSpec(weights, min, max);
  if (isKamError(s)) throw new Error(s.message);
  return s;
}

describe("scoreParts", () => {
  it("splits the score into 100·w_j(x_j − min)/((max − min)·Σw) per criterion (hand-worked, issue 19)", () => {
    // README's KAM.SCORE example: weights 3, 2, 1 on 1–5, ratings 5, 3, 4. Σw·(max − min) = 6·4 = 24:
    // 100·3·4/24 = 50, 100·2·2/24 = 16.666…, 100·1·3/24 = 12.5; together 79.1666… = 100·19/24, the score.
    const parts = scoreParts([5, 3, 4], spec([3, 2, 1])) as number[];
    expect(parts[0]).toBeCloseTo(50, 12);
    expect(parts[1]).toBeCloseTo(200 / 12, 12);
    expect(parts[2]).toBeCloseTo(12.5, 12);
    // A blank margin: Σw over rated criteria = 3 + 1 = 4, 4·4 = 16: 100·3·1/16 = 18.75, blank, 100·1·4/16 = 25.
    expect(scoreParts([2, null, 5], spec([3, 2, 1]))).toEqual([18.75, null, 25]);
    // A 0–10 scale and a zero weight: 100·1·7/(1·10) = 70, and the unweighted criterion contributes 0.
    expect(scoreParts([7, 9], spec([1, 0], 0, 10))).toEqual([70, 0]);
  });

  it("refuses the rows the score refuses, with the score's errors", () => {
    const s = spec([1, 1]);
    expect(scoreParts([null, null], s, 4)).toEqual(
      kamError("na", "ratings row 4", "ratings row 4 has no rating: nothing to score."),
    );
    expect(scoreParts([6, 1], s, 2)).toEqual(
      kamError("num", "ratings row 2", "ratings row 2, criterion 1 is 6, outside the rating scale 1–5."),
    );
    // The core reads 0 on a 1–5 scale as out of scale; only the Excel layer reads it as a blank.
    expect(scoreParts([0, 1], s)).toEqual(
      kamError("num", "ratings row 1", "ratings row 1, criterion 1 is 0, outside the rating scale 1–5."),
    );
    expect(scoreParts([Number.NaN, 1], s, 3)).toEqual(
      kamError("value", "ratings row 3", "ratings row 3, criterion 1 is not a number."),
    );
    expect(scoreParts([1], s)).toEqual(
      kamError(
        "value",
        "ratings",
        "ratings has 1 criteria (columns) but weights has 2: give one weight per criterion.",
      ),
    );
    expect(scoreParts([null, 4], spec([1, 0]), 5)).toEqual(
      kamError("na", "ratings row 5", "ratings row 5 rates only criteria whose weight is 0."),
    );
  });
});

describe("mainDriver", () => {
  it("names the largest contribution, or for an account below the cut the largest shortfall (hand-worked)", () => {
    // weights 3, 2, 1 on 1–5, ratings 5, 3, 4: contributions 3·4 = 12, 2·2 = 4, 1·3 = 3 → growth (0);
    // shortfalls w·(5 − x): 3·0 = 0, 2·2 = 4, 1·1 = 1 → margin (1).
    expect(mainDriver([5, 3, 4], spec([3, 2, 1]), false)).toBe(0);
    expect(mainDriver([5, 3, 4], spec([3, 2, 1]), true)).toBe(1);
    // A blank rating is no driver, even where every rated criterion contributes 0 (all at the minimum).
    expect(mainDriver([null, 1, 1], spec([1, 1, 1]), false)).toBe(1);
    expect(mainDriver([5, null, 5], spec([1, 5, 1]), true)).toBe(0);
  });

  it("calls contributions equal but for binary rounding a tie, won by the leftmost criterion", () => {
    // 0.3·(3 − 1) = 0.6 and 0.2·(4 − 1) = 0.6000000000000001 in binary: the same number, so criterion 1.
    expect(0.2 * 3).toBeGreaterThan(0.3 * 2);
    expect(mainDriver([3, 4], spec([0.3, 0.2]), false)).toBe(0);
    // A real difference still decides: 2.0000001 against 2.
    expect(mainDriver([3, 3.0000001], spec([1, 1]), false)).toBe(1);
  });

  it("has no driver where there is no score", () => {
    expect(mainDriver([null, null], spec([1, 1]), false)).toEqual(
      kamError("na", "ratings row 1", "ratings row 1 has no rating: nothing to score."),
    );
  });
});

const criteria = fc.integer({ min: 1, max: 8 });
const caseArb = criteria.chain((k) =>
  fc.record({
    // Weights 0 or at least 1e-6: denormal weights underflow when scaled, which is arithmetic, not scoring.
    weights: fc
      .array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 100, noNaN: true })), { minLength: k, maxLength: k })
      .filter((w) => w.some((x) => x > 0)),
    ratings: fc.array(fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }), {
      minLength: k,
      maxLength: k,
    }),
  }),
);

describe("scoreParts properties", () => {
  it("sum to the score within 1e-9, and refuse exactly the rows the score refuses", () => {
    fc.assert(
      fc.property(caseArb, ({ weights, ratings }) => {
        const s = spec(weights);
        const score = scoreRow(ratings, s);
        const parts = scoreParts(ratings, s);
        if (isKamError(score)) return isKamError(parts) && parts.message === score.message;
        if (isKamError(parts)) return false;
        const sum = parts.reduce<number>((t, p) => t + (p ?? 0), 0);
        return Math.abs(sum - score) <= 1e-9;
      }),
    );
  });

  it("give a blank part exactly where the rating is blank", () => {
    fc.assert(
      fc.property(caseArb, ({ weights, ratings }) => {
        const parts = scoreParts(ratings, spec(weights));
        if (isKamError(parts)) return true;
        return parts.every((p, j) => (p === null) === (ratings[j] === null));
      }),
    );
  });

  it("do not depend on the units of the weights (scaling all weights changes no part)", () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: 0.01, max: 1000, noNaN: true }), ({ weights, ratings }, c) => {
        const a = scoreParts(ratings, spec(weights));
        const b = scoreParts(ratings, spec(weights.map((w) => w * c)));
        if (isKamError(a) || isKamError(b)) return isKamError(a) && isKamError(b);
        return a.every((p, j) => (p === null ? b[j] === null : Math.abs(p - (b[j] as number)) <= 1e-9));
      }),
    );
  });

  it("name as main driver a rated criterion with the largest part (or the largest shortfall)", () => {
    fc.assert(
      fc.property(caseArb, fc.boolean(), ({ weights, ratings }, holdsBack) => {
        const d = mainDriver(ratings, spec(weights), holdsBack);
        if (isKamError(d)) return isKamError(scoreRow(ratings, spec(weights)));
        // From the definition, not the code: w_j(x_j − 1) or w_j(5 − x_j) of the driver ≥ every other rated one's.
        const v = (j: number) => weights[j] * (holdsBack ? 5 - ratings[j]! : ratings[j]! - 1);
        return ratings[d] !== null && ratings.every((x, j) => x === null || v(j) <= v(d) * (1 + 1e-12) + 1e-300);
      }),
    );
  });
});
