/*
 * The KAM.* custom functions. custom-functions-metadata-plugin reads the JSDoc below to write functions.json (the
 * `KAM.` prefix comes from the manifest's namespace) and adds the `CustomFunctions.associate` calls, so every function
 * stays a top-level declaration here (inside a namespace the plugin would silently skip it). Each body only forwards
 * to a wrapper that coerces Excel's arguments and calls the pure core. Parameter names are the analyst's: they are what
 * Excel's formula autocomplete shows.
 *
 * Ranges are `any[][]` so that text in a cell reaches us and can be named in a message instead of being converted by
 * Excel. Results are 2-D arrays; Excel without dynamic arrays shows only the first cell of a spilled result.
 *
 * A wrapper returns either the result array or one CustomFunctions.Error for the whole call; Excel accepts either
 * from a function whose metadata says it returns a matrix, hence the casts.
 *
 * Bump the manifest <Version> whenever this metadata changes: Excel caches functions.json for up to 24 hours.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { churnCells } from "./churn";
import { clvCells } from "./clv";
import { scoreCells } from "./score";

/**
 * Key-account attractiveness score, 0 to 100, for each row of ratings: 100 × Σ w·(rating − scale_min)/(scale_max − scale_min) / Σ w. Blank ratings are left out and the other weights renormalised; on a scale starting above 0, a 0 is read as a blank.
 * @customfunction SCORE
 * @helpurl https://localhost:3000/help.html#kam-score
 * @param ratings One row per account, one column per criterion (e.g. 1-5 ratings of growth potential, margin, strategic fit).
 * @param weights One weight per criterion, as a row or a column; non-negative, at least one above 0 (a blank weight is 0).
 * @param [scale_min] Lowest possible rating (default 1).
 * @param [scale_max] Highest possible rating (default 5).
 * @returns One score per account (a spilled column when there are several rows).
 */
export function score(ratings: any[][], weights: any[][], scale_min?: number, scale_max?: number): any[][] {
  return scoreCells(ratings, weights, scale_min, scale_max) as any[][];
}

/**
 * Customer lifetime value with a constant retention rate (Gupta & Lehmann): Σ margin × (1+growth)^(t−1) × retention^t / (1+discount)^t. Ranges broadcast like Excel arithmetic.
 * @customfunction CLV
 * @helpurl https://localhost:3000/help.html#kam-clv
 * @param margin Margin earned per period (a cell or a range).
 * @param retention Probability of keeping the account each period, 0 to 1 (e.g. 0.9 or 90%).
 * @param discount_rate Discount rate per period (e.g. 0.1 for 10%); above -1.
 * @param [periods] Horizon in whole periods; blank or 0 = no horizon (needs retention × (1+growth) below 1+discount_rate).
 * @param [growth_rate] Margin growth per period (default 0).
 * @param [timing] 0 (default) = margins at the end of each period, earned only if retained; 1 = at the start, the first one certain (as Excel's PV type).
 * @returns The lifetime value of each account.
 */
export function clv(
  margin: any[][],
  retention: any[][],
  discount_rate: any[][],
  periods?: any[][],
  growth_rate?: any[][],
  timing?: any[][],
): any[][] {
  return clvCells(margin, retention, discount_rate, periods, growth_rate, timing) as any[][];
}

/**
 * Churn rate of an account base over a period: 1 − (at_end − acquired) / at_start, the complement of the customer retention rate.
 * @customfunction CHURN
 * @helpurl https://localhost:3000/help.html#kam-churn
 * @param at_start Accounts at the start of the period.
 * @param at_end Accounts at the end of the period.
 * @param [acquired] Accounts acquired during the period (default 0).
 * @returns The share of the starting accounts lost during the period (e.g. 0.043 for 4.3%).
 */
export function churn(at_start: any[][], at_end: any[][], acquired?: any[][]): any[][] {
  return churnCells(at_start, at_end, acquired) as any[][];
}
