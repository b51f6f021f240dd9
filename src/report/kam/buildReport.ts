import {
  portfolioKpis,
  type AccountMetrics,
  takeSnapshot,
  type AccountTable,
  type HistoryTables,
  type Kpi,
  type KpiId,
  type PortfolioOptions,
  type RevenuePeriod,
  type Snapshot,
} from "../../core";
import type { WorkbookPlan } from "../plan";
import { accountsLayout, accountsSheet } from "./accountsSheet";
import { dashboardSheet } from "./dashboardSheet";
import { historySheet, snapshotTotals } from "./historySheet";
import { inputsSheet } from "./inputsSheet";
import { issuesSheet } from "./issuesSheet";
import { kpiFormula } from "./kpiFormulas";
import { matrixSheet } from "./matrixSheet";
import { withProgress } from "./progressSection";
import { whitespaceSheet, type WhitespaceReport } from "./whitespaceSheet";

export interface ReportRequest {
  readonly table: AccountTable;
  readonly options: PortfolioOptions;
  /** Both sheets (default), or one; the Accounts, KAM Inputs and Issues sheets come with either. */
  readonly only?: "matrix" | "dashboard";
  /** The analyst's header per field ("Revenue FY25"), to head the Accounts columns as they know them. */
  readonly headers?: Readonly<Partial<Record<string, string>>>;
  /** Revenue by year where the table has three years or more (core: revenuePeriods): a trend on the dashboard. */
  readonly periods?: readonly RevenuePeriod[];
  /** The KAM History tables of an earlier build, as read (checked with snapshotsFromRows): carried forward. */
  readonly history?: HistoryTables;
  /** This build's snapshot label: its date and time as ISO text (default: now). */
  readonly snapshotLabel?: string;
}

export interface Report {
  readonly plan: WorkbookPlan;
  /** The core's KPIs: the same numbers the sheets' formulas compute, for the taskpane, `kam --json` and tests. */
  readonly kpis: readonly Kpi[];
  readonly metrics: AccountMetrics;
  /** The whitespace analysis the Whitespace sheet computes (core whitespace); absent without a product block. */
  readonly whitespace?: WhitespaceReport["result"];
  /** The KAM History's snapshots, oldest first, this build's last (issue 19, part 3). */
  readonly snapshots: readonly Snapshot[];
  /** What was left out and why, one sentence each, for the taskpane's MessageBar and the command line. */
  readonly notes: readonly string[];
}

/**
 * The KAM workbook for validated accounts: KPI Dashboard, Portfolio Matrix, Whitespace (with the dashboard, where the
 * table has a product block), Accounts (the KamAccounts table with the computed columns), KAM Inputs and Issues. Every number on the generated sheets is a native formula over the
 * Accounts sheet and the inputs, so the workbook computes without the add-in; the core computes the same numbers.
 */
export function buildReport(request: ReportRequest): Report {
  const { table, options } = request;
  if (table.count === 0) throw new Error("No account was accepted: there is nothing to report (see the issues).");
  const { kpis, metrics } = portfolioKpis(table, options);
  const retentionKnown = kpis.find((k) => k.id === "RetentionRate")?.value !== undefined;
  const periods = request.periods ?? [];
  const layout = accountsLayout(table, options, request.headers, { clv: retentionKnown }, periods);
  const labels = Object.fromEntries(kpis.map((k) => [k.id, k.label])) as Record<KpiId, string>;
  const inputs = inputsSheet(
    table,
    options,
    labels,
    retentionKnown ? kpiFormula("RetentionRate", layout, table) : undefined,
  );
  const notes: string[] = [];
  const sheets = [];
  const names = [];
  // Whitespace comes with the dashboard, whose products chart may count the products it finds owned.
  const whitespace = request.only === "matrix" ? undefined : whitespaceSheet(table, layout);
  if (request.only !== "matrix" && !whitespace) {
    notes.push('Whitespace left out: needs product revenue columns, one per product ("Product: Connectivity", …).');
  }
  const snapshot = takeSnapshot(
    request.snapshotLabel ?? new Date().toISOString(),
    table,
    options,
    metrics,
    kpis,
    snapshotTotals(table, whitespace?.result),
  );
  const history = historySheet(snapshot, request.history);
  if (request.only !== "matrix") {
    const owned = whitespace && { range: whitespace.productsOwned, counts: whitespace.result.owned };
    const dashboard = dashboardSheet(table, options, kpis, layout, inputs.refs, periods, owned);
    sheets.push(withProgress(dashboard.sheet, kpis, history.snapshots).sheet);
    names.push(...dashboard.names);
    notes.push(...dashboard.notes);
  }
  if (request.only !== "dashboard") {
    const matrix = matrixSheet(table, options, metrics, layout, inputs.refs);
    sheets.push(matrix.sheet);
    notes.push(...matrix.notes);
  }
  if (whitespace) {
    sheets.push(whitespace.sheet);
    notes.push(...whitespace.notes);
  }
  sheets.push(accountsSheet(table, options, layout, inputs.refs, periods), inputs.sheet, issuesSheet(table));
  sheets.push(history.sheet);
  notes.push(...history.notes);
  const snapshots = history.snapshots;
  return {
    plan: { sheets, names },
    kpis,
    metrics,
    notes,
    snapshots,
    ...(whitespace ? { whitespace: whitespace.result } : {}),
  };
}
