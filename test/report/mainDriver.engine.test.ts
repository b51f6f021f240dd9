/**
 * The Accounts sheet's "Main driver" column is mainDriverFormula, a native formula that must name the criterion the
 * core's mainDriver names: the largest contribution w·(x − min), or below the cut the largest shortfall w·(max − x),
 * ties to the leftmost, unrated criteria never. Evaluated in HyperFormula (array arithmetic on, full doubles) beside
 * scoreFormula's score, on random accounts with blanks, ties and scores on both sides of the cut; numbers in formula
 * text use Excel's spelling of an exponent.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { isKamError, mainDriver, makeScoreSpec, scoreRow, type ScoreSpec } from "../../src/core";
import { mainDriverFormula, scoreFormula } from "../../src/report/nativeFormulas";

const K = 4;

/**
 * Two places where HyperFormula reads a formula differently from Excel and LibreOffice, rewritten for it alone:
 * it does not parse a number with an exponent (1E-12: "Expecting RParen, found 'E'"), so it gets the same number as
 * a power of ten; and INDEX of a one-row range with one index takes the index as a row ("Value too large"), where
 * Excel takes it as the column, so it gets the row (1) as well.
 */
const forEngine = (formula: string) =>
  formula.replace(/(\d+(?:\.\d+)?)E([+-]?\d+)/g, "($1*10^$2)").replace(/INDEX\(([^,]+),/g, "INDEX($1,1,");
const HEADERS = ["Growth", "Fit", "Access", "Margin"];
const CUT = 50;

describe("mainDriverFormula names the core's main driver", () => {
  it("on 250 random accounts: above and below the cut, ties, blanks and rows without a score", () => {
    // Weights with repeats and ratings from a small set make ties of w·(x − min) common; blanks drop criteria out.
    const weightsArb = fc.array(fc.constantFrom(1, 2, 3), { minLength: K, maxLength: K });
    const ratingArb = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }) },
      { weight: 2, arbitrary: fc.constant(null) },
    );
    const accountArb = fc.array(ratingArb, { minLength: K, maxLength: K });
    const [weights] = fc.sample(weightsArb, { seed: 20261202, numRuns: 1 });
    const accounts = fc.sample(accountArb, { seed: 20261202, numRuns: 250 });
    const spec = makeScoreSpec(weights) as ScoreSpec;
    // Row 1 headers, row 2 weights, row 3 the cut; accounts from row 4: ratings A:D, score E, driver F.
    const sheet: (string | number | null)[][] = [[...HEADERS], [...weights], [CUT]];
    accounts.forEach((ratings, i) => {
      const r = i + 4;
      const score = scoreFormula(`A${r}:D${r}`, "$A$2:$D$2", "$G$1", "$H$1");
      const driver = mainDriverFormula({
        ratings: `A${r}:D${r}`,
        weights: "$A$2:$D$2",
        scaleMin: "$G$1",
        scaleMax: "$H$1",
        headers: "$A$1:$D$1",
        score: `E${r}`,
        cut: "$A$3",
      });
      sheet.push([...ratings, `=${score}`, `=${forEngine(driver)}`]);
    });
    sheet[0].push(null, null, 1, 5);
    const hf = HyperFormula.buildFromArray(sheet, {
      licenseKey: "gpl-v3",
      useArrayArithmetic: true,
      smartRounding: false,
    });
    const seen = { driving: 0, holdingBack: 0, tied: 0, blank: 0 };
    accounts.forEach((ratings, i) => {
      const row = i + 3;
      const actual = hf.getCellValue({ sheet: 0, row, col: 5 });
      const score = scoreRow(ratings, spec, 1);
      const at = `row ${row + 1} ${JSON.stringify(ratings)} score ${JSON.stringify(score)}: ${JSON.stringify(actual)}`;
      if (isKamError(score)) {
        // no rating at all: the score cell is blank, and so is the driver
        expect(
          ratings.every((x) => x === null),
          at,
        ).toBe(true);
        expect(actual, at).toBe("");
        seen.blank++;
        return;
      }
      const holdsBack = score < CUT;
      const expected = mainDriver(ratings, spec, holdsBack) as number;
      expect(actual, at).toBe(HEADERS[expected]);
      if (holdsBack) seen.holdingBack++;
      else seen.driving++;
      // a tie: another rated criterion has the same value, and the leftmost of them is named
      const value = (j: number) => weights[j] * (holdsBack ? 5 - ratings[j]! : ratings[j]! - 1);
      if (ratings.some((x, j) => j !== expected && x !== null && value(j) === value(expected))) seen.tied++;
    });
    hf.destroy();
    // every branch is exercised, so no comparison above holds by default
    expect(seen.driving).toBeGreaterThan(60);
    expect(seen.holdingBack).toBeGreaterThan(60);
    expect(seen.tied).toBeGreaterThan(15);
    expect(seen.blank).toBeGreaterThan(0);
  });

  it("passes an error score through, and gives a blank for a blank score", () => {
    const driver = forEngine(
      mainDriverFormula({
        ratings: "A1:B1",
        weights: "A2:B2",
        scaleMin: "1",
        scaleMax: "5",
        headers: "A3:B3",
        score: "C1",
        cut: "50",
      }),
    );
    const hf = HyperFormula.buildFromArray(
      [
        [5, 1, "=NA()", `=${driver}`],
        [1, 1, null, `=${driver.replaceAll("C1", "C2")}`],
        ["Growth", "Fit"],
      ],
      { licenseKey: "gpl-v3", useArrayArithmetic: true },
    );
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 3 })).toMatchObject({ type: "NA" });
    expect(hf.getCellValue({ sheet: 0, row: 1, col: 3 })).toBe("");
    hf.destroy();
  });
});

describe("numbers in formula text", () => {
  it("spell a small or large scale bound's exponent as Excel does (1E-7, 1.5E+21), so the formula reads back", () => {
    expect(scoreFormula("A1:B1", "A2:B2", 1e-7, 0.5)).toContain("MIN(A1:B1)<1E-7");
    expect(scoreFormula("A1:B1", "A2:B2", 0, 2.5e-8)).toContain("MAX(A1:B1)>2.5E-8");
    expect(scoreFormula("A1:B1", "A2:B2", 0.25, 4)).toContain("MIN(A1:B1)<0.25");
  });
});
