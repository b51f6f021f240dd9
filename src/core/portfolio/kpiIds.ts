/**
 * The key-account KPIs of the dashboard, by the workbook defined name each one gets (`KPI_ChurnRate`), in the order
 * the dashboard lists them. Kept apart from their computation so the saved settings can name targets by id.
 */
export const KPI_IDS = [
  "Accounts",
  "RetentionRate",
  "ChurnRate",
  "GRR",
  "NRR",
  "RevenueGrowth",
  "NPS",
  "ProductsPerAccount",
  "CLV",
  "CustomerEquity",
  "AtRisk",
] as const;
export type KpiId = (typeof KPI_IDS)[number];

/** Direction of good: lower churn is better, higher everything else. */
export const LOWER_IS_BETTER: ReadonlySet<KpiId> = new Set(["ChurnRate", "AtRisk"]);
