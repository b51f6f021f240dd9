import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kamError, npsFromAnswers, npsGroup } from "../../src/core";

describe("npsFromAnswers", () => {
  it("matches worked examples of the definition (Reichheld 2003: % promoters − % detractors)", () => {
    // 10 and 9 promoters, 8 passive, 6 detractor: 100·(2 − 1)/4 = 25 (the doc comment's example)
    expect(npsFromAnswers([10, 9, 8, 6])).toBe(25);
    // 60 promoters, 30 passives, 10 detractors of 100: 60% − 10% = 50
    const hundred = [...Array<number>(60).fill(9), ...Array<number>(30).fill(7), ...Array<number>(10).fill(3)];
    expect(npsFromAnswers(hundred)).toBe(50);
    // the group boundaries: 9 promoter, 7 and 8 passive, 6 detractor
    expect(npsFromAnswers([9])).toBe(100);
    expect(npsFromAnswers([7, 8])).toBe(0);
    expect(npsFromAnswers([6, 0])).toBe(-100);
    // one promoter and two detractors of three: 100·(1 − 2)/3 = −33.33…
    expect(npsFromAnswers([10, 5, 1])).toBeCloseTo(-100 / 3, 12);
  });

  it("leaves blank answers out of the count", () => {
    expect(npsFromAnswers([null, 10, 9, null, 8, 6])).toBe(25);
  });

  it("reports an answer off the scale with its row, and a list with no answer", () => {
    const scale = "an NPS answer is a whole number from 0 to 10.";
    expect(npsFromAnswers([10, 11])).toEqual(kamError("num", "answers row 2", `answers row 2 is 11; ${scale}`));
    // a blank row still counts in the position the message gives
    expect(npsFromAnswers([null, -1])).toEqual(kamError("num", "answers row 2", `answers row 2 is -1; ${scale}`));
    expect(npsFromAnswers([8.5])).toEqual(kamError("num", "answers row 1", `answers row 1 is 8.5; ${scale}`));
    const none = kamError("na", "answers", "answers has no answer: nothing to score.");
    expect(npsFromAnswers([])).toEqual(none);
    expect(npsFromAnswers([null, null])).toEqual(none);
  });

  it("lies in [−100, 100], ignores order, and agrees with npsGroup's counts", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 }), (answers) => {
        const score = npsFromAnswers(answers) as number;
        const promoters = answers.filter((a) => npsGroup(a) === "promoter").length;
        const detractors = answers.filter((a) => npsGroup(a) === "detractor").length;
        return (
          score >= -100 &&
          score <= 100 &&
          score === npsFromAnswers([...answers].reverse()) &&
          Math.abs(score - (100 * (promoters - detractors)) / answers.length) < 1e-12
        );
      }),
    );
  });
});

describe("npsGroup", () => {
  it("puts 9–10 in promoters, 7–8 in passives and 0–6 in detractors", () => {
    const groups = Array.from({ length: 11 }, (_, x) => npsGroup(x));
    expect(groups).toEqual([...Array(7).fill("detractor"), "passive", "passive", "promoter", "promoter"]);
  });
});
