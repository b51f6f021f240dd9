import type { AccountTable, PortfolioOptions } from "../../core";
import { clvFormula, mainDriverFormula, scoreFormula } from "../nativeFormulas";
import type { AccountsLayout, ColumnKey } from "./accountsSheet";
import type { InputRefs } from "./inputsSheet";

/** The sheet row a formula is written for: a number, or the plan's ROW_TOKEN in a pattern block. */
export interface RowRefs {
  readonly row: number | string;
}

export type RowFormula = (at: RowRefs) => string;

/**
 * The computed columns of the Accounts sheet as native formulas, one builder per column, mirroring
 * core/portfolio/metrics.ts definition by definition (the LibreOffice test holds them to the same numbers):
 * - Active: the status is not "Churned" (without a status column: revenue > 0).
 * - Attractiveness: KAM.SCORE over the criteria with the weight and scale cells (nativeFormulas.scoreFormula: blank
 *   without a rating, #N/A for a rating outside the scale or text, where KAM.SCORE fails).
 * - Main driver: the header of the criterion that adds most to the score, or (below the top attractiveness cut-off)
 *   the one that holds it back most (nativeFormulas.mainDriverFormula, core mainDriver).
 * - Strength: the same rule over relationship strength (on its scale) and share of wallet, each on 0–1.
 * - Quadrant: INDEX into the segment names, band = number of cut-offs reached (a value equal to a cut is high).
 * - Margin, CLV (m·r/(1+d−r), r the portfolio retention cell), revenue change, at risk.
 */
export function accountFormulas(
  table: AccountTable,
  options: PortfolioOptions,
  layout: AccountsLayout,
  inputs: InputRefs,
): Partial<Record<ColumnKey, RowFormula>> {
  const at = (key: ColumnKey) => {
    const col = `$${layout.letter(key)}`;
    return (r: RowRefs) => `${col}${r.row}`;
  };
  const out: Partial<Record<ColumnKey, RowFormula>> = {};
  const has = (k: ColumnKey) => layout.has(k);

  const revenue = has("revenue") ? at("revenue") : undefined;
  const status = has("status") ? at("status") : undefined;
  out.active = status ? (r) => `${status(r)}<>"Churned"` : revenue ? (r) => `N(${revenue(r)})>0` : () => "FALSE";
  const active = at("active");
  // Revenue as the KPIs count it: 0 once churned.
  const counted = revenue ? (r: RowRefs) => `IF(${active(r)},N(${revenue(r)}),0)` : () => "0";

  if (has("attractiveness") && inputs.weights) {
    const k = table.criteria.length;
    const first = layout.letter("criterion0");
    const last = layout.letter(`criterion${k - 1}`);
    const { scaleMin: lo, scaleMax: hi, weights } = inputs;
    out.attractiveness = (r) => scoreFormula(`$${first}${r.row}:$${last}${r.row}`, weights, lo, hi);
    if (has("mainDriver")) {
      const score = at("attractiveness");
      // The top cut-off: below it an account is not yet highly attractive, and the driver says what holds it back.
      const cut = inputs.attractivenessCuts[inputs.attractivenessCuts.length - 1];
      const headers = `$${first}$${layout.firstRow - 1}:$${last}$${layout.firstRow - 1}`;
      out.mainDriver = (r) =>
        mainDriverFormula({
          ratings: `$${first}${r.row}:$${last}${r.row}`,
          weights,
          scaleMin: lo,
          scaleMax: hi,
          headers,
          score: score(r),
          cut,
        });
    }
  }
  if (has("strength")) {
    const parts: {
      cell: (r: RowRefs) => string;
      weight: string;
      part: (c: string) => string;
      bad: (c: string) => string;
    }[] = [];
    if (has("relationship")) {
      const { relationshipMin: lo, relationshipMax: hi } = inputs;
      parts.push({
        cell: at("relationship"),
        weight: inputs.relationshipWeight,
        part: (c) => `(${c}-${lo})/(${hi}-${lo})`,
        bad: (c) => `${c}<${lo},${c}>${hi}`,
      });
    }
    if (has("shareOfWallet")) {
      const sc = inputs.shareScale;
      parts.push({
        cell: at("shareOfWallet"),
        weight: inputs.shareWeight,
        part: (c) => `${c}/${sc}`,
        bad: (c) => `${c}<0,${c}>${sc}`,
      });
    }
    out.strength = (r) => {
      const cells = parts.map((p) => p.cell(r));
      const bad = parts.map((p, j) => `AND(ISNUMBER(${cells[j]}),OR(${p.bad(cells[j])}))`).join(",");
      const sum = parts.map((p, j) => `IF(ISNUMBER(${cells[j]}),${p.weight}*${p.part(cells[j])},0)`).join("+");
      const weights = parts.map((p, j) => `IF(ISNUMBER(${cells[j]}),${p.weight},0)`).join("+");
      return `IF(COUNT(${cells.join(",")})=0,"",IF(OR(${bad}),NA(),100*(${sum})/(${weights})))`;
    };
  }
  if (has("quadrant")) {
    const a = at("attractiveness");
    const s = at("strength");
    const g = options.grid;
    const band = (cell: string, cuts: readonly string[]) => cuts.map((c) => `(${cell}>=${c})`).join("+");
    out.quadrant = (r) =>
      `IF(AND(ISNUMBER(${a(r)}),ISNUMBER(${s(r)})),INDEX(${inputs.segmentNames},` +
      `(${g - 1}-(${band(a(r), inputs.attractivenessCuts)}))*${g}+(${g - 1}-(${band(s(r), inputs.strengthCuts)}))+1),"")`;
  }
  if (has("margin")) {
    const gm = at("grossMargin");
    out.margin =
      table.marginBasis === "amount"
        ? (r) => `IF(ISNUMBER(${gm(r)}),${gm(r)},"")`
        : (r) => `IF(ISNUMBER(${gm(r)}),N(${revenue!(r)})*${gm(r)},"")`;
    const retention = inputs.retention;
    if (has("clv") && retention) {
      const m = at("margin");
      out.clv = (r) =>
        `IF(AND(${active(r)},ISNUMBER(${m(r)})),` +
        `${clvFormula({ margin: m(r), retention, discountRate: inputs.discountRate })},"")`;
    }
  }
  if (has("revenueChange")) {
    const p = at("priorRevenue");
    out.revenueChange = (r) => `IF(N(${p(r)})>0,${counted(r)}/${p(r)}-1,"")`;
  }
  if (has("atRisk")) {
    const reasons: ((r: RowRefs) => string)[] = [];
    if (has("nps")) {
      const n = at("nps");
      const unhappy = table.npsScale === "account" ? "<0" : "<=6";
      reasons.push((r) => `AND(ISNUMBER(${n(r)}),${n(r)}${unhappy})`);
    }
    if (revenue && has("priorRevenue")) {
      const p = at("priorRevenue");
      reasons.push((r) => `AND(N(${p(r)})>0,${counted(r)}<${p(r)}*(1-${inputs.atRiskThreshold}))`);
    }
    out.atRisk = (r) => `AND(${active(r)},OR(${reasons.map((f) => f(r)).join(",")}))`;
  }
  return out;
}
