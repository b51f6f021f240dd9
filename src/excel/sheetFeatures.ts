import { columnLetters } from "../core";
import { cellsOf } from "../report/cellRefs";
import {
  plotsTwoValueAxes,
  type ChartPlan,
  type ConditionalFormat,
  type LabelPosition,
  type RangeStyle,
  type SheetPlan,
} from "../report/plan";
import { absoluteRef } from "../report/sheetRefs";

/** Requirement-set check, injected (in Excel: Office.context.requirements.isSetSupported). */
export type IsSetSupported = (set: string, version: string) => boolean;

/**
 * Bytes one queued operation adds to a request beyond its values: Office.js sends each action and each object path
 * it navigates as JSON ({"Id":…,"ActionType":…,"Name":…,"ObjectPathId":…,"ArgumentInfo":…}). Generous on purpose:
 * the budget must hold for a request of many small operations (one per chart point label) as for one of cells.
 */
export const OPERATION_BYTES = 300;

/** Makes room in the current request for `bytes`; may sync the batch so far first. */
export type Reserve = (bytes: number) => Promise<void>;

const encoder = new TextEncoder();
/** UTF-8 bytes of a value as JSON: what the request carries (a "€" is 3 bytes, not 1). */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? "").length;
}

/** The plan's chart kinds as Excel.ChartType values, checked against @types/office-js by the compiler. */
const CHART_TYPES: Record<ChartPlan["kind"], `${Excel.ChartType}`> = {
  column: "ColumnClustered",
  bar: "BarClustered",
  stackedBar: "BarStacked",
  line: "Line",
  doughnut: "Doughnut",
  scatter: "XYScatter",
  bubble: "Bubble",
};

/** A label's side as Excel.ChartDataLabelPosition spells it (ExcelApi 1.7), as the .xlsx renderer's dLblPos. */
const LABEL_POSITIONS: Record<LabelPosition, `${Excel.ChartDataLabelPosition}`> = {
  right: "Right",
  left: "Left",
  above: "Top",
  below: "Bottom",
  center: "Center",
};

const HORIZONTAL: Record<NonNullable<RangeStyle["horizontalAlignment"]>, `${Excel.HorizontalAlignment}`> = {
  left: "Left",
  center: "Center",
  right: "Right",
};
const VERTICAL: Record<NonNullable<RangeStyle["verticalAlignment"]>, `${Excel.VerticalAlignment}`> = {
  top: "Top",
  middle: "Center",
  bottom: "Bottom",
};
type Edges = NonNullable<RangeStyle["border"]>["edges"];
const EDGES: Record<Edges, `${Excel.BorderIndex}`[]> = {
  bottom: ["EdgeBottom"],
  outline: ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"],
  all: ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"],
};

/**
 * Plans give column widths in characters, as the file format and Excel's UI do; Office.js takes points. Excel's
 * rule for the default font (Calibri 11, 7-pixel digits): pixels = characters × 7 + 5 of padding, and 1 pixel is 0.75
 * point — so the default 8.43 characters is 64 pixels, 48 points.
 */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

function applyStyle(sheet: Excel.Worksheet, s: RangeStyle): void {
  const range = sheet.getRange(s.range);
  if (s.font?.bold !== undefined) range.format.font.bold = s.font.bold;
  if (s.font?.italic !== undefined) range.format.font.italic = s.font.italic;
  if (s.font?.size !== undefined) range.format.font.size = s.font.size;
  if (s.font?.color) range.format.font.color = `#${s.font.color}`;
  if (s.fill) range.format.fill.color = `#${s.fill}`;
  if (s.horizontalAlignment) range.format.horizontalAlignment = HORIZONTAL[s.horizontalAlignment];
  if (s.verticalAlignment) range.format.verticalAlignment = VERTICAL[s.verticalAlignment];
  if (s.wrapText) range.format.wrapText = true;
  if (s.border) {
    for (const edge of EDGES[s.border.edges]) {
      const border = range.format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = s.border.style === "medium" ? "Medium" : "Thin";
      border.color = `#${s.border.color ?? "BFBFBF"}`;
    }
  }
}

/** The plan's operators as Excel spells them (Excel.ConditionalCellValueOperator): "equal" is "EqualTo", not "Equal". */
const CELL_VALUE_OPERATORS: Record<
  Extract<ConditionalFormat, { type: "cellValue" }>["operator"],
  `${Excel.ConditionalCellValueOperator}`
> = {
  greaterThan: "GreaterThan",
  lessThan: "LessThan",
  between: "Between",
  equal: "EqualTo",
};

function addConditionalFormat(sheet: Excel.Worksheet, cf: ConditionalFormat): void {
  const range = sheet.getRange(cf.range);
  if (cf.type === "colorScale") {
    const f = range.conditionalFormats.add("ColorScale");
    f.colorScale.criteria = {
      minimum: { type: "LowestValue", formula: undefined, color: `#${cf.colors[0]}` },
      midpoint: { type: "Percentile", formula: "50", color: `#${cf.colors[1]}` },
      maximum: { type: "HighestValue", formula: undefined, color: `#${cf.colors[2]}` },
    };
  } else if (cf.type === "dataBar") {
    const f = range.conditionalFormats.add("DataBar");
    f.dataBar.positiveFormat.fillColor = `#${cf.color}`;
  } else {
    const f = range.conditionalFormats.add("CellValue");
    f.cellValue.rule = {
      formula1: `=${cf.formula1}`,
      formula2: cf.formula2 === undefined ? undefined : `=${cf.formula2}`,
      operator: CELL_VALUE_OPERATORS[cf.operator],
    };
    if (cf.fill) f.cellValue.format.fill.color = `#${cf.fill}`;
    if (cf.fontColor) f.cellValue.format.font.color = `#${cf.fontColor}`;
  }
}

/**
 * A series' colour where each kind shows it, as the .xlsx renderer does: the line of a line chart, the markers of a
 * scatter chart (ExcelApi 1.7, as charts need anyway), the fill of bars, bubbles and doughnut slices.
 */
function colourSeries(series: Excel.ChartSeries, kind: ChartPlan["kind"], colour: string): void {
  if (kind === "line") series.format.line.color = colour;
  else if (kind === "scatter") {
    series.markerBackgroundColor = colour;
    series.markerForegroundColor = colour;
  } else series.format.fill.setSolidColor(colour);
}

/**
 * Axis formats, bounds and crossings, as checked against @types/office-js and the ChartAxis reference
 * (office-js-docs-reference, excel.chartaxis.yml): minimum and maximum are ExcelApi 1.1 and documented for value
 * axes (numbers; "" means automatic); numberFormat is ExcelApi 1.8; tickLabelPosition ("Low") is ExcelApi 1.7;
 * setPositionAt(value) is ExcelApi 1.8 and sets, in THIS axis's units, where the other axis crosses it. So the
 * vertical axis standing at x = crossAt.x is categoryAxis.setPositionAt(crossAt.x) (for scatter and bubble charts the
 * category axis is the x value axis), and the horizontal one at y = crossAt.y is valueAxis.setPositionAt(crossAt.y).
 * The axis moved into the plot gets its tick labels at the plot's low edge, as the .xlsx renderer writes them.
 * Unsettled: whether Excel refuses a minimum above the automatic maximum set before the maximum in the same batch
 * (VBA's MinimumScale does not); both are queued before one sync, maximum first.
 */
function formatAxes(c: Excel.Chart, chart: ChartPlan): void {
  const axes: [Excel.ChartAxis, ChartPlan["xAxis"]][] = [
    [c.axes.categoryAxis, chart.xAxis],
    [c.axes.valueAxis, chart.yAxis],
  ];
  for (const [axis, plan] of axes) {
    if (plan?.max !== undefined) axis.maximum = plan.max;
    if (plan?.min !== undefined) axis.minimum = plan.min;
    if (plan?.numberFormat) axis.numberFormat = plan.numberFormat;
  }
  if (chart.crossAt?.x !== undefined) {
    c.axes.categoryAxis.setPositionAt(chart.crossAt.x);
    c.axes.valueAxis.tickLabelPosition = "Low";
  }
  if (chart.crossAt?.y !== undefined) {
    c.axes.valueAxis.setPositionAt(chart.crossAt.y);
    c.axes.categoryAxis.tickLabelPosition = "Low";
  }
}

/** Point labels to set once the chart exists: one operation per point, with its bytes for the request budget. */
export interface PendingLabels {
  readonly bytes: number;
  readonly apply: () => void;
}

/**
 * A chart, by Microsoft's documented route for series bound to ranges (excel.chartseries.yml, the bubble chart
 * sample): created from the first series' data, then, for a bubble chart, its default series removed and each series
 * added with `setXAxisValues`, `setValues` and `setBubbleSizes` (ExcelApi 1.7) — Excel's default reading of a range
 * for a bubble chart is not the plan's. Point labels come back as work for a later batch: a series' points exist
 * once a sync has created it and set its values.
 */
function addChart(sheet: Excel.Worksheet, sheetName: string, chart: ChartPlan, labels: PendingLabels[]): void {
  const first = chart.series[0];
  const c = sheet.charts.add(CHART_TYPES[chart.kind], sheet.getRange(first.values), "Columns");
  const bubble = chart.kind === "bubble";
  if (bubble) c.series.getItemAt(0).delete();
  c.title.text = chart.title;
  c.setPosition(chart.from, chart.to);
  c.legend.visible = chart.legend !== "none";
  // A #N/A value is no point, as the .xlsx renderer's <c:dispBlanksAs val="gap"/> says: with Excel's "show #N/A as
  // an empty cell" on, #N/A is drawn as blanks are, so blanks must be gaps (ExcelApi 1.8), not zeros.
  if (plotsTwoValueAxes(chart.kind)) c.displayBlanksAs = "NotPlotted";
  if (chart.legend === "bottom") c.legend.position = "Bottom";
  chart.series.forEach((s, i) => {
    const series = i === 0 && !bubble ? c.series.getItemAt(0) : c.series.add(s.name);
    series.name = s.name;
    if (s.categories) series.setXAxisValues(sheet.getRange(s.categories));
    if (i > 0 || bubble) series.setValues(sheet.getRange(s.values));
    if (s.sizes && bubble) series.setBubbleSizes(sheet.getRange(s.sizes));
    if (bubble && chart.bubbleScale !== undefined) series.bubbleScale = chart.bubbleScale;
    if (s.color) colourSeries(series, chart.kind, `#${s.color}`);
    if (s.labels) {
      // No API binds a label range to a series; each point's label is a formula pointing at its cell (ExcelApi 1.8),
      // which keeps labels live as the cells change.
      // Only the points the plan names (labelPoints): an operation per label, none for a point left unnamed.
      series.hasDataLabels = true;
      series.dataLabels.showValue = false;
      const cells = cellsOf(s.labels);
      const beside = plotsTwoValueAxes(chart.kind);
      for (const k of s.labelPoints ?? cells.keys()) {
        const { row, col } = cells[k];
        const formula = `=${absoluteRef(sheetName, `${columnLetters(col - 1)}${row}`)}`;
        const side = beside ? LABEL_POSITIONS[s.labelPositions?.[k] ?? "right"] : undefined;
        labels.push({
          bytes: 3 * OPERATION_BYTES + jsonBytes(formula),
          apply: () => {
            const label = series.points.getItemAt(k).dataLabel;
            label.formula = formula;
            if (side) label.position = side;
          },
        });
      }
    }
  });
  if (chart.kind !== "doughnut") {
    if (chart.xAxisTitle) c.axes.categoryAxis.title.text = chart.xAxisTitle;
    if (chart.yAxisTitle) c.axes.valueAxis.title.text = chart.yAxisTitle;
    formatAxes(c, chart);
  }
}

/**
 * Everything on a sheet but its cells and number formats (written in budgeted slices by applyPlan): layout, styles,
 * merges, conditional formats, tables, charts, print setup. Every API here is in ExcelApi 1.10 or older, which the
 * shared runtime's Excel builds all have (OFFICE-NOTES): none needs a requirement-set check. Each group reserves its
 * bytes before it is queued, so a sheet of many styles or charts is spread over requests like cells are. Returns the
 * chart point labels, to be set after the next sync.
 */
export async function applySheetFeatures(
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  reserve: Reserve,
): Promise<PendingLabels[]> {
  const op = (n: number, value: unknown = null) => reserve(n * OPERATION_BYTES + jsonBytes(value));
  const widths = Object.entries(plan.columnWidths ?? {});
  const heights = Object.entries(plan.rowHeights ?? {});
  await op(2 * (widths.length + heights.length) + 8 + 2 * (plan.merges ?? []).length, plan.merges ?? []);
  for (const [col, width] of widths) sheet.getRange(`${col}:${col}`).format.columnWidth = columnWidthPoints(width);
  if (plan.visibility === "veryHidden") sheet.visibility = "VeryHidden";
  for (const [row, height] of heights) sheet.getRange(`${row}:${row}`).format.rowHeight = height;
  for (const m of plan.merges ?? []) sheet.getRange(m).merge(false);
  if (plan.tabColor) sheet.tabColor = `#${plan.tabColor}`;
  if (plan.showGridlines === false) sheet.showGridlines = false;
  if (plan.freeze) {
    if (plan.freeze.rows > 0 && plan.freeze.columns > 0) {
      sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, plan.freeze.rows, plan.freeze.columns));
    } else if (plan.freeze.rows > 0) sheet.freezePanes.freezeRows(plan.freeze.rows);
    else if (plan.freeze.columns > 0) sheet.freezePanes.freezeColumns(plan.freeze.columns);
  }
  for (const s of plan.styles ?? []) {
    await op(24, s);
    applyStyle(sheet, s);
  }
  for (const cf of plan.conditionalFormats ?? []) {
    await op(8, cf);
    addConditionalFormat(sheet, cf);
  }
  for (const t of plan.tables ?? []) {
    await op(3, t);
    const table = sheet.tables.add(t.range, true);
    table.name = t.name;
    if (t.style) table.style = t.style;
  }
  const labels: PendingLabels[] = [];
  for (const chart of plan.charts ?? []) {
    await op(20 + 14 * chart.series.length, chart);
    addChart(sheet, plan.name, chart, labels);
  }
  if (plan.print) {
    await op(4, plan.print);
    if (plan.print.landscape) sheet.pageLayout.orientation = "Landscape";
    if (plan.print.fitToOnePage) sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
    if (plan.print.area) sheet.pageLayout.setPrintArea(plan.print.area);
  }
  return labels;
}
