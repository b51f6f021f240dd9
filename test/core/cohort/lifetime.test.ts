import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cohortClv,
  discountedExpectedLifetime,
  discountedExpectedResidualLifetime,
  hyp2f1,
  kamError,
  lnGamma,
  sbgSurvival,
} from "../../../src/core";

/** Direct summation of a positive series until its terms vanish (the definition, term by term). */
function sumUntilSmall(term: (t: number) => number, from: number): number {
  let total = 0;
  for (let t = from; t < 5_000_000; t++) {
    const x = term(t);
    total += x;
    if (x < 1e-17 * total) break;
  }
  return total;
}

describe("lnGamma and 2F1", () => {
  it("match known values", () => {
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(lnGamma(100)).toBeCloseTo(359.1342053695754, 9); // ln 99!
    // closed forms: 2F1(1,1;2;z) = −ln(1−z)/z; 2F1(a,b;b;z) = (1−z)^−a (A&S 15.1.3, 15.1.8)
    expect(hyp2f1(1, 1, 2, 0.5) as number).toBeCloseTo(-Math.log(0.5) / 0.5, 14);
    expect(hyp2f1(2.5, 3, 3, 0.9) as number).toBeCloseTo(Math.pow(0.1, -2.5), 9);
    // Gauss at z = 1: 2F1(1, 2; 5; 1) = Γ(5)Γ(2)/(Γ(4)Γ(3)) = 24/12 = 2
    expect(hyp2f1(1, 2, 5, 1) as number).toBeCloseTo(2, 13);
  });

  it("below 1/2 by the reflection formula, to the last digits of published values", () => {
    // Γ(1/4) and Γ(1/3): OEIS A068466 and A073005; Γ(0.2), Γ(0.1), Γ(0.01): Burkardt's GAMMA_VALUES table (Abramowitz & Stegun
    // Table 6.1 with Γ(x) = Γ(1 + x)/x, to 16 digits by Mathematica).
    expect(lnGamma(0.25)).toBeCloseTo(Math.log(3.625609908221908), 14);
    expect(lnGamma(1 / 3)).toBeCloseTo(Math.log(2.678938534707748), 14);
    expect(lnGamma(0.2)).toBeCloseTo(Math.log(4.590843711998803), 14);
    expect(lnGamma(0.1)).toBeCloseTo(Math.log(9.513507698668732), 14);
    expect(lnGamma(0.01)).toBeCloseTo(Math.log(99.4325851191506), 14);
    // Near 0, 1/Γ(x) = x + γx² + O(x³) (DLMF 5.7.1), so ln Γ(x) = −ln x − γx + O(x²): exact in double precision
    // at 1e-10 and 1e-20, where x − 1 no longer holds x's digits (1e-20 − 1 is −1).
    const gamma = 0.5772156649015329; // Euler's constant, DLMF §5.2(ii)
    expect(lnGamma(1e-10)).toBeCloseTo(10 * Math.LN10 - gamma * 1e-10, 13);
    expect(lnGamma(1e-20)).toBeCloseTo(20 * Math.LN10, 13);
  });

  it("refuses what it cannot sum", () => {
    expect(hyp2f1(1, 2, 3, 1)).toMatchObject({ code: "num", message: expect.stringContaining("diverges") });
    expect(hyp2f1(1, 2, 3, 1.2)).toEqual(
      kamError("num", "2F1", "2F1 is summed here only for 0 ≤ z ≤ 1 (got z = 1.2)."),
    );
    expect(hyp2f1(-1, 2, 3, 0.5)).toEqual(kamError("num", "2F1", "2F1 needs a, b, c > 0 (got -1, 2, 3)."));
  });

  it("equals direct summation of its series for z < 1", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: 0.1, max: 8, noNaN: true }),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        (a, b, c, z) => {
          let term = 1;
          const direct = 1 + sumUntilSmall((k) => (term *= ((a + k) * (b + k) * z) / ((c + k) * (k + 1))), 0);
          return Math.abs((hyp2f1(a, b, c, z) as number) / direct - 1) < 1e-12;
        },
      ),
    );
  });
});

const params = fc.record({
  alpha: fc.double({ min: 0.2, max: 20, noNaN: true }),
  beta: fc.double({ min: 0.2, max: 20, noNaN: true }),
});
const rate = fc.double({ min: 0.01, max: 0.5, noNaN: true });

describe("DEL and DERL (Fader & Hardie 2010)", () => {
  it("DEL by 2F1 equals Σ_{t≥0} S(t)/(1+d)^t", () => {
    fc.assert(
      fc.property(params, rate, (p, d) => {
        const direct = sumUntilSmall((t) => (sbgSurvival(p, t) as number) / (1 + d) ** t, 0);
        return Math.abs((discountedExpectedLifetime(p, d) as number) / direct - 1) < 1e-10;
      }),
      { numRuns: 60 },
    );
  });

  it("DERL(n) by 2F1 equals Σ_{t≥n+1} S(t)/S(n) /(1+d)^(t−n−1)", () => {
    fc.assert(
      fc.property(params, rate, fc.integer({ min: 0, max: 20 }), (p, d, n) => {
        const sn = sbgSurvival(p, n) as number;
        const direct = sumUntilSmall((t) => (sbgSurvival(p, t) as number) / sn / (1 + d) ** (t - n - 1), n + 1);
        return Math.abs((discountedExpectedResidualLifetime(p, d, n) as number) / direct - 1) < 1e-10;
      }),
      { numRuns: 60 },
    );
  });

  it("at d = 0 uses Gauss's closed forms, and only where they are finite (α > 1)", () => {
    expect(discountedExpectedLifetime({ alpha: 2, beta: 3 }, 0) as number).toBeCloseTo(4, 12); // (α+β−1)/(α−1)
    expect(discountedExpectedResidualLifetime({ alpha: 2, beta: 3 }, 0, 2) as number).toBeCloseTo(5, 12); // (β+n)/(α−1)
    expect(discountedExpectedLifetime({ alpha: 0.704, beta: 1.182 }, 0)).toEqual(
      kamError(
        "value",
        "discount_rate",
        "with a discount rate of 0 the expected lifetime is infinite unless α > 1 (this cohort's α is 0.7040): use a " +
          "discount rate above 0.",
      ),
    );
    expect(discountedExpectedLifetime({ alpha: 1, beta: 1 }, -0.1)).toEqual(
      kamError(
        "num",
        "discount_rate",
        "discount_rate is -0.1; the cohort model needs 0 or more (a negative rate makes the value infinite).",
      ),
    );
    expect(discountedExpectedResidualLifetime({ alpha: 1, beta: 1 }, 0.1, 1.5)).toEqual(
      kamError("num", "renewals", "renewals is 1.5; it must be a whole number, 0 or more."),
    );
  });

  it("values an account: margin × DEL for a new one, margin × DERL after renewals", () => {
    const p = { alpha: 0.704, beta: 1.182 };
    expect(cohortClv(100, p, 0.1, null) as number).toBeCloseTo(
      100 * (discountedExpectedLifetime(p, 0.1) as number),
      10,
    );
    expect(cohortClv(100, p, 0.1, 3) as number).toBeCloseTo(
      100 * (discountedExpectedResidualLifetime(p, 0.1, 3) as number),
      10,
    );
    // heterogeneity: an account that has renewed 5 times is worth more than a new one
    expect(cohortClv(100, p, 0.1, 5) as number).toBeGreaterThan(cohortClv(100, p, 0.1, null) as number);
    expect(cohortClv(Number.NaN, p, 0.1, null)).toMatchObject({ argument: "margin" });
  });
});

describe("DEL and DERL refuse what has no finite value", () => {
  const regular = { alpha: 0.704, beta: 1.182 };

  it("a discount rate that is not a number", () => {
    const notANumber = kamError("value", "discount_rate", "discount_rate must be a number.");
    expect(discountedExpectedLifetime(regular, Number.NaN)).toEqual(notANumber);
    expect(discountedExpectedLifetime(regular, Number.POSITIVE_INFINITY)).toEqual(notANumber);
    expect(discountedExpectedResidualLifetime(regular, Number.NaN, 2)).toEqual(notANumber);
  });

  it("a negative number of renewals, and a margin that is not a number", () => {
    expect(discountedExpectedResidualLifetime(regular, 0.1, -1)).toEqual(
      kamError("num", "renewals", "renewals is -1; it must be a whole number, 0 or more."),
    );
    expect(cohortClv(Number.POSITIVE_INFINITY, regular, 0.1, 2)).toEqual(
      kamError("value", "margin", "margin must be a number."),
    );
  });

  it("a discount rate of 0 at α = 1 exactly, where Σ S(t) = Σ β/(β + t) diverges like the harmonic series", () => {
    expect(discountedExpectedLifetime({ alpha: 1, beta: 2 }, 0)).toEqual(
      kamError(
        "value",
        "discount_rate",
        "with a discount rate of 0 the expected lifetime is infinite unless α > 1 (this cohort's α is 1.000): use a " +
          "discount rate above 0.",
      ),
    );
  });

  it("a discount rate so small that 2F1 would need more than two million terms: its error, not a number", () => {
    // z = 1/(1 + 1e-9): the terms of 2F1(1, β + n + 1; α + β + n + 1; z) shrink by about 1e-9 a term
    const z = 1 / (1 + 1e-9);
    expect(discountedExpectedResidualLifetime(regular, 1e-9, 0)).toEqual(
      kamError("num", "2F1", `2F1(1, 2.182; 2.886; ${z}) did not converge in 2000000 terms.`),
    );
    expect(discountedExpectedLifetime(regular, 1e-9)).toEqual(
      kamError("num", "2F1", `2F1(1, 1.182; 1.886; ${z}) did not converge in 2000000 terms.`),
    );
  });
});
