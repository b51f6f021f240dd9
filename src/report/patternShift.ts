import { ROW_TOKEN } from "./plan";

/**
 * Whether a row pattern's formula, written on its first row, means the same on every later row when Excel shifts
 * it: as a shared formula (.xlsx) or as a copy (Range.copyFrom, Office.js). Each ROW_TOKEN must be the row of a
 * relative-row cell reference (A{row}, $A{row}), and no other reference may have a relative row (it would shift too). Text in quotes and quoted sheet names are left
 * out of the check; a name followed by "(" is a function (LOG10), not a cell.
 */
export function shiftsLikePattern(formula: string): boolean {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, "S!");
  const token = ROW_TOKEN.replace(/[{}]/g, "\\$&");
  const tokens = code.split(ROW_TOKEN).length - 1;
  // A token inside text would be written once and never shift.
  if (tokens === 0 || tokens !== formula.split(ROW_TOKEN).length - 1) return false;
  const asRows = code.match(new RegExp(`(?<![A-Za-z0-9_.])\\$?[A-Za-z]{1,3}${token}`, "g"))?.length ?? 0;
  if (asRows !== tokens) return false;
  // Any other A1 reference with a relative row (B7, $B7), or a whole-row reference (7:9), would shift as well.
  const relative = /(?<![A-Za-z0-9_.$])\$?[A-Za-z]{1,3}\d+(?![\d(A-Za-z_.])|(?<![A-Za-z0-9_.$:])\d+:\$?\d+(?![\d(])/;
  return !relative.test(code.split(ROW_TOKEN).join("$1"));
}
