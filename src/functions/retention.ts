import { isKamError, kamError, revenueRetention, type KamError } from "../core";
import { describeNonNumber, isBlankCell, positionInRange, type ExcelMatrix } from "./cells";
import { isErrorCell, notFinite, passInputError, toExcelError } from "./excelErrors";

/**
 * One revenue per account from a single column or a single row. A blank is `null`: for `prior` a new account (left
 * out by the core), for `current` an account that churned (0). Some Excel builds pass a blank as 0, which the core
 * reads the same way on both arguments, so nothing here depends on how a blank arrives.
 */
function readRevenues(cells: ExcelMatrix, name: string): (number | null)[] | KamError {
  if (!cells || cells.length === 0 || cells[0].length === 0) return kamError("value", name, `${name} is empty.`);
  const rows = cells.length;
  const cols = cells[0].length;
  if (rows !== 1 && cols !== 1) {
    return kamError(
      "value",
      name,
      `${name} is ${rows}×${cols}: give one revenue per account, as one column (or one row).`,
    );
  }
  const out: (number | null)[] = new Array(rows * cols);
  for (let i = 0, k = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++, k++) {
      const c = cells[i][j];
      if (typeof c === "number") out[k] = c;
      else if (isBlankCell(c)) out[k] = null;
      else if (isErrorCell(c)) throw passInputError(c, `${name}${positionInRange(rows, cols, i, j)}`);
      else {
        return kamError(
          "value",
          name,
          `${name}${positionInRange(rows, cols, i, j)} is ${describeNonNumber(c)}; it must be a revenue (a number).`,
        );
      }
    }
  }
  return out;
}

/**
 * KAM.NRR and KAM.GRR: one number for the whole set of accounts, or one error for the call. An error value in any
 * cell is the call's error (one number cannot keep the other accounts apart), passed on as it is.
 */
export function retentionValue(
  prior: ExcelMatrix,
  current: ExcelMatrix,
  kind: "net" | "gross",
): number | CustomFunctions.Error {
  const p = readRevenues(prior, "prior");
  if (isKamError(p)) return toExcelError(p);
  const c = readRevenues(current, "current");
  if (isKamError(c)) return toExcelError(c);
  const value = revenueRetention(p, c, kind);
  if (isKamError(value)) return toExcelError(value);
  return value - value === 0 ? value : notFinite();
}
