import { isKamError, kamError, type KamError, type Result } from "./errors";

/**
 * A validated scoring specification: criteria weights and the rating scale. Built once per call by
 * {@link makeScoreSpec}, so the per-account loop in {@link scoreRow} does no validation of its own.
 */
export interface ScoreSpec {
  /** One weight per criterion, ≥ 0, at least one > 0. */
  readonly weights: readonly number[];
  readonly scaleMin: number;
  readonly scaleMax: number;
}

/** Rating scale used when the analyst gives none: the 1–5 scale of most KAM attractiveness grids. */
export const DEFAULT_SCALE_MIN = 1;
export const DEFAULT_SCALE_MAX = 5;

/**
 * Validates weights and scale for the attractiveness score.
 *
 * A blank weight (`null`) counts as 0, as an empty cell does in Excel's SUMPRODUCT. Every problem here concerns the
 * whole call, so it is a `value` error: Excel shows a custom message only with #VALUE! and #N/A.
 *
 * @param weights one weight per criterion; non-negative, finite, sum > 0
 * @param scaleMin lowest possible rating (default 1)
 * @param scaleMax highest possible rating (default 5); must exceed scaleMin
 * @example makeScoreSpec([3, 1], 1, 5) // => { weights: [3, 1], scaleMin: 1, scaleMax: 5 }
 */
export function makeScoreSpec(
  weights: readonly (number | null)[],
  scaleMin: number = DEFAULT_SCALE_MIN,
  scaleMax: number = DEFAULT_SCALE_MAX,
): Result<ScoreSpec> {
  if (!Number.isFinite(scaleMin)) return kamError("value", "scale_min", "scale_min must be a number.");
  if (!Number.isFinite(scaleMax)) return kamError("value", "scale_max", "scale_max must be a number.");
  if (scaleMax <= scaleMin) {
    return kamError(
      "value",
      "scale_max",
      `scale_max (${scaleMax}) must be greater than scale_min (${scaleMin}): the rating scale is empty.`,
    );
  }
  if (weights.length === 0) return kamError("value", "weights", "weights is empty: give one weight per criterion.");
  const clean: number[] = new Array(weights.length);
  let sum = 0;
  for (let j = 0; j < weights.length; j++) {
    const w = weights[j] ?? 0;
    if (!Number.isFinite(w)) return kamError("value", "weights", `weight ${j + 1} is not a number.`);
    if (w < 0) return kamError("value", "weights", `weight ${j + 1} is negative (${w}); weights must be 0 or more.`);
    clean[j] = w;
    sum += w;
  }
  if (!(sum > 0)) return kamError("value", "weights", "all weights are zero: at least one criterion must count.");
  return { weights: clean, scaleMin, scaleMax };
}

/**
 * Key-account attractiveness score on 0–100 for one account.
 *
 * Formula (weighted additive scoring of a multi-criteria attractiveness grid, min-max normalised):
 *
 *   score = 100 · Σ_j w_j · (x_j − min)/(max − min) / Σ_j w_j
 *
 * with both sums over the criteria rated for this account: a blank rating (`null`) is left out and the remaining
 * weights renormalised, so a missing rating neither rewards nor punishes the account.
 * Source: McDonald, Millman & Rogers, "Key Account Management: Theory, Practice and Challenges" (J. Marketing
 * Management, 1997) and McDonald & Woodburn, "Key Account Management" (2007): attractiveness = weighted sum of
 * criterion scores; normalising to the scale is the usual 0–100 presentation.
 *
 * Errors: no rating at all → `na`; a rating outside [min, max] → `num`; a non-finite rating → `value`; a row longer
 * or shorter than the weights → `value`. `row` in messages is 1-based, as the analyst counts.
 *
 * @example scoreRow([5, 1], makeScoreSpec([3, 1]) as ScoreSpec) // => 75
 */
export function scoreRow(ratings: readonly (number | null)[], spec: ScoreSpec, row = 1): Result<number> {
  const { weights, scaleMin, scaleMax } = spec;
  const k = weights.length;
  // The hot path: numbers in scale and blanks. Anything else stops the loop and scoreRowError says what it was;
  // keeping the messages out of this function keeps it small enough to inline into a caller's loop.
  if (ratings.length === k) {
    let weighted = 0;
    let weightSum = 0;
    let j = 0;
    for (; j < k; j++) {
      const x = ratings[j];
      if (x === null) continue;
      // NaN and anything that is not a number fail this test too.
      if (!(typeof x === "number" && x >= scaleMin && x <= scaleMax)) break;
      const w = weights[j];
      weighted += w * (x - scaleMin);
      weightSum += w;
    }
    if (j === k && weightSum > 0) return (100 * weighted) / (weightSum * (scaleMax - scaleMin));
  }
  return scoreRowError(ratings, spec, row);
}

/** Why scoreRow could not score a row: the first problem, as the analyst reads the row left to right. */
function scoreRowError(ratings: readonly (number | null)[], spec: ScoreSpec, row: number): KamError {
  const k = spec.weights.length;
  if (ratings.length !== k) {
    return kamError(
      "value",
      "ratings",
      `ratings has ${ratings.length} criteria (columns) but weights has ${k}: give one weight per criterion.`,
    );
  }
  let rated = 0;
  for (let j = 0; j < k; j++) {
    const x = ratings[j];
    if (x === null) continue;
    if (typeof x !== "number" || x !== x)
      return kamError("value", `ratings row ${row}`, `ratings row ${row}, criterion ${j + 1} is not a number.`);
    if (x < spec.scaleMin || x > spec.scaleMax) return outOfScale(x, j, row, spec);
    rated++;
  }
  if (rated === 0) return kamError("na", `ratings row ${row}`, `ratings row ${row} has no rating: nothing to score.`);
  // Every rated criterion may carry weight 0 (e.g. only the zero-weight criterion is filled in).
  return kamError("na", `ratings row ${row}`, `ratings row ${row} rates only criteria whose weight is 0.`);
}

function outOfScale(x: number, j: number, row: number, spec: ScoreSpec): KamError {
  return kamError(
    "num",
    `ratings row ${row}`,
    `ratings row ${row}, criterion ${j + 1} is ${x}, outside the rating scale ${spec.scaleMin}–${spec.scaleMax}.`,
  );
}

/**
 * Each criterion's share of the attractiveness score, w_j / Σ_k w_k (the weights of {@link scoreRow}'s formula as
 * fractions that sum to 1), for an account rated on every criterion. Where the weights do not make a valid score
 * (see {@link makeScoreSpec}: a negative or non-finite weight, or all zero) every share is NaN: no share is shown for
 * weights that score nothing.
 *
 * @example weightShares([3, 1]) // => [0.75, 0.25]
 */
export function weightShares(weights: readonly number[]): number[] {
  const spec = makeScoreSpec(weights);
  if (isKamError(spec)) return weights.map(() => Number.NaN);
  const sum = spec.weights.reduce((a, b) => a + b, 0);
  return spec.weights.map((w) => w / sum);
}
