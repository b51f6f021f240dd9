/** Default criteria proposed from rated columns, and revenue by year for the trend. */
import { describe, expect, it } from "vitest";
import {
  detectMapping,
  proposeCriteria,
  revenuePeriods,
  validateAccounts,
  type ColumnMapping,
  type TableInput,
} from "../../../src/core";

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
    // each a guess to confirm (confidence below 1), weight 1, with the reason the taskpane shows
    expect(p.criteria[0]).toEqual({
      column: 1,
      header: "Fit",
      confidence: 0.6,
      reason: "rated 1–5 in every row: proposed as a criterion with weight 1",
      weight: 1,
    });
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
    expect(p.scale).toEqual({ min: 1, max: 5 });
    expect(p.reason).toBe(
      "No unmapped column holds whole-number ratings (1–5 or 1–10): choose attractiveness criteria to score accounts.",
    );
  });

  it("reads from the row below the header where a saved mapping has no data row, and skips a column with no rating", () => {
    // Row 0 is a note above the header with a number in it (50, off both scales): it is not a rating of any account.
    const input = at([
      ["Ratings of Q3", 50, null],
      ["Account", "Fit", "Notes"],
      ["A", 4, null],
      ["B", 2, "n/a"],
    ]);
    const mapping: ColumnMapping = {
      headerRow: 1,
      headers: ["Account", "Fit", "Notes"],
      fields: { account: { column: 0, header: "Account", confidence: 1, reason: "saved" } },
      criteria: [],
      numericColumns: [1, 2],
    };
    const p = proposeCriteria(input, mapping);
    expect(p.criteria.map((c) => c.header)).toEqual(["Fit"]);
    expect(p.scale).toEqual({ min: 1, max: 5 });
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

  it("reads the earlier years in the selection's own rows, with the workbook's separators", () => {
    // The same accounts selected from row 5 of a workbook that writes 1.234,5: the earlier year is read there.
    const input: TableInput = {
      sheet: "S",
      top: 4,
      left: 0,
      separators: { decimal: ",", group: "." },
      values: [
        ["Account", "Revenue FY23", "Revenue FY24", "Revenue FY25"],
        ["A", "1.234,5", 20, 30],
        ["B", 7, 50, 60],
      ],
    };
    const mapping = detectMapping(input);
    const p = revenuePeriods(input, mapping, validateAccounts(input, mapping));
    expect(Array.from(p[0].values)).toEqual([1234.5, 7]);
  });

  it("takes an unmapped column only when its name is a revenue name or a bare year, the mapped ones by any name", () => {
    // "Reveune" is a close spelling the mapping matches; "Turnover" a revenue synonym; a margin by year is not revenue
    const p = periods([
      ["Account", "2021 margin", "Margin 2022", "Turnover 2022", "Revenue FY23", "Reveune FY24", "Reveune FY25"],
      ["A", 0, 1, 5, 10, 20, 30],
    ]);
    expect(p.map((x) => [x.header, x.year, x.field])).toEqual([
      ["Turnover 2022", 2022, undefined],
      ["Revenue FY23", 2023, undefined],
      ["Reveune FY24", 2024, "priorRevenue"],
      ["Reveune FY25", 2025, "revenue"],
    ]);
  });

  it("gives nothing where the mapped revenue has no year: the trend could not place it", () => {
    expect(
      periods([
        ["Account", "Revenue", "Revenue 2023", "Revenue 2024"],
        ["A", 30, 10, 20],
      ]),
    ).toEqual([]);
    // three other years do not make a trend without this year's revenue
    expect(
      periods([
        ["Account", "Revenue", "Revenue 2022", "Revenue 2023", "Revenue 2024"],
        ["A", 40, 10, 20, 30],
      ]),
    ).toEqual([]);
  });

  it("gives nothing where a year appears twice, even among three years", () => {
    expect(
      periods([
        ["Account", "Revenue FY23", "Sales FY24", "Revenue FY24", "Revenue FY25"],
        ["A", 5, 10, 20, 30],
      ]),
    ).toEqual([]);
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
