/* eslint-disable @typescript-eslint/no-explicit-any -- a recording proxy stands in for any Office.js object */
/**
 * A recording fake of Excel for the plan renderer: every property set and method call on any object reached from the
 * context is queued as an operation with its path ("Data.getRangeByIndexes(0,0,3,2).formulas") and applied or logged
 * at `sync`, as Office.js batches them. It is as strict as Excel where the add-in has been caught out before:
 * - enum values are checked against the enums of @types/office-js, read from its index.d.ts (no list typed here);
 * - `formulas` and `numberFormat` arrays must have the range's shape (InvalidArgument otherwise);
 * - table names are unique in the workbook, shared with defined names (office-js #551: InvalidArgument), and table and
 *   defined names follow Excel's rules: nothing that reads as an A1 or R1C1 reference;
 * - a request's bytes are counted as UTF-8 (TextEncoder) with an overhead per operation; above 5 MB the sync fails
 *   with RequestPayloadSizeLimitExceeded and nothing of it runs;
 * - a leading apostrophe written into a cell is dropped (office-js #6687);
 * - a sync is not a transaction: operations before a refused one keep their effect, the rest are dropped;
 * - chart points exist only for a series whose values a previous sync set (labels go after a sync);
 * - members newer than the fake's ExcelApi version fail with ApiNotFound.
 * The parts the renderer reads back behave as documented: worksheets.items, settings items (null objects when absent),
 * new sheet ids, tables and names listed after load, and the cells written through `formulas` and `numberFormat`.
 * A property is readable after the sync only where the load named it (`loadedBy`: "items/name" loads no id).
 * For the taskpane it also keeps what the analyst sees (`view`: `range.select()`, `worksheet.activate()`), finds a
 * sheet by name or id (`getItem`, `getItemOrNullObject`) and writes and reads `values` (the settings sheet); a cell
 * holding a formula reads back as the formula's text, as the fake computes nothing.
 */
import { EXCEL_ENUMS } from "./excelEnums";
import { shiftFormula } from "./formulaShift";
import type { WorkbookView } from "./workbookView";

export { EXCEL_ENUMS };

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/**
 * What one queued operation costs in a real request beyond its value: Office.js sends each action and object path as
 * JSON ({"Id":…,"ActionType":…,"Name":…,"ObjectPathId":…,"ArgumentInfo":…}), about 100 bytes each.
 */
export const OPERATION_OVERHEAD_BYTES = 100;

const encoder = new TextEncoder();
/** Bytes of a string as UTF-8: what travels, not the UTF-16 length. */
export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/**
 * What `load(list)` makes readable after the next sync: everything for `load()` (Excel loads every scalar property),
 * else the properties listed ("value", "rowIndex,rowCount"), a collection's "items" with all of theirs, or
 * "items/name" for the items' names only. An empty list names nothing: Excel's answer to `load("")` is not documented,
 * and code that names what it reads is right whatever that answer is.
 */
export function loadedBy(list?: string): (property: string) => boolean {
  if (list === undefined) return () => true;
  const names = new Set(list.split(",").map((p) => p.trim()));
  return (property) => names.has(property) || (property.startsWith("items/") && names.has("items"));
}

/** `values` with a getter per property that throws PropertyNotLoaded unless `loaded` says it was loaded. */
export function loadedObject<T extends Record<string, unknown>>(
  values: T,
  loaded: (property: string) => boolean,
  what: string,
): T {
  const out = {} as T;
  for (const key of Object.keys(values))
    Object.defineProperty(out, key, {
      enumerable: true,
      get: () => {
        if (!loaded(key)) throw new Error(`PropertyNotLoaded: ${what}.${key}`);
        return values[key];
      },
    });
  return out;
}

/** Excel's ExcelApi column and row limits: XFD, 1,048,576. */
const MAX_COLUMNS = 16384;
const MAX_ROWS = 1048576;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/**
 * Why Excel refuses `name` for a table or a defined name, or undefined: 1–255 characters, a letter, "_" or "\" first,
 * then letters, digits, "_", "." or "\"; not C or R; nothing that reads as a cell in A1:XFD1048576 ("FY2024", "Q1",
 * "KPI1") or as an R1C1 reference ("R1C1", "R2", "C3", "RC").
 */
export function excelNameRefusal(name: string): string | undefined {
  if (name.length < 1 || name.length > 255) return "a name has 1 to 255 characters";
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return "a name starts with a letter, _ or \\ and holds no spaces";
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1 && columnNumber(a1[1]) <= MAX_COLUMNS && Number(a1[2]) >= 1 && Number(a1[2]) <= MAX_ROWS)
    return "a name may not read as a cell reference";
  if (/^[Rr]\d*([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name)) return "a name may not read as an R1C1 reference";
  return undefined;
}

export interface FakeTable {
  name: string;
  /** The table's cells, header row included (0-based), as added and grown by rows.add. */
  box?: { row: number; col: number; rows: number; cols: number };
}

export interface FakeSeries {
  name?: string;
  /** Points as set by the last setValues (or the chart's range). */
  points: number;
  /** Points a batch can reach: those of the series as the previous sync left it. */
  committed: number;
}

export interface FakeChart {
  readonly call: string;
  readonly type: string;
  series: FakeSeries[];
}

export interface FakeSheet {
  id: string;
  name: string;
  position: number;
  /** "A1" → what was written through `formulas`; "A1" → number format. */
  formulas: Map<string, unknown>;
  formats: Map<string, string>;
  charts: FakeChart[];
  tables: FakeTable[];
  /** Worksheet.tabColor as set: "#RRGGBB", or "" for none (Excel's automatic colour, a new sheet's). */
  tabColor: string;
  /** Worksheet.showGridlines: true on a new sheet. */
  showGridlines: boolean;
  /** Column letters → width in points set through `getRange("B:B").format.columnWidth`; absent: standard width. */
  columnWidths: Record<string, number>;
}

export interface Operation {
  readonly path: string;
  readonly value?: unknown;
  readonly sync: number;
}

/** An argument as the recorded path shows it: a proxy by its path, an object as JSON, anything else as text. */
function describe(a: any): string {
  return a?.__path ? a.__path : typeof a === "object" ? JSON.stringify(a) : String(a);
}

function letters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Rows and columns of "B2:C9", "B2", "A:A" or "5:5" (whole columns and rows as Excel counts them). */
function shapeOf(address: string): { rows: number; cols: number } | undefined {
  const a = address.replace(/\$/g, "").replace(/^.*!/, "");
  const cells = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a);
  if (cells) {
    const [c0, r0] = [columnNumber(cells[1]), Number(cells[2])];
    const [c1, r1] = cells[3] ? [columnNumber(cells[3]), Number(cells[4])] : [c0, r0];
    return { rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(a);
  if (cols) return { rows: MAX_ROWS, cols: columnNumber(cols[2]) - columnNumber(cols[1]) + 1 };
  const rows = /^(\d+):(\d+)$/.exec(a);
  if (rows) return { rows: Number(rows[2]) - Number(rows[1]) + 1, cols: MAX_COLUMNS };
  return undefined;
}

/** Where a range proxy's path names its address: "Data.getRange(B2:B9)" → "B2:B9". */
function addressIn(path: string): string | undefined {
  return /getRange\(([^)]*)\)$/.exec(path)?.[1] ?? /!([A-Z]+\d+:[A-Z]+\d+)$/.exec(path)?.[1];
}

/**
 * Members newer than ExcelApi 1.10 would need a check (none are used); these are the ones the renderer uses that are
 * newer than 1.1, with the version the reference gives. A fake made for an older Excel fails the sync that carries
 * one with ApiNotFound, as Excel does for an API its build lacks.
 */
const REQUIREMENTS: readonly [RegExp, string][] = [
  [/\.axes\.\w+Axis\.numberFormat$/, "1.8"],
  [/\.axes\.\w+Axis\.setPositionAt\(/, "1.8"],
  [/\.axes\.\w+Axis\.tickLabelPosition$/, "1.7"],
  [/\.dataLabel\.formula$/, "1.8"],
  [/\.displayBlanksAs$/, "1.8"],
  [/\.dataLabel\.position$/, "1.7"],
  [/\.bubbleScale$/, "1.9"],
  [/\.copyFrom\(/, "1.9"],
  [/\.pageLayout\./, "1.9"],
  [/suspendScreenUpdatingUntilNextSync\(/, "1.9"],
  [/suspendApiCalculationUntilNextSync\(/, "1.6"],
  [/conditionalFormats\./, "1.6"],
  [/\.(tabColor|freezePanes\.\w+\(.*)$/, "1.7"],
  [/\.showGridlines$/, "1.8"],
  [/\.series\.add\(|\.set(Values|XAxisValues|BubbleSizes)\(|\.hasDataLabels$|\.markerBackgroundColor$/, "1.7"],
];

/** The end of a path that is a call: its arguments may hold a range's path, with parentheses of its own. */
const CALL = String.raw`\((?:[^()]|\([^()]*\))*\)$`;

/** Where a path carries an enum value: the pattern, the enum in @types/office-js, and how to find the value. */
const ENUM_MEMBERS: readonly [RegExp, string, (value: any, args: readonly unknown[]) => unknown[]][] = [
  [/\.cellValue\.rule$/, "ConditionalCellValueOperator", (v) => [v?.operator]],
  [new RegExp(String.raw`\.charts\.add${CALL}`), "ChartType", (_v, a) => [a[0]]],
  [new RegExp(String.raw`\.charts\.add${CALL}`), "ChartSeriesBy", (_v, a) => [a[2] ?? "Auto"]],
  [new RegExp(String.raw`\.conditionalFormats\.add${CALL}`), "ConditionalFormatType", (_v, a) => [a[0]]],
  [
    /\.colorScale\.criteria$/,
    "ConditionalFormatColorCriterionType",
    (v) => [v?.minimum?.type, v?.midpoint?.type, v?.maximum?.type],
  ],
  [new RegExp(String.raw`\.copyFrom${CALL}`), "RangeCopyType", (_v, a) => [a[1] ?? "All"]],
  [/\.format\.horizontalAlignment$/, "HorizontalAlignment", (v) => [v]],
  [/\.format\.verticalAlignment$/, "VerticalAlignment", (v) => [v]],
  [new RegExp(String.raw`\.borders\.getItem${CALL}`), "BorderIndex", (_v, a) => [a[0]]],
  [/\.borders\.getItem\([^)]*\)\.style$/, "BorderLineStyle", (v) => [v]],
  [/\.borders\.getItem\([^)]*\)\.weight$/, "BorderWeight", (v) => [v]],
  [/\.visibility$/, "SheetVisibility", (v) => [v]],
  [/\.legend\.position$/, "ChartLegendPosition", (v) => [v]],
  [/\.displayBlanksAs$/, "ChartDisplayBlanksAs", (v) => [v]],
  [/\.dataLabel\.position$/, "ChartDataLabelPosition", (v) => [v]],
  [/\.tickLabelPosition$/, "ChartAxisTickLabelPosition", (v) => [v]],
  [/\.pageLayout\.orientation$/, "PageOrientation", (v) => [v]],
];

/** Excel's InvalidArgument for a value a member does not take (documented types and enum values). */
function refusal(path: string, value: unknown, args: readonly unknown[] = []): string | undefined {
  for (const [pattern, name, pick] of ENUM_MEMBERS) {
    if (!pattern.test(path)) continue;
    const allowed = EXCEL_ENUMS.get(name)!;
    for (const v of pick(value, args))
      if (v !== undefined && !allowed.includes(v as string))
        return `${JSON.stringify(v)} is not an Excel.${name} (${allowed.join(", ")})`;
  }
  const number = (v: unknown) => typeof v === "number" && Number.isFinite(v);
  if (
    new RegExp(String.raw`\.axes\.\w+Axis\.setPositionAt${CALL}`).test(path) &&
    !(args.length === 1 && number(args[0]))
  )
    return "setPositionAt takes one number";
  // "Can be set to a numeric value or an empty string (for automatic axis values)."
  if (/\.axes\.\w+Axis\.(minimum|maximum)$/.test(path) && !(number(value) || value === ""))
    return "minimum and maximum take a number or an empty string";
  if (/\.axes\.\w+Axis\.numberFormat$/.test(path) && typeof value !== "string") return "numberFormat takes a string";
  if (/\.bubbleScale$/.test(path) && !(typeof value === "number" && value >= 0 && value <= 300))
    return "bubbleScale takes a number from 0 to 300";
  return undefined;
}

function newer(version: string, than: string): boolean {
  const [a, b] = [version, than].map((v) => v.split(".").map(Number));
  return a[0] !== b[0] ? a[0] > b[0] : a[1] > b[1];
}

/** A rectangle of a fake sheet's cells, 0-based. */
interface CellBox {
  readonly sheet: FakeSheet;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** An error as Office.js raises it: `code` is one of Excel.ErrorCodes. */
export class ExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A 2-D array's shape, or why it is not one. */
function arrayShape(v: unknown): { rows: number; cols: number } | undefined {
  if (!Array.isArray(v) || v.length === 0 || !v.every((r) => Array.isArray(r))) return undefined;
  const cols = (v[0] as unknown[]).length;
  return v.every((r: unknown[]) => r.length === cols) ? { rows: v.length, cols } : undefined;
}

/** A string written into a cell: Excel drops a leading apostrophe (office-js #6687), as the UI's text prefix. */
function asWritten(x: unknown): unknown {
  return typeof x === "string" && x.startsWith("'") ? x.slice(1) : x;
}

export class RecordingExcel {
  /** The newest ExcelApi version this Excel supports; pass `supports` to applyPlan so both agree. */
  excelApi = "1.17";
  readonly supports = (set: string, version: string): boolean => set === "ExcelApi" && !newer(version, this.excelApi);
  syncs = 0;
  readonly requestBytes: number[] = [];
  readonly operations: Operation[] = [];
  readonly settings = new Map<string, unknown>();
  /** Defined names: lower-case name → formula, as Excel compares names without case. */
  readonly names = new Map<string, string>();
  private queue: { bytes: number; apply: () => void }[] = [];
  /** Where each range proxy the fake made stands, for copyFrom's source. */
  private readonly ranges = new WeakMap<object, CellBox>();
  private afterSync: (() => void)[] = [];
  /** The counters behind new sheet ids and TableN names: public so a saved workbook can carry them. */
  nextId = 1;
  nextTable = 1;
  /** The active sheet and the selection, as `activate()` and `select()` leave them. */
  view: WorkbookView = {};

  constructor(public sheets: FakeSheet[] = []) {}

  /** Operations and reads waiting for the next sync (Excel.run syncs once more at its end when there are any). */
  get pending(): number {
    return this.queue.length + this.afterSync.length;
  }

  /** Drops the queued batch unsent, as when the sync that would carry it fails before it runs. */
  discard(): void {
    this.queue = [];
    this.afterSync = [];
  }

  static sheet(name: string, position: number, id = `user-${name}`): FakeSheet {
    return {
      id,
      name,
      position,
      formulas: new Map(),
      formats: new Map(),
      charts: [],
      tables: [],
      tabColor: "",
      showGridlines: true,
      columnWidths: {},
    };
  }

  get context(): Excel.RequestContext {
    return this.recorder("context", {
      workbook: this.recorder("workbook", {
        worksheets: this.worksheets(),
        settings: this.settingsCollection(),
        names: this.namesCollection(),
        tables: this.workbookTables(),
      }),
      sync: () => this.sync(),
    }) as Excel.RequestContext;
  }

  byName(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  ops(pattern: RegExp): Operation[] {
    return this.operations.filter((o) => pattern.test(o.path));
  }

  /** Every table in the workbook, with its sheet. */
  tables(): { sheet: FakeSheet; table: FakeTable }[] {
    return this.sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
  }

  /**
   * Excel's answer to the next sync, to test how errors reach the analyst: e.g. { code: "AccessDenied" }. With
   * `after`, that many operations of the batch run first (a batch is not a transaction).
   */
  failNextSync?: { code: string; message?: string; after?: number };

  async sync(): Promise<void> {
    const failure = this.failNextSync;
    const queue = this.queue;
    const after = this.afterSync;
    this.queue = [];
    this.afterSync = [];
    if (failure) {
      this.failNextSync = undefined;
      for (const q of queue.slice(0, failure.after ?? 0)) q.apply();
      throw new ExcelError(failure.code, failure.message ?? failure.code);
    }
    this.syncs++;
    const bytes = queue.reduce((n, q) => n + q.bytes, 0);
    this.requestBytes.push(bytes);
    if (bytes > PAYLOAD_LIMIT_BYTES)
      throw new ExcelError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    // Not a transaction: what ran before a refused operation stays done.
    try {
      for (const q of queue) q.apply();
    } finally {
      for (const chart of this.sheets.flatMap((s) => s.charts))
        for (const series of chart.series) series.committed = series.points;
    }
    for (const a of after) a();
  }

  private record(path: string, value?: unknown, apply?: () => void, args: readonly unknown[] = []): void {
    const bytes =
      OPERATION_OVERHEAD_BYTES + utf8Bytes(path) + (value === undefined ? 0 : utf8Bytes(JSON.stringify(value)));
    const needs = REQUIREMENTS.find(([pattern]) => pattern.test(path))?.[1];
    const refused =
      needs && newer(needs, this.excelApi)
        ? new ExcelError("ApiNotFound", `${path} needs ExcelApi ${needs}; this Excel has ${this.excelApi}.`)
        : ((m) => m && new ExcelError("InvalidArgument", `${path}: ${m}.`))(refusal(path, value, args));
    this.queue.push({
      bytes,
      apply: () => {
        if (refused) throw refused;
        apply?.();
        this.operations.push({ path, value, sync: this.syncs });
      },
    });
  }

  /**
   * A proxy that records sets and calls under `path`; `own` holds members with real behaviour. Reaching a property
   * records nothing (as in Office.js, navigation is free); calling or setting one is an operation.
   */
  private recorder(path: string, own: Record<string, any> = {}): any {
    const callable = Object.assign(function () {}, { own });
    return new Proxy(callable, {
      get: (_target, prop: string | symbol) => {
        if (typeof prop === "symbol") return undefined;
        if (prop === "__path") return path;
        if (prop in own) return own[prop];
        if (prop === "then") return undefined;
        return this.recorder(`${path}.${prop}`);
      },
      apply: (_target, _this, args: unknown[]) => {
        const call = `${path}(${args.map(describe).join(",")})`;
        this.record(call, undefined, undefined, args);
        return this.recorder(call);
      },
      set: (_target, prop: string, value) => {
        if (prop in own && typeof Object.getOwnPropertyDescriptor(own, prop)?.set === "function") own[prop] = value;
        else this.record(`${path}.${prop}`, value);
        return true;
      },
    });
  }

  private worksheets(): any {
    const fake = this; // eslint-disable-line @typescript-eslint/no-this-alias -- read by a getter with its own `this`
    let loaded: ((property: string) => boolean) | undefined;
    return this.recorder("worksheets", {
      load: (list?: string) => this.afterSync.push(() => (loaded = loadedBy(list))),
      get items() {
        const can = loaded;
        if (!can) throw new Error("PropertyNotLoaded: items");
        return fake.sheets.map((s) =>
          loadedObject({ id: s.id, name: s.name, position: s.position }, (p) => can(`items/${p}`), "worksheet"),
        );
      },
      // Excel's key is a sheet's name (any case) or its id.
      getItem: (key: string) => {
        const sheet = this.findSheet(key);
        if (!sheet) throw new ExcelError("ItemNotFound", `no worksheet with the name or id ${key}`);
        const id = sheet.id;
        return this.sheetProxy(sheet, {
          delete: () => this.record(`sheet(${id}).delete()`, undefined, () => this.removeSheet(id)),
        });
      },
      getItemOrNullObject: (key: string) => {
        const sheet = this.findSheet(key);
        return sheet ? this.sheetProxy(sheet) : { isNullObject: true, load: () => undefined };
      },
      add: (name: string) => this.addSheet(name),
    });
  }

  private findSheet(key: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase());
  }

  private removeSheet(id: string): void {
    const gone = this.sheets.find((s) => s.id === id)!;
    this.sheets = this.sheets.filter((s) => s !== gone);
    for (const s of this.sheets) if (s.position > gone.position) s.position--;
  }

  private addSheet(name: string): any {
    const sheet = RecordingExcel.sheet(name, -1, `kam-${this.nextId++}`);
    this.record(`worksheets.add(${name})`, undefined, () => {
      if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
        throw new ExcelError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
      sheet.position = this.sheets.length;
      this.sheets.push(sheet);
    });
    return this.sheetProxy(sheet);
  }

  /** Refuses a table or defined name as Excel does: its rules, and one namespace for tables and names. */
  private checkName(name: string, self?: FakeTable): void {
    const broken = excelNameRefusal(name);
    if (broken) throw new ExcelError("InvalidArgument", `"${name}": ${broken}.`);
    const lower = name.toLowerCase();
    if (
      this.tables().some(({ table }) => table !== self && table.name.toLowerCase() === lower) ||
      this.names.has(lower)
    )
      throw new ExcelError("InvalidArgument", `"${name}" is already a table or a name in this workbook.`);
  }

  /** A range of `rows` × `cols` whose formulas and number formats land in the sheet's maps. */
  private cellRange(sheet: FakeSheet, path: string, row: number, col: number, rows: number, cols: number): any {
    const fake = this; // eslint-disable-line @typescript-eslint/no-this-alias -- read by accessors with their own `this`
    const write = (kind: "formulas" | "numberFormat" | "values", v: unknown[][]) =>
      fake.record(`${sheet.name}.range.${kind}`, v, () => {
        const shape = arrayShape(v);
        if (!shape || shape.rows !== rows || shape.cols !== cols)
          throw new ExcelError(
            "InvalidArgument",
            `${path}.${kind}: the array must be ${rows} × ${cols}, as the range (got ${shape ? `${shape.rows} × ${shape.cols}` : "no 2-D array"}).`,
          );
        // Excel's formula limit, 8,192 characters. Unsettled: the code real Excel gives (InvalidArgument assumed).
        const long = v.flat().find((x) => typeof x === "string" && x.startsWith("=") && x.length > 8192);
        if (kind !== "numberFormat" && long !== undefined)
          throw new ExcelError("InvalidArgument", `${path}.formulas: a formula of ${String(long).length} characters.`);
        // null in a 2-D array leaves that cell as it is (excel-add-ins-blank-null-values); "" clears it.
        v.forEach((r, i) =>
          r.forEach((x, j) => {
            if (x === null) return;
            const at = `${letters(col + j)}${row + i + 1}`;
            // `values` takes a string starting with "=" as a formula (excel.range.yml): both land in the same map.
            if (kind === "numberFormat") sheet.formats.set(at, x as string);
            else sheet.formulas.set(at, asWritten(x));
          }),
        );
      });
    let values: unknown[][] | undefined;
    // A range of no rows or no columns is no range: Excel refuses it (InvalidArgument) in the sync that uses it.
    if (rows < 1 || cols < 1)
      this.record(`${path}: ${rows} × ${cols}`, undefined, () => {
        throw new ExcelError("InvalidArgument", `${path}: a range has at least one row and one column.`);
      });
    const proxy = this.recorder(path, {
      set formulas(v: unknown[][]) {
        write("formulas", v);
      },
      set numberFormat(v: unknown[][]) {
        write("numberFormat", v);
      },
      set values(v: unknown[][]) {
        write("values", v);
      },
      get values() {
        if (!values) throw new Error("PropertyNotLoaded: values");
        return values;
      },
      // Only `values` is read back, where the load names it; loading is a read, not an operation of the request.
      load: (list?: string) =>
        fake.afterSync.push(() => {
          if (!loadedBy(list)("values")) return;
          values = Array.from({ length: rows }, (_, i) =>
            Array.from({ length: cols }, (_, j) => sheet.formulas.get(`${letters(col + j)}${row + i + 1}`) ?? ""),
          );
        }),
      select: () =>
        fake.record(`${path}.select()`, undefined, () => {
          fake.view.selection = { sheet: sheet.name, row, col, rows, cols };
          fake.view.activeSheet = sheet.name;
        }),
      copyFrom: (source: any, copyType = "All", skipBlanks = false, transpose = false) => {
        const args = [source, copyType, skipBlanks, transpose];
        fake.record(
          `${path}.copyFrom(${args.map(describe).join(",")})`,
          undefined,
          () => {
            const from = fake.ranges.get(source);
            if (!from)
              throw new ExcelError("InvalidArgument", `${path}.copyFrom: the source is not a range the fake made.`);
            fake.copyCells(from, { sheet, row, col, rows, cols }, copyType, skipBlanks, transpose);
          },
          args,
        );
      },
    });
    this.ranges.set(proxy, { sheet, row, col, rows, cols });
    return proxy;
  }

  /**
   * Range.copyFrom as documented (excel.range.yml): "like the copy functionality in the Excel UI", a destination that
   * is an exact multiple of the source in rows or columns gets that many copies, any other gets one copy at its top
   * left; formulas move their relative references with each copy (formulaShift.ts). copyType "All" copies formulas
   * and number formats, "Formulas" the formulas, "Formats" the number formats (the fake keeps no other format per
   * cell). Values and links would need computed values, and transposing is not used: those fail loudly.
   */
  private copyCells(from: CellBox, to: CellBox, copyType: string, skipBlanks: boolean, transpose: boolean): void {
    if (transpose || copyType === "Values" || copyType === "Link")
      throw new Error(`The fake does not model copyFrom with copyType ${copyType}, transpose ${transpose}.`);
    const at = (box: CellBox, i: number, j: number) => `${letters(box.col + j)}${box.row + i + 1}`;
    const source = Array.from({ length: from.rows }, (_, i) =>
      Array.from({ length: from.cols }, (_, j) => ({
        formula: from.sheet.formulas.get(at(from, i, j)),
        format: from.sheet.formats.get(at(from, i, j)),
      })),
    );
    const down = to.rows % from.rows === 0 ? to.rows / from.rows : 1;
    const across = to.cols % from.cols === 0 ? to.cols / from.cols : 1;
    const formulas = copyType === "All" || copyType === "Formulas";
    const formats = copyType === "All" || copyType === "Formats";
    for (let ti = 0; ti < down; ti++)
      for (let tj = 0; tj < across; tj++)
        source.forEach((cells, i) =>
          cells.forEach(({ formula, format }, j) => {
            if (skipBlanks && formula === undefined) return;
            const r = ti * from.rows + i;
            const c = tj * from.cols + j;
            const target = at(to, r, c);
            if (formulas) {
              if (formula === undefined) to.sheet.formulas.delete(target);
              else
                to.sheet.formulas.set(
                  target,
                  typeof formula === "string" && formula.startsWith("=")
                    ? shiftFormula(formula, to.row + r - (from.row + i), to.col + c - (from.col + j))
                    : formula,
                );
            }
            if (formats) {
              if (format === undefined) to.sheet.formats.delete(target);
              else to.sheet.formats.set(target, format);
            }
          }),
        );
  }

  /**
   * A worksheet whose cells, charts and tables the fake keeps: writes through `formulas` and `numberFormat` land in
   * the sheet's maps, `getRange().clear()` empties them, charts and tables are listed after `load` and can be deleted;
   * its tab colour, gridlines and column widths (`getRange("B:B").format.columnWidth`, reset to the standard width by
   * `format.useStandardWidth = true`) are kept as Excel would hold them.
   */
  private sheetProxy(sheet: FakeSheet, extra: Record<string, any> = {}): any {
    const name = sheet.name;
    let loaded: ((property: string) => boolean) | undefined;
    const fake = this; // eslint-disable-line @typescript-eslint/no-this-alias -- read by accessors with their own `this`
    const range = (row: number, col: number, rows: number, cols: number) =>
      this.cellRange(
        sheet,
        `${name}!${letters(col)}${row + 1}:${letters(col + cols - 1)}${row + rows}`,
        row,
        col,
        rows,
        cols,
      );
    return this.recorder(name, {
      ...extra,
      isNullObject: false,
      load: (list?: string) => this.afterSync.push(() => (loaded = loadedBy(list))),
      get id() {
        if (!loaded?.("id")) throw new Error("PropertyNotLoaded: id");
        return sheet.id;
      },
      get name() {
        if (!loaded?.("name")) throw new Error("PropertyNotLoaded: name");
        return sheet.name;
      },
      activate: () => this.record(`${name}.activate()`, undefined, () => (this.view.activeSheet = sheet.name)),
      set position(p: number) {
        fake.record(`${name}.position`, p, () => {
          fake.sheets = fake.sheets.filter((s) => s !== sheet);
          fake.sheets.splice(p, 0, sheet);
          fake.sheets.forEach((s, i) => (s.position = i));
        });
      },
      set tabColor(v: string) {
        fake.record(`${name}.tabColor`, v, () => (sheet.tabColor = v));
      },
      set showGridlines(v: boolean) {
        fake.record(`${name}.showGridlines`, v, () => (sheet.showGridlines = v));
      },
      getRangeByIndexes: range,
      getRange: (...args: unknown[]) => {
        const call = `${name}.getRange(${args.map(describe).join(",")})`;
        this.record(call);
        if (args.length === 0)
          return this.recorder(call, {
            clear: () =>
              this.record(`${call}.clear()`, undefined, () => {
                sheet.formulas.clear();
                sheet.formats.clear();
              }),
            format: this.recorder(`${call}.format`, {
              // true gives every column of the range the sheet's standard width; false changes nothing.
              set useStandardWidth(v: boolean) {
                fake.record(`${call}.format.useStandardWidth`, v, () => {
                  if (v === true) sheet.columnWidths = {};
                });
              },
            }),
          });
        const columns = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(String(args[0]));
        if (columns)
          return this.recorder(call, {
            format: this.recorder(`${call}.format`, {
              set columnWidth(v: number) {
                fake.record(`${call}.format.columnWidth`, v, () => {
                  for (let c = columnNumber(columns[1]); c <= columnNumber(columns[2]); c++)
                    sheet.columnWidths[letters(c - 1)] = v;
                });
              },
            }),
          });
        const shape = shapeOf(String(args[0]));
        const cells = /^\$?([A-Z]+)\$?(\d+)/i.exec(String(args[0]));
        return shape && cells
          ? this.cellRange(sheet, call, Number(cells[2]) - 1, columnNumber(cells[1]) - 1, shape.rows, shape.cols)
          : this.recorder(call);
      },
      charts: this.chartCollection(sheet),
      tables: this.tableCollection(sheet),
    });
  }

  private tableCollection(sheet: FakeSheet): any {
    const fake = this; // eslint-disable-line @typescript-eslint/no-this-alias -- read by accessors with their own `this`
    let loaded: ((property: string) => boolean) | undefined;
    return this.recorder(`${sheet.name}.tables`, {
      add: (...args: unknown[]) => {
        const call = `${sheet.name}.tables.add(${args.map(describe).join(",")})`;
        const table: FakeTable = { name: "" };
        const a = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(
          addressIn(describe(args[0])) ?? describe(args[0]),
        );
        if (a) {
          const [row, col] = [Number(a[2]) - 1, columnNumber(a[1]) - 1];
          const [row2, col2] = [Number(a[4] ?? a[2]) - 1, columnNumber(a[3] ?? a[1]) - 1];
          table.box = { row, col, rows: row2 - row + 1, cols: col2 - col + 1 };
        }
        this.record(call, undefined, () => {
          // Excel names a new table TableN, the first N free in the workbook.
          do table.name = `Table${this.nextTable++}`;
          while (this.tables().some((t) => t.table.name.toLowerCase() === table.name.toLowerCase()));
          sheet.tables.push(table);
        });
        return this.recorder(call, {
          set name(v: string) {
            fake.record(`${call}.name`, v, () => {
              if (!sheet.tables.includes(table)) throw new ExcelError("ItemNotFound", `${call}: no such table.`);
              fake.checkName(v, table);
              table.name = v;
            });
          },
        });
      },
      /**
       * TableCollection.getItem(name).rows.add(index, values): index null or -1 adds at the end (ExcelApi 1.1; several
       * rows 1.4); the table grows by the rows and their values land in the cells under it. ItemNotFound for a table
       * the sheet does not hold, InvalidArgument for rows not as wide as the table.
       */
      getItem: (name: string) => {
        const path = `${sheet.name}.tables.getItem(${name})`;
        return this.recorder(path, {
          rows: this.recorder(`${path}.rows`, {
            add: (index: unknown, values: unknown[][]) => {
              const call = `${path}.rows.add(${describe(index)},${values.length} rows)`;
              this.record(call, values, () => {
                const table = sheet.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
                if (!table?.box) throw new ExcelError("ItemNotFound", `${call}: no such table.`);
                if (!(index === null || index === undefined || index === -1))
                  throw new Error(`${call}: the fake adds at the end only`);
                const box = table.box;
                if (!Array.isArray(values) || values.some((r) => !Array.isArray(r) || r.length !== box.cols))
                  throw new ExcelError("InvalidArgument", `${call}: each row must have ${box.cols} values.`);
                values.forEach((r, i) =>
                  r.forEach((v, j) => sheet.formulas.set(`${letters(box.col + j)}${box.row + box.rows + i + 1}`, v)),
                );
                box.rows += values.length;
              });
            },
          }),
        });
      },
      load: (list?: string) => this.afterSync.push(() => (loaded = loadedBy(list))),
      get items() {
        const can = loaded;
        if (!can) throw new Error(`PropertyNotLoaded: tables.items`);
        return sheet.tables.map((table) => ({
          get name() {
            if (!can("items/name")) throw new Error("PropertyNotLoaded: table.name");
            return table.name;
          },
          /** Table.getRange(): where the table stands, readable after the sync that follows load. */
          getRange: () => {
            let read: ((property: string) => boolean) | undefined;
            const box = (property: string) => {
              if (!read?.(property)) throw new Error(`PropertyNotLoaded: table range ${property}`);
              if (!table.box) throw new Error(`the fake knows no range for table ${table.name}`);
              return table.box;
            };
            return {
              load: (list?: string) => fake.afterSync.push(() => (read = loadedBy(list))),
              get rowIndex() {
                return box("rowIndex").row;
              },
              get columnIndex() {
                return box("columnIndex").col;
              },
              get rowCount() {
                return box("rowCount").rows;
              },
              get columnCount() {
                return box("columnCount").cols;
              },
            };
          },
          delete: () =>
            fake.record(`${sheet.name}.tables.delete(${table.name})`, undefined, () => {
              sheet.tables = sheet.tables.filter((t) => t !== table);
            }),
        }));
      },
    });
  }

  private workbookTables(): any {
    const fake = this; // eslint-disable-line @typescript-eslint/no-this-alias -- read by a getter with its own `this`
    let loaded: ((property: string) => boolean) | undefined;
    return this.recorder("workbook.tables", {
      load: (list?: string) => this.afterSync.push(() => (loaded = loadedBy(list))),
      get items() {
        const can = loaded;
        if (!can) throw new Error("PropertyNotLoaded: workbook.tables.items");
        return fake.tables().map(({ table }) => loadedObject({ name: table.name }, (p) => can(`items/${p}`), "table"));
      },
    });
  }

  private chartCollection(sheet: FakeSheet): any {
    const fake = this; // eslint-disable-line @typescript-eslint/no-this-alias -- read by accessors with their own `this`
    let loaded = false;
    return this.recorder(`${sheet.name}.charts`, {
      add: (...args: unknown[]) => {
        const call = `${sheet.name}.charts.add(${args.map(describe).join(",")})`;
        let chart: FakeChart | undefined;
        this.record(
          call,
          undefined,
          () => {
            // One series per column of the source (seriesBy Columns), one point per row.
            const shape = shapeOf(addressIn(describe(args[1])) ?? "") ?? { rows: 0, cols: 0 };
            chart = {
              call,
              type: String(args[0]),
              series: Array.from({ length: shape.cols }, () => ({ points: shape.rows, committed: 0 })),
            };
            sheet.charts.push(chart);
          },
          args,
        );
        return this.recorder(call, { series: this.seriesCollection(call, () => chart) });
      },
      load: () => this.afterSync.push(() => (loaded = true)),
      get items() {
        if (!loaded) throw new Error(`PropertyNotLoaded: charts.items`);
        return sheet.charts.map((chart) => ({
          delete: () =>
            fake.record(`${sheet.name}.charts.delete(${chart.call})`, undefined, () => {
              sheet.charts = sheet.charts.filter((c) => c !== chart);
            }),
        }));
      },
    });
  }

  private seriesCollection(chartPath: string, chart: () => FakeChart | undefined): any {
    const path = `${chartPath}.series`;
    const existing = (p: string, series: () => FakeSeries | undefined) => {
      const s = series();
      if (!s) throw new ExcelError("ItemNotFound", `${p}: the chart has no such series.`);
      return s;
    };
    return this.recorder(path, {
      getItemAt: (i: number) => {
        const p = `${path}.getItemAt(${i})`;
        let series: FakeSeries | undefined;
        this.record(p, undefined, () => (series = existing(p, () => chart()?.series[i])));
        return this.seriesProxy(p, chart, () => series);
      },
      add: (name: string) => {
        const p = `${path}.add(${name})`;
        const series: FakeSeries = { name, points: 0, committed: 0 };
        this.record(p, undefined, () => chart()!.series.push(series));
        return this.seriesProxy(p, chart, () => series);
      },
    });
  }

  private seriesProxy(path: string, chart: () => FakeChart | undefined, series: () => FakeSeries | undefined): any {
    const live = () => {
      const s = series();
      if (!s || !chart()?.series.includes(s))
        throw new ExcelError("ItemNotFound", `${path}: the series does not exist (deleted?).`);
      return s;
    };
    const call =
      (method: string, then?: (s: FakeSeries, args: unknown[]) => void) =>
      (...args: unknown[]) => {
        const p = `${path}.${method}(${args.map(describe).join(",")})`;
        this.record(
          p,
          undefined,
          () => {
            const s = live();
            then?.(s, args);
          },
          args,
        );
        return this.recorder(p);
      };
    return this.recorder(path, {
      delete: call("delete", (s) => {
        const c = chart()!;
        c.series = c.series.filter((x) => x !== s);
      }),
      setValues: call("setValues", (s, args) => {
        s.points = shapeOf(addressIn(describe(args[0])) ?? "")?.rows ?? 0;
      }),
      setXAxisValues: call("setXAxisValues"),
      setBubbleSizes: call("setBubbleSizes"),
      points: this.recorder(`${path}.points`, {
        getItemAt: (k: number) => {
          const p = `${path}.points.getItemAt(${k})`;
          this.record(p, undefined, () => {
            // A series' points come from its values; a batch reaches only those a previous sync made.
            if (k >= live().committed)
              throw new ExcelError("ItemNotFound", `${p}: the series has ${live().committed} points so far.`);
          });
          return this.recorder(p);
        },
      }),
    });
  }

  private namesCollection(): any {
    const fake = this; // eslint-disable-line @typescript-eslint/no-this-alias -- read by getters with their own `this`
    let loaded: ((property: string) => boolean) | undefined;
    return this.recorder("workbook.names", {
      add: (name: string, formula: string) =>
        this.record(`workbook.names.add(${name},${formula})`, undefined, () => {
          this.checkName(name);
          this.names.set(name.toLowerCase(), formula);
        }),
      load: (list?: string) => this.afterSync.push(() => (loaded = loadedBy(list))),
      get items() {
        const can = loaded;
        if (!can) throw new Error("PropertyNotLoaded: names.items");
        return [...fake.names.keys()].map((name) => loadedObject({ name }, (p) => can(`items/${p}`), "name"));
      },
      getItemOrNullObject: (name: string) => {
        let loaded = false;
        const path = `workbook.names.getItemOrNullObject(${name})`;
        return this.recorder(path, {
          load: () => fake.afterSync.push(() => (loaded = true)),
          get isNullObject() {
            if (!loaded) throw new Error("PropertyNotLoaded: isNullObject");
            return !fake.names.has(name.toLowerCase());
          },
          delete: () => fake.record(`${path}.delete()`, undefined, () => fake.names.delete(name.toLowerCase())),
        });
      },
    });
  }

  private settingsCollection(): any {
    return this.recorder("settings", {
      add: (key: string, value: unknown) =>
        this.record(`settings.add(${key})`, value, () => this.settings.set(key, value)),
      getItemOrNullObject: (key: string) => {
        // isNullObject comes back with any load; value only where the load names it.
        let loaded: ((property: string) => boolean) | undefined;
        const fake = this; // eslint-disable-line @typescript-eslint/no-this-alias -- read by getters with their own `this`
        return {
          load: (list?: string) => fake.afterSync.push(() => (loaded = loadedBy(list))),
          get isNullObject() {
            if (!loaded) throw new Error("PropertyNotLoaded: isNullObject");
            return !fake.settings.has(key);
          },
          get value() {
            if (!loaded?.("value")) throw new Error("PropertyNotLoaded: value");
            return fake.settings.get(key);
          },
        };
      },
    });
  }
}
