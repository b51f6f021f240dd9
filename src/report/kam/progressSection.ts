import { columnLetters, compareSnapshots, type Kpi, type Snapshot } from "../../core";
import type { CellBlock, ChartPlan, PlanCell, RangeStyle, SheetPlan } from "../plan";
import { KPI_HISTORY_TABLE } from "./historySheet";
import { COLOURS, grid, header, KPI_FORMAT, note, section } from "./look";

/** Snapshots the trend table shows, the latest ones: a quarter a snapshot makes three years. */
export const TREND_SNAPSHOTS = 12;
/** Quadrant moves listed, largest revenue first. */
export const MOVES_LISTED = 25;
const LINE_COLOURS = ["2E75B6", "C00000", "70AD47", "FFC000", "7030A0", "A5A5A5"];
const CHART_ROWS = 16;

/** The trend cell of one KPI in one snapshot: its value in the KamHistoryKpis table, blank where none is recorded. */
export function trendFormula(labelCell: string, kpiName: string): string {
  const t = KPI_HISTORY_TABLE;
  const match = `${t}[Snapshot],${labelCell},${t}[KPI],"${kpiName}"`;
  return `IF(COUNTIFS(${match})=0,"",SUMIFS(${t}[Value],${match}))`;
}

export interface ProgressSection {
  readonly blocks: readonly CellBlock[];
  readonly styles: readonly RangeStyle[];
  readonly charts: readonly ChartPlan[];
  readonly rowHeights: Readonly<Record<number, number>>;
  /** The last row the section uses. */
  readonly bottom: number;
  /** Where the trend values are, by KPI name, and the rows of the snapshots: for tests. */
  readonly trend: {
    readonly firstRow: number;
    readonly labels: readonly string[];
    readonly columns: Readonly<Record<string, string>>;
  };
}

/**
 * The dashboard's Progress section (issue 19, part 3), from row `top` down: each KPI's value per snapshot (the latest
 * TREND_SNAPSHOTS, oldest first) as native formulas over the KAM History KPI table (SUMIFS with the snapshot labels
 * written as constants, so the file reads the same without the add-in and in Excel without dynamic arrays), a line
 * chart of the rates (the percentage KPIs share one axis), and the accounts that changed quadrant since the previous
 * snapshot, from → to, with the criterion that moved them (core compareSnapshots). One snapshot only: a sentence says
 * trends come with the next build.
 */
export function progressSection(top: number, kpis: readonly Kpi[], snapshots: readonly Snapshot[]): ProgressSection {
  const blocks: CellBlock[] = [];
  const styles: RangeStyle[] = [];
  const charts: ChartPlan[] = [];
  const rowHeights: Record<number, number> = {};
  const current = snapshots[snapshots.length - 1];
  const shown = snapshots.slice(-TREND_SNAPSHOTS);
  const recorded = new Set(current.kpis.map((k) => k.kpi));
  const trendKpis = kpis.filter((k) => recorded.has(`KPI_${k.id}`)).slice(0, 11);
  // the table is as wide as its KPIs: column A alone when the snapshot records none
  const lastCol = columnLetters(trendKpis.length);
  const intro =
    snapshots.length === 1
      ? "The first snapshot: trends appear from the next build."
      : `${snapshots.length} snapshots in KAM History${snapshots.length > shown.length ? `, the latest ${shown.length} shown` : ""}; each build adds one.`;
  blocks.push({ at: `A${top}`, rows: [["Progress"]] }, { at: `A${top + 1}`, rows: [[intro]] });
  styles.push(section(`A${top}:L${top}`), note(`A${top + 1}`));
  const head = top + 3;
  const firstRow = head + 1;
  const rows: PlanCell[][] = [["Snapshot", ...trendKpis.map((k) => k.label)]];
  const columns: Record<string, string> = {};
  trendKpis.forEach((k, j) => (columns[`KPI_${k.id}`] = columnLetters(j + 1)));
  shown.forEach((s, i) => {
    const r = firstRow + i;
    rows.push([s.label, ...trendKpis.map((k) => ({ f: trendFormula(`$A${r}`, `KPI_${k.id}`) }))]);
  });
  const lastRow = firstRow + shown.length - 1;
  blocks.push({ at: `A${head}`, rows });
  rowHeights[head] = 30;
  styles.push(header(`A${head}:${lastCol}${head}`), grid(`A${head}:${lastCol}${lastRow}`));
  trendKpis.forEach((k, j) => {
    const c = columnLetters(j + 1);
    styles.push({ range: `${c}${firstRow}:${c}${lastRow}`, numberFormat: KPI_FORMAT[k.format] });
  });
  let row = lastRow + 2;
  if (snapshots.length < 2) {
    return {
      blocks,
      styles,
      charts,
      rowHeights,
      bottom: lastRow,
      trend: { firstRow, labels: shown.map((s) => s.label), columns },
    };
  }

  const rates = trendKpis.filter((k) => k.format === "percent");
  if (rates.length > 0) {
    charts.push({
      kind: "line",
      title: "Rates over the snapshots",
      from: `A${row}`,
      to: `L${row + CHART_ROWS}`,
      series: rates.map((k, i) => ({
        name: k.label,
        categories: `A${firstRow}:A${lastRow}`,
        values: `${columns[`KPI_${k.id}`]}${firstRow}:${columns[`KPI_${k.id}`]}${lastRow}`,
        color: LINE_COLOURS[i % LINE_COLOURS.length],
      })),
      yAxis: { numberFormat: "0%" },
      legend: "bottom",
    });
    row += CHART_ROWS + 2;
  }

  const previous = snapshots[snapshots.length - 2];
  const moves = compareSnapshots(previous, current);
  blocks.push({
    at: `A${row}`,
    rows: [
      [
        moves.length === 0
          ? `No account changed quadrant since the previous snapshot (${previous.label}).`
          : `Accounts that changed quadrant since the previous snapshot (${previous.label}): ${moves.length} in all` +
            (moves.length > MOVES_LISTED ? `, the ${MOVES_LISTED} with the most revenue listed` : ""),
      ],
    ],
  });
  styles.push(section(`A${row}:F${row}`));
  if (moves.length === 0)
    return {
      blocks,
      styles,
      charts,
      rowHeights,
      bottom: row,
      trend: { firstRow, labels: shown.map((s) => s.label), columns },
    };
  const listTop = row + 1;
  // The criterion last, where its name can run on into the empty column beside it.
  const list: PlanCell[][] = [["Account", "From", "To", "Its part change", "Attractiveness change", "Moved by"]];
  for (const m of moves.slice(0, MOVES_LISTED)) {
    list.push([
      m.account,
      m.from,
      m.to,
      m.partChange,
      m.attractivenessChange,
      m.criterion ?? (m.attractivenessChange === 0 ? "Strength" : ""),
    ]);
  }
  const listBottom = listTop + list.length - 1;
  blocks.push({ at: `A${listTop}`, rows: list });
  rowHeights[listTop] = 30;
  styles.push(
    header(`A${listTop}:F${listTop}`),
    grid(`A${listTop}:F${listBottom}`),
    { range: `D${listTop + 1}:E${listBottom}`, numberFormat: "+0.0;-0.0;0.0" },
    { range: `F${listTop + 1}:F${listBottom}`, font: { bold: true, color: COLOURS.title } },
  );
  return {
    blocks,
    styles,
    charts,
    rowHeights,
    bottom: listBottom,
    trend: { firstRow, labels: shown.map((s) => s.label), columns },
  };
}

/** The last row a sheet plan uses: its blocks, charts and print area. */
export function lastRowOf(sheet: SheetPlan): number {
  const rowOf = (a: string) => Number(/(\d+)$/.exec(a)?.[1] ?? 0);
  let last = 0;
  for (const b of sheet.blocks) last = Math.max(last, rowOf(b.at) + b.rows.length - 1);
  for (const c of sheet.charts ?? []) last = Math.max(last, rowOf(c.to));
  if (sheet.print?.area) last = Math.max(last, rowOf(sheet.print.area));
  return last;
}

/** The dashboard with the Progress section under everything else, in its print area too. */
export function withProgress(
  sheet: SheetPlan,
  kpis: readonly Kpi[],
  snapshots: readonly Snapshot[],
): { sheet: SheetPlan; section: ProgressSection } {
  const s = progressSection(lastRowOf(sheet) + 2, kpis, snapshots);
  return {
    section: s,
    sheet: {
      ...sheet,
      blocks: [...sheet.blocks, ...s.blocks],
      styles: [...(sheet.styles ?? []), ...s.styles],
      charts: [...(sheet.charts ?? []), ...s.charts],
      rowHeights: { ...sheet.rowHeights, ...s.rowHeights },
      ...(sheet.print ? { print: { ...sheet.print, area: `A1:L${s.bottom}` } } : {}),
    },
  };
}
