import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isKamError,
  KPI_IDS,
  parseSettings,
  portfolioChoicesFromSettings,
  portfolioOptions,
  SEGMENTS_3X3,
  serializeSettings,
  settingsReport,
  type AccountTable,
  type KamSettings,
  type PortfolioChoices,
} from "../../../src/core";

/** A table of one account with one criterion: the options only read its criteria weights and strength columns. */
const table: AccountTable = {
  sheet: "Account Data",
  count: 1,
  sourceRows: Int32Array.of(1),
  labels: {},
  numbers: {},
  criteria: [{ header: "Growth potential", weight: 2, values: Float64Array.of(4) }],
  issues: [],
  summary: { read: 1, accepted: 1, rejected: 0, ignoredBlank: 0, ignoredTotals: 0 },
};

const base: KamSettings = {
  version: 1,
  savedAt: "2026-12-02T09:00:00.000Z",
  source: { sheet: "Account Data", address: "'Account Data'!A1:F2" },
  columns: { account: "Account", revenue: "Revenue" },
  criteria: [{ header: "Growth potential", weight: 2 }],
  scale: { min: 1, max: 5 },
  thresholds: { attractiveness: "median", strength: "median" },
  discountRate: 0.1,
};

// JSON writes −0 as 0, so the generators give +0 (`v + 0`): a saved −0 coming back as 0 is no loss.
const num = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((v) => v + 0);
const scaleArb = fc
  .tuple(num(-1000, 1000), num(0.001, 1000))
  .map(([min, width]) => ({ min, max: min + width }))
  .filter((s) => s.max > s.min);
const cutsArb = (grid: 2 | 3) =>
  fc
    .uniqueArray(num(0, 100), { minLength: grid - 1, maxLength: grid - 1 })
    .map((cuts) => [...cuts].sort((a, b) => a - b));
const segmentsArb = (grid: 2 | 3) =>
  fc.uniqueArray(
    fc.record({ name: fc.string({ minLength: 1, maxLength: 40 }), strategy: fc.string({ maxLength: 200 }) }),
    { selector: (s) => s.name.toLowerCase(), minLength: grid * grid, maxLength: grid * grid },
  );
// collection-time: an arbitrary over the constant list KPI_IDS; its values are drawn inside each property.
const targetsArb = fc.record(Object.fromEntries(KPI_IDS.map((id) => [id, num(-1e9, 1e9)])), { requiredKeys: [] });

/** Any choices the saved settings accept; what is left out takes portfolioOptions' default. */
const choicesArb: fc.Arbitrary<PortfolioChoices> = fc.constantFrom<2 | 3>(2, 3).chain((grid) =>
  fc.record(
    {
      grid: fc.constant(grid),
      scale: scaleArb,
      discountRate: num(-0.99, 1),
      cuts: fc.record({ attractiveness: cutsArb(grid), strength: cutsArb(grid) }, { requiredKeys: [] }),
      segments: segmentsArb(grid),
      strength: fc
        .record(
          {
            relationshipWeight: num(0, 10),
            shareOfWalletWeight: num(0, 10),
            relationshipScale: scaleArb,
            shareOfWalletScale: fc.constantFrom<1 | 100>(1, 100),
          },
          { requiredKeys: [] },
        )
        .filter((s) => s.relationshipWeight !== 0 || s.shareOfWalletWeight !== 0),
      atRiskThreshold: num(0, 1),
      topN: fc.integer({ min: 1, max: 200 }),
      listPerSegment: fc.integer({ min: 1, max: 50 }),
      targets: targetsArb,
    },
    { requiredKeys: ["grid"] },
  ),
);

/** Saves `options` the way the taskpane and `kam report` do, and reads the file back. */
function saveAndLoad(settings: KamSettings): KamSettings {
  const loaded = parseSettings(serializeSettings(settings));
  if (isKamError(loaded)) throw new Error(loaded.message);
  return loaded;
}

describe("report choices saved in the settings", () => {
  it("round-trip: options → settings → JSON → parseSettings → choices → portfolioOptions gives the same options", () => {
    fc.assert(
      fc.property(choicesArb, (choices) => {
        const options = portfolioOptions(table, choices);
        const loaded = saveAndLoad({
          ...base,
          scale: options.scale,
          discountRate: options.discountRate,
          // Ignored: every saved report has its cuts, which win over the older thresholds.
          thresholds: { attractiveness: 50, strength: "median" },
          report: settingsReport(options),
        });
        const { medianCuts, ...again } = portfolioChoicesFromSettings(loaded);
        expect(medianCuts).toEqual({});
        expect(portfolioOptions(table, again)).toEqual(options);
      }),
    );
  });

  it("leave a median axis to the caller, before and after a save that keeps it median", () => {
    const options = portfolioOptions(table, { cuts: { attractiveness: [62], strength: [47.5] } });
    const loaded = saveAndLoad({
      ...base,
      thresholds: { attractiveness: 55, strength: "median" },
      report: settingsReport(options, { strength: true }),
    });
    expect(loaded.report?.cuts).toEqual({ attractiveness: [62] });
    const { medianCuts, ...choices } = portfolioChoicesFromSettings(loaded);
    expect(medianCuts).toEqual({ strength: true });
    expect(choices.cuts).toEqual({ attractiveness: [62] });
    // The caller puts the median of the strength scores in; 47.5 stands for it here.
    expect(portfolioOptions(table, { ...choices, cuts: { ...choices.cuts, strength: [47.5] } })).toEqual(options);
  });

  it("ignore medianCuts on a 3×3 grid when saving: one median cannot place two cuts", () => {
    const options = portfolioOptions(table, { grid: 3 });
    expect(settingsReport(options, { attractiveness: true }).cuts).toEqual(options.cuts);
  });
});

describe("settings saved without report choices", () => {
  it("still parse, and give portfolioOptions' defaults, with the median cuts left to the caller", () => {
    const loaded = saveAndLoad(base);
    expect(loaded.report).toBeUndefined();
    const { medianCuts, ...choices } = portfolioChoicesFromSettings(loaded);
    expect(medianCuts).toEqual({ attractiveness: true, strength: true });
    expect(portfolioOptions(table, choices)).toEqual(portfolioOptions(table));
  });

  it("leave out what was not saved, so spread over other choices they keep those", () => {
    const { medianCuts, ...saved } = portfolioChoicesFromSettings(saveAndLoad(base));
    expect(medianCuts).toEqual({ attractiveness: true, strength: true });
    // A choice not saved is absent, not undefined: an undefined one would wipe out the choice spread before it.
    const segments = SEGMENTS_3X3.map((s, k) => ({ ...s, name: `Cell ${k + 1}` }));
    const earlier: PortfolioChoices = {
      grid: 3,
      segments,
      atRiskThreshold: 0.25,
      topN: 12,
      listPerSegment: 5,
      targets: { NRR: 1.05 },
    };
    expect(portfolioOptions(table, { ...earlier, ...saved })).toMatchObject({
      grid: 3,
      segments,
      atRiskThreshold: 0.25,
      topN: 12,
      listPerSegment: 5,
      targets: { NRR: 1.05 },
    });
  });

  it("take a numeric threshold as the 2×2 cut of its axis", () => {
    const loaded = saveAndLoad({
      ...base,
      scale: { min: 1, max: 10 },
      thresholds: { attractiveness: 60, strength: "median" },
    });
    const { medianCuts, ...choices } = portfolioChoicesFromSettings(loaded);
    expect(medianCuts).toEqual({ strength: true });
    const options = portfolioOptions(table, choices);
    expect(options.cuts).toEqual({ attractiveness: [60], strength: [50] });
    expect(options.scale).toEqual({ min: 1, max: 10 });
  });

  it("give a saved 3×3 grid without cuts its default thirds, whatever the thresholds say", () => {
    const loaded = saveAndLoad({
      ...base,
      thresholds: { attractiveness: 60, strength: "median" },
      report: { grid: 3 },
    });
    const { medianCuts, ...choices } = portfolioChoicesFromSettings(loaded);
    expect(medianCuts).toEqual({});
    const options = portfolioOptions(table, choices);
    expect(options.cuts).toEqual({ attractiveness: [100 / 3, 200 / 3], strength: [100 / 3, 200 / 3] });
    expect(options.segments).toEqual(SEGMENTS_3X3);
  });
});

describe("saved report choices are refused with a message naming the field", () => {
  const segments = (names: string[]) => names.map((name) => ({ name, strategy: "" }));
  const cases: [string, unknown, string, string][] = [
    [
      "3 cuts for a 2×2 grid",
      { grid: 2, cuts: { attractiveness: [20, 40, 60] } },
      "report.cuts.attractiveness",
      "must hold 1 cut-off for a 2×2 grid, not 3",
    ],
    [
      "2 cuts with no grid saved (2×2)",
      { cuts: { strength: [30, 60] } },
      "report.cuts.strength",
      "(report.grid, default 2)",
    ],
    [
      "1 cut for a 3×3 grid",
      { grid: 3, cuts: { strength: [50] } },
      "report.cuts.strength",
      "must hold 2 cut-offs for a 3×3 grid, not 1",
    ],
    [
      "cuts out of order",
      { grid: 3, cuts: { attractiveness: [60, 30] } },
      "report.cuts.attractiveness",
      "strictly ascending",
    ],
    ["equal cuts", { grid: 3, cuts: { attractiveness: [40, 40] } }, "report.cuts.attractiveness", "strictly ascending"],
    ["a cut above 100", { cuts: { strength: [120] } }, "report.cuts.strength.0", "0–100"],
    ["a 4×4 grid", { grid: 4 }, "report.grid", "must be 2 or 3"],
    ["3 segments for a 2×2 grid", { segments: segments(["A", "B", "C"]) }, "report.segments", "must hold 4 segments"],
    [
      "duplicate segment names",
      { segments: segments(["Star", "Core", "star", "Tail"]) },
      "report.segments",
      "distinct names",
    ],
    [
      "an empty segment name",
      { segments: segments(["A", "", "C", "D"]) },
      "report.segments.1.name",
      "must not be empty",
    ],
    [
      "a segment name of 41 characters",
      { segments: segments(["A", "B".repeat(41), "C", "D"]) },
      "report.segments.1.name",
      "at most 40",
    ],
    [
      "a strategy of 201 characters",
      { segments: [{ name: "A", strategy: "x".repeat(201) }] },
      "report.segments.0.strategy",
      "at most 200",
    ],
    [
      "both strength weights 0",
      { strength: { weights: { relationship: 0, shareOfWallet: 0 } } },
      "report.strength.weights",
      "must not both be 0",
    ],
    [
      "a negative strength weight",
      { strength: { weights: { relationship: -1, shareOfWallet: 1 } } },
      "report.strength.weights.relationship",
      "0 or more",
    ],
    [
      "a relationship scale upside down",
      { strength: { relationshipScale: { min: 5, max: 1 } } },
      "report.strength.relationshipScale",
      "relationshipScale.max must be greater",
    ],
    [
      "share of wallet out of 10",
      { strength: { shareOfWalletScale: 10 } },
      "report.strength.shareOfWalletScale",
      "must be 1 or 100",
    ],
    ["an at-risk threshold of 150%", { atRiskThreshold: 1.5 }, "report.atRiskThreshold", "0–1"],
    ["topN 0", { topN: 0 }, "report.topN", "whole number from 1 to 200"],
    ["topN 2.5", { topN: 2.5 }, "report.topN", "whole number from 1 to 200"],
    ["topN 201", { topN: 201 }, "report.topN", "whole number from 1 to 200"],
    ["listPerSegment 51", { listPerSegment: 51 }, "report.listPerSegment", "whole number from 1 to 50"],
    ["a target as text", { targets: { NPS: "high" } }, "report.targets.NPS", "must be a number"],
  ];
  it.each(cases)("%s", (_, report, path, says) => {
    const result = parseSettings(JSON.stringify({ ...base, report }));
    expect(isKamError(result)).toBe(true);
    const { message } = result as { message: string };
    expect(message).toContain(`invalid at ${path}:`);
    expect(message).toContain(says);
    // The message itself names the field (less the item's index or key), not only the path in front of it.
    const field = path.replace(/(\.\d+(\.(name|strategy))?|\.NPS)$/, "");
    expect(message.slice(message.indexOf(": ") + 2)).toContain(field);
  });

  it("a target for a KPI the dashboard does not have", () => {
    const result = parseSettings(JSON.stringify({ ...base, report: { targets: { Happiness: 9 } } }));
    expect(result).toMatchObject({ message: expect.stringContaining("report.targets") });
  });
});
