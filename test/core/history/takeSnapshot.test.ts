import { describe, expect, it } from "vitest";
import {
  accountAt,
  portfolioOptions,
  SEGMENTS_2X2,
  takeSnapshot,
  type AccountMetrics,
  type AccountTable,
  type Kpi,
} from "../../../src/core";

// Five accepted accounts of an Accounts sheet (0-based sheet rows 4, 7, 8, 11, 12), rated on two criteria, the second
// with a blank header, weighted 3 and 1 on the default 1–5 scale.
const table = (over: Partial<AccountTable> = {}): AccountTable => ({
  sheet: "Accounts",
  count: 5,
  sourceRows: Int32Array.of(4, 7, 8, 11, 12),
  labels: { account: ["Acme", null, "Cole", "Dyn", "Eve"] },
  numbers: { revenue: Float64Array.of(1000, Number.NaN, 250, 0, 90) },
  criteria: [
    { header: "Growth", weight: 3, values: Float64Array.of(5, 3, 2, Number.NaN, 7) },
    { header: "", weight: 1, values: Float64Array.of(1, Number.NaN, 5, Number.NaN, 2) },
  ],
  issues: [],
  summary: { read: 5, accepted: 5, rejected: 0, ignoredBlank: 0, ignoredTotals: 0 },
  ...over,
});

// Scores as KAM.SCORE gives them (see the parts below): 75, 50, 43.75; Dyn has no rating, Eve's 7 is off the scale.
const metrics: AccountMetrics = {
  active: Uint8Array.of(1, 1, 1, 1, 1),
  attractiveness: Float64Array.of(75, 50, 43.75, Number.NaN, Number.NaN),
  strength: Float64Array.of(80, 20, 60, Number.NaN, 55),
  // Strategic (top-left), Streamline, Star; −1 where a score is missing
  segment: Int8Array.of(0, 3, 1, -1, -1),
  margin: new Float64Array(5).fill(Number.NaN),
  clv: new Float64Array(5).fill(Number.NaN),
  revenueChange: new Float64Array(5).fill(Number.NaN),
  atRisk: new Uint8Array(5),
};

const kpis: Kpi[] = [
  { id: "Accounts", label: "Active key accounts", format: "count", value: 5 },
  { id: "NRR", label: "Net revenue retention", format: "percent", value: 1.04 },
  { id: "ChurnRate", label: "Churn rate", format: "percent", value: undefined, reason: "needs a status column" },
];

/** A blank number, as the snapshot holds it. */
const __ = Number.NaN;

describe("takeSnapshot", () => {
  const t = table();
  const options = () => portfolioOptions(t, { criteriaWeights: [3, 1] });
  const snapshot = (opts = options()) => takeSnapshot("2026-12-02T09:30:00.000Z", t, opts, metrics, kpis);

  it("names the criteria by header, a blank header by its position, and keeps the KPIs that have a value", () => {
    const snap = snapshot();
    expect(snap.label).toBe("2026-12-02T09:30:00.000Z");
    expect(snap.criteria).toEqual(["Growth", "Criterion 2"]);
    expect(snap.kpis).toEqual([
      { kpi: "KPI_Accounts", value: 5 },
      { kpi: "KPI_NRR", value: 1.04 },
    ]);
  });

  it("names each account, an unnamed one by its sheet row, and gives its segment's name as the quadrant", () => {
    const snap = snapshot();
    expect(snap.accounts.count).toBe(5);
    expect(snap.accounts.account).toEqual(["Acme", "Row 8", "Cole", "Dyn", "Eve"]);
    expect(snap.accounts.quadrant).toEqual(["Strategic", "Streamline", "Star", null, null]);
    expect(Array.from(snap.accounts.attractiveness)).toEqual([75, 50, 43.75, __, __]);
    expect(Array.from(snap.accounts.strength)).toEqual([80, 20, 60, __, 55]);
  });

  it("splits each score into its criteria's parts, blank for a blank rating and for a row the score refuses", () => {
    const snap = snapshot();
    // part_j = 100·w_j·(x_j − 1)/(4·Σw over the rated criteria):
    //   Acme [5, 1]: Σw 4 → 100·3·4/16 = 75, 0;   row 8 [3, —]: Σw 3 → 100·3·2/12 = 50, blank;
    //   Cole [2, 5]: 100·3·1/16 = 18.75, 100·1·4/16 = 25;   Dyn: no rating;   Eve: 7 is outside 1–5.
    expect(snap.accounts.parts.map((p) => Array.from(p))).toEqual([
      [75, 50, 18.75, __, __],
      [0, __, 25, __, __],
    ]);
    // the parts of a scored account add up to its attractiveness
    for (const i of [0, 1, 2]) {
      const a = accountAt(snap.accounts, i);
      expect(a.parts.reduce<number>((s, x) => s + (x ?? 0), 0)).toBe(a.attractiveness);
    }
  });

  it("takes the revenue as read and, without a product block, the revenue (blank as 0) as total account value", () => {
    const opts = options();
    const snap = snapshot(opts);
    expect(snap.accounts.revenue).toBe(t.numbers.revenue);
    expect(Array.from(snap.accounts.totalValue)).toEqual([1000, 0, 250, 0, 90]);
    const withTotals = takeSnapshot("x", t, opts, metrics, [], Float64Array.of(1100, 40, 300, 7, 90));
    expect(Array.from(withTotals.accounts.totalValue)).toEqual([1100, 40, 300, 7, 90]);
    expect(withTotals.kpis).toEqual([]);
  });

  it("without account names or a revenue column: rows by sheet row, revenue and total value blank", () => {
    const bare = table({ labels: {}, numbers: {} });
    const s = takeSnapshot("x", bare, options(), metrics, kpis);
    expect(s.accounts.account).toEqual(["Row 5", "Row 8", "Row 9", "Row 12", "Row 13"]);
    expect(Array.from(s.accounts.revenue)).toEqual([__, __, __, __, __]);
    expect(Array.from(s.accounts.totalValue)).toEqual([__, __, __, __, __]);
  });

  it("gives no quadrant for a segment the options do not name, and no parts without criteria", () => {
    const few = { ...options(), segments: SEGMENTS_2X2.slice(0, 2) };
    expect(takeSnapshot("x", t, few, metrics, []).accounts.quadrant).toEqual(["Strategic", null, "Star", null, null]);
    const unrated = table({ criteria: [] });
    const s = takeSnapshot("x", unrated, portfolioOptions(unrated), metrics, []);
    expect(s.criteria).toEqual([]);
    expect(s.accounts.parts).toEqual([]);
    expect(s.accounts.account).toEqual(["Acme", "Row 8", "Cole", "Dyn", "Eve"]);
  });
});
