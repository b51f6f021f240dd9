/**
 * The KPIs and account metrics at the edges of their definitions (issue 21, item 5: the mutation run found these
 * branches untested): which accounts are at the start, when a KPI has nothing to be computed over and says why, and
 * the account-level NPS and margin amounts. Tables are built column by column, so each case holds only the columns it
 * is about; every expected value is worked by hand in the comment beside it.
 */
import { describe, expect, it } from "vitest";
import { portfolioOptionsWith } from "../../fixtures/portfolioOptions";
import {
  accountMetrics,
  activeFlags,
  portfolioKpis,
  type AccountTable,
  type Kpi,
  type NumberField,
} from "../../../src/core";

const NaN_ = Number.NaN;

interface Columns extends Partial<Record<NumberField, number[]>> {
  status?: number[];
  npsScale?: "survey" | "account";
  marginBasis?: "percent" | "amount";
  criteria?: number[][];
}

/** An AccountTable holding only the columns given (status: 1 churned, 0 active, −1 blank). */
function table(count: number, c: Columns): AccountTable {
  const numbers: Partial<Record<NumberField, Float64Array>> = {};
  for (const f of ["revenue", "priorRevenue", "grossMargin", "nps", "products", "relationship", "shareOfWallet"]) {
    const values = c[f as NumberField];
    if (values) numbers[f as NumberField] = Float64Array.from(values);
  }
  return {
    sheet: "S",
    count,
    sourceRows: Int32Array.from({ length: count }, (_, i) => i + 1),
    labels: {},
    numbers,
    status: c.status ? Int8Array.from(c.status) : undefined,
    criteria: (c.criteria ?? []).map((values, j) => ({
      header: `C${j + 1}`,
      weight: 1,
      values: Float64Array.from(values),
    })),
    npsScale: c.npsScale,
    marginBasis: c.marginBasis,
    issues: [],
    summary: { read: count, accepted: count, rejected: 0, ignoredBlank: 0, ignoredTotals: 0 },
  };
}

/** The options with two criteria weighted 1 and 1, built inside each test that reads them. */
const options = () => portfolioOptionsWith([1, 1]);

const byId = (kpis: readonly Kpi[]) => Object.fromEntries(kpis.map((k) => [k.id, k]));
const reasons = (kpis: readonly Kpi[]) =>
  Object.fromEntries(kpis.filter((k) => k.value === undefined).map((k) => [k.id, k.reason]));

describe("portfolioKpis: the list", () => {
  it("gives every KPI once, in the dashboard's order, with its label and format, and no reason beside a value", () => {
    // Two active accounts, both at the start: prior 100 and 100, revenue 110 and 90, NPS 9 and 7, products 2 and 4,
    // margin 10% and 20%. Retention 2/2; GRR (100 + 90)/200; NRR 200/200; growth 200/200 − 1; NPS (1 − 0)/2 = 50;
    // products 3; CLV of 11 and 18 at r = 1, d = 0.1: m/(1.1 − 1) = 110 and 180; at risk: none (90 is 10% down, not
    // more, and 7 is a passive).
    const t = table(2, {
      revenue: [110, 90],
      priorRevenue: [100, 100],
      nps: [9, 7],
      products: [2, 4],
      grossMargin: [0.1, 0.2],
    });
    const kpis = portfolioKpis(t, options()).kpis.map((k) =>
      k.value === undefined ? k : { ...k, value: Math.round(k.value * 1e9) / 1e9 },
    );
    expect(kpis).toStrictEqual([
      { id: "Accounts", label: "Active key accounts", format: "count", value: 2 },
      { id: "RetentionRate", label: "Retention rate", format: "percent", value: 1 },
      { id: "ChurnRate", label: "Churn rate", format: "percent", value: 0 },
      { id: "GRR", label: "Gross revenue retention", format: "percent", value: 0.95 },
      { id: "NRR", label: "Net revenue retention", format: "percent", value: 1 },
      { id: "RevenueGrowth", label: "Revenue growth", format: "percent", value: 0 },
      { id: "NPS", label: "NPS", format: "number", value: 50 },
      { id: "ProductsPerAccount", label: "Products per account", format: "number", value: 3 },
      { id: "CLV", label: "Average CLV", format: "money", value: 145 },
      { id: "CustomerEquity", label: "Customer equity (Σ CLV)", format: "money", value: 290 },
      { id: "AtRisk", label: "Accounts at risk", format: "count", value: 0 },
    ]);
  });
});

describe("portfolioKpis: the accounts at the start", () => {
  it("are those with a prior revenue above 0: a prior of 0 is a new account, as a blank one is", () => {
    // No status column: active where revenue > 0 → [1, 0, 1, 1]. At start: rows 2 and 4 (prior 100, 50); row 2 has no
    // revenue, so churned: retention 1/2. Row 1 (prior 0) is new: counted, it would give 2/3.
    const t = table(4, { priorRevenue: [0, 100, NaN_, 50], revenue: [10, 0, 5, 60] });
    const k = byId(portfolioKpis(t, options()).kpis);
    expect(k.Accounts.value).toBe(3);
    expect(k.RetentionRate.value).toBe(0.5);
    expect(k.ChurnRate.value).toBe(0.5);
    // GRR: (min(0, 100) + min(60, 50)) / 150; NRR: (0 + 60) / 150; growth: (10 + 0 + 5 + 60) / (0 + 100 + 50) − 1
    expect(k.GRR.value).toBeCloseTo(50 / 150, 12);
    expect(k.NRR.value).toBeCloseTo(60 / 150, 12);
    expect(k.RevenueGrowth.value).toBeCloseTo(-0.5, 12);
  });

  it("with none at the start, each KPI that divides by them says so, and CLV repeats why", () => {
    // priors 0 and blank: nobody at the start; their sum is 0
    const t = table(2, { priorRevenue: [0, NaN_], revenue: [10, 20], grossMargin: [0.5, 0.5] });
    expect(reasons(portfolioKpis(t, options()).kpis)).toEqual({
      RetentionRate: "no account has a prior revenue above 0",
      ChurnRate: "no account has a prior revenue above 0",
      GRR: "no account has a prior revenue above 0: there is no revenue at the start.",
      NRR: "no account has a prior revenue above 0: there is no revenue at the start.",
      RevenueGrowth: "the prior revenues add up to 0",
      NPS: "needs an NPS column (0–10 answers or an account NPS)",
      ProductsPerAccount:
        'needs a Products column (products or modules in use), or product revenue columns ("Product: name")',
      CLV: "needs the retention rate, which is not available: no account has a prior revenue above 0",
      CustomerEquity: "needs the retention rate, which is not available: no account has a prior revenue above 0",
    });
  });

  it("need a Status or a Revenue column to tell who churned", () => {
    const t = table(2, { priorRevenue: [100, 50], grossMargin: [0.2, 0.3], nps: [3, 9] });
    const why = "needs a Status column or a Revenue column (an account without revenue has churned)";
    expect(reasons(portfolioKpis(t, options()).kpis)).toEqual({
      RetentionRate: why,
      ChurnRate: why,
      GRR: "needs a Revenue column",
      NRR: "needs a Revenue column",
      RevenueGrowth: "needs a Revenue column",
      // by the definition, an account without a status or revenue reads as churned: no active answer is left
      NPS: "no active account has an NPS answer",
      ProductsPerAccount:
        'needs a Products column (products or modules in use), or product revenue columns ("Product: name")',
      CLV: `needs the retention rate, which is not available: ${why}`,
      CustomerEquity: `needs the retention rate, which is not available: ${why}`,
    });
  });

  it("read a blank status as active, and a status column over revenue", () => {
    // status: churned, active, blank; revenue 0 on the active one does not make it churned when a status is given
    const t = table(3, { status: [1, 0, -1], revenue: [50, 0, 30], priorRevenue: [40, 40, 40] });
    expect(Array.from(activeFlags(t))).toEqual([0, 1, 1]);
    const k = byId(portfolioKpis(t, options()).kpis);
    expect(k.RetentionRate.value).toBe(2 / 3);
    // the churned account's 50 counts 0: NRR (0 + 0 + 30) / 120
    expect(k.NRR.value).toBe(30 / 120);
  });
});

describe("portfolioKpis: nothing to average", () => {
  it("CLV without an active account that has a margin, products and NPS without an active account's value", () => {
    // row 1 active without margin, products or answer; row 2 churned with all three
    const t = table(2, {
      status: [0, 1],
      revenue: [100, 100],
      priorRevenue: [100, 100],
      grossMargin: [NaN_, 0.3],
      products: [NaN_, 2],
      nps: [NaN_, 0],
    });
    const r = reasons(portfolioKpis(t, options()).kpis);
    expect(r.CLV).toBe("no active account has a gross margin");
    expect(r.CustomerEquity).toBe("no active account has a gross margin");
    expect(r.ProductsPerAccount).toBe("no active account has a value");
    expect(r.NPS).toBe("no active account has an NPS answer");
  });

  it("NPS counts the active accounts' answers only", () => {
    // active 10 and 9, churned 0: NPS 100 (with the churned detractor it would be 100·(2 − 1)/3)
    const t = table(3, { status: [0, 0, 1], nps: [10, 9, 0] });
    expect(byId(portfolioKpis(t, options()).kpis).NPS.value).toBe(100);
  });

  it("an account-level NPS is averaged over the active accounts that have one", () => {
    // −20 and 40 active, 90 churned, one blank: (−20 + 40) / 2
    const t = table(4, { status: [0, 0, 1, 0], nps: [-20, 40, 90, NaN_], npsScale: "account" });
    expect(byId(portfolioKpis(t, options()).kpis).NPS.value).toBe(10);
  });
});

describe("portfolioKpis: accounts at risk", () => {
  it("is available from NPS answers alone, or from revenue and prior revenue alone", () => {
    const opts = options();
    const answers = table(2, { status: [0, 0], nps: [5, 9] }); // 5 is a detractor
    expect(byId(portfolioKpis(answers, opts).kpis).AtRisk.value).toBe(1);
    // 80 is 20% below 100 (more than the 10% threshold); 95 is 5% below
    const revenues = table(2, { revenue: [80, 95], priorRevenue: [100, 100] });
    expect(byId(portfolioKpis(revenues, opts).kpis).AtRisk.value).toBe(1);
    const revenueOnly = table(2, { revenue: [80, 95] });
    expect(reasons(portfolioKpis(revenueOnly, opts).kpis).AtRisk).toBe(
      "needs an NPS column, or Revenue and Prior revenue columns",
    );
  });
});

describe("accountMetrics at the edges", () => {
  it("prior revenue without a revenue column marks no account at risk: there is no revenue to compare", () => {
    const t = table(3, { status: [0, 0, 0], priorRevenue: [100, 0, NaN_] });
    expect(Array.from(accountMetrics(t, options(), undefined).atRisk)).toEqual([0, 0, 0]);
  });

  it("an account NPS below 0 is unhappy, not one of 6 or less", () => {
    const t = table(3, { status: [0, 0, 0], nps: [5, -1, 0], npsScale: "account" });
    expect(Array.from(accountMetrics(t, options(), undefined).atRisk)).toEqual([0, 1, 0]);
  });

  it("a margin given as an amount needs no revenue; a percentage does", () => {
    const opts = options();
    const amount = table(2, { grossMargin: [30, NaN_], marginBasis: "amount" });
    expect(Array.from(accountMetrics(amount, opts, undefined).margin)).toEqual([30, NaN_]);
    const percent = table(1, { grossMargin: [0.3], marginBasis: "percent" });
    expect(Array.from(accountMetrics(percent, opts, undefined).margin)).toEqual([NaN_]);
    // with revenue: 200 × 30%
    const withRevenue = table(1, { grossMargin: [0.3], revenue: [200], marginBasis: "percent" });
    expect(accountMetrics(withRevenue, opts, undefined).margin[0]).toBeCloseTo(60, 12);
  });

  it("CLV needs the retention rate, an active account and a margin", () => {
    // margin 30 at r = 0.8, d = 0.1: 30·0.8/(1.1 − 0.8) = 80; the churned account has none
    const t = table(2, { status: [0, 1], grossMargin: [30, 30], marginBasis: "amount" });
    const opts = options();
    expect(Array.from(accountMetrics(t, opts, 0.8).clv).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([80, NaN_]);
    expect(Array.from(accountMetrics(t, opts, undefined).clv)).toEqual([NaN_, NaN_]);
  });

  it("revenue change only where the prior revenue is above 0", () => {
    // 120/100 − 1; prior 0 and prior blank: no change to show
    const t = table(3, { revenue: [120, 50, 50], priorRevenue: [100, 0, NaN_] });
    const change = Array.from(accountMetrics(t, options(), undefined).revenueChange);
    expect(change[0]).toBeCloseTo(0.2, 12);
    expect(change.slice(1)).toEqual([NaN_, NaN_]);
  });

  it("no criteria: no attractiveness and no segment; strength from the share of wallet alone", () => {
    // share of wallet 0.4 on a 0–1 scale, no relationship column: strength 100 · 0.4
    const t = table(1, { shareOfWallet: [0.4] });
    const m = accountMetrics(t, options(), undefined);
    expect(Array.from(m.attractiveness)).toEqual([NaN_]);
    expect(m.strength[0]).toBeCloseTo(40, 12);
    expect(Array.from(m.segment)).toEqual([-1]);
  });

  it("a share of wallet written as a percentage number is divided by 100", () => {
    // 40 on the 0–100 scale is 0.4 of the wallet: strength 100 · 0.4
    const t = table(1, { shareOfWallet: [40] });
    const opts = options();
    const inPercent = { ...opts, strength: { ...opts.strength, shareOfWalletScale: 100 as const } };
    expect(accountMetrics(t, inPercent, undefined).strength[0]).toBeCloseTo(40, 12);
  });

  it("attractiveness from the criteria with the options' weights and scale; a row without ratings has none", () => {
    // weights 1, 1 on 1–5: ratings 5 and 3 → 100·(4 + 2)/(2·4) = 75; ratings blank and 1 → 0; both blank → none
    const t = table(3, {
      criteria: [
        [5, NaN_, NaN_],
        [3, 1, NaN_],
      ],
    });
    expect(Array.from(accountMetrics(t, options(), undefined).attractiveness)).toEqual([75, 0, NaN_]);
  });
});
