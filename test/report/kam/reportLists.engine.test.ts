/**
 * The report's live ranked lists evaluated by HyperFormula with the test engine's AGGREGATE: each portfolio
 * segment's largest accounts (Portfolio Matrix), the most attractive accounts where the matrix is left out, and the
 * accounts at risk (KPI Dashboard), every cell against the core's metrics for the same accounts, ranked by the
 * lists' definition (largest key first, equal keys in sheet order, empty rows to the list's length).
 */
import { describe, expect, it } from "vitest";
import type { AccountTable } from "../../../src/core";
import type { PlanCell, SheetPlan } from "../../../src/report/plan";
import { cellIndex } from "../../../src/report/cellRefs";
import type { Report } from "../../../src/report/kam/buildReport";
import { runSample } from "../../fixtures/kamSample";
import { withPlanEngine, type PlanEngine } from "../../support/planEngine";
import { columnLetters } from "../../../src/core";

const close = (a: unknown, b: number) => typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** The ranked lists of a sheet: the blocks whose header starts with "Account" and has a "Row", top to bottom. */
function listsOf(sheet: SheetPlan) {
  return sheet.blocks
    .filter((b) => {
      const header = Array.isArray(b.rows) ? (b.rows as PlanCell[][])[0] : undefined;
      return header?.[0] === "Account" && header.includes("Row");
    })
    .map((b) => ({ at: cellIndex(b.at), header: (b.rows as PlanCell[][])[0].map(String), length: b.rows.length - 1 }));
}

/** A number the core computes as a list shows it: NaN (no value) is a blank cell, shown "". */
type Expected = string | number;
const shown = (x: number): Expected => (Number.isNaN(x) ? "" : x);

/**
 * Checks every cell of a list against `accounts` (indices into the table, already filtered) ranked by `key`
 * (largest first, ties in sheet order), each column's value from `column`.
 */
function expectList(
  e: PlanEngine,
  sheet: string,
  list: ReturnType<typeof listsOf>[number],
  accounts: readonly number[],
  key: (i: number) => number,
  column: Record<string, (i: number) => Expected>,
) {
  const ranked = [...accounts].sort((a, b) => key(b) - key(a) || a - b);
  const keyHeader = list.header[list.header.indexOf("Row") - 1];
  for (let k = 0; k < list.length; k++) {
    const r = list.at.row + 1 + k;
    const i = ranked[k];
    list.header.forEach((h, c) => {
      if (h === "Why") return;
      const got = e.value(sheet, `${columnLetters(list.at.col - 1 + c)}${r}`);
      const want: Expected =
        i === undefined ? "" : h === "Row" ? i + 2 : h === keyHeader ? key(i) : column[h] ? column[h](i) : "?";
      const where = `${sheet} ${h} ${r} (place ${k + 1})`;
      if (typeof want === "number") expect(close(got, want), `${where}: ${JSON.stringify(got)} vs ${want}`).toBe(true);
      else expect(got, where).toBe(want);
    });
  }
}

/** The columns the lists can show, from the core: the table's labels and the metrics. */
function columns(table: AccountTable, report: Report): Record<string, (i: number) => Expected> {
  const { metrics } = report;
  return {
    Account: (i) => table.labels.account![i] ?? "",
    "Account manager": (i) => table.labels.owner?.[i] ?? "",
    Attractiveness: (i) => shown(metrics.attractiveness[i]),
    Strength: (i) => shown(metrics.strength[i]),
    "Revenue change": (i) => shown(metrics.revenueChange[i]),
    NPS: (i) => shown(table.numbers.nps?.[i] ?? Number.NaN),
  };
}

/** Revenue as the list ranks it: a blank revenue cell is 0 in the key's arithmetic. */
const revenueKey = (table: AccountTable) => (i: number) =>
  Number.isNaN(table.numbers.revenue![i]) ? 0 : table.numbers.revenue![i];

const all = (table: AccountTable) => [...Array(table.count).keys()];

/** The matrix's segment lists and the dashboard's at-risk list against the core. */
function expectReportLists(table: AccountTable, grid: number, listPerSegment: number, report: Report) {
  const { metrics } = report;
  const matrix = report.plan.sheets.find((s) => s.name === "Portfolio Matrix")!;
  const dashboard = report.plan.sheets.find((s) => s.name === "KPI Dashboard")!;
  const segmentLists = listsOf(matrix);
  expect(segmentLists.length).toBe(grid * grid);
  expect(segmentLists[0].header).toEqual([
    "Account",
    "Account manager",
    "Attractiveness",
    "Strength",
    "Revenue",
    "Row",
  ]);
  const atRisk = listsOf(dashboard);
  expect(atRisk.length).toBe(1);
  expect(atRisk[0].header).toEqual(["Account", "Account manager", "Revenue change", "NPS", "Revenue", "Row", "Why"]);
  const key = revenueKey(table);
  const sizes = segmentLists.map((_, k) => all(table).filter((i) => metrics.segment[i] === k && metrics.active[i]));
  const risky = all(table).filter((i) => metrics.atRisk[i] === 1);
  expect(risky.length).toBeGreaterThan(0);
  withPlanEngine(report.plan, (e) => {
    segmentLists.forEach((list, k) => expectList(e, "Portfolio Matrix", list, sizes[k], key, columns(table, report)));
    expectList(e, "KPI Dashboard", atRisk[0], risky, key, columns(table, report));
  });
}

describe("the report's ranked lists in HyperFormula", () => {
  it("lists each portfolio segment's active accounts by revenue, and the accounts at risk, as the core has them", () => {
    const { table, options, report } = runSample({ count: 90, seed: 4, messy: true, hostile: true });
    // Full lists: every segment has more active accounts than places, ties where revenue repeats.
    for (let k = 0; k < options.grid * options.grid; k++)
      expect(
        all(table).filter((i) => report.metrics.segment[i] === k && report.metrics.active[i]).length,
      ).toBeGreaterThan(options.listPerSegment);
    expectReportLists(table, options.grid, options.listPerSegment, report);
  });

  it("leaves churned accounts out of a segment's list that has empty places", () => {
    const { table, options, report } = runSample({ count: 24, seed: 5 });
    const { metrics } = report;
    // A segment with fewer active accounts than places, and churned accounts in it that the list must leave out.
    const sparse = [...Array(options.grid * options.grid).keys()].filter((k) => {
      const inK = all(table).filter((i) => metrics.segment[i] === k);
      return (
        inK.filter((i) => metrics.active[i]).length < options.listPerSegment && inK.some((i) => !metrics.active[i])
      );
    });
    expect(sparse.length).toBeGreaterThan(0);
    expectReportLists(table, options.grid, options.listPerSegment, report);
  });

  it("lists the most attractive active accounts where the matrix is left out (no strength column)", () => {
    const { table, options, report } = runSample({
      count: 30,
      seed: 6,
      drop: ["Relationship strength", "Share of wallet"],
    });
    const { metrics } = report;
    const lists = listsOf(report.plan.sheets.find((s) => s.name === "Portfolio Matrix")!);
    expect(lists.length).toBe(1);
    expect(lists[0].header).toEqual(["Account", "Attractiveness", "Row"]);
    expect(lists[0].length).toBe(Math.min(options.topN, table.count));
    const scored = all(table).filter((i) => metrics.active[i] === 1 && !Number.isNaN(metrics.attractiveness[i]));
    expect(scored.length).toBeLessThan(lists[0].length);
    withPlanEngine(report.plan, (e) =>
      expectList(e, "Portfolio Matrix", lists[0], scored, (i) => metrics.attractiveness[i], columns(table, report)),
    );
  });
});
