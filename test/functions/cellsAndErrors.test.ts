/**
 * The shared pieces every function reads cells and reports errors through (cells.ts, excelErrors.ts), and the cohort
 * functions' survivor reader, tested on their own (issue 21, item 5: the mutation run found these paths untested or
 * reached only through cases where a mistake would not show).
 */
import "../fakes/customFunctionsRuntime";
import { describe, expect, it } from "vitest";
import { kamError } from "../../src/core";
import { describeNonNumber, isBlankCell, positionInRange } from "../../src/functions/cells";
import { readSurvivors } from "../../src/functions/cohort";
import { callError, isErrorCell, passInputError, toExcelError } from "../../src/functions/excelErrors";
import { cellError } from "../fakes/customFunctionsRuntime";

describe("cells", () => {
  it("a blank is null, undefined or the empty text; a space or a 0 is not", () => {
    expect([null, undefined, ""].map(isBlankCell)).toEqual([true, true, true]);
    expect([" ", 0, false].map(isBlankCell)).toEqual([false, false, false]);
  });

  it("describes what is not a number in words an analyst recognises", () => {
    expect(describeNonNumber(true)).toBe("the logical value TRUE");
    expect(describeNonNumber(false)).toBe("the logical value FALSE");
    expect(describeNonNumber(1.5)).toBe("1.5");
    expect(describeNonNumber({})).toBe("an unreadable value");
    // Text longer than 30 characters is cut at 30 with an ellipsis; exactly 30 is shown whole.
    const thirty = "abcdefghijklmnopqrstuvwxyz1234";
    expect(describeNonNumber(thirty)).toBe(`the text "${thirty}"`);
    expect(describeNonNumber(`${thirty}5`)).toBe(`the text "${thirty}…"`);
  });

  it("hints at a number stored as text only when the whole text reads as one", () => {
    const hint = (s: string) => `the text "${s}" (a number stored as text: convert it to a number)`;
    for (const s of ["12%", " 1,234.5 ", "(1,234)", "-7", "+3"]) expect(describeNonNumber(s), s).toBe(hint(s));
    // text around the digits, before or after, is not a number stored as text
    for (const s of ["abc 12", "x12", "12 apples", "12x", "#12"])
      expect(describeNonNumber(s), s).toBe(`the text "${s}"`);
  });

  it("places a cell in its range as the analyst counts: 1-based, and only the parts that vary", () => {
    expect(positionInRange(1, 1, 0, 0)).toBe("");
    expect(positionInRange(3, 1, 2, 0)).toBe(" (row 3)");
    expect(positionInRange(1, 3, 0, 1)).toBe(" (column 2)");
    expect(positionInRange(2, 3, 1, 2)).toBe(" (row 2, column 3)");
  });
});

describe("excelErrors", () => {
  it("an error value is a CustomFunctions.Error, or any object whose code is an Excel error code", () => {
    expect(isErrorCell(cellError("#N/A"))).toBe(true);
    expect(isErrorCell({ code: "#N/A" })).toBe(true);
    expect([{ code: "N/A" }, { code: 7 }, {}, null, "#N/A", 0].map(isErrorCell)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("passes an error value on with its message where Excel can show one, without it where Excel cannot", () => {
    // A CustomFunctions.Error is passed on as the very value; a plain object is rebuilt with its code.
    const na = cellError("#N/A");
    expect(passInputError(na, "x")).toBe(na);
    expect(passInputError({ code: "#VALUE!", message: "bad feed" }, "x")).toMatchObject({
      code: "#VALUE!",
      message: "bad feed",
    });
    expect(passInputError({ code: "#N/A", message: "not found" }, "x")).toMatchObject({
      code: "#N/A",
      message: "not found",
    });
    // #NUM! and #DIV/0! show no message: the fake runtime refuses one, so the message must be dropped
    expect(passInputError({ code: "#NUM!", message: "too big" }, "x")).toEqual(
      expect.objectContaining({ code: "#NUM!", message: undefined }),
    );
    expect(passInputError({ code: "#DIV/0!", message: "zero" }, "x")).toEqual(
      expect.objectContaining({ code: "#DIV/0!", message: undefined }),
    );
    // #NULL! (an intersection of ranges that do not meet) is one a custom function may return too
    expect(passInputError({ code: "#NULL!" }, "x")).toEqual(
      expect.objectContaining({ code: "#NULL!", message: undefined }),
    );
    // #REF! and #NAME? cannot be returned: #VALUE! saying where
    expect(passInputError({ code: "#REF!" }, "margin (row 2)")).toMatchObject({
      code: "#VALUE!",
      message: "margin (row 2) is the error #REF!.",
    });
  });

  it("a call's error shows a num problem as #VALUE! with why, and keeps the other codes", () => {
    expect(callError(kamError("num", "x", "x is 5; at most 4."))).toMatchObject({
      code: "#VALUE!",
      message: "x is 5; at most 4.",
    });
    expect(callError(kamError("na", "x", "x is blank."))).toMatchObject({ code: "#N/A", message: "x is blank." });
    expect(callError(kamError("div0", "x", "x is 0."))).toEqual(
      expect.objectContaining({ code: "#DIV/0!", message: undefined }),
    );
    expect(toExcelError(kamError("num", "x", "x is 5."))).toEqual(
      expect.objectContaining({ code: "#NUM!", message: undefined }),
    );
  });
});

describe("readSurvivors", () => {
  it("reads counts from a row or a column, leaving out blanks and 0s after the last count", () => {
    expect(readSurvivors([[1000, 631, 468, 0, null, ""]])).toEqual([1000, 631, 468]);
    expect(readSurvivors([[1000], [631], [0]])).toEqual([1000, 631]);
    // nothing but blanks and 0s: no count at all
    expect(readSurvivors([[0], [null], [""]])).toEqual([]);
  });

  it("names the survivors and the period of a bad count", () => {
    expect(readSurvivors([])).toEqual(kamError("value", "survivors", "survivors is empty."));
    expect(readSurvivors(null)).toEqual(kamError("value", "survivors", "survivors is empty."));
    expect(readSurvivors([[1000], [null], [468]])).toEqual(
      kamError("value", "survivors", "survivors in period 1 is blank, between counts."),
    );
    expect(readSurvivors([[1000], ["many"], [468]])).toEqual(
      kamError("value", "survivors", 'survivors in period 1 is the text "many"; it must be a count.'),
    );
    expect(() => readSurvivors([[1000], [631], [cellError("#REF!") as never], [382]])).toThrow(
      expect.objectContaining({ code: "#VALUE!", message: "survivors in period 2 is the error #REF!." }),
    );
  });
});
