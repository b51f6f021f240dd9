import {
  cohortClv,
  fittedSbgParams,
  isKamError,
  kamError,
  sbgChurn,
  sbgSurvival,
  type KamError,
  type Result,
  type SbgFit,
  type SbgParams,
} from "../core";
import { broadcast, given, type ArgSpec } from "./broadcast";
import { describeNonNumber, isBlankCell, type ExcelMatrix } from "./cells";
import { toExcelError, type ResultCell } from "./excelErrors";

/**
 * Reads a cohort's survivor counts from a row or a column. Blanks after the last count are ignored (a table often
 * has room for periods still to come); a blank between counts is an error, since a count is missing. A 0 is a real
 * count (the whole cohort gone), so it is never read as a blank here.
 */
export function readSurvivors(cells: ExcelMatrix): number[] | KamError {
  const arg = "survivors";
  if (!cells || cells.length === 0) return kamError("value", arg, "survivors is empty.");
  const rows = cells.length;
  const cols = cells[0].length;
  if (rows !== 1 && cols !== 1) {
    return kamError("value", arg, `survivors is ${rows}×${cols}: give the counts as one row or one column.`);
  }
  const flat = rows === 1 ? cells[0] : cells.map((r) => r[0]);
  let end = flat.length;
  while (end > 0 && isBlankCell(flat[end - 1])) end--;
  const counts: number[] = new Array(end);
  for (let t = 0; t < end; t++) {
    const c = flat[t];
    if (typeof c === "number") counts[t] = c;
    else if (isBlankCell(c)) return kamError("value", arg, `survivors in period ${t} is blank, between counts.`);
    else return kamError("value", arg, `survivors in period ${t} is ${describeNonNumber(c)}; it must be a count.`);
  }
  return counts;
}

function fitCells(cells: ExcelMatrix): SbgFit | KamError {
  const counts = readSurvivors(cells);
  return isKamError(counts) ? counts : fittedSbgParams(counts);
}

/** KAM.COHORT.FIT: one row, α, β and the log-likelihood. */
export function cohortFitCells(survivors: ExcelMatrix): ResultCell[][] | CustomFunctions.Error {
  const fit = fitCells(survivors);
  return isKamError(fit) ? toExcelError(fit) : [[fit.alpha, fit.beta, fit.logLikelihood]];
}

const PERIOD_ARGS: readonly ArgSpec[] = [{ name: "period", blank: "required" }];

function forecastCells(
  survivors: ExcelMatrix,
  period: ExcelMatrix,
  model: (params: SbgParams, period: number) => Result<number>,
): ResultCell[][] | CustomFunctions.Error {
  const fit = fitCells(survivors);
  if (isKamError(fit)) return toExcelError(fit);
  return broadcast([period], PERIOD_ARGS, (v) => model(fit, v[0]));
}

/** KAM.CHURN.FORECAST: the churn rate the fitted model expects in each period given. */
export function churnForecastCells(
  survivors: ExcelMatrix,
  period: ExcelMatrix,
): ResultCell[][] | CustomFunctions.Error {
  return forecastCells(survivors, period, sbgChurn);
}

/** KAM.SURVIVAL.FORECAST: the share of the cohort expected still active after each number of periods given. */
export function survivalForecastCells(
  survivors: ExcelMatrix,
  period: ExcelMatrix,
): ResultCell[][] | CustomFunctions.Error {
  return forecastCells(survivors, period, sbgSurvival);
}

const CLV_COHORT_ARGS: readonly ArgSpec[] = [
  { name: "margin", blank: "required" },
  { name: "discount_rate", blank: "required" },
  { name: "renewals", blank: null },
];

/** KAM.CLV.COHORT: margin × DEL (renewals omitted: a new account) or margin × DERL (after that many renewals). */
export function clvCohortCells(
  margin: ExcelMatrix,
  survivors: ExcelMatrix,
  discountRate: ExcelMatrix,
  renewals: ExcelMatrix,
): ResultCell[][] | CustomFunctions.Error {
  const fit = fitCells(survivors);
  if (isKamError(fit)) return toExcelError(fit);
  return broadcast([margin, discountRate, renewals], CLV_COHORT_ARGS, (v) => cohortClv(v[0], fit, v[1], given(v[2])));
}
