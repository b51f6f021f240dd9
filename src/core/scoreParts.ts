import { isKamError, type Result } from "./errors";
import { scoreRow, type ScoreSpec } from "./score";

/**
 * Each criterion's contribution to one account's attractiveness score, in score points:
 *
 *   part_j = 100 · w_j · (x_j − min) / ((max − min) · Σ_k w_k),   Σ over the criteria rated for this account,
 *
 * so that Σ_j part_j is {@link scoreRow}'s score (the same formula split by its terms: McDonald, Millman & Rogers 1997;
 * McDonald & Woodburn 2007, weighted additive attractiveness normalised to 0–100). A blank rating (`null`) has a
 * blank part (`null`): it is left out of the score, not a contribution of 0. A criterion weighted 0 contributes 0.
 *
 * Errors are the score's, for the same rows (a row the score refuses has no parts): no rating → `na`, a rating outside
 * [min, max] → `num`, a non-finite rating or a row of the wrong length → `value`.
 *
 * @example scoreParts([5, 1, 3], makeScoreSpec([3, 1, 2]) as ScoreSpec) // => [50, 0, 16.67] (sum 66.67 = the score)
 */
export function scoreParts(ratings: readonly (number | null)[], spec: ScoreSpec, row = 1): Result<(number | null)[]> {
  const score = scoreRow(ratings, spec, row);
  if (isKamError(score)) return score;
  const { weights, scaleMin, scaleMax } = spec;
  let weightSum = 0;
  for (let j = 0; j < weights.length; j++) if (ratings[j] !== null) weightSum += weights[j];
  const scale = weightSum * (scaleMax - scaleMin);
  return ratings.map((x, j) => (x === null ? null : (100 * weights[j] * (x - scaleMin)) / scale));
}

/**
 * Contributions (or shortfalls) that agree to within this relative distance of the largest count as tied, and the
 * leftmost criterion wins: 0.3·2 and 0.2·3 are the same number written in binary two ways, and rounding should not
 * pick the driver. A spreadsheet's comparisons are only exact to about 15 digits, so the generated sheet's formula
 * uses the same band and finds the same criterion.
 */
export const DRIVER_TIE = 1e-12;

/**
 * The criterion that explains an account's attractiveness most (0-based index into the criteria):
 * - `holdsBack` false: the largest contribution w_j · (x_j − min), i.e. the largest {@link scoreParts} part;
 * - `holdsBack` true (an account below the attractiveness cut-off): the largest shortfall w_j · (max − x_j), the
 *   points the criterion leaves on the table (100·w_j(max − x_j)/((max − min)·Σw) is what a top rating would add).
 * Only rated criteria count; ties (within {@link DRIVER_TIE} of the largest, relatively) go to the leftmost criterion.
 * Errors are {@link scoreRow}'s: a row without a score has no driver.
 *
 * @example mainDriver([5, 1, 3], makeScoreSpec([3, 1, 2]) as ScoreSpec, false) // => 0 (the first criterion)
 * @example mainDriver([5, 1, 3], makeScoreSpec([3, 1, 2]) as ScoreSpec, true) // => 1 (shortfalls 0, 1·4, 2·2: a tie, the leftmost)
 */
export function mainDriver(
  ratings: readonly (number | null)[],
  spec: ScoreSpec,
  holdsBack: boolean,
  row = 1,
): Result<number> {
  const score = scoreRow(ratings, spec, row);
  if (isKamError(score)) return score;
  const { weights, scaleMin, scaleMax } = spec;
  const values = ratings.map((x, j) => (x === null ? -1 : weights[j] * (holdsBack ? scaleMax - x : x - scaleMin)));
  const largest = Math.max(...values);
  return values.findIndex((v) => v >= largest * (1 - DRIVER_TIE));
}
