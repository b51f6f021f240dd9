/**
 * Gauss's hypergeometric series 2F1(a, b; c; z) as the cohort lifetimes use it: its domain, its closed forms and where
 * the summation stops. Closed forms from DLMF §15.4 (and A&S 15.1); the series itself is A&S 15.1.1.
 */
import { describe, expect, it } from "vitest";
import { hyp2f1, kamError } from "../../../src/core";

describe("2F1: the arguments it sums", () => {
  it("refuses a, b or c of 0 or below, naming all three (the series is summed for a, b, c > 0 only)", () => {
    const refused = (a: number, b: number, c: number) =>
      kamError("num", "2F1", `2F1 needs a, b, c > 0 (got ${a}, ${b}, ${c}).`);
    expect(hyp2f1(0, 1, 1, 0.5)).toEqual(refused(0, 1, 1));
    expect(hyp2f1(1, 0, 1, 0.5)).toEqual(refused(1, 0, 1));
    expect(hyp2f1(1, -1, 1, 0.5)).toEqual(refused(1, -1, 1));
    expect(hyp2f1(1, 1, 0, 0.5)).toEqual(refused(1, 1, 0));
    expect(hyp2f1(1, 1, -1, 0.5)).toEqual(refused(1, 1, -1));
    expect(hyp2f1(1, Number.NaN, 1, 0.5)).toEqual(refused(1, Number.NaN, 1));
  });

  it("refuses z below 0 or above 1, and is 1 at z = 0 whatever a, b and c (the series' first term)", () => {
    expect(hyp2f1(1, 1, 2, -0.5)).toEqual(
      kamError("num", "2F1", "2F1 is summed here only for 0 ≤ z ≤ 1 (got z = -0.5)."),
    );
    expect(hyp2f1(1, 1, 2, Number.NaN)).toEqual(
      kamError("num", "2F1", "2F1 is summed here only for 0 ≤ z ≤ 1 (got z = NaN)."),
    );
    expect(hyp2f1(1, 2, 3, 0)).toBe(1);
    // no terms to sum, even where a tail bound would only start after millions of terms (k > a + b + c)
    expect(hyp2f1(5e6, 1, 1, 0)).toBe(1);
  });
});

describe("2F1 at z = 1: Gauss's theorem, Γ(c)Γ(c − a − b)/(Γ(c − a)Γ(c − b)) (DLMF 15.4.20)", () => {
  it("matches it where Γ(c − a − b) is not 1", () => {
    // 2F1(1, 1; 5; 1) = Γ(5)Γ(3)/(Γ(4)Γ(4)) = 24·2/36 = 4/3
    expect(hyp2f1(1, 1, 5, 1) as number).toBeCloseTo(4 / 3, 14);
    // 2F1(1/2, 1/2; 5/2; 1) = Γ(5/2)Γ(3/2)/(Γ(2)Γ(2)) = (3√π/4)(√π/2) = 3π/8
    expect(hyp2f1(0.5, 0.5, 2.5, 1) as number).toBeCloseTo((3 * Math.PI) / 8, 14);
  });

  it("refuses c − a − b ≤ 0, where the series diverges (DLMF 15.2(i))", () => {
    expect(hyp2f1(1, 1, 2, 1)).toEqual(kamError("num", "2F1", "2F1(1, 1; 2; 1) diverges: it needs c − a − b > 0."));
    expect(hyp2f1(1, 2, 2.5, 1)).toEqual(kamError("num", "2F1", "2F1(1, 2; 2.5; 1) diverges: it needs c − a − b > 0."));
  });
});

describe("2F1 for 0 < z < 1: where the summation stops", () => {
  it("sums 2F1(1, 1; 1; z) = 1/(1 − z) (DLMF 15.4.6 with a = 1) to the last bit at z = 2⁻¹⁰", () => {
    // Every term z^k is a power of two ten bits below the last, so the partial sums are exact; 1 + 2⁻¹⁰ + … + 2⁻⁵⁰ is
    // 1024/1023 rounded to double. Leaving out the 2⁻⁵⁰ term (stopping one term early) is 4 units in the last place.
    expect(hyp2f1(1, 1, 1, 2 ** -10)).toBe(1024 / 1023);
  });

  it("gives up after two million terms, and not one term sooner: (1 − z)^−3/2 = 2F1(3/2, 1; 1; z) near z = 1", () => {
    // At z = 0.99998176436 the tail bound term·q/(1 − q) ≤ 1e-15·sum is first met at term 1,999,999, the last the cap
    // allows; at z = 0.999981764365 it would be met at term 2,000,000, one too many. Both sums were followed term by term.
    // The closed form is DLMF 15.4.6: 2F1(a, b; b; z) = (1 − z)^−a.
    const z = 0.99998176436;
    const value = hyp2f1(1.5, 1, 1, z) as number;
    expect(Math.abs(value / (1 - z) ** -1.5 - 1)).toBeLessThan(1e-10);
    expect(hyp2f1(1.5, 1, 1, 0.999981764365)).toEqual(
      kamError("num", "2F1", "2F1(1.5, 1; 1; 0.999981764365) did not converge in 2000000 terms."),
    );
  });
});
