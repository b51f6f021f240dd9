/**
 * The fake's copy of a formula (formulaShift.ts) against a real spreadsheet engine: HyperFormula 3's copy and paste,
 * which moves references as Excel's does. If the two disagree, the fake's Range.copyFrom would pass a renderer that
 * real Excel would show wrong.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { shiftFormula } from "./formulaShift";

const options = { licenseKey: "gpl-v3" as const };

/** The formula HyperFormula shows at (row, col) of sheet S once `formula` is pasted there from (0, 0). */
function pastedByEngine(formula: string, rows: number, cols: number): string | undefined {
  const hf = HyperFormula.buildFromSheets({ S: [[formula]], Other: [[1]] }, options);
  const sheet = hf.getSheetId("S")!;
  hf.copy({ start: { sheet, row: 0, col: 0 }, end: { sheet, row: 0, col: 0 } });
  hf.paste({ sheet, row: rows, col: cols });
  const out = hf.getCellFormula({ sheet, row: rows, col: cols });
  hf.destroy();
  return out;
}

/** `formula` as HyperFormula writes it back when placed at (row, col): the same spelling rules for both sides. */
function normalised(formula: string, rows: number, cols: number): string | undefined {
  const grid: string[][] = Array.from({ length: rows + 1 }, () => new Array<string>(cols + 1).fill(""));
  grid[rows][cols] = formula;
  const hf = HyperFormula.buildFromSheets({ S: grid, Other: [[1]] }, options);
  const out = hf.getCellFormula({ sheet: hf.getSheetId("S")!, row: rows, col: cols });
  hf.destroy();
  return out;
}

const dollar = fc.constantFrom("", "$");
const COLUMNS = ["A", "B", "K", "Z", "AA", "AZ"]; // in sheet order
const column = fc.constantFrom(...COLUMNS);
const columnPair = fc
  .tuple(fc.nat(COLUMNS.length - 1), fc.nat(COLUMNS.length - 1))
  .map(([i, j]) => [COLUMNS[Math.min(i, j)], COLUMNS[Math.max(i, j)]] as const);
const row = fc.integer({ min: 1, max: 400 });
const cell = fc.tuple(dollar, column, dollar, row).map(([a, c, b, r]) => `${a}${c}${b}${r}`);
const reference = fc.oneof(
  cell,
  // corners in order, each part of both fixed or both relative: HyperFormula spells a range whose corners cross
  // after a copy differently from the same range typed, which is spelling, not meaning
  fc
    .tuple(dollar, columnPair, dollar, row, row)
    .map(([a, [c, d], b, r, s]) => `${a}${c}${b}${Math.min(r, s)}:${a}${d}${b}${Math.max(r, s)}`),
  cell.map((c) => `Other!${c}`),
  cell.map((c) => `'Other'!${c}`),
  fc.tuple(dollar, columnPair).map(([a, [c, d]]) => `${a}${c}:${a}${d}`),
);
const term = fc.oneof(
  reference,
  fc.integer({ min: 0, max: 99 }).map(String),
  fc.constantFrom('"A1"', '"B$2 text"'),
  reference.map((r) => `SUM(${r})`),
  cell.map((c) => `LOG10(${c}+1)`),
);
const formula = fc.array(term, { minLength: 1, maxLength: 4 }).map((terms) => `=${terms.join("+")}`);

describe("shiftFormula: a formula copied down and right, as Excel moves its references", () => {
  it("equals HyperFormula's copy and paste for relative, absolute and mixed references, ranges and other sheets", () => {
    fc.assert(
      fc.property(formula, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 4 }), (f, rows, cols) => {
        expect(normalised(shiftFormula(f, rows, cols), rows, cols)).toBe(pastedByEngine(f, rows, cols));
      }),
      { numRuns: 150 },
    );
  });

  it("moves a KAM pattern's references to each row and leaves its fixed cells, text and functions alone", () => {
    // Worked by hand: 999 rows down, $N2 → $N1001, $B$3 stays, "A1" is text, LOG10 is a function.
    expect(shiftFormula('=IF($N2>0,$N2/$B$3,"A1")&LOG10(M2)', 999, 0)).toBe(
      '=IF($N1001>0,$N1001/$B$3,"A1")&LOG10(M1001)',
    );
    expect(shiftFormula("=KamAccounts[@Revenue]*'KAM Inputs'!$C$4+C:C", 5, 1)).toBe(
      "=KamAccounts[@Revenue]*'KAM Inputs'!$C$4+D:D",
    );
  });

  it("makes a reference moved off the sheet #REF!, as Excel does", () => {
    expect(shiftFormula("=A2+$B$1", -2, 0)).toBe("=#REF!+$B$1");
  });
});
