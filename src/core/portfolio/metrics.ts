import { clv } from "../clv";
import { isKamError } from "../errors";
import { makeScoreSpec, scoreRow } from "../score";
import type { AccountTable } from "../accounts/validate";
import type { PortfolioOptions } from "./options";
import { segmentIndex } from "./segments";

/**
 * What the Accounts sheet computes for each account, column by column (NaN where the sheet shows a blank). The
 * generated native formulas and these values follow the same definitions, stated on each field; the tests check
 * the one against the other in LibreOffice.
 */
export interface AccountMetrics {
  /** 1 unless churned: the status says churned, or (without a status column) revenue is blank or 0. */
  readonly active: Uint8Array;
  /** KAM.SCORE over the criteria with the option weights and scale; NaN without a rating or outside the scale. */
  readonly attractiveness: Float64Array;
  /** 100 · Σ w·part / Σ w over the strength parts present: (relationship − min)/(max − min), share of wallet. */
  readonly strength: Float64Array;
  /** Index into options.segments; −1 where either score is missing. */
  readonly segment: Int8Array;
  /** Revenue × gross margin % (or the margin amount); NaN without a margin, or a percentage without revenue. */
  readonly margin: Float64Array;
  /** m·r/(1 + d − r) for active accounts with a margin, r the portfolio retention rate; NaN otherwise. */
  readonly clv: Float64Array;
  /** Revenue counted (0 when churned) / prior − 1, where prior > 0. */
  readonly revenueChange: Float64Array;
  /**
   * Active, and an NPS answer ≤ 6 (account NPS < 0) or revenue below prior by more than the at-risk threshold (with
   * both a revenue and a prior revenue column).
   */
  readonly atRisk: Uint8Array;
}

/** Current revenue as the KPIs count it: 0 for a churned account or a blank cell. */
export function countedRevenue(table: AccountTable, active: Uint8Array, i: number): number {
  const r = table.numbers.revenue?.[i] ?? Number.NaN;
  return active[i] && !Number.isNaN(r) ? r : 0;
}

/** Whether each account is active (see AccountMetrics.active). */
export function activeFlags(table: AccountTable): Uint8Array {
  const out = new Uint8Array(table.count);
  const revenue = table.numbers.revenue;
  for (let i = 0; i < table.count; i++) {
    if (table.status) out[i] = table.status[i] === 1 ? 0 : 1;
    else out[i] = revenue && revenue[i] > 0 ? 1 : 0;
  }
  return out;
}

/**
 * Per-account metrics. `retention` is the portfolio retention rate (KPI_RetentionRate); CLV is NaN without it.
 * Each score follows core/score.ts (KAM.SCORE) exactly; strength parts are put on 0–1 first and scored on that scale.
 */
export function accountMetrics(
  table: AccountTable,
  options: PortfolioOptions,
  retention: number | undefined,
): AccountMetrics {
  const n = table.count;
  const active = activeFlags(table);
  const attractiveness = new Float64Array(n).fill(Number.NaN);
  const strength = new Float64Array(n).fill(Number.NaN);
  const segment = new Int8Array(n).fill(-1);
  const margin = new Float64Array(n).fill(Number.NaN);
  const value = new Float64Array(n).fill(Number.NaN);
  const revenueChange = new Float64Array(n).fill(Number.NaN);
  const atRisk = new Uint8Array(n);

  const spec =
    table.criteria.length > 0
      ? makeScoreSpec(options.criteriaWeights, options.scale.min, options.scale.max)
      : undefined;
  const ratings: (number | null)[] = new Array(table.criteria.length);
  const { relationship, shareOfWallet, revenue, priorRevenue, grossMargin, nps } = table.numbers;
  const st = options.strength;
  const strengthSpec = makeScoreSpec([st.relationshipWeight, st.shareOfWalletWeight], 0, 1);
  const rs = st.relationshipScale;
  const surveyNps = table.npsScale !== "account";
  const keep = 1 - options.atRiskThreshold;

  for (let i = 0; i < n; i++) {
    if (spec && !isKamError(spec)) {
      for (let j = 0; j < ratings.length; j++) {
        const x = table.criteria[j].values[i];
        ratings[j] = Number.isNaN(x) ? null : x;
      }
      const s = scoreRow(ratings, spec);
      if (typeof s === "number") attractiveness[i] = s;
    }
    if ((relationship || shareOfWallet) && !isKamError(strengthSpec)) {
      const r = relationship?.[i] ?? Number.NaN;
      const w = shareOfWallet?.[i] ?? Number.NaN;
      const parts = [
        Number.isNaN(r) ? null : (r - rs.min) / (rs.max - rs.min),
        Number.isNaN(w) ? null : w / st.shareOfWalletScale,
      ];
      const s = scoreRow(parts, strengthSpec);
      if (typeof s === "number") strength[i] = s;
    }
    segment[i] = segmentIndex(attractiveness[i], strength[i], options.cuts.attractiveness, options.cuts.strength);
    const gm = grossMargin?.[i] ?? Number.NaN;
    // A margin percentage needs a revenue column to become an amount; a blank revenue counts as 0.
    if (!Number.isNaN(gm) && (table.marginBasis === "amount" || revenue)) {
      const rev = revenue?.[i] ?? Number.NaN;
      margin[i] = table.marginBasis === "amount" ? gm : (Number.isNaN(rev) ? 0 : rev) * gm;
    }
    if (active[i] && !Number.isNaN(margin[i]) && retention !== undefined) {
      const v = clv(margin[i], retention, options.discountRate, null);
      if (typeof v === "number") value[i] = v;
    }
    const prior = priorRevenue?.[i] ?? Number.NaN;
    const counted = countedRevenue(table, active, i);
    if (prior > 0) revenueChange[i] = counted / prior - 1;
    if (active[i]) {
      const answer = nps?.[i] ?? Number.NaN;
      const unhappy = !Number.isNaN(answer) && (surveyNps ? answer <= 6 : answer < 0);
      // Without a revenue column there is no revenue to compare: the Accounts sheet and the KPI count NPS only.
      const shrinking = revenue !== undefined && prior > 0 && counted < prior * keep;
      atRisk[i] = unhappy || shrinking ? 1 : 0;
    }
  }
  return { active, attractiveness, strength, segment, margin, clv: value, revenueChange, atRisk };
}
