import { kamError, type Result } from "./errors";

/**
 * Customer retention rate of an account base over one period.
 *
 * CRR = (E − N) / S, with S accounts at the start, E at the end and N acquired during the period: the share of the
 * starting accounts still there at the end. Source: the standard customer retention rate definition, e.g. Farris,
 * Bendle, Pfeifer & Reibstein, "Marketing Metrics" (2nd ed., 2010), ch. 5 "Customer Profitability" (retention rate).
 *
 * Errors: S = 0 → `div0`; a negative count, N > E, or E − N > S (more retained than there were) → `num`.
 *
 * @example retentionRate(100, 95, 5) // => 0.9
 */
export function retentionRate(atStart: number, atEnd: number, acquired = 0): Result<number> {
  if (!Number.isFinite(atStart)) return kamError("value", "at_start", "at_start must be a number of accounts.");
  if (!Number.isFinite(atEnd)) return kamError("value", "at_end", "at_end must be a number of accounts.");
  if (!Number.isFinite(acquired)) return kamError("value", "acquired", "acquired must be a number of accounts.");
  if (atStart < 0)
    return kamError("num", "at_start", `at_start is ${atStart}; a count of accounts cannot be negative.`);
  if (atEnd < 0) return kamError("num", "at_end", `at_end is ${atEnd}; a count of accounts cannot be negative.`);
  if (acquired < 0) return kamError("num", "acquired", `acquired is ${acquired}; a count cannot be negative.`);
  if (atStart === 0) {
    return kamError("div0", "at_start", "at_start is 0: with no accounts at the start there is no rate to compute.");
  }
  if (acquired > atEnd) {
    return kamError(
      "num",
      "acquired",
      `acquired (${acquired}) is more than at_end (${atEnd}): new accounts are part of the accounts at the end.`,
    );
  }
  const retained = atEnd - acquired;
  if (retained > atStart) {
    return kamError(
      "num",
      "at_end",
      `at_end − acquired = ${retained} accounts retained, more than the ${atStart} at the start: ` +
        "check the counts, or give the accounts acquired during the period.",
    );
  }
  return retained / atStart;
}

/**
 * Churn rate of an account base over one period: the complement of the customer retention rate.
 *
 * churn = 1 − (E − N) / S (see {@link retentionRate} for S, E, N, the source and the errors).
 * A programme that goes from 9% churn to 4.3% keeps 95.7 of every 100 key accounts a year.
 *
 * @example churnRate(100, 95, 5) // => 0.1
 */
export function churnRate(atStart: number, atEnd: number, acquired = 0): Result<number> {
  const r = retentionRate(atStart, atEnd, acquired);
  return typeof r === "number" ? 1 - r : r;
}
