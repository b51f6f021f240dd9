/**
 * The NPS and products-per-account KPIs (kpiFormulas.ts) evaluated by HyperFormula with the test engine's AVERAGEIFS,
 * against the core (core/portfolio/kpis.ts) and the KPIs' definitions: the NPS on the survey scale (0–10 answers:
 * 100 × (share 9–10 − share 0–6)) and on the account scale (an account NPS: its mean), products per account from a
 * Products column (its mean) and from the product block (products with revenue above 0), each over the active
 * accounts. On the seeded sample, on random tables (blanks, numbers typed as text, text that leaves a row out,
 * churned accounts, with and without a status column), and after edits: text typed over a value is no value, a
 * status typed "Churned" takes the account out. The fast counterpart of the LibreOffice tests for these formulas.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnLetters, portfolioKpis, type AccountTable, type KpiId, type TableInput } from "../../../src/core";
import { planCellAt } from "../../../src/report/planCells";
import { accountsLayout } from "../../../src/report/kam/accountsSheet";
import type { Report } from "../../../src/report/kam/buildReport";
import { kpiFormula } from "../../../src/report/kam/kpiFormulas";
import { prepareReport } from "../../../src/report/kam/prepareReport";
import { SAMPLE_HEADERS } from "../../../samples/telecomAccounts";
import { runSample, sampleValues } from "../../fixtures/kamSample";
import { withPlanEngine, type PlanEngine } from "../../support/planEngine";

const close = (a: unknown, b: number) => typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const errorOf = (v: unknown) => (v !== null && typeof v === "object" && "type" in v ? String(v.type) : undefined);

const IDS = ["NPS", "ProductsPerAccount"] as const satisfies readonly KpiId[];

/** The report's KPI cell for `id` ('KPI Dashboard'!B7 as sheet and address), or undefined where it shows none. */
function kpiCell(report: Report, id: KpiId) {
  const name = report.plan.names?.find((n) => n.name === `KPI_${id}`);
  if (!name) return undefined;
  const [, sheet, col, row] = /^'(.+)'!\$([A-Z]+)\$(\d+)$/.exec(name.refersTo)!;
  return { sheet, address: `${col}${row}` };
}

/** The Accounts sheet's column letter under `header`, from the plan's header row. */
function accountsColumn(report: Report, header: string) {
  const accounts = report.plan.sheets.find((s) => s.name === "Accounts")!;
  for (let c = 1; c < 200; c++) if (planCellAt(accounts, 1, c) === header) return columnLetters(c - 1);
  throw new Error(`no ${header} on the Accounts sheet`);
}

/**
 * Both KPI cells against the core's KPIs for `table` (the table as built, or as edited since): the core's value, or
 * #DIV/0! where the core has none (no active account with a value). `shown` says which KPIs the dashboard has.
 */
function expectKpisAsCore(
  e: PlanEngine,
  report: Report,
  table: AccountTable,
  options: Parameters<typeof portfolioKpis>[1],
) {
  const { kpis } = portfolioKpis(table, options);
  for (const id of IDS) {
    const want = kpis.find((k) => k.id === id)!.value;
    const cell = kpiCell(report, id);
    if (!cell) {
      // The dashboard shows a KPI the core has at build time; an edit can only take its value away.
      expect(report.kpis.find((k) => k.id === id)!.value, `KPI_${id} missing`).toBeUndefined();
      continue;
    }
    const got = e.value(cell.sheet, cell.address);
    if (want === undefined) expect(errorOf(got), `KPI_${id}: ${JSON.stringify(got)}`).toBe("DIV_BY_ZERO");
    else expect(close(got, want), `KPI_${id}: ${JSON.stringify(got)} vs ${want}`).toBe(true);
  }
}

/** The accounts active by the core's rule, as indices. */
const activeOf = (table: AccountTable) =>
  [...Array(table.count).keys()].filter((i) => (table.status ? table.status[i] !== 1 : table.numbers.revenue![i] > 0));
const mean = (xs: number[]) => xs.reduce((t, x) => t + x, 0) / xs.length;

describe("the NPS and products-per-account KPIs in HyperFormula, on the seeded sample", () => {
  it("gives the survey NPS of the active accounts' answers, 100 × (share 9–10 − share 0–6), as the core", () => {
    const { table, options, report } = runSample({ count: 50, seed: 12 });
    expect(table.npsScale).toBe("survey");
    const answers = activeOf(table)
      .map((i) => table.numbers.nps![i])
      .filter((x) => !Number.isNaN(x));
    const nps = (100 * (answers.filter((x) => x >= 9).length - answers.filter((x) => x <= 6).length)) / answers.length;
    expect(report.kpis.find((k) => k.id === "NPS")!.value).toBeCloseTo(nps, 9);
    const cell = kpiCell(report, "NPS")!;
    withPlanEngine(report.plan, (e) => {
      expect(close(e.value(cell.sheet, cell.address), nps), `${e.value(cell.sheet, cell.address)} vs ${nps}`).toBe(
        true,
      );
      expectKpisAsCore(e, report, table, options);
    });
  });

  it("gives the mean account NPS of the active accounts on the account scale, blanks and churned left out", () => {
    // The sample with account-level NPS (−100 to 100, a decimal here and there, every 7th blank).
    const values = sampleValues({ count: 50, seed: 13 });
    const j = values[0].indexOf("NPS");
    values.slice(1).forEach((row, i) => {
      row[j] = i % 7 === 3 ? null : ((i * 37) % 201) - 100 + (i % 5 === 0 ? 0.5 : 0);
    });
    const input: TableInput = { sheet: "Account Data", top: 0, left: 0, values };
    const { table, options, report } = prepareReport(input);
    expect(table.npsScale).toBe("account");
    const active = activeOf(table);
    // Churned accounts with an NPS, to leave out.
    expect(
      [...Array(table.count).keys()].some((i) => !active.includes(i) && !Number.isNaN(table.numbers.nps![i])),
    ).toBe(true);
    const answered = active.filter((i) => !Number.isNaN(table.numbers.nps![i]));
    expect(answered.length).toBeLessThan(active.length); // blanks to leave out
    const want = mean(answered.map((i) => table.numbers.nps![i]));
    expect(report!.kpis.find((k) => k.id === "NPS")!.value).toBeCloseTo(want, 9);
    const cell = kpiCell(report!, "NPS")!;
    withPlanEngine(report!.plan, (e) => {
      expect(close(e.value(cell.sheet, cell.address), want), `${e.value(cell.sheet, cell.address)} vs ${want}`).toBe(
        true,
      );
      expectKpisAsCore(e, report!, table, options);
      // "n/a" typed over the first answered account's NPS: one answer fewer.
      const i = answered[0];
      e.set("Accounts", `${accountsColumn(report!, "NPS")}${i + 2}`, "n/a");
      const after = mean(answered.slice(1).map((k) => table.numbers.nps![k]));
      expect(after).not.toBeCloseTo(want, 6);
      expect(close(e.value(cell.sheet, cell.address), after), `${e.value(cell.sheet, cell.address)} vs ${after}`).toBe(
        true,
      );
      // The second answered account churns: its NPS is left out too.
      e.set("Accounts", `${accountsColumn(report!, "Status")}${answered[1] + 2}`, "Churned");
      const churned = mean(answered.slice(2).map((k) => table.numbers.nps![k]));
      expect(close(e.value(cell.sheet, cell.address), churned)).toBe(true);
    });
  });

  it("gives the mean of the Products column over the active accounts that have one", () => {
    const values = sampleValues({ count: 50, seed: 14 });
    // Some counts blanked, some accounts churned with their products still counted in the column.
    const [j, st] = [values[0].indexOf("Products"), values[0].indexOf("Status")];
    values.slice(1).forEach((row, i) => {
      if (i % 6 === 2) row[j] = null;
      if (i % 9 === 4) row[st] = "Churned";
    });
    const input: TableInput = { sheet: "Account Data", top: 0, left: 0, values };
    const { table, options, report } = prepareReport(input);
    const products = table.numbers.products!;
    const active = activeOf(table);
    const owned = active.filter((i) => !Number.isNaN(products[i]));
    expect(owned.length).toBeLessThan(active.length);
    expect(active.length).toBeLessThan(table.count);
    const want = mean(owned.map((i) => products[i]));
    // The product block counts differently here (blanked counts): the formula must read the Products column.
    const fromBlock = mean(active.map((i) => table.productRevenue!.filter((p) => p.values[i] > 0).length));
    expect(fromBlock).not.toBeCloseTo(want, 6);
    expect(report!.kpis.find((k) => k.id === "ProductsPerAccount")!.value).toBeCloseTo(want, 9);
    const cell = kpiCell(report!, "ProductsPerAccount")!;
    withPlanEngine(report!.plan, (e) => {
      expect(close(e.value(cell.sheet, cell.address), want), `${e.value(cell.sheet, cell.address)} vs ${want}`).toBe(
        true,
      );
      // A churned account's products do not count: typing 100 there changes nothing; on an active one it does.
      const gone = [...Array(table.count).keys()].find((i) => !active.includes(i))!;
      e.set("Accounts", `${accountsColumn(report!, "Products")}${gone + 2}`, 100);
      expect(close(e.value(cell.sheet, cell.address), want)).toBe(true);
      e.set("Accounts", `${accountsColumn(report!, "Products")}${owned[0] + 2}`, "n/a");
      const after = mean(owned.slice(1).map((i) => products[i]));
      expect(close(e.value(cell.sheet, cell.address), after), `${e.value(cell.sheet, cell.address)} vs ${after}`).toBe(
        true,
      );
      expectKpisAsCore(
        e,
        report!,
        {
          ...table,
          numbers: {
            ...table.numbers,
            products: Float64Array.from(products, (x, i) => (i === owned[0] ? NaN : i === gone ? 100 : x)),
          },
        },
        options,
      );
    });
  });

  it("counts products from the product block where no Products column exists, over every active account", () => {
    const { table, options, report } = runSample({ count: 50, seed: 15, drop: ["Products"] });
    expect(table.numbers.products).toBeUndefined();
    const active = activeOf(table);
    const want = mean(active.map((i) => table.productRevenue!.filter((p) => p.values[i] > 0).length));
    expect(report.kpis.find((k) => k.id === "ProductsPerAccount")!.value).toBeCloseTo(want, 9);
    const cell = kpiCell(report, "ProductsPerAccount")!;
    withPlanEngine(report.plan, (e) => {
      expect(close(e.value(cell.sheet, cell.address), want), `${e.value(cell.sheet, cell.address)} vs ${want}`).toBe(
        true,
      );
      expectKpisAsCore(e, report, table, options);
      // "n/a" typed over an active owner's revenue of the second product, and over an active non-owner's blank: text
      // is no product, so one product fewer, not one more.
      const second = table.productRevenue![1];
      const owner = active.find((i) => second.values[i] > 0)!;
      const other = active.find((i) => !(second.values[i] > 0))!;
      for (const i of [owner, other]) e.set("Accounts", `${accountsColumn(report, second.header)}${i + 2}`, "n/a");
      const after = want - 1 / active.length;
      expect(close(e.value(cell.sheet, cell.address), after), `${e.value(cell.sheet, cell.address)} vs ${after}`).toBe(
        true,
      );
    });
  });
});

describe("the NPS and products-per-account KPI formulas where the columns cannot give them", () => {
  it("are undefined without an NPS column, or without a Products column and a product block, and not on the dashboard", () => {
    const block = SAMPLE_HEADERS.filter((h) => h.startsWith("Product: "));
    const { table, options, report } = runSample({ count: 20, seed: 16, drop: ["NPS", "Products", ...block] });
    expect(table.numbers.nps).toBeUndefined();
    expect(table.numbers.products).toBeUndefined();
    expect(table.productRevenue).toBeUndefined();
    const layout = accountsLayout(table, options);
    expect(kpiFormula("NPS", layout, table)).toBeUndefined();
    expect(kpiFormula("ProductsPerAccount", layout, table)).toBeUndefined();
    for (const id of IDS) {
      expect(report.kpis.find((k) => k.id === id)!.value).toBeUndefined();
      expect(kpiCell(report, id)).toBeUndefined();
    }
  });
});

/** A cell of a random table: a value, a blank, a number typed as text, or text (which leaves the row out). */
const npsSurvey = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 10 }), weight: 8 },
  { arbitrary: fc.constant(null), weight: 3 },
  { arbitrary: fc.constantFrom("9", "3"), weight: 1 },
  { arbitrary: fc.constant("n/a"), weight: 1 },
);
const npsAccount = fc.oneof(
  { arbitrary: fc.integer({ min: -100, max: 100 }), weight: 6 },
  { arbitrary: fc.integer({ min: -1000, max: 1000 }).map((x) => x / 10), weight: 2 },
  { arbitrary: fc.constant(null), weight: 3 },
  { arbitrary: fc.constantFrom("-20", "45"), weight: 1 },
  { arbitrary: fc.constant("n/a"), weight: 1 },
);
const productsCount = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 6 }), weight: 8 },
  { arbitrary: fc.constant(null), weight: 3 },
  { arbitrary: fc.constant("2"), weight: 1 },
  { arbitrary: fc.constant("several"), weight: 1 },
);
const productRevenue = fc.constantFrom<number | string | null>(null, null, 0, 5, 120, 3000, "800");
const BLOCK = ["Product: Connectivity", "Product: Cloud voice", "Product: Security"];

type Edit = { readonly row: number; readonly what: "nps" | "products" | "block" | "status" };

/** The table as the edits leave it, in the core's terms: text typed over a number is none, "Churned" churns. */
function edited(table: AccountTable, edits: readonly Edit[]): AccountTable {
  const nps = table.numbers.nps && Float64Array.from(table.numbers.nps);
  const products = table.numbers.products && Float64Array.from(table.numbers.products);
  const block = table.productRevenue?.map((p) => Float64Array.from(p.values));
  const status = table.status && Int8Array.from(table.status);
  for (const { row, what } of edits) {
    if (what === "nps" && nps) nps[row] = NaN;
    if (what === "products" && products) products[row] = NaN;
    if (what === "block" && block) block[row % block.length][row] = NaN;
    if (what === "status" && status) status[row] = 1;
  }
  return {
    ...table,
    numbers: { ...table.numbers, ...(nps ? { nps } : {}), ...(products ? { products } : {}) },
    ...(block ? { productRevenue: table.productRevenue!.map((p, j) => ({ ...p, values: block[j] })) } : {}),
    ...(status ? { status } : {}),
  };
}

describe("the NPS and products-per-account KPIs in HyperFormula, on random tables", () => {
  it("agree with the core on both NPS scales and both product sources, before and after edits", () => {
    const seen = new Set<string>();
    const row = fc.record({
      status: fc.constantFrom("Active", "Active", "Churned", null),
      revenue: fc.constantFrom(null, 0, 50, 120),
      survey: npsSurvey,
      account: npsAccount,
      products: productsCount,
      block: fc.tuple(productRevenue, productRevenue, productRevenue),
    });
    const edit = fc.record({
      row: fc.nat({ max: 19 }),
      what: fc.constantFrom<Edit["what"]>("nps", "products", "block", "status"),
    });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 20 }),
        fc.constantFrom("survey", "account"),
        fc.boolean(),
        fc.boolean(),
        fc.array(edit, { maxLength: 4 }),
        (rows, scale, withProducts, withStatus, edits) => {
          const headers = [
            "Account",
            "Revenue FY25",
            ...(withStatus ? ["Status"] : []),
            "NPS",
            ...(withProducts ? ["Products"] : []),
            ...BLOCK,
          ];
          const values = [
            headers,
            ...rows.map((r, i) => [
              `Account ${i + 1}`,
              r.revenue,
              ...(withStatus ? [r.status] : []),
              // An account NPS below 0 in the first row: the scale is "account" whatever the others are.
              scale === "survey" ? r.survey : i === 0 ? -40 : r.account,
              ...(withProducts ? [r.products] : []),
              ...r.block,
            ]),
          ];
          const input: TableInput = { sheet: "Account Data", top: 0, left: 0, values };
          const { table, options, report } = prepareReport(input);
          const rejected = values.filter((r) => r.includes("n/a") || r.includes("several")).length;
          expect(table.count).toBe(rows.length - rejected);
          if (!report) return;
          expect(table.npsScale).toBe(scale);
          expect(table.numbers.products === undefined).toBe(!withProducts);
          for (const id of IDS)
            if (report.kpis.find((k) => k.id === id)!.value !== undefined)
              seen.add(`${id} ${id === "NPS" ? scale : withProducts ? "column" : "block"}`);
          // Each edit on an account of the table (row modulo the count), where its column exists.
          const applied = edits
            .map((x) => ({ ...x, row: x.row % table.count }))
            .filter((x) => (x.what !== "status" || withStatus) && (x.what !== "products" || withProducts));
          const header = { nps: "NPS", products: "Products", status: "Status" } as const;
          withPlanEngine(report.plan, (e) => {
            expectKpisAsCore(e, report, table, options);
            for (const { row: i, what } of applied) {
              const h = what === "block" ? table.productRevenue![i % BLOCK.length].header : header[what];
              e.set("Accounts", `${accountsColumn(report, h)}${i + 2}`, what === "status" ? "Churned" : "n/a");
            }
            expectKpisAsCore(e, report, edited(table, applied), options);
          });
        },
      ),
      { numRuns: 40, seed: 31 },
    );
    // Every branch was compared with a value: both scales, both product sources.
    expect([...seen].sort()).toEqual([
      "NPS account",
      "NPS survey",
      "ProductsPerAccount block",
      "ProductsPerAccount column",
    ]);
  });
});
