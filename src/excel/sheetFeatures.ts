import { columnLetters } from "../core";
import { cellsOf } from "../report/cellRefs";
import type { ChartPlan, ConditionalFormat, RangeStyle, SheetPlan } from "../report/plan";
import { absoluteRef } from "../report/sheetRefs";

/** Requirement-set check, injected (in Excel: Office.context.requirements.isSetSupported). */
export type IsSetSupported = (set: string, version: string) => boolean;

const CHART_TYPES: Record<ChartPlan["kind"], string> = {
  column: "ColumnClustered",
  bar: "BarClustered",
  line: "Line",
  doughnut: "Doughnut",
  scatter: "XYScatter",
  bubble: "Bubble",
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
  if (s.horizontalAlignment)
    range.format.horizontalAlignment = capitalise(s.horizontalAlignment) as Excel.HorizontalAlignment;
  if (s.verticalAlignment)
    range.format.verticalAlignment = (
      s.verticalAlignment === "middle" ? "Center" : capitalise(s.verticalAlignment)
    ) as Excel.VerticalAlignment;
  if (s.wrapText) range.format.wrapText = true;
  if (s.border) {
    const edges: `${Excel.BorderIndex}`[] =
      s.border.edges === "bottom"
        ? ["EdgeBottom"]
        : s.border.edges === "outline"
          ? ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"]
          : ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"];
    for (const edge of edges) {
      const border = range.format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = s.border.style === "medium" ? "Medium" : "Thin";
      border.color = `#${s.border.color ?? "BFBFBF"}`;
    }
  }
}

function capitalise(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
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

/** What this Excel can draw beyond charts themselves (ExcelApi 1.7): each checked once per sheet. */
interface ChartAbilities {
  /** Point labels as formulas (ChartDataLabel.formula, ExcelApi 1.8). */
  readonly labels: boolean;
  /** ChartAxis.numberFormat, ExcelApi 1.8. */
  readonly axisFormats: boolean;
  /** ChartAxis.setPositionAt, ExcelApi 1.8. */
  readonly crossings: boolean;
  /** ChartSeries.bubbleScale, ExcelApi 1.9 (0–300, % of the default size). */
  readonly bubbleScale: boolean;
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
function formatAxes(c: Excel.Chart, chart: ChartPlan, can: ChartAbilities): void {
  const axes: [Excel.ChartAxis, ChartPlan["xAxis"]][] = [
    [c.axes.categoryAxis, chart.xAxis],
    [c.axes.valueAxis, chart.yAxis],
  ];
  for (const [axis, plan] of axes) {
    if (plan?.max !== undefined) axis.maximum = plan.max;
    if (plan?.min !== undefined) axis.minimum = plan.min;
    if (plan?.numberFormat && can.axisFormats) axis.numberFormat = plan.numberFormat;
  }
  if (!chart.crossAt || !can.crossings) return;
  if (chart.crossAt.x !== undefined) {
    c.axes.categoryAxis.setPositionAt(chart.crossAt.x);
    c.axes.valueAxis.tickLabelPosition = "Low";
  }
  if (chart.crossAt.y !== undefined) {
    c.axes.valueAxis.setPositionAt(chart.crossAt.y);
    c.axes.categoryAxis.tickLabelPosition = "Low";
  }
}

function addChart(sheet: Excel.Worksheet, sheetName: string, chart: ChartPlan, can: ChartAbilities): void {
  const first = chart.series[0];
  const c = sheet.charts.add(CHART_TYPES[chart.kind] as Excel.ChartType, sheet.getRange(first.values), "Columns");
  c.title.text = chart.title;
  c.setPosition(chart.from, chart.to);
  c.legend.visible = chart.legend !== "none";
  if (chart.legend === "bottom") c.legend.position = "Bottom";
  chart.series.forEach((s, i) => {
    const series = i === 0 ? c.series.getItemAt(0) : c.series.add(s.name);
    series.name = s.name;
    if (i > 0) series.setValues(sheet.getRange(s.values));
    if (s.categories) series.setXAxisValues(sheet.getRange(s.categories));
    if (s.sizes && chart.kind === "bubble") series.setBubbleSizes(sheet.getRange(s.sizes));
    if (chart.kind === "bubble" && chart.bubbleScale !== undefined && can.bubbleScale)
      series.bubbleScale = chart.bubbleScale;
    if (s.color) colourSeries(series, chart.kind, `#${s.color}`);
    if (s.labels && can.labels) {
      // No API binds a label range to a series; each point's label is a formula pointing at its cell (ExcelApi 1.8),
      // which keeps labels live as the cells change.
      series.hasDataLabels = true;
      series.dataLabels.showValue = false;
      cellsOf(s.labels).forEach(({ row, col }, k) => {
        series.points.getItemAt(k).dataLabel.formula = `=${absoluteRef(sheetName, `${columnLetters(col - 1)}${row}`)}`;
      });
    }
  });
  if (chart.kind !== "doughnut") {
    if (chart.xAxisTitle) c.axes.categoryAxis.title.text = chart.xAxisTitle;
    if (chart.yAxisTitle) c.axes.valueAxis.title.text = chart.yAxisTitle;
    formatAxes(c, chart, can);
  }
}

/**
 * Everything on a sheet but its cells and number formats (written in budgeted slices by applyPlan): layout, styles,
 * merges, conditional formats, tables, charts, print setup.
 * Each feature checks its requirement set; one that is missing is skipped with a sentence for the analyst.
 */
export function applySheetFeatures(
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  supported: IsSetSupported,
  skipped: string[],
): void {
  const need = (set: string, feature: string) => {
    if (supported("ExcelApi", set)) return true;
    skipped.push(`${plan.name}: ${feature} needs ExcelApi ${set}, which this Excel does not support; it was left out.`);
    return false;
  };
  for (const [col, width] of Object.entries(plan.columnWidths ?? {}))
    sheet.getRange(`${col}:${col}`).format.columnWidth = columnWidthPoints(width);
  if (plan.visibility === "veryHidden") sheet.visibility = "VeryHidden";
  for (const [row, height] of Object.entries(plan.rowHeights ?? {}))
    sheet.getRange(`${row}:${row}`).format.rowHeight = height;
  for (const s of plan.styles ?? []) applyStyle(sheet, s);
  for (const m of plan.merges ?? []) sheet.getRange(m).merge(false);
  if (plan.tabColor && need("1.7", "the tab colour")) sheet.tabColor = `#${plan.tabColor}`;
  if (plan.showGridlines === false && need("1.8", "hiding gridlines")) sheet.showGridlines = false;
  if (plan.freeze && need("1.7", "freeze panes")) {
    if (plan.freeze.rows > 0 && plan.freeze.columns > 0) {
      sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, plan.freeze.rows, plan.freeze.columns));
    } else if (plan.freeze.rows > 0) sheet.freezePanes.freezeRows(plan.freeze.rows);
    else if (plan.freeze.columns > 0) sheet.freezePanes.freezeColumns(plan.freeze.columns);
  }
  if ((plan.conditionalFormats ?? []).length > 0 && need("1.6", "conditional formats")) {
    for (const cf of plan.conditionalFormats ?? []) addConditionalFormat(sheet, cf);
  }
  for (const t of plan.tables ?? []) {
    const table = sheet.tables.add(t.range, true);
    table.name = t.name;
    if (t.style) table.style = t.style;
  }
  if ((plan.charts ?? []).length > 0 && need("1.7", "charts bound to ranges")) {
    const charts = plan.charts ?? [];
    const can: ChartAbilities = {
      labels: charts.some((c) => c.series.some((s) => s.labels)) && need("1.8", "point labels taken from cells"),
      axisFormats:
        charts.some((c) => c.xAxis?.numberFormat || c.yAxis?.numberFormat) && need("1.8", "axis number formats"),
      crossings:
        charts.some((c) => c.crossAt?.x !== undefined || c.crossAt?.y !== undefined) &&
        need("1.8", "axes crossing at the cut values"),
      bubbleScale: charts.some((c) => c.bubbleScale !== undefined) && need("1.9", "bubble sizes"),
    };
    for (const chart of charts) addChart(sheet, plan.name, chart, can);
  }
  if (plan.print && need("1.9", "print setup")) {
    if (plan.print.landscape) sheet.pageLayout.orientation = "Landscape";
    if (plan.print.fitToOnePage) sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
    if (plan.print.area) sheet.pageLayout.setPrintArea(plan.print.area);
  }
}
