import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isKamError, kamError, makeScoreSpec, scoreRow, type ScoreSpec } from "../../src/core";

function spec(weights: (number | null)[], min?: number, max?: number): ScoreSpec {
  const s = makeScoreSpec(weights, min, max);
  if (isKamError(s)) throw new Error(s.message);
  return s;
}

describe("scoreRow", () => {
  it("computes the weighted, min-max normalised score (hand-checked)", () => {
    // weights 3,1 on a 1–5 scale; ratings 5 and 1: 100·(3·4 + 1·0)/(4·4) = 75
    expect(scoreRow([5, 1], spec([3, 1]))).toBe(75);
    // ratings 4, 2, 3 weights 0.5, 0.3, 0.2: 100·(0.5·3 + 0.3·1 + 0.2·2)/(1·4) = 55
    expect(scoreRow([4, 2, 3], spec([0.5, 0.3, 0.2]))).toBeCloseTo(55, 12);
    // a 0–10 scale: ratings 7 and 9, equal weights: 100·(7 + 9)/(2·10) = 80
    expect(scoreRow([7, 9], spec([1, 1], 0, 10))).toBeCloseTo(80, 12);
  });

  it("leaves blank ratings out and renormalises the other weights", () => {
    // only criterion 1 rated (5 of 5) → 100 whatever the other weight
    expect(scoreRow([5, null], spec([3, 1]))).toBe(100);
    expect(scoreRow([null, 3], spec([3, 1]))).toBe(50);
  });

  it("reports each bad row with the right code, naming the row and the criterion", () => {
    const s = spec([1, 1]);
    expect(scoreRow([null, null], s, 4)).toEqual(
      kamError("na", "ratings row 4", "ratings row 4 has no rating: nothing to score."),
    );
    expect(scoreRow([6, 1], s, 2)).toEqual(
      kamError("num", "ratings row 2", "ratings row 2, criterion 1 is 6, outside the rating scale 1–5."),
    );
    // the row number defaults to 1 (a single row); the second criterion is named when it is the bad one
    expect(scoreRow([1, 0], s)).toEqual(
      kamError("num", "ratings row 1", "ratings row 1, criterion 2 is 0, outside the rating scale 1–5."),
    );
    expect(scoreRow([Number.NaN, 1], s, 3)).toEqual(
      kamError("value", "ratings row 3", "ratings row 3, criterion 1 is not a number."),
    );
    // A JavaScript caller's text is refused, not coerced ("3" >= 1 is true in JavaScript)
    expect(scoreRow(["3" as unknown as number, 1], s)).toEqual(
      kamError("value", "ratings row 1", "ratings row 1, criterion 1 is not a number."),
    );
    expect(scoreRow([1, 2, 3], s)).toEqual(
      kamError(
        "value",
        "ratings",
        "ratings has 3 criteria (columns) but weights has 2: give one weight per criterion.",
      ),
    );
    expect(scoreRow([null, 4], spec([1, 0]), 5)).toEqual(
      kamError("na", "ratings row 5", "ratings row 5 rates only criteria whose weight is 0."),
    );
  });

  it("rejects bad weights and scales for the whole call, with a message (#VALUE!)", () => {
    expect(makeScoreSpec([1, -1])).toEqual(
      kamError("value", "weights", "weight 2 is negative (-1); weights must be 0 or more."),
    );
    expect(makeScoreSpec([0, 0, null])).toEqual(
      kamError("value", "weights", "all weights are zero: at least one criterion must count."),
    );
    expect(makeScoreSpec([])).toEqual(kamError("value", "weights", "weights is empty: give one weight per criterion."));
    expect(makeScoreSpec([1], 5, 5)).toEqual(
      kamError("value", "scale_max", "scale_max (5) must be greater than scale_min (5): the rating scale is empty."),
    );
    expect(makeScoreSpec([1], 5, 1)).toEqual(
      kamError("value", "scale_max", "scale_max (1) must be greater than scale_min (5): the rating scale is empty."),
    );
    expect(makeScoreSpec([1, Number.POSITIVE_INFINITY])).toEqual(
      kamError("value", "weights", "weight 2 is not a number."),
    );
    expect(makeScoreSpec([2, null])).toEqual({ weights: [2, 0], scaleMin: 1, scaleMax: 5 });
  });
});

const criteria = fc.integer({ min: 1, max: 8 });
const caseArb = criteria.chain((k) =>
  fc.record({
    // Weights are 0 or at least 1e-6: denormal weights underflow to 0 when scaled, which is arithmetic, not scoring.
    weights: fc
      .array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 100, noNaN: true })), { minLength: k, maxLength: k })
      .filter((w) => w.some((x) => x > 0)),
    ratings: fc.array(fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }), {
      minLength: k,
      maxLength: k,
    }),
  }),
);

describe("scoreRow properties", () => {
  it("lies in [0, 100] whenever some positively weighted criterion is rated", () => {
    fc.assert(
      fc.property(caseArb, ({ weights, ratings }) => {
        const r = scoreRow(ratings, spec(weights));
        const ratedWeight = ratings.reduce<number>((s, x, j) => (x === null ? s : s + weights[j]), 0);
        if (ratedWeight === 0) return isKamError(r);
        return typeof r === "number" && r >= -1e-9 && r <= 100 + 1e-9;
      }),
    );
  });

  it("is monotone: raising a positively weighted rating never lowers the score", () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.double({ min: 0, max: 4, noNaN: true }), ({ weights, ratings }, pick, step) => {
        const j = pick % ratings.length;
        if (ratings[j] === null || weights[j] === 0) return true;
        const before = scoreRow(ratings, spec(weights));
        const raised = ratings.slice();
        raised[j] = Math.min(5, (ratings[j] as number) + step);
        const after = scoreRow(raised, spec(weights));
        return typeof before === "number" && typeof after === "number" && after >= before - 1e-9;
      }),
    );
  });

  it("does not depend on the units of the weights (scaling all weights changes nothing)", () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: 0.01, max: 1000, noNaN: true }), ({ weights, ratings }, c) => {
        const a = scoreRow(ratings, spec(weights));
        const b = scoreRow(ratings, spec(weights.map((w) => w * c)));
        if (isKamError(a) || isKamError(b)) return isKamError(a) && isKamError(b);
        return Math.abs(a - b) < 1e-9;
      }),
    );
  });
});
