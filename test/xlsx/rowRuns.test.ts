/**
 * A row pattern is written as a shared formula only where Excel itself would shift it the same way down the rows
 * (issue 18). That the runs make the same workbook is checked in LibreOffice by rowRuns.libreoffice.test.ts.
 */
import { describe, expect, it } from "vitest";
import { shiftsLikePattern } from "../../src/report/patternShift";

describe("shiftsLikePattern: a row pattern that Excel may fill down as a shared formula", () => {
  it.each([
    ['$M{row}<>"Churned"', true],
    ["SUM($O{row}:$R{row})*$AC$2", true],
    ["LOG10(A{row})+ATAN2(B{row},1)", true],
    ["'Account Data'!B{row}*2", true],
    ["'Sheet 9'!$C$4+D{row}", true],
    // a cell-like word inside text or inside a quoted sheet name is not a reference, and a quote is doubled inside
    ['A{row}&"see B7 and C8"', true],
    ['A{row}&"say ""B7"" here"&B{row}', true],
    ["'Plan B7'!$C$4+D{row}", true],
    ["'Tom''s B7'!$C$4+D{row}", true],
  ])("%s shifts like its pattern", (formula, expected) => {
    expect(shiftsLikePattern(formula)).toBe(expected);
  });

  it.each([
    ["A{row}+B2", "B2 has a relative row that would shift as well"],
    ["$A{row}+$B7", "$B7 has a relative row"],
    ['"row {row}"&A1', "the token is inside text, and A1 would shift"],
    ['A{row}&" row {row}"', "the token inside text would not shift"],
    ["$A${row}", "an absolute row does not shift"],
    ["SUM(2:2)+A{row}", "a whole-row reference shifts"],
    ["A{row}+AB7", "a two-letter column with a relative row"],
    ["A{row}+B17", "a relative row of two digits"],
    ["SUM(12:12)+A{row}", "a whole-row reference of two-digit rows"],
    ["SUM(2:12)+A{row}", "a whole-row range ending on a two-digit row"],
    // the range operator may join a cell and whole rows (here A1:XFD9): rows after a quoted sheet name shift as well
    ["A{row}+SUM('Plan data'!$A$1:'Plan data'!7:9)", "a whole-row reference after a quoted sheet name"],
    ["$AC$3*2", "no row token: nothing to fill down"],
  ])("%s does not (%s)", (formula) => {
    expect(shiftsLikePattern(formula)).toBe(false);
  });
});
