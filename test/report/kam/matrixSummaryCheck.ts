/**
 * The Portfolio Matrix's "Portfolio segments" table (matrixSheet.ts) against the core's per-account metrics
 * (core/portfolio/metrics.ts), for any engine that gives a cell's value: HyperFormula (matrixSummary.engine.test.ts)
 * and LibreOffice (matrixSummary.libreoffice.test.ts). For each segment, its active accounts, their revenue and share
 * of it, their average CLV and NPS; and the "All segments" row over the same accounts, the active accounts that have
 * a segment (an account without both scores is in no segment and so in no row).
 */
import { expect } from "vitest";
import { countedRevenue, type AccountTable, type PortfolioOptions } from "../../../src/core";
import type { Report } from "../../../src/report/kam/buildReport";
import { prepareReport } from "../../../src/report/kam/prepareReport";
import { sampleValues } from "../../fixtures/kamSample";

const close = (a: unknown, b: number) => typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const mean = (xs: number[]) => xs.reduce((t, x) => t + x, 0) / xs.length;

/** NPS as the KPI defines it: survey answers 100 × (share 9–10 − share 0–6), account NPS their mean. */
function npsOf(table: AccountTable, answers: number[]) {
  if (answers.length === 0) return undefined;
  if (table.npsScale === "account") return mean(answers);
  return (100 * (answers.filter((x) => x >= 9).length - answers.filter((x) => x <= 6).length)) / answers.length;
}

/** What one row of the table shows for the active accounts `members`, by the core's metrics. */
function rowOf(table: AccountTable, report: Report, members: number[]) {
  const { metrics } = report;
  const clvs = members.map((i) => metrics.clv[i]).filter((x) => !Number.isNaN(x));
  const answers = members.map((i) => table.numbers.nps![i]).filter((x) => !Number.isNaN(x));
  return {
    count: members.length,
    revenue: members.reduce((t, i) => t + countedRevenue(table, metrics.active, i), 0),
    clv: clvs.length ? mean(clvs) : undefined,
    nps: npsOf(table, answers),
  };
}

const CRITERIA = ["Growth potential", "Strategic fit", "Margin potential", "Innovation partnership"];

/**
 * The sample (300 accounts) with every fifth account's ratings left blank (no attractiveness, so no segment), its
 * NPS on the survey scale or, for "account", an account NPS from −100 to 100.
 */
export function reportWithUnsegmented(npsScale: "survey" | "account") {
  const values = sampleValues({ count: 300, seed: 7 });
  const header = values[0].map(String);
  const criteria = CRITERIA.map((c) => header.indexOf(c));
  const nps = header.indexOf("NPS");
  for (let r = 1; r < values.length; r += 5) for (const j of criteria) values[r][j] = null;
  if (npsScale === "account") for (let r = 1; r < values.length; r++) values[r][nps] = ((r * 37) % 201) - 100;
  const { table, options, report } = prepareReport({ sheet: "Account Data", top: 0, left: 0, values });
  if (!report) throw new Error("no report");
  return { table, options, report };
}

/**
 * Every cell of the segment table as the core computes it, `value` reading the recalculated Portfolio Matrix, and
 * `isBlank` saying whether a value is the formula's "" as that engine gives it back.
 */
export function expectMatrixSummaryAsCore(
  run: { table: AccountTable; options: PortfolioOptions; report: Report },
  value: (address: string) => unknown,
  isBlank: (v: unknown) => boolean,
) {
  const { table, options, report } = run;
  const { metrics } = report;
  const active = [...Array(table.count).keys()].filter((i) => metrics.active[i]);
  // The case the All segments row must get right: active accounts with a CLV but no segment.
  const outside = active.filter((i) => metrics.segment[i] < 0);
  expect(outside.filter((i) => !Number.isNaN(metrics.clv[i])).length).toBeGreaterThan(10);

  const matrix = report.plan.sheets.find((s) => s.name === "Portfolio Matrix")!;
  const block = matrix.blocks.find((b) => b.rows[0][0] === "Segment")!;
  const top = Number(/\d+$/.exec(block.at)![0]);
  const segments = options.segments;
  const cells = block.rows.length - 2;
  expect(cells).toBe(segments.length);
  const rows = [...Array(cells).keys()].map((k) =>
    rowOf(
      table,
      report,
      active.filter((i) => metrics.segment[i] === k),
    ),
  );
  rows.push(
    rowOf(
      table,
      report,
      active.filter((i) => metrics.segment[i] >= 0),
    ),
  );
  const total = rows[cells].revenue;
  expect(total).toBeGreaterThan(0);

  rows.forEach((want, k) => {
    const at = (col: string) => value(`${col}${top + 1 + k}`);
    const label = k < cells ? segments[k].name : "All segments";
    expect(at("A"), `A${top + 1 + k}`).toBe(label);
    expect(at("B"), `${label}: active accounts`).toBe(want.count);
    expect(close(at("C"), want.revenue), `${label}: revenue ${String(at("C"))} vs ${want.revenue}`).toBe(true);
    expect(close(at("D"), want.revenue / total), `${label}: share ${String(at("D"))}`).toBe(true);
    const clv = at("E");
    if (want.clv === undefined) expect(isBlank(clv), `${label}: average CLV ${String(clv)}`).toBe(true);
    else expect(close(clv, want.clv), `${label}: average CLV ${String(clv)} vs ${want.clv}`).toBe(true);
    const nps = at("F");
    if (want.nps === undefined) expect(isBlank(nps), `${label}: NPS ${String(nps)}`).toBe(true);
    else expect(close(nps, want.nps), `${label}: NPS ${String(nps)} vs ${want.nps}`).toBe(true);
  });
}
