import { DEFAULT_SCALE_MAX, DEFAULT_SCALE_MIN } from "../score";
import type { AccountTable } from "../accounts/validate";
import type { KpiId } from "./kpiIds";
import { defaultCuts, SEGMENTS_2X2, SEGMENTS_3X3, type PortfolioSegment } from "./segments";

/** A rating scale: the lowest and highest possible value. */
export interface Scale {
  readonly min: number;
  readonly max: number;
}

/**
 * Everything the segmentation matrix and the dashboard depend on besides the accounts themselves. The report writes
 * each of these into the labelled KAM Inputs sheet, and the generated formulas read them from there, so an analyst's
 * edit of a weight or a cut-off flows through every sheet.
 */
export interface PortfolioOptions {
  /** One weight per attractiveness criterion (the table's criteria, in order). */
  readonly criteriaWeights: readonly number[];
  /** Scale of the attractiveness ratings (default 1–5). */
  readonly scale: Scale;
  /** Relative strength: relationship strength on its scale and share of wallet as 0–100%, weighted. */
  readonly strength: {
    readonly relationshipWeight: number;
    readonly shareOfWalletWeight: number;
    readonly relationshipScale: Scale;
    /** 1: share of wallet written as a fraction (0.35); 100: as a percentage number (35). */
    readonly shareOfWalletScale: 1 | 100;
  };
  readonly grid: 2 | 3;
  /** grid − 1 ascending cut-offs per axis on 0–100; a value equal to a cut counts as high. */
  readonly cuts: { readonly attractiveness: readonly number[]; readonly strength: readonly number[] };
  /** grid² cells, top-left first (see segments.ts). */
  readonly segments: readonly PortfolioSegment[];
  /** Discount rate per year for CLV (default 10%). */
  readonly discountRate: number;
  /** An account whose revenue fell by more than this share of its prior revenue is at risk (default 10%). */
  readonly atRiskThreshold: number;
  /** Accounts drawn on the matrix chart: the N largest by revenue (default 40, readable at any table size). */
  readonly topN: number;
  /** Accounts listed per segment on the matrix sheet, largest revenue first. */
  readonly listPerSegment: number;
  readonly targets: Readonly<Partial<Record<KpiId, number>>>;
}

/** What the analyst may set; anything left out takes its default (see {@link portfolioOptions}). */
export type PortfolioChoices = Partial<Omit<PortfolioOptions, "strength" | "cuts">> & {
  readonly strength?: Partial<PortfolioOptions["strength"]>;
  readonly cuts?: Partial<PortfolioOptions["cuts"]>;
};

/**
 * The scale a relationship-strength column is rated on, from its values: whole numbers 1–5 → 1–5, 1–10 → 1–10,
 * 0–10 → 0–10, fractions up to 1 → 0–1, else 0–100. Blank (NaN) values are ignored.
 */
export function detectRatingScale(values: Float64Array): Scale {
  let lo = Infinity;
  let hi = -Infinity;
  let whole = true;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (!Number.isInteger(v)) whole = false;
  }
  if (hi === -Infinity) return { min: 1, max: 5 };
  if (whole && lo >= 1 && hi <= 5) return { min: 1, max: 5 };
  if (whole && lo >= 1 && hi <= 10) return { min: 1, max: 10 };
  if (whole && lo >= 0 && hi <= 10) return { min: 0, max: 10 };
  if (lo >= 0 && hi <= 1) return { min: 0, max: 1 };
  return { min: 0, max: 100 };
}

/** Share of wallet as a fraction (every value ≤ 1) or as a percentage number. */
export function detectShareScale(values: Float64Array): 1 | 100 {
  for (const v of values) if (v > 1) return 100;
  return 1;
}

/** The options for a table: the analyst's choices where given, defaults (stated in each field's comment) elsewhere. */
export function portfolioOptions(table: AccountTable, choices: PortfolioChoices = {}): PortfolioOptions {
  const grid = choices.grid ?? 2;
  const relationship = table.numbers.relationship;
  const share = table.numbers.shareOfWallet;
  return {
    criteriaWeights: choices.criteriaWeights ?? table.criteria.map((c) => c.weight),
    scale: choices.scale ?? { min: DEFAULT_SCALE_MIN, max: DEFAULT_SCALE_MAX },
    strength: {
      relationshipWeight: choices.strength?.relationshipWeight ?? 1,
      shareOfWalletWeight: choices.strength?.shareOfWalletWeight ?? 1,
      relationshipScale:
        choices.strength?.relationshipScale ?? (relationship ? detectRatingScale(relationship) : { min: 1, max: 5 }),
      shareOfWalletScale: choices.strength?.shareOfWalletScale ?? (share ? detectShareScale(share) : 1),
    },
    grid,
    cuts: {
      attractiveness: choices.cuts?.attractiveness ?? defaultCuts(grid),
      strength: choices.cuts?.strength ?? defaultCuts(grid),
    },
    segments: choices.segments ?? (grid === 2 ? SEGMENTS_2X2 : SEGMENTS_3X3),
    discountRate: choices.discountRate ?? 0.1,
    atRiskThreshold: choices.atRiskThreshold ?? 0.1,
    topN: choices.topN ?? 40,
    listPerSegment: choices.listPerSegment ?? 10,
    targets: choices.targets ?? {},
  };
}
