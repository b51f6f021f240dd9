/**
 * The published benchmark: Fader & Hardie, "How to Project Customer Retention" (J. Interactive Marketing, 2007),
 * the 'Regular' cohort of 1,000 customers observed for 12 years (a copy of shared/data/sbg-regular-cohort.csv
 * in test/fixtures/data, so that a clone tests on its own).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fitSbg, isKamError, sbgLikelihood, sbgSurvival, type SbgFit } from "../../../src/core";

const csv = readFileSync(resolve(__dirname, "../../fixtures/data/sbg-regular-cohort.csv"), "utf8");
const rows = csv
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => line.split(",").map(Number));
const active = rows.map(([, n]) => n);

describe("sBG on the published 'Regular' cohort", () => {
  // built in each test, where a mutant of the fit is switched on (years 0–7, as in the paper)
  const paperFit = () => fitSbg(active.slice(0, 8)) as SbgFit;

  it("reads the 13 published counts, years 0 to 12", () => {
    expect(rows.map(([year]) => year)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(active[0]).toBe(1000);
  });

  it("fits α = 0.704 and β = 1.182 on years 0–7, the paper's estimates to 3 decimals", () => {
    const fit = paperFit();
    expect(isKamError(fit)).toBe(false);
    expect(fit.converged).toBe(true);
    expect(fit.alpha.toFixed(3)).toBe("0.704");
    expect(fit.beta.toFixed(3)).toBe("1.182");
  });

  it("projects years 8–12 as the paper does (220, 204, 191, 180, 170) and close to the actual counts", () => {
    const fit = paperFit();
    const projected = [8, 9, 10, 11, 12].map((t) => 1000 * (sbgSurvival(fit, t) as number));
    // The paper's projections (Fader & Hardie 2007, Figure 3 / text), from the same estimates: within ±1 customer.
    [220, 204, 191, 180, 170].forEach((expected, i) =>
      expect(Math.abs(projected[i] - expected)).toBeLessThanOrEqual(1),
    );
    // Against what happened (223, 207, 194, 183, 173): the model, fitted on 8 years only, stays within 2%.
    const actual = active.slice(8);
    expect(actual).toEqual([223, 207, 194, 183, 173]);
    projected.forEach((p, i) => expect(Math.abs(p - actual[i]) / actual[i]).toBeLessThan(0.02));
  });

  it("has a higher likelihood at its estimates than anywhere nearby (a true maximum)", () => {
    const fit = paperFit();
    const ll = (alpha: number, beta: number) => {
      const n = active.slice(0, 8);
      let total = 0;
      let s = 1;
      for (let t = 1; t < n.length; t++) {
        const next = sbgSurvival({ alpha, beta }, t) as number;
        total += (n[t - 1] - n[t]) * Math.log(s - next);
        s = next;
      }
      return total + n[n.length - 1] * Math.log(s);
    };
    expect(ll(fit.alpha, fit.beta)).toBeCloseTo(fit.logLikelihood, 8);
    for (const [da, db] of [
      [1e-3, 0],
      [-1e-3, 0],
      [0, 1e-3],
      [0, -1e-3],
      [1e-3, 1e-3],
      [-1e-3, 1e-3],
    ]) {
      expect(ll(fit.alpha + da, fit.beta + db)).toBeLessThan(fit.logLikelihood);
    }
  });
});

describe("the sBG likelihood the fit climbs on", () => {
  const n = active.slice(0, 8);

  it("reaches the paper's maximum log-likelihood, −1680.3 (Fader & Hardie 2007, section 3)", () => {
    const fit = fitSbg(n) as SbgFit;
    // Pinned to the published value, not to the fit's own output.
    expect(Math.abs(fit.logLikelihood - -1680.3)).toBeLessThan(0.05);
    expect(sbgLikelihood(0.704, 1.182, n).logLikelihood).toBeCloseTo(-1680.27, 1);
  });

  it("has the gradient and Hessian of central finite differences, away from and at the maximum", () => {
    const h = 1e-5;
    const ll = (x: number, y: number) => sbgLikelihood(Math.exp(x), Math.exp(y), n).logLikelihood;
    const grad = (x: number, y: number) => sbgLikelihood(Math.exp(x), Math.exp(y), n).gradient;
    for (const [alpha, beta] of [
      [0.704, 1.182],
      [0.3, 2.5],
      [2, 0.5],
      [5, 9],
    ]) {
      const [x, y] = [Math.log(alpha), Math.log(beta)];
      const at = sbgLikelihood(alpha, beta, n);
      const gx = (ll(x + h, y) - ll(x - h, y)) / (2 * h);
      const gy = (ll(x, y + h) - ll(x, y - h)) / (2 * h);
      expect(at.gradient[0]).toBeCloseTo(gx, 3);
      expect(at.gradient[1]).toBeCloseTo(gy, 3);
      const hxx = (grad(x + h, y)[0] - grad(x - h, y)[0]) / (2 * h);
      const hxy = (grad(x, y + h)[0] - grad(x, y - h)[0]) / (2 * h);
      const hyy = (grad(x, y + h)[1] - grad(x, y - h)[1]) / (2 * h);
      expect(at.hessian[0][0]).toBeCloseTo(hxx, 2);
      expect(at.hessian[0][1]).toBeCloseTo(hxy, 2);
      expect(at.hessian[1][0]).toBe(at.hessian[0][1]);
      expect(at.hessian[1][1]).toBeCloseTo(hyy, 2);
    }
    // At the estimates: gradient 0, Hessian negative definite (a maximum, not a saddle).
    const fit = fitSbg(n) as SbgFit;
    const at = sbgLikelihood(fit.alpha, fit.beta, n);
    expect(Math.hypot(...at.gradient)).toBeLessThan(1e-4);
    const [[a, b], [, d]] = at.hessian;
    expect(a).toBeLessThan(0);
    expect(a * d - b * b).toBeGreaterThan(0);
  });
});
