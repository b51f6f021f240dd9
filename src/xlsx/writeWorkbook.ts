import ExcelJS from "exceljs";
import type { ChartPlan, RangeStyle, SheetPlan, WorkbookPlan } from "../report/plan";
import { isFormula } from "../report/plan";
import { injectCharts } from "./injectCharts";
import { withFilePrefixes } from "./formulaPrefixes";

function cellIndex(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

function eachCell(ws: ExcelJS.Worksheet, range: string, fn: (cell: ExcelJS.Cell) => void): void {
  const [a, b = a] = range.split(":");
  const from = cellIndex(a);
  const to = cellIndex(b);
  for (let r = from.row; r <= to.row; r++) {
    const row = ws.getRow(r);
    for (let c = from.col; c <= to.col; c++) fn(row.getCell(c));
  }
}

const argb = (hex: string) => `FF${hex.toUpperCase()}`;

function applyStyle(ws: ExcelJS.Worksheet, s: RangeStyle): void {
  const [a, b = a] = s.range.split(":");
  const from = cellIndex(a);
  const to = cellIndex(b);
  eachCell(ws, s.range, (cell) => {
    if (s.numberFormat) cell.numFmt = s.numberFormat;
    if (s.font)
      cell.font = {
        ...cell.font,
        bold: s.font.bold,
        italic: s.font.italic,
        size: s.font.size,
        color: s.font.color ? { argb: argb(s.font.color) } : undefined,
      };
    if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
    if (s.horizontalAlignment || s.verticalAlignment || s.wrapText) {
      cell.alignment = {
        ...cell.alignment,
        horizontal: s.horizontalAlignment,
        vertical: s.verticalAlignment,
        wrapText: s.wrapText,
      };
    }
    if (s.border) {
      const line = { style: s.border.style, color: { argb: argb(s.border.color ?? "BFBFBF") } } as const;
      const { row, col } = cell.fullAddress;
      const edge = (on: boolean) => (on ? line : undefined);
      cell.border =
        s.border.edges === "all"
          ? { top: line, bottom: line, left: line, right: line }
          : s.border.edges === "bottom"
            ? { ...cell.border, bottom: edge(row === to.row) }
            : {
                top: edge(row === from.row),
                bottom: edge(row === to.row),
                left: edge(col === from.col),
                right: edge(col === to.col),
              };
    }
  });
}

function writeSheet(wb: ExcelJS.Workbook, sheet: SheetPlan): void {
  const ws = wb.addWorksheet(sheet.name, {
    properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
    views: [
      {
        state: sheet.freeze ? "frozen" : "normal",
        xSplit: sheet.freeze?.columns ?? 0,
        ySplit: sheet.freeze?.rows ?? 0,
        showGridLines: sheet.showGridlines ?? true,
      },
    ],
    pageSetup: {
      orientation: sheet.print?.landscape ? "landscape" : "portrait",
      fitToPage: sheet.print?.fitToOnePage ?? false,
      fitToWidth: 1,
      fitToHeight: 1,
      printArea: sheet.print?.area,
    },
  });
  for (const [col, width] of Object.entries(sheet.columnWidths ?? {})) ws.getColumn(col).width = width;
  for (const block of sheet.blocks) {
    const at = cellIndex(block.at);
    block.rows.forEach((cells, i) => {
      const row = ws.getRow(at.row + i);
      cells.forEach((v, j) => {
        if (v === null) return;
        // Text goes in as a string value, which exceljs writes as a shared string: never parsed as a formula.
        row.getCell(at.col + j).value = isFormula(v) ? { formula: withFilePrefixes(v.f) } : v;
      });
    });
  }
  for (const s of sheet.styles ?? []) applyStyle(ws, s);
  for (const m of sheet.merges ?? []) ws.mergeCells(m);
  for (const cf of sheet.conditionalFormats ?? []) {
    if (cf.type === "colorScale") {
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [
          {
            type: "colorScale",
            priority: 1,
            cfvo: [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }],
            color: cf.colors.map((c) => ({ argb: argb(c) })),
          },
        ],
      });
    } else if (cf.type === "dataBar") {
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [
          {
            type: "dataBar",
            priority: 1,
            cfvo: [{ type: "min" }, { type: "max" }],
            color: { argb: argb(cf.color) },
          } as never,
        ],
      });
    } else {
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [
          {
            type: "cellIs",
            priority: 1,
            operator: cf.operator,
            formulae: cf.formula2 ? [cf.formula1, cf.formula2] : [cf.formula1],
            style: {
              fill: cf.fill ? { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } } : undefined,
              font: cf.fontColor ? { color: { argb: argb(cf.fontColor) } } : undefined,
            },
          },
        ],
      });
    }
  }
  for (const t of sheet.tables ?? []) addTable(ws, t.name, t.range, t.style);
}

/** exceljs writes a table's cells itself: hand it the header and rows already on the sheet. */
function addTable(ws: ExcelJS.Worksheet, name: string, range: string, style = "TableStyleMedium2"): void {
  const [a, b] = range.split(":");
  const from = cellIndex(a);
  const to = cellIndex(b);
  const header: string[] = [];
  for (let c = from.col; c <= to.col; c++) header.push(String(ws.getRow(from.row).getCell(c).value ?? `Column${c}`));
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = from.row + 1; r <= to.row; r++) {
    const row: ExcelJS.CellValue[] = [];
    for (let c = from.col; c <= to.col; c++) row.push(ws.getRow(r).getCell(c).value);
    rows.push(row);
  }
  ws.addTable({
    name,
    ref: a,
    headerRow: true,
    style: { theme: style as never, showRowStripes: true },
    columns: header.map((h) => ({ name: h })),
    rows,
  });
}

/**
 * Writes a workbook plan to an .xlsx file (Node). Cells, formats, merges, freeze panes, conditional formats, tables,
 * defined names and print setup through exceljs; charts, which exceljs cannot write, as DrawingML parts added after.
 * Formulas are written without cached values, so every spreadsheet program computes them on opening.
 */
export async function writeWorkbook(plan: WorkbookPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "KAM Analytics";
  for (const sheet of plan.sheets) writeSheet(wb, sheet);
  for (const n of plan.names ?? []) wb.definedNames.add(n.refersTo, n.name);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  const charts = new Map<string, readonly ChartPlan[]>(plan.sheets.map((s) => [s.name, s.charts ?? []]));
  return injectCharts(buffer, charts);
}
