import { isKamError, kamError, type Result } from "../errors";
import { hyp2f1 } from "./hypergeometric";
import type { SbgParams } from "./sbgModel";

function checkDiscount(params: SbgParams, discountRate: number): Result<number> {
  if (!Number.isFinite(discountRate)) return kamError("value", "discount_rate", "discount_rate must be a number.");
  if (discountRate < 0) {
    return kamError(
      "num",
      "discount_rate",
      `discount_rate is ${discountRate}; the cohort model needs 0 or more (a negative rate makes the value infinite).`,
    );
  }
  if (discountRate === 0 && !(params.alpha > 1)) {
    return kamError(
      "value",
      "discount_rate",
      `with a discount rate of 0 the expected lifetime is infinite unless α > 1 (this cohort's α is ` +
        `${params.alpha.toPrecision(4)}): use a discount rate above 0.`,
    );
  }
  return 1 / (1 + discountRate);
}

/**
 * Discounted expected lifetime (DEL) of a newly acquired account whose first margin is paid now, in periods.
 *
 * DEL = Σ_{t≥0} S(t)/(1+d)^t = 2F1(1, β; α+β; 1/(1+d)); at d = 0 it is (α+β−1)/(α−1), finite only for α > 1.
 * Source: Fader & Hardie, "Customer-Base Valuation in a Contractual Setting: The Perils of Ignoring Heterogeneity",
 * Marketing Science 29(1), 2010, eq. (4).
 *
 * @example discountedExpectedLifetime({ alpha: 0.704, beta: 1.182 }, 0.1) // => 3.695 periods
 */
export function discountedExpectedLifetime(params: SbgParams, discountRate: number): Result<number> {
  const z = checkDiscount(params, discountRate);
  if (isKamError(z)) return z;
  return hyp2f1(1, params.beta, params.alpha + params.beta, z);
}

/**
 * Discounted expected residual lifetime (DERL) of an account that has renewed n times and is about to decide its
 * next renewal, every future margin contingent on renewing and received at the renewal.
 *
 * DERL(n) = Σ_{t≥n+1} [S(t)/S(n)] / (1+d)^{t−n−1} = (β+n)/(α+β+n) · 2F1(1, β+n+1; α+β+n+1; 1/(1+d)); at d = 0 it is
 * (β+n)/(α−1), finite only for α > 1. Source: Fader & Hardie 2010, eq. (6).
 *
 * @example discountedExpectedResidualLifetime({ alpha: 0.704, beta: 1.182 }, 0.1, 0) // => 2.965 periods
 */
export function discountedExpectedResidualLifetime(
  params: SbgParams,
  discountRate: number,
  renewals: number,
): Result<number> {
  if (!Number.isInteger(renewals) || renewals < 0) {
    return kamError("num", "renewals", `renewals is ${renewals}; it must be a whole number, 0 or more.`);
  }
  const z = checkDiscount(params, discountRate);
  if (isKamError(z)) return z;
  const { alpha, beta } = params;
  const f = hyp2f1(1, beta + renewals + 1, alpha + beta + renewals + 1, z);
  return isKamError(f) ? f : ((beta + renewals) / (alpha + beta + renewals)) * f;
}

/**
 * Cohort-model CLV: margin per period × DEL (a new account, `renewals` null) or × DERL(n) (an account that has made
 * n renewals). Fader & Hardie 2010, eqs. (4) and (6): the value of an account, allowing for the heterogeneity that a
 * flat retention rate ignores.
 *
 * @example cohortClv(100, { alpha: 0.704, beta: 1.182 }, 0.1, null) // => 369.5
 */
export function cohortClv(
  margin: number,
  params: SbgParams,
  discountRate: number,
  renewals: number | null,
): Result<number> {
  if (!Number.isFinite(margin)) return kamError("value", "margin", "margin must be a number.");
  const lifetime =
    renewals === null
      ? discountedExpectedLifetime(params, discountRate)
      : discountedExpectedResidualLifetime(params, discountRate, renewals);
  return isKamError(lifetime) ? lifetime : margin * lifetime;
}
