import type { ChartPlan } from "../report/plan";
import { cellIndex } from "../report/cellRefs";
import { chartPartXml, escapeXml, type LabelTexts } from "./chartXml";
import type { DefinedName } from "../report/plan";
import { withFilePrefixes } from "./formulaPrefixes";
import { tablePartXml, type TablePart } from "./tableXml";
import { rowStart, rowStyles, type RowRun } from "./rowRuns";
import { ZipParts } from "./zipParts";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const TABLE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

/** Drawing markers count rows and columns from 0. */
function marker0(ref: string): { col: number; row: number } {
  const { row, col } = cellIndex(ref);
  return { col: col - 1, row: row - 1 };
}

function anchor(chart: ChartPlan, rId: string, id: number): string {
  const from = marker0(chart.from);
  const to = marker0(chart.to);
  const marker = (tag: string, p: { col: number; row: number }) =>
    `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${marker("from", from)}${marker("to", to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="${escapeXml(chart.title)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${rId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** Maps sheet names to their part paths through xl/workbook.xml and its relationships, not by guessing file names. */
function sheetParts(zip: ZipParts): Map<string, string> {
  const workbook = zip.text("xl/workbook.xml")!;
  const rels = zip.text("xl/_rels/workbook.xml.rels")!;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])?.[1];
    const target = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, ""));
  }
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])?.[1];
    const id = /r:id="([^"]+)"/.exec(m[0])?.[1];
    if (name && id && targets.has(id)) parts.set(unescapeXml(name), `xl/${targets.get(id)}`);
  }
  return parts;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Top-level elements that must follow <drawing> in a worksheet (CT_Worksheet sequence), extLst aside. */
const AFTER_DRAWING = [
  "<legacyDrawing",
  "<legacyDrawingHF",
  "<picture",
  "<oleObjects",
  "<controls",
  "<webPublishItems",
  "<tableParts",
];

/**
 * Where <drawing> goes: before the first element that must follow it. `<extLst>` also occurs inside conditional
 * formatting rules, so only the worksheet's own (the one closing right before </worksheet>) counts.
 */
function drawingPosition(xml: string): number {
  const end = xml.lastIndexOf("</worksheet>");
  const candidates = AFTER_DRAWING.map((tag) => xml.indexOf(tag)).filter((i) => i >= 0);
  if (/<\/extLst>\s*$/.test(xml.slice(0, end))) candidates.push(outerExtStart(xml, end));
  return candidates.length > 0 ? Math.min(...candidates) : end;
}

/** Start of the <extLst> that closes just before `end`, pairing nested extLst tags backwards. */
function outerExtStart(xml: string, end: number): number {
  let depth = 0;
  let i = end;
  for (;;) {
    const close = xml.lastIndexOf("</extLst>", i - 1);
    const open = xml.lastIndexOf("<extLst", i - 1);
    if (close > open) {
      depth++;
      i = close;
    } else {
      depth--;
      i = open;
      if (depth === 0 || open < 0) return open;
    }
  }
}

/** What one sheet gets added to it after exceljs has written the cells. */
export interface SheetParts {
  readonly charts: readonly ChartPlan[];
  readonly tables: readonly TablePart[];
  /** What the plan writes in a labels range, for the label cache. */
  readonly labelTexts?: LabelTexts;
  /**
   * The sheet has data bars: exceljs' streaming writer gives each an `<x14:id/>` reference to an Excel 2010
   * extension it never writes; the reference is dropped, leaving a plain (valid, ECMA-376) data bar.
   */
  readonly dataBars?: boolean;
  /**
   * Rows the writer left out of exceljs' part, to be written here as XML: each run goes right after its `after`
   * row, which exceljs wrote (sheet rows are in order, so the runs must be too).
   */
  readonly runs?: readonly RowRun[];
}

const EMPTY_X14_REF = /<extLst><ext uri="\{B025F937-C7B1-47D3-B67F-A62EFF666E3E\}"[^>]*><x14:id\/><\/ext><\/extLst>/g;
const needsWork = (p: SheetParts) =>
  p.charts.length > 0 || p.tables.length > 0 || p.dataBars === true || (p.runs?.length ?? 0) > 0;

/**
 * Adds the planned charts and tables to an .xlsx written by exceljs' streaming writer (which writes neither): per
 * sheet, one drawing part with a chart part per chart, a table part per table, their relationships, content-type
 * overrides, and the sheet's `<drawing r:id>` and `<tableParts>` at their places in the schema's sequence. Parts that
 * are not touched keep their compressed bytes; rows left out of exceljs' part go in as streamed XML.
 */
export function injectParts(
  xlsx: Buffer,
  sheets: ReadonlyMap<string, SheetParts>,
  names: readonly DefinedName[] = [],
): ZipParts {
  const zip = ZipParts.read(xlsx);
  if (![...sheets.values()].some(needsWork) && names.length === 0) return zip;
  if (names.length > 0) zip.setText("xl/workbook.xml", withDefinedNames(zip.text("xl/workbook.xml")!, names));
  const parts = sheetParts(zip);
  let types = zip.text("[Content_Types].xml")!;
  const override = (part: string, type: string) => {
    types = types.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
  };
  let chartNumber = 0;
  let drawingNumber = 0;
  let tableNumber = 0;
  for (const [sheet, planned] of sheets) {
    if (!needsWork(planned)) continue;
    const { charts, tables, dataBars } = planned;
    const part = parts.get(sheet);
    if (!part) throw new Error(`injectParts: no worksheet part for sheet "${sheet}"`);
    const sheetRels: string[] = [];
    let xml = zip.text(part)!;
    if (!xml.includes("xmlns:r=")) xml = xml.replace("<worksheet ", `<worksheet xmlns:r="${REL_NS}" `);
    if (dataBars) xml = xml.replace(EMPTY_X14_REF, "");

    if (tables.length > 0) {
      const refs = tables.map((table) => {
        tableNumber++;
        const path = `xl/tables/table${tableNumber}.xml`;
        zip.setText(path, tablePartXml(table, tableNumber));
        override(path, TABLE_TYPE);
        const rId = `rIdKamTable${tableNumber}`;
        sheetRels.push(`<Relationship Id="${rId}" Type="${REL_NS}/table" Target="../tables/table${tableNumber}.xml"/>`);
        return `<tablePart r:id="${rId}"/>`;
      });
      const at = tablePartsPosition(xml);
      xml = `${xml.slice(0, at)}<tableParts count="${refs.length}">${refs.join("")}</tableParts>${xml.slice(at)}`;
    }

    if (charts.length > 0) {
      drawingNumber++;
      const drawingRels: string[] = [];
      const anchors: string[] = [];
      charts.forEach((chart, i) => {
        chartNumber++;
        zip.setText(`xl/charts/chart${chartNumber}.xml`, chartPartXml(chart, sheet, planned.labelTexts));
        override(`xl/charts/chart${chartNumber}.xml`, CHART_TYPE);
        drawingRels.push(
          `<Relationship Id="rId${i + 1}" Type="${REL_NS}/chart" Target="../charts/chart${chartNumber}.xml"/>`,
        );
        anchors.push(anchor(chart, `rId${i + 1}`, i + 1));
      });
      zip.setText(
        `xl/drawings/drawing${drawingNumber}.xml`,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL_NS}">${anchors.join("")}</xdr:wsDr>`,
      );
      zip.setText(
        `xl/drawings/_rels/drawing${drawingNumber}.xml.rels`,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">${drawingRels.join("")}</Relationships>`,
      );
      override(`xl/drawings/drawing${drawingNumber}.xml`, DRAWING_TYPE);
      const rId = `rIdKamDrawing${drawingNumber}`;
      sheetRels.push(
        `<Relationship Id="${rId}" Type="${REL_NS}/drawing" Target="../drawings/drawing${drawingNumber}.xml"/>`,
      );
      const at = drawingPosition(xml);
      xml = `${xml.slice(0, at)}<drawing r:id="${rId}"/>${xml.slice(at)}`;
    }

    if (planned.runs && planned.runs.length > 0) zip.setStreamed(part, withRuns(xml, planned.runs, sheet));
    else zip.setText(part, xml);
    if (sheetRels.length === 0) continue;
    const relsPath = part.replace(/worksheets\/(sheet\d+\.xml)$/, "worksheets/_rels/$1.rels");
    const existing = zip.has(relsPath)
      ? zip.text(relsPath)!
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}"></Relationships>`;
    zip.setText(relsPath, existing.replace("</Relationships>", `${sheetRels.join("")}</Relationships>`));
  }
  zip.setText("[Content_Types].xml", types);
  return zip;
}

/** The sheet's XML with each run's rows after its `after` row, as pieces to stream. */
function withRuns(xml: string, runs: readonly RowRun[], sheet: string): () => Iterable<string> {
  const cuts: number[] = [];
  let from = 0;
  for (const run of runs) {
    const start = rowStart(xml, run.after, from);
    if (start < 0) throw new Error(`injectParts: row ${run.after} of "${sheet}" was not written before its run`);
    const tagEnd = xml.indexOf(">", start);
    const end = xml[tagEnd - 1] === "/" ? tagEnd + 1 : xml.indexOf("</row>", tagEnd) + "</row>".length;
    cuts.push(end);
    from = end;
  }
  const anchors = runs.map((run) => rowStyles(xml, run.after));
  return function* () {
    let at = 0;
    let sharedFrom = 0;
    for (let i = 0; i < runs.length; i++) {
      yield xml.slice(at, cuts[i]);
      yield* runs[i].xml(anchors[i], sharedFrom);
      sharedFrom += runs[i].sharedIds;
      at = cuts[i];
    }
    yield xml.slice(at);
  };
}

/** <tableParts> is the last element of a worksheet but for its own <extLst>. */
function tablePartsPosition(xml: string): number {
  const end = xml.lastIndexOf("</worksheet>");
  return /<\/extLst>\s*$/.test(xml.slice(0, end)) ? outerExtStart(xml, end) : end;
}

/**
 * Workbook-level defined names, written here because exceljs reads every name as a range: a constant ("0.1") it
 * drops, a formula it mangles. Each goes in as written (with newer functions' _xlfn. prefixes), into the workbook's
 * <definedNames> (which may already hold print areas), or a new one where CT_Workbook wants it: before <calcPr>.
 */
function withDefinedNames(workbook: string, names: readonly DefinedName[]): string {
  const items = names
    .map((n) => `<definedName name="${escapeXml(n.name)}">${escapeXml(withFilePrefixes(n.refersTo))}</definedName>`)
    .join("");
  if (workbook.includes("<definedNames>")) return workbook.replace("<definedNames>", `<definedNames>${items}`);
  const before = ["<calcPr", "<oleSize", "<customWorkbookViews", "<pivotCaches", "<smartTagPr", "<fileRecoveryPr"]
    .map((tag) => workbook.indexOf(tag))
    .filter((i) => i >= 0);
  const at = before.length > 0 ? Math.min(...before) : workbook.lastIndexOf("</workbook>");
  return `${workbook.slice(0, at)}<definedNames>${items}</definedNames>${workbook.slice(at)}`;
}
