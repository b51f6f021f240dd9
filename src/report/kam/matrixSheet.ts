import { columnLetters, type AccountMetrics, type AccountTable, type PortfolioOptions } from "../../core";
import type { ChartPlan, PlanCell, RangeStyle, SheetPlan } from "../plan";
import type { AccountsLayout } from "./accountsSheet";
import type { InputRefs } from "./inputsSheet";
import { FORMATS, grid, header, note, section, SEGMENT_COLOURS_2X2, SEGMENT_COLOURS_3X3, title } from "./look";
import { matrixChart } from "./matrixChart";
import { partsChart } from "./partsChart";
import { rankedList, type ListColumn, type RankedListSpec } from "./rankedList";
import { segmentNpsFormula } from "./segmentFormulas";

export const MATRIX_SHEET = "Portfolio Matrix";
const CHART_DATA_LEFT = 18; // column S: the chart's data, right of the chart

/**
 * The segmentation matrix: a summary per portfolio cell (accounts, revenue, share, average CLV, NPS) as
 * COUNTIFS/SUMIFS/AVERAGEIFS over the Accounts sheet, the accounts of each cell ranked by revenue (live lists), a
 * bubble chart of the top N accounts (matrixChart.ts: strength x, attractiveness y, size revenue, a series per
 * segment in its colour, the largest named) whose axes cross at the cut-offs, so the axes themselves draw the
 * quadrants, and below it the score parts of the most attractive accounts (partsChart.ts).
 */
export function matrixSheet(
  table: AccountTable,
  options: PortfolioOptions,
  metrics: AccountMetrics,
  layout: AccountsLayout,
  inputs: InputRefs,
): { sheet: SheetPlan; notes: string[] } {
  const notes: string[] = [];
  const blocks: { at: string; rows: PlanCell[][] }[] = [];
  const styles: RangeStyle[] = [title("A1"), note("A2")];
  const charts: ChartPlan[] = [];
  /** Header rows whose labels wrap onto two lines. */
  const headerRows: number[] = [1, 5];
  const has = layout.has;
  const A = layout.range("active");
  const key = has("revenue")
    ? layout.range("revenue")
    : has("attractiveness")
      ? layout.range("attractiveness")
      : undefined;
  const keyHeader = has("revenue") ? "Revenue" : "Attractiveness";
  const keyFormat = has("revenue") ? FORMATS.moneyFull : FORMATS.score;
  const head: PlanCell[][] = [
    ["Key account portfolio: attractiveness × relative strength"],
    [
      "Live formulas over the Accounts sheet and the KAM Inputs sheet: edit a weight, a cut-off or a revenue and " +
        "every figure follows. Counts and revenue are of active accounts.",
    ],
  ];
  blocks.push({ at: "A1", rows: head });

  if (!has("quadrant")) {
    const missing = [
      has("attractiveness") ? undefined : "attractiveness criteria (rated columns, chosen in the taskpane or settings)",
      has("strength") ? undefined : "a Relationship strength or Share of wallet column",
    ].filter(Boolean);
    const message = `The matrix needs ${missing.join(" and ")}: it was left out.`;
    notes.push(`Portfolio Matrix: ${message}`);
    blocks.push({ at: "A4", rows: [[message]] });
    styles.push({ range: "A4", font: { bold: true, color: "9C0006" } });
    if (has("attractiveness") && key) {
      const length = Math.min(options.topN, table.count);
      blocks.push({ at: "A6", rows: [["Accounts by attractiveness"]] });
      styles.push(section("A6:F6"));
      const spec: RankedListSpec = {
        sheet: MATRIX_SHEET,
        top: 7,
        left: 0,
        length,
        key: layout.range("attractiveness"),
        keyHeader: "Attractiveness",
        filter: `(${A}*ISNUMBER(${layout.range("attractiveness")}))`,
        firstRow: layout.firstRow,
        columns: [{ header: "Account", range: layout.range("account") }],
      };
      blocks.push({ at: "A7", rows: rankedList(spec) });
      styles.push(header("A7:C7"), { range: `B8:B${7 + length}`, numberFormat: FORMATS.score });
    }
    return { sheet: sheetOf(blocks, styles, charts, 8 + options.topN, [1, 7]), notes };
  }

  const Q = layout.range("quadrant");
  const g = options.grid;
  const cells = g * g;
  const colours = g === 2 ? SEGMENT_COLOURS_2X2 : SEGMENT_COLOURS_3X3;
  const R = has("revenue") ? layout.range("revenue") : undefined;
  const summaryTop = 5;
  const first = summaryTop + 1;
  const last = summaryTop + cells;
  const summary: PlanCell[][] = [
    ["Segment", "Active accounts", "Revenue", "Share of revenue", "Average CLV", "NPS", "Strategy"],
  ];
  for (let k = 0; k < cells; k++) {
    const r = first + k;
    const q = `$A${r}`;
    summary.push([
      { f: inputs.segmentName(k) },
      { f: `COUNTIFS(${Q},${q},${A},TRUE)` },
      R ? { f: `SUMIFS(${R},${Q},${q},${A},TRUE)` } : "",
      R ? { f: `IF(SUM($C$${first}:$C$${last})>0,$C${r}/SUM($C$${first}:$C$${last}),"")` } : "",
      has("clv") ? { f: `IFERROR(AVERAGEIFS(${layout.range("clv")},${Q},${q},${A},TRUE),"")` } : "",
      has("nps") ? { f: segmentNpsFormula(table, layout, `${Q},${q}`) } : "",
      { f: inputs.segmentStrategy(k) },
    ]);
  }
  // The accounts in some segment, as the rows above count them: both scores numbers (0–100; out of scale is #N/A).
  // Not Quadrant "<>": the quadrant's "" for an account without a segment is not blank to a criterion; nor "?*",
  // which HyperFormula (the fast test engine) reads as "any text, even none".
  const inSome = `${layout.range("attractiveness")},">=0",${layout.range("strength")},">=0"`;
  summary.push([
    "All segments",
    { f: `SUM(B${first}:B${last})` },
    R ? { f: `SUM(C${first}:C${last})` } : "",
    R ? { f: `IF(C${last + 1}>0,1,"")` } : "",
    has("clv") ? { f: `IFERROR(AVERAGEIFS(${layout.range("clv")},${inSome},${A},TRUE),"")` } : "",
    has("nps") ? { f: segmentNpsFormula(table, layout, inSome) } : "",
    "",
  ]);
  blocks.push({ at: `A${summaryTop - 1}`, rows: [["Portfolio segments"]] }, { at: `A${summaryTop}`, rows: summary });
  styles.push(
    section(`A${summaryTop - 1}:G${summaryTop - 1}`),
    header(`A${summaryTop}:G${summaryTop}`),
    grid(`A${summaryTop}:G${last + 1}`),
    { range: `B${first}:B${last + 1}`, numberFormat: FORMATS.count },
    { range: `C${first}:C${last + 1}`, numberFormat: FORMATS.money },
    { range: `D${first}:D${last + 1}`, numberFormat: FORMATS.percent },
    { range: `E${first}:E${last + 1}`, numberFormat: FORMATS.money },
    { range: `F${first}:F${last + 1}`, numberFormat: FORMATS.number },
    { range: `G${first}:G${last}`, wrapText: true, verticalAlignment: "top" },
    { range: `A${last + 1}:G${last + 1}`, font: { bold: true } },
  );
  for (let k = 0; k < cells; k++) styles.push({ range: `A${first + k}`, fill: colours[k], font: { bold: true } });

  // The accounts of each segment, largest first.
  let top = last + 3;
  const listColumns: ListColumn[] = [
    { header: "Account", range: layout.range("account") },
    ...(has("owner") ? [{ header: "Account manager", range: layout.range("owner") }] : []),
    { header: "Attractiveness", range: layout.range("attractiveness") },
    { header: "Strength", range: layout.range("strength") },
  ];
  const n = listColumns.length;
  const lastListCol = columnLetters(n + 1);
  const keyLetter = columnLetters(n);
  for (let k = 0; k < cells && key; k++) {
    blocks.push({
      at: `A${top}`,
      rows: [[{ f: inputs.segmentName(k) }, { f: `"largest "&LOWER("${keyHeader}")&" first"` }]],
    });
    styles.push(section(`A${top}:${lastListCol}${top}`), { range: `A${top}`, fill: colours[k] });
    const spec: RankedListSpec = {
      sheet: MATRIX_SHEET,
      top: top + 1,
      left: 0,
      length: options.listPerSegment,
      key,
      keyHeader,
      filter: `((${Q}=$A$${top})*${A})`,
      firstRow: layout.firstRow,
      columns: listColumns,
    };
    blocks.push({ at: `A${top + 1}`, rows: rankedList(spec) });
    const from = top + 2;
    const to = top + 1 + options.listPerSegment;
    styles.push(
      header(`A${top + 1}:${lastListCol}${top + 1}`),
      { range: `${keyLetter}${from}:${keyLetter}${to}`, numberFormat: keyFormat },
      { range: `${columnLetters(n - 2)}${from}:${columnLetters(n - 1)}${to}`, numberFormat: FORMATS.score },
      { range: `${lastListCol}${from}:${lastListCol}${to}`, font: { color: "808080" } },
    );
    top = to + 2;
  }

  // The chart: the N largest active accounts with both scores, chosen when built, one series per segment; their
  // points move live. Its data right of the chart, from column S.
  const matrix = matrixChart(table, options, metrics, layout, inputs, colours, {
    left: CHART_DATA_LEFT,
    top: 4,
    from: "I4",
    to: "Q32",
  });
  blocks.push(...matrix.blocks);
  styles.push(...matrix.styles);
  if (matrix.chart) charts.push(matrix.chart);
  notes.push(...matrix.notes);
  // Below the bubble chart: what each of the most attractive accounts' score is made of, its data below the first's.
  const parts = partsChart(table, metrics, layout, inputs, {
    // Account names under the bubble chart data's own Account column (T, wide).
    left: CHART_DATA_LEFT + 1,
    top: 4 + Math.max(1, matrix.rows) + 3,
    from: "I34",
    to: "Q58",
  });
  blocks.push(...parts.blocks);
  styles.push(...parts.styles);
  if (parts.chart) {
    charts.push(parts.chart);
    top = Math.max(top, 59);
  }
  blocks[0] = {
    at: "A1",
    rows: [
      ...head,
      [
        g === 2
          ? `Chart axes cross at the cut-offs as built (strength ${options.cuts.strength[0]}, attractiveness ${options.cuts.attractiveness[0]}): rebuild after changing a cut-off to move them.`
          : "",
      ],
    ],
  };
  styles.push(note("A3"));
  const sheet = sheetOf(blocks, styles, charts, top, headerRows);
  return {
    sheet: {
      ...sheet,
      columnWidths: largest(sheet.columnWidths!, matrix.columnWidths, parts.columnWidths),
      rowHeights: largest(sheet.rowHeights!, parts.rowHeights),
    },
    notes,
  };
}

/** Column widths by letter or row heights by number, the largest any part asks for (a row the parts chart's header
 * shares with a list's header keeps the taller of the two). */
function largest(...parts: Readonly<Record<string, number>>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of parts) for (const [c, w] of Object.entries(p)) out[c] = Math.max(out[c] ?? 0, w);
  return out;
}

function sheetOf(
  blocks: { at: string; rows: PlanCell[][] }[],
  styles: RangeStyle[],
  charts: ChartPlan[],
  lastRow: number,
  tallRows: readonly number[],
): SheetPlan {
  return {
    name: MATRIX_SHEET,
    tabColor: "70AD47",
    showGridlines: false,
    rowHeights: Object.fromEntries(tallRows.map((r) => [r, r === 1 ? 24 : 30])),
    columnWidths: { A: 26, B: 16, C: 14, D: 14, E: 14, F: 10, G: 56 },
    blocks,
    styles,
    charts,
    print: { landscape: true, fitToOnePage: true, area: `A1:Q${Math.max(lastRow, 30)}` },
  };
}
