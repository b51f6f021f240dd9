import ExcelJS from "exceljs";
// exceljs' SAX loop over a part's chunks (saxes underneath), the one its own WorksheetReader runs. Internal module,
// pinned with exceljs 4.4 in package.json.
// @ts-expect-error exceljs ships no types for its internal modules
import parseSaxUntyped from "exceljs/lib/utils/parse-sax";
import { open, type FileHandle } from "node:fs/promises";
import { PassThrough } from "node:stream";
import type { TableInput } from "../core";
import { InputError } from "./inputError";

/**
 * Reading one sheet of an .xlsx/.xlsm as Excel hands a selection to the add-in (Range.values, numberFormat), streamed.
 * exceljs' WorkbookReader unzips the file and reads the workbook, shared strings and styles; the sheet's XML is read
 * here, because exceljs' WorksheetReader loses what Office.js reports: a formula's cached error or logical result (it
 * parses "#N/A" as NaN), merged cells, hidden rows and columns.
 */

interface SaxTag {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
}
type SaxEvent = { eventType: "opentag" | "closetag"; value: SaxTag } | { eventType: "text"; value: string };
const parseSax = parseSaxUntyped as (chunks: AsyncIterable<unknown>) => AsyncIterable<SaxEvent[]>;

type SharedString = string | { richText: readonly { text?: string | null }[] } | null;
/** What this reader uses of exceljs 4.4's WorkbookReader (lib/stream/xlsx/workbook-reader.js); the typings omit it. */
interface StreamedWorkbook {
  parse(): AsyncIterable<{ eventType: string; value: unknown }>;
  on(event: "entry", listener: (entry: { type: string; id?: string }) => void): unknown;
  model?: { sheets?: { name: string; state?: string; rId: string }[] };
  properties?: { model?: { date1904?: boolean } };
  workbookRels?: { Id: string; Type: string; Target: string }[];
  sharedStrings?: SharedString[];
  styles: { getStyleModel(id: number): { numFmt?: string } | null };
}
interface StreamedSheet {
  /** The sheet part's bytes: a temporary file's stream, or the zip entry itself. */
  readonly iterator: AsyncIterable<unknown> & { destroy?: () => void; on?: (event: "error", f: () => void) => void };
}

/** The cells of one row that hold a value or a style: parallel arrays, in the order the file lists them. */
interface RowCells {
  readonly row: number;
  readonly cols: number[];
  readonly values: unknown[];
  readonly styles: number[];
}
interface Block {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}
interface SheetCells {
  readonly rows: RowCells[];
  readonly hiddenRows: number[];
  readonly hiddenCols: Block[];
  readonly merges: Block[];
}

const PROGRESS_EVERY = 10_000;
/** Days from 1899-12-30 (serial 0 of the 1900 date system) to 1970-01-01, and to 1904-01-01 (serial 0 of the 1904 one). */
const UNIX_EPOCH_SERIAL = 25569;
const DAYS_1900_TO_1904 = 1462;

/** Reads one sheet of a workbook as Excel hands a selection to the add-in. */
export async function readXlsxTable(
  path: string,
  options: { sheet?: string; onRows?: (rows: number) => void } = {},
): Promise<TableInput> {
  const file = await openWorkbookFile(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file.stream, {
    entries: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
  }) as unknown as StreamedWorkbook;
  let partNumber: string | undefined;
  reader.on("entry", (entry) => {
    if (entry.type === "worksheet") partNumber = entry.id;
  });
  let target: { name: string; part: string | undefined } | undefined;
  let cells: SheetCells | undefined;
  let refusal: unknown;
  try {
    for await (const { eventType, value } of reader.parse()) {
      if (eventType !== "worksheet") continue;
      const sheet = value as StreamedSheet;
      // An unknown sheet name is reported once the file has been read to its end, so that exceljs removes the
      // temporary files it made for the sheets.
      if (target === undefined && refusal === undefined) {
        try {
          target = chooseSheet(reader, path, options.sheet);
        } catch (error) {
          refusal = error;
        }
      }
      if (target && cells === undefined && partNumber === target.part) {
        cells = await readSheetXml(sheet, reader, options.onRows);
      } else {
        // Another sheet, skipped. A temporary file's stream is closed unread (exceljs deletes the file right after, so
        // its late open may fail: that is expected); a zip entry is drained by exceljs.
        sheet.iterator.on?.("error", () => undefined);
        sheet.iterator.destroy?.();
      }
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const reason = file.failure() ?? error;
    throw new InputError(`${path} could not be read as a workbook; it may be damaged (${messageOf(reason)}).`, {
      cause: reason,
    });
  } finally {
    file.close();
  }
  if (refusal) throw refusal;
  if (!reader.model) {
    throw new InputError(`${path} is a zip archive but not an .xlsx or .xlsm workbook (it has no xl/workbook.xml).`);
  }
  target ??= chooseSheet(reader, path, options.sheet);
  if (!cells) throw new InputError(`The sheet "${target.name}" in ${path} could not be found in the file.`);
  return tableOf(target.name, cells, reader, path);
}

/** Opens the file and looks at its first bytes, so that a wrong file gets a sentence rather than an unzip error. */
async function openWorkbookFile(path: string) {
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(`There is no file ${path}.`);
    if (code === "EACCES" || code === "EPERM") throw new InputError(`${path} cannot be read: permission denied.`);
    throw new InputError(`${path} cannot be opened (${code ?? messageOf(error)}).`);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new InputError(`${path} is a folder, not a workbook.`);
    if (stat.size === 0) throw new InputError(`${path} is empty (0 bytes), not a workbook.`);
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    const magic = head.subarray(0, bytesRead);
    if (magic.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
      throw new InputError(
        `${path} is password-protected or an old .xls workbook: save it from Excel as an .xlsx workbook without a password.`,
      );
    }
    if (!magic.subarray(0, 4).equals(Buffer.from("PK\x03\x04", "latin1"))) {
      const text = [...magic].every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
      throw new InputError(
        `${path} is not an .xlsx or .xlsm workbook${text ? ": it holds text (a CSV file should keep its .csv name)" : ""}.`,
      );
    }
  } catch (error) {
    await handle.close();
    throw error;
  }
  // A read error after this point would leave the unzipper waiting: end its input instead, and report the error.
  const source = handle.createReadStream();
  const stream = new PassThrough();
  let failure: Error | undefined;
  source.on("error", (error) => {
    failure = error;
    stream.end();
  });
  source.pipe(stream);
  return { stream, failure: () => failure, close: () => source.destroy() };
}

/** The sheet asked for (case-insensitive, as Excel compares names), or the first visible worksheet. */
function chooseSheet(reader: StreamedWorkbook, path: string, wanted: string | undefined) {
  if (!reader.model) throw new InputError(`${path} is not an .xlsx or .xlsm workbook (it has no xl/workbook.xml).`);
  const rels = new Map((reader.workbookRels ?? []).map((rel) => [rel.Id, rel]));
  const worksheets = (reader.model.sheets ?? []).flatMap((sheet) => {
    const rel = rels.get(sheet.rId);
    if (!rel || !rel.Type.endsWith("/worksheet")) return []; // chart sheets and dialog sheets hold no cells
    const part = /(?:^|\/)worksheets\/sheet(\d+)\.xml$/.exec(rel.Target)?.[1];
    return [{ name: sheet.name, visible: (sheet.state ?? "visible") === "visible", part }];
  });
  if (worksheets.length === 0) throw new InputError(`${path} has no worksheet.`);
  if (wanted === undefined) return worksheets.find((s) => s.visible) ?? worksheets[0];
  const key = wanted.toUpperCase();
  const found = worksheets.find((s) => s.name.toUpperCase() === key);
  if (!found) {
    const names = worksheets.map((s) => `"${s.name}"`).join(", ");
    throw new InputError(`${path} has no sheet named "${wanted}"; its sheets are ${names}.`);
  }
  return found;
}

/** The sheet part's cells, hidden rows and columns and merged areas, in one pass over its XML. */
async function readSheetXml(
  sheet: StreamedSheet,
  reader: StreamedWorkbook,
  onRows: ((rows: number) => void) | undefined,
): Promise<SheetCells> {
  const shared = reader.sharedStrings;
  // An ISO date cell (t="d") is absolute: kept in the workbook's system here, so tableOf's 1904 shift is right for it.
  const dateOffset = reader.properties?.model?.date1904 === true ? DAYS_1900_TO_1904 : 0;
  const rows: RowCells[] = [];
  const hiddenRows: number[] = [];
  const hiddenCols: Block[] = [];
  const merges: Block[] = [];
  let current: RowCells | undefined;
  let rowCount = 0;
  let lastRow = -1;
  let nextCol = 0;
  // the cell being read
  let col = 0;
  let type = "n";
  let style = 0;
  let v: string | null = null;
  let inline: string | null = null;
  let inV = false;
  let inT = false;
  let inPhonetic = false;
  for await (const events of parseSax(sheet.iterator)) {
    for (const event of events) {
      if (event.eventType === "text") {
        if (inV) v += event.value;
        else if (inT) inline += event.value;
        continue;
      }
      const { name: qualified, attributes: a } = event.value;
      const name = qualified.includes(":") ? qualified.slice(qualified.indexOf(":") + 1) : qualified;
      if (event.eventType === "opentag") {
        switch (name) {
          case "row":
            lastRow = a.r ? Number(a.r) - 1 : lastRow + 1;
            current = { row: lastRow, cols: [], values: [], styles: [] };
            nextCol = 0;
            if (a.hidden === "1" || a.hidden === "true") hiddenRows.push(lastRow);
            break;
          case "c":
            col = a.r ? columnOf(a.r) : nextCol;
            type = a.t ?? "n";
            style = a.s ? Number(a.s) : 0;
            v = inline = null;
            break;
          case "v":
            inV = true;
            v = "";
            break;
          case "is":
            inline = "";
            break;
          case "rPh":
            inPhonetic = true;
            break;
          case "t":
            inT = inline !== null && !inPhonetic;
            break;
          case "col":
            if (a.hidden === "1" || a.hidden === "true") {
              hiddenCols.push({ top: 0, bottom: 0, left: Number(a.min) - 1, right: Number(a.max) - 1 });
            }
            break;
          case "mergeCell": {
            const [from, to = from] = (a.ref ?? "").split(":");
            merges.push({ top: rowOf(from), left: columnOf(from), bottom: rowOf(to), right: columnOf(to) });
            break;
          }
        }
      } else {
        switch (name) {
          case "v":
            inV = false;
            break;
          case "t":
            inT = false;
            break;
          case "rPh":
            inPhonetic = false;
            break;
          case "c":
            if (current) {
              const value = cellValue(type, v, inline, shared, dateOffset);
              if (value !== null || style !== 0) {
                current.cols.push(col);
                current.values.push(value);
                current.styles.push(style);
              }
            }
            nextCol = col + 1;
            break;
          case "row":
            if (current && current.cols.length > 0) rows.push(current);
            current = undefined;
            if (++rowCount % PROGRESS_EVERY === 0) onRows?.(rowCount);
            break;
        }
      }
    }
  }
  return { rows, hiddenRows, hiddenCols, merges };
}

/** A cell's value as Office.js reports it, from its type attribute and its <v> or inline text. */
function cellValue(
  type: string,
  v: string | null,
  inline: string | null,
  shared: SharedString[] | undefined,
  dateOffset: number,
): unknown {
  switch (type) {
    case "s": {
      const entry = v === null ? undefined : shared?.[Number(v)];
      if (entry === undefined) return v === null ? null : damaged(`shared string ${v} is missing`);
      return text(
        typeof entry === "object" && entry !== null ? entry.richText.map((r) => r.text ?? "").join("") : entry,
      );
    }
    case "inlineStr":
      return text(inline ?? v);
    case "str":
    case "e":
      return text(v);
    case "b":
      return v === null || v.trim() === "" ? null : v.trim() !== "0" && v.trim() !== "false";
    case "d": {
      if (v === null || v.trim() === "") return null;
      const iso = v.trim();
      const ms = Date.parse(/(?:Z|[+-]\d\d:?\d\d)$/.test(iso) || !iso.includes("T") ? iso : `${iso}Z`);
      return Number.isNaN(ms) ? iso : ms / 86_400_000 + UNIX_EPOCH_SERIAL - dateOffset;
    }
    default: {
      if (v === null || v.trim() === "") return null;
      const n = Number(v);
      return Number.isNaN(n) ? v : n; // a damaged number stays text, for the account model to name
    }
  }
}

/** Text as Excel shows it: OOXML's _xHHHH_ escapes (a carriage return is _x000D_) decoded; empty text is blank. */
function text(value: string | null): string | null {
  if (value === null || value === "") return null;
  return value.includes("_x")
    ? value.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)))
    : value;
}

function damaged(what: string): never {
  throw new InputError(`The workbook is damaged: ${what}.`);
}

/** 0-based column of a cell reference ("C7" → 2), by character codes: it runs once per cell. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col - 1;
}

function rowOf(ref: string): number {
  const digits = /\d+$/.exec(ref);
  return digits ? Number(digits[0]) - 1 : -1;
}

/** A number format that shows a date or a time: d, m, y, h or s outside quoted text, escapes and [colour] codes. */
function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\.|_.|\*./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "");
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** The used range's dense block: merged cells blank but their top-left, 1904 dates as 1900 serials. */
function tableOf(sheet: string, cells: SheetCells, reader: StreamedWorkbook, path: string): TableInput {
  const { rows, merges } = cells;
  if (merges.length > 0) {
    const byRow = new Map(rows.map((r) => [r.row, r]));
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        const cellsOfRow = byRow.get(r);
        cellsOfRow?.cols.forEach((c, k) => {
          if (c >= m.left && c <= m.right && (r !== m.top || c !== m.left)) cellsOfRow.values[k] = null;
        });
      }
    }
  }
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  for (const r of rows) {
    r.values.forEach((value, k) => {
      if (value === null) return;
      top = Math.min(top, r.row);
      bottom = Math.max(bottom, r.row);
      left = Math.min(left, r.cols[k]);
      right = Math.max(right, r.cols[k]);
    });
  }
  if (bottom < 0) throw new InputError(`The sheet "${sheet}" in ${path} is empty.`);
  const height = bottom - top + 1;
  const width = right - left + 1;
  const values: unknown[][] = Array.from({ length: height }, () => new Array<unknown>(width).fill(null));
  const numberFormats: string[][] = Array.from({ length: height }, () => new Array<string>(width).fill("General"));
  const date1904 = reader.properties?.model?.date1904 === true;
  const formats = new Map<number, { format: string; date: boolean }>();
  const formatOf = (style: number) => {
    let known = formats.get(style);
    if (!known) {
      const format = reader.styles.getStyleModel(style)?.numFmt ?? "General";
      known = { format, date: isDateFormat(format) };
      formats.set(style, known);
    }
    return known;
  };
  for (const r of rows) {
    if (r.row < top || r.row > bottom) continue;
    r.cols.forEach((c, k) => {
      if (c < left || c > right) return;
      const { format, date } = formatOf(r.styles[k]);
      const value = r.values[k];
      values[r.row - top][c - left] = date1904 && date && typeof value === "number" ? value + DAYS_1900_TO_1904 : value;
      numberFormats[r.row - top][c - left] = format;
    });
  }
  const hiddenColumns = new Array<boolean>(width).fill(false);
  for (const h of cells.hiddenCols) {
    for (let c = Math.max(h.left, left); c <= Math.min(h.right, right); c++) hiddenColumns[c - left] = true;
  }
  const hiddenRows = cells.hiddenRows.filter((r) => r >= top && r <= bottom).map((r) => r - top);
  return { sheet, top, left, values, numberFormats, hiddenColumns, hiddenRows };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
