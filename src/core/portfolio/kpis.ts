import { npsFromAnswers } from "../nps";
import { revenueRetention } from "../revenueRetention";
import type { AccountTable } from "../accounts/validate";
import { accountMetrics, activeFlags, countedRevenue, type AccountMetrics } from "./metrics";
import type { KpiId } from "./kpiIds";
import type { PortfolioOptions } from "./options";

/** How a KPI is shown: a count, a share (stored as a fraction, shown as %), money, or a plain number. */
export type KpiFormat = "count" | "percent" | "money" | "number";

export interface Kpi {
  readonly id: KpiId;
  readonly label: string;
  readonly format: KpiFormat;
  /** undefined: not available, and `reason` says why (a missing column, or no account to compute it over). */
  readonly value: number | undefined;
  readonly reason?: string;
}

export interface PortfolioResult {
  readonly kpis: readonly Kpi[];
  readonly metrics: AccountMetrics;
}

const LABELS: Record<KpiId, [string, KpiFormat]> = {
  Accounts: ["Active key accounts", "count"],
  RetentionRate: ["Retention rate", "percent"],
  ChurnRate: ["Churn rate", "percent"],
  GRR: ["Gross revenue retention", "percent"],
  NRR: ["Net revenue retention", "percent"],
  RevenueGrowth: ["Revenue growth", "percent"],
  NPS: ["NPS", "number"],
  ProductsPerAccount: ["Products per account", "number"],
  CLV: ["Average CLV", "money"],
  CustomerEquity: ["Customer equity (Σ CLV)", "money"],
  AtRisk: ["Accounts at risk", "count"],
};

function kpi(id: KpiId, value: number | undefined, reason?: string): Kpi {
  const [label, format] = LABELS[id];
  return value === undefined ? { id, label, format, value, reason } : { id, label, format, value };
}

/**
 * The dashboard's KPIs over the accepted accounts, with the exact definitions of the KPI issue:
 * - At start: prior revenue > 0; churned: the status says so (without a status column, revenue blank or 0);
 *   a churned account's revenue counts as 0.
 * - Retention = (S − C)/S and churn = C/S, S accounts at start, C of them churned (Farris et al., Marketing Metrics:
 *   1 − KAM.CHURN(S, E, N)); GRR and NRR as core/revenueRetention.ts; revenue growth = Σ revenue over active accounts
 *   / Σ prior revenue over all − 1; NPS as core/nps.ts over active accounts (an account-level NPS: its mean);
 *   products per account: the mean over active accounts that have one (from the product block where no column
 *   counts them: products with revenue above 0); CLV: the mean of m·r/(1 + d − r) over
 *   active accounts with a margin (Gupta & Lehmann 2003), customer equity its sum; at risk: see AccountMetrics.
 * A KPI whose column is missing is undefined with the column named, never 0.
 */
export function portfolioKpis(table: AccountTable, options: PortfolioOptions): PortfolioResult {
  const { revenue, priorRevenue, nps, products, grossMargin } = table.numbers;
  const active = activeFlags(table);
  const n = table.count;
  const kpis: Kpi[] = [];
  let activeCount = 0;
  for (let i = 0; i < n; i++) activeCount += active[i];
  kpis.push(kpi("Accounts", activeCount));

  // The retention rate, or why it is not available: the CLV KPIs need it and repeat the reason.
  let retention: number | undefined;
  let churn = 0;
  let retentionWhy = "needs a Prior revenue column (last year's revenue per account)";
  if (priorRevenue && !table.status && !revenue) {
    retentionWhy = "needs a Status column or a Revenue column (an account without revenue has churned)";
  } else if (priorRevenue) {
    let atStart = 0;
    let churned = 0;
    for (let i = 0; i < n; i++) {
      if (!(priorRevenue[i] > 0)) continue;
      atStart++;
      if (!active[i]) churned++;
    }
    retentionWhy = "no account has a prior revenue above 0";
    if (atStart > 0) {
      retention = (atStart - churned) / atStart;
      churn = churned / atStart;
    }
  }
  if (retention === undefined) {
    kpis.push(kpi("RetentionRate", undefined, retentionWhy), kpi("ChurnRate", undefined, retentionWhy));
  } else kpis.push(kpi("RetentionRate", retention), kpi("ChurnRate", churn));

  if (!priorRevenue || !revenue) {
    const why = `needs ${!revenue ? "a Revenue column" : "a Prior revenue column"}`;
    kpis.push(kpi("GRR", undefined, why), kpi("NRR", undefined, why), kpi("RevenueGrowth", undefined, why));
  } else {
    const prior: (number | null)[] = new Array(n);
    const current: number[] = new Array(n);
    let priorSum = 0;
    let activeRevenue = 0;
    for (let i = 0; i < n; i++) {
      prior[i] = Number.isNaN(priorRevenue[i]) ? null : priorRevenue[i];
      current[i] = countedRevenue(table, active, i);
      if (!Number.isNaN(priorRevenue[i])) priorSum += priorRevenue[i];
      activeRevenue += current[i];
    }
    for (const id of ["GRR", "NRR"] as const) {
      const v = revenueRetention(prior, current, id === "GRR" ? "gross" : "net");
      kpis.push(kpi(id, typeof v === "number" ? v : undefined, typeof v === "number" ? undefined : v.message));
    }
    kpis.push(
      priorSum > 0
        ? kpi("RevenueGrowth", activeRevenue / priorSum - 1)
        : kpi("RevenueGrowth", undefined, "the prior revenues add up to 0"),
    );
  }

  kpis.push(npsKpi(table, active));
  kpis.push(
    meanKpi(
      "ProductsPerAccount",
      products ?? productsOwned(table),
      active,
      'needs a Products column (products or modules in use), or product revenue columns ("Product: name")',
    ),
  );

  const metrics = accountMetrics(table, options, retention);
  if (!grossMargin) {
    const why = "needs a Gross margin column";
    kpis.push(kpi("CLV", undefined, why), kpi("CustomerEquity", undefined, why));
  } else if (retention === undefined) {
    const why = `needs the retention rate, which is not available: ${retentionWhy}`;
    kpis.push(kpi("CLV", undefined, why), kpi("CustomerEquity", undefined, why));
  } else {
    let sum = 0;
    let count = 0;
    for (const v of metrics.clv) {
      if (Number.isNaN(v)) continue;
      sum += v;
      count++;
    }
    const why = "no active account has a gross margin";
    kpis.push(
      kpi("CLV", count > 0 ? sum / count : undefined, why),
      kpi("CustomerEquity", count > 0 ? sum : undefined, why),
    );
  }

  if (!nps && !(revenue && priorRevenue)) {
    kpis.push(kpi("AtRisk", undefined, "needs an NPS column, or Revenue and Prior revenue columns"));
  } else {
    let atRisk = 0;
    for (const f of metrics.atRisk) atRisk += f;
    kpis.push(kpi("AtRisk", atRisk));
  }
  return { kpis, metrics };
}

/**
 * Products owned per account from the product block (revenue above 0), where no column counts them: the cross-sell
 * ratio of the issue (19, part 2). Undefined without a block.
 */
function productsOwned(table: AccountTable): Float64Array | undefined {
  const block = table.productRevenue;
  if (!block || block.length === 0) return undefined;
  const owned = new Float64Array(table.count);
  for (const p of block) for (let i = 0; i < table.count; i++) if (p.values[i] > 0) owned[i]++;
  return owned;
}

function npsKpi(table: AccountTable, active: Uint8Array): Kpi {
  const nps = table.numbers.nps;
  if (!nps) return kpi("NPS", undefined, "needs an NPS column (0–10 answers or an account NPS)");
  if (table.npsScale === "account") return meanKpi("NPS", nps, active, "");
  const answers: number[] = [];
  for (let i = 0; i < table.count; i++) if (active[i] && !Number.isNaN(nps[i])) answers.push(nps[i]);
  const v = npsFromAnswers(answers);
  return typeof v === "number" ? kpi("NPS", v) : kpi("NPS", undefined, "no active account has an NPS answer");
}

function meanKpi(id: KpiId, values: Float64Array | undefined, active: Uint8Array, missing: string): Kpi {
  if (!values) return kpi(id, undefined, missing);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    if (!active[i] || Number.isNaN(values[i])) continue;
    sum += values[i];
    count++;
  }
  return count > 0 ? kpi(id, sum / count) : kpi(id, undefined, "no active account has a value");
}
