import { numberRules, readNumber } from "./cellValues";
import type { ColumnMapping, CriterionMatch } from "./mapping";
import type { TableInput } from "./table";

/** Default criteria for the attractiveness score, and the scale they are rated on. */
export interface CriteriaProposal {
  readonly criteria: readonly CriterionMatch[];
  readonly scale: { readonly min: number; readonly max: number };
  /** One sentence for the analyst: which columns were taken and why, or why none were. */
  readonly reason: string;
}

const SCALES = [
  { min: 1, max: 5 },
  { min: 1, max: 10 },
] as const;

/**
 * Proposes attractiveness criteria where the analyst chose none: the unmapped numeric columns whose numbers are all
 * whole ratings on one scale (1–5, else 1–10; blanks allowed), with equal weights. Where columns of both scales
 * exist, the scale with more columns wins (1–5 on a tie), so every criterion of one score shares its scale, as
 * KAM.SCORE requires. A cell that is not a number does not disqualify a column: validation names it.
 *
 * @example a table with "Growth potential" and "Strategic fit" rated 1–5 → both, weight 1 each, scale 1–5
 */
export function proposeCriteria(input: TableInput, mapping: ColumnMapping): CriteriaProposal {
  const rules = numberRules(input.separators);
  const from = mapping.dataRow ?? mapping.headerRow + 1;
  const fits: number[][] = SCALES.map(() => []);
  for (const j of mapping.numericColumns) {
    let hi = -Infinity;
    let ok = true;
    for (let i = from; i < input.values.length && ok; i++) {
      const n = readNumber(input.values[i][j], rules);
      if (typeof n !== "number") continue;
      if (!Number.isInteger(n) || n < 1 || n > 10) ok = false;
      else if (n > hi) hi = n;
    }
    if (!ok || hi === -Infinity) continue;
    fits[hi <= 5 ? 0 : 1].push(j);
  }
  const pick = fits[1].length > fits[0].length ? 1 : 0;
  const columns = fits[pick];
  const scale = SCALES[pick];
  if (columns.length === 0) {
    return {
      criteria: [],
      scale,
      reason:
        "No unmapped column holds whole-number ratings (1–5 or 1–10): choose attractiveness criteria to score accounts.",
    };
  }
  const headers = columns.map((j) => mapping.headers[j]);
  const reason = `rated ${scale.min}–${scale.max} in every row: proposed as a criterion with weight 1`;
  return {
    criteria: columns.map((column, k) => ({ column, header: headers[k], confidence: 0.6, reason, weight: 1 })),
    scale,
    reason:
      `Attractiveness criteria proposed (equal weights, scale ${scale.min}–${scale.max}): ${headers.join(", ")}. ` +
      "Change them and their weights in the KAM Inputs sheet or the taskpane.",
  };
}
