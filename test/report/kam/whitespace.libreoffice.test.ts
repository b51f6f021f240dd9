/**
 * The Whitespace sheet recalculated by LibreOffice (issue 19, part 2, "Must show"): every benchmark median, owners
 * count, map cell, products owned, potential and total account value of the rendered .xlsx equals the core's
 * whitespace (src/core/whitespace.ts) on the seeded sample; the top opportunities are the definition's top 20; an
 * edited product revenue moves benchmarks and potentials as the core says; a small sample exercises the
 * fewer-than-3-owners fallback; the dashboard's cross-sell ratio comes from the block where no count column exists.
 */
import { describe, expect, it } from "vitest";
import { columnLetters, portfolioKpis, whitespace, type AccountTable } from "../../../src/core";
import type { SheetPlan, WorkbookPlan } from "../../../src/report/plan";
import { planCellAt } from "../../../src/report/planCells";
import type { Report } from "../../../src/report/kam/buildReport";
import { TOP_OPPORTUNITIES, WHITESPACE_SHEET } from "../../../src/report/kam/whitespaceSheet";
import { writeWorkbook } from "../../../src/xlsx/writeWorkbook";
import { runSample } from "../../fixtures/kamSample";
import { recalculate, type RecalculatedWorkbook } from "../../support/libreoffice";
import { editCells } from "../../support/xlsxEdit";
import { errorsBesideChart } from "./matrixChartCheck";

const close = (a: unknown, b: number) => typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Where things are on the sheet, found from its plan by their headers (not from the builder's arithmetic). */
function whereIs(plan: WorkbookPlan) {
  const sheet = plan.sheets.find((s) => s.name === WHITESPACE_SHEET)!;
  const rowOf = (text: string, col = 1) => {
    for (let r = 1; r < 200; r++) if (planCellAt(sheet, r, col) === text) return r;
    throw new Error(`no "${text}" in column ${col}`);
  };
  const headerAt = (row: number, from = 1) => {
    const out: string[] = [];
    for (let c = from; planCellAt(sheet, row, c) !== null; c++) out.push(String(planCellAt(sheet, row, c)));
    return out;
  };
  const bench = rowOf("Segment");
  const owners = findAfter(sheet, bench);
  const listTop = rowOf("Account");
  const list = headerAt(listTop);
  // The accounts' table: its header on row 1, from the column that says "Account", its rows the Accounts rows.
  let left = 1;
  while (planCellAt(sheet, 1, left) !== "Account") left++;
  const columns = headerAt(1, left);
  const col = (h: string) => columnLetters(left - 1 + columns.indexOf(h));
  return {
    sheet,
    bench,
    owners,
    table: 1,
    columns,
    col,
    listTop,
    listCol: (h: string) => columnLetters(list.indexOf(h)),
  };
}

function findAfter(sheet: SheetPlan, bench: number): number {
  for (let r = bench + 1; r < 200; r++) if (planCellAt(sheet, r, 1) === "Segment") return r;
  throw new Error("no owners table");
}

/** Each account × product cell as the definition says: "owned" where revenue > 0, else its segment's benchmark. */
function expectedMap(table: AccountTable, report: Report): (string | number)[][] {
  const w = report.whitespace!;
  const names = w.benchmarks.segments.map((s) => s.toLowerCase());
  return Array.from({ length: table.count }, (_, i) => {
    const s = w.segments[i] === undefined || w.segments[i] === null ? -1 : names.indexOf(w.segments[i]!.toLowerCase());
    return table.productRevenue!.map((p, j) =>
      p.values[i] > 0 ? "owned" : s >= 0 ? w.benchmarks.segment[s][j] : w.benchmarks.all[j],
    );
  });
}

function expectSheetEqualsCore(wb: RecalculatedWorkbook, plan: WorkbookPlan, table: AccountTable, report: Report) {
  const at = whereIs(plan);
  const w = report.whitespace!;
  const P = table.productRevenue!.length;
  const v = (address: string) => wb.value(WHITESPACE_SHEET, address);
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
  expect(v(`A${allRow}`)).toBe("All accounts");
  for (let j = 0; j < P; j++) expect(close(v(`${columnLetters(j + 1)}${allRow}`), w.benchmarks.all[j])).toBe(true);
  const map = expectedMap(table, report);
  const mapCol = (j: number) => at.col(table.productRevenue![j].product);
  for (let i = 0; i < table.count; i++) {
    const r = at.table + 1 + i;
    const cell = (h: string) => v(`${at.col(h)}${r}`);
    expect(cell("Account"), `account ${r}`).toBe(table.labels.account![i]);
    expect(cell("Products owned"), `owned ${r}`).toBe(w.owned[i]);
    expect(close(cell("Whitespace potential"), w.potential[i]), `potential ${r}: ${cell("Whitespace potential")}`).toBe(
      true,
    );
    expect(close(cell("Total account value"), w.total[i]), `total ${r}`).toBe(true);
    map[i].forEach((x, j) => {
      const got = v(`${mapCol(j)}${r}`);
      if (typeof x === "string") expect(got, `map ${r}/${j}`).toBe(x);
      else expect(close(got, x), `map ${r}/${j}: ${JSON.stringify(got)} vs ${x}`).toBe(true);
    });
  }
}

describe("the Whitespace sheet recalculated by LibreOffice", async () => {
  const { table, report } = runSample({ messy: true, hostile: true });
  const xlsx = await writeWorkbook(report.plan);
  const wb = await recalculate(xlsx);

  it("computes every benchmark, owners count, map cell, potential and total account value as the core does", () => {
    expect(report.whitespace!.benchmarks.segments.length).toBe(4);
    expectSheetEqualsCore(wb, report.plan, table, report);
    // Total account value = revenue + potential, the revenue being the Revenue FY25 column as read.
    const r = table.numbers.revenue!;
    report.whitespace!.total.forEach((t, i) =>
      expect(t).toBe((Number.isNaN(r[i]) ? 0 : r[i]) + report.whitespace!.potential[i]),
    );
  });

  it("lists the 20 largest opportunities of active accounts, as the definition ranks them", () => {
    const at = whereIs(report.plan);
    const map = expectedMap(table, report);
    const products = table.productRevenue!.map((p) => p.product);
    // From the definition: every (account, product) an active account lacks, with a benchmark above 0, largest
    // first; equal values in map order (account by account, product by product).
    const active = portfolioKpis(table, runSample({ messy: true, hostile: true }).options).metrics.active;
    const pairs = map.flatMap((row, i) =>
      row.flatMap((x, j) => (typeof x === "number" && x > 0 && active[i] === 1 ? [{ i, j, x }] : [])),
    );
    pairs.sort((a, b) => b.x - a.x || a.i - b.i || a.j - b.j);
    expect(pairs.length).toBeGreaterThan(TOP_OPPORTUNITIES);
    for (let k = 0; k < TOP_OPPORTUNITIES; k++) {
      const r = at.listTop + 1 + k;
      const { i, j, x } = pairs[k];
      expect(wb.value(WHITESPACE_SHEET, `${at.listCol("Account")}${r}`), `list ${k + 1}`).toBe(
        table.labels.account![i],
      );
      expect(wb.value(WHITESPACE_SHEET, `${at.listCol("Product")}${r}`)).toBe(products[j]);
      expect(close(wb.value(WHITESPACE_SHEET, `${at.listCol("Potential")}${r}`), x)).toBe(true);
    }
  });

  it("follows an edited product revenue: the benchmarks and every potential move as the core says", async () => {
    // The first account that lacks connectivity buys it at 5,000,000: an owner more in its segment, a median that
    // moves, and its own potential down by its old benchmark.
    const connectivity = table.productRevenue![0];
    const i = connectivity.values.findIndex((x) => !(x > 0));
    const accounts = report.plan.sheets.find((s) => s.name === "Accounts")!;
    let c = 1;
    while (planCellAt(accounts, 1, c) !== connectivity.header) c++;
    const edited = await editCells(xlsx, [
      { sheet: "Accounts", address: `${columnLetters(c - 1)}${i + 2}`, value: 5_000_000 },
    ]);
    const wb2 = await recalculate(edited);
    const values = Float64Array.from(connectivity.values, (x, k) => (k === i ? 5_000_000 : x));
    const table2: AccountTable = {
      ...table,
      productRevenue: table.productRevenue!.map((p, j) => (j === 0 ? { ...p, values } : p)),
    };
    const core = whitespace(
      table2.productRevenue!.map((p) => p.values),
      report.whitespace!.segments,
    );
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
    expect(core.potential[i]).toBeLessThan(report.whitespace!.potential[i]);
    expect(core.benchmarks.segment.flat()).not.toEqual(report.whitespace!.benchmarks.segment.flat());
    expectSheetEqualsCore(wb2, report.plan, table2, report2);
  });
});

describe("a small table: segments with fewer than 3 owners use all owners", async () => {
  const { table, report } = runSample({ count: 24, seed: 5 });
  const wb = await recalculate(await writeWorkbook(report.plan));

  it("falls back where a segment has fewer than 3 owners, and the sheet agrees with the core", () => {
    const owners = report.whitespace!.benchmarks.owners.flat();
    // Both branches: some segment has 3 or more owners of a product, another fewer.
    expect(owners.some((k) => k >= 3)).toBe(true);
    expect(owners.some((k) => k < 3)).toBe(true);
    expectSheetEqualsCore(wb, report.plan, table, report);
    expect(errorsBesideChart(wb, report.plan)).toEqual([]);
  });
});

describe("a table with a product block but no products count", async () => {
  const { table, options, report } = runSample({ count: 120, seed: 9, drop: ["Products"] });
  const wb = await recalculate(await writeWorkbook(report.plan));

  it("takes the cross-sell ratio from the block: products owned per active account, as the core counts them", () => {
    expect(table.numbers.products).toBeUndefined();
    const kpi = portfolioKpis(table, options).kpis.find((k) => k.id === "ProductsPerAccount")!;
    // From the definition: the mean, over active accounts, of the products with revenue above 0.
    const { active } = portfolioKpis(table, options).metrics;
    let sum = 0;
    let count = 0;
    for (let i = 0; i < table.count; i++) {
      if (!active[i]) continue;
      count++;
      for (const p of table.productRevenue!) if (p.values[i] > 0) sum++;
    }
    expect(kpi.value).toBeCloseTo(sum / count, 12);
    const name = report.plan.names!.find((n) => n.name === "KPI_ProductsPerAccount")!;
    const m = /^'(.+)'!\$([A-Z]+)\$(\d+)$/.exec(name.refersTo)!;
    expect(close(wb.value(m[1], `${m[2]}${m[3]}`), sum / count)).toBe(true);
    const chart = report.plan.sheets
      .find((s) => s.name === "KPI Dashboard")!
      .charts!.find((c) => c.title === "Products per active account");
    expect(chart).toBeDefined();
    // The chart's table: active accounts by products owned (the last bar "k+" counts k or more), from the definition.
    const owned = Array.from({ length: table.count }, (_, i) =>
      table.productRevenue!.reduce((t, p) => t + (p.values[i] > 0 ? 1 : 0), 0),
    );
    const values = chart!.series[0].values.replace(/\$/g, "");
    const [from, to] = values.split(":").map((a) => Number(a.replace(/^[A-Z]+/, "")));
    const letter = values.replace(/\d.*$/, "");
    const most = to - from + 1;
    expect(most).toBeGreaterThan(1);
    for (let k = 1; k <= most; k++) {
      const expected = owned.filter((o, i) => active[i] && (k === most ? o >= k : o === k)).length;
      expect(wb.value("KPI Dashboard", `${letter}${from + k - 1}`), `${k} products`).toBe(expected);
    }
    expect(errorsBesideChart(wb, report.plan)).toEqual([]);
  });
});
