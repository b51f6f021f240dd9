/**
 * The dashboard's Progress section as planned (issue 19, part 3): the trend table (a row per snapshot, the latest
 * TREND_SNAPSHOTS oldest first, a SUMIFS cell per KPI the current snapshot records), the line chart of the rates, the
 * quadrant moves since the previous snapshot (largest revenue first, at most MOVES_LISTED, a note when more), their
 * styles, row heights and the section's last row; lastRowOf and withProgress, which put it under the dashboard.
 * The trend formulas' values are checked in progressSection.engine.test.ts.
 */
import { describe, expect, it } from "vitest";
import { snapshotAccounts, type AccountSnapshot, type Kpi, type Snapshot } from "../../../src/core";
import { COLOURS, grid, header, note, section } from "../../../src/report/kam/look";
import {
  lastRowOf,
  MOVES_LISTED,
  progressSection,
  TREND_SNAPSHOTS,
  trendFormula,
  withProgress,
} from "../../../src/report/kam/progressSection";
import type { SheetPlan } from "../../../src/report/plan";

const CRITERIA = ["Growth", "Fit"];
const kpi = (id: Kpi["id"], label: string, format: Kpi["format"]): Kpi => ({ id, label, format, value: 1 });
const account = (
  name: string,
  quadrant: string | null,
  attractiveness: number | null,
  strength: number | null,
  parts: (number | null)[],
  revenue: number | null = 1000,
): AccountSnapshot => ({ account: name, attractiveness, strength, quadrant, revenue, totalValue: revenue, parts });
const snapshot = (label: string, kpis: readonly string[], accounts: AccountSnapshot[] = []): Snapshot => ({
  label,
  criteria: CRITERIA,
  kpis: kpis.map((k, i) => ({ kpi: k, value: i })),
  accounts: snapshotAccounts(accounts, CRITERIA.length),
});
const label = (i: number) => `2026-${String(i + 1).padStart(2, "0")}-01T00:00:00.000Z`;
const f = (row: number, name: string) => ({ f: trendFormula(`$A${row}`, name) });

describe("trendFormula", () => {
  it("is the KPI's value in the snapshot's row of KamHistoryKpis, blank where none is recorded", () => {
    expect(trendFormula("$A14", "KPI_NRR")).toBe(
      'IF(COUNTIFS(KamHistoryKpis[Snapshot],$A14,KamHistoryKpis[KPI],"KPI_NRR")=0,"",' +
        'SUMIFS(KamHistoryKpis[Value],KamHistoryKpis[Snapshot],$A14,KamHistoryKpis[KPI],"KPI_NRR"))',
    );
  });
});

describe("progressSection", () => {
  it("with one snapshot: the title, the sentence that trends come next, a one-row table of the KPIs it records", () => {
    const kpis = [
      kpi("Accounts", "Active key accounts", "count"),
      kpi("NPS", "NPS", "number"),
      kpi("NRR", "Net revenue retention", "percent"),
    ];
    // NPS is not recorded in the snapshot: no column.
    const s = progressSection(10, kpis, [snapshot("only", ["KPI_NRR", "KPI_Accounts"])]);
    expect(s.blocks).toEqual([
      { at: "A10", rows: [["Progress"]] },
      { at: "A11", rows: [["The first snapshot: trends appear from the next build."]] },
      {
        at: "A13",
        rows: [
          ["Snapshot", "Active key accounts", "Net revenue retention"],
          ["only", f(14, "KPI_Accounts"), f(14, "KPI_NRR")],
        ],
      },
    ]);
    expect(s.styles).toEqual([
      section("A10:L10"),
      note("A11"),
      header("A13:C13"),
      grid("A13:C14"),
      { range: "B14:B14", numberFormat: "#,##0" },
      { range: "C14:C14", numberFormat: "0.0%" },
    ]);
    expect(s.charts).toEqual([]);
    expect(s.rowHeights).toEqual({ 13: 30 });
    expect(s.bottom).toBe(14);
    expect(s.trend).toEqual({ firstRow: 14, labels: ["only"], columns: { KPI_Accounts: "B", KPI_NRR: "C" } });
  });

  it("takes at most 11 KPIs (to column L), and styles column A alone without any", () => {
    const ids: Kpi["id"][] = [
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
    ];
    const kpis = [...ids, "Accounts" as const].map((id, i) => kpi(id, `K${i}`, "count"));
    const s = progressSection(1, kpis, [
      snapshot(
        "a",
        ids.map((id) => `KPI_${id}`),
      ),
    ]);
    expect(s.blocks[2].rows[0]).toEqual(["Snapshot", ...ids.map((_, i) => `K${i}`)]);
    expect(s.styles.slice(2, 4)).toEqual([header("A4:L4"), grid("A4:L5")]);
    const none = progressSection(1, kpis, [snapshot("a", [])]);
    expect(none.blocks[2]).toEqual({ at: "A4", rows: [["Snapshot"], ["a"]] });
    expect(none.styles).toEqual([section("A1:L1"), note("A2"), header("A4:A4"), grid("A4:A5")]);
  });

  it("with two snapshots and no move or rate: the count, the table, no chart, the sentence that nothing moved", () => {
    const kpis = [kpi("Accounts", "Active key accounts", "count")];
    const same = [account("X", "Star", 50, 50, [25, 25])];
    const s = progressSection(
      5,
      kpis,
      [label(0), label(1)].map((l) => snapshot(l, ["KPI_Accounts"], same)),
    );
    expect(s.blocks).toEqual([
      { at: "A5", rows: [["Progress"]] },
      { at: "A6", rows: [["2 snapshots in KAM History; each build adds one."]] },
      {
        at: "A8",
        rows: [
          ["Snapshot", "Active key accounts"],
          [label(0), f(9, "KPI_Accounts")],
          [label(1), f(10, "KPI_Accounts")],
        ],
      },
      { at: "A12", rows: [[`No account changed quadrant since the previous snapshot (${label(0)}).`]] },
    ]);
    expect(s.styles).toEqual([
      section("A5:L5"),
      note("A6"),
      header("A8:B8"),
      grid("A8:B10"),
      { range: "B9:B10", numberFormat: "#,##0" },
      section("A12:F12"),
    ]);
    expect(s.charts).toEqual([]);
    expect(s.rowHeights).toEqual({ 8: 30 });
    expect(s.bottom).toBe(12);
    expect(s.trend).toEqual({ firstRow: 9, labels: [label(0), label(1)], columns: { KPI_Accounts: "B" } });
  });

  it("shows the latest snapshots, charts the rates, and lists the largest moves first, saying how many it leaves", () => {
    const kpis = [
      kpi("NRR", "Net revenue retention", "percent"),
      kpi("Accounts", "Active key accounts", "count"),
      kpi("ChurnRate", "Churn rate", "percent"),
      kpi("CLV", "Average CLV", "money"),
    ];
    const names = ["KPI_NRR", "KPI_Accounts", "KPI_ChurnRate", "KPI_CLV"];
    const count = TREND_SNAPSHOTS + 2;
    const moved = MOVES_LISTED + 2;
    // Revenue in a shuffled order, each account moved up by Growth (its part +20 of the +20 attractiveness).
    const revenue = (i: number) => ((i * 7) % moved) + 1;
    const before = Array.from({ length: moved }, (_, i) => account(`M${i}`, "Status", 40, 60, [20, 20], revenue(i)));
    const after = Array.from({ length: moved }, (_, i) => account(`M${i}`, "Strategic", 60, 60, [40, 20], revenue(i)));
    const snapshots = Array.from({ length: count }, (_, i) =>
      snapshot(label(i), names, i === count - 1 ? after : before),
    );
    const s = progressSection(20, kpis, snapshots);
    const shown = snapshots.slice(2).map((x) => x.label);
    expect(s.blocks[1]).toEqual({
      at: "A21",
      rows: [[`${count} snapshots in KAM History, the latest ${TREND_SNAPSHOTS} shown; each build adds one.`]],
    });
    const rows = shown.map((l, i) => [
      l,
      ...["KPI_NRR", "KPI_Accounts", "KPI_ChurnRate", "KPI_CLV"].map((k) => f(24 + i, k)),
    ]);
    expect(s.blocks[2]).toEqual({
      at: "A23",
      rows: [["Snapshot", "Net revenue retention", "Active key accounts", "Churn rate", "Average CLV"], ...rows],
    });
    // The table: rows 23 (header) to 35; the chart from row 37, 16 rows; the moves from row 55.
    expect(s.trend).toEqual({
      firstRow: 24,
      labels: shown,
      columns: { KPI_NRR: "B", KPI_Accounts: "C", KPI_ChurnRate: "D", KPI_CLV: "E" },
    });
    expect(s.charts).toEqual([
      {
        kind: "line",
        title: "Rates over the snapshots",
        from: "A37",
        to: "L53",
        series: [
          { name: "Net revenue retention", categories: "A24:A35", values: "B24:B35", color: "2E75B6" },
          { name: "Churn rate", categories: "A24:A35", values: "D24:D35", color: "C00000" },
        ],
        yAxis: { numberFormat: "0%" },
        legend: "bottom",
      },
    ]);
    const order = Array.from({ length: moved }, (_, i) => i).sort((a, b) => revenue(b) - revenue(a));
    expect(s.blocks.slice(3)).toEqual([
      {
        at: "A55",
        rows: [
          [
            `Accounts that changed quadrant since the previous snapshot (${label(count - 2)}): ${moved} in all, ` +
              `the ${MOVES_LISTED} with the most revenue listed`,
          ],
        ],
      },
      {
        at: "A56",
        rows: [
          ["Account", "From", "To", "Its part change", "Attractiveness change", "Moved by"],
          ...order.slice(0, MOVES_LISTED).map((i) => [`M${i}`, "Status", "Strategic", 20, 20, "Growth"]),
        ],
      },
    ]);
    expect(s.styles).toEqual([
      section("A20:L20"),
      note("A21"),
      header("A23:E23"),
      grid("A23:E35"),
      { range: "B24:B35", numberFormat: "0.0%" },
      { range: "C24:C35", numberFormat: "#,##0" },
      { range: "D24:D35", numberFormat: "0.0%" },
      { range: "E24:E35", numberFormat: '#,##0,"k";-#,##0,"k";0' },
      section("A55:F55"),
      header("A56:F56"),
      grid("A56:F81"),
      { range: "D57:E81", numberFormat: "+0.0;-0.0;0.0" },
      { range: "F57:F81", font: { bold: true, color: COLOURS.title } },
    ]);
    expect(s.rowHeights).toEqual({ 23: 30, 56: 30 });
    expect(s.bottom).toBe(81);
  });

  it("lists every move up to MOVES_LISTED with no note, and names Strength where the attractiveness held", () => {
    const kpis = [kpi("Accounts", "Active key accounts", "count")];
    const filler = (i: number) => account(`F${i}`, "Status", 40, 60, [20, 20], 100 - i);
    const before = [
      account("ByGrowth", "Status", 40, 60, [20, 20], 5000),
      account("ByStrength", "Status", 40, 40, [20, 20], 4000),
      account("Unscored", "Status", null, 60, [null, null], 3000),
      ...Array.from({ length: MOVES_LISTED - 3 }, (_, i) => filler(i)),
    ];
    const after = [
      account("ByGrowth", "Strategic", 70, 60, [50, 20], 5000),
      account("ByStrength", "Star", 40, 70, [20, 20], 4000),
      account("Unscored", "Strategic", 60, 60, [40, 20], 3000),
      ...Array.from({ length: MOVES_LISTED - 3 }, (_, i) => ({ ...filler(i), quadrant: "Streamline" })),
    ];
    const s = progressSection(1, kpis, [
      snapshot("p", ["KPI_Accounts"], before),
      snapshot("q", ["KPI_Accounts"], after),
    ]);
    // No rate: the moves two rows under the table (rows 4–6).
    expect(s.charts).toEqual([]);
    expect(s.blocks[3]).toEqual({
      at: "A8",
      rows: [[`Accounts that changed quadrant since the previous snapshot (p): ${MOVES_LISTED} in all`]],
    });
    expect(s.blocks[4].at).toBe("A9");
    expect(s.blocks[4].rows.slice(1, 4)).toEqual([
      ["ByGrowth", "Status", "Strategic", 30, 30, "Growth"],
      ["ByStrength", "Status", "Star", null, 0, "Strength"],
      ["Unscored", "Status", "Strategic", null, null, ""],
    ]);
    expect(s.blocks[4].rows[MOVES_LISTED]).toEqual([
      `F${MOVES_LISTED - 4}`,
      "Status",
      "Streamline",
      null,
      0,
      "Strength",
    ]);
    expect(s.blocks[4].rows.length).toBe(MOVES_LISTED + 1);
    expect(s.bottom).toBe(9 + MOVES_LISTED);
    expect(s.rowHeights).toEqual({ 4: 30, 9: 30 });
  });
});

describe("lastRowOf and withProgress", () => {
  const sheetOf = (extra: Partial<SheetPlan> = {}): SheetPlan => ({
    name: "KPI Dashboard",
    blocks: [
      { at: "A1", rows: [["Title"]] },
      { at: "B3", rows: [[1], [2], [3]] },
    ],
    ...extra,
  });

  it("lastRowOf: the lowest row of the blocks, the charts and the print area", () => {
    expect(lastRowOf(sheetOf())).toBe(5);
    expect(lastRowOf({ name: "E", blocks: [] })).toBe(0);
    const chart = { kind: "line" as const, title: "c", from: "A2", to: "H30", series: [] };
    expect(lastRowOf(sheetOf({ charts: [chart] }))).toBe(30);
    expect(lastRowOf(sheetOf({ charts: [{ ...chart, to: "H4" }] }))).toBe(5);
    expect(lastRowOf(sheetOf({ print: { area: "A1:L40" } }))).toBe(40);
    expect(lastRowOf(sheetOf({ print: { area: "A1:L2" } }))).toBe(5);
    expect(lastRowOf(sheetOf({ print: { landscape: true } }))).toBe(5);
    // A print area of whole columns has no last row of its own.
    expect(lastRowOf(sheetOf({ print: { area: "A:L" } }))).toBe(5);
  });

  it("withProgress: the section two rows under the sheet, merged into it, its print area to the section's bottom", () => {
    const kpis = [kpi("Accounts", "Active key accounts", "count")];
    const snapshots = [snapshot("only", ["KPI_Accounts"])];
    const base = sheetOf({ styles: [note("A1")], rowHeights: { 1: 40 }, print: { area: "A1:L5", landscape: true } });
    const { sheet, section: s } = withProgress(base, kpis, snapshots);
    expect(s).toEqual(progressSection(7, kpis, snapshots));
    expect(sheet).toEqual({
      ...base,
      blocks: [...base.blocks, ...s.blocks],
      styles: [note("A1"), ...s.styles],
      charts: [],
      rowHeights: { 1: 40, 10: 30 },
      print: { area: "A1:L11", landscape: true },
    });
    const plain = withProgress(sheetOf(), kpis, snapshots).sheet;
    expect(plain.print).toBeUndefined();
    expect("print" in plain).toBe(false);
    expect(plain.styles).toEqual(s.styles);
    expect(plain.rowHeights).toEqual({ 10: 30 });
    const chart = { kind: "line" as const, title: "c", from: "A2", to: "H30", series: [] };
    const charted = withProgress(sheetOf({ charts: [chart] }), kpis, snapshots);
    expect(charted.section.blocks[0].at).toBe("A32");
    expect(charted.sheet.charts).toEqual([chart]);
  });
});
