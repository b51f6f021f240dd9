import { isKamError, kamError, makeScoreSpec, scoreParts, scoreRow, type KamError, type ScoreSpec } from "../core";
import { describeNonNumber, isBlankCell, positionInRange, type ExcelCell, type ExcelMatrix } from "./cells";
import { isErrorCell, notFinite, passInputError, toExcelError, type ResultCell } from "./excelErrors";

/**
 * KAM.SCORE over Excel's arguments: ratings n×k (one row per account), weights 1×k or k×1, optional scale.
 * Returns an n×1 column (one score per account); a bad row gets its error in its own cell, a bad call one error.
 *
 * Blanks: a blank rating is left out and the other weights renormalised (see scoreRow). Some Excel builds pass blank
 * cells as 0; on a scale that starts above 0 a 0 cannot be a rating, so it is read as a blank (said in the help).
 */
export function scoreCells(
  ratingsArg: ExcelMatrix,
  weights: ExcelMatrix,
  scaleMin: number | null | undefined,
  scaleMax: number | null | undefined,
): ResultCell[][] {
  const { spec, rows: ratings } = readCall(ratingsArg, weights, scaleMin, scaleMax);
  const k = spec.weights.length;
  const zeroIsBlank = spec.scaleMin > 0;
  const out: ResultCell[][] = new Array(ratings.length);
  for (let i = 0; i < ratings.length; i++) {
    const row = ratings[i];
    // Optimistic: a row of numbers and nulls is what the core reads, and the core refuses anything else. Only a row
    // it refuses is read cell by cell, to find the Excel-level reason (text, "" for blank, a 0 that means blank).
    const score = scoreRow(row as (number | null)[], spec, i + 1);
    if (typeof score === "number") out[i] = [score - score === 0 ? score : notFinite()];
    else {
      const clean = cleanRow(row, k, zeroIsBlank, ratings.length, i);
      const again = isKamError(clean) || clean instanceof CustomFunctions.Error ? clean : scoreRow(clean, spec, i + 1);
      out[i] = [typeof again === "number" ? again : isKamError(again) ? toExcelError(again) : again];
    }
  }
  return out;
}

/**
 * KAM.SCORE.PARTS over Excel's arguments, read exactly as KAM.SCORE reads them: one row of k parts per account row
 * (each criterion's score points, see core scoreParts), an empty cell for a blank rating. A row KAM.SCORE refuses
 * gets its error in each of its k cells, so a SUM across the row fails as the score does.
 */
export function scorePartsCells(
  ratingsArg: ExcelMatrix,
  weights: ExcelMatrix,
  scaleMin: number | null | undefined,
  scaleMax: number | null | undefined,
): ResultCell[][] {
  const { spec, rows: ratings } = readCall(ratingsArg, weights, scaleMin, scaleMax);
  const k = spec.weights.length;
  const zeroIsBlank = spec.scaleMin > 0;
  const out: ResultCell[][] = new Array(ratings.length);
  for (let i = 0; i < ratings.length; i++) {
    const row = ratings[i];
    // As in scoreCells: the core on the row as given, and only a refused row read cell by cell for the reason.
    let parts: (number | null)[] | KamError | CustomFunctions.Error = scoreParts(row as (number | null)[], spec, i + 1);
    if (isKamError(parts)) {
      const clean = cleanRow(row, k, zeroIsBlank, ratings.length, i);
      parts = isKamError(clean) || clean instanceof CustomFunctions.Error ? clean : scoreParts(clean, spec, i + 1);
    }
    if (Array.isArray(parts)) out[i] = parts.map((p) => (p === null ? "" : p - p === 0 ? p : notFinite()));
    else {
      const error = isKamError(parts) ? toExcelError(parts) : parts;
      out[i] = new Array<ResultCell>(k).fill(error);
    }
  }
  return out;
}

/** The checks of a whole call (weights, scale, ratings' width), thrown as one error; the validated spec. */
function readCall(
  ratings: ExcelMatrix,
  weights: ExcelMatrix,
  scaleMin: number | null | undefined,
  scaleMax: number | null | undefined,
): { spec: ScoreSpec; rows: ExcelCell[][] } {
  const spec = readSpec(weights, scaleMin, scaleMax);
  if (isKamError(spec)) throw toExcelError(spec);
  if (!ratings || ratings.length === 0) throw toExcelError(kamError("value", "ratings", "ratings is empty."));
  const k = spec.weights.length;
  const cols = ratings[0].length;
  if (cols !== k) {
    throw toExcelError(
      kamError(
        "value",
        "ratings",
        `ratings has ${cols} criteria (columns) but weights has ${k}: give one weight per criterion.`,
      ),
    );
  }
  return { spec, rows: ratings };
}

function cleanRow(
  row: readonly ExcelCell[],
  k: number,
  zeroIsBlank: boolean,
  rows: number,
  i: number,
): (number | null)[] | KamError | CustomFunctions.Error {
  const clean: (number | null)[] = new Array(k);
  for (let j = 0; j < k; j++) {
    const c = row[j];
    const where = rows === 1 ? `criterion ${j + 1}` : `row ${i + 1}, criterion ${j + 1}`;
    if (typeof c === "number") clean[j] = c === 0 && zeroIsBlank ? null : c;
    else if (isBlankCell(c)) clean[j] = null;
    else if (isErrorCell(c)) return passInputError(c, `ratings ${where}`);
    else {
      return kamError(
        "value",
        `ratings row ${i + 1}`,
        `ratings ${where} is ${describeNonNumber(c)}; ratings must be numbers.`,
      );
    }
  }
  return clean;
}

function readSpec(
  weights: ExcelMatrix,
  scaleMin: number | null | undefined,
  scaleMax: number | null | undefined,
): ScoreSpec | KamError {
  if (!weights || weights.length === 0) return kamError("value", "weights", "weights is empty.");
  const rows = weights.length;
  const cols = weights[0].length;
  if (rows !== 1 && cols !== 1) {
    return kamError("value", "weights", `weights is ${rows}×${cols}: give a single row or a single column of weights.`);
  }
  const list: (number | null)[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const w = weights[i][j];
      if (typeof w === "number") list.push(w);
      else if (isBlankCell(w)) list.push(null);
      else if (isErrorCell(w)) throw passInputError(w, `weights${positionInRange(rows, cols, i, j)}`);
      else {
        return kamError(
          "value",
          "weights",
          `weights${positionInRange(rows, cols, i, j)} is ${describeNonNumber(w)}; weights must be numbers.`,
        );
      }
    }
  }
  const scale = readScale(scaleMin, scaleMax);
  return makeScoreSpec(list, scale.min, scale.max);
}

/**
 * The rating scale's ends; `undefined` takes the core's default (1 to 5). Some Excel builds pass an empty cell as 0
 * (office-js #4702, #5262), so an empty scale cell must read as omitted whichever way it arrives:
 * - scale_max 0 is omitted (a rating scale does not end at 0), unless scale_min is below 0;
 * - scale_min 0 is omitted when scale_max is (omitted, empty or 0): `=KAM.SCORE(A2:C3, A1:C1, E1)` with E1 empty is
 *   the default 1–5 scale, not 0–5. A 0–10 or 0–5 scale is given with both ends: `=KAM.SCORE(A2:C3, A1:C1, 0, 5)`.
 * The help says both; an empty scale_min cell beside a filled scale_max may still read as 0 on those builds, which is
 * why the help asks for both ends of a custom scale.
 */
function readScale(
  scaleMin: number | null | undefined,
  scaleMax: number | null | undefined,
): { min: number | undefined; max: number | undefined } {
  let min = scaleMin ?? undefined;
  let max = scaleMax ?? undefined;
  if (max === 0 && !(min !== undefined && min < 0)) max = undefined;
  if (min === 0 && max === undefined) min = undefined;
  return { min, max };
}
