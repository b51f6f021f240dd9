import { open } from "node:fs/promises";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { boxOf, cellIndex, cellsOf } from "../report/cellRefs";
import type { ConditionalFormat, SheetPlan, WorkbookPlan } from "../report/plan";
import { isFormula } from "../report/plan";
import { headerCells, planCellAt, rowOf, sheetBlocks } from "../report/planCells";
import { validatePlan } from "../report/planValidation";
import { withFilePrefixes } from "./formulaPrefixes";
import { injectParts, type SheetParts } from "./injectParts";
import { rowRun, type RowRun } from "./rowRuns";
import { RowStyles } from "./rowStyles";
import type { ZipParts } from "./zipParts";

type StreamWorkbook = ExcelJS.stream.xlsx.WorkbookWriter;
type StreamSheet = ReturnType<StreamWorkbook["addWorksheet"]>;

const argb = (hex: string) => `FF${hex.toUpperCase()}`;

/**
 * Writes a workbook plan to an .xlsx file (Node). exceljs' streaming writer takes the cells, styles, merges, freeze
 * panes, conditional formats and print setup, one row at a time, so memory follows the widest row and not the whole
 * workbook; tables, charts and defined names, which that writer cannot write (or writes wrong), are added after.
 * Formulas are written without cached values, so every spreadsheet program computes them on opening.
 */
export async function writeWorkbook(plan: WorkbookPlan, options: WriteOptions = {}): Promise<Buffer> {
  return (await packageOf(plan, options)).toBuffer();
}

/**
 * The same workbook written to a file as it is made (`kam` at a million accounts): the file's bytes are never held in
 * one buffer.
 */
export async function writeWorkbookFile(plan: WorkbookPlan, path: string, options: WriteOptions = {}): Promise<void> {
  const zip = await packageOf(plan, options);
  const file = await open(path, "w");
  try {
    await zip.writeTo(async (piece) => {
      await file.write(piece);
    });
  } finally {
    await file.close();
  }
}

async function packageOf(plan: WorkbookPlan, options: WriteOptions): Promise<ZipParts> {
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
  const minRun = options.minRun ?? MIN_RUN;
  const runs = new Map(plan.sheets.map((sheet) => [sheet.name, writeSheet(wb, sheet, minRun)]));
  await wb.commit();
  const parts = new Map(plan.sheets.map((s) => [s.name, { ...packageParts(s), runs: runs.get(s.name) }]));
  return injectParts(Buffer.concat(chunks), parts, plan.names);
}

export interface WriteOptions {
  /** Alike rows from this many on are written as XML by rowRuns.ts, not by exceljs (tests set it low). */
  readonly minRun?: number;
}

/** Below this a run is left to exceljs: small sheets come out exactly as exceljs writes them. */
export const MIN_RUN = 1000;

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

function writeSheet(wb: StreamWorkbook, sheet: SheetPlan, minRun: number): RowRun[] {
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
  const runs = writeRows(ws, sheet, minRun);
  ws.commit();
  return runs;
}

/**
 * Streams the sheet's rows out in order. Blocks may come in any order and overlap (a later block wins, as in the
 * Office renderer); the blocks covering a row are kept in a short active list, so the cost follows the cells written.
 * A stretch of at least `minRun` rows that look like the row before it (same blocks, same styles, no height or merge
 * of their own) is left out and returned as a run, which injectParts writes as XML after that row.
 */
function writeRows(ws: StreamSheet, sheet: SheetPlan, minRun: number): RowRun[] {
  const blocks = sheetBlocks(sheet)
    .map((block, order) => ({ block, order, ...cellIndex(block.at) }))
    .filter((b) => b.block.rows.length > 0)
    .sort((a, b) => a.row - b.row || a.order - b.order);
  // sheetBlocks' order: cell blocks, column blocks, then pattern blocks.
  const firstPattern = sheet.blocks.length + (sheet.columns?.length ?? 0);
  const patterns = new Map((sheet.patterns ?? []).map((p, i) => [firstPattern + i, p.pattern]));
  const styles = new RowStyles(sheet.styles ?? []);
  const merged = (sheet.merges ?? []).reduce((m, r) => Math.max(m, boxOf(r).bottom), 0);
  const tallest = Math.max(0, ...Object.keys(sheet.rowHeights ?? {}).map(Number));
  const lastRow = blocks.reduce(
    (m, b) => Math.max(m, b.row + b.block.rows.length - 1),
    Math.max(styles.lastRow, merged, tallest),
  );
  const changes = changeRows(sheet, blocks, lastRow);
  let nextChange = 0;
  const runs: RowRun[] = [];
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
    // exceljs leaves out a row without a value (styled blanks included): such a row cannot anchor a run.
    const anchors = row.hasValues || height !== undefined;
    row.commit();
    // Rows r+1 .. (the next row where anything changes) - 1 look like row r.
    while (nextChange < changes.length && changes[nextChange] <= r) nextChange++;
    const end = (changes[nextChange] ?? lastRow + 1) - 1;
    if (anchors && active.length > 0 && r > merged && end - r >= minRun && skipRowsTo(ws, end + 1)) {
      runs.push(
        rowRun({
          from: r + 1,
          to: end,
          blocks: active.map((b) => ({ ...b, pattern: patterns.get(b.order) })),
        }),
      );
      r = end;
    }
    active = active.filter((b) => r < b.row + b.block.rows.length - 1);
  }
  return runs;
}

/**
 * Tells exceljs' streaming sheet that rows up to `row` are done, so the row after a run is its next one. Its public
 * API would leave a hole of a run's length in its row list, which it then shifts out one row at a time (quadratic:
 * minutes at 100,000 rows). exceljs is pinned to 4.4 in package.json; where the field is not as expected (another
 * version), nothing is skipped and exceljs writes every row as before.
 */
function skipRowsTo(ws: StreamSheet, row: number): boolean {
  const inner = ws as unknown as { _rowZero?: unknown; _rows?: unknown };
  if (typeof inner._rowZero !== "number" || !Array.isArray(inner._rows) || inner._rows.length > 0) return false;
  inner._rowZero = row;
  return true;
}

/**
 * The rows where a row may differ from the one above it, sorted: a block starts or ends, a style range starts or
 * ends (its first and last rows have their own borders), a row has a height of its own, or the one above had.
 */
function changeRows(
  sheet: SheetPlan,
  blocks: readonly { row: number; block: { rows: { length: number } } }[],
  lastRow: number,
): number[] {
  const at = new Set<number>([lastRow + 1]);
  for (const b of blocks) at.add(b.row).add(b.row + b.block.rows.length);
  for (const style of sheet.styles ?? []) {
    const box = boxOf(style.range);
    at.add(box.top)
      .add(box.top + 1)
      .add(box.bottom)
      .add(box.bottom + 1);
  }
  for (const row of Object.keys(sheet.rowHeights ?? {}).map(Number)) at.add(row).add(row + 1);
  return [...at].sort((a, b) => a - b);
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
