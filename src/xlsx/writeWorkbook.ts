import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { boxOf, cellIndex, cellsOf } from "../report/cellRefs";
import type { ConditionalFormat, SheetPlan, WorkbookPlan } from "../report/plan";
import { isFormula } from "../report/plan";
import { headerCells, planCellAt, rowOf, sheetBlocks } from "../report/planCells";
import { validatePlan } from "../report/planValidation";
import { withFilePrefixes } from "./formulaPrefixes";
import { injectParts, type SheetParts } from "./injectParts";
import { RowStyles } from "./rowStyles";

type StreamWorkbook = ExcelJS.stream.xlsx.WorkbookWriter;
type StreamSheet = ReturnType<StreamWorkbook["addWorksheet"]>;

const argb = (hex: string) => `FF${hex.toUpperCase()}`;

/**
 * Writes a workbook plan to an .xlsx file (Node). exceljs' streaming writer takes the cells, styles, merges, freeze
 * panes, conditional formats and print setup, one row at a time, so memory follows the widest row and not the whole
 * workbook; tables, charts and defined names, which that writer cannot write (or writes wrong), are added after.
 * Formulas are written without cached values, so every spreadsheet program computes them on opening.
 */
export async function writeWorkbook(plan: WorkbookPlan): Promise<Buffer> {
  const problems = validatePlan(plan);
  if (problems.length > 0)
    throw new Error(
      `The report plan is invalid: ${problems.map((p) => `${p.sheet} ${p.path}: ${p.message}`).join("; ")}`,
    );
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  wb.creator = "KAM Analytics";
  for (const sheet of plan.sheets) writeSheet(wb, sheet);
  await wb.commit();
  const parts = new Map(plan.sheets.map((s) => [s.name, packageParts(s)]));
  return injectParts(Buffer.concat(chunks), parts, plan.names);
}

/** What goes into the package after exceljs: the sheet's tables and charts, and what their XML needs from the plan. */
function packageParts(s: SheetPlan): SheetParts {
  return {
    charts: s.charts ?? [],
    tables: (s.tables ?? []).map((t) => ({
      name: t.name,
      ref: t.range.replace(/\$/g, ""),
      columns: headerCells(s, t.range) as string[], // validatePlan made sure they are distinct texts
      style: t.style ?? "TableStyleMedium2",
    })),
    dataBars: (s.conditionalFormats ?? []).some((c) => c.type === "dataBar"),
    labelTexts: (range: string) =>
      cellsOf(range).map(({ row, col }) => {
        const v = planCellAt(s, row, col);
        if (v === null || isFormula(v)) return undefined;
        return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
      }),
  };
}

/** exceljs writes '<sheet>'!$<from>:$<to>: given A$1:M$36 it makes the canonical $A$1:$M$36, not a mixed $A1. */
function printArea(area: string | undefined): string | undefined {
  if (!area) return undefined;
  const [from, to = from] = area.replace(/\$/g, "").split(":");
  return [from, to].map((cell) => cell.replace(/(\d+)$/, "$$$1")).join(":");
}

function writeSheet(wb: StreamWorkbook, sheet: SheetPlan): void {
  const ws = wb.addWorksheet(sheet.name, {
    ...(sheet.visibility === "veryHidden" ? { state: "veryHidden" as const } : {}),
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
      printArea: printArea(sheet.print?.area),
    },
  });
  for (const [col, width] of Object.entries(sheet.columnWidths ?? {})) ws.getColumn(col).width = width;
  // Merges touch their cells, so they go in while every row is still open.
  for (const m of sheet.merges ?? []) ws.mergeCells(m);
  // Each rule its own priority, in plan order (1 first), as Excel numbers them: no two rules on a sheet share one.
  (sheet.conditionalFormats ?? []).forEach((cf, i) => ws.addConditionalFormatting(conditionalFormat(cf, i + 1)));
  writeRows(ws, sheet);
  ws.commit();
}

/**
 * Streams the sheet's rows out in order. Blocks may come in any order and overlap (a later block wins, as in the
 * Office renderer); the blocks covering a row are kept in a short active list, so the cost follows the cells written.
 */
function writeRows(ws: StreamSheet, sheet: SheetPlan): void {
  const blocks = sheetBlocks(sheet)
    .map((block, order) => ({ block, order, ...cellIndex(block.at) }))
    .filter((b) => b.block.rows.length > 0)
    .sort((a, b) => a.row - b.row || a.order - b.order);
  const styles = new RowStyles(sheet.styles ?? []);
  const merged = (sheet.merges ?? []).reduce((m, r) => Math.max(m, boxOf(r).bottom), 0);
  const tallest = Math.max(0, ...Object.keys(sheet.rowHeights ?? {}).map(Number));
  const lastRow = blocks.reduce(
    (m, b) => Math.max(m, b.row + b.block.rows.length - 1),
    Math.max(styles.lastRow, merged, tallest),
  );
  let active: (typeof blocks)[number][] = [];
  let next = 0;
  for (let r = 1; r <= lastRow; r++) {
    if (next < blocks.length && blocks[next].row === r) {
      while (next < blocks.length && blocks[next].row === r) active.push(blocks[next++]);
      active.sort((a, b) => a.order - b.order);
    }
    const shape = styles.forRow(r);
    const height = sheet.rowHeights?.[r];
    if (active.length === 0 && shape.size === 0 && height === undefined) continue;
    const row = ws.getRow(r);
    if (height !== undefined) row.height = height;
    for (const [col, style] of shape) row.getCell(col).style = style;
    for (const b of active) writeBlockRow(row, b.block, r - b.row, b.col);
    row.commit();
    active = active.filter((b) => r < b.row + b.block.rows.length - 1);
  }
}

function writeBlockRow(
  row: ExcelJS.Row,
  block: ReturnType<typeof sheetBlocks>[number],
  index: number,
  col: number,
): void {
  const cells = rowOf(block.rows, index)!;
  for (let j = 0; j < cells.length; j++) {
    const v = cells[j];
    if (v === null) continue;
    // Text goes in as a string value, which exceljs writes as a shared string: never parsed as a formula.
    row.getCell(col + j).value = isFormula(v) ? { formula: withFilePrefixes(v.f) } : v;
  }
}

function conditionalFormat(cf: ConditionalFormat, priority: number): ExcelJS.ConditionalFormattingOptions {
  if (cf.type === "colorScale")
    return {
      ref: cf.range,
      rules: [
        {
          type: "colorScale",
          priority,
          cfvo: [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }],
          color: cf.colors.map((c) => ({ argb: argb(c) })),
        },
      ],
    };
  if (cf.type === "dataBar")
    return {
      ref: cf.range,
      rules: [
        {
          type: "dataBar",
          priority,
          cfvo: [{ type: "min" }, { type: "max" }],
          color: { argb: argb(cf.color) },
        } as never,
      ],
    };
  return {
    ref: cf.range,
    rules: [
      {
        type: "cellIs",
        priority,
        operator: cf.operator,
        formulae: cf.formula2 ? [cf.formula1, cf.formula2] : [cf.formula1],
        style: {
          fill: cf.fill ? { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } } : undefined,
          font: cf.fontColor ? { color: { argb: argb(cf.fontColor) } } : undefined,
        },
      },
    ],
  };
}
