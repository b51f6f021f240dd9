import { columnLetters, type AccountMetrics, type AccountTable } from "../../core";
import type { ChartPlan, PlanCell, RangeStyle } from "../plan";
import { absoluteRef } from "../sheetRefs";
import { ACCOUNTS_SHEET, type AccountsLayout } from "./accountsSheet";
import type { InputRefs } from "./inputsSheet";
import { FORMATS, header, LABEL_MAX_WIDTH, labelWidth, section, wrappedHeaderHeight } from "./look";

/** How many accounts the parts chart draws: a bar per account stays readable up to about ten. */
export const PARTS_CHART_ACCOUNTS = 10;

/** Least widths (characters) of the data block's columns: the account, each criterion, the attractiveness. */
const WIDTHS = { account: 26, criterion: 12, attractiveness: 15 } as const;

/** Series colours, one per criterion in order (Office's default palette, so the chart looks like Excel's own). */
const PALETTE = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E", "636363", "997300"];

/**
 * The accounts the parts chart draws: active and scored, the highest attractiveness first (ties: the earlier row),
 * chosen when the workbook is built, as the bubble chart's accounts are.
 */
export function partsChartAccounts(metrics: AccountMetrics, n = PARTS_CHART_ACCOUNTS): number[] {
  const eligible: number[] = [];
  for (let i = 0; i < metrics.attractiveness.length; i++)
    if (metrics.active[i] === 1 && !Number.isNaN(metrics.attractiveness[i])) eligible.push(i);
  const a = metrics.attractiveness;
  return eligible.sort((x, y) => a[y] - a[x] || x - y).slice(0, n);
}

/**
 * "Why these accounts score as they do": a stacked bar per top account whose segments are its criteria's score
 * points (core scoreParts, KAM.SCORE.PARTS), so each bar is as long as the account's attractiveness. The data block
 * holds live native formulas over the Accounts and KAM Inputs sheets:
 *
 *   part_j = 100·w_j·(x_j − min) / ((max − min)·SUMPRODUCT(ISNUMBER(x)·w)),   "" where x_j is blank.
 *
 * `place`: the data block's first column (0-based) and title row; the chart goes at `from`–`to`. The block's columns
 * need at least `columnWidths`, and its header row `rowHeights` where a criterion name is too long for one line.
 */
export function partsChart(
  table: AccountTable,
  metrics: AccountMetrics,
  layout: AccountsLayout,
  inputs: InputRefs,
  place: { readonly left: number; readonly top: number; readonly from: string; readonly to: string },
): {
  blocks: { at: string; rows: PlanCell[][] }[];
  styles: RangeStyle[];
  chart?: ChartPlan;
  columnWidths: Record<string, number>;
  rowHeights: Record<number, number>;
} {
  const k = table.criteria.length;
  const drawn = partsChartAccounts(metrics);
  const weights = inputs.weights;
  if (k === 0 || !weights || drawn.length === 0 || !layout.has("attractiveness"))
    return { blocks: [], styles: [], columnWidths: {}, rowHeights: {} };
  const { scaleMin: lo, scaleMax: hi } = inputs;
  const col = (j: number) => columnLetters(place.left + j);
  const headers = layout.columns.filter((c) => c.key.startsWith("criterion")).map((c) => c.header);
  const first = layout.letter("criterion0");
  const last = layout.letter(`criterion${k - 1}`);
  const rows: PlanCell[][] = [["Account", ...headers, "Attractiveness"]];
  // Listed from the last drawn account up: a bar chart draws its first category at the bottom, so the most attractive
  // account, last here, is drawn at the top.
  for (const i of [...drawn].reverse()) {
    const r = layout.firstRow + i;
    const x = absoluteRef(ACCOUNTS_SHEET, `$${first}$${r}:$${last}$${r}`);
    const rated = `SUMPRODUCT(ISNUMBER(${x})*${weights})`;
    rows.push([
      table.labels.account?.[i] ?? `Row ${r}`,
      ...Array.from({ length: k }, (_, j) => {
        const xj = layout.cell(`criterion${j}`, i);
        return {
          f: `IF(ISNUMBER(${xj}),100*INDEX(${weights},${j + 1})*(${xj}-${lo})/((${hi}-${lo})*${rated}),"")`,
        };
      }),
      { f: layout.cell("attractiveness", i) },
    ]);
  }
  const titleRow = place.top;
  const head = place.top + 1;
  const from = head + 1;
  const to = head + drawn.length;
  const blocks: { at: string; rows: PlanCell[][] }[] = [
    {
      at: `${col(0)}${titleRow}`,
      rows: [
        [
          `Chart data: score points per criterion, the ${drawn.length} most attractive accounts when built (most attractive last)`,
        ],
      ],
    },
    { at: `${col(0)}${head}`, rows },
  ];
  const styles: RangeStyle[] = [
    section(`${col(0)}${titleRow}:${col(k + 1)}${titleRow}`),
    header(`${col(0)}${head}:${col(k + 1)}${head}`),
    { range: `${col(1)}${from}:${col(k + 1)}${to}`, numberFormat: FORMATS.score },
  ];
  const chart: ChartPlan = {
    kind: "stackedBar",
    title: `Why they score: points per criterion, the ${drawn.length} most attractive accounts`,
    from: place.from,
    to: place.to,
    series: headers.map((name, j) => ({
      name,
      categories: `${col(0)}${from}:${col(0)}${to}`,
      values: `${col(j + 1)}${from}:${col(j + 1)}${to}`,
      color: PALETTE[j % PALETTE.length],
    })),
    yAxisTitle: "Attractiveness points (0–100)",
    yAxis: { min: 0, max: 100, numberFormat: "0" },
    legend: "bottom",
  };
  // A criterion column as wide as its name (a character to spare for bold text, as wrappedLines counts), up to 24:
  // the header row shares its row with a segment list on the left, whose row a wrapped header would make look blank.
  const widths = [
    WIDTHS.account,
    ...headers.map((h) => labelWidth(h, WIDTHS.criterion, LABEL_MAX_WIDTH)),
    WIDTHS.attractiveness,
  ];
  const columnWidths = Object.fromEntries(widths.map((w, j) => [col(j), w]));
  const height = wrappedHeaderHeight(rows[0].map((text, j) => ({ text: String(text), width: widths[j] })));
  const rowHeights: Record<number, number> = height ? { [head]: height } : {};
  return { blocks, styles, chart, columnWidths, rowHeights };
}
