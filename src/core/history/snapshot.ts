/**
 * A build's snapshot for the quarterly progress of a key-account programme (issue 19, part 3): every KPI value and,
 * per account, what places it in the portfolio (attractiveness, strength, quadrant), what it is worth (revenue, total
 * account value) and its attractiveness score split by criterion (core/scoreParts.ts), so that a move between two
 * snapshots can be explained. Plain data: the report writes snapshots as rows of the KAM History tables, and reads
 * earlier ones back from those rows (historyRows.ts).
 */
export interface AccountSnapshot {
  readonly account: string;
  /** 0–100 (KAM.SCORE); null where the account has no score. */
  readonly attractiveness: number | null;
  readonly strength: number | null;
  /** The portfolio segment's name ("Strategic"); null where either score is missing. */
  readonly quadrant: string | null;
  readonly revenue: number | null;
  /** Revenue + whitespace potential, or revenue alone without a product block (core/whitespace.ts). */
  readonly totalValue: number | null;
  /** Score points per criterion, in the order of {@link Snapshot.criteria}; null for a blank rating. */
  readonly parts: readonly (number | null)[];
}

export interface KpiValue {
  /** The workbook name of the KPI: "KPI_NRR". */
  readonly kpi: string;
  readonly value: number;
}

export interface Snapshot {
  /** The build's date and time as ISO 8601 text ("2026-12-02T09:30:00.000Z"): sorts as it reads, and unique. */
  readonly label: string;
  /** The attractiveness criteria the parts belong to, by header. */
  readonly criteria: readonly string[];
  readonly kpis: readonly KpiValue[];
  readonly accounts: readonly AccountSnapshot[];
}
