/**
 * The KAM workbook checked by a real spreadsheet engine: LibreOffice recalculates every formula of the rendered
 * .xlsx (250 seeded accounts, messy cells and hostile names included), and every KPI_* name and every account's
 * Attractiveness, Strength, Quadrant and CLV must equal what the core computes. Then a weight cell and a revenue cell
 * are typed over in the file, LibreOffice recalculates again, and the KPIs and quadrants follow. Pictures of every
 * sheet go to test-artifacts/ for a person to look at (and the README shows them).
 */
import { describe, expect, it } from "vitest";
import {
  columnLetters,
  isKamError,
  mainDriver,
  makeScoreSpec,
  portfolioKpis,
  scoreParts,
  type AccountTable,
  type PortfolioOptions,
} from "../../../src/core";
import type { SheetPlan, WorkbookPlan } from "../../../src/report/plan";
import { cellsOf } from "../../../src/report/cellRefs";
import { planCellAt, rowOf, sheetBlocks } from "../../../src/report/planCells";
import { writeWorkbook } from "../../../src/xlsx/writeWorkbook";
import { chartAccounts } from "../../../src/report/kam/matrixChart";
import { errorsBesideChart, expectChartSeries } from "./matrixChartCheck";
import { SAMPLE_HEADERS } from "../../../samples/telecomAccounts";
import { HOSTILE_NAMES, runSample, sampleValues } from "../../fixtures/kamSample";
import { pdfPageText, recalculate, renderPictures, type RecalculatedWorkbook } from "../../support/libreoffice";
import { editCells } from "../../support/xlsxEdit";

const close = (a: unknown, b: number, rel = 1e-9) =>
  typeof a === "number" && Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));

const sheetOf = (plan: WorkbookPlan, name: string): SheetPlan => plan.sheets.find((s) => s.name === name)!;

/** Column letter of an Accounts header. */
function accountsColumn(plan: WorkbookPlan, header: string): string {
  // Row 1 as the plan fills it: the analyst's columns and the computed ones come from different blocks.
  const sheet = sheetOf(plan, "Accounts");
  const headers: unknown[] = [];
  for (let col = 1; planCellAt(sheet, 1, col) !== null; col++) headers.push(planCellAt(sheet, 1, col));
  const j = headers.indexOf(header);
  if (j < 0) throw new Error(`no Accounts column "${header}"`);
  return columnLetters(j);
}

/** The KPI_* names and the cell each points at. */
function kpiCells(plan: WorkbookPlan): Map<string, { sheet: string; address: string }> {
  const out = new Map<string, { sheet: string; address: string }>();
  for (const n of plan.names ?? []) {
    const m = /^'(.+)'!\$([A-Z]+)\$(\d+)$/.exec(n.refersTo);
    if (m) out.set(n.name, { sheet: m[1].replace(/''/g, "'"), address: `${m[2]}${m[3]}` });
  }
  return out;
}

/**
 * Each account's Main driver as the core names it (core mainDriver: the largest contribution, or below the top
 * attractiveness cut-off the largest shortfall), as the criterion's header; "" where the account has no rating.
 */
function coreDrivers(table: AccountTable, options: PortfolioOptions, attractiveness: Float64Array): string[] {
  const spec = makeScoreSpec(options.criteriaWeights, options.scale.min, options.scale.max);
  if (isKamError(spec)) throw new Error(spec.message);
  const cuts = options.cuts.attractiveness;
  const cut = cuts[cuts.length - 1];
  return Array.from({ length: table.count }, (_, i) => {
    const ratings = table.criteria.map((c) => (Number.isNaN(c.values[i]) ? null : c.values[i]));
    const d = mainDriver(ratings, spec, attractiveness[i] < cut);
    if (isKamError(d)) {
      // Only an account without any rating may lack a driver: the sheet shows a blank there.
      expect(d.message, `account ${i + 1}`).toMatch(/has no rating/);
      return "";
    }
    return table.criteria[d].header;
  });
}

function expectKpis(
  wb: RecalculatedWorkbook,
  plan: WorkbookPlan,
  table: AccountTable,
  kpis: ReturnType<typeof portfolioKpis>["kpis"],
) {
  const cells = kpiCells(plan);
  const available = kpis.filter((k) => k.value !== undefined);
  expect([...cells.keys()].sort()).toEqual(available.map((k) => `KPI_${k.id}`).sort());
  for (const k of available) {
    const at = cells.get(`KPI_${k.id}`)!;
    const got = wb.value(at.sheet, at.address);
    expect(close(got, k.value!), `KPI_${k.id}: LibreOffice ${JSON.stringify(got)}, core ${k.value}`).toBe(true);
  }
  expect(table.count).toBeGreaterThan(100);
}

describe("the KAM workbook recalculated by LibreOffice", async () => {
  const { table, options, report } = runSample({ messy: true, hostile: true });
  const { plan, metrics } = report;
  const xlsx = await writeWorkbook(plan);
  const wb = await recalculate(xlsx);
  const drawn = chartAccounts(table, metrics, options.topN);
  const col = {
    attractiveness: accountsColumn(plan, "Attractiveness"),
    strength: accountsColumn(plan, "Strength"),
    quadrant: accountsColumn(plan, "Quadrant"),
    clv: accountsColumn(plan, "CLV"),
    revenue: accountsColumn(plan, "Revenue FY25"),
  };

  it("computes every KPI_* name as the core does", () => {
    expectKpis(wb, plan, table, report.kpis);
  });

  it("computes every account's Attractiveness, Strength, Quadrant and CLV as the core does", () => {
    let blanks = 0;
    for (let i = 0; i < table.count; i++) {
      const r = i + 2;
      const cell = (c: string) => wb.value("Accounts", `${c}${r}`);
      for (const [c, v] of [
        [col.attractiveness, metrics.attractiveness[i]],
        [col.strength, metrics.strength[i]],
        [col.clv, metrics.clv[i]],
      ] as const) {
        if (Number.isNaN(v)) {
          blanks++;
          expect([undefined, ""], `${c}${r}`).toContain(cell(c));
        } else expect(close(cell(c), v), `${c}${r}: ${JSON.stringify(cell(c))} vs ${v}`).toBe(true);
      }
      const k = metrics.segment[i];
      expect(cell(col.quadrant) ?? "", `${col.quadrant}${r}`).toBe(k < 0 ? "" : options.segments[k].name);
    }
    // The churned accounts have no CLV: the blank branch is exercised, not just the numbers.
    expect(blanks).toBeGreaterThan(0);
  });

  it("names every account's Main driver as the core does, holding-back criteria below the cut", () => {
    const driver = accountsColumn(plan, "Main driver");
    const expected = coreDrivers(table, options, metrics.attractiveness);
    const cut = options.cuts.attractiveness[options.cuts.attractiveness.length - 1];
    let below = 0;
    let differs = 0;
    for (let i = 0; i < table.count; i++) {
      expect(wb.value("Accounts", `${driver}${i + 2}`) ?? "", `${driver}${i + 2}`).toBe(expected[i]);
      if (metrics.attractiveness[i] < cut) below++;
    }
    // Both branches are exercised, and the answer is not one criterion for every account.
    expect(below).toBeGreaterThan(0);
    expect(below).toBeLessThan(table.count);
    for (const name of expected) if (name !== expected[0]) differs++;
    expect(differs).toBeGreaterThan(0);
  });

  it("draws the 10 most attractive accounts' score parts as stacked bars, each part the core's scoreParts", () => {
    const chart = sheetOf(plan, "Portfolio Matrix").charts!.find((c) => c.kind === "stackedBar")!;
    expect(chart.series.map((s) => s.name)).toEqual(table.criteria.map((c) => c.header));
    // The accounts, from the definition: active and scored, highest attractiveness first, ties to the earlier row.
    const a = metrics.attractiveness;
    const top = [...Array(table.count).keys()]
      .filter((i) => metrics.active[i] === 1 && !Number.isNaN(a[i]))
      .sort((x, y) => a[y] - a[x] || x - y)
      .slice(0, 10);
    const at = (ref: { row: number; col: number }) => `${columnLetters(ref.col - 1)}${ref.row}`;
    const names = cellsOf(chart.series[0].categories!).map((c) => wb.value("Portfolio Matrix", at(c)));
    // Listed most attractive last, so that the bar chart (first category at the bottom) draws it at the top.
    expect(names).toEqual(top.map((i) => table.labels.account![i]).reverse());
    const spec = makeScoreSpec(options.criteriaWeights, options.scale.min, options.scale.max);
    if (isKamError(spec)) throw new Error(spec.message);
    [...top].reverse().forEach((i, k) => {
      const parts = scoreParts(
        table.criteria.map((c) => (Number.isNaN(c.values[i]) ? null : c.values[i])),
        spec,
      ) as (number | null)[];
      let sum = 0;
      chart.series.forEach((s, j) => {
        const cell = at(cellsOf(s.values)[k]);
        const got = wb.value("Portfolio Matrix", cell);
        if (parts[j] === null) {
          expect([undefined, ""], cell).toContain(got);
        } else {
          expect(close(got, parts[j]!), `${cell}: ${JSON.stringify(got)} vs ${parts[j]}`).toBe(true);
          sum += got as number;
        }
      });
      // The bar is as long as the account's attractiveness.
      expect(close(sum, a[i]), `bar ${k + 1}`).toBe(true);
    });
  });

  it("lists each portfolio segment's largest accounts live, as the core ranks them", () => {
    // The first list under the summary: Strategic, largest revenue first.
    const matrix = sheetOf(plan, "Portfolio Matrix");
    const listHeader = matrix.blocks.find((b) => b.rows[0][0] === "Account")!;
    const top = Number(listHeader.at.slice(1));
    const revenue = table.numbers.revenue!;
    const strategic = [...Array(table.count).keys()]
      .filter((i) => metrics.segment[i] === 0 && metrics.active[i])
      .sort((a, b) => revenue[b] - revenue[a]);
    for (let k = 0; k < 10; k++) {
      expect(wb.value("Portfolio Matrix", `A${top + 1 + k}`)).toBe(table.labels.account![strategic[k]]);
    }
  });

  it("keeps account names that start with = + - @ as text, and calls no KAM.* function", () => {
    for (let i = 0; i < HOSTILE_NAMES.length; i++) expect(wb.value("Accounts", `A${i + 2}`)).toBe(HOSTILE_NAMES[i]);
    // Every formula as written, pattern blocks expanded row by row.
    const formulas = plan.sheets.flatMap((s) =>
      sheetBlocks(s).flatMap((b) =>
        Array.from({ length: b.rows.length }, (_, k) => rowOf(b.rows, k)!).flatMap((r) =>
          r.filter((c) => typeof c === "object" && c !== null),
        ),
      ),
    );
    expect(formulas.length).toBeGreaterThan(1000);
    for (const f of formulas) expect((f as { f: string }).f).not.toMatch(/KAM\./i);
  });

  it("follows an edited weight and an edited revenue: KPIs and quadrants recalculate", async () => {
    const inputs = sheetOf(plan, "KAM Inputs").blocks[0].rows;
    const weightRow = inputs.findIndex((r) => r[0] === "Weight") + 1;
    // The largest account loses 60% of its revenue, and the first criterion counts five times.
    const revenue = table.numbers.revenue!;
    const big = revenue.indexOf(Math.max(...revenue.filter((x) => !Number.isNaN(x))));
    const edited = await editCells(xlsx, [
      { sheet: "KAM Inputs", address: `B${weightRow}`, value: 5 },
      { sheet: "Accounts", address: `${col.revenue}${big + 2}`, value: Math.round(revenue[big] * 0.4) },
    ]);
    const wb2 = await recalculate(edited);
    const table2: AccountTable = {
      ...table,
      numbers: { ...table.numbers, revenue: revenue.map((x, i) => (i === big ? Math.round(x * 0.4) : x)) },
    };
    const options2 = { ...options, criteriaWeights: options.criteriaWeights.map((w, j) => (j === 0 ? 5 : w)) };
    const after = portfolioKpis(table2, options2);
    expectKpis(wb2, plan, table2, after.kpis);
    let moved = 0;
    for (let i = 0; i < table.count; i++) {
      const k = after.metrics.segment[i];
      if (k !== metrics.segment[i]) moved++;
      expect(wb2.value("Accounts", `${col.quadrant}${i + 2}`) ?? "").toBe(k < 0 ? "" : options.segments[k].name);
    }
    // The edit must matter, or the test would prove nothing.
    expect(moved).toBeGreaterThan(0);
    const driver = accountsColumn(plan, "Main driver");
    const drivers = coreDrivers(table2, options2, after.metrics.attractiveness);
    let changed = 0;
    for (let i = 0; i < table.count; i++) {
      expect(wb2.value("Accounts", `${driver}${i + 2}`) ?? "", `${driver}${i + 2} after the edit`).toBe(drivers[i]);
      if (wb.value("Accounts", `${driver}${i + 2}`) !== drivers[i]) changed++;
    }
    expect(changed).toBeGreaterThan(0);
    expect(after.kpis.find((k) => k.id === "NRR")!.value).not.toBeCloseTo(
      report.kpis.find((k) => k.id === "NRR")!.value!,
      6,
    );
    expect(after.metrics.atRisk[big]).toBe(1);
    // The matrix chart's points follow: an account whose segment moved is drawn in its new segment's series.
    expect(drawn.some((i) => after.metrics.segment[i] !== metrics.segment[i])).toBe(true);
    expectChartSeries(wb2, plan, drawn, after.metrics);
  });

  it("draws each of the chart's accounts in its segment's series, #N/A (not drawn) in the others", () => {
    expect(drawn.length).toBe(40);
    expectChartSeries(wb, plan, drawn, metrics);
  });

  it("holds no error value in any cell of any sheet but the #N/A that leave points out of a chart series", () => {
    expect(errorsBesideChart(wb, plan)).toEqual([]);
  });

  it("sums revenue by year for the trend, the current year as the KPIs count it", () => {
    const dashboard = sheetOf(plan, "KPI Dashboard");
    const at = dashboard.blocks.findIndex((b) => b.rows[0][0] === "Revenue by year");
    const top = Number(dashboard.blocks[at + 1].at.slice(1));
    const sum = (xs: ArrayLike<number>, keep: (i: number) => boolean = () => true) =>
      Array.from(xs).reduce((t, x, i) => (keep(i) && !Number.isNaN(x) ? t + x : t), 0);
    const fy23 = sampleValues({ messy: true, hostile: true })[0].indexOf("Revenue FY23");
    expect(fy23).toBeGreaterThan(0);
    expect(wb.value("KPI Dashboard", `A${top + 1}`)).toBe("Revenue FY23");
    // FY23 from the source rows of the accepted accounts; FY25 with churned accounts at 0.
    const values = sampleValues({ messy: true, hostile: true });
    const fy23Sum = sum(Array.from(table.sourceRows, (r) => Number(values[r][fy23] ?? Number.NaN)));
    expect(close(wb.value("KPI Dashboard", `B${top + 1}`), fy23Sum)).toBe(true);
    expect(close(wb.value("KPI Dashboard", `B${top + 2}`), sum(table.numbers.priorRevenue!))).toBe(true);
    const current = sum(table.numbers.revenue!, (i) => metrics.active[i] === 1);
    expect(close(wb.value("KPI Dashboard", `B${top + 3}`), current)).toBe(true);
  });

  it("renders every sheet to PDF and PNG for a person to look at", () => {
    const pngs = renderPictures(xlsx, "kam-workbook");
    expect(pngs.length).toBe(plan.sheets.length);
    expect(pdfPageText("kam-workbook", 1)).toContain("Key account KPI dashboard");
    const matrix = pdfPageText("kam-workbook", 2);
    for (const name of ["Strategic", "Star", "Status", "Streamline"]) expect(matrix).toContain(name);
  });
});

describe("a table without NPS, products, margin or strength columns, recalculated by LibreOffice", async () => {
  // The product block goes too: it would give the cross-sell ratio (and a Whitespace sheet) without a Products column.
  const products = SAMPLE_HEADERS.filter((h) => h.startsWith("Product: "));
  const drop = ["NPS", "Products", "Gross margin %", "Relationship strength", "Share of wallet", ...products];
  const { table, report } = runSample({ count: 120, seed: 7, drop });
  const wb = await recalculate(await writeWorkbook(report.plan));

  it("still builds both sheets, saying what was left out and which column would bring it back", () => {
    expect(report.plan.sheets.map((s) => s.name)).toEqual([
      "KPI Dashboard",
      "Portfolio Matrix",
      "Accounts",
      "KAM Inputs",
      "Issues",
      "KAM History",
    ]);
    const notes = report.notes.join("\n");
    expect(notes).toMatch(/NPS left out: needs an NPS column/);
    expect(notes).toMatch(/Products per account left out: needs a Products column/);
    expect(notes).toMatch(/Whitespace left out: needs product revenue columns, one per product/);
    expect(notes).toMatch(/Average CLV left out: needs a Gross margin column/);
    expect(notes).toMatch(/The matrix needs a Relationship strength or Share of wallet column/);
    expect(wb.value("Portfolio Matrix", "A4")).toMatch(/^The matrix needs a Relationship strength/);
  });

  it("computes the KPIs it can as the core does, and no cell holds an error", () => {
    expectKpis(wb, report.plan, table, report.kpis);
    expect(report.kpis.filter((k) => k.value === undefined).map((k) => k.id)).toEqual([
      "NPS",
      "ProductsPerAccount",
      "CLV",
      "CustomerEquity",
    ]);
    expect(wb.errors()).toEqual([]);
  });
});

describe("a 3×3 grid with KPI targets, recalculated by LibreOffice", async () => {
  const targets = { ChurnRate: 0.043, ProductsPerAccount: 2.3, NRR: 1.05 };
  const { table, options, report } = runSample({ count: 150, seed: 3, choices: { grid: 3, targets } });
  const wb = await recalculate(await writeWorkbook(report.plan));

  it("puts each account in its cell of the 3×3 grid as the core does", () => {
    const quadrant = accountsColumn(report.plan, "Quadrant");
    const seen = new Set<string>();
    for (let i = 0; i < table.count; i++) {
      const k = report.metrics.segment[i];
      const name = k < 0 ? "" : options.segments[k].name;
      seen.add(name);
      expect(wb.value("Accounts", `${quadrant}${i + 2}`) ?? "", `${quadrant}${i + 2}`).toBe(name);
    }
    expect(seen.size).toBeGreaterThan(4);
    // The Main driver holds back below the top of the two cut-offs.
    const driver = accountsColumn(report.plan, "Main driver");
    const drivers = coreDrivers(table, options, report.metrics.attractiveness);
    for (let i = 0; i < table.count; i++)
      expect(wb.value("Accounts", `${driver}${i + 2}`) ?? "", `${driver}${i + 2}`).toBe(drivers[i]);
  });

  it("shows each target, the gap, and on or off track by the KPI's direction (lower churn is better)", () => {
    const cells = kpiCells(report.plan);
    for (const [id, target] of Object.entries(targets)) {
      const at = cells.get(`KPI_${id}`)!;
      const r = at.address.slice(1);
      const value = report.kpis.find((k) => k.id === id)!.value!;
      const good = id === "ChurnRate" ? value <= target : value >= target;
      expect(wb.value(at.sheet, `C${r}`)).toBe(target);
      expect(close(wb.value(at.sheet, `D${r}`), value - target)).toBe(true);
      expect(wb.value(at.sheet, `E${r}`), id).toBe(good ? "On track" : "Off track");
    }
    expectChartSeries(wb, report.plan, chartAccounts(table, report.metrics, options.topN), report.metrics);
    expect(errorsBesideChart(wb, report.plan)).toEqual([]);
  });
});
