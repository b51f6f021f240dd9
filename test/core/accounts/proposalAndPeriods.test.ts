/** Default criteria proposed from rated columns, and revenue by year for the trend. */
import { describe, expect, it } from "vitest";
import { detectMapping, proposeCriteria, revenuePeriods, validateAccounts, type TableInput } from "../../../src/core";

const at = (values: unknown[][]): TableInput => ({ sheet: "S", top: 0, left: 0, values });

describe("proposeCriteria", () => {
  it("takes the columns rated on one scale, the scale with more columns, 1–5 on a tie", () => {
    const input = at([
      ["Account", "Fit", "Potential", "Innovation", "Size 1-10", "Reach"],
      ["A", 1, 5, 3, 7, 2],
      ["B", 4, null, 2, 10, 9],
      ["C", 2, 3, 4, 1, 8],
    ]);
    const p = proposeCriteria(input, detectMapping(input));
    // Fit, Potential, Innovation fit 1–5 (a blank does not disqualify); Size and Reach reach 10 and 9: 1–10, fewer.
    expect(p.criteria.map((c) => c.header)).toEqual(["Fit", "Potential", "Innovation"]);
    expect(p.criteria.every((c) => c.weight === 1)).toBe(true);
    expect(p.scale).toEqual({ min: 1, max: 5 });
    expect(p.reason).toBe(
      "Attractiveness criteria proposed (equal weights, scale 1–5): Fit, Potential, Innovation. Change them and their weights in the KAM Inputs sheet or the taskpane.",
    );
    const tie = at([
      ["Account", "A5", "B10"],
      ["A", 5, 10],
    ]);
    expect(proposeCriteria(tie, detectMapping(tie)).scale).toEqual({ min: 1, max: 5 });
    const tens = at([
      ["Account", "A5", "B10", "C10"],
      ["A", 5, 10, 6],
    ]);
    const p10 = proposeCriteria(tens, detectMapping(tens));
    expect(p10.scale).toEqual({ min: 1, max: 10 });
    expect(p10.criteria.map((c) => c.header)).toEqual(["B10", "C10"]);
  });

  it("leaves out columns with a 0, an 11 or a fraction, and says so when none is left", () => {
    const input = at([
      ["Account", "Zero", "Eleven", "Half"],
      ["A", 0, 11, 2.5],
      ["B", 3, 3, 3],
    ]);
    const p = proposeCriteria(input, detectMapping(input));
    expect(p.criteria).toEqual([]);
    expect(p.reason).toMatch(/^No unmapped column holds whole-number ratings \(1–5 or 1–10\)/);
  });
});

describe("revenuePeriods", () => {
  const periods = (values: unknown[][]) => {
    const input = at(values);
    const mapping = detectMapping(input);
    return revenuePeriods(input, mapping, validateAccounts(input, mapping));
  };

  it("gives revenue by year, oldest first, with the mapped revenue and prior revenue as the last two", () => {
    const p = periods([
      ["Account", "Revenue FY25", "Revenue FY23", "Revenue FY24"],
      ["A", 30, "10", 20],
      ["B", 60, "x", 50],
    ]);
    expect(p.map((x) => [x.header, x.year, x.field])).toEqual([
      ["Revenue FY23", 2023, undefined],
      ["Revenue FY24", 2024, "priorRevenue"],
      ["Revenue FY25", 2025, "revenue"],
    ]);
    // The earlier year is read as the model reads numbers: a text number counts, text that is not one is a gap.
    expect(Array.from(p[0].values)).toEqual([10, Number.NaN]);
    expect(Array.from(p[2].values)).toEqual([30, 60]);
  });

  it("reads columns titled by their year", () => {
    const p = periods([
      ["Account", "Owner", "2023", "2024", "2025"],
      ["Alpha AG", "Ann", 1200, 1350, 1500],
      ["Beta SA", "Bo", 800, 760, 910],
    ]);
    expect(p.map((x) => x.year)).toEqual([2023, 2024, 2025]);
  });

  it("gives nothing for two years, a year twice, or no revenue column", () => {
    expect(
      periods([
        ["Account", "Revenue FY24", "Revenue FY25"],
        ["A", 1, 2],
      ]),
    ).toEqual([]);
    expect(
      periods([
        ["Account", "Revenue FY24", "Sales FY24", "Revenue FY25"],
        ["A", 1, 2, 3],
      ]),
    ).toEqual([]);
    expect(
      periods([
        ["Account", "Margin FY23", "Margin FY24", "Margin FY25"],
        ["A", 1, 2, 3],
      ]),
    ).toEqual([]);
  });
});
