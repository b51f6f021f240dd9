import { isKamError, kamError, makeScoreSpec, scoreRow, type KamError, type ScoreSpec } from "../core";
import { describeNonNumber, isBlankCell, positionInRange, type ExcelCell, type ExcelMatrix } from "./cells";
import { toExcelError, type ResultCell } from "./excelErrors";

/**
 * KAM.SCORE over Excel's arguments: ratings n×k (one row per account), weights 1×k or k×1, optional scale.
 * Returns an n×1 column (one score per account); a bad row gets its error in its own cell, a bad call one error.
 *
 * Blanks: a blank rating is left out and the other weights renormalised (see scoreRow). Some Excel builds pass blank
 * cells as 0; on a scale that starts above 0 a 0 cannot be a rating, so it is read as a blank (said in the help).
 */
export function scoreCells(
  ratings: ExcelMatrix,
  weights: ExcelMatrix,
  scaleMin: number | null | undefined,
  scaleMax: number | null | undefined,
): ResultCell[][] | CustomFunctions.Error {
  const spec = readSpec(weights, scaleMin, scaleMax);
  if (isKamError(spec)) return toExcelError(spec);
  if (!ratings || ratings.length === 0) return toExcelError(kamError("value", "ratings", "ratings is empty."));
  const k = spec.weights.length;
  const cols = ratings[0].length;
  if (cols !== k) {
    return toExcelError(
      kamError(
        "value",
        "ratings",
        `ratings has ${cols} criteria (columns) but weights has ${k}: give one weight per criterion.`,
      ),
    );
  }
  const zeroIsBlank = spec.scaleMin > 0;
  const out: ResultCell[][] = new Array(ratings.length);
  for (let i = 0; i < ratings.length; i++) {
    const row = ratings[i];
    // Optimistic: a row of numbers and nulls is what the core reads, and the core refuses anything else. Only a row
    // it refuses is read cell by cell, to find the Excel-level reason (text, "" for blank, a 0 that means blank).
    let score = scoreRow(row as (number | null)[], spec, i + 1);
    if (typeof score !== "number") {
      const clean = cleanRow(row, k, zeroIsBlank, ratings.length, i);
      score = isKamError(clean) ? clean : scoreRow(clean, spec, i + 1);
    }
    out[i] = [typeof score === "number" ? score : toExcelError(score)];
  }
  return out;
}

function cleanRow(
  row: readonly ExcelCell[],
  k: number,
  zeroIsBlank: boolean,
  rows: number,
  i: number,
): (number | null)[] | KamError {
  const clean: (number | null)[] = new Array(k);
  for (let j = 0; j < k; j++) {
    const c = row[j];
    if (typeof c === "number") clean[j] = c === 0 && zeroIsBlank ? null : c;
    else if (isBlankCell(c)) clean[j] = null;
    else {
      const where = rows === 1 ? `criterion ${j + 1}` : `row ${i + 1}, criterion ${j + 1}`;
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
      else {
        return kamError(
          "value",
          "weights",
          `weights${positionInRange(rows, cols, i, j)} is ${describeNonNumber(w)}; weights must be numbers.`,
        );
      }
    }
  }
  return makeScoreSpec(list, scaleMin ?? undefined, scaleMax ?? undefined);
}
