/**
 * The portfolio grid of key-account management: attractiveness of the account to us (y) against our relative strength
 * with it (x), cut into 2×2 or 3×3 cells. Source: McDonald, Millman & Rogers (1997) and McDonald & Woodburn, "Key
 * Account Management" (2007), the KAM portfolio matrix after the directional policy matrix (GE/McKinsey); the names
 * Strategic, Star, Status and Streamline are the ones KAM programmes commonly use for its four cells.
 *
 * Cells are listed row by row from the top-left: highest attractiveness first, and within it highest strength first.
 */
export interface PortfolioSegment {
  readonly name: string;
  readonly strategy: string;
}

export const SEGMENTS_2X2: readonly PortfolioSegment[] = [
  { name: "Strategic", strategy: "Invest: joint plans, senior sponsors, a dedicated team." },
  { name: "Star", strategy: "Develop: build the relationship and the share of wallet." },
  { name: "Status", strategy: "Maintain: protect the relationship at a lower cost to serve." },
  { name: "Streamline", strategy: "Serve efficiently: standard offers, lower-cost channels." },
];

export const SEGMENTS_3X3: readonly PortfolioSegment[] = [
  { name: "Invest", strategy: "Invest to lead: joint plans and senior sponsors." },
  { name: "Grow", strategy: "Strengthen the relationship where the account is won." },
  { name: "Develop", strategy: "Win position selectively: a plan to become a preferred supplier." },
  { name: "Protect", strategy: "Protect the position at a moderate cost to serve." },
  { name: "Selective", strategy: "Grow selectively where margin allows." },
  { name: "Opportunistic", strategy: "Respond to demand; do not invest ahead of it." },
  { name: "Maintain", strategy: "Keep the relationship, lower the cost to serve." },
  { name: "Harvest", strategy: "Manage for cash: standard terms." },
  { name: "Streamline", strategy: "Serve efficiently: standard offers, lower-cost channels." },
];

/** Default cut-offs on the 0–100 axes: the middle for 2×2, thirds for 3×3. */
export function defaultCuts(grid: 2 | 3): number[] {
  return grid === 2 ? [50] : [100 / 3, 200 / 3];
}

/**
 * The grid cell of one account (0-based index into the segment list), or −1 when either score is missing.
 *
 * band(v) = #{cuts c : v ≥ c} (a value equal to a cut counts as high);  cell = (g−1−band(a))·g + (g−1−band(s)).
 * The native formula on the Accounts sheet computes the same with INDEX over the segment names.
 *
 * @example segmentIndex(70, 20, [50], [50]) // => 1 (Star: high attractiveness, low strength)
 */
export function segmentIndex(
  attractiveness: number,
  strength: number,
  attractivenessCuts: readonly number[],
  strengthCuts: readonly number[],
): number {
  if (Number.isNaN(attractiveness) || Number.isNaN(strength)) return -1;
  const g = attractivenessCuts.length + 1;
  let a = 0;
  for (const c of attractivenessCuts) if (attractiveness >= c) a++;
  let s = 0;
  for (const c of strengthCuts) if (strength >= c) s++;
  return (g - 1 - a) * g + (g - 1 - s);
}
