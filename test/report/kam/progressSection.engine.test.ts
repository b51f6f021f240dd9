/**
 * The Progress section's trend cells evaluated by HyperFormula over the KAM History sheet historySheet plans for three
 * builds (the fast check of what history.libreoffice.test.ts recalculates): each cell is the KPI's value in that
 * snapshot, 0 where 0 was recorded, blank where the snapshot has no value for the KPI. HyperFormula reads no table
 * references, so the test puts the table's columns in their place (KamHistoryKpis[Value] → 'KAM History'!$C$2:$C$n).
 */
import { describe, expect, it } from "vitest";
import { snapshotAccounts, type Kpi, type Snapshot } from "../../../src/core";
import { HISTORY_SHEET, historySheet, KPI_HISTORY_TABLE } from "../../../src/report/kam/historySheet";
import { withProgress } from "../../../src/report/kam/progressSection";
import type { PlanCell, SheetPlan } from "../../../src/report/plan";
import { historyTablesOf } from "../../support/historyTables";
import { withPlanEngine } from "../../support/planEngine";

const kpi = (id: Kpi["id"], label: string, format: Kpi["format"]): Kpi => ({ id, label, format, value: 1 });
const snapshot = (label: string, kpis: Record<string, number>): Snapshot => ({
  label,
  criteria: [],
  kpis: Object.entries(kpis).map(([k, value]) => ({ kpi: k, value })),
  accounts: snapshotAccounts([], 0),
});

/** The sheet with the KPI table's column references as ranges of the history sheet (rows 2 to the table's last). */
function withRanges(sheet: SheetPlan, last: number): SheetPlan {
  const columns: Record<string, string> = { Snapshot: "A", KPI: "B", Value: "C" };
  const cell = (c: PlanCell): PlanCell =>
    c !== null && typeof c === "object"
      ? {
          f: c.f.replace(
            new RegExp(`${KPI_HISTORY_TABLE}\\[(\\w+)\\]`, "g"),
            (_, name: string) => `'${HISTORY_SHEET}'!$${columns[name]}$2:$${columns[name]}$${last}`,
          ),
        }
      : c;
  return { ...sheet, blocks: sheet.blocks.map((b) => ({ ...b, rows: b.rows.map((r) => r.map(cell)) })) };
}

describe("the Progress section's trend cells in HyperFormula", () => {
  it("are each KPI's value in each snapshot, 0 where 0 was recorded, blank where none was", () => {
    const labels = ["2026-03-31T18:00:00.000Z", "2026-06-30T18:00:00.000Z", "2026-09-30T18:00:00.000Z"];
    const snapshots = [
      snapshot(labels[0], { KPI_Accounts: 40, KPI_NRR: 0.9 }),
      snapshot(labels[1], { KPI_NRR: 0, KPI_Accounts: 42, KPI_ChurnRate: 0.05 }),
      snapshot(labels[2], { KPI_Accounts: 45, KPI_NRR: 1.12, KPI_ChurnRate: 0.04 }),
    ];
    let history = historySheet(snapshots[0]);
    for (const s of snapshots.slice(1)) history = historySheet(s, historyTablesOf(history.sheet));
    const kpiRows = historyTablesOf(history.sheet).kpis.rows.length;
    expect(kpiRows).toBe(8);
    const kpis = [
      kpi("Accounts", "Active key accounts", "count"),
      kpi("NRR", "Net revenue retention", "percent"),
      kpi("ChurnRate", "Churn rate", "percent"),
    ];
    const dashboard: SheetPlan = { name: "KPI Dashboard", blocks: [{ at: "A1", rows: [["KPIs"]] }] };
    const { sheet, section } = withProgress(dashboard, kpis, history.snapshots);
    expect(section.trend).toEqual({
      firstRow: 7,
      labels,
      columns: { KPI_Accounts: "B", KPI_NRR: "C", KPI_ChurnRate: "D" },
    });
    withPlanEngine({ sheets: [withRanges(sheet, 1 + kpiRows), history.sheet] }, (e) => {
      const table = [7, 8, 9].map((r) => ["A", "B", "C", "D"].map((c) => e.value("KPI Dashboard", `${c}${r}`)));
      expect(table).toEqual([
        [labels[0], 40, 0.9, ""],
        [labels[1], 42, 0, 0.05],
        [labels[2], 45, 1.12, 0.04],
      ]);
    });
  });
});
