/**
 * A build's snapshot for the quarterly progress of a key-account programme (issue 19, part 3): every KPI value and,
 * per account, what places it in the portfolio (attractiveness, strength, quadrant), what it is worth (revenue, total
 * account value) and its attractiveness score split by criterion (core/scoreParts.ts), so that a move between two
 * snapshots can be explained. Plain data: the report writes snapshots as rows of the KAM History tables, and reads
 * earlier ones back from those rows (historyRows.ts).
 */

/** One account of a snapshot, as a row: what {@link accountAt} gives, and what {@link snapshotAccounts} takes. */
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

/**
 * A snapshot's accounts column by column, one entry per account in the table's order, NaN where a number is blank:
 * a million accounts are a few typed arrays (about 90 bytes an account), not a million objects (about 270), and the
 * KAM History sheet writes its new rows straight from these columns.
 */
export interface SnapshotAccounts {
  readonly count: number;
  readonly account: readonly string[];
  readonly attractiveness: Float64Array;
  readonly strength: Float64Array;
  readonly quadrant: readonly (string | null)[];
  readonly revenue: Float64Array;
  readonly totalValue: Float64Array;
  /** One column per criterion, in the order of {@link Snapshot.criteria}. */
  readonly parts: readonly Float64Array[];
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
  readonly accounts: SnapshotAccounts;
}

const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);
const orNaN = (x: number | null | undefined): number => (x === null || x === undefined ? Number.NaN : x);

/** Account i of a snapshot as a row (blanks as null). */
export function accountAt(accounts: SnapshotAccounts, i: number): AccountSnapshot {
  return {
    account: accounts.account[i],
    attractiveness: orNull(accounts.attractiveness[i]),
    strength: orNull(accounts.strength[i]),
    quadrant: accounts.quadrant[i],
    revenue: orNull(accounts.revenue[i]),
    totalValue: orNull(accounts.totalValue[i]),
    parts: accounts.parts.map((p) => orNull(p[i])),
  };
}

/** Accounts given as rows, in columns; each row's parts in the order of `criteria` criteria (blank where missing). */
export function snapshotAccounts(rows: readonly AccountSnapshot[], criteria: number): SnapshotAccounts {
  const column = (of: (a: AccountSnapshot) => number | null) => Float64Array.from(rows, (a) => orNaN(of(a)));
  return {
    count: rows.length,
    account: rows.map((a) => a.account),
    attractiveness: column((a) => a.attractiveness),
    strength: column((a) => a.strength),
    quadrant: rows.map((a) => a.quadrant),
    revenue: column((a) => a.revenue),
    totalValue: column((a) => a.totalValue),
    parts: Array.from({ length: criteria }, (_, j) => column((a) => a.parts[j] ?? null)),
  };
}
