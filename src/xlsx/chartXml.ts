import { cellsOf } from "../report/cellRefs";
import { absoluteRef } from "../report/sheetRefs";
import { plotsTwoValueAxes, type AxisPlan, type ChartPlan, type ChartSeries, type LabelPosition } from "../report/plan";

/**
 * DrawingML chart parts (ECMA-376 Part 1, §21.2), written by hand because exceljs has no chart API. Element order
 * follows the schema's sequences (CT_Chart, CT_PlotArea, CT_BarSer, CT_ScatterSer, CT_BubbleSer, CT_CatAx,
 * CT_ValAx), since Excel repairs — or refuses — a file whose children are out of order.
 */

const NS =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function richText(text: string, size = 1400, bold = true): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function title(text: string, size?: number): string {
  return `<c:title>${richText(text, size)}<c:overlay val="0"/></c:title>`;
}

const numRef = (ref: string) => `<c:numRef><c:f>${escapeXml(ref)}</c:f></c:numRef>`;
const strRef = (ref: string) => `<c:strRef><c:f>${escapeXml(ref)}</c:f></c:strRef>`;

/** idx, order, name and the series colour, as a line ("line"), an area ("fill"), or left to the markers ("none"). */
function seriesHead(s: ChartSeries, i: number, colour: "line" | "fill" | "none"): string {
  const fill =
    s.color && colour !== "none"
      ? colour === "line"
        ? `<c:spPr><a:ln w="28575"><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill></a:ln></c:spPr>`
        : `<c:spPr><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill></c:spPr>`
      : "";
  return `<c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>${fill}`;
}

const C15 = 'xmlns:c15="http://schemas.microsoft.com/office/drawing/2012/chart"';
const LABEL_FLAGS = ["showLegendKey", "showVal", "showCatName", "showSerName", "showPercent", "showBubbleSize"]
  .map((tag) => `<c:${tag} val="0"/>`)
  .join("");

/** A label's side as ST_DLblPos spells it. */
const DLBL_POS: Record<LabelPosition, string> = { right: "r", left: "l", above: "t", below: "b", center: "ctr" };

/**
 * Point labels taken from cells, stored as Excel 2013+ stores "Value From Cells": each point's label is a CELLRANGE
 * field (c15 extension), the series names the range and caches its texts (readers show the cache until they
 * recalculate), and every other label part is off. LibreOffice 7.4 shows these labels too (checked in the rendered
 * PNG); a plain cell reference per label (`<c:tx><c:strRef>`) it shows as the point's value. Labels sit beside
 * scatter and bubble points, on the side the plan gives each (right by default); other kinds keep their default
 * position (an invalid one makes Excel repair the file).
 */
function labelParts(
  s: ChartSeries,
  chart: ChartPlan,
  sheet: string,
  texts: LabelTexts,
): { dLbls: string; extLst: string } {
  if (!s.labels) return { dLbls: "", extLst: "" };
  const beside = plotsTwoValueAxes(chart.kind);
  const position = beside ? '<c:dLblPos val="r"/>' : "";
  const at = (k: number) => (beside ? `<c:dLblPos val="${DLBL_POS[s.labelPositions?.[k] ?? "right"]}"/>` : "");
  const cached = texts(s.labels);
  const field = (k: number) =>
    `<a:fld id="{6E8A3F5B-0000-4000-8000-${k.toString(16).toUpperCase().padStart(12, "0")}}" type="CELLRANGE">` +
    `<a:rPr lang="en-US"/><a:pPr/><a:t>[CELLRANGE]</a:t></a:fld>`;
  const points = cellsOf(s.labels)
    .map(
      (_, k) =>
        `<c:dLbl><c:idx val="${k}"/><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p>${field(k)}` +
        `<a:endParaRPr lang="en-US"/></a:p></c:rich></c:tx>${at(k)}${LABEL_FLAGS}` +
        `<c:extLst><c:ext uri="{CE6537A1-D6FC-4f65-9D91-7224C49458BB}" ${C15}><c15:dlblFieldTable/>` +
        `<c15:showDataLabelsRange val="1"/></c:ext></c:extLst></c:dLbl>`,
    )
    .join("");
  const dLbls =
    `<c:dLbls>${points}${position}${LABEL_FLAGS}<c:extLst><c:ext uri="{CE6537A1-D6FC-4f65-9D91-7224C49458BB}" ` +
    `${C15}><c15:showDataLabelsRange val="1"/><c15:showLeaderLines val="0"/></c:ext></c:extLst></c:dLbls>`;
  const cache = cached
    .map((t, k) => (t === undefined ? "" : `<c:pt idx="${k}"><c:v>${escapeXml(t)}</c:v></c:pt>`))
    .join("");
  const extLst =
    `<c:extLst><c:ext uri="{02D57815-91ED-43cb-92C2-25804820EDAC}" ${C15}><c15:datalabelsRange>` +
    `<c15:f>${escapeXml(absoluteRef(sheet, s.labels))}</c15:f><c15:dlblRangeCache><c:ptCount val="${cached.length}"/>` +
    `${cache}</c15:dlblRangeCache></c15:datalabelsRange></c:ext></c:extLst>`;
  return { dLbls, extLst };
}

/** The texts a labels range holds, point by point (undefined where the plan puts a formula or nothing). */
export type LabelTexts = (range: string) => readonly (string | undefined)[];

function series(chart: ChartPlan, sheet: string, texts: LabelTexts): string {
  return chart.series
    .map((s, i) => {
      const cat = s.categories ? absoluteRef(sheet, s.categories) : undefined;
      const val = numRef(absoluteRef(sheet, s.values));
      const { dLbls, extLst } = labelParts(s, chart, sheet, texts);
      // Children in each series type's schema order: dLbls after the marker and fill parts, extLst last.
      switch (chart.kind) {
        case "column":
        case "bar":
        case "stackedBar":
          return `<c:ser>${seriesHead(s, i, "fill")}<c:invertIfNegative val="0"/>${dLbls}${cat ? `<c:cat>${strRef(cat)}</c:cat>` : ""}<c:val>${val}</c:val>${extLst}</c:ser>`;
        case "line":
          return `<c:ser>${seriesHead(s, i, "line")}<c:marker><c:symbol val="circle"/></c:marker>${dLbls}${cat ? `<c:cat>${strRef(cat)}</c:cat>` : ""}<c:val>${val}</c:val><c:smooth val="0"/>${extLst}</c:ser>`;
        case "doughnut":
          return `<c:ser>${seriesHead(s, i, "fill")}${dLbls}${cat ? `<c:cat>${strRef(cat)}</c:cat>` : ""}<c:val>${val}</c:val>${extLst}</c:ser>`;
        case "scatter":
          return (
            `<c:ser>${seriesHead(s, i, "none")}` +
            `<c:spPr><a:ln w="28575"><a:noFill/></a:ln></c:spPr>` +
            `<c:marker><c:symbol val="circle"/><c:size val="7"/>${s.color ? `<c:spPr><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill></c:spPr>` : ""}</c:marker>` +
            `${dLbls}${cat ? `<c:xVal>${numRef(cat)}</c:xVal>` : ""}<c:yVal>${val}</c:yVal><c:smooth val="0"/>${extLst}</c:ser>`
          );
        case "bubble":
          return (
            `<c:ser>${seriesHead(s, i, "fill")}<c:invertIfNegative val="0"/>${dLbls}` +
            `${cat ? `<c:xVal>${numRef(cat)}</c:xVal>` : ""}<c:yVal>${val}</c:yVal>` +
            `<c:bubbleSize>${numRef(absoluteRef(sheet, s.sizes as string))}</c:bubbleSize><c:bubble3D val="0"/>${extLst}</c:ser>`
          );
      }
    })
    .join("");
}

const AX1 = 500000001;
const AX2 = 500000002;

/** One axis element: its id, the axis it crosses, where it sits, and what the plan says of it. */
interface AxisSpec {
  readonly kind: "cat" | "val";
  readonly id: number;
  readonly cross: number;
  readonly pos: "b" | "l";
  readonly title?: string;
  readonly plan?: AxisPlan;
  /** Where this axis crosses the other one, in the other axis's units (crossesAt); absent: at zero (autoZero). */
  readonly crossesAt?: number;
  /** crossBetween: "between" for category charts, "midCat" for two value axes (scatter, bubble). */
  readonly crossBetween?: "between" | "midCat";
}

/**
 * A catAx or valAx in CT_CatAx / CT_ValAx order: axId, scaling (CT_Scaling: logBase, orientation, max, min), delete,
 * axPos, majorGridlines, title, numFmt, majorTickMark, minorTickMark, tickLblPos, crossAx, crosses | crossesAt, then
 * crossBetween (valAx) or auto, lblAlgn, lblOffset, noMultiLvlLbl (catAx). crossesAt is read in the units of the axis
 * being crossed (MS-OI29500 §2.1.1447 on §21.2.2.34): crossesAt 50 on the x axis puts it at y = 50. An axis moved
 * into the plot keeps its tick labels at the plot's low edge ("low"), so they do not cover the points.
 */
function axis(a: AxisSpec): string {
  const p = a.plan ?? {};
  const scaling =
    `<c:scaling><c:orientation val="minMax"/>${p.max !== undefined ? `<c:max val="${p.max}"/>` : ""}` +
    `${p.min !== undefined ? `<c:min val="${p.min}"/>` : ""}</c:scaling>`;
  const numFmt = p.numberFormat
    ? `<c:numFmt formatCode="${escapeXml(p.numberFormat)}" sourceLinked="0"/>`
    : `<c:numFmt formatCode="General" sourceLinked="1"/>`;
  const crosses = a.crossesAt !== undefined ? `<c:crossesAt val="${a.crossesAt}"/>` : `<c:crosses val="autoZero"/>`;
  const head =
    `<c:axId val="${a.id}"/>${scaling}<c:delete val="0"/>` +
    `<c:axPos val="${a.pos}"/>${a.kind === "val" ? "<c:majorGridlines/>" : ""}${a.title ? title(a.title, 1000) : ""}` +
    `${numFmt}<c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="${a.crossesAt !== undefined ? "low" : "nextTo"}"/><c:crossAx val="${a.cross}"/>${crosses}`;
  return a.kind === "cat"
    ? `<c:catAx>${head}<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`
    : `<c:valAx>${head}<c:crossBetween val="${a.crossBetween ?? "between"}"/></c:valAx>`;
}

/** The two axes of a category chart: x the category axis, y the value axis ("bar" lays them the other way). */
function categoryAxes(chart: ChartPlan, horizontal: boolean): string {
  return (
    axis({
      kind: "cat",
      id: AX1,
      cross: AX2,
      pos: horizontal ? "l" : "b",
      title: chart.xAxisTitle,
      plan: chart.xAxis,
    }) +
    axis({ kind: "val", id: AX2, cross: AX1, pos: horizontal ? "b" : "l", title: chart.yAxisTitle, plan: chart.yAxis })
  );
}

/**
 * The two value axes of a scatter or bubble chart. The x axis (horizontal) crosses the y axis at y = crossAt.y; the
 * y axis crosses the x axis at x = crossAt.x: each crossing goes on the other axis's element.
 */
function valueAxes(chart: ChartPlan): string {
  const common = { kind: "val", crossBetween: "midCat" } as const;
  return (
    axis({
      ...common,
      id: AX1,
      cross: AX2,
      pos: "b",
      title: chart.xAxisTitle,
      plan: chart.xAxis,
      crossesAt: chart.crossAt?.y,
    }) +
    axis({
      ...common,
      id: AX2,
      cross: AX1,
      pos: "l",
      title: chart.yAxisTitle,
      plan: chart.yAxis,
      crossesAt: chart.crossAt?.x,
    })
  );
}

function plot(chart: ChartPlan, sheet: string, texts: LabelTexts): string {
  const ser = series(chart, sheet, texts);
  const ids = `<c:axId val="${AX1}"/><c:axId val="${AX2}"/>`;
  switch (chart.kind) {
    case "column":
    case "bar":
    case "stackedBar": {
      const horizontal = chart.kind !== "column";
      // Stacked bars overlap fully (CT_BarChart: gapWidth, then overlap), as Excel writes its own stacked charts.
      const stacked = chart.kind === "stackedBar";
      return (
        `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/>` +
        `<c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>` +
        `${ser}<c:gapWidth val="80"/>${stacked ? '<c:overlap val="100"/>' : ""}${ids}</c:barChart>` +
        categoryAxes(chart, horizontal)
      );
    }
    case "line":
      return (
        `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${ser}<c:marker val="1"/>${ids}</c:lineChart>` +
        categoryAxes(chart, false)
      );
    case "doughnut":
      return `<c:doughnutChart><c:varyColors val="1"/>${ser}<c:firstSliceAng val="0"/><c:holeSize val="55"/></c:doughnutChart>`;
    case "scatter":
      return `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${ser}${ids}</c:scatterChart>${valueAxes(chart)}`;
    case "bubble":
      return (
        `<c:bubbleChart><c:varyColors val="0"/>${ser}<c:bubbleScale val="${chart.bubbleScale ?? 60}"/><c:showNegBubbles val="0"/>${ids}</c:bubbleChart>` +
        valueAxes(chart)
      );
  }
}

/** The chart part (xl/charts/chartN.xml) for one planned chart on `sheet`. */
export function chartPartXml(chart: ChartPlan, sheet: string, texts: LabelTexts = () => []): string {
  const legend =
    chart.legend === "none"
      ? ""
      : `<c:legend><c:legendPos val="${chart.legend === "bottom" ? "b" : "r"}"/><c:overlay val="0"/></c:legend>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace ${NS}><c:roundedCorners val="0"/>` +
    `<c:chart>${title(chart.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot(chart, sheet, texts)}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}
