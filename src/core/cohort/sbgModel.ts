import { kamError, type Result } from "../errors";

/** Parameters of the shifted-beta-geometric model: churn probabilities θ ~ Beta(α, β) across accounts. */
export interface SbgParams {
  readonly alpha: number;
  readonly beta: number;
}

/**
 * Survival S(t): the share of a cohort expected still active after t periods under the sBG model.
 *
 * S(t) = B(α, β + t) / B(α, β) = Π_{k=0}^{t−1} (β + k)/(α + β + k), S(0) = 1.
 * Source: Fader & Hardie, "How to Project Customer Retention", J. Interactive Marketing 21(1), 2007, eq. (6).
 * Computed by the product, which needs no Beta function and is exact to rounding.
 *
 * @example sbgSurvival({ alpha: 0.704, beta: 1.182 }, 1) // => 1.182/1.886 = 0.6267
 */
export function sbgSurvival(params: SbgParams, period: number): Result<number> {
  if (!Number.isInteger(period) || period < 0) {
    return kamError("num", "period", `period is ${period}; it must be a whole number of periods, 0 or more.`);
  }
  const { alpha, beta } = params;
  let s = 1;
  for (let k = 0; k < period; k++) s *= (beta + k) / (alpha + beta + k);
  return s;
}

/**
 * Retention rate in period t: the share of accounts active at t − 1 expected to renew at t.
 *
 * r_t = S(t)/S(t − 1) = (β + t − 1)/(α + β + t − 1), rising with t because the accounts most likely to churn leave
 * first. Source: Fader & Hardie 2007, eq. (8).
 *
 * @example sbgRetention({ alpha: 0.704, beta: 1.182 }, 1) // => 0.6267
 */
export function sbgRetention(params: SbgParams, period: number): Result<number> {
  if (!Number.isInteger(period) || period < 1) {
    return kamError("num", "period", `period is ${period}; it must be a whole number of periods, 1 or more.`);
  }
  return (params.beta + period - 1) / (params.alpha + params.beta + period - 1);
}

/**
 * Churn rate in period t: 1 − r_t = α/(α + β + t − 1) (Fader & Hardie 2007, eq. (8)).
 *
 * @example sbgChurn({ alpha: 0.704, beta: 1.182 }, 1) // => 0.3733
 */
export function sbgChurn(params: SbgParams, period: number): Result<number> {
  const r = sbgRetention(params, period);
  return typeof r === "number" ? params.alpha / (params.alpha + params.beta + period - 1) : r;
}
