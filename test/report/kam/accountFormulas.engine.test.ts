/**
 * The Accounts sheet's Active, Revenue change and At risk formulas (src/report/kam/accountFormulas.ts) for tables
 * without a status column, without a current revenue column or without both, evaluated by HyperFormula against the
 * core's metrics (core activeFlags and accountMetrics) and values worked by hand. The sample's full table is
 * kamReport.engine.test.ts's.
 */
import { describe, expect, it } from "vitest";
import type { Cell } from "../../../samples/telecomAccounts";
import type { SheetPlan } from "../../../src/report/plan";
import { planCellAt } from "../../../src/report/planCells";
import { prepareReport, type PrepareOptions } from "../../../src/report/kam/prepareReport";
import { columnLetters } from "../../../src/core";
import { planEngine } from "../../support/planEngine";

/** The Accounts sheet's columns for a hand-made table as HyperFormula computes them, the KPI_AtRisk cell, the core. */
function accountsOf(values: Cell[][], options: PrepareOptions = {}) {
  const { table, report } = prepareReport({ sheet: "Account Data", top: 0, left: 0, values }, options);
  const plan = report!.plan;
  const accounts = plan.sheets.find((s) => s.name === "Accounts")!;
  const headers: string[] = [];
  for (let c = 1; planCellAt(accounts, 1, c) !== null; c++) headers.push(String(planCellAt(accounts, 1, c)));
  const engine = planEngine(plan.sheets as SheetPlan[]);
  try {
    const columns = Object.fromEntries(
      headers.map((h, j) => [
        h,
        Array.from({ length: table.count }, (_, i) => engine.value("Accounts", `${columnLetters(j)}${i + 2}`)),
      ]),
    );
    const name = plan.names?.find((n) => n.name === "KPI_AtRisk");
    const m = name ? /^'(.+)'!\$([A-Z]+)\$(\d+)$/.exec(name.refersTo) : null;
    const atRiskKpi = m ? engine.value(m[1], `${m[2]}${m[3]}`) : undefined;
    const column = (h: string) => {
      if (!(h in columns)) throw new Error(`no ${h} column on the Accounts sheet: ${headers.join(", ")}`);
      return columns[h];
    };
    return { table, report: report!, metrics: report!.metrics, headers, column, atRiskKpi };
  } finally {
    engine.destroy();
  }
}

describe("the Accounts formulas without a status or revenue column", () => {
  it("counts an account active where its revenue is above 0 when there is no status column", () => {
    const { metrics, headers, column } = accountsOf([
      ["Account", "Revenue FY25", "NPS"],
      ["Atlas", 120, 9],
      ["Borealis", 0, 8],
      ["Cygnus", null, 7],
      ["Draco", 40, 3],
    ]);
    expect(headers).not.toContain("Status");
    // By hand: revenue above 0 is active (Atlas, Draco); 0 and blank are not.
    expect(column("Active")).toEqual([true, false, false, true]);
    expect(Array.from(metrics.active)).toEqual([1, 0, 0, 1]);
    // At risk among the active: Draco's NPS 3 (≤ 6); the inactive are never at risk.
    expect(column("At risk")).toEqual(Array.from(metrics.atRisk, (x) => x === 1));
    expect(column("At risk")).toEqual([false, false, false, true]);
  });

  it("counts no account active where there is neither status nor revenue", () => {
    const { metrics, column } = accountsOf([
      ["Account", "NPS", "Growth potential"],
      ["Atlas", 9, 4],
      ["Borealis", 2, 3],
    ]);
    expect(column("Active")).toEqual([false, false]);
    expect(Array.from(metrics.active)).toEqual([0, 0]);
    expect(column("At risk")).toEqual([false, false]);
  });

  it("counts the current revenue as 0 where only last year's is given, and at risk by NPS alone, as the core does", () => {
    const { metrics, report, table, column, atRiskKpi } = accountsOf([
      ["Account", "Status", "Prior revenue", "NPS"],
      ["Atlas", "Active", 100, 9],
      ["Borealis", "Churned", 200, 9],
      ["Cygnus", "Active", null, 9],
      ["Draco", "Active", 50, 4],
    ]);
    expect(table.numbers.revenue).toBeUndefined();
    // By hand: 0 / prior − 1 = −1 where a prior revenue is given; blank where not.
    expect(column("Revenue change")).toEqual([-1, -1, "", -1]);
    expect(Array.from(metrics.revenueChange)).toEqual([-1, -1, Number.NaN, -1]);
    // At risk: Draco's NPS 4 (≤ 6). Without a revenue column there is no revenue to fall below last year's (the KPI
    // "needs an NPS column, or Revenue and Prior revenue columns"): the sheet, the core and the KPI say one account.
    expect(column("At risk")).toEqual([false, false, false, true]);
    expect(Array.from(metrics.atRisk)).toEqual([0, 0, 0, 1]);
    expect(report.kpis.find((k) => k.id === "AtRisk")!.value).toBe(1);
    expect(atRiskKpi).toBe(1);
  });
});

describe("the Accounts formulas for a gross margin given as an amount", () => {
  /** Each number of a core metric as the sheet shows it: a blank for NaN. */
  const shown = (xs: Float64Array) => Array.from(xs, (x) => (Number.isNaN(x) ? "" : x));

  it("takes the margin as it is, with or without a revenue column, and the CLV from it, as the core does", () => {
    const { table, metrics, column } = accountsOf([
      ["Account", "Status", "Revenue FY25", "Prior revenue", "Gross margin"],
      ["Atlas", "Active", 1000, 900, 250],
      ["Borealis", "Active", 500, 400, null],
      ["Cygnus", "Churned", 0, 300, 60],
      ["Draco", "Active", null, 100, 12.5],
    ]);
    expect(table.marginBasis).toBe("amount");
    // By hand: the amounts as given (not times revenue: Draco's margin stands without a revenue), blank where none.
    expect(column("Margin")).toEqual([250, "", 60, 12.5]);
    expect(shown(metrics.margin)).toEqual([250, "", 60, 12.5]);
    // CLV m·r/(1+d−r) for the active accounts with a margin (Cygnus has churned, Borealis has none): r = 3 of 4
    // accounts kept = 0.75, d = 10 %, so m · 0.75/0.35 = m · 15/7.
    const clv = column("CLV");
    expect(clv[0]).toBeCloseTo((250 * 15) / 7, 9);
    expect(clv[3]).toBeCloseTo((12.5 * 15) / 7, 9);
    expect([clv[1], clv[2]]).toEqual(["", ""]);
    expect(metrics.clv[0]).toBeCloseTo(clv[0] as number, 9);
    expect(metrics.clv[3]).toBeCloseTo(clv[3] as number, 9);

    // No revenue column: a margin in amounts still stands on its own (a percentage would need a revenue).
    const alone = accountsOf([
      ["Account", "Prior revenue", "Gross margin"],
      ["Atlas", 900, 250],
      ["Borealis", 400, 40],
    ]);
    expect(alone.headers).not.toContain("Revenue");
    expect(alone.column("Margin")).toEqual([250, 40]);
    expect(shown(alone.metrics.margin)).toEqual([250, 40]);
  });
});

describe("the Accounts formulas for strength from one of its parts", () => {
  const shown = (xs: Float64Array) => Array.from(xs, (x) => (Number.isNaN(x) ? "" : Math.round(x * 1e9) / 1e9));
  const rounded = (xs: unknown[]) => xs.map((x) => (typeof x === "number" ? Math.round(x * 1e9) / 1e9 : x));

  it("scores relationship strength alone on its 1–5 scale where there is no share of wallet", () => {
    const { metrics, headers, column } = accountsOf([
      ["Account", "Revenue FY25", "Relationship strength"],
      ["Atlas", 100, 5],
      ["Borealis", 80, 2],
      ["Cygnus", 60, null],
      ["Draco", 40, 1],
    ]);
    expect(headers).not.toContain("Share of wallet");
    // By hand: 100 · (r − 1) / (5 − 1), blank without a rating.
    expect(rounded(column("Strength"))).toEqual([100, 25, "", 0]);
    expect(shown(metrics.strength)).toEqual([100, 25, "", 0]);
  });

  it("scores share of wallet alone, written as a fraction, where there is no relationship strength", () => {
    const { metrics, headers, column } = accountsOf([
      ["Account", "Revenue FY25", "Share of wallet"],
      ["Atlas", 100, 0.35],
      ["Borealis", 80, null],
      ["Cygnus", 60, 1],
    ]);
    expect(headers).not.toContain("Relationship strength");
    expect(rounded(column("Strength"))).toEqual([35, "", 100]);
    expect(shown(metrics.strength)).toEqual([35, "", 100]);
  });
});

describe("the Accounts criteria columns", () => {
  it("name a criterion without a header by its place among the criteria, as the table and the main driver show it", () => {
    const values: Cell[][] = [
      ["Account", "Revenue FY25", "", "Growth potential", ""],
      ["Atlas", 100, 5, 1, 3],
      ["Borealis", 80, 1, 5, 3],
    ];
    const { headers, column, report } = accountsOf(values, {
      overrides: {
        criteria: [2, 3, 4].map((c) => ({ column: c, weight: 1 })),
      },
    });
    expect(headers.slice(2, 5)).toEqual(["Criterion 1", "Growth potential", "Criterion 3"]);
    // the Main driver names one of them: its formula picks from the header row over the criteria, C1:E1
    const accounts = report.plan.sheets.find((s) => s.name === "Accounts")!;
    const driver = accounts.patterns![0].pattern[headers.indexOf("Main driver") - headers.indexOf("Active")];
    expect(driver).toEqual({ f: expect.stringContaining("INDEX($C$1:$E$1,") });
    // the ratings under those headers, as read
    expect([column("Criterion 1"), column("Growth potential"), column("Criterion 3")]).toEqual([
      [5, 1],
      [1, 5],
      [3, 3],
    ]);
  });
});

describe("the Accounts at-risk formula on an account NPS", () => {
  it("flags an account NPS below 0 (not 0 to 6, the survey's detractors), as the core does", () => {
    const { table, metrics, column, atRiskKpi } = accountsOf([
      ["Account", "Revenue FY25", "NPS"],
      ["Atlas", 100, -5],
      ["Borealis", 90, 0],
      ["Cygnus", 80, 5],
      ["Draco", 70, 40],
      ["Eridanus", 60, null],
    ]);
    expect(table.npsScale).toBe("account");
    expect(column("At risk")).toEqual([true, false, false, false, false]);
    expect(Array.from(metrics.atRisk)).toEqual([1, 0, 0, 0, 0]);
    expect(atRiskKpi).toBe(1);
  });
});

describe("the Accounts Main driver formula", () => {
  /**
   * HyperFormula reads two things in the Main driver formula differently from Excel (see mainDriver.engine.test.ts):
   * a number with an exponent (1E-12), given to it as a power of ten, and INDEX of a one-row range with one index,
   * given the row (1) as well.
   */
  const forEngine = (formula: string) =>
    formula.replace(/(\d+(?:\.\d+)?)E([+-]?\d+)/g, "($1*10^$2)").replace(/INDEX\(([^,]+),/g, "INDEX($1,1,");

  it("names what adds most to the score at or above the top cut-off, what holds it back most below it", () => {
    const { report } = prepareReport(
      {
        sheet: "Account Data",
        top: 0,
        left: 0,
        values: [
          ["Account", "Revenue FY25", "Fit", "Access"],
          ["Atlas", 100, 5, 4],
          ["Borealis", 90, 5, 1],
          ["Cygnus", 80, 2, 1],
          ["Draco", 70, null, null],
        ],
      },
      { overrides: { criteria: [2, 3].map((column) => ({ column, weight: 1 })) }, choices: { grid: 3 } },
    );
    const plan = report!.plan;
    const sheets = plan.sheets.map((s) =>
      s.name !== "Accounts"
        ? s
        : {
            ...s,
            patterns: s.patterns!.map((p) => ({
              ...p,
              pattern: p.pattern.map((c) => (typeof c === "object" && c !== null ? { f: forEngine(c.f) } : c)),
            })),
          },
    );
    const accounts = sheets.find((s) => s.name === "Accounts")!;
    const header = accounts.blocks[0].rows[0];
    const col = (h: string) => columnLetters(header.indexOf(h));
    const engine = planEngine(sheets);
    try {
      const at = (h: string) => [2, 3, 4, 5].map((r) => engine.value("Accounts", `${col(h)}${r}`));
      // Scores 100·Σ(x − 1)/8: 87.5, 50, 12.5 and none; the 3×3 grid's top cut-off is 66.7.
      expect(at("Attractiveness")).toEqual([87.5, 50, 12.5, ""]);
      // Atlas (above the top cut): Fit adds 4, Access 3. Borealis (50, between the cuts: below the top one) and
      // Cygnus: Access falls short by 4. Draco has no score, so no driver.
      expect(at("Main driver")).toEqual(["Fit", "Access", "Access", ""]);
    } finally {
      engine.destroy();
    }
  });
});
