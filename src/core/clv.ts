import { kamError, type KamError, type Result } from "./errors";

/** When margins arrive in each period, following Excel's PV `type` argument. */
export type PaymentTiming = 0 | 1;

/**
 * Customer lifetime value of one account with a constant retention rate.
 *
 * Gupta & Lehmann, "Customers as Assets" (J. Interactive Marketing, 2003) and Gupta, Lehmann & Stuart, "Valuing
 * Customers" (J. Marketing Research, 2004): margin m per period, retention r, discount rate d, margin growth g.
 * With q = r(1+g)/(1+d):
 *
 * - timing 0 (margins at the end of each period, earned only if the account was retained):
 *   CLV = Σ_{t=1..T} m (1+g)^(t−1) r^t / (1+d)^t = m r/(1+d) · (1 − q^T)/(1 − q)
 * - timing 1 (margins at the start of each period, the first one certain):
 *   CLV = Σ_{t=0..T−1} m (1+g)^t r^t / (1+d)^t = m · (1 − q^T)/(1 − q)
 * - periods blank (`null`): the infinite horizon, which needs q < 1, i.e. r(1+g) < 1+d:
 *   timing 0: m r / (1 + d − r(1+g));  timing 1: m (1+d) / (1 + d − r(1+g))
 *
 * The geometric sums are evaluated as −expm1(T·ln q)/(1 − q), exact to rounding even when q is close to 1, and as T
 * when q = 1.
 *
 * @param margin margin per period (any sign: a loss-making account has a negative CLV)
 * @param retention probability of keeping the account each period, 0–1
 * @param discountRate per-period discount rate, > −1
 * @param periods horizon in whole periods ≥ 1, or `null` for an infinite horizon
 * @param growthRate per-period margin growth, > −1 (default 0)
 * @param timing 0 (default) end of period, 1 start of period
 * @example clv(100, 0.8, 0.1, null) // => 100·0.8/(1.1 − 0.8) = 266.67
 * @example clv(100, 0.8, 0.1, 1) // => 100·0.8/1.1 = 72.73
 */
export function clv(
  margin: number,
  retention: number,
  discountRate: number,
  periods: number | null,
  growthRate = 0,
  timing: PaymentTiming = 0,
): Result<number> {
  // The hot path is one test and the arithmetic, small enough for V8 to inline into a caller's loop; messages are
  // built in clvArgumentError, only for the rare invalid call.
  if (!(
    margin - margin === 0 &&
    retention >= 0 &&
    retention <= 1 &&
    discountRate > -1 &&
    discountRate - discountRate === 0 &&
    growthRate > -1 &&
    growthRate - growthRate === 0 &&
    (timing === 0 || timing === 1) &&
    (periods === null || (periods >= 1 && Number.isInteger(periods)))
  )) {
    return clvArgumentError(margin, retention, discountRate, periods, growthRate, timing);
  }
  const first = timing === 0 ? (margin * retention) / (1 + discountRate) : margin;
  const q = (retention * (1 + growthRate)) / (1 + discountRate);
  if (periods !== null) return first * geometricSum(q, periods);
  return q < 1 ? first / (1 - q) : infiniteHorizonError();
}

/** Why clv refused its arguments, in the order an analyst would check them. */
function clvArgumentError(
  margin: number,
  retention: number,
  discountRate: number,
  periods: number | null,
  growthRate: number,
  timing: number,
): KamError {
  if (!Number.isFinite(margin)) return kamError("value", "margin", "margin must be a number.");
  if (!(retention >= 0 && retention <= 1)) {
    return Number.isFinite(retention)
      ? kamError("num", "retention", `retention is ${retention}; it must be a rate between 0 and 1 (0%–100%).`)
      : kamError("value", "retention", "retention must be a number between 0 and 1.");
  }
  if (!(discountRate > -1) || !Number.isFinite(discountRate)) {
    return Number.isFinite(discountRate)
      ? kamError("num", "discount_rate", `discount_rate is ${discountRate}; it must be greater than -1 (-100%).`)
      : kamError("value", "discount_rate", "discount_rate must be a number.");
  }
  if (!(growthRate > -1) || !Number.isFinite(growthRate)) {
    return Number.isFinite(growthRate)
      ? kamError("num", "growth_rate", `growth_rate is ${growthRate}; it must be greater than -1 (-100%).`)
      : kamError("value", "growth_rate", "growth_rate must be a number.");
  }
  if (timing !== 0 && timing !== 1) {
    return kamError("num", "timing", `timing is ${String(timing)}; use 0 (end of period) or 1 (start of period).`);
  }
  if (periods !== null && !Number.isFinite(periods)) {
    return kamError("value", "periods", "periods must be a whole number of periods.");
  }
  return kamError("num", "periods", `periods is ${periods}; it must be a whole number of periods, 1 or more.`);
}

function infiniteHorizonError(): KamError {
  return kamError(
    "num",
    "periods",
    "With no horizon (periods blank) the value is infinite: retention × (1 + growth_rate) must be below " +
      "1 + discount_rate. Give a number of periods, a lower growth or a higher discount rate.",
  );
}

/** Σ_{s=0..T−1} q^s, accurate near q = 1 (where the textbook (1 − q^T)/(1 − q) loses digits). */
function geometricSum(q: number, periods: number): number {
  if (q === 1) return periods;
  if (q === 0) return 1;
  if (q > 0) return -Math.expm1(periods * Math.log(q)) / (1 - q);
  return (1 - Math.pow(q, periods)) / (1 - q); // q < 0 cannot occur with valid inputs; kept exact for safety
}
