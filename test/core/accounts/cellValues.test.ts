import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { numberRules, readNumber, type NumberSeparators } from "../../../src/core";

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
