import type { KamSettings, ReportSettings } from "../accounts/settings";
import type { PortfolioChoices, PortfolioOptions } from "./options";

/**
 * The bridge between the report's options and the settings saved in the workbook, so that a colleague's rebuild (the
 * taskpane, or `kam report --settings FILE.json`) makes the same sheets. Saving writes every choice out, defaults
 * included: a later release that changes a default, or a table whose relationship column now reads as 1–10, must not
 * change a saved report. Loading gives choices for `portfolioOptions`, which fills what was not saved with its
 * defaults, so settings saved before `report` existed still build.
 */

type Axis = "attractiveness" | "strength";
const AXES: readonly Axis[] = ["attractiveness", "strength"];

/**
 * The axes whose 2×2 cut-off was saved as "median": the median of that axis's 0–100 scores over the accounts now
 * selected, which splits the portfolio in halves. The core cannot know it before the scores are computed, so the
 * caller computes them, takes the median (as Excel's MEDIAN) and passes `cuts: { [axis]: [median] }` on.
 */
export interface MedianCuts {
  readonly attractiveness?: true;
  readonly strength?: true;
}

/** The saved choices for `portfolioOptions`, and the axes whose cut the caller resolves as a median. */
export interface SavedPortfolioChoices extends PortfolioChoices {
  readonly medianCuts: MedianCuts;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The report's choices saved in `settings`. Criteria weights are left out: `criteria` holds them by header and
 * `choicesFromSettings` (savedMapping.ts) puts them back on the mapping, where the table's criteria take them.
 *
 * The cut-off of each axis: `report.cuts` where saved; else, on a 2×2 grid, the older `thresholds` field — a number is
 * the cut itself, "median" is left to the caller (see {@link MedianCuts}); else the default of `portfolioOptions`
 * (thirds on a 3×3 grid: one threshold cannot place two cuts).
 */
export function portfolioChoicesFromSettings(settings: KamSettings): SavedPortfolioChoices {
  const report: ReportSettings = settings.report ?? {};
  const grid = report.grid ?? 2;
  const cuts: Mutable<NonNullable<PortfolioChoices["cuts"]>> = {};
  const medianCuts: Mutable<MedianCuts> = {};
  for (const axis of AXES) {
    const saved = report.cuts?.[axis];
    const threshold = settings.thresholds[axis];
    if (saved) cuts[axis] = saved;
    else if (grid === 2 && threshold === "median") medianCuts[axis] = true;
    else if (grid === 2 && typeof threshold === "number") cuts[axis] = [threshold];
  }

  const strength: Mutable<NonNullable<PortfolioChoices["strength"]>> = {};
  const savedStrength = report.strength;
  if (savedStrength?.weights) {
    strength.relationshipWeight = savedStrength.weights.relationship;
    strength.shareOfWalletWeight = savedStrength.weights.shareOfWallet;
  }
  if (savedStrength?.relationshipScale) strength.relationshipScale = savedStrength.relationshipScale;
  if (savedStrength?.shareOfWalletScale !== undefined) strength.shareOfWalletScale = savedStrength.shareOfWalletScale;

  const choices: Mutable<SavedPortfolioChoices> = {
    scale: settings.scale,
    discountRate: settings.discountRate,
    strength,
    cuts,
    medianCuts,
  };
  if (report.grid !== undefined) choices.grid = report.grid;
  if (report.segments) choices.segments = report.segments;
  if (report.atRiskThreshold !== undefined) choices.atRiskThreshold = report.atRiskThreshold;
  if (report.topN !== undefined) choices.topN = report.topN;
  if (report.listPerSegment !== undefined) choices.listPerSegment = report.listPerSegment;
  if (report.targets) choices.targets = report.targets;
  return choices;
}

/**
 * The `report` object to save for `options`: every choice, as built (see the file comment for why defaults are kept
 * too). Criteria weights, the score scale and the discount rate have their own settings fields (`criteria`, `scale`,
 * `discountRate`) and are not repeated here.
 *
 * An axis in `medianCuts` keeps no saved cut on a 2×2 grid, so `thresholds` ("median") stays in charge and a
 * colleague's rebuild splits their accounts at their median rather than at the number it came to here.
 */
export function settingsReport(options: PortfolioOptions, medianCuts: MedianCuts = {}): ReportSettings {
  const cuts: Partial<Record<Axis, number[]>> = {};
  for (const axis of AXES) {
    if (!(options.grid === 2 && medianCuts[axis])) cuts[axis] = [...options.cuts[axis]];
  }
  const { strength } = options;
  return {
    grid: options.grid,
    cuts,
    segments: options.segments.map((s) => ({ name: s.name, strategy: s.strategy })),
    strength: {
      weights: { relationship: strength.relationshipWeight, shareOfWallet: strength.shareOfWalletWeight },
      relationshipScale: { min: strength.relationshipScale.min, max: strength.relationshipScale.max },
      shareOfWalletScale: strength.shareOfWalletScale,
    },
    atRiskThreshold: options.atRiskThreshold,
    topN: options.topN,
    listPerSegment: options.listPerSegment,
    targets: { ...options.targets },
  };
}
