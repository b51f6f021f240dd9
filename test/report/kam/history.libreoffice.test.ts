/**
 * The dashboard's Progress section recalculated by LibreOffice (issue 19, part 3): three quarterly builds of the seeded
 * sample, each carrying the previous plan's KAM History (as a host reads it). In the third workbook every trend cell
 * (SUMIFS over KamHistoryKpis with the snapshot labels as constants) equals the KPI the core computed in that quarter's
 * build (portfolioKpis, via each build's report.kpis); the moves listed are compareSnapshots' (core) over the last two
 * snapshots, from → to with the criterion; no cell of any sheet holds an error. One build alone says that trends
 * come with the next. The rendering of the section is docs/images/progress.png (README).
 */
import { describe, expect, it } from "vitest";
import { compareSnapshots, type HistoryTables } from "../../../src/core";
import type { Report } from "../../../src/report/kam/buildReport";
import { HISTORY_SHEET } from "../../../src/report/kam/historySheet";
import { prepareReport } from "../../../src/report/kam/prepareReport";
import { lastRowOf, progressSection } from "../../../src/report/kam/progressSection";
import { DASHBOARD_SHEET } from "../../../src/report/kam/dashboardSheet";
import { planCellAt } from "../../../src/report/planCells";
import type { WorkbookPlan } from "../../../src/report/plan";
import { writeWorkbook } from "../../../src/xlsx/writeWorkbook";
import { historyTablesOf } from "../../support/historyTables";
import { sampleValues } from "../../fixtures/kamSample";
import { recalculate, renderPictures } from "../../support/libreoffice";
import { errorsBesideChart } from "./matrixChartCheck";

const close = (a: unknown, b: number) => typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

const historyOf = (plan: WorkbookPlan): HistoryTables =>
  historyTablesOf(plan.sheets.find((s) => s.name === HISTORY_SHEET)!);

/** A quarter of the sample: `edit` changes the cells of one column for some accounts. */
function quarter(values: unknown[][], column: string, rows: [number, number], to: (x: unknown) => unknown) {
  const j = values[0].indexOf(column);
  return values.map((row, i) => (i >= rows[0] && i <= rows[1] ? row.map((c, k) => (k === j ? to(c) : c)) : row));
}

function build(values: unknown[][], now: string, previous?: Report): Report {
  const input = { sheet: "Account Data", top: 0, left: 0, values };
  const history = previous && historyOf(previous.plan);
  return prepareReport(input, { now: new Date(now), history }).report!;
}

describe("the Progress section in LibreOffice", async () => {
  const q1 = sampleValues({ count: 250 }) as unknown[][];
  // Q2: 40 accounts rate 5 on Margin potential and grow their revenue by 8%; Q3: 30 others lose Growth potential.
  const q2 = quarter(
    quarter(q1, "Margin potential", [1, 40], () => 5),
    "Revenue FY25",
    [1, 120],
    (x) => (typeof x === "number" ? Math.round(x * 1.08) : x),
  );
  const q3 = quarter(q2, "Growth potential", [60, 89], () => 1);
  const r1 = build(q1, "2026-03-31T18:00:00.000Z");
  const r2 = build(q2, "2026-06-30T18:00:00.000Z", r1);
  const r3 = build(q3, "2026-09-30T18:00:00.000Z", r2);
  const xlsx = await writeWorkbook(r3.plan);
  const wb = await recalculate(xlsx);
  const dashboard = r3.plan.sheets.find((s) => s.name === DASHBOARD_SHEET)!;
  // Where the section is: found from the plan's text (its title), then laid out as progressSection lays it out.
  let top = 1;
  while (planCellAt(dashboard, top, 1) !== "Progress") top++;

  it("recomputes each KPI's value per snapshot to the core's KPIs of that build", () => {
    const section = progressSection(top, r3.kpis, r3.snapshots);
    expect(section.trend.labels).toEqual([
      "2026-03-31T18:00:00.000Z",
      "2026-06-30T18:00:00.000Z",
      "2026-09-30T18:00:00.000Z",
    ]);
    let checked = 0;
    [r1, r2, r3].forEach((report, s) => {
      const row = section.trend.firstRow + s;
      expect(wb.value(DASHBOARD_SHEET, `A${row}`)).toBe(section.trend.labels[s]);
      for (const k of report.kpis.filter((x) => x.value !== undefined)) {
        const col = section.trend.columns[`KPI_${k.id}`];
        const got = wb.value(DASHBOARD_SHEET, `${col}${row}`);
        expect(close(got, k.value!), `${k.id} in ${section.trend.labels[s]}: ${JSON.stringify(got)}`).toBe(true);
        checked++;
      }
    });
    expect(checked).toBeGreaterThanOrEqual(30);
    // The quarters differ where the data did: revenue growth rose with Q2's revenue.
    const growth = section.trend.columns.KPI_RevenueGrowth;
    expect(wb.value(DASHBOARD_SHEET, `${growth}${section.trend.firstRow + 1}`)).toBeGreaterThan(
      wb.value(DASHBOARD_SHEET, `${growth}${section.trend.firstRow}`) as number,
    );
  });

  it("lists the accounts that changed quadrant since the previous snapshot, with the criterion that moved them", () => {
    const moves = compareSnapshots(r3.snapshots[1], r3.snapshots[2]);
    expect(moves.length).toBeGreaterThan(0);
    let head = top;
    while (planCellAt(dashboard, head, 1) !== "Account" || planCellAt(dashboard, head, 6) !== "Moved by") head++;
    moves.slice(0, 25).forEach((m, i) => {
      const r = head + 1 + i;
      expect(wb.value(DASHBOARD_SHEET, `A${r}`)).toBe(m.account);
      expect(wb.value(DASHBOARD_SHEET, `B${r}`)).toBe(m.from);
      expect(wb.value(DASHBOARD_SHEET, `C${r}`)).toBe(m.to);
      expect(wb.value(DASHBOARD_SHEET, `F${r}`)).toBe(m.criterion ?? "Strength");
      expect(close(wb.value(DASHBOARD_SHEET, `D${r}`), m.partChange!)).toBe(true);
    });
    // Q3 lowered Growth potential only: every move is down, and by it.
    expect(moves.every((m) => m.criterion === "Growth potential" && m.partChange! < 0)).toBe(true);
  });

  it("holds no error value in any cell (but the #N/A that leave points out of a chart series), and the history as planned", () => {
    expect(errorsBesideChart(wb, r3.plan)).toEqual([]);
    expect(wb.value(HISTORY_SHEET, "A2")).toBe("2026-03-31T18:00:00.000Z");
    expect(lastRowOf(dashboard)).toBeGreaterThan(top);
  });

  it("says the first snapshot has no trend yet", async () => {
    const only = r1.plan.sheets.find((s) => s.name === DASHBOARD_SHEET)!;
    let row = 1;
    while (planCellAt(only, row, 1) !== "Progress") row++;
    expect(planCellAt(only, row + 1, 1)).toBe("The first snapshot: trends appear from the next build.");
    expect(only.charts?.some((c) => c.title === "Rates over the snapshots")).toBe(false);
  });

  it("renders the section (docs/images/progress.png is cut from this page)", () => {
    expect(renderPictures(xlsx, "kam-history").length).toBeGreaterThan(0);
  });
});
