import { describe, expect, it } from "vitest";
import {
  accountAt,
  accountHistoryHeader,
  isKamError,
  kamError,
  KPI_HISTORY_HEADER,
  partCriteria,
  snapshotRows,
  snapshotAccounts,
  snapshotsFromRows,
  type HistoryCell,
  type HistoryColumn,
  type Snapshot,
} from "../../../src/core";

/** A snapshot of two accounts, built inside each test that reads it (snapshotAccounts is src/ code). */
const sampleSnapshot = (): Snapshot => ({
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
});

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
    const snap = sampleSnapshot();
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
    const rows = snapshotRows(sampleSnapshot(), ["fit", "Margin"]);
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

describe("KAM History rows: a malformed sheet, as the analyst sees it", () => {
  const kpiHeader = [...KPI_HISTORY_HEADER];
  const accountHeader = () => accountHistoryHeader(["Growth"]);
  const acme = ["May", "Acme", 75, 40, "Star", 1000, 1500, 50];
  const read = (kpiRows: HistoryCell[][], accountRows: HistoryCell[][] = []) =>
    snapshotsFromRows({
      kpis: { header: kpiHeader, rows: kpiRows },
      accounts: { header: accountHeader(), rows: accountRows },
    });
  const refused = (message: string) => kamError("value", "history", message);

  it("names the KPI table's cell: a blank or logical snapshot label, a blank or numeric KPI name", () => {
    const ok = ["May", "KPI_NRR", 1.04];
    expect(read([ok, ["", "KPI_NRR", 1.04]])).toEqual(
      refused("KAM History, KPI table row 3, Snapshot: blank is not a snapshot label (text)."),
    );
    expect(read([[true, "KPI_NRR", 1.04]])).toEqual(
      refused("KAM History, KPI table row 2, Snapshot: true is not a snapshot label (text)."),
    );
    expect(read([["May", "", 1.04]])).toEqual(
      refused("KAM History, KPI table row 2, KPI: blank is not a KPI name (text)."),
    );
    expect(read([["May", null, 1.04]])).toEqual(
      refused("KAM History, KPI table row 2, KPI: blank is not a KPI name (text)."),
    );
    expect(read([["May", 5, 1.04]])).toEqual(refused("KAM History, KPI table row 2, KPI: 5 is not a KPI name (text)."));
  });

  it("skips blank rows of either table (Office.js blanks, exceljs blanks, a row with no cells)", () => {
    const back = read(
      [["", "", ""], [null, null, null], [], ["May", "KPI_NRR", 1.04]],
      [["", "", null, "", null, "", "", ""], [], acme],
    );
    if (isKamError(back)) throw new Error(back.message);
    expect(back.map((s) => [s.label, s.kpis, s.accounts.account])).toEqual([
      ["May", [{ kpi: "KPI_NRR", value: 1.04 }], ["Acme"]],
    ]);
  });

  it("reads headers without case and surrounding spaces, and names the account table when its header is wrong", () => {
    const back = snapshotsFromRows({
      kpis: { header: [" snapshot", "kpi ", "VALUE"], rows: [["May", "KPI_NRR", 1.04]] },
      accounts: { header: [" Snapshot ", ...accountHeader().slice(1)], rows: [] },
    });
    if (isKamError(back)) throw new Error(back.message);
    expect(back[0].kpis).toEqual([{ kpi: "KPI_NRR", value: 1.04 }]);
    expect(
      snapshotsFromRows({
        kpis: { header: kpiHeader, rows: [] },
        accounts: { header: ["Snapshot", "Name"], rows: [] },
      }),
    ).toEqual(
      refused(
        "The account table of KAM History is headed Snapshot | Name; " +
          "expected Snapshot | Account | Attractiveness | Strength | Quadrant | Revenue | Total account value.",
      ),
    );
  });

  it("names the account table's cell: a snapshot label, an account name, a number or a quadrant that is not one", () => {
    const row = (j: number, cell: HistoryCell) => read([], [acme, acme.map((c, k) => (k === j ? cell : c))]);
    const cellOf = (column: string, what: string) => refused(`KAM History, account table row 3, ${column}: ${what}.`);
    expect(row(0, 5)).toEqual(cellOf("Snapshot", "5 is not a snapshot label (text)"));
    expect(row(0, "")).toEqual(cellOf("Snapshot", "blank is not a snapshot label (text)"));
    expect(row(1, "")).toEqual(cellOf("Account", "blank is not an account name"));
    expect(row(1, null)).toEqual(cellOf("Account", "blank is not an account name"));
    expect(row(1, true)).toEqual(cellOf("Account", "true is not an account name"));
    expect(row(2, "high")).toEqual(cellOf("Attractiveness", '"high" is not a number'));
    expect(row(3, false)).toEqual(cellOf("Strength", "false is not a number"));
    expect(row(5, "1,000")).toEqual(cellOf("Revenue", '"1,000" is not a number'));
    expect(row(6, "n/a")).toEqual(cellOf("Total account value", '"n/a" is not a number'));
    expect(row(7, "50%")).toEqual(cellOf("Part: Growth", '"50%" is not a number'));
    expect(row(4, 3)).toEqual(cellOf("Quadrant", "3 is not a portfolio segment (text)"));
    expect(row(4, false)).toEqual(cellOf("Quadrant", "false is not a portfolio segment (text)"));
  });

  it("reads a numeric account name as its text, and a blank quadrant or part as a blank", () => {
    const back = read([], [["May", 42, 75, 40, "", 1000, 1500, null]]);
    if (isKamError(back)) throw new Error(back.message);
    expect(accountAt(back[0].accounts, 0)).toEqual({
      account: "42",
      attractiveness: 75,
      strength: 40,
      quadrant: null,
      revenue: 1000,
      totalValue: 1500,
      parts: [null],
    });
  });

  it("writes a blank part column for every account when the snapshot rates none of the history's criteria", () => {
    const rows = snapshotRows(sampleSnapshot(), ["Margin"]);
    expect(rows.accountColumns).toHaveLength(8);
    expect(Array.from(rows.accountColumns[7])).toEqual([Number.NaN, Number.NaN]);
    expect(rows.unrecorded).toEqual(["Growth", "Fit"]);
  });
});
