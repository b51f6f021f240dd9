/*
 * The KAM.* custom functions. custom-functions-metadata-plugin reads the JSDoc below to write functions.json (the
 * `KAM.` prefix comes from the manifest's namespace) and adds the `CustomFunctions.associate` calls, so every function
 * stays a top-level declaration here (inside a namespace the plugin would silently skip it). Each body only forwards
 * to a wrapper that coerces Excel's arguments and calls the pure core. Parameter names are the analyst's: they are what
 * Excel's formula autocomplete shows.
 *
 * Ranges are `any[][]` so that text in a cell reaches us and can be named in a message instead of being converted by
 * Excel. Results are 2-D arrays (KAM.NRR, KAM.GRR and KAM.NPS: one number); Excel without dynamic arrays shows only
 * the first cell of a spilled result.
 *
 * A wrapper returns the result array, with an error in the cell of a bad row, and throws one CustomFunctions.Error
 * for a bad call: the route custom-functions-errors.md documents (errors go inside a returned array only per cell).
 * KAM.NRR, KAM.GRR and KAM.NPS throw theirs through valueOrThrow. An error value in an input cell reaches the wrappers
 * because the build adds `allowErrorForDataTypeAny` to functions.json (scripts/functions-metadata-flags.js); it is
 * passed on to that row's result.
 *
 * Bump the manifest <Version> whenever this metadata changes: Excel caches functions.json for up to 24 hours.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { churnCells } from "./churn";
import { churnForecastCells, clvCohortCells, cohortFitCells, survivalForecastCells } from "./cohort";
import { clvCells } from "./clv";
import { valueOrThrow } from "./excelErrors";
import { npsValue } from "./nps";
import { quadrantCells } from "./quadrant";
import { retentionValue } from "./retention";
import { scoreCells, scorePartsCells } from "./score";
import { whitespaceCells } from "./whitespace";

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
 * Each criterion's contribution to KAM.SCORE, in score points: 100 × w·(rating − scale_min)/((scale_max − scale_min) × Σ w), Σ over the rated criteria, so a row's parts add up to its score. A blank rating has a blank part; ratings are read as KAM.SCORE reads them.
 * @customfunction SCORE.PARTS
 * @helpurl https://localhost:3000/help.html#kam-score-parts
 * @param ratings One row per account, one column per criterion, as for KAM.SCORE.
 * @param weights One weight per criterion, as a row or a column; non-negative, at least one above 0 (a blank weight is 0).
 * @param [scale_min] Lowest possible rating (default 1).
 * @param [scale_max] Highest possible rating (default 5).
 * @returns One row of parts per account, one column per criterion (spilled).
 */
export function scoreParts(ratings: any[][], weights: any[][], scale_min?: number, scale_max?: number): any[][] {
  return scorePartsCells(ratings, weights, scale_min, scale_max) as any[][];
}

/**
 * Whitespace potential of each account: the sum, over the products it does not own (blank or 0 revenue), of that product's median revenue among the accounts that own it in the same segment (among all owners where the segment has fewer than 3; 0 where nobody owns it). Add it to the account's revenue for its total account value.
 * @customfunction WHITESPACE
 * @helpurl https://localhost:3000/help.html#kam-whitespace
 * @param product_revenue One row per account, one column per product: the account's revenue from that product; blank or 0 = not owned.
 * @param [segments] One segment name per account row, as a column (e.g. Enterprise, Public sector); omitted or blank: compared with all owners.
 * @returns One potential per account (a spilled column when there are several rows).
 */
export function whitespace(product_revenue: any[][], segments?: any[][]): any[][] {
  return whitespaceCells(product_revenue, segments) as any[][];
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

/**
 * Fits the shifted-beta-geometric cohort model (Fader & Hardie 2007) to survivor counts by maximum likelihood: alpha and beta of the Beta distribution of churn probabilities, and the log-likelihood.
 * @customfunction COHORT.FIT
 * @helpurl https://localhost:3000/help.html#kam-cohort-fit
 * @param survivors Accounts of one cohort still active at the start and after each period (a row or a column, at least 3 counts; blanks at the end are ignored).
 * @returns One row: alpha, beta, log-likelihood.
 */
export function cohortFit(survivors: any[][]): any[][] {
  return cohortFitCells(survivors) as any[][];
}

/**
 * Churn rate the fitted cohort model expects in a period: alpha / (alpha + beta + period - 1). It falls over time because the accounts most likely to leave leave first.
 * @customfunction CHURN.FORECAST
 * @helpurl https://localhost:3000/help.html#kam-churn-forecast
 * @param survivors Accounts of one cohort still active at the start and after each period (a row or a column).
 * @param period Renewal period, 1 = the first renewal; a range of periods spills.
 * @returns The expected churn rate in each period.
 */
export function churnForecast(survivors: any[][], period: any[][]): any[][] {
  return churnForecastCells(survivors, period) as any[][];
}

/**
 * Share of the cohort the fitted model expects still active after a number of periods: B(alpha, beta + t) / B(alpha, beta).
 * @customfunction SURVIVAL.FORECAST
 * @helpurl https://localhost:3000/help.html#kam-survival-forecast
 * @param survivors Accounts of one cohort still active at the start and after each period (a row or a column).
 * @param period Number of periods from the start (0 or more); a range of periods spills.
 * @returns The expected share still active (multiply by the cohort size for accounts).
 */
export function survivalForecast(survivors: any[][], period: any[][]): any[][] {
  return survivalForecastCells(survivors, period) as any[][];
}

/**
 * Lifetime value from the fitted cohort model (Fader & Hardie 2010): margin x discounted expected lifetime. Renewals omitted: a new account whose first margin is paid now (DEL). Renewals = k: an account that has renewed k times and is about to decide the next, each future margin paid on renewal (DERL).
 * @customfunction CLV.COHORT
 * @helpurl https://localhost:3000/help.html#kam-clv-cohort
 * @param margin Margin per period (a cell or a range).
 * @param survivors Accounts of one cohort still active at the start and after each period (a row or a column).
 * @param discount_rate Discount rate per period, 0 or more (0 only where the cohort's alpha is above 1).
 * @param [renewals] Renewals the account has already made (0 or more); omit for a newly acquired account. Some Excel versions pass an empty cell as 0: omit the argument rather than pointing at an empty cell.
 * @returns The cohort-model lifetime value of each account.
 */
export function clvCohort(margin: any[][], survivors: any[][], discount_rate: any[][], renewals?: any[][]): any[][] {
  return clvCohortCells(margin, survivors, discount_rate, renewals) as any[][];
}

/**
 * Net revenue retention of the accounts at the start of the period: Σ current / Σ prior over the accounts with a prior revenue above 0. Includes expansion, so it can exceed 100%.
 * @customfunction NRR
 * @helpurl https://localhost:3000/help.html#kam-nrr
 * @param prior Revenue of each account in the prior period, one per account (a column or a row); blank or 0 = a new account, left out.
 * @param current Revenue of the same accounts in the current period, in the same order; blank = the account churned (0).
 * @returns One number for the whole set of accounts (e.g. 1.05 for 105%).
 */
export function nrr(prior: any[][], current: any[][]): number {
  return valueOrThrow(retentionValue(prior, current, "net"));
}

/**
 * Gross revenue retention of the accounts at the start of the period: Σ min(current, prior) / Σ prior over the accounts with a prior revenue above 0. Expansion is capped, so it is at most 100% and never above KAM.NRR.
 * @customfunction GRR
 * @helpurl https://localhost:3000/help.html#kam-grr
 * @param prior Revenue of each account in the prior period, one per account (a column or a row); blank or 0 = a new account, left out.
 * @param current Revenue of the same accounts in the current period, in the same order; blank = the account churned (0).
 * @returns One number for the whole set of accounts (e.g. 0.85 for 85%).
 */
export function grr(prior: any[][], current: any[][]): number {
  return valueOrThrow(retentionValue(prior, current, "gross"));
}

/**
 * Net Promoter Score of survey answers on the 0-10 scale: 100 × (promoters answering 9-10 − detractors answering 0-6) / answers, from −100 to 100. Blank cells are left out; a 0 is a real answer.
 * @customfunction NPS
 * @helpurl https://localhost:3000/help.html#kam-nps
 * @param answers Answers to "how likely are you to recommend us", whole numbers 0 to 10 (a range of any shape).
 * @returns One score from −100 to 100.
 */
export function nps(answers: any[][]): number {
  return valueOrThrow(npsValue(answers));
}

/**
 * Portfolio segment of each account on the 2×2 key-account grid: Strategic (high attractiveness, high strength), Star (high, low), Status (low, high), Streamline (low, low). A score equal to its cut-off counts as high.
 * @customfunction QUADRANT
 * @helpurl https://localhost:3000/help.html#kam-quadrant
 * @param attractiveness Attractiveness score of each account, 0 to 100 (e.g. from KAM.SCORE), one row per account.
 * @param strength Our relative strength with each account, 0 to 100, one row per account.
 * @param [attractiveness_cut] Cut-off between low and high attractiveness, above 0 and at most 100 (default 50).
 * @param [strength_cut] Cut-off between low and high strength, above 0 and at most 100 (default 50).
 * @returns One segment name per account (a spilled column when there are several rows).
 */
export function quadrant(
  attractiveness: any[][],
  strength: any[][],
  attractiveness_cut?: number,
  strength_cut?: number,
): any[][] {
  return quadrantCells(attractiveness, strength, attractiveness_cut, strength_cut) as any[][];
}
