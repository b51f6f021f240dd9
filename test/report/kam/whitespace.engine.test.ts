/**
 * The Whitespace sheet evaluated by HyperFormula with the test engine's AGGREGATE: the fast counterpart of
 * whitespace.libreoffice.test.ts, so the mutation run (which leaves LibreOffice out) sees every Whitespace formula.
 * Every benchmark median, owners count, map cell, products owned, potential and total account value against the
 * core (src/core/whitespace.ts), and the top opportunities against their definition, on the seeded sample, on a small
 * table where segments fall back to all owners, and on random tables (ties, blanks, 0s, text, churned accounts,
 * fewer opportunities than the list is long).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnLetters, whitespace, type AccountTable, type TableInput } from "../../../src/core";
import type { WorkbookPlan } from "../../../src/report/plan";
import { planCellAt } from "../../../src/report/planCells";
import type { Report } from "../../../src/report/kam/buildReport";
import { prepareReport } from "../../../src/report/kam/prepareReport";
import { TOP_OPPORTUNITIES, WHITESPACE_SHEET } from "../../../src/report/kam/whitespaceSheet";
import { runSample } from "../../fixtures/kamSample";
import { withPlanEngine, type PlanEngine } from "../../support/planEngine";

const close = (a: unknown, b: number) => typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Where things are on the sheet, found from its plan by their headers (not from the builder's arithmetic). */
function whereIs(plan: WorkbookPlan) {
  const sheet = plan.sheets.find((s) => s.name === WHITESPACE_SHEET)!;
  const rowOf = (text: string, from = 1) => {
    for (let r = from; r < 300; r++) if (planCellAt(sheet, r, 1) === text) return r;
    throw new Error(`no "${text}" in column A`);
  };
  const headerAt = (row: number, from = 1) => {
    const out: string[] = [];
    for (let c = from; planCellAt(sheet, row, c) !== null; c++) out.push(String(planCellAt(sheet, row, c)));
    return out;
  };
  const bench = rowOf("Segment");
  const owners = rowOf("Segment", bench + 1);
  const listTop = rowOf("Account");
  const list = headerAt(listTop);
  let left = 1;
  while (planCellAt(sheet, 1, left) !== "Account") left++;
  const columns = headerAt(1, left);
  return {
    sheet,
    bench,
    owners,
    listTop,
    list,
    col: (h: string) => columnLetters(left - 1 + columns.indexOf(h)),
    listCol: (h: string) => columnLetters(list.indexOf(h)),
  };
}

/** Each account × product cell by the definition: "owned" where revenue > 0, else its segment's benchmark. */
function expectedMap(report: Report, products: readonly ArrayLike<number>[]): (string | number)[][] {
  const w = report.whitespace!;
  const names = w.benchmarks.segments.map((s) => s.trim().toLowerCase());
  return Array.from({ length: w.owned.length }, (_, i) => {
    const label = w.segments[i];
    const s = label === undefined || label === null ? -1 : names.indexOf(label.trim().toLowerCase());
    return products.map((p, j) => (p[i] > 0 ? "owned" : s >= 0 ? w.benchmarks.segment[s][j] : w.benchmarks.all[j]));
  });
}

/** Every Whitespace number the core computes, and the top opportunities, on the sheet as the engine computes it. */
function expectSheetEqualsCore(e: PlanEngine, table: AccountTable, report: Report) {
  const { plan, metrics } = report;
  const at = whereIs(plan);
  const w = report.whitespace!;
  const products = table.productRevenue!;
  const P = products.length;
  const v = (address: string) => e.value(WHITESPACE_SHEET, address);
  w.benchmarks.segments.forEach((name, s) => {
    expect(v(`A${at.bench + 1 + s}`)).toBe(name);
    for (let j = 0; j < P; j++) {
      const cell = `${columnLetters(j + 1)}${at.bench + 1 + s}`;
      expect(close(v(cell), w.benchmarks.segment[s][j]), `median ${cell}: ${JSON.stringify(v(cell))}`).toBe(true);
      const o = `${columnLetters(j + 1)}${at.owners + 1 + s}`;
      expect(v(o), `owners ${o}`).toBe(w.benchmarks.owners[s][j]);
    }
  });
  const allRow = at.bench + 1 + w.benchmarks.segments.length;
  const allOwners = at.owners + 1 + w.benchmarks.segments.length;
  expect(v(`A${allRow}`)).toBe("All accounts");
  for (let j = 0; j < P; j++) {
    expect(v(`${columnLetters(j + 1)}${at.bench}`)).toBe(products[j].product);
    const cell = `${columnLetters(j + 1)}${allRow}`;
    expect(close(v(cell), w.benchmarks.all[j]), `all-owners median ${cell}: ${JSON.stringify(v(cell))}`).toBe(true);
    // From the definition: the accounts whose revenue from the product is above 0.
    const owners = Array.from(products[j].values).filter((x) => x > 0).length;
    expect(v(`${columnLetters(j + 1)}${allOwners}`), `all owners ${j}`).toBe(owners);
  }
  const map = expectedMap(
    report,
    products.map((p) => p.values),
  );
  const segment = (i: number) => table.labels.segment?.[i] ?? "";
  for (let i = 0; i < table.count; i++) {
    const r = 2 + i;
    const cell = (h: string) => v(`${at.col(h)}${r}`);
    expect(cell("Account"), `account ${r}`).toBe(table.labels.account![i]);
    if (table.labels.segment) expect(cell("Segment"), `segment ${r}`).toBe(segment(i));
    expect(cell("Products owned"), `owned ${r}`).toBe(w.owned[i]);
    expect(close(cell("Whitespace potential"), w.potential[i]), `potential ${r}: ${cell("Whitespace potential")}`).toBe(
      true,
    );
    expect(close(cell("Total account value"), w.total[i]), `total ${r}: ${cell("Total account value")}`).toBe(true);
    map[i].forEach((x, j) => {
      const got = cell(products[j].product);
      if (typeof x === "string") expect(got, `map ${r}/${j}`).toBe(x);
      else expect(close(got, x), `map ${r}/${j}: ${JSON.stringify(got)} vs ${x}`).toBe(true);
    });
  }
  // The top opportunities, from the definition: every (account, product) an active account lacks, with a benchmark
  // above 0, largest first; equal values in map order (account by account, product by product); then empty rows.
  const pairs = map.flatMap((row, i) =>
    row.flatMap((x, j) => (typeof x === "number" && x > 0 && metrics.active[i] === 1 ? [{ i, j, x }] : [])),
  );
  pairs.sort((a, b) => b.x - a.x || a.i - b.i || a.j - b.j);
  const withSegment = table.labels.segment !== undefined;
  expect(at.list).toEqual(["Account", ...(withSegment ? ["Segment"] : []), "Product", "Potential", "Position"]);
  for (let k = 0; k < TOP_OPPORTUNITIES; k++) {
    const r = at.listTop + 1 + k;
    const got = at.list.map((h) => v(`${at.listCol(h)}${r}`));
    const p = pairs[k];
    const want = p
      ? [table.labels.account![p.i], ...(withSegment ? [segment(p.i)] : []), products[p.j].product, p.x, p.i * P + p.j]
      : at.list.map(() => "");
    expect(
      got.map((x, c) => (typeof x === "number" && close(x, want[c] as number) ? want[c] : x)),
      `opportunity ${k + 1}`,
    ).toEqual(want);
  }
}

describe("the Whitespace sheet in HyperFormula", () => {
  it("computes every benchmark, owners count, map cell, potential, total and top opportunity as the core does", () => {
    const { table, report } = runSample({ count: 80, seed: 3, messy: true, hostile: true });
    expect(report.whitespace!.benchmarks.segments.length).toBe(4);
    withPlanEngine(report.plan, (e) => expectSheetEqualsCore(e, table, report));
  });

  it("falls back to all owners where a segment has fewer than 3, and agrees with the core", () => {
    const { table, report } = runSample({ count: 24, seed: 5 });
    const owners = report.whitespace!.benchmarks.owners.flat();
    // Both branches: some segment has 3 or more owners of a product, another fewer.
    expect(owners.some((k) => k >= 3)).toBe(true);
    expect(owners.some((k) => k < 3)).toBe(true);
    withPlanEngine(report.plan, (e) => expectSheetEqualsCore(e, table, report));
  });

  it("agrees with the core on random tables: ties, blanks, 0s, churned accounts, segments with and without 3 owners", () => {
    const revenue = fc.constantFrom(null, 0, 5, 10, 10, 20, 35);
    const row = fc.record({
      segment: fc.constantFrom("SMB", "smb", "Enterprise", "Public", null),
      status: fc.constantFrom("Active", "Active", "Churned"),
      revenue: fc.constantFrom(null, 0, 50, 120),
      products: fc.tuple(revenue, revenue, revenue),
    });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 14 }),
        fc.boolean(),
        fc.boolean(),
        (rows, withSegment, withStatus) => {
          const headers = [
            "Account",
            ...(withSegment ? ["Segment"] : []),
            "Revenue FY25",
            ...(withStatus ? ["Status"] : []),
            "Product: Connectivity",
            "Product: Cloud voice",
            "Product: Security",
          ];
          const values = [
            headers,
            ...rows.map((r, i) => [
              `Account ${i + 1}`,
              ...(withSegment ? [r.segment] : []),
              r.revenue,
              ...(withStatus ? [r.status] : []),
              ...r.products,
            ]),
          ];
          const input: TableInput = { sheet: "Account Data", top: 0, left: 0, values };
          const { table, report } = prepareReport(input);
          expect(table.count).toBe(rows.length);
          withPlanEngine(report!.plan, (e) => expectSheetEqualsCore(e, table, report!));
        },
      ),
      { numRuns: 25, seed: 19 },
    );
  });

  it("follows edited product revenues as the core says: a new owner moves the medians, typed text is no revenue", () => {
    const { table, report } = runSample({ count: 60, seed: 8 });
    const accounts = report.plan.sheets.find((s) => s.name === "Accounts")!;
    const columnOf = (header: string) => {
      for (let c = 1; c < 100; c++) if (planCellAt(accounts, 1, c) === header) return columnLetters(c - 1);
      throw new Error(`no ${header} on the Accounts sheet`);
    };
    // The first account without Connectivity buys it at 5,000,000; the first two owners of Cloud voice get "n/a".
    const [connectivity, cloud] = [0, 2].map((j) => table.productRevenue![j]);
    const buyer = connectivity.values.findIndex((x) => !(x > 0));
    const texts = [...cloud.values.keys()].filter((i) => cloud.values[i] > 0).slice(0, 2);
    expect(buyer).toBeGreaterThanOrEqual(0);
    expect(texts.length).toBe(2);
    const values = table.productRevenue!.map((p) => Float64Array.from(p.values));
    values[0][buyer] = 5_000_000;
    for (const i of texts) values[2][i] = NaN;
    const edited = {
      ...table,
      productRevenue: table.productRevenue!.map((p, j) => ({ ...p, values: values[j] })),
    };
    const core = whitespace(values, report.whitespace!.segments);
    if ("kind" in core) throw new Error(core.message);
    const revenue = table.numbers.revenue!;
    const report2: Report = {
      ...report,
      whitespace: {
        ...core,
        segments: report.whitespace!.segments,
        total: Float64Array.from(core.potential, (w, k) => (Number.isNaN(revenue[k]) ? 0 : revenue[k]) + w),
      },
    };
    // The edits change what the core says: an owner more and two fewer, other medians.
    expect(core.benchmarks.all).not.toEqual(report.whitespace!.benchmarks.all);
    withPlanEngine(report.plan, (e) => {
      e.set("Accounts", `${columnOf(connectivity.header)}${buyer + 2}`, 5_000_000);
      for (const i of texts) e.set("Accounts", `${columnOf(cloud.header)}${i + 2}`, "n/a");
      expectSheetEqualsCore(e, edited, report2);
    });
  });

  it("without a revenue column: each account's revenue is the sum of its product revenues (blanks 0), as the core's", () => {
    const values = [
      ["Account", "Segment", "Status", "Product: Connectivity", "Product: Cloud voice", "Product: Security"],
      ["Atlas", "SMB", "Active", 600, 400, 0],
      ["Borealis", "SMB", "Active", null, 500, 10],
      ["Cygnus", "SMB", "Churned", 800, null, 20],
      ["Deneb", "Enterprise", "Active", 100, 50, null],
      ["Eridanus", null, "Active", null, null, null],
    ];
    const { table, report } = prepareReport({ sheet: "Account Data", top: 0, left: 0, values });
    expect(table.numbers.revenue).toBeUndefined();
    // SMB: 3 accounts, at most 2 owners of a product: all owners' medians, Connectivity 600, Cloud voice 400, Security 15
    expect(Array.from(report!.whitespace!.total)).toEqual([1015, 1110, 1220, 165, 1015]);
    withPlanEngine(report!.plan, (e) => {
      const at = whereIs(report!.plan);
      expect([2, 3, 4, 5, 6].map((r) => e.value(WHITESPACE_SHEET, `${at.col("Revenue")}${r}`))).toEqual([
        1000, 510, 820, 150, 0,
      ]);
      expectSheetEqualsCore(e, table, report!);
    });
  });
});
