import { columnLetters, type AccountMetrics, type AccountTable, type PortfolioOptions } from "../../core";
import type { ChartPlan, PlanCell, RangeStyle } from "../plan";
import type { AccountsLayout } from "./accountsSheet";
import type { InputRefs } from "./inputsSheet";
import { bubbleRadius, placeLabels } from "./labelPlacement";
import { FORMATS, header, section } from "./look";

/** How many of the drawn accounts carry their name on the chart, at most: more names overlap into a smear. */
export const MATRIX_CHART_LABELS = 10;

/** Bubbles at 30% of Excel's default size: forty full-size bubbles would cover the plot. */
const BUBBLE_SCALE = 30;
/** A scatter marker's radius in axis units (a 7-point circle on the planned chart). */
const MARKER_RADIUS = 0.75;

/** The data block's columns before the one column per segment. */
const FIXED = ["#", "Account", "Strength", "Attractiveness", "", "Quadrant", "Named on chart"] as const;
/** Their places: x, y, bubble size (or the ranking's attractiveness), the live segment, the label. */
const X = 2;
const Y = 3;
const SIZE = 4;
const QUADRANT = 5;
const LABEL = 6;

export interface MatrixChartPlace {
  /** The data block's first column (0-based) and title row; its header is the row below, its accounts below that. */
  readonly left: number;
  readonly top: number;
  /** The chart's corners. */
  readonly from: string;
  readonly to: string;
}

export interface MatrixChart {
  readonly blocks: { at: string; rows: PlanCell[][] }[];
  readonly styles: RangeStyle[];
  readonly chart?: ChartPlan;
  /** Widths the data block's columns need, by letter. */
  readonly columnWidths: Record<string, number>;
  /** Rows the data block takes below its title (header and accounts); 0 when nothing is drawn. */
  readonly rows: number;
  readonly notes: string[];
}

/**
 * The portfolio matrix as a chart: the N largest active accounts with both scores (chosen when built), strength x,
 * attractiveness y, bubble size revenue (a scatter chart without a revenue column), one series per segment in the
 * segment table's colours. The data block holds live formulas: each account's scores and Quadrant from the Accounts
 * sheet, and per segment a column
 *
 *   =IF(Quadrant = segment name, Attractiveness, NA())
 *
 * so an account is a point of its own segment's series only: Excel and LibreOffice draw no point for #N/A in a
 * scatter or bubble series, and a point changes colour (series) when a cut-off, weight or rating moves it to another
 * segment. At most MATRIX_CHART_LABELS accounts are named, the largest whose name finds a side of its point clear
 * of the larger ones' names (labelPlacement.ts; the "Named on chart" column, blank for the others).
 */
export function matrixChart(
  table: AccountTable,
  options: PortfolioOptions,
  metrics: AccountMetrics,
  layout: AccountsLayout,
  inputs: InputRefs,
  colours: readonly string[],
  place: MatrixChartPlace,
): MatrixChart {
  const none: MatrixChart = { blocks: [], styles: [], columnWidths: {}, rows: 0, notes: [] };
  const bubble = layout.has("revenue");
  if (!layout.has("quadrant")) return none;
  const eligible = chartableAccounts(table, metrics);
  const drawn = largestFirst(table, metrics, eligible).slice(0, options.topN);
  if (drawn.length === 0) return none;
  const segments = options.segments;
  const col = (j: number) => columnLetters(place.left + j);
  const first = place.top + 2;
  const last = first + drawn.length - 1;
  const head = place.top + 1;
  const sizeHeader = bubble ? "Revenue" : "Attractiveness";
  const rank = bubble ? "revenue" : "attractiveness";
  const segmentCol = (k: number) => col(FIXED.length + k);
  const lastCol = segmentCol(segments.length - 1);
  // The names: the largest accounts whose name has a side of its point clear of the larger ones' names.
  const revenue = table.numbers.revenue;
  const largest = revenue ? Math.max(...drawn.map((i) => revenue[i] || 0)) : 0;
  const sides = placeLabels(
    drawn.map((i) => ({
      x: metrics.strength[i],
      y: metrics.attractiveness[i],
      // Excel draws bubbles at the plan's scale, LibreOffice at 100 whatever it says.
      radii:
        bubble && revenue
          ? [BUBBLE_SCALE, 100].map((scale) => bubbleRadius(revenue[i] || 0, largest, scale))
          : [MARKER_RADIUS],
      text: table.labels.account![i] ?? "",
    })),
    MATRIX_CHART_LABELS,
  );
  const rows: PlanCell[][] = [
    [...FIXED.map((h, j) => (j === SIZE ? sizeHeader : h)), ...segments.map((_, k) => ({ f: inputs.segmentName(k) }))],
  ];
  drawn.forEach((i, k) => {
    const r = first + k;
    const name = table.labels.account![i];
    rows.push([
      k + 1,
      name,
      { f: layout.cell("strength", i) },
      { f: layout.cell("attractiveness", i) },
      { f: `N(${layout.cell(rank, i)})` },
      { f: layout.cell("quadrant", i) },
      sides[k] ? name : null,
      ...segments.map((_, s) => ({
        f: `IF($${col(QUADRANT)}${r}=${segmentCol(s)}$${head},$${col(Y)}${r},NA())`,
      })),
    ]);
  });
  const blocks = [
    {
      at: `${col(0)}${place.top}`,
      rows: [
        [
          `Chart data: the ${drawn.length} largest accounts by ${sizeHeader.toLowerCase()} when built. A segment's ` +
            "column holds the attractiveness of its accounts and #N/A (not drawn) for the others.",
        ],
      ],
    },
    { at: `${col(0)}${head}`, rows },
  ];
  const styles: RangeStyle[] = [
    section(`${col(0)}${place.top}:${lastCol}${place.top}`),
    header(`${col(0)}${head}:${lastCol}${head}`),
    { range: `${col(X)}${first}:${col(Y)}${last}`, numberFormat: FORMATS.score },
    { range: `${col(SIZE)}${first}:${col(SIZE)}${last}`, numberFormat: bubble ? FORMATS.moneyFull : FORMATS.score },
    { range: `${segmentCol(0)}${first}:${lastCol}${last}`, numberFormat: FORMATS.score, font: { color: "808080" } },
  ];
  for (let s = 0; s < segments.length; s++)
    styles.push({ range: `${segmentCol(s)}${head}`, fill: colours[s], font: { bold: true, color: "000000" } });
  const range = (j: number) => `${col(j)}${first}:${col(j)}${last}`;
  // Hosts that label point by point (Office.js) label each named account in the series it is drawn in when built:
  // a point that is #N/A may refuse a label (unsettled), and four labels per account would mostly go unseen.
  const labelPoints = (k: number) => drawn.flatMap((i, p) => (sides[p] && metrics.segment[i] === k ? [p] : []));
  const labelPositions = sides.map((side) => side ?? "right");
  const chart: ChartPlan = {
    kind: bubble ? "bubble" : "scatter",
    title: `Portfolio matrix: the ${drawn.length} ${bubble ? "largest accounts (bubble size: revenue)" : "most attractive accounts"}`,
    from: place.from,
    to: place.to,
    series: segments.map((s, k) => ({
      name: s.name,
      categories: range(X),
      values: `${segmentCol(k)}${first}:${segmentCol(k)}${last}`,
      ...(bubble ? { sizes: range(SIZE) } : {}),
      labels: range(LABEL),
      labelPoints: labelPoints(k),
      labelPositions,
      color: colours[k],
    })),
    xAxisTitle: "Relative strength (0–100)",
    yAxisTitle: "Account attractiveness (0–100)",
    xAxis: { min: 0, max: 100, numberFormat: "0" },
    yAxis: { min: 0, max: 100, numberFormat: "0" },
    ...(options.grid === 2 ? { crossAt: { x: options.cuts.strength[0], y: options.cuts.attractiveness[0] } } : {}),
    ...(bubble ? { bubbleScale: BUBBLE_SCALE } : {}),
    legend: "bottom",
  };
  // A segment column as wide as its name as built (names are the analyst's), within reason.
  const segmentWidth = Math.min(16, Math.max(11, ...segments.map((s) => s.name.length + 2)));
  const columnWidths: Record<string, number> = {
    [col(0)]: 5,
    [col(1)]: 26,
    [col(X)]: 10,
    [col(Y)]: 13,
    [col(SIZE)]: 13,
    [col(QUADRANT)]: 12,
    [col(LABEL)]: 24,
  };
  for (let s = 0; s < segments.length; s++) columnWidths[segmentCol(s)] = segmentWidth;
  const notes =
    drawn.length < eligible.length
      ? [`Portfolio Matrix: the chart shows the ${drawn.length} largest of ${eligible.length} accounts.`]
      : [];
  return { blocks, styles, chart, columnWidths, rows: 1 + drawn.length, notes };
}

/** The accounts the chart draws: active, with both scores, the largest by revenue (else attractiveness) first. */
export const chartAccounts = (table: AccountTable, metrics: AccountMetrics, n: number): number[] =>
  largestFirst(table, metrics, chartableAccounts(table, metrics)).slice(0, n);

/** The accounts the matrix can draw: active, with both scores. */
function chartableAccounts(table: AccountTable, m: AccountMetrics): number[] {
  const eligible: number[] = [];
  for (let i = 0; i < table.count; i++)
    if (m.active[i] === 1 && !Number.isNaN(m.attractiveness[i]) && !Number.isNaN(m.strength[i])) eligible.push(i);
  return eligible;
}

/** The accounts by revenue (else attractiveness), largest first; ties in table order. */
function largestFirst(table: AccountTable, metrics: AccountMetrics, accounts: number[]): number[] {
  const revenue = table.numbers.revenue;
  const size = (i: number) => (revenue ? (Number.isNaN(revenue[i]) ? 0 : revenue[i]) : metrics.attractiveness[i]);
  return [...accounts].sort((a, b) => size(b) - size(a) || a - b);
}
