import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { afterAll, describe, expect, it } from "vitest";
import { cellWrites, textAsFormula } from "../../src/excel/cellWrites";

describe("text written so Excel cannot read it as anything else", () => {
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  const sheet = hf.getSheetId(hf.addSheet("S"))!;
  afterAll(() => hf.destroy());

  const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

  it("a text formula is exactly the text, in well-formed pieces of at most 255 characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 700 }), (text) => {
        const formula = textAsFormula(text);
        // Excel's string literals: "" inside one is a quote
        const pieces = [...formula.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"'));
        const joined = `=${pieces.map((p) => `"${p.replace(/"/g, '""')}"`).join("&")}`;
        // A spreadsheet engine agrees where it can: HyperFormula has no "" escape in string literals, and reads a
        // backslash before the closing quote as an escape (="\" is "not a formula" to it; Excel reads a backslash).
        const evaluated = /["\\]/.test(text) || hf.calculateFormula(formula, sheet) === text;
        return (
          joined === formula &&
          pieces.join("") === text &&
          pieces.every((p) => p.length <= 255 && !loneSurrogate.test(p)) &&
          evaluated
        );
      }),
      { numRuns: 300 },
    );
  });

  it("writes a backslash as it is (Excel has no escapes in strings but the doubled quote)", () => {
    expect(textAsFormula('=C:\\kam\\"q"\\')).toBe('="=C:\\kam\\""q""\\"');
  });

  it("never splits an emoji between two pieces", () => {
    const text = `=${"x".repeat(253)}😀y`;
    const formula = textAsFormula(text);
    expect(formula).toBe(`="=${"x".repeat(253)}"&"😀y"`);
    expect(hf.calculateFormula(formula, sheet)).toBe(text);
  });

  it("chooses per cell: formulas, numbers and booleans as they are, hostile text as text formulas, other text as @", () => {
    const w = cellWrites([[{ f: "SUM(A1:A2)" }, 12, true, null, "=1+1", "+49 30", "-x", "@me", "'t Hooft", "12%"]]);
    expect(w.formulas[0]).toEqual([
      "=SUM(A1:A2)",
      12,
      true,
      null,
      '="=1+1"',
      '="+49 30"',
      '="-x"',
      '="@me"',
      `="'t Hooft"`,
      "12%",
    ]);
    // a new or emptied sheet is General already: only text needs its format, unless an earlier block was there
    expect(w.numberFormat[0]).toEqual([...Array(9).fill(null), "@"]);
    const over = cellWrites([[{ f: "SUM(A1:A2)" }, 12, null, "=1+1", "x"]], true);
    expect(over.numberFormat[0]).toEqual(["General", "General", null, "General", "@"]);
  });
});
