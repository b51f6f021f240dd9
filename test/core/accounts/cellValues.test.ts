import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isBlank,
  numberRules,
  readFlag,
  readLabel,
  readNumber,
  readStatus,
  type NumberSeparators,
} from "../../../src/core";

const GERMAN: NumberSeparators = { decimal: ",", group: "." };

describe("numbers stored as text, read as the workbook writes them", () => {
  it("reads a decimal point workbook's text and refuses the decimal comma with advice", () => {
    expect(readNumber("1,234.5")).toBe(1234.5);
    expect(readNumber("12%")).toBe(0.12);
    expect(readNumber("1.234,5")).toEqual({
      problem: 'the text "1.234,5" (a decimal comma, but this workbook writes a decimal point: enter it as a number)',
    });
  });

  it("reads a decimal comma workbook's text the other way round: 1,234 is one point two three four there", () => {
    const de = numberRules(GERMAN);
    expect(readNumber("1.234,5", de)).toBe(1234.5);
    expect(readNumber("1,234", de)).toBe(1.234);
    expect(readNumber("12,5 %", de)).toBe(0.125);
    expect(readNumber("-0,75", de)).toBe(-0.75);
    expect(readNumber("1,234.5", de)).toEqual({
      problem: 'the text "1,234.5" (a decimal point, but this workbook writes a decimal comma: enter it as a number)',
    });
    expect(readNumber("12.5", de)).toMatchObject({ problem: expect.stringContaining("a decimal point") });
    expect(readNumber(",", de)).toMatchObject({ problem: 'the text ","' });
  });

  it("takes any space as the thousands separator of a workbook whose separator is a space", () => {
    const fr = numberRules({ decimal: ",", group: "\u00a0" });
    expect(readNumber("1 234 567,5", fr)).toBe(1234567.5);
    expect(readNumber("1\u202f234,5", fr)).toBe(1234.5);
    expect(readNumber("1 23,5", fr)).toMatchObject({ problem: 'the text "1 23,5"' });
  });

  it("reads plain digits in a workbook without a thousands separator, and no grouping at all", () => {
    const none = numberRules({ decimal: ".", group: "" });
    expect(readNumber("1234567.5", none)).toBe(1234567.5);
    expect(readNumber("-12.5%", none)).toBe(-0.125);
    expect(readNumber("1,234", none)).toEqual({ problem: 'the text "1,234"' });
    expect(readNumber("1 234", none)).toEqual({ problem: 'the text "1 234"' });
  });

  it("reads back what Intl writes for German, French, Swiss and US conventions", () => {
    const cultures: [string, NumberSeparators][] = [
      ["de-DE", GERMAN],
      ["fr-FR", { decimal: ",", group: "\u202f" }],
      ["de-CH", { decimal: ".", group: "'" }],
      ["en-US", { decimal: ".", group: "," }],
    ];
    for (const [locale, separators] of cultures) {
      const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
      const rules = numberRules(separators);
      fc.assert(
        fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
          const n = whole + Math.sign(whole || 1) * (cents / 100);
          const text = format.format(n).replace("\u2212", "-"); // some locales write a true minus sign
          return readNumber(text, rules) === Number(n.toFixed(2));
        }),
        { numRuns: 300 },
      );
    }
  });
});

/** The workbook conventions, built inside each test (Stryker switches a mutant on per test). */
const pointRules = () => numberRules({ decimal: ".", group: "," });
const commaRules = () => numberRules(GERMAN);
const advised = (text: string, advice: string) => ({ problem: `the text "${text}" (${advice}: enter it as a number)` });
const DECIMAL_COMMA = "a decimal comma, but this workbook writes a decimal point";
const DECIMAL_POINT = "a decimal point, but this workbook writes a decimal comma";

describe("the other convention's numbers, refused with advice (issue 21, mutation survivors)", () => {
  it("in a decimal point workbook, advises on every shape of a decimal comma number, signed or not", () => {
    const en = pointRules();
    for (const text of ["1.234,5", "-1.234,5", "+12.345,67", "1.234.567,5", "1.234.567", "12,5", "12,55", "-0,75"])
      expect(readNumber(text, en)).toEqual(advised(text, DECIMAL_COMMA));
  });

  it("in a decimal point workbook, refuses without advice what is no decimal comma number either", () => {
    const en = pointRules();
    // letters around it, a comma with three decimals (read as a group there: 12,555 is twelve thousand), a lone comma
    for (const text of ["a1.234,5", "1.234,5x", "12,5,5", "1.23,5", "12,", ",5"])
      expect(readNumber(text, en)).toEqual({ problem: `the text "${text}"` });
    expect(readNumber("12,555", en)).toBe(12555);
  });

  it("in a decimal comma workbook, advises on every shape of a decimal point number, signed or not", () => {
    const de = commaRules();
    for (const text of ["1,234.5", "-1,234.5", "+12,345.67", "1,234,567.5", "1,234,567", "12.5", "12.55"])
      expect(readNumber(text, de)).toEqual(advised(text, DECIMAL_POINT));
  });

  it("in a decimal comma workbook, refuses without advice what is no decimal point number either", () => {
    const de = commaRules();
    for (const text of ["x1,234.5", "1,234.5x", "12.5.5", "1,23.5", "12."])
      expect(readNumber(text, de)).toEqual({ problem: `the text "${text}"` });
  });

  it("gives no advice where the workbook's decimal mark is neither a point nor a comma (Arabic ٫)", () => {
    const ar = numberRules({ decimal: "\u066b", group: "\u066c" });
    expect(readNumber("1\u066c234\u066b5", ar)).toBe(1234.5);
    expect(readNumber("1,234.5", ar)).toEqual({ problem: 'the text "1,234.5"' });
    expect(readNumber("1.234,5", ar)).toEqual({ problem: 'the text "1.234,5"' });
  });
});

describe("readNumber on every kind of cell (issue 21, mutation survivors)", () => {
  it("reads numbers as they are, and blanks as null", () => {
    expect(readNumber(1234.5)).toBe(1234.5);
    expect(readNumber(null)).toBeNull();
    expect(readNumber(undefined)).toBeNull();
    expect(readNumber("")).toBeNull();
    expect(readNumber("   ")).toBeNull();
  });

  it("reads text numbers with the spaces around them that a paste leaves", () => {
    expect(readNumber(" 1,234.5 ", pointRules())).toBe(1234.5);
    expect(readNumber("\u00a012 % ", pointRules())).toBe(0.12);
  });

  it("names what it found instead of a number: an overflow, a logical value, an error, a value of no known kind", () => {
    expect(readNumber(Infinity)).toEqual({ problem: "a number Excel cannot hold" });
    expect(readNumber(Number.NaN)).toEqual({ problem: "a number Excel cannot hold" });
    expect(readNumber(true)).toEqual({ problem: "the logical value TRUE" });
    expect(readNumber(false)).toEqual({ problem: "the logical value FALSE" });
    expect(readNumber("#N/A")).toEqual({ problem: "the error #N/A" });
    expect(readNumber(new Date(2024, 0, 1))).toEqual({ problem: "a value of an unknown kind" });
  });

  it("reads a percent sign alone, or a sign alone, as text, not as 0", () => {
    expect(readNumber("%", pointRules())).toEqual({ problem: 'the text "%"' });
    expect(readNumber(" % ", pointRules())).toEqual({ problem: 'the text "%"' });
    expect(readNumber("-", pointRules())).toEqual({ problem: 'the text "-"' });
    expect(readNumber("+%", pointRules())).toEqual({ problem: 'the text "+%"' });
  });

  it("refuses digits too long for a number, quoting their first 40 characters", () => {
    const digits = "1".padEnd(400, "0");
    expect(readNumber(digits, pointRules())).toEqual({ problem: `the text "${digits.slice(0, 40)}…"` });
    expect(readNumber(`${digits}%`, pointRules())).toMatchObject({ problem: `the text "${digits.slice(0, 40)}…"` });
  });

  it("quotes text of 40 characters whole, and cuts longer text at 40", () => {
    const forty = "to be confirmed by finance in the Q3 run";
    expect(forty).toHaveLength(40);
    expect(readNumber(forty)).toEqual({ problem: `the text "${forty}"` });
    expect(readNumber(`${forty}!`)).toEqual({ problem: `the text "${forty}…"` });
  });
});

describe("readLabel (issue 21, mutation survivors)", () => {
  it("reads text trimmed, numbers as their digits, blanks as null", () => {
    expect(readLabel("  Acme GmbH ")).toBe("Acme GmbH");
    expect(readLabel(10_042)).toBe("10042");
    expect(readLabel(0)).toBe("0");
    expect(readLabel("  ")).toBeNull();
    expect(readLabel(null)).toBeNull();
    expect(readLabel(undefined)).toBeNull();
  });

  it("names an error, an overflow, a logical value or a value of no known kind", () => {
    expect(readLabel(" #REF! ")).toEqual({ problem: "the error #REF!" });
    expect(readLabel(Infinity)).toEqual({ problem: "a number Excel cannot hold" });
    expect(readLabel(true)).toEqual({ problem: "the logical value TRUE" });
    expect(readLabel(false)).toEqual({ problem: "the logical value FALSE" });
    expect(readLabel({})).toEqual({ problem: "a value of an unknown kind" });
    expect(readLabel(new Date(2024, 0, 1))).toEqual({ problem: "a value of an unknown kind" });
  });
});

describe("readFlag and blanks (issue 21, mutation survivors)", () => {
  it("reads logical values and the numbers 1 and 0 as the flag", () => {
    expect(readFlag(true)).toBe(1);
    expect(readFlag(false)).toBe(0);
    expect(readFlag(1)).toBe(1);
    expect(readFlag(0)).toBe(0);
    expect(readFlag(2)).toEqual({ problem: "2" });
  });

  it("reads null, undefined, empty and spaces as blank", () => {
    expect([null, undefined, "", "  "].map(readFlag)).toEqual([null, null, null, null]);
    expect([null, undefined, ""].map(isBlank)).toEqual([true, true, true]);
    expect([0, " ", false].map(isBlank)).toEqual([false, false, false]);
  });
});

describe("readFlag and readStatus on padded text (issue 21, mutation survivors)", () => {
  it("reads yes/no words and error values with the spaces around them that a paste leaves", () => {
    expect(readFlag(" Yes ")).toBe(1);
    expect(readFlag("\tnein ")).toBe(0);
    expect(readFlag(" #N/A ")).toEqual({ problem: "the error #N/A" });
    expect(readFlag("maybe")).toEqual({ problem: 'the text "maybe"' });
  });

  it("reads status words with spaces around them, in either polarity", () => {
    expect(readStatus(" Churned ", false)).toBe(1);
    expect(readStatus(" Active ", true)).toBe(0);
  });

  it("leaves a blank status blank and names a word it does not know, in an Active column too", () => {
    for (const yesMeansChurned of [true, false]) {
      expect(readStatus("", yesMeansChurned)).toBeNull();
      expect(readStatus(null, yesMeansChurned)).toBeNull();
      expect(readStatus("maybe", yesMeansChurned)).toEqual({ problem: 'the text "maybe"' });
    }
    expect(readStatus("yes", false)).toBe(0);
    expect(readStatus("no", false)).toBe(1);
  });
});
