import { describe, expect, it } from "vitest";
import {
  accountHistoryHeader,
  isKamError,
  KPI_HISTORY_HEADER,
  partCriteria,
  snapshotRows,
  snapshotAccounts,
  snapshotsFromRows,
  type HistoryColumn,
  type Snapshot,
} from "../../../src/core";

const snap: Snapshot = {
  label: "2026-12-02T09:30:00.000Z",
  criteria: ["Growth", "Fit"],
  kpis: [
    { kpi: "KPI_Accounts", value: 2 },
    { kpi: "KPI_NRR", value: 1.04 },
  ],
  accounts: snapshotAccounts(
    [
      {
        account: "Acme",
        attractiveness: 75,
        strength: 40,
        quadrant: "Star",
        revenue: 1000,
        totalValue: 1500,
        parts: [50, 25],
      },
      {
        account: "=Bolt",
        attractiveness: null,
        strength: null,
        quadrant: null,
        revenue: null,
        totalValue: 0,
        parts: [null, null],
      },
    ],
    2,
  ),
};

/** The account table's rows from its columns, NaN read as the blank it stands for. */
const rowsOf = (columns: readonly HistoryColumn[], count: number) =>
  Array.from({ length: count }, (_, k) =>
    columns.map((c) => {
      const v = c[k];
      return typeof v === "number" && Number.isNaN(v) ? null : v;
    }),
  );

describe("KAM History rows", () => {
  it('round-trips a snapshot through its rows (blank cells read as null or "")', () => {
    const rows = snapshotRows(snap, snap.criteria);
    expect(rows.unrecorded).toEqual([]);
    const accountRows = rowsOf(rows.accountColumns, 2);
    expect(accountRows[0]).toEqual(["2026-12-02T09:30:00.000Z", "Acme", 75, 40, "Star", 1000, 1500, 50, 25]);
    const asOffice = accountRows.map((r) => r.map((c) => (c === null ? "" : c)));
    const back = snapshotsFromRows({
      kpis: { header: [...KPI_HISTORY_HEADER], rows: rows.kpiRows },
      accounts: { header: accountHistoryHeader(snap.criteria), rows: asOffice },
    });
    expect(back).toEqual([snap]);
  });

  it("puts parts under the history's columns by criterion and names the criteria it cannot record", () => {
    const rows = snapshotRows(snap, ["fit", "Margin"]);
    expect(rowsOf(rows.accountColumns, 2)[0].slice(7)).toEqual([25, null]);
    expect(rows.unrecorded).toEqual(["Growth"]);
  });

  it("refuses a table that is not a KAM History table, naming the cell", () => {
    const kpis = { header: [...KPI_HISTORY_HEADER], rows: [["x", "KPI_NRR", "1.04"]] };
    const accounts = { header: accountHistoryHeader([]), rows: [] };
    const bad = snapshotsFromRows({ kpis, accounts });
    expect(isKamError(bad) && bad.message).toBe('KAM History, KPI table row 2, Value: "1.04" is not a number.');
    const header = snapshotsFromRows({ kpis: { header: ["Account", "Revenue"], rows: [] }, accounts });
    expect(isKamError(header) && header.message).toBe(
      "The KPI table of KAM History is headed Account | Revenue; expected Snapshot | KPI | Value.",
    );
  });

  it("names a header's blank cells as blanks, a short header as far as it goes, and no header as (nothing)", () => {
    const accounts = { header: accountHistoryHeader([]), rows: [] };
    const headed = (header: (string | null)[]) => {
      const r = snapshotsFromRows({ kpis: { header, rows: [] }, accounts });
      return isKamError(r) && r.message;
    };
    expect(headed(["Snapshot", null, "Value"])).toBe(
      "The KPI table of KAM History is headed Snapshot |  | Value; expected Snapshot | KPI | Value.",
    );
    expect(headed(["Snapshot", "KPI"])).toBe(
      "The KPI table of KAM History is headed Snapshot | KPI; expected Snapshot | KPI | Value.",
    );
    expect(headed([])).toBe("The KPI table of KAM History is headed (nothing); expected Snapshot | KPI | Value.");
  });

  it("reads a blank part column header as a criterion without a name, whose cells stay blank", () => {
    const header = [...accountHistoryHeader(["Growth"]), null, ""];
    expect(partCriteria(header)).toEqual(["Growth", "", ""]);
    const back = snapshotsFromRows({
      kpis: { header: [...KPI_HISTORY_HEADER], rows: [] },
      accounts: { header, rows: [["May", "Acme", 75, 40, "Star", 1000, 1500, 50, null, ""]] },
    });
    if (isKamError(back)) throw new Error(back.message);
    expect(back[0].criteria).toEqual(["Growth", "", ""]);
    expect(Array.from(back[0].accounts.parts[0])).toEqual([50]);
    expect(Array.from(back[0].accounts.parts[1])).toEqual([Number.NaN]);
  });
});
