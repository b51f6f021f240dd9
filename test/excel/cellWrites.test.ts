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

  it("cuts text into pieces of exactly 255 characters, one fewer only where a surrogate pair would straddle the cut", () => {
    const x = (n: number) => "x".repeat(n);
    // plain text: 255, then the rest
    expect(textAsFormula(`=${x(299)}`)).toBe(`="=${x(254)}"&"${x(45)}"`);
    // an emoji ending exactly at 255 stays whole in the first piece (its low half is no reason to cut early)
    expect(textAsFormula(`=${x(252)}😀${x(3)}`)).toBe(`="=${x(252)}😀"&"${x(3)}"`);
    // a character above the surrogates (fullwidth x, U+FF58) at 255 is one character: no early cut
    expect(textAsFormula(`=${x(253)}\uFF58${x(3)}`)).toBe(`="=${x(253)}\uFF58"&"${x(3)}"`);
    // pairs straddling the cut whose high halves are the first and the last high surrogates, U+D800 and U+DBFF
    expect(textAsFormula(`=${x(253)}\u{10000}y`)).toBe(`="=${x(253)}"&"\u{10000}y"`);
    expect(textAsFormula(`=${x(253)}\u{10FC00}y`)).toBe(`="=${x(253)}"&"\u{10FC00}y"`);
  });

  it("keeps a lone high surrogate at the very end of the text (nothing follows it to split from)", () => {
    expect(textAsFormula("=a\uD83D")).toBe('="=a\uD83D"');
    expect(textAsFormula(`=${"x".repeat(253)}\uD83D`)).toBe(`="=${"x".repeat(253)}\uD83D"`);
  });

  it("writes hostile text as a text formula up to exactly 8,192 characters with its =, and one more with the quote prefix", () => {
    // 8,096 characters need 32 pieces: 8,096 + 32 pairs of quotes + 31 "&" + "=" = 8,192
    const fits = `=${"x".repeat(8095)}`;
    const over = `=${"x".repeat(8096)}`;
    const x = (n: number) => "x".repeat(n);
    const pieces = [`=${x(254)}`, ...Array<string>(30).fill(x(255)), x(191)];
    const w = cellWrites([[fits, over]]);
    expect((w.formulas[0][0] as string).length).toBe(8192);
    expect(w.formulas[0]).toEqual([`=${pieces.map((p) => `"${p}"`).join("&")}`, `'${over}`]);
    expect(w.numberFormat[0]).toEqual([null, "@"]);
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
