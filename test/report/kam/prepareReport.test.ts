/**
 * prepareReport's choices made now (the taskpane's columns, criteria and cut-offs) over detection and saved settings,
 * and the settings it returns: saved in the workbook, they must make a colleague's rebuild the same.
 */
import { describe, expect, it } from "vitest";
import { parseSettings, serializeSettings, type KamSettings, type TableInput } from "../../../src/core";
import { prepareAccounts, prepareReport } from "../../../src/report/kam/prepareReport";
import { sampleValues } from "../../fixtures/kamSample";

function sample(): TableInput {
  return { sheet: "Account Data", top: 0, left: 0, values: sampleValues({ count: 60 }) };
}
const column = (input: TableInput, header: string) => input.values[0].indexOf(header);
/** What a colleague's workbook holds: the settings as saved and read back. */
const roundTrip = (settings: KamSettings) => parseSettings(serializeSettings(settings)) as KamSettings;

describe("prepareReport with the taskpane's choices", () => {
  it("takes the columns and criteria chosen now, and a rebuild from the saved settings makes the same report", () => {
    const input = sample();
    const overrides = {
      // the analyst corrects a detected column and weights two criteria of their own
      fields: { revenue: column(input, "Revenue FY24"), priorRevenue: column(input, "Revenue FY23") },
      criteria: [
        { column: column(input, "Strategic fit"), weight: 3 },
        { column: column(input, "Growth potential"), weight: 1 },
      ],
    };
    const choices = { cuts: { attractiveness: [60] }, discountRate: 0.08, atRiskThreshold: 0.2 };
    // One build time for both: the plan's KAM History snapshot is labelled with it.
    const now = new Date("2026-12-01T09:00:00.000Z");
    const mine = prepareReport(input, { overrides, choices, now });
    expect(mine.mapping.fields.revenue).toMatchObject({ header: "Revenue FY24", confidence: 1, reason: "set by you" });
    expect(mine.mapping.criteria.map((c) => [c.header, c.weight])).toEqual([
      ["Strategic fit", 3],
      ["Growth potential", 1],
    ]);

    const theirs = prepareReport(input, { saved: roundTrip(mine.settings), now });
    const columns = (p: typeof mine) => Object.entries(p.mapping.fields).map(([f, m]) => [f, m!.column]);
    expect(columns(theirs)).toEqual(columns(mine));
    expect(theirs.mapping.criteria.map((c) => [c.column, c.weight])).toEqual(
      mine.mapping.criteria.map((c) => [c.column, c.weight]),
    );
    expect(theirs.options).toEqual(mine.options);
    expect(theirs.report!.plan).toEqual(mine.report!.plan);
  });

  it("saves a field set to no column as none, so a rebuild does not detect it again", () => {
    const input = sample();
    const mine = prepareReport(input, { overrides: { fields: { nps: null } } });
    expect(mine.mapping.fields.nps).toBeUndefined();
    expect(mine.settings.columns.nps).toBeNull();
    const theirs = prepareReport(input, { saved: roundTrip(mine.settings) });
    expect(theirs.mapping.fields.nps).toBeUndefined();
    // and the rebuild saves it as none again
    expect(theirs.settings.columns.nps).toBeNull();
    // a column chosen now for a field saved as none maps it again
    const chosen = prepareAccounts(input, {
      saved: roundTrip(mine.settings),
      overrides: { fields: { nps: column(input, "NPS") } },
    });
    expect(chosen.mapping.fields.nps?.header).toBe("NPS");
    expect(chosen.unmapped).toEqual([]);
  });

  it("lets a cut-off chosen now replace a saved median on its axis, and keeps the median on the other", () => {
    const input = sample();
    const median = roundTrip({
      ...prepareReport(input).settings,
      thresholds: { attractiveness: "median", strength: "median" },
      report: undefined,
    });
    const atMedian = prepareAccounts(input, { saved: median });
    expect(atMedian.medianCuts).toEqual({ attractiveness: true, strength: true });
    const chosen = prepareReport(input, { saved: median, choices: { cuts: { attractiveness: [70] } } });
    expect(chosen.options.cuts.attractiveness).toEqual([70]);
    expect(chosen.options.cuts.strength).toEqual(atMedian.options.cuts.strength);
    expect(chosen.settings.thresholds).toEqual({ attractiveness: 70, strength: "median" });
  });
});

describe("prepareReport's median cut-offs", () => {
  /** Growth potential rated 1–5 (one criterion: a score of 100·(x − 1)/4), one account unrated, no strength column. */
  const rated = (ratings: (number | null)[]): TableInput => ({
    sheet: "Account Data",
    top: 0,
    left: 0,
    values: [
      ["Account", "Revenue FY25", "Growth potential"],
      ...ratings.map((x, i) => [`Account ${i + 1}`, 1000 + 37 * i, x]),
    ],
  });
  const atMedian = (input: TableInput) => {
    const first = prepareReport(input, { overrides: { criteria: [{ column: 2, weight: 1 }] } });
    const saved = roundTrip({
      ...first.settings,
      thresholds: { attractiveness: "median", strength: "median" },
      report: undefined,
    });
    return prepareReport(input, { saved }).options.cuts;
  };

  it("cuts at the middle score of the rated accounts, the mean of the two middle ones for an even count", () => {
    // scores 0, 25, (unrated), 50, 100: the median of four is (25 + 50) / 2, not their mean 43.75
    expect(atMedian(rated([1, 2, null, 3, 5])).attractiveness).toEqual([37.5]);
    // scores 100, 0, 25: sorted as numbers, the middle one is 25
    expect(atMedian(rated([5, 1, 2])).attractiveness).toEqual([25]);
  });

  it("cuts at 50 on an axis without a score, as no account has a strength", () => {
    expect(atMedian(rated([5, 1, 2])).strength).toEqual([50]);
  });

  it("cuts strength at its own median: relationship strength 1, 2, 4 of 5 score 0, 25, 75", () => {
    const input = rated([5, 1, 2]);
    const values = input.values.map((r, i) => [...r, i === 0 ? "Relationship strength" : [1, 2, 4][i - 1]]);
    expect(atMedian({ ...input, values })).toEqual({ attractiveness: [25], strength: [25] });
  });
});

describe("prepareReport's notes and saved settings", () => {
  const input: TableInput = {
    sheet: "Account Data",
    top: 0,
    left: 0,
    values: [
      ["Account", "Revenue FY25", "Fit", "Access"],
      ["Atlas", 1000, 7, 10],
      ["Borealis", 500, 2, 1],
      ["Cygnus", 800, 9, 4],
    ],
  };

  it("proposes the columns rated in every row as criteria on their scale, and says so", () => {
    const prepared = prepareReport(input);
    expect(prepared.mapping.criteria.map((c) => [c.header, c.weight])).toEqual([
      ["Fit", 1],
      ["Access", 1],
    ]);
    // each proposed criterion says why, as the taskpane shows it
    expect(prepared.mapping.criteria.map((c) => [c.reason, c.confidence])).toEqual([
      ["proposed: rated in every row", 1],
      ["proposed: rated in every row", 1],
    ]);
    expect(prepared.options.scale).toEqual({ min: 1, max: 10 });
    expect(prepared.notes).toEqual([
      "Attractiveness criteria proposed (equal weights, scale 1–10): Fit, Access. Change them and their weights in " +
        "the KAM Inputs sheet or the taskpane.",
    ]);
    expect(prepared.settings.source).toEqual({ sheet: "Account Data", address: "A1" });
    expect(prepared.settings.scale).toEqual({ min: 1, max: 10 });
  });

  it("says which saved columns and criteria the table lacks, before proposing criteria in their place", () => {
    const saved = roundTrip({
      ...prepareReport(input).settings,
      columns: { account: "Account", revenue: "Revenue FY25", nps: "Net promoter score" },
      criteria: [{ header: "Strategic fit", weight: 2 }],
    });
    const prepared = prepareReport(input, { saved });
    expect(prepared.notes).toEqual([
      'The saved column "Net promoter score" (NPS) is not in the selected table; NPS is detected again.',
      'The saved criterion "Strategic fit" is not in the selected table; the score leaves it out.',
      "Attractiveness criteria proposed (equal weights, scale 1–10): Fit, Access. Change them and their weights in " +
        "the KAM Inputs sheet or the taskpane.",
    ]);
    // the saved scale stands over the proposal's
    const onFive = prepareReport(input, { saved: roundTrip({ ...saved, scale: { min: 1, max: 5 } }) });
    expect(onFive.options.scale).toEqual({ min: 1, max: 5 });
  });

  it("keeps a saved choice to read a totals row as an account, and saves it again", () => {
    const withTotal: TableInput = { ...input, values: [...input.values, ["Total", 2300, null, null]] };
    expect(prepareReport(withTotal).table.count).toBe(3);
    const saved = roundTrip({ ...prepareReport(withTotal).settings, totalsRow: "keep" });
    const kept = prepareReport(withTotal, { saved });
    expect(kept.table.count).toBe(4);
    expect(kept.settings.totalsRow).toBe("keep");
    expect(prepareReport(withTotal).settings.totalsRow).toBeUndefined();
  });

  it("saves no product block for a table without one when only criteria were chosen, so a block added later is found", () => {
    // The analyst chose criteria, not products: nothing about products is saved.
    const first = prepareReport(input, { overrides: { criteria: [{ column: 2, weight: 1 }] } });
    expect(first.settings.products).toBeUndefined();
    // A product column added to the table afterwards is detected on the rebuild from those settings.
    const values = input.values.map((r, i) => [...r, i === 0 ? "Product: Connectivity" : 100 * i]);
    const rebuilt = prepareReport({ ...input, values }, { saved: roundTrip(first.settings) });
    expect(rebuilt.mapping.productBlock!.map((p) => [p.column, p.product])).toEqual([[4, "Connectivity"]]);
    // Products chosen as none are saved as none.
    expect(prepareReport(input, { overrides: { productColumns: [] } }).settings.products).toEqual([]);
  });

  it("saves products chosen as none now over saved settings that chose no products", () => {
    const first = prepareReport(input, { overrides: { criteria: [{ column: 2, weight: 1 }] } });
    expect(first.settings.products).toBeUndefined();
    const rebuilt = prepareReport(input, { saved: roundTrip(first.settings), overrides: { productColumns: [] } });
    expect(rebuilt.settings.products).toEqual([]);
  });
});
