import { isKamError, kamError, type Result } from "../errors";
import type { SbgParams } from "./sbgModel";
import { validateSurvivors } from "./survivors";

/** A maximum-likelihood fit of the sBG model to one cohort. */
export interface SbgFit extends SbgParams {
  readonly logLikelihood: number;
  readonly iterations: number;
  /** False when the optimiser stopped without a stationary point (see {@link fitSbg}). */
  readonly converged: boolean;
}

const MAX_ITERATIONS = 200;
/** The optimiser stops beyond e^25 ≈ 7·10^10: the MLE is running off to infinity. */
const LOG_PARAM_LIMIT = 25;
/** The largest step, in (ln α, ln β), the trust region allows: α and β change by at most a factor e² ≈ 7.4. */
const TRUST_RADIUS = 2;

// Scratch for evaluate(): log-likelihood and its derivatives in log-parameter space. Module-level so the optimiser
// allocates nothing per iteration; the core stays pure because every call overwrites it before reading.
const ev = new Float64Array(6);
const LL = 0;
const GX = 1;
const GY = 2;
const HXX = 3;
const HXY = 4;
const HYY = 5;

/**
 * Log-likelihood of the sBG model and its gradient and Hessian with respect to (ln α, ln β).
 *
 * LL = Σ_{t=1..T} (n_{t−1} − n_t) ln P(t) + n_T ln S(T), with
 * ln P(t) = ln α + Σ_{k=0}^{t−2} ln(β+k) − Σ_{k=0}^{t−1} ln(α+β+k) and ln S(T) = Σ_{k<T} ln(β+k) − Σ_{k<T} ln(α+β+k)
 * (Fader & Hardie 2007, eqs. (2), (6), (7)). Derivatives are the sums of 1/(x+k) and 1/(x+k)² these imply.
 */
function evaluate(x: number, y: number, n: readonly number[]): void {
  const alpha = Math.exp(x);
  const beta = Math.exp(y);
  const T = n.length - 1;
  let ll = 0;
  let gA = 0;
  let gB = 0;
  let hAA = 0;
  let hAB = 0;
  let hBB = 0;
  let lnBeta = 0; // Σ_{k ≤ t−2} ln(β+k)
  let lnAB = 0; // Σ_{k ≤ t−1} ln(α+β+k)
  let a1 = 0; // Σ_{k ≤ t−1} 1/(α+β+k), and a2 its squares
  let a2 = 0;
  let b1 = 0; // Σ_{k ≤ t−2} 1/(β+k), and b2 its squares
  let b2 = 0;
  const lnAlpha = x;
  for (let t = 1; t <= T; t++) {
    const ab = alpha + beta + t - 1;
    lnAB += Math.log(ab);
    a1 += 1 / ab;
    a2 += 1 / (ab * ab);
    if (t >= 2) {
      const bk = beta + t - 2;
      lnBeta += Math.log(bk);
      b1 += 1 / bk;
      b2 += 1 / (bk * bk);
    }
    const churned = n[t - 1] - n[t];
    if (churned > 0) {
      ll += churned * (lnAlpha + lnBeta - lnAB);
      gA += churned * (1 / alpha - a1);
      gB += churned * (b1 - a1);
      hAA += churned * (a2 - 1 / (alpha * alpha));
      hAB += churned * a2;
      hBB += churned * (a2 - b2);
    }
  }
  const still = n[T];
  if (still > 0) {
    const bT = beta + T - 1;
    ll += still * (lnBeta + Math.log(bT) - lnAB);
    gA -= still * a1;
    gB += still * (b1 + 1 / bT - a1);
    hAA += still * a2;
    hAB += still * a2;
    hBB += still * (a2 - b2 - 1 / (bT * bT));
  }
  // chain rule to (x, y) = (ln α, ln β): ∂/∂x = α ∂/∂α, ∂²/∂x² = α² ∂²/∂α² + α ∂/∂α
  ev[LL] = ll;
  ev[GX] = alpha * gA;
  ev[GY] = beta * gB;
  ev[HXX] = alpha * alpha * hAA + alpha * gA;
  ev[HXY] = alpha * beta * hAB;
  ev[HYY] = beta * beta * hBB + beta * gB;
}

/** The sBG log-likelihood with its gradient and Hessian in (ln α, ln β): {@link evaluate}, as a fresh value. */
export interface SbgLikelihood {
  readonly logLikelihood: number;
  /** ∂LL/∂ln α, ∂LL/∂ln β. */
  readonly gradient: readonly [number, number];
  /** [[∂²/∂x², ∂²/∂x∂y], [∂²/∂y∂x, ∂²/∂y²]] with x = ln α, y = ln β. */
  readonly hessian: readonly [readonly [number, number], readonly [number, number]];
}

/**
 * The quantities the fit climbs on (formula and source at {@link evaluate}), for tests and for anyone checking a fit:
 * at a maximum the gradient is 0 and the Hessian negative definite.
 *
 * @example sbgLikelihood(0.704, 1.182, [1000, 631, 468, 382, 326, 289, 262, 241]).logLikelihood // => −1680.27…
 */
export function sbgLikelihood(alpha: number, beta: number, survivors: readonly number[]): SbgLikelihood {
  evaluate(Math.log(alpha), Math.log(beta), survivors);
  return {
    logLikelihood: ev[LL],
    gradient: [ev[GX], ev[GY]],
    hessian: [
      [ev[HXX], ev[HXY]],
      [ev[HXY], ev[HYY]],
    ],
  };
}

/**
 * Log-likelihood of the homogeneous geometric model, every account churning with the same p = D/E each period:
 * D ln p + (E − D) ln(1 − p), with D accounts churned and E account-periods at risk.
 */
function homogeneousLogLikelihood(n: readonly number[]): number {
  const churned = n[0] - n[n.length - 1];
  let exposure = 0;
  for (let t = 0; t < n.length - 1; t++) exposure += n[t];
  const p = churned / exposure;
  return churned * Math.log(p) + (exposure - churned > 0 ? (exposure - churned) * Math.log(1 - p) : 0);
}

/**
 * Starting point from the first two retention rates, r_1 = β/(α+β) and r_2 = (β+1)/(α+β+1) (Fader & Hardie 2007,
 * eq. (8)), solved for α and β; where r_2 ≤ r_1 (no sign of heterogeneity yet) a mildly heterogeneous start.
 */
function startingPoint(n: readonly number[]): [number, number] {
  const r1 = n[1] / n[0];
  const r2 = n[2] > 0 ? n[2] / n[1] : r1;
  let sum = r2 > r1 && r2 < 1 ? (1 - r2) / (r2 - r1) : 1;
  sum = Math.min(Math.max(sum, 1e-2), 1e3);
  const beta = Math.min(Math.max(r1 * sum, 1e-3), 1e3);
  const alpha = Math.min(Math.max((1 - r1) * sum, 1e-3), 1e3);
  return [Math.log(alpha), Math.log(beta)];
}

/** Whether the Hessian in {@link ev} is negative definite: the point is near a maximum, where Newton's step leads. */
function negativeDefinite(): boolean {
  return ev[HXX] < 0 && ev[HXX] * ev[HYY] > ev[HXY] * ev[HXY];
}

const step = new Float64Array(2); // the (dx, dy) of ascentStep(), scratch like ev

/**
 * The ascent step from the current point of {@link ev} within a trust region of radius `radius` in (ln α, ln β): the
 * step d = (λI − H)⁻¹ g with the least λ ≥ 0 that makes λI − H positive definite and |d| ≤ radius (Moré & Sorensen,
 * "Computing a trust region step", 1983; Nocedal & Wright, Numerical Optimization, §4.3). λ = 0 is Newton's step,
 * taken where the Hessian H is negative definite and the step fits; elsewhere λ is found by bisection on |d(λ)| =
 * radius, which falls as λ grows past H's largest eigenvalue e₁, within e₁ < λ ≤ e₁ + |g|/radius. True for Newton's.
 */
function ascentStep(radius: number): boolean {
  const gx = ev[GX];
  const gy = ev[GY];
  const hxx = ev[HXX];
  const hxy = ev[HXY];
  const hyy = ev[HYY];
  const solve = (lambda: number): number => {
    const a = lambda - hxx;
    const d = lambda - hyy;
    const det = a * d - hxy * hxy;
    step[0] = (d * gx + hxy * gy) / det;
    step[1] = (a * gy + hxy * gx) / det;
    return Math.hypot(step[0], step[1]);
  };
  const largest = (hxx + hyy) / 2 + Math.hypot((hxx - hyy) / 2, hxy);
  if (largest < 0 && solve(0) <= radius) return true;
  let low = Math.max(largest, 0);
  let high = largest + Math.hypot(gx, gy) / radius;
  for (let i = 0; i < 60 && high > low; i++) {
    const mid = (low + high) / 2;
    if (solve(mid) > radius) low = mid;
    else high = mid;
  }
  solve(high);
  return false;
}

/**
 * Fits the shifted-beta-geometric model to a cohort's survivor counts by maximum likelihood.
 *
 * Maximises LL(α, β) = Σ_t (n_{t−1} − n_t) ln P(T = t) + n_T ln S(T), P(T = t) = B(α+1, β+t−1)/B(α, β),
 * S(t) = B(α, β+t)/B(α, β) (Fader & Hardie, "How to Project Customer Retention", 2007, eq. (7); the paper fits the
 * 'Regular' cohort's years 0–7 to α = 0.704, β = 1.182). A trust-region Newton method in (ln α, ln β) with the
 * analytic Hessian: Newton's step where the Hessian is negative definite and the step is short, else the
 * Levenberg–Marquardt step (λI − H)⁻¹ g that fits the trust region (see {@link ascentStep}), with a backtracking line
 * search that never accepts a lower likelihood, so a poor start slows it down but cannot derail it. Once the rise
 * Newton's step still promises is below LL's rounding, the line search can no longer judge a step, so the fit takes
 * full Newton steps while they keep shrinking (quadratic convergence), ending where the gradient's own rounding
 * stops it: α and β are then as accurate as double precision allows.
 *
 * `converged` is false when the likelihood keeps rising as α and β grow without bound: the counts show no sign of
 * the retention rising over time, i.e. one homogeneous group, for which a flat retention rate is the right model.
 *
 * @example fitSbg([1000, 631, 468, 382, 326, 289, 262, 241]) // => { alpha: 0.704, beta: 1.182, … }
 */
export function fitSbg(survivors: readonly number[]): Result<SbgFit> {
  const problem = validateSurvivors(survivors);
  if (problem) return problem;
  let [x, y] = startingPoint(survivors);
  evaluate(x, y, survivors);
  let iterations = 0;
  let converged = false;
  let radius = TRUST_RADIUS;
  while (iterations < MAX_ITERATIONS) {
    iterations++;
    const ll = ev[LL];
    const gx = ev[GX];
    const gy = ev[GY];
    const newton = ascentStep(radius);
    const dx = step[0];
    const dy = step[1];
    const slope = gx * dx + gy * dy;
    // Newton decrement: slope/2 is the rise the quadratic model still expects. Below the rounding of LL itself no
    // line search can see it (Boyd & Vandenberghe, Convex Optimization, §9.5.1): polish by full Newton steps.
    if (newton && slope / 2 < 1e-13 * Math.max(1, Math.abs(ll))) {
      converged = true;
      break;
    }
    let t = 1;
    let accepted = false;
    for (let halvings = 0; halvings < 60; halvings++) {
      evaluate(x + t * dx, y + t * dy, survivors);
      if (ev[LL] >= ll + 1e-4 * t * slope) {
        accepted = true;
        break;
      }
      t /= 2;
    }
    if (!accepted) {
      // No step improves the likelihood: at a maximum up to rounding.
      evaluate(x, y, survivors);
      converged = true;
      break;
    }
    x += t * dx;
    y += t * dy;
    // the trust region follows the line search: shrunk to the step it accepted, grown after a full step at its edge
    const length = t * Math.hypot(dx, dy);
    radius = t < 1 ? Math.max(length, 1e-8) : Math.min(Math.max(radius, 2 * length), TRUST_RADIUS);
    if (x > LOG_PARAM_LIMIT || y > LOG_PARAM_LIMIT) break;
  }
  if (converged) {
    // Full Newton steps, each kept only if the next one from where it lands is at most half as long (quadratic
    // convergence); a step that is not is rounding noise in the gradient, and the fit stays where it was.
    while (iterations < MAX_ITERATIONS && negativeDefinite()) {
      ascentStep(Infinity);
      const dx = step[0];
      const dy = step[1];
      const length = Math.hypot(dx, dy);
      if (length === 0) break;
      evaluate(x + dx, y + dy, survivors);
      if (!(negativeDefinite() && (ascentStep(Infinity), Math.hypot(step[0], step[1]) <= length / 2))) {
        evaluate(x, y, survivors);
        break;
      }
      iterations++;
      x += dx;
      y += dy;
    }
  }
  // The geometric model (one churn probability for all) is the sBG's limit as α, β → ∞. A finite maximum must beat
  // it; where it does not, the optimiser merely stalled on the flat ridge towards that limit.
  if (!(ev[LL] > homogeneousLogLikelihood(survivors) + 1e-9 * Math.abs(ev[LL]))) converged = false;
  return {
    alpha: Math.exp(x),
    beta: Math.exp(y),
    logLikelihood: ev[LL],
    iterations,
    converged,
  };
}

/**
 * The fitted (α, β) of a cohort, or an error an analyst can act on when no finite maximum exists.
 *
 * @example fittedSbgParams([1000, 900, 810, 729]) // => KamError: constant 90% retention has no finite fit
 */
export function fittedSbgParams(survivors: readonly number[]): Result<SbgFit> {
  const fit = fitSbg(survivors);
  if (isKamError(fit)) return fit;
  if (!fit.converged) {
    return kamError(
      "value",
      "survivors",
      "the retention of this cohort does not rise over time, so the cohort model has no finite fit: it behaves " +
        "like one homogeneous group. Use KAM.CLV with its average retention instead.",
    );
  }
  return fit;
}
