import { boxOf } from "./cellRefs";
import { headerCells } from "./planCells";
import {
  plotsTwoValueAxes,
  ROW_TOKEN,
  type ChartPlan,
  type ColumnBlock,
  type PlanCell,
  type WorkbookPlan,
} from "./plan";

/** A problem in a plan: which sheet and part, and what is wrong. Plans come from our builders, so these are bugs. */
export interface PlanIssue {
  readonly sheet: string;
  readonly path: string;
  readonly message: string;
}

const FORBIDDEN = /[[\]:*?/\\]/g;
const MAX_SHEET_NAME = 31;

/**
 * A name Excel accepts for a sheet: forbidden characters []:*?/\ replaced by "-", no leading or trailing apostrophe,
 * not blank, not "History" (reserved by Excel), at most 31 characters.
 */
export function sanitizeSheetName(name: string): string {
  let clean = name
    .replace(FORBIDDEN, "-")
    .replace(/^'+|'+$/g, "")
    .trim();
  if (clean === "" || clean.toLowerCase() === "history") clean = `${clean || "Sheet"} (KAM)`;
  return clean.slice(0, MAX_SHEET_NAME).trim();
}

const CELL = /^\$?[A-Z]{1,3}\$?[1-9]\d{0,6}$/;
const RANGE = /^\$?[A-Z]{1,3}\$?[1-9]\d{0,6}(:\$?[A-Z]{1,3}\$?[1-9]\d{0,6})?$/;
const NAME = /^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/;

/** Excel's sheet: 1,048,576 rows, 16,384 columns (A to XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** Whether every cell of an address ("B2", "$A$1:XFD9") lies on Excel's sheet. */
function onSheet(address: string): boolean {
  return address.split(":").every((cell) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(cell);
    return m !== null && columnNumber(m[1]) <= MAX_COLUMNS && Number(m[2]) >= 1 && Number(m[2]) <= MAX_ROWS;
  });
}

/**
 * Why Excel would refuse `name` for a table or a defined name, or undefined. Beyond the characters (NAME), a name
 * may not read as a reference: a cell in A1:XFD1048576 ("FY2024", "Q1", "KPI1") or an R1C1 form ("R1C1", "R2", "C3",
 * "RC", and "R" and "C" alone). Excel refuses them with InvalidArgument.
 */
export function nameProblem(name: string): string | undefined {
  if (!NAME.test(name)) return "letters, digits, _ and . only, starting with a letter or _, at most 255 characters";
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1 && columnNumber(a1[1]) <= MAX_COLUMNS && Number(a1[2]) >= 1 && Number(a1[2]) <= MAX_ROWS)
    return `it reads as the cell ${a1[1].toUpperCase()}${a1[2]}`;
  if (/^[Rr]\d*([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name)) return "it reads as an R1C1 reference";
  return undefined;
}

/** Checks a plan before it is drawn: sheet names, unique names, addresses, block shapes. Collects every issue. */
export function validatePlan(plan: WorkbookPlan): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const seen = new Set<string>();
  const tableNames = new Set<string>();
  for (const sheet of plan.sheets) {
    const add = (path: string, message: string) => issues.push({ sheet: sheet.name, path, message });
    if (sanitizeSheetName(sheet.name) !== sheet.name) add("name", `"${sheet.name}" is not a valid Excel sheet name.`);
    if (seen.has(sheet.name.toLowerCase())) add("name", `"${sheet.name}" appears twice.`);
    seen.add(sheet.name.toLowerCase());
    // Cell blocks as they are; a pattern block by its one row, its formulas as long as at Excel's last row.
    const blocks = [
      ...sheet.blocks.map((b, i) => ({ path: `blocks[${i}]`, at: b.at, height: b.rows.length, rows: b.rows })),
      ...(sheet.patterns ?? []).map((p, i) => ({
        path: `patterns[${i}]`,
        at: p.at,
        height: p.count,
        rows: [
          p.pattern.map((c) =>
            typeof c === "object" && c !== null ? { f: c.f.split(ROW_TOKEN).join(String(MAX_ROWS)) } : c,
          ),
        ],
      })),
    ];
    blocks.forEach((b) => {
      const width = b.rows[0]?.length ?? 0;
      checkPlace(b.at, width, b.height, b.path, add);
      b.rows.forEach((r, k) => {
        if (r.length !== width) add(`${b.path}.rows[${k}]`, `row has ${r.length} cells, the block ${width}.`);
        for (let j = 0; j < r.length; j++) {
          const problem = cellProblem(r[j]);
          if (problem) add(`${b.path}.rows[${k}][${j}]`, problem);
        }
      });
    });
    (sheet.columns ?? []).forEach((b, i) => checkColumnBlock(b, `columns[${i}]`, add));
    const ranges: [string, string][] = [
      ...(sheet.styles ?? []).map((s, i): [string, string] => [`styles[${i}]`, s.range]),
      ...(sheet.merges ?? []).map((m, i): [string, string] => [`merges[${i}]`, m]),
      ...(sheet.conditionalFormats ?? []).map((c, i): [string, string] => [`conditionalFormats[${i}]`, c.range]),
      ...(sheet.tables ?? []).map((t, i): [string, string] => [`tables[${i}]`, t.range]),
      ...(sheet.print?.area ? [["print.area", sheet.print.area] as [string, string]] : []),
      ...(sheet.charts ?? []).flatMap((c, i): [string, string][] => [
        [`charts[${i}].from`, c.from],
        [`charts[${i}].to`, c.to],
      ]),
    ];
    for (const [path, range] of ranges) {
      if (!RANGE.test(range)) add(path, `"${range}" is not a range address.`);
      else if (!onSheet(range)) add(path, `"${range}" lies past row ${MAX_ROWS} or column XFD.`);
    }
    for (const col of Object.keys(sheet.columnWidths ?? {}))
      if (!/^[A-Z]{1,3}$/.test(col) || columnNumber(col) > MAX_COLUMNS)
        add(`columnWidths.${col}`, `"${col}" is not a column from A to XFD.`);
    // Excel's limits: rows 1–1,048,576, a row at most 409 points high.
    for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) {
      const r = Number(row);
      if (!Number.isInteger(r) || r < 1 || r > 1_048_576) add(`rowHeights.${row}`, `row ${row} is not a sheet row.`);
      if (!(height > 0 && height <= 409)) add(`rowHeights.${row}`, `height ${height} must be above 0 and at most 409.`);
    }
    for (const t of sheet.tables ?? []) {
      const problem = nameProblem(t.name);
      if (problem) add("tables", `table name "${t.name}" is refused by Excel: ${problem}.`);
      else if (tableNames.has(t.name.toLowerCase())) add("tables", `table name "${t.name}" is taken.`);
      tableNames.add(t.name.toLowerCase());
      if (!RANGE.test(t.range) || [...sheet.blocks, ...(sheet.columns ?? [])].some((b) => !CELL.test(b.at))) continue;
      // Excel renames blank, numeric or repeated headers ("Column1"), and formulas read back stale: text only.
      const headers = headerCells(sheet, t.range);
      const names = new Set<string>();
      headers.forEach((h, k) => {
        if (typeof h !== "string" || h.trim() === "" || names.has(h.toLowerCase()))
          add(`tables[${t.name}]`, `header ${k + 1} must be text, unique in the table (found ${JSON.stringify(h)}).`);
        if (typeof h === "string") names.add(h.toLowerCase());
      });
    }
    (sheet.charts ?? []).forEach((c, i) => {
      if (c.series.length === 0) add(`charts[${i}]`, "a chart needs at least one series.");
      c.series.forEach((s, k) => {
        const refs = { values: s.values, categories: s.categories, sizes: s.sizes, labels: s.labels };
        for (const [part, ref] of Object.entries(refs)) {
          if (ref !== undefined && !RANGE.test(ref))
            add(`charts[${i}].series[${k}].${part}`, `"${ref}" is not a range address.`);
          else if (ref !== undefined && !onSheet(ref))
            add(`charts[${i}].series[${k}].${part}`, `"${ref}" lies past row ${MAX_ROWS} or column XFD.`);
        }
        // One label per point: Excel shows a label from the cell at the point's position, so the sizes must agree.
        if (s.labels && RANGE.test(s.labels) && RANGE.test(s.values) && cellCount(s.labels) !== cellCount(s.values))
          add(`charts[${i}].series[${k}].labels`, `${s.labels} has a different number of cells than ${s.values}.`);
        const bad = (s.labelPoints ?? []).filter(
          (p) => !s.labels || !Number.isInteger(p) || p < 0 || (RANGE.test(s.labels) && p >= cellCount(s.labels)),
        );
        if (bad.length > 0)
          add(`charts[${i}].series[${k}].labelPoints`, `points ${bad.join(", ")} are not points of the labels range.`);
        if (s.labelPositions && (!s.labels || (RANGE.test(s.labels) && s.labelPositions.length > cellCount(s.labels))))
          add(`charts[${i}].series[${k}].labelPositions`, "there are more label positions than labels.");
        if (s.labelPositions && !plotsTwoValueAxes(c.kind))
          add(`charts[${i}].series[${k}].labelPositions`, `labels take a side only on scatter and bubble charts.`);
      });
      if (c.kind === "bubble" && c.series.some((s) => !s.sizes)) add(`charts[${i}]`, "a bubble series needs sizes.");
      checkAxes(c, (part, message) => add(`charts[${i}].${part}`, `chart "${c.title}": ${message}`));
    });
  }
  const names = new Set<string>();
  for (const n of plan.names ?? []) {
    const problem = nameProblem(n.name);
    const lower = n.name.toLowerCase();
    if (problem) issues.push({ sheet: "", path: "names", message: `"${n.name}" is refused by Excel: ${problem}.` });
    else if (names.has(lower) || tableNames.has(lower))
      issues.push({ sheet: "", path: "names", message: `"${n.name}" is already a table or a name in the plan.` });
    names.add(lower);
  }
  return issues;
}

/** A block's top-left address, and whether `width` × `height` cells from it stay on Excel's sheet. */
function checkPlace(
  at: string,
  width: number,
  height: number,
  path: string,
  add: (path: string, message: string) => void,
): void {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(at);
  if (!CELL.test(at) || !m) add(`${path}.at`, `"${at}" is not a cell address.`);
  else if (
    columnNumber(m[1]) + Math.max(width, 1) - 1 > MAX_COLUMNS ||
    Number(m[2]) + Math.max(height, 1) - 1 > MAX_ROWS
  )
    add(path, `the block at ${at} reaches past row ${MAX_ROWS} or column XFD.`);
}

/** Why Excel cannot hold a cell as planned, or undefined. */
function cellProblem(c: PlanCell): string | undefined {
  // Excel's limits: 32,767 characters in a cell, 8,192 in a formula. Longer ones would be cut or refused.
  if (typeof c === "string") return c.length > 32767 ? "text longer than Excel holds." : undefined;
  if (typeof c === "object" && c !== null) return c.f.length > 8191 ? "a formula longer than Excel holds." : undefined;
  // NaN and ±Infinity: no cell holds them, and a plan must survive JSON (which turns them into null).
  if (typeof c === "number" && !Number.isFinite(c))
    return `${c} is not a number a cell can hold: write null for a blank.`;
  return undefined;
}

/**
 * A column block: its address, its reach, every column `count` long, and its cells as a cell block's. In a number
 * column NaN is a blank (the core's mark), so only ±Infinity is refused; one pass per column, at a million rows too.
 */
function checkColumnBlock(b: ColumnBlock, path: string, add: (path: string, message: string) => void): void {
  checkPlace(b.at, b.columns.length, b.count, path, add);
  b.columns.forEach((column, j) => {
    if (column.length !== b.count)
      add(`${path}.columns[${j}]`, `column has ${column.length} cells, the block ${b.count}.`);
    if (column instanceof Float64Array) {
      for (let k = 0; k < column.length; k++)
        if (column[k] === Infinity || column[k] === -Infinity)
          add(`${path}.columns[${j}][${k}]`, `${column[k]} is not a number a cell can hold: write NaN for a blank.`);
      return;
    }
    for (let k = 0; k < column.length; k++) {
      const problem = cellProblem(column[k]);
      if (problem) add(`${path}.columns[${j}][${k}]`, problem);
    }
  });
}

/** Excel keeps a number format code of at most 255 characters. */
const MAX_FORMAT = 255;

/**
 * Axis formats, bounds and crossings: finite numbers (JSON turns NaN and infinities into null), min below max, bounds
 * on value axes only (a category axis has no scale: Office.js documents minimum and maximum for value axes), and
 * crossings on scatter and bubble charts, whose two axes are both value axes, inside the bounds given.
 */
function checkAxes(c: ChartPlan, add: (part: string, message: string) => void): void {
  const twoValueAxes = plotsTwoValueAxes(c.kind);
  const finite = (part: string, v: unknown) => {
    if (v === undefined || Number.isFinite(v)) return true;
    add(part, `${String(v)} is not a finite number.`);
    return false;
  };
  for (const [name, axis] of [
    ["xAxis", c.xAxis],
    ["yAxis", c.yAxis],
  ] as const) {
    if (!axis) continue;
    if (c.kind === "doughnut") {
      add(name, "a doughnut chart has no axes.");
      continue;
    }
    const f = axis.numberFormat;
    if (f !== undefined && (f.trim() === "" || f.length > MAX_FORMAT))
      add(`${name}.numberFormat`, `number format ${JSON.stringify(f)} must be 1 to ${MAX_FORMAT} characters.`);
    const bounded = axis.min !== undefined || axis.max !== undefined;
    if (bounded && name === "xAxis" && !twoValueAxes) add(name, "a category axis has no minimum or maximum.");
    const ok = [finite(`${name}.min`, axis.min), finite(`${name}.max`, axis.max)].every(Boolean);
    if (ok && axis.min !== undefined && axis.max !== undefined && axis.min >= axis.max)
      add(name, `min ${axis.min} must be below max ${axis.max}.`);
  }
  if (c.bubbleScale !== undefined && (c.kind !== "bubble" || !(c.bubbleScale >= 10 && c.bubbleScale <= 300)))
    add("bubbleScale", `bubble scale ${c.bubbleScale} needs a bubble chart and a value from 10 to 300.`);
  if (!c.crossAt) return;
  if (!twoValueAxes) {
    add("crossAt", `axes cross at a value only on scatter and bubble charts, not on a ${c.kind} chart.`);
    return;
  }
  for (const [name, axis] of [
    ["x", c.xAxis],
    ["y", c.yAxis],
  ] as const) {
    const v = c.crossAt[name];
    if (!finite(`crossAt.${name}`, v) || v === undefined) continue;
    if ((axis?.min !== undefined && v < axis.min) || (axis?.max !== undefined && v > axis.max))
      add(`crossAt.${name}`, `${v} lies outside the ${name} axis (${axis?.min ?? "auto"} to ${axis?.max ?? "auto"}).`);
  }
}

function cellCount(range: string): number {
  const b = boxOf(range);
  return (b.bottom - b.top + 1) * (b.right - b.left + 1);
}
