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
import { isErrorCell, notFinite, passInputError, toExcelError, type ResultCell } from "./excelErrors";

/**
 * Reads a cohort's survivor counts from a row or a column. Blanks after the last count are ignored (a table often
 * has room for periods still to come), and so are 0s there: some Excel builds pass an empty cell as 0 (office-js
 * #4702, #5262), and a cohort's counts never rise again, so nothing after the last count above 0 is data. (A cohort
 * that truly reached 0 is then fitted with its last accounts still active: the help says so.) A blank or a 0 between
 * counts stays: a missing count is an error, a 0 followed by a count is refused by the core as a rise. An error value
 * among the counts is the call's error (thrown): one fit serves every result cell.
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
  while (end > 0 && (flat[end - 1] === 0 || isBlankCell(flat[end - 1]))) end--;
  const counts: number[] = new Array(end);
  for (let t = 0; t < end; t++) {
    const c = flat[t];
    if (typeof c === "number") counts[t] = c;
    else if (isErrorCell(c)) throw passInputError(c, `survivors in period ${t}`);
    else if (isBlankCell(c)) return kamError("value", arg, `survivors in period ${t} is blank, between counts.`);
    else return kamError("value", arg, `survivors in period ${t} is ${describeNonNumber(c)}; it must be a count.`);
  }
  return counts;
}

/** The fitted model for the whole call; a problem with the counts is the call's error, thrown. */
function fitCells(cells: ExcelMatrix): SbgFit {
  const counts = readSurvivors(cells);
  const fit = isKamError(counts) ? counts : fittedSbgParams(counts);
  if (isKamError(fit)) throw toExcelError(fit);
  return fit;
}

/** KAM.COHORT.FIT: one row, α, β and the log-likelihood. */
export function cohortFitCells(survivors: ExcelMatrix): ResultCell[][] {
  const fit = fitCells(survivors);
  const row = [fit.alpha, fit.beta, fit.logLikelihood];
  if (!row.every(Number.isFinite)) throw notFinite();
  return [row];
}

const CHURN_PERIOD_ARGS: readonly ArgSpec[] = [
  { name: "period", blank: "required", limit: { min: 1, integer: true, says: "a whole number of periods, 1 or more" } },
];
const SURVIVAL_PERIOD_ARGS: readonly ArgSpec[] = [
  { name: "period", blank: "required", limit: { min: 0, integer: true, says: "a whole number of periods, 0 or more" } },
];

function forecastCells(
  survivors: ExcelMatrix,
  period: ExcelMatrix,
  specs: readonly ArgSpec[],
  model: (params: SbgParams, period: number) => Result<number>,
): ResultCell[][] {
  const fit = fitCells(survivors);
  return broadcast([period], specs, (v) => model(fit, v[0]));
}

/** KAM.CHURN.FORECAST: the churn rate the fitted model expects in each period given. */
export function churnForecastCells(survivors: ExcelMatrix, period: ExcelMatrix): ResultCell[][] {
  return forecastCells(survivors, period, CHURN_PERIOD_ARGS, sbgChurn);
}

/** KAM.SURVIVAL.FORECAST: the share of the cohort expected still active after each number of periods given. */
export function survivalForecastCells(survivors: ExcelMatrix, period: ExcelMatrix): ResultCell[][] {
  return forecastCells(survivors, period, SURVIVAL_PERIOD_ARGS, sbgSurvival);
}

/**
 * KAM.CLV.COHORT's arguments. renewals blank or 0 is a new account (DEL): some Excel builds pass an empty cell as 0
 * (office-js #4702, #5262), so an empty renewals cell must mean what omitting the argument means on every build; an
 * account that has renewed 0 times is a new account too. DERL(0), the same account with its first margin paid only
 * at its first renewal, is (1 + d)·(DEL − 1): the help gives the formula.
 */
const CLV_COHORT_ARGS: readonly ArgSpec[] = [
  { name: "margin", blank: "required" },
  { name: "discount_rate", blank: "required", limit: { min: 0, says: "0 or more" } },
  {
    name: "renewals",
    blank: null,
    zeroIsBlank: true,
    limit: { min: 0, integer: true, says: "a whole number, 0 or more (blank or 0: a new account)" },
  },
];

/** KAM.CLV.COHORT: margin × DEL (renewals omitted or 0: a new account) or margin × DERL (after that many renewals). */
export function clvCohortCells(
  margin: ExcelMatrix,
  survivors: ExcelMatrix,
  discountRate: ExcelMatrix,
  renewals: ExcelMatrix,
): ResultCell[][] {
  const fit = fitCells(survivors);
  return broadcast([margin, discountRate, renewals], CLV_COHORT_ARGS, (v) => cohortClv(v[0], fit, v[1], given(v[2])));
}
