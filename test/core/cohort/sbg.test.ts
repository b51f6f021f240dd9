import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fitSbg,
  fittedSbgParams,
  kamError,
  sbgChurn,
  sbgRetention,
  sbgSurvival,
  validateSurvivors,
  type SbgFit,
} from "../../../src/core";

const params = fc.record({
  alpha: fc.double({ min: 0.05, max: 50, noNaN: true }),
  beta: fc.double({ min: 0.05, max: 50, noNaN: true }),
});

describe("sBG model functions", () => {
  it("match hand-computed values", () => {
    const p = { alpha: 1, beta: 1 }; // θ uniform: S(t) = 1/(t+1), r_t = t/(t+1)
    expect(sbgSurvival(p, 0)).toBe(1);
    expect(sbgSurvival(p, 3)).toBeCloseTo(0.25, 15);
    expect(sbgRetention(p, 1)).toBe(0.5);
    expect(sbgRetention(p, 4)).toBe(0.8);
    expect(sbgChurn(p, 4)).toBeCloseTo(0.2, 15);
  });

  it("reject periods that are not whole numbers in range", () => {
    const p = { alpha: 1, beta: 1 };
    // survival is defined from period 0 (S(0) = 1), retention and churn from period 1 (r_t compares t with t − 1)
    const from0 = "it must be a whole number of periods, 0 or more.";
    const from1 = "it must be a whole number of periods, 1 or more.";
    expect(sbgSurvival(p, -1)).toEqual(kamError("num", "period", `period is -1; ${from0}`));
    expect(sbgSurvival(p, 1.5)).toEqual(kamError("num", "period", `period is 1.5; ${from0}`));
    expect(sbgRetention(p, 0)).toEqual(kamError("num", "period", `period is 0; ${from1}`));
    expect(sbgChurn(p, 0)).toEqual(kamError("num", "period", `period is 0; ${from1}`));
    expect(sbgRetention(p, 2.5)).toEqual(kamError("num", "period", `period is 2.5; ${from1}`));
    expect(sbgChurn(p, 1.5)).toEqual(kamError("num", "period", `period is 1.5; ${from1}`));
  });

  it("S(t) decreases and r_t increases with t for every α, β > 0", () => {
    fc.assert(
      fc.property(params, fc.integer({ min: 1, max: 200 }), (p, t) => {
        const s0 = sbgSurvival(p, t - 1) as number;
        const s1 = sbgSurvival(p, t) as number;
        const r0 = sbgRetention(p, t) as number;
        const r1 = sbgRetention(p, t + 1) as number;
        return s1 < s0 && r1 > r0 && Math.abs(s1 / s0 - r0) < 1e-12;
      }),
    );
  });
});

describe("validateSurvivors", () => {
  it("names each problem", () => {
    expect(validateSurvivors([100, 90])).toEqual(
      kamError(
        "value",
        "survivors",
        "survivors has 2 count(s); the model needs at least 3: the start and two periods.",
      ),
    );
    expect(validateSurvivors([100, 90, 95])).toMatchObject({
      message:
        "survivors rise from 90 in period 1 to 95 in period 2: a cohort can only shrink (count new accounts in a cohort of their own).",
    });
    expect(validateSurvivors([100, -1, -2])).toMatchObject({ message: expect.stringContaining("period 1 is -1") });
    expect(validateSurvivors([100, Number.NaN, 1])).toMatchObject({
      message: "survivors in period 1 is not a number.",
    });
    expect(validateSurvivors([0, 0, 0])).toMatchObject({ message: expect.stringContaining("starts at 0") });
    expect(validateSurvivors([50, 50, 50])).toMatchObject({ message: expect.stringContaining("no account churned") });
    expect(validateSurvivors([50, 0, 0])).toMatchObject({
      message: expect.stringContaining("every account churned in period 1"),
    });
    expect(validateSurvivors([1000, 631, 468])).toBeUndefined();
  });

  it("refuses a cohort whose churn all came in period 1: its likelihood rises towards α, β → 0, no finite fit", () => {
    // LL = c₁ ln(α/(α+β)) + n_T ln S(T), S(T) = β/(α+β) · Π_{k=1}^{T−1} (β+k)/(α+β+k): each factor of the product is
    // below 1 and tends to 1 as α, β → 0 with α/(α+β) = c₁/n₀, so the supremum is approached, never reached.
    const allInPeriod1 = kamError(
      "value",
      "survivors",
      "no account churned after period 1, so the model cannot be fitted: it would see one group that leaves at once " +
        "and one that never leaves, with α and β running to 0.",
    );
    expect(validateSurvivors([100, 60, 60])).toEqual(allInPeriod1);
    expect(validateSurvivors([100, 60, 60, 60, 60])).toEqual(allInPeriod1);
    // three key accounts, two gone in the first year and the third still there five years on: once a "converged" fit
    // with α and β of about 1e-8
    expect(fitSbg([3, 1, 1, 1, 1, 1])).toEqual(allInPeriod1);
    expect(fittedSbgParams([3, 1, 1, 1, 1, 1])).toEqual(allInPeriod1);
    // churn after period 1 as well, however little, has a finite fit
    expect(validateSurvivors([100, 60, 60, 59])).toBeUndefined();
    expect(fittedSbgParams([100, 60, 60, 59])).toMatchObject({ converged: true });
  });

  it("is what the fit reports", () => {
    expect(fitSbg([50, 50, 50])).toEqual(
      kamError(
        "value",
        "survivors",
        "no account churned in these periods, so the model cannot be fitted: there is no churn to learn from.",
      ),
    );
  });
});

/** Seeded simulation: each account draws θ ~ Beta(α, β), then churns each period with probability θ. */
function simulateCohort(alpha: number, beta: number, size: number, periods: number, seed: number): number[] {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  // Marsaglia & Tsang (2000) gamma sampler; Beta = X/(X+Y); the shape < 1 case via the U^(1/a) boost.
  const gamma = (a: number): number => {
    if (a < 1) return gamma(a + 1) * Math.pow(uniform(), 1 / a);
    const d = a - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = normal();
      const v = (1 + c * x) ** 3;
      if (v > 0 && Math.log(uniform()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const counts = new Array(periods + 1).fill(0);
  for (let i = 0; i < size; i++) {
    const x = gamma(alpha);
    const theta = x / (x + gamma(beta));
    let t = 0;
    counts[0]++;
    while (t < periods && uniform() >= theta) counts[++t]++;
  }
  return counts;
}

describe("fitSbg", () => {
  it("recovers α and β from large simulated cohorts (within 10%)", () => {
    fc.assert(
      fc.property(
        fc.record({
          alpha: fc.double({ min: 0.3, max: 3, noNaN: true }),
          beta: fc.double({ min: 0.5, max: 5, noNaN: true }),
        }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        ({ alpha, beta }, seed) => {
          const fit = fitSbg(simulateCohort(alpha, beta, 100_000, 12, seed)) as SbgFit;
          return fit.converged && Math.abs(fit.alpha / alpha - 1) < 0.1 && Math.abs(fit.beta / beta - 1) < 0.1;
        },
      ),
      { seed: 20261123, numRuns: 12 },
    );
  });

  it("converges from the counts of any heterogeneous cohort it is given (no stuck starts)", () => {
    fc.assert(
      fc.property(params, fc.integer({ min: 3, max: 30 }), (p, periods) => {
        // expected counts of a 10,000-account cohort: the fit must return to p itself
        const counts = Array.from({ length: periods + 1 }, (_, t) => 10_000 * (sbgSurvival(p, t) as number));
        const fit = fitSbg(counts) as SbgFit;
        return fit.converged && Math.abs(fit.alpha / p.alpha - 1) < 1e-4 && Math.abs(fit.beta / p.beta - 1) < 1e-4;
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it("says when a cohort has no finite fit: constant retention is one homogeneous group", () => {
    const geometric = [1000, 900, 810, 729, 656.1, 590.49];
    expect(fitSbg(geometric)).toMatchObject({ converged: false });
    expect(fittedSbgParams(geometric)).toMatchObject({ code: "value", message: expect.stringContaining("KAM.CLV") });
  });
});
