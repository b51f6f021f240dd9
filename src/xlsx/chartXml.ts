import { cellsOf } from "../report/cellRefs";
import { absoluteRef } from "../report/sheetRefs";
import type { ChartPlan, ChartSeries } from "../report/plan";

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

/**
 * Point labels taken from cells, stored as Excel 2013+ stores "Value From Cells": each point's label is a CELLRANGE
 * field (c15 extension), the series names the range and caches its texts (readers show the cache until they
 * recalculate), and every other label part is off. LibreOffice 7.4 shows these labels too (checked in the rendered
 * PNG); a plain cell reference per label (`<c:tx><c:strRef>`) it shows as the point's value. Labels sit right of
 * scatter and bubble points; other kinds keep their default position (an invalid one makes Excel repair the file).
 */
function labelParts(
  s: ChartSeries,
  chart: ChartPlan,
  sheet: string,
  texts: LabelTexts,
): { dLbls: string; extLst: string } {
  if (!s.labels) return { dLbls: "", extLst: "" };
  const position = chart.kind === "scatter" || chart.kind === "bubble" ? '<c:dLblPos val="r"/>' : "";
  const cached = texts(s.labels);
  const field = (k: number) =>
    `<a:fld id="{6E8A3F5B-0000-4000-8000-${k.toString(16).toUpperCase().padStart(12, "0")}}" type="CELLRANGE">` +
    `<a:rPr lang="en-US"/><a:pPr/><a:t>[CELLRANGE]</a:t></a:fld>`;
  const points = cellsOf(s.labels)
    .map(
      (_, k) =>
        `<c:dLbl><c:idx val="${k}"/><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p>${field(k)}` +
        `<a:endParaRPr lang="en-US"/></a:p></c:rich></c:tx>${position}${LABEL_FLAGS}` +
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

/** crossBetween: "between" for category charts, "midCat" for two value axes (scatter, bubble). */
function axis(
  kind: "cat" | "val",
  id: number,
  cross: number,
  pos: string,
  axisTitle?: string,
  crossBetween = "between",
): string {
  const head =
    `<c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${pos}"/>${kind === "val" ? "<c:majorGridlines/>" : ""}${axisTitle ? title(axisTitle, 1000) : ""}` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${cross}"/><c:crosses val="autoZero"/>`;
  return kind === "cat"
    ? `<c:catAx>${head}<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`
    : `<c:valAx>${head}<c:crossBetween val="${crossBetween}"/></c:valAx>`;
}

function plot(chart: ChartPlan, sheet: string, texts: LabelTexts): string {
  const ser = series(chart, sheet, texts);
  const ids = `<c:axId val="${AX1}"/><c:axId val="${AX2}"/>`;
  switch (chart.kind) {
    case "column":
    case "bar": {
      const horizontal = chart.kind === "bar";
      return (
        `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
        `${ser}<c:gapWidth val="80"/>${ids}</c:barChart>` +
        axis("cat", AX1, AX2, horizontal ? "l" : "b", chart.xAxisTitle) +
        axis("val", AX2, AX1, horizontal ? "b" : "l", chart.yAxisTitle)
      );
    }
    case "line":
      return (
        `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${ser}<c:marker val="1"/>${ids}</c:lineChart>` +
        axis("cat", AX1, AX2, "b", chart.xAxisTitle) +
        axis("val", AX2, AX1, "l", chart.yAxisTitle)
      );
    case "doughnut":
      return `<c:doughnutChart><c:varyColors val="1"/>${ser}<c:firstSliceAng val="0"/><c:holeSize val="55"/></c:doughnutChart>`;
    case "scatter":
      return (
        `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${ser}${ids}</c:scatterChart>` +
        axis("val", AX1, AX2, "b", chart.xAxisTitle, "midCat") +
        axis("val", AX2, AX1, "l", chart.yAxisTitle, "midCat")
      );
    case "bubble":
      return (
        `<c:bubbleChart><c:varyColors val="0"/>${ser}<c:bubbleScale val="60"/><c:showNegBubbles val="0"/>${ids}</c:bubbleChart>` +
        axis("val", AX1, AX2, "b", chart.xAxisTitle, "midCat") +
        axis("val", AX2, AX1, "l", chart.yAxisTitle, "midCat")
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
