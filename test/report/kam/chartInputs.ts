/**
 * What the Portfolio Matrix's chart builders (matrixChart.ts, partsChart.ts) take, for a small table worked by hand:
 * the validated table and options as prepareReport reads them, the core's metrics, the Accounts layout and the KAM
 * Inputs references, as buildReport wires them.
 */
import type { Cell } from "../../../samples/telecomAccounts";
import { portfolioKpis, type AccountMetrics, type KpiId } from "../../../src/core";
import { accountsLayout } from "../../../src/report/kam/accountsSheet";
import { inputsSheet } from "../../../src/report/kam/inputsSheet";
import { accountsForReport } from "../../../src/report/kam/prepareReport";

/** Four accounts, Borealis churned; Cygnus has no Strategic fit rating. Scores (1–5 scale, equal weights, strength
 * from the relationship alone): Atlas 75 / 75, Borealis 100 / 25, Cygnus 50 / 100, Draco 0 / 0. */
export const CHART_TABLE: Cell[][] = [
  ["Account", "Status", "Revenue FY25", "Relationship strength", "Growth potential", "Strategic fit", "Budget"],
  ["Atlas", "Active", 1000, 4, 5, 4, 3],
  ["Borealis", "Churned", 500, 2, 5, 5, 5],
  ["Cygnus", "Active", 800, 5, 2, null, 4],
  ["Draco", "Active", 300, 1, 1, 1, 1],
];

/** The table's columns without those headed `drop`. */
export const without = (values: Cell[][], ...drop: string[]): Cell[][] => {
  const keep = values[0].flatMap((h, j) => (drop.includes(String(h)) ? [] : [j]));
  return values.map((row) => keep.map((j) => row[j]));
};

/** The chart builders' inputs for a table, as buildReport makes them. */
export function chartInputs(values: Cell[][] = CHART_TABLE) {
  const { table, options } = accountsForReport({ sheet: "Account Data", top: 0, left: 0, values });
  const { kpis, metrics } = portfolioKpis(table, options);
  const layout = accountsLayout(table, options);
  const labels = Object.fromEntries(kpis.map((k) => [k.id, k.label])) as Record<KpiId, string>;
  const inputs = inputsSheet(table, options, labels, undefined).refs;
  return { table, options, metrics, layout, inputs };
}

/** Metrics with the given activity and scores (the rest blank), for choosing accounts. */
export function scoresOf(active: number[], attractiveness: number[], strength = attractiveness): AccountMetrics {
  const blank = () => new Float64Array(active.length).fill(Number.NaN);
  return {
    active: Uint8Array.from(active),
    attractiveness: Float64Array.from(attractiveness),
    strength: Float64Array.from(strength),
    segment: new Int8Array(active.length).fill(-1),
    margin: blank(),
    clv: blank(),
    revenueChange: blank(),
    atRisk: new Uint8Array(active.length),
  };
}
