/**
 * The KAM History sheet's plan (issue 19, part 3): a rebuild plans the earlier rows exactly as read, then the new
 * snapshot's (property, fast-check over snapshots made by the core's snapshotRows), says how many rows the workbook
 * already holds (appendOnly.keptRows), keeps a new label unique, puts parts under the history's own columns, and
 * records only the KPIs where the account rows would pass Excel's last row (1,048,576, Excel's specification).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  accountHistoryHeader,
  KPI_HISTORY_HEADER,
  snapshotAccounts,
  snapshotRows,
  type HistoryTables,
  type Snapshot,
} from "../../../src/core";
import { historyTablesOf } from "../../support/historyTables";
import {
  ACCOUNT_HISTORY_TABLE,
  EXCEL_ROWS,
  historySheet,
  KPI_HISTORY_TABLE,
  snapshotTotals,
} from "../../../src/report/kam/historySheet";
import { columnCell } from "../../../src/report/planCells";
import { accountsForReport } from "../../../src/report/kam/prepareReport";

const CRITERIA = ["Growth", "Fit"];
const score = fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null });
const account = fc.record({
  account: fc.string({ minLength: 1, maxLength: 8 }),
  attractiveness: score,
  strength: score,
  quadrant: fc.option(fc.constantFrom("Strategic", "Star", "Status", "Streamline"), { nil: null }),
  revenue: fc.option(fc.integer({ min: 0, max: 1e7 }), { nil: null }),
  totalValue: fc.option(fc.double({ min: 0, max: 1e7, noNaN: true }), { nil: null }),
  parts: fc.tuple(score, score),
});
const snapshot = (label: string) =>
  fc.record({
    label: fc.constant(label),
    criteria: fc.constant(CRITERIA),
    kpis: fc.array(
      fc.record({
        kpi: fc.constantFrom("KPI_NRR", "KPI_Accounts"),
        value: fc.double({ noNaN: true, min: -1e9, max: 1e9 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    accounts: fc.array(account, { minLength: 1, maxLength: 6 }).map((rows) => snapshotAccounts(rows, CRITERIA.length)),
  }) as fc.Arbitrary<Snapshot>;

const tablesOf = (sheet: ReturnType<typeof historySheet>["sheet"]): HistoryTables => historyTablesOf(sheet);

describe("historySheet", () => {
  it("property: a rebuild plans the earlier rows exactly as read, then the new snapshot's", () => {
    fc.assert(
      fc.property(snapshot("2026-03-31T00:00:00.000Z"), snapshot("2026-06-30T00:00:00.000Z"), (a, b) => {
        const first = historySheet(a);
        const previous = tablesOf(first.sheet);
        const second = historySheet(b, previous);
        const now = tablesOf(second.sheet);
        expect(now.kpis.rows.slice(0, previous.kpis.rows.length)).toEqual(previous.kpis.rows);
        expect(now.accounts.rows.slice(0, previous.accounts.rows.length)).toEqual(previous.accounts.rows);
        const rows = snapshotRows(b, CRITERIA);
        expect(now.kpis.rows.slice(previous.kpis.rows.length)).toEqual(rows.kpiRows);
        expect(now.accounts.rows.slice(previous.accounts.rows.length)).toEqual(
          Array.from({ length: b.accounts.count }, (_, k) => rows.accountColumns.map((c) => columnCell(c, k))),
        );
        expect(second.sheet.appendOnly).toEqual({
          keptRows: { [KPI_HISTORY_TABLE]: a.kpis.length, [ACCOUNT_HISTORY_TABLE]: a.accounts.count },
        });
        expect(second.snapshots.map((s) => s.label)).toEqual([a.label, b.label]);
      }),
      { numRuns: 50 },
    );
  });

  it("keeps labels unique and parts under the history's columns, naming a criterion it cannot record", () => {
    const a: Snapshot = {
      label: "t",
      criteria: ["Fit"],
      kpis: [{ kpi: "KPI_NRR", value: 1 }],
      accounts: snapshotAccounts([], 1),
    };
    const previous = tablesOf(
      historySheet({
        ...a,
        accounts: snapshotAccounts(
          [{ account: "X", attractiveness: 1, strength: 1, quadrant: "Star", revenue: 1, totalValue: 1, parts: [1] }],
          1,
        ),
      }).sheet,
    );
    const b = historySheet(
      {
        ...a,
        criteria: ["Growth", "fit"],
        accounts: snapshotAccounts(
          [
            {
              account: "X",
              attractiveness: 9,
              strength: 1,
              quadrant: "Star",
              revenue: 1,
              totalValue: 1,
              parts: [5, 4],
            },
          ],
          2,
        ),
      },
      previous,
    );
    expect(b.snapshots.map((s) => s.label)).toEqual(["t", "t (2)"]);
    expect(tablesOf(b.sheet).accounts.header).toEqual(accountHistoryHeader(["Fit"]));
    expect(tablesOf(b.sheet).accounts.rows[1]).toEqual(["t (2)", "X", 9, 1, "Star", 1, 1, 4]);
    expect(b.notes[0]).toMatch(/^KAM History: the parts of Growth are not recorded/);
  });

  it("records only the KPIs where the account rows would pass Excel's last row", () => {
    const row = ["t", "X", 1, 1, "Star", 1, 1];
    const previous: HistoryTables = {
      kpis: { header: [...KPI_HISTORY_HEADER], rows: [["t", "KPI_NRR", 1]] },
      accounts: { header: accountHistoryHeader([]), rows: new Array(EXCEL_ROWS - 2).fill(row) },
    };
    const next: Snapshot = {
      label: "u",
      criteria: [],
      kpis: [{ kpi: "KPI_NRR", value: 2 }],
      accounts: snapshotAccounts(
        [0, 1].map((i) => ({
          account: `A${i}`,
          attractiveness: 1,
          strength: 1,
          quadrant: "Star",
          revenue: 1,
          totalValue: 1,
          parts: [],
        })),
        0,
      ),
    };
    const h = historySheet(next, previous);
    expect(h.notes).toEqual([
      "KAM History: this snapshot's 2 account rows would pass Excel's last row (1,048,576), so only its KPIs were " +
        "recorded; move the KAM History sheet aside to start a new history.",
    ]);
    expect(h.sheet.columns).toEqual([]);
    expect(h.snapshots[1]).toEqual({ ...next, accounts: snapshotAccounts([], 0) });
    expect(h.sheet.tables![1].range).toBe(`E1:K${EXCEL_ROWS - 1}`);
    expect(h.sheet.tables![0].range).toBe("A1:C3");
  });

  it("plans the sheet: its tab, frozen header, column widths, number formats and the two tables", () => {
    const a: Snapshot = {
      label: "t",
      criteria: CRITERIA,
      kpis: [{ kpi: "KPI_NRR", value: 1.1 }],
      accounts: snapshotAccounts(
        [
          {
            account: "X",
            attractiveness: 60,
            strength: 40,
            quadrant: "Star",
            revenue: 9,
            totalValue: 12,
            parts: [35, 25],
          },
        ],
        CRITERIA.length,
      ),
    };
    const h = historySheet(a);
    const rows = snapshotRows(a, CRITERIA);
    expect(h.sheet).toEqual({
      name: "KAM History",
      tabColor: "7F7F7F",
      freeze: { rows: 1, columns: 0 },
      columnWidths: { A: 26, B: 24, C: 14, D: 3, E: 26, F: 28, G: 14, H: 14, I: 14, J: 14, K: 14, L: 14, M: 14 },
      blocks: [
        {
          at: "A1",
          rows: [
            ["Snapshot", "KPI", "Value"],
            ["t", "KPI_NRR", 1.1],
          ],
        },
        { at: "E1", rows: [accountHistoryHeader(CRITERIA)] },
      ],
      columns: [{ at: "E2", count: 1, columns: rows.accountColumns }],
      styles: [
        { range: "C2:C2", numberFormat: "General" },
        { range: "G2:H2", numberFormat: "0.0" },
        { range: "J2:K2", numberFormat: "#,##0" },
        { range: "L2:M2", numberFormat: "0.0" },
      ],
      tables: [
        { name: "KamHistoryKpis", range: "A1:C2", style: "TableStyleLight9" },
        { name: "KamHistoryAccounts", range: "E1:M2", style: "TableStyleLight9" },
      ],
      appendOnly: { keptRows: { KamHistoryKpis: 0, KamHistoryAccounts: 0 } },
    });
    expect(h.snapshots).toEqual([a]);
    expect(h.notes).toEqual([]);
    // Without criteria the table ends at Total account value (K): no part columns to format.
    const plain = historySheet({ ...a, criteria: [], accounts: snapshotAccounts([], 0) });
    expect(plain.sheet.styles).toEqual([
      { range: "C2:C2", numberFormat: "General" },
      { range: "G2:H1", numberFormat: "0.0" },
      { range: "J2:K1", numberFormat: "#,##0" },
    ]);
    expect(plain.sheet.columnWidths).toEqual({
      A: 26,
      B: 24,
      C: 14,
      D: 3,
      E: 26,
      F: 28,
      G: 14,
      H: 14,
      I: 14,
      J: 14,
      K: 14,
    });
    expect(plain.sheet.columns).toEqual([]);
  });

  it("writes the earlier rows at the table's width, and numbers a label taken twice (3)", () => {
    const previous: HistoryTables = {
      kpis: {
        header: [...KPI_HISTORY_HEADER],
        rows: [
          ["t", "KPI_NRR", 1],
          ["t (2)", "KPI_NRR", 2],
        ],
      },
      accounts: {
        header: accountHistoryHeader(["Fit"]),
        rows: [
          ["t", "X", 1, 1, "Star"],
          ["t (2)", "X", 1, 1, "Star", 5, 6, 7],
        ],
      },
    };
    const h = historySheet(
      { label: "t", criteria: ["Fit"], kpis: [{ kpi: "KPI_NRR", value: 3 }], accounts: snapshotAccounts([], 1) },
      previous,
    );
    expect(h.snapshots.map((s) => s.label)).toEqual(["t", "t (2)", "t (3)"]);
    expect(h.sheet.blocks).toEqual([
      {
        at: "A1",
        rows: [
          ["Snapshot", "KPI", "Value"],
          ["t", "KPI_NRR", 1],
          ["t (2)", "KPI_NRR", 2],
          ["t (3)", "KPI_NRR", 3],
        ],
      },
      {
        at: "E1",
        rows: [
          accountHistoryHeader(["Fit"]),
          ["t", "X", 1, 1, "Star", null, null, null],
          ["t (2)", "X", 1, 1, "Star", 5, 6, 7],
        ],
      },
    ]);
  });

  it("records the account rows that end on Excel's last row", () => {
    const row = ["t", "X", 1, 1, "Star", 1, 1];
    const accounts = snapshotAccounts(
      [0, 1].map((i) => ({
        account: `A${i}`,
        attractiveness: 1,
        strength: 1,
        quadrant: "Star",
        revenue: 1,
        totalValue: 1,
        parts: [],
      })),
      0,
    );
    const next: Snapshot = { label: "u", criteria: [], kpis: [{ kpi: "KPI_NRR", value: 2 }], accounts };
    const previous: HistoryTables = {
      kpis: { header: [...KPI_HISTORY_HEADER], rows: [["t", "KPI_NRR", 1]] },
      accounts: { header: accountHistoryHeader([]), rows: new Array(EXCEL_ROWS - 3).fill(row) },
    };
    // Header + kept + 2 new rows = 1,048,576: the last fits.
    const fits = historySheet(next, previous);
    expect(fits.notes).toEqual([]);
    expect(fits.sheet.tables![1].range).toBe(`E1:K${EXCEL_ROWS}`);
    expect(fits.sheet.columns).toEqual([
      { at: `E${EXCEL_ROWS - 1}`, count: 2, columns: snapshotRows(next, []).accountColumns },
    ]);
    expect(fits.snapshots[1]).toEqual(next);
  });

  it("says which criteria's parts it cannot record and how to start a history with them", () => {
    const previous = historyTablesOf(
      historySheet({ label: "t", criteria: ["Fit"], kpis: [], accounts: snapshotAccounts([], 1) }).sheet,
    );
    const h = historySheet(
      { label: "u", criteria: ["Growth", "Fit", "Size"], kpis: [], accounts: snapshotAccounts([], 3) },
      previous,
    );
    expect(h.notes).toEqual([
      "KAM History: the parts of Growth, Size are not recorded (the history's part columns are those of its first " +
        "snapshot); rename or move the KAM History sheet to start a history with the criteria of now.",
    ]);
  });
});

describe("snapshotTotals", () => {
  it("is revenue + whitespace potential per account, revenue alone missing as 0, undefined without products", () => {
    const values = [
      ["Account", "Status", "Revenue", "Growth potential", "Product: Cloud", "Product: Voice"],
      ["Atlas", "Active", 1000, 5, 600, 400],
      ["Borealis", "Active", 500, 2, null, 500],
      ["Cygnus", "Active", 800, 4, 800, null],
    ];
    const tableOf = (rows: (string | number | null)[][]) =>
      accountsForReport(
        { sheet: "Account Data", top: 0, left: 0, values: rows },
        { now: new Date(Date.UTC(2026, 0, 2)) },
      ).table;
    // By hand: the benchmarks are the owners' medians, Cloud (600 + 800) / 2 = 700 and Voice (400 + 500) / 2 = 450;
    // Atlas owns both, Borealis lacks Cloud, Cygnus lacks Voice.
    expect(snapshotTotals(tableOf(values))).toEqual(Float64Array.from([1000, 500 + 700, 800 + 450]));
    expect(snapshotTotals(tableOf(values.map((r) => [r[0], r[1], r[3], r[4], r[5]])))).toEqual(
      Float64Array.from([0, 700, 450]),
    );
    expect(snapshotTotals(tableOf(values.map((r) => r.slice(0, 4))))).toBeUndefined();
    // The core refuses a negative product revenue (a table the validation did not clean): no totals then either.
    const negative = tableOf(values);
    (negative.productRevenue![1].values as Float64Array)[2] = -5;
    expect(snapshotTotals(negative)).toBeUndefined();
    const total = Float64Array.from([1, 2, 3]);
    const built = { potential: new Float64Array(3), total } as unknown as Parameters<typeof snapshotTotals>[1];
    expect(snapshotTotals(tableOf(values), built)).toBe(total);
  });
});
