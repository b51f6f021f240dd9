/**
 * The maximum-likelihood fit of the shifted-beta-geometric model (Fader & Hardie, "How to Project Customer Retention",
 * J. Interactive Marketing 21(1), 2007): the published fits, cohorts that take each path of the optimiser (Newton, the
 * trust-region step where Newton's Hessian is not negative definite, step halving, the stop on a flat likelihood and
 * the Newton steps that polish the result) and the cohorts it refuses.
 *
 * Reference maxima were computed apart from this code: Nelder–Mead from eight starts (SciPy) to find the maximum, then
 * mpmath's findroot at 40 digits on the score equations ∂LL/∂ln α = ∂LL/∂ln β = 0 of the likelihood of eq. (7); the
 * random cohorts' maxima by Nelder–Mead on the paper's recursion in the test itself (test/support/sbgReferenceMaximum).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fitSbg,
  fittedSbgParams,
  isKamError,
  kamError,
  sbgLikelihood,
  sbgSurvival,
  type SbgFit,
} from "../../../src/core";
import { paperLogLikelihood, referenceMaximum } from "../../support/sbgReferenceMaximum";

/** ∂LL/∂ln α and ∂LL/∂ln β by central differences of {@link paperLogLikelihood}. */
function gradientByDifferences(alpha: number, beta: number, n: readonly number[]): [number, number] {
  const h = 1e-5;
  const ll = (x: number, y: number) => paperLogLikelihood(Math.exp(x), Math.exp(y), n);
  const [x, y] = [Math.log(alpha), Math.log(beta)];
  return [(ll(x + h, y) - ll(x - h, y)) / (2 * h), (ll(x, y + h) - ll(x, y - h)) / (2 * h)];
}

/**
 * How close to the maximum double precision lets a fit come, as a relative error in α and β: the gradient is a sum of
 * terms about as large as |LL|, so it carries a rounding error of about 1e-13·|LL| (some hundred ulps); a gradient
 * that wrong moves the point where it vanishes by 1e-13·|LL|/μ in (ln α, ln β), μ the smallest eigenvalue of −Hessian
 * there (the flattest direction). A fit that stopped once LL stopped rising visibly, λ²/2 below 1e-13·|LL|, could be
 * √(2·1e-13·|LL|/μ) off instead: 9e-8 on Regular, 8.8e-6 on High End years 0–3.
 */
function precision(alpha: number, beta: number, n: readonly number[]): number {
  const { logLikelihood, hessian } = sbgLikelihood(alpha, beta, n);
  const [[a, b], [, d]] = hessian;
  const trace = -(a + d);
  const mu = (trace - Math.sqrt(trace * trace - 4 * (a * d - b * b))) / 2;
  return (1e-13 * Math.max(1, Math.abs(logLikelihood))) / mu;
}

/** The flat-retention (geometric) model's LL, D ln p + (E − D) ln(1 − p) with p = D/E: what a finite fit must beat. */
function flatRetentionLogLikelihood(n: readonly number[]): number {
  const churned = n[0] - n[n.length - 1];
  const exposure = n.slice(0, -1).reduce((sum, x) => sum + x, 0);
  const p = churned / exposure;
  return churned * Math.log(p) + (exposure - churned) * Math.log(1 - p);
}

/** The fit converges to the reference maximum [α, β, LL], as close as double precision allows. */
function expectMaximum(n: readonly number[], [alpha, beta, ll]: readonly [number, number, number]): SbgFit {
  const fit = fitSbg(n) as SbgFit;
  expect(fit.converged).toBe(true);
  const within = precision(alpha, beta, n);
  expect(Math.abs(fit.alpha / alpha - 1)).toBeLessThan(within);
  expect(Math.abs(fit.beta / beta - 1)).toBeLessThan(within);
  expect(Math.abs(fit.logLikelihood / ll - 1)).toBeLessThan(1e-12);
  const [gx, gy] = gradientByDifferences(fit.alpha, fit.beta, n);
  expect(Math.hypot(gx, gy)).toBeLessThan(1e-6 * Math.abs(ll));
  return fit;
}

const regular = [1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173];
const highEnd = [1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394];

describe("fitSbg on the published cohorts (Fader & Hardie 2007, Table 1, years 0–7 as in the paper)", () => {
  it("High End: α = 0.668, β = 3.806, LL = −1611.2, from LL −2115.5 at Solver's start α = β = 1 (Appendix B)", () => {
    const n = highEnd.slice(0, 8);
    // Appendix B's two starting points, and the maximum both reach
    expect(paperLogLikelihood(1, 1, n).toFixed(1)).toBe("-2115.5");
    expect(paperLogLikelihood(0.01, 0.01, n).toFixed(1)).toBe("-2741.7");
    const fit = expectMaximum(n, [0.6680883511064463, 3.806094964058267, -1611.1581473911565]);
    expect([fit.alpha.toFixed(3), fit.beta.toFixed(3), fit.logLikelihood.toFixed(1)]).toEqual([
      "0.668",
      "3.806",
      "-1611.2",
    ]);
  });

  it("Regular: α = 0.704, β = 1.182, LL = −1680.3", () => {
    const fit = expectMaximum(regular.slice(0, 8), [0.7040772984735162, 1.1820430262094757, -1680.265188463287]);
    expect([fit.alpha.toFixed(3), fit.beta.toFixed(3), fit.logLikelihood.toFixed(1)]).toEqual([
      "0.704",
      "1.182",
      "-1680.3",
    ]);
  });

  it("both cohorts on all 13 counts, years 0–12", () => {
    expectMaximum(regular, [0.6973624517024858, 1.168904620915406, -1931.4916941280806]);
    expectMaximum(highEnd, [0.59611120054391, 3.32696874117329, -2010.8584195650863]);
  });
});

describe("the start from the first two retention rates, r₁ = β/(α+β) and r₂ = (β+1)/(α+β+1) (eq. (8))", () => {
  it("solves them exactly with two periods, where the model is saturated and they are the maximum", () => {
    for (const n of [
      [1000, 533, 312],
      [100, 72, 52], // α + β = (1 − r₂)/(r₂ − r₁) = 125: α = 35, β = 90
      [100, 80, 65],
      [1000, 896, 868],
      [100, 51, 39],
      [1000, 573, 425],
      [30, 17, 10],
    ]) {
      const [r1, r2] = [n[1] / n[0], n[2] / n[1]];
      const sum = (1 - r2) / (r2 - r1);
      const fit = fitSbg(n) as SbgFit;
      expect(fit.converged).toBe(true);
      expect(Math.abs(fit.alpha / ((1 - r1) * sum) - 1)).toBeLessThan(1e-12);
      expect(Math.abs(fit.beta / (r1 * sum) - 1)).toBeLessThan(1e-12);
      // started at the maximum, the fit has nothing to climb: an iteration to see that, a Newton step or two to polish
      expect(fit.iterations).toBeGreaterThanOrEqual(1);
      expect(fit.iterations).toBeLessThanOrEqual(3);
    }
  });

  it("returns the α and β that counts following the model exactly came from, to rounding", () => {
    for (const [alpha, beta, periods] of [
      [0.704, 1.182, 7],
      [2, 5, 12],
      [0.3, 8, 4],
      [40, 60, 6],
    ]) {
      const n = Array.from({ length: periods + 1 }, (_, t) => 1000 * (sbgSurvival({ alpha, beta }, t) as number));
      const fit = fitSbg(n) as SbgFit;
      expect(fit.converged).toBe(true);
      expect(Math.abs(fit.alpha / alpha - 1)).toBeLessThan(1e-12);
      expect(Math.abs(fit.beta / beta - 1)).toBeLessThan(1e-12);
    }
  });

  it("starts mildly heterogeneous where r₂ = r₁ (no sign of heterogeneity yet) and still finds the maximum", () => {
    expectMaximum([100, 20, 4, 2, 1], [7.81290376552762, 1.8921434994055943, -64.77335320523223]);
  });
});

describe("the optimiser's paths to the maximum", () => {
  it("climbs by Levenberg–Marquardt steps where Newton's Hessian is not negative definite, then by Newton", () => {
    expectMaximum([100, 63, 42, 35, 27], [1.2788420868407078, 2.1136782354798402, -144.71873778222061]);
    expectMaximum([1000, 654, 451, 366, 303, 255], [1.127159266630532, 2.043732175725297, -1572.9497590258143]);
    expectMaximum([100, 76, 59, 49, 45, 37, 33, 29], [1.1417876742671935, 3.526041599220133, -183.7035172094854]);
    expectMaximum([30, 26, 23, 22], [0.2405114400128369, 1.474345956849327, -25.40088656083204]);
    expectMaximum(
      [1000, 903, 816, 412, 270, 270, 270, 256, 228, 166, 130],
      [49.05120137539272, 207.00333975490145, -2228.8555347311158],
    );
  });

  it("halves a step that would lower the likelihood", () => {
    expectMaximum([1000, 837, 726, 726, 617, 591], [0.38846359721974305, 2.0296636742000302, -1283.3914600071432]);
    expectMaximum(
      [1000, 892, 802, 717, 657, 613, 572, 538, 506, 478, 450, 436],
      [0.8083004149567434, 6.2016683643228125, -1954.4938715271653],
    );
  });

  it("climbs out of a long stretch where the Hessian is not negative definite in a few trust-region steps", () => {
    // the former gradient steps stopped these at the 200-iteration cap, as if they had no finite maximum
    for (const [n, maximum] of [
      [
        [1000, 542, 301, 231],
        [1.881820603877621, 2.1173134636869206, -1235.663056936999],
      ],
      [
        [100, 64, 42, 36],
        [1.0206452943809072, 1.707459834904508, -125.27313757293022],
      ],
      [
        [30, 25, 21, 21],
        [0.18930995317651403, 0.8638242317505234, -26.445270882011723],
      ],
    ] as const) {
      // the maximum, found again here by Nelder–Mead on the paper's recursion: no derivative, no Hessian
      const [alpha, beta, ll] = referenceMaximum(n);
      expect([alpha / maximum[0], beta / maximum[1]].map((r) => Math.abs(r - 1))).toEqual([
        expect.closeTo(0, 6),
        expect.closeTo(0, 6),
      ]);
      expect(ll).toBeCloseTo(maximum[2], 10);
      expect(expectMaximum(n, maximum).iterations).toBeLessThanOrEqual(12);
    }
  });

  it("stops on a flat likelihood once the rise left is below LL's rounding", () => {
    // half the cohort gone at once, then one account a period: α ≈ β ≈ 0.0033, a likelihood nearly flat along α = β
    expectMaximum([1000, 500, 499, 498, 497], [0.0032943451291867105, 0.003294362180680628, -715.0965659819159]);
    // nobody churned in period 1
    expectMaximum([100, 100, 54, 51, 51], [3.05712178438253, 14.846675678719862, -134.2450635676603]);
  });
});

describe("the trust region: steps of at most 2 in (ln α, ln β), to its edge where Newton's step does not fit", () => {
  /**
   * Where the climb starts (eq. (8)): α + β = (1 − r₂)/(r₂ − r₁), or 1 where r₂ ≤ r₁ or r₂ = 1 (r₂ = r₁ when n₂ = 0),
   * clamped to [0.01, 1000]; β = r₁(α + β) and α = (1 − r₁)(α + β), each clamped to [0.001, 1000].
   */
  const start = (n: readonly number[]): [number, number] => {
    const r1 = n[1] / n[0];
    const r2 = n[2] > 0 ? n[2] / n[1] : r1;
    const clamp = (v: number, low: number, high: number) => Math.min(Math.max(v, low), high);
    const sum = clamp(r2 > r1 && r2 < 1 ? (1 - r2) / (r2 - r1) : 1, 1e-2, 1e3);
    return [Math.log(clamp((1 - r1) * sum, 1e-3, 1e3)), Math.log(clamp(r1 * sum, 1e-3, 1e3))];
  };

  it("ends every fit within 2 per iteration of its start: α and β change by at most a factor e² a step", () => {
    // each climbing step is at most the radius (≤ 2); the polish's first Newton step is the one that fit the radius at
    // the stop, and each after it at most half the one before
    const cohort = fc
      .tuple(
        fc.constantFrom(30, 100, 1000),
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 }),
      )
      .map(([first, rates]) =>
        rates.reduce<number[]>((n, r) => [...n, Math.max(1, Math.round(n[n.length - 1] * r))], [first]),
      );
    fc.assert(
      fc.property(cohort, (n) => {
        const fit = fitSbg(n);
        if (isKamError(fit)) return;
        const [x, y] = start(n);
        expect(Math.hypot(Math.log(fit.alpha) - x, Math.log(fit.beta) - y)).toBeLessThanOrEqual(2 * fit.iterations);
      }),
      {
        numRuns: 100,
        // refused fits that climb towards α, β → ∞ until ln α or ln β passes 25, at about 1.4 a step
        examples: [[[1000, 987, 364, 212, 80, 73, 34]], [[100, 99, 31, 12, 10, 10]], [[100, 100, 100, 50]]],
      },
    );
  });

  it("takes the step to the region's edge where Newton's Hessian is not negative definite, not a shorter one", () => {
    // λ bisected until |d(λ)| = radius: the step at the bracket's top, λ = e₁ + |g|/radius, also fits the region but
    // is shorter, and takes these climbs 3 to 5 iterations more (11, 13, 10, 11)
    for (const [n, most] of [
      [[30, 25, 21, 21], 8],
      [[1000, 529, 280, 155, 89, 55, 35, 23, 19, 18], 8],
      [[100, 64, 44, 34, 28, 23], 6],
      [[1000, 319, 105, 63, 40, 26, 22, 21], 7],
    ] as const) {
      const fit = fitSbg(n) as SbgFit;
      expect(fit.converged).toBe(true);
      const [gx, gy] = gradientByDifferences(fit.alpha, fit.beta, n);
      expect(Math.hypot(gx, gy)).toBeLessThan(1e-6 * Math.abs(fit.logLikelihood));
      expect(fit.iterations).toBeLessThanOrEqual(most);
    }
  });
});

describe("random cohorts whose retention rises (fast-check)", () => {
  it("converge to the maximum Nelder–Mead finds wherever that maximum is interior and beats flat retention", () => {
    const cohort = fc
      .tuple(
        fc.constantFrom(30, 100, 1000),
        fc.array(fc.double({ min: 0.3, max: 0.97, noNaN: true }), { minLength: 3, maxLength: 6 }),
      )
      .map(([start, rates]) =>
        [...rates]
          .sort((a, b) => a - b)
          .reduce<number[]>((n, r) => [...n, Math.max(1, Math.round(n[n.length - 1] * r))], [start]),
      );
    fc.assert(
      fc.property(cohort, (n) => {
        // rounding can leave every churn in period 1 ([30, 9, 9, 9]): a cohort the fit refuses (validateSurvivors)
        if (n[1] === n[n.length - 1]) {
          expect(fitSbg(n)).toMatchObject({ kind: "KamError", code: "value" });
          return;
        }
        const [alpha, beta, ll] = referenceMaximum(n);
        if (!(alpha < 3000 && beta < 3000 && ll > flatRetentionLogLikelihood(n) + 1e-6 * Math.abs(ll))) return;
        const fit = fitSbg(n) as SbgFit;
        expect(fit.converged).toBe(true);
        // at least as high as the reference, and where it is: Nelder–Mead resolves α and β to about 1e-7
        expect(fit.logLikelihood).toBeGreaterThanOrEqual(ll - 1e-13 * Math.abs(ll));
        expect(Math.abs(fit.alpha / alpha - 1)).toBeLessThan(1e-5);
        expect(Math.abs(fit.beta / beta - 1)).toBeLessThan(1e-5);
        const [gx, gy] = gradientByDifferences(fit.alpha, fit.beta, n);
        expect(Math.hypot(gx, gy)).toBeLessThan(1e-6 * Math.abs(ll));
      }),
      // two cohorts the former gradient steps left at the iteration cap, then random ones
      { numRuns: 30, examples: [[[1000, 542, 301, 231]], [[100, 64, 42, 36]], [[30, 9, 9, 9]]] },
    );
  });
});

describe("a cohort given as shares of its start (validateSurvivors allows fractional counts)", () => {
  it("fits the α and β of its counts: LL is the counts' LL over n₀, with the same maximum", () => {
    const shares = (n: readonly number[]) => n.map((x) => x / n[0]);
    expectMaximum(shares(highEnd.slice(0, 8)), [0.6680883511064463, 3.806094964058267, -1611.1581473911565 / 1000]);
    // the gradient-step path again, on a likelihood of about −0.85 and curvatures as small
    expectMaximum(shares([30, 26, 23, 22]), [0.2405114400128369, 1.474345956849327, -25.40088656083204 / 30]);
  });
});

describe("converged means a maximum", () => {
  it("counts its iterations, at most 200, and calls converged only a maximum that beats flat retention", () => {
    for (const n of [
      regular.slice(0, 8),
      highEnd.slice(0, 8),
      [100, 63, 42, 35, 27],
      [1000, 500, 499, 498, 497],
      // constant retention: no finite maximum
      [1000, 900, 810, 729, 656.1, 590.49],
      // finite maxima that the former gradient steps did not reach in 200 iterations (α = 1.882, β = 2.117 for the first)
      [1000, 542, 301, 231],
      [100, 64, 42, 36],
      [30, 25, 21, 21],
    ]) {
      const fit = fitSbg(n) as SbgFit;
      expect(fit.iterations).toBeGreaterThanOrEqual(1);
      expect(fit.iterations).toBeLessThanOrEqual(200);
      if (fit.converged) {
        const [gx, gy] = gradientByDifferences(fit.alpha, fit.beta, n);
        expect(Math.hypot(gx, gy)).toBeLessThan(1e-6 * Math.abs(fit.logLikelihood));
        expect(fit.logLikelihood).toBeGreaterThan(flatRetentionLogLikelihood(n));
      }
    }
  });
});

describe("cohorts with no finite maximum", () => {
  it("are not converged, and report where the climb stopped: a finite LL no higher than flat retention's", () => {
    for (const n of [
      // constant retention
      [1000, 900, 810, 729, 656.1, 590.49],
      // nobody churned in periods 1 and 2 (r₁ = r₂ = 1), then retention falls
      [100, 100, 100, 50],
      [1000, 1000, 1000, 800, 700, 650, 620, 600],
      // one account a period: retention falls by a hair, and the climb along the ridge is slow (up to the 200 cap)
      [1000, 999, 998, 997],
    ]) {
      // Nelder–Mead on the paper's recursion finds nothing above the flat-retention limit either
      const flat = flatRetentionLogLikelihood(n);
      expect(referenceMaximum(n)[2]).toBeLessThanOrEqual(flat + 1e-9 * Math.abs(flat));
      const fit = fitSbg(n) as SbgFit;
      expect(fit.converged).toBe(false);
      expect(fit.iterations).toBeGreaterThanOrEqual(1);
      expect(fit.iterations).toBeLessThanOrEqual(200);
      expect(Number.isFinite(fit.logLikelihood)).toBe(true);
      // every finite (α, β) lies below the limit α, β → ∞, up to LL's rounding
      expect(fit.logLikelihood).toBeLessThanOrEqual(flat + 1e-9 * Math.abs(flat));
    }
  });

  it("stop climbing once ln α or ln β passes 25: both end within one trust step (2) of it", () => {
    // The climb towards α, β → ∞ has no end of its own; stopping at the first step past e²⁵ keeps α and β finite
    // (below e²⁷: one trust step is at most 2 in ln α, ln β) for the curves and values shown from a refused fit.
    for (const n of [
      [100, 100, 100, 50], // ln β crosses first
      [1573, 87, 0, 0, 0], // ln α crosses first (churn above one half)
      [431, 358, 297, 246, 204, 130, 83, 51], // ln α crosses first, then ln β would run on to 27.1
      [1000, 1000, 1000, 800, 700, 650, 620, 600],
    ]) {
      const fit = fitSbg(n) as SbgFit;
      expect(fit.converged).toBe(false);
      const [lnAlpha, lnBeta] = [Math.log(fit.alpha), Math.log(fit.beta)];
      expect(Math.max(lnAlpha, lnBeta)).toBeGreaterThan(25);
      expect(lnAlpha).toBeLessThanOrEqual(27);
      expect(lnBeta).toBeLessThanOrEqual(27);
    }
  });
});

describe("fittedSbgParams", () => {
  // built in each test, where a mutant is switched on
  const noFiniteFit = () =>
    kamError(
      "value",
      "survivors",
      "the retention of this cohort does not rise over time, so the cohort model has no finite fit: it behaves like " +
        "one homogeneous group. Use KAM.CLV with its average retention instead.",
    );

  it("returns the fit itself where it converged", () => {
    const n = regular.slice(0, 8);
    expect(fittedSbgParams(n)).toEqual(fitSbg(n));
  });

  it("refuses constant retention, whose likelihood keeps rising towards the flat-retention model", () => {
    expect(fittedSbgParams([1000, 900, 810, 729, 656.1, 590.49])).toEqual(noFiniteFit());
  });

  it("refuses heterogeneity too weak to tell from flat retention: a maximum less than 1e-9 of LL above it", () => {
    // the expected counts of α = 10,000, β = 90,000: retention 0.9 rising by about 1e-6 a period; the maximum beats
    // flat retention by about 1e-7 in an LL of −1696
    const n = Array.from({ length: 8 }, (_, t) => 1000 * (sbgSurvival({ alpha: 1e4, beta: 9e4 }, t) as number));
    expect(fitSbg(n)).toMatchObject({ converged: false });
    expect(fittedSbgParams(n)).toEqual(noFiniteFit());
  });
});
