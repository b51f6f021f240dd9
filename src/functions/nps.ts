import { isKamError, kamError, npsFromAnswers } from "../core";
import { describeNonNumber, isBlankCell, positionInRange, type ExcelMatrix } from "./cells";
import { isErrorCell, passInputError, toExcelError } from "./excelErrors";

/**
 * KAM.NPS: one Net Promoter Score from a range of 0–10 answers of any shape, read row by row. Blanks are left out. A 0
 * is a real answer (a detractor): some Excel builds pass an empty cell as 0, which the help says (select the answers,
 * not a column with empty cells). Text is diagnosed with its position; an answer that is not a whole number 0–10 is
 * the core's #NUM!; no answer at all is #N/A. An error value in a cell is the call's error, passed on (thrown).
 */
export function npsValue(answers: ExcelMatrix): number | CustomFunctions.Error {
  if (!answers || answers.length === 0) return toExcelError(kamError("value", "answers", "answers is empty."));
  const rows = answers.length;
  const cols = answers[0].length;
  // Blanks stay in the list as null, so the core's "answers row k" counts cells as they were given.
  const list: (number | null)[] = [];
  for (let i = 0; i < rows; i++) {
    const row = answers[i];
    for (let j = 0; j < row.length; j++) {
      const c = row[j];
      if (typeof c === "number") list.push(c);
      else if (isBlankCell(c)) list.push(null);
      else if (isErrorCell(c)) throw passInputError(c, `answers${positionInRange(rows, cols, i, j)}`);
      else {
        return toExcelError(
          kamError(
            "value",
            "answers",
            `answers${positionInRange(rows, cols, i, j)} is ${describeNonNumber(c)}; an answer must be a number from 0 to 10.`,
          ),
        );
      }
    }
  }
  const value = npsFromAnswers(list);
  return isKamError(value) ? toExcelError(value) : value;
}
