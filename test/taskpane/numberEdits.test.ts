import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kamSettingsSchema, portfolioOptions, reportSettingsSchema, validateAccounts } from "../../src/core";
import { detectMapping, type TableInput } from "../../src/core";
import { numberTexts, parseTyped, readNumbers, withText, type NumberTexts } from "../../src/taskpane/state/numberEdits";

function texts(over: Partial<NumberTexts> = {}): NumberTexts {
  return {
    weights: [
      { column: 3, text: "2" },
      { column: 5, text: "1" },
    ],
    cuts: { attractiveness: ["50"], strength: ["50"] },
    cutsTouched: { attractiveness: false, strength: false },
    scaleMin: "1",
    scaleMax: "5",
    discountRate: "10",
    atRiskThreshold: "10",
    ...over,
  };
}

/** A decimal as an analyst might type it, with a point or a comma. */
const typed = fc
  .tuple(
    fc.oneof(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.double({ min: -5, max: 150, noNaN: true })),
    fc.boolean(),
  )
  .map(([x, comma]) => {
    const t = String(Number(x.toFixed(3)));
    return { x: Number(t), text: comma ? t.replace(".", ",") : t };
  });

describe("parseTyped", () => {
  it("reads what an analyst types: a point or a comma, a sign, a trailing %", () => {
    expect(["12", "12.5", "12,5", " 7 % ", "-3", ".5", "+4"].map(parseTyped)).toEqual([12, 12.5, 12.5, 7, -3, 0.5, 4]);
  });

  it("refuses anything else rather than guess", () => {
    for (const t of ["", " ", "abc", "1e3", "1.2.3", "12,345.6", "5-", "%", "Infinity", "0x10"])
      expect(parseTyped(t)).toBeUndefined();
  });
});

describe("readNumbers", () => {
  it("turns valid texts into the report's choices: percentages as fractions, untouched cut-offs left to the saved ones", () => {
    const read = readNumbers(texts({ discountRate: "8", atRiskThreshold: "12,5" }), 2);
    expect(read.valid).toBe(true);
    expect(read.criteria).toEqual([
      { column: 3, weight: 2 },
      { column: 5, weight: 1 },
    ]);
    expect(read.choices).toEqual({ scale: { min: 1, max: 5 }, discountRate: 0.08, atRiskThreshold: 0.125 });
    const cut = readNumbers(withText(texts(), "cut:strength:0", "60"), 2);
    expect(cut.choices.cuts).toEqual({ strength: [60] });
  });

  it("puts the message under the control that is wrong, and builds nothing", () => {
    const read = readNumbers(
      texts({
        weights: [
          { column: 3, text: "-1" },
          { column: 5, text: "x" },
        ],
        cuts: { attractiveness: ["120"], strength: ["50"] },
        scaleMin: "5",
        scaleMax: "1",
        discountRate: "-100",
        atRiskThreshold: "101",
      }),
      2,
    );
    expect(read.valid).toBe(false);
    expect(read.choices).toEqual({});
    expect(read.messages).toEqual({
      "weight:3": "A weight is a number, 0 or more.",
      "weight:5": "Enter a number.",
      "cut:attractiveness:0": "A cut-off is a score from 0 to 100.",
      scaleMax: "The highest rating must be above the lowest.",
      discountRate: "The discount rate is a percentage above −100.",
      atRiskThreshold: "The at-risk threshold is a percentage from 0 to 100.",
    });
  });

  it("says when every weight is 0, and that the cut-offs of a 3×3 grid must rise", () => {
    const zero = readNumbers(
      texts({
        weights: [
          { column: 3, text: "0" },
          { column: 5, text: "0" },
        ],
      }),
      2,
    );
    expect(zero.valid).toBe(false);
    expect(zero.criteriaMessage).toMatch(/^Every weight is 0/);
    const grid3 = texts({ cuts: { attractiveness: ["60", "40"], strength: ["30", "70"] } });
    expect(readNumbers(grid3, 3).messages).toEqual({
      "cut:attractiveness:1": "Each cut-off must be above the one before it.",
    });
  });

  it("accepts a discount rate exactly when the settings would save it", () => {
    fc.assert(
      fc.property(typed, ({ x, text }) => {
        const ok = kamSettingsSchema.shape.discountRate.safeParse(x / 100).success;
        expect(readNumbers(texts({ discountRate: text }), 2).valid).toBe(ok);
      }),
    );
  });

  it("accepts an at-risk threshold, a cut-off and a weight exactly when the settings would", () => {
    fc.assert(
      fc.property(typed, ({ x, text }) => {
        const atRisk = reportSettingsSchema.safeParse({ atRiskThreshold: x / 100 }).success;
        expect(readNumbers(texts({ atRiskThreshold: text }), 2).valid).toBe(atRisk);
        const cut = reportSettingsSchema.safeParse({ grid: 2, cuts: { strength: [x] } }).success;
        expect(readNumbers(withText(texts(), "cut:strength:0", text), 2).valid).toBe(cut);
        const weight = kamSettingsSchema.shape.criteria.safeParse([{ header: "Fit", weight: x }]).success;
        expect(readNumbers(withText(texts(), "weight:3", text), 2).valid).toBe(weight);
      }),
    );
  });
});

describe("numberTexts", () => {
  it("shows the prepared options in the controls' units, and reads back to the same choices", () => {
    const input: TableInput = {
      sheet: "S",
      top: 0,
      left: 0,
      values: [
        ["Account", "Revenue"],
        ["Acme", 1],
      ],
    };
    const options = portfolioOptions(validateAccounts(input, detectMapping(input)), {
      discountRate: 0.075,
      atRiskThreshold: 0.2,
      scale: { min: 0, max: 10 },
    });
    const shown = numberTexts([{ column: 4, weight: 1.5 }], options);
    expect([shown.weights, shown.discountRate, shown.atRiskThreshold, shown.scaleMax]).toEqual([
      [{ column: 4, text: "1.5" }],
      "7.5",
      "20",
      "10",
    ]);
    const read = readNumbers(shown, options.grid);
    expect(read.choices).toEqual({
      scale: options.scale,
      discountRate: options.discountRate,
      atRiskThreshold: options.atRiskThreshold,
    });
  });
});
