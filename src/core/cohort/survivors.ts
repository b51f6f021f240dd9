import { kamError, type KamError } from "../errors";

/**
 * Checks a cohort's survivor counts n_0 ≥ n_1 ≥ … ≥ n_T (accounts active at the start and after each period) for the
 * shifted-beta-geometric fit. Counts may be fractional (a cohort given as percentages of its start works too).
 * Every problem names the period (period 0 = the start) and is a `value` error, so Excel shows the message.
 *
 * @returns `undefined` when the counts can be fitted, else the first problem found.
 * @example validateSurvivors([1000, 631, 468]) // => undefined
 */
export function validateSurvivors(survivors: readonly number[]): KamError | undefined {
  const arg = "survivors";
  if (survivors.length < 3) {
    return kamError(
      "value",
      arg,
      `survivors has ${survivors.length} count(s); the model needs at least 3: the start and two periods.`,
    );
  }
  for (let t = 0; t < survivors.length; t++) {
    const n = survivors[t];
    if (!Number.isFinite(n)) return kamError("value", arg, `survivors in period ${t} is not a number.`);
    if (n < 0) return kamError("value", arg, `survivors in period ${t} is ${n}; a count cannot be negative.`);
    if (t > 0 && n > survivors[t - 1]) {
      return kamError(
        "value",
        arg,
        `survivors rise from ${survivors[t - 1]} in period ${t - 1} to ${n} in period ${t}: a cohort can only ` +
          "shrink (count new accounts in a cohort of their own).",
      );
    }
  }
  const start = survivors[0];
  const last = survivors[survivors.length - 1];
  if (start === 0) return kamError("value", arg, "survivors starts at 0: the cohort has no accounts.");
  if (last === start) {
    return kamError(
      "value",
      arg,
      "no account churned in these periods, so the model cannot be fitted: there is no churn to learn from.",
    );
  }
  if (survivors[1] === 0) {
    return kamError(
      "value",
      arg,
      "every account churned in period 1, so the model cannot be fitted: nobody renewed even once.",
    );
  }
  // All the churn in period 1: the likelihood rises towards α, β → 0 with α/(α+β) the share that churned, one group
  // leaving at once and one never leaving, and no finite α, β reach it (every later factor (β+k)/(α+β+k) is below 1).
  if (survivors[1] === last) {
    return kamError(
      "value",
      arg,
      "no account churned after period 1, so the model cannot be fitted: it would see one group that leaves at once " +
        "and one that never leaves, with α and β running to 0.",
    );
  }
  return undefined;
}
