/**
 * The dashboard's KPIs and the Accounts sheet's metrics on a five-account table worked by hand, so each definition of
 * the KPI issue is pinned to a number (and the LibreOffice test pins the sheets to the core).
 *
 *      prior  revenue  status   NPS  products  margin  relationship  share  growth  fit
 *   A   100     120    Active    10      2       30%        5         50%      5     3
 *   B   200     150    Active     6      1       20%        3         20%      2     -
 *   C    50       -    Churned    -      3       40%        1         10%      1     1
 *   D     -      80    Active     8      -        -         -          -       4     4
 *   E   100      95    Active     9      4       25%        4          -       -     -
 */
import { describe, expect, it } from "vitest";
import {
  activeFlags,
  detectRatingScale,
  detectShareScale,
  portfolioKpis,
  portfolioOptions,
  type Kpi,
  type TableInput,
} from "../../../src/core";
import { prepareAccounts } from "../../../src/report/kam/prepareReport";

const HEADERS = [
  "Account",
  "Prior revenue",
  "Revenue",
  "Status",
  "NPS",
  "Products",
  "Gross margin",
  "Relationship strength",
  "Share of wallet",
  "Growth",
  "Fit",
];
const ROWS = [
  ["A", 100, 120, "Active", 10, 2, 0.3, 5, 0.5, 5, 3],
  ["B", 200, 150, "Active", 6, 1, 0.2, 3, 0.2, 2, null],
  ["C", 50, null, "Churned", null, 3, 0.4, 1, 0.1, 1, 1],
  ["D", null, 80, "Active", 8, null, null, null, null, 4, 4],
  ["E", 100, 95, "Active", 9, 4, 0.25, 4, null, null, null],
];

function run(headers = HEADERS, rows: unknown[][] = ROWS) {
  const input: TableInput = { sheet: "S", top: 0, left: 0, values: [headers, ...rows] };
  return prepareAccounts(input);
}

const value = (kpis: readonly Kpi[], id: Kpi["id"]) => kpis.find((k) => k.id === id)!;

/**
 * The worked example, computed inside each test (never in a describe body, which runs once at collection: a mutation
 * run switches its mutant on per test, so work done at collection would always see the unmutated code).
 */
function worked() {
  const { table, options } = run();
  return { table, options, ...portfolioKpis(table, options) };
}

describe("portfolioKpis on a table worked by hand", () => {
  it("reads the table as the worked example says", () => {
    const { table, options } = worked();
    expect(table.count).toBe(5);
    expect(table.criteria.map((c) => c.header)).toEqual(["Growth", "Fit"]);
    expect(options.strength.relationshipScale).toEqual({ min: 1, max: 5 });
    expect(options.strength.shareOfWalletScale).toBe(1);
    expect(Array.from(activeFlags(table))).toEqual([1, 1, 0, 1, 1]);
  });

  it("counts active accounts, retention and churn over the accounts at start (prior > 0)", () => {
    const { kpis } = worked();
    expect(value(kpis, "Accounts").value).toBe(4);
    expect(value(kpis, "RetentionRate").value).toBe(3 / 4); // A, B, E of A, B, C, E
    expect(value(kpis, "ChurnRate").value).toBe(1 / 4);
  });

  it("computes GRR, NRR and revenue growth with churned revenue at 0 and new accounts out of the base", () => {
    const { kpis } = worked();
    expect(value(kpis, "GRR").value).toBeCloseTo((100 + 150 + 0 + 95) / 450, 12);
    expect(value(kpis, "NRR").value).toBeCloseTo((120 + 150 + 0 + 95) / 450, 12);
    // D (new) counts in this year's revenue, not in the prior base; C (churned) counts 0.
    expect(value(kpis, "RevenueGrowth").value).toBeCloseTo((120 + 150 + 80 + 95) / 450 - 1, 12);
  });

  it("computes NPS over active answers, products per account, CLV and customer equity", () => {
    const { kpis } = worked();
    expect(value(kpis, "NPS").value).toBe(25); // promoters A, E; detractor B; of 4 answers
    expect(value(kpis, "ProductsPerAccount").value).toBeCloseTo(7 / 3, 12); // A 2, B 1, E 4
    const clv = (m: number) => (m * 0.75) / (1 + 0.1 - 0.75);
    const values = [clv(120 * 0.3), clv(150 * 0.2), clv(95 * 0.25)];
    expect(value(kpis, "CLV").value).toBeCloseTo(values.reduce((a, b) => a + b) / 3, 9);
    expect(value(kpis, "CustomerEquity").value).toBeCloseTo(
      values.reduce((a, b) => a + b),
      9,
    );
    expect(value(kpis, "AtRisk").value).toBe(1); // B: NPS 6 and revenue down 25%
  });

  it("computes each account's scores, segment, margin, CLV, revenue change and risk", () => {
    const { metrics } = worked();
    const nan = Number.NaN;
    expect(Array.from(metrics.attractiveness)).toEqual([75, 25, 0, 75, nan]);
    expect(Array.from(metrics.strength)).toEqual(
      [75, 35, 5, nan, 75].map((x) => (Number.isNaN(x) ? x : expect.closeTo(x, 12))),
    );
    expect(Array.from(metrics.segment)).toEqual([0, 3, 3, -1, -1]); // Strategic, Streamline, Streamline, -, -
    expect(Array.from(metrics.margin)).toEqual([expect.closeTo(36, 12), 30, 0, nan, 23.75]);
    expect(Number.isNaN(metrics.clv[2])).toBe(true); // churned: no CLV
    expect(Number.isNaN(metrics.clv[3])).toBe(true); // no margin
    expect(Array.from(metrics.revenueChange)).toEqual([
      expect.closeTo(0.2, 12),
      -0.25,
      -1,
      nan,
      expect.closeTo(-0.05, 12),
    ]);
    expect(Array.from(metrics.atRisk)).toEqual([0, 1, 0, 0, 0]);
  });

  it("puts an account whose revenue fell by more than the threshold at risk, and one at the threshold not", () => {
    const rows = ROWS.map((r) => [...r]);
    rows[4][4] = 10; // E: a promoter, so only revenue can put it at risk
    rows[4][2] = 89.9; // 10.1% down
    let m = portfolioKpis(run(HEADERS, rows).table, run(HEADERS, rows).options).metrics;
    expect(m.atRisk[4]).toBe(1);
    rows[4][2] = 90; // exactly 10% down: not "more than"
    m = portfolioKpis(run(HEADERS, rows).table, run(HEADERS, rows).options).metrics;
    expect(m.atRisk[4]).toBe(0);
  });

  it("moves the segments with the cut-offs: a score equal to the cut counts as high", () => {
    const { table, options } = worked();
    const cut = portfolioOptions(table, { ...options, cuts: { attractiveness: [75], strength: [75] } });
    expect(Array.from(portfolioKpis(table, cut).metrics.segment)).toEqual([0, 3, 3, -1, -1]);
    const higher = portfolioOptions(table, { ...options, cuts: { attractiveness: [75.1], strength: [20] } });
    expect(Array.from(portfolioKpis(table, higher).metrics.segment)).toEqual([2, 2, 3, -1, -1]); // Status, Status, Streamline
  });
});

describe("KPIs whose columns are missing", () => {
  it("are left out with the column that would bring them back, never 0", () => {
    const keep = ["Account", "Revenue", "Status"];
    const idx = keep.map((h) => HEADERS.indexOf(h));
    const { table, options } = run(
      keep,
      ROWS.map((r) => idx.map((j) => r[j])),
    );
    const { kpis } = portfolioKpis(table, options);
    const missing = Object.fromEntries(kpis.filter((k) => k.value === undefined).map((k) => [k.id, k.reason]));
    expect(missing).toEqual({
      RetentionRate: "needs a Prior revenue column (last year's revenue per account)",
      ChurnRate: "needs a Prior revenue column (last year's revenue per account)",
      GRR: "needs a Prior revenue column",
      NRR: "needs a Prior revenue column",
      RevenueGrowth: "needs a Prior revenue column",
      NPS: "needs an NPS column (0–10 answers or an account NPS)",
      ProductsPerAccount:
        'needs a Products column (products or modules in use), or product revenue columns ("Product: name")',
      CLV: "needs a Gross margin column",
      CustomerEquity: "needs a Gross margin column",
      AtRisk: "needs an NPS column, or Revenue and Prior revenue columns",
    });
    expect(kpis.find((k) => k.id === "Accounts")!.value).toBe(4);
  });

  it("without a status column, reads an account without revenue as churned", () => {
    const keep = ["Account", "Prior revenue", "Revenue"];
    const idx = keep.map((h) => HEADERS.indexOf(h));
    const { table, options } = run(
      keep,
      ROWS.map((r) => idx.map((j) => r[j])),
    );
    const { kpis } = portfolioKpis(table, options);
    expect(kpis.find((k) => k.id === "ChurnRate")!.value).toBe(1 / 4); // C has no revenue
  });
});

describe("scale detection", () => {
  it("reads a rating column's scale from its values", () => {
    const f = (xs: number[]) => detectRatingScale(Float64Array.from(xs));
    expect(f([1, 5, 3])).toEqual({ min: 1, max: 5 });
    expect(f([1, 7, Number.NaN])).toEqual({ min: 1, max: 10 });
    expect(f([0, 10])).toEqual({ min: 0, max: 10 });
    expect(f([0.2, 0.9])).toEqual({ min: 0, max: 1 });
    expect(f([12, 80])).toEqual({ min: 0, max: 100 });
    expect(f([Number.NaN])).toEqual({ min: 1, max: 5 });
    // The largest and smallest values wherever they stand, not the last one read.
    expect(f([1, 7, 3])).toEqual({ min: 1, max: 10 });
    expect(f([9, 0, 4])).toEqual({ min: 0, max: 10 });
    expect(f([0.5, 40, 0.2])).toEqual({ min: 0, max: 100 });
    // Each scale up to its largest value: 10 is still 1–10 when nothing is 0.
    expect(f([1, 10])).toEqual({ min: 1, max: 10 });
    // A 0 rules out 1–5 and 1–10 however small the largest value.
    expect(f([0, 3])).toEqual({ min: 0, max: 10 });
    // 1–5 and 1–10 are read from whole numbers only: ratings with fractions above 1 are taken as 0–100.
    expect(f([1.5, 4.5])).toEqual({ min: 0, max: 100 });
    expect(f([2, 7.5])).toEqual({ min: 0, max: 100 });
    // Negative ratings fit none of the rating scales.
    expect(f([-2, 3])).toEqual({ min: 0, max: 100 });
    // Fractions from 0 up to and including 1 are 0–1; a negative one is not.
    expect(f([0, 0.5])).toEqual({ min: 0, max: 1 });
    expect(f([0.25, 1])).toEqual({ min: 0, max: 1 });
    expect(f([-0.5, 0.5])).toEqual({ min: 0, max: 100 });
    expect(detectShareScale(Float64Array.from([0.2, 1]))).toBe(1);
    expect(detectShareScale(Float64Array.from([0.2, 35]))).toBe(100);
  });
});
