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
const GRADIENT_TOLERANCE = 1e-9;
const STEP_TOLERANCE = 1e-10;

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

/**
 * Fits the shifted-beta-geometric model to a cohort's survivor counts by maximum likelihood.
 *
 * Maximises LL(α, β) = Σ_t (n_{t−1} − n_t) ln P(T = t) + n_T ln S(T), P(T = t) = B(α+1, β+t−1)/B(α, β),
 * S(t) = B(α, β+t)/B(α, β) (Fader & Hardie, "How to Project Customer Retention", 2007, eq. (7); the paper fits the
 * 'Regular' cohort's years 0–7 to α = 0.704, β = 1.182). Newton's method in (ln α, ln β) with the analytic Hessian,
 * a gradient step wherever the Hessian is not negative definite, and a backtracking line search that never accepts a
 * lower likelihood, so a poor start slows it down but cannot derail it.
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
  while (iterations < MAX_ITERATIONS) {
    iterations++;
    const ll = ev[LL];
    const gx = ev[GX];
    const gy = ev[GY];
    if (Math.abs(gx) + Math.abs(gy) < GRADIENT_TOLERANCE * Math.max(1, Math.abs(ll))) {
      converged = true;
      break;
    }
    const hxx = ev[HXX];
    const hxy = ev[HXY];
    const hyy = ev[HYY];
    const det = hxx * hyy - hxy * hxy;
    let dx: number;
    let dy: number;
    const newton = hxx < 0 && det > 0;
    if (newton) {
      dx = -(hyy * gx - hxy * gy) / det;
      dy = -(hxx * gy - hxy * gx) / det;
    } else {
      const scale = 1 / (Math.abs(hxx) + Math.abs(hyy) + Math.abs(gx) + Math.abs(gy));
      dx = gx * scale;
      dy = gy * scale;
    }
    const length = Math.hypot(dx, dy);
    // A step below 1e-10 in (ln α, ln β) moves α and β by less than 1e-10 of themselves: the maximum, to rounding.
    if (length < STEP_TOLERANCE) {
      converged = true;
      break;
    }
    if (length > 2) {
      dx *= 2 / length;
      dy *= 2 / length;
    }
    const slope = gx * dx + gy * dy;
    // Newton decrement: slope/2 is the rise the quadratic model still expects. Below the rounding of LL itself no
    // line search can see it, so this is the maximum (Boyd & Vandenberghe, Convex Optimization, §9.5.1).
    if (newton && slope / 2 < 1e-13 * Math.max(1, Math.abs(ll))) {
      converged = true;
      break;
    }
    let step = 1;
    let accepted = false;
    for (let halvings = 0; halvings < 60; halvings++) {
      evaluate(x + step * dx, y + step * dy, survivors);
      if (ev[LL] >= ll + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step /= 2;
    }
    if (!accepted) {
      // No step improves the likelihood: at a maximum up to rounding.
      evaluate(x, y, survivors);
      converged = true;
      break;
    }
    x += step * dx;
    y += step * dy;
    if (x > LOG_PARAM_LIMIT || y > LOG_PARAM_LIMIT) break;
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
