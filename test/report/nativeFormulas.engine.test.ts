/**
 * The native formulas the generated sheets will write must compute what the core computes. HyperFormula (a real
 * spreadsheet engine, GPL, used only in tests) evaluates them on 1,000 random accounts per function; the LibreOffice
 * test in test/xlsx recalculates the same formulas in a rendered workbook.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { churnRate, clv, isKamError, makeScoreSpec, scoreRow, type ScoreSpec } from "../../src/core";
import { churnFormula, clvFormula, retentionFormula, scoreFormula } from "../../src/report/nativeFormulas";

const CASES = 1000;
const SEED = 20261123;

function engine(sheet: (string | number | null)[][]): {
  value: (row: number, col: number) => unknown;
  destroy: () => void;
} {
  const hf = HyperFormula.buildFromArray(sheet, {
    licenseKey: "gpl-v3",
    useArrayArithmetic: true, // SUMPRODUCT over (ISNUMBER(x)*w*(x-min)) needs element-wise arithmetic
    smartRounding: false, // compare full doubles, not 10-digit display values
  });
  return { value: (row, col) => hf.getCellValue({ sheet: 0, row, col }), destroy: () => hf.destroy() };
}

function a1(row: number, col: number, absolute = false): string {
  const letter = String.fromCharCode(65 + col);
  return absolute ? `$${letter}$${row + 1}` : `${letter}${row + 1}`;
}

function close(actual: unknown, expected: number, rel = 1e-9): boolean {
  return typeof actual === "number" && Math.abs(actual - expected) <= rel * Math.max(1, Math.abs(expected));
}

describe("native formulas agree with the core in a spreadsheet engine", () => {
  it("KAM.SCORE as SUMPRODUCT on 1,000 random accounts: blanks, 0s, text and ratings outside the scale", () => {
    const k = 5;
    // Mostly ratings on the 1–5 scale, with blanks, and now and then what the core refuses: a 0, a 6, text (a typed
    // "4" is a number in a cell, so the text here is words).
    const cellArb = fc.oneof(
      { weight: 30, arbitrary: fc.integer({ min: 1, max: 5 }) },
      { weight: 8, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom<number | string>(0, 6, -1, 5.5, "n/a", "four") },
    );
    const accountArb = fc.array(cellArb, { minLength: k, maxLength: k });
    const weightsArb = fc
      .array(fc.integer({ min: 0, max: 10 }), { minLength: k, maxLength: k })
      .filter((w) => w.some((x) => x > 0) && w.some((x) => x === 0));
    const [weights] = fc.sample(weightsArb, { seed: SEED, numRuns: 1 });
    const accounts = fc.sample(accountArb, { seed: SEED, numRuns: CASES });
    const spec = makeScoreSpec(weights) as ScoreSpec;
    const sheet: (string | number | null)[][] = [weights];
    accounts.forEach((ratings, i) => {
      const row = i + 1;
      const formula = scoreFormula(`${a1(row, 0)}:${a1(row, k - 1)}`, `${a1(0, 0, true)}:${a1(0, k - 1, true)}`);
      sheet.push([...ratings, `=${formula}`]);
    });
    const hf = engine(sheet);
    const seen = { number: 0, blank: 0, refused: 0, zeroWeight: 0 };
    accounts.forEach((ratings, i) => {
      const expected = scoreRow(ratings as (number | null)[], spec, i + 1);
      const actual = hf.value(i + 1, k);
      const at = `row ${i + 1} ${JSON.stringify(ratings)}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`;
      if (!isKamError(expected)) {
        expect(close(actual, expected), at).toBe(true);
        seen.number++;
      } else if (ratings.every((x) => x === null)) {
        // nothing to score: the core's #N/A, a blank cell on the sheet
        expect(actual, at).toBe("");
        seen.blank++;
      } else if (expected.code === "na") {
        // rated only where the weight is 0: both refuse (the formula cannot divide)
        expect(actual, at).toMatchObject({ type: "DIV_BY_ZERO" });
        seen.zeroWeight++;
      } else {
        // a 0, a 6, a fraction outside the scale or text: the core refuses (#NUM!, #VALUE!), the formula says #N/A
        expect(["num", "value"]).toContain(expected.code);
        expect(actual, at).toMatchObject({ type: "NA" });
        seen.refused++;
      }
    });
    hf.destroy();
    // Every branch is exercised, so none of these comparisons holds by default.
    expect(seen.number).toBeGreaterThan(CASES * 0.6);
    expect(seen.refused).toBeGreaterThan(20);
    expect(seen.blank + seen.zeroWeight).toBeGreaterThan(0);
  });

  it("KAM.CLV as POWER/IF on 1,000 random accounts, finite and infinite, both timings", () => {
    const caseArb = fc.record({
      m: fc.double({ min: -1000, max: 1e6, noNaN: true }),
      r: fc.double({ min: 0, max: 1, noNaN: true }),
      d: fc.double({ min: -0.2, max: 0.5, noNaN: true }),
      g: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
      T: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null }),
      timing: fc.constantFrom<0 | 1>(0, 1),
    });
    const cases = fc.sample(caseArb, { seed: SEED, numRuns: CASES });
    const sheet = cases.map((c, i) => {
      const row = i;
      const formula = clvFormula({
        margin: a1(row, 0),
        retention: a1(row, 1),
        discountRate: a1(row, 2),
        growthRate: a1(row, 3),
        periods: c.T === null ? undefined : a1(row, 4),
        timing: c.timing,
      });
      return [c.m, c.r, c.d, c.g, c.T, `=${formula}`];
    });
    const hf = engine(sheet);
    let compared = 0;
    cases.forEach((c, i) => {
      const expected = clv(c.m, c.r, c.d, c.T, c.g, c.timing);
      if (isKamError(expected)) return; // no finite value: the builders never write this formula then
      expect(close(hf.value(i, 5), expected, 1e-8), `case ${i}: ${JSON.stringify(c)}`).toBe(true);
      compared++;
    });
    hf.destroy();
    expect(compared).toBeGreaterThan(CASES * 0.8);
  });

  it("KAM.CHURN and retention as plain arithmetic on 1,000 random account bases", () => {
    const caseArb = fc
      .record({
        S: fc.integer({ min: 1, max: 100000 }),
        keep: fc.double({ min: 0, max: 1, noNaN: true }),
        N: fc.nat(5000),
      })
      .map(({ S, keep, N }) => ({ S, E: Math.floor(S * keep) + N, N }));
    const cases = fc.sample(caseArb, { seed: SEED, numRuns: CASES });
    const sheet = cases.map(({ S, E, N }, i) => [
      S,
      E,
      N,
      `=${churnFormula(a1(i, 0), a1(i, 1), a1(i, 2))}`,
      `=${retentionFormula(a1(i, 0), a1(i, 1), a1(i, 2))}`,
    ]);
    const hf = engine(sheet);
    cases.forEach(({ S, E, N }, i) => {
      const c = churnRate(S, E, N) as number;
      expect(close(hf.value(i, 3), c, 1e-12)).toBe(true);
      expect(close(hf.value(i, 4), 1 - c, 1e-12)).toBe(true);
    });
    hf.destroy();
  });

  it("KAM.CHURN and retention without new accounts: the base lost is churn, the base kept is retention", () => {
    // 200 accounts at the start, 170 at the end, none acquired: churn 30/200 = 0.15, retention 170/200 = 0.85
    const hf = engine([[200, 170, `=${churnFormula("A1", "B1")}`, `=${retentionFormula("A1", "B1")}`]]);
    expect(close(hf.value(0, 2), 0.15, 1e-15)).toBe(true);
    expect(close(hf.value(0, 3), 0.85, 1e-15)).toBe(true);
    hf.destroy();
  });

  it("uses only functions the engine knows (no IFERROR hiding a #NAME?)", () => {
    const formulas = [
      scoreFormula("A1:B1", "A2:B2"),
      clvFormula({ margin: "A1", retention: "A2", discountRate: "A3", periods: "A4" }),
    ];
    const known = new Set(HyperFormula.getRegisteredFunctionNames("enGB"));
    for (const f of formulas) {
      for (const name of f.match(/[A-Z][A-Z0-9.]*(?=\()/g) ?? []) expect(known.has(name), name).toBe(true);
      expect(f).not.toMatch(/IFERROR/);
    }
  });
});
