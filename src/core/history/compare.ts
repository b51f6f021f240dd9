import { DRIVER_TIE } from "../scoreParts";
import { accountAt, type AccountSnapshot, type Snapshot } from "./snapshot";

/** An account whose portfolio segment differs between two snapshots, and why. */
export interface QuadrantMove {
  readonly account: string;
  readonly from: string;
  readonly to: string;
  /**
   * The criterion that moved it: the one whose score part changed most in the direction of the move (see
   * {@link compareSnapshots}); null where the attractiveness did not change (the move came from strength), or no
   * criterion is common to both snapshots.
   */
  readonly criterion: string | null;
  /** That criterion's part, current − previous, in score points. */
  readonly partChange: number | null;
  /** Attractiveness, current − previous; null where either is blank. */
  readonly attractivenessChange: number | null;
  readonly strengthChange: number | null;
  /** Revenue in the current snapshot (for ranking the moves). */
  readonly revenue: number | null;
}

const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);

/**
 * The criterion behind a change of attractiveness between two snapshots of one account: with s the sign of the change
 * (current − previous attractiveness), the criterion maximising s · Δpart_j, Δpart_j = part_j now − part_j before (a
 * blank part counts 0: the criterion contributed nothing then), over the criteria both snapshots record (by header).
 * Since the parts sum to the score (core/scoreParts.ts), Σ_j Δpart_j is the change itself, so some criterion moves
 * with it. Ties (within DRIVER_TIE, relatively) go to the leftmost, as mainDriver's. Undefined where the score did not
 * change or a side is blank, and where no criterion of both snapshots moved with the score.
 */
export function movingCriterion(
  previous: AccountSnapshot,
  current: AccountSnapshot,
  previousCriteria: readonly string[],
  currentCriteria: readonly string[],
): { readonly index: number; readonly change: number } | undefined {
  const d = diff(previous.attractiveness, current.attractiveness);
  if (d === null || d === 0) return undefined;
  const s = Math.sign(d);
  const before = new Map(previousCriteria.map((c, j) => [c.toLowerCase(), j]));
  let best: { index: number; change: number } | undefined;
  const changes: { index: number; change: number }[] = [];
  currentCriteria.forEach((c, j) => {
    const k = before.get(c.toLowerCase());
    if (k === undefined) return;
    changes.push({ index: j, change: (current.parts[j] ?? 0) - (previous.parts[k] ?? 0) });
  });
  if (changes.length === 0) return undefined;
  const largest = Math.max(...changes.map((x) => s * x.change));
  // No common criterion moved with the score (it moved by criteria added or dropped since): none is named, rather
  // than one that did not move or moved against it.
  if (!(largest > 0)) return undefined;
  for (const x of changes) {
    const v = s * x.change;
    if (v >= largest - Math.abs(largest) * DRIVER_TIE) {
      best = x;
      break;
    }
  }
  return best;
}

/**
 * The accounts (matched by name, without case or surrounding spaces, as Excel compares text) that are in a portfolio
 * segment in both snapshots and in a different one now, with the criterion that moved each ({@link movingCriterion});
 * largest current revenue first, then by name. A snapshot compared with itself has no moves.
 */
export function compareSnapshots(previous: Snapshot, current: Snapshot): QuadrantMove[] {
  const key = (name: string) => name.trim().toLowerCase();
  const was = previous.accounts;
  const is = current.accounts;
  const before = new Map<string, number>();
  for (let i = 0; i < was.count; i++) before.set(key(was.account[i]), i);
  const moves: QuadrantMove[] = [];
  for (let i = 0; i < is.count; i++) {
    const k = before.get(key(is.account[i]));
    const from = k === undefined ? null : was.quadrant[k];
    const to = is.quadrant[i];
    if (k === undefined || from === null || to === null) continue;
    if (from.trim().toLowerCase() === to.trim().toLowerCase()) continue;
    // Rows only for the accounts that moved: a million-account snapshot stays in its columns.
    const then = accountAt(was, k);
    const now = accountAt(is, i);
    const moved = movingCriterion(then, now, previous.criteria, current.criteria);
    moves.push({
      account: now.account,
      from,
      to,
      criterion: moved ? current.criteria[moved.index] : null,
      partChange: moved ? moved.change : null,
      attractivenessChange: diff(then.attractiveness, now.attractiveness),
      strengthChange: diff(then.strength, now.strength),
      revenue: now.revenue,
    });
  }
  return moves.sort(
    (a, b) => (b.revenue ?? -Infinity) - (a.revenue ?? -Infinity) || a.account.localeCompare(b.account),
  );
}

/** Each KPI's value per snapshot, oldest snapshot first; null where a snapshot has no value for it. */
export interface KpiSeries {
  readonly labels: readonly string[];
  readonly series: readonly { readonly kpi: string; readonly values: readonly (number | null)[] }[];
}

/** The KPI series over snapshots in the order given; KPIs in the order they first appear. */
export function kpiSeries(snapshots: readonly Snapshot[]): KpiSeries {
  const kpis: string[] = [];
  for (const s of snapshots) for (const k of s.kpis) if (!kpis.includes(k.kpi)) kpis.push(k.kpi);
  return {
    labels: snapshots.map((s) => s.label),
    series: kpis.map((kpi) => ({
      kpi,
      values: snapshots.map((s) => s.kpis.find((k) => k.kpi === kpi)?.value ?? null),
    })),
  };
}
