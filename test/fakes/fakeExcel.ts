/* eslint-disable @typescript-eslint/no-this-alias -- the proxies' getters have their own `this`; `fake` names the recorder they report to */
/**
 * A recording fake of the Excel API subset in src/excel/excelSubset.ts, faithful to the documented behaviour the
 * adapter depends on:
 * - proxies: nothing is read until `load` and `sync`; reading a property before that, or one the load did not name,
 *   throws PropertyNotLoaded;
 * - writes (`values`, `visibility`, `settings.add`) are queued and applied at `sync`;
 * - a response or request above 5 MB, counted in UTF-8 bytes, fails the sync with Excel on the web's own codes
 *   (ResponsePayloadSizeLimitExceeded, RequestPayloadSizeLimitExceeded) and nothing of it runs;
 * - getUsedRangeOrNullObject(true) is the bounding box of cells with values, or a null object; without `true` a cell
 *   with a number format other than "General" is used too ("valuesOnly: considers only cells with values as used
 *   cells", excel.worksheet.yml; formatting counts otherwise);
 * - a string starting with "=" written through `values` becomes a formula (excel.range.yml), a leading apostrophe is
 *   dropped (office-js #6687), and the array must have the range's shape (InvalidArgument);
 * - enum values (visibility, getSpecialCells' cell type) are checked against @types/office-js;
 * - a sync is not a transaction: writes before a refused one keep their effect.
 * It counts syncs and records the bytes of each response and request for the tests to assert on. `range.select()` and
 * `worksheet.activate()` change what the analyst sees (`view`), so a selected cell is what getSelectedRange reads next.
 */
import type { RangeSubset } from "../../src/excel/excelSubset";
import { EXCEL_ENUMS, loadedBy, utf8Bytes } from "./fakeExcelWriter";
import type { FakeSelection, WorkbookView } from "./workbookView";

export interface FakeSheetData {
  name: string;
  cells: unknown[][];
  formats?: string[][];
  hiddenColumns?: number[];
  /** 0-based sheet rows hidden by a filter or by hand. */
  hiddenRows?: number[];
  visibility?: string;
}

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Excel's grid: 1,048,576 rows, 16,384 columns (XFD). */
const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;

class PropertyNotLoaded extends Error {}

class ExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function checkEnum(name: string, value: unknown, what: string): void {
  if (!EXCEL_ENUMS.get(name)!.includes(value as string))
    throw new ExcelError("InvalidArgument", `${what}: ${JSON.stringify(value)} is not an Excel.${name}.`);
}

/** UTF-8 bytes of a value as JSON. */
function bytesOf(value: unknown): number {
  return utf8Bytes(JSON.stringify(value ?? null));
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}
function letters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export class FakeExcel {
  syncs = 0;
  /** Excel on the web's 5 MB per request and per response; Infinity for Excel on Windows or Mac, which has none. */
  payloadLimit = PAYLOAD_LIMIT_BYTES;
  readonly responseBytes: number[] = [];
  readonly requestBytes: number[] = [];
  readonly sheets: FakeSheetData[];
  readonly settingsStore = new Map<string, unknown>();
  formulas = new Map<string, string>();
  /** A load's response bytes; with `deliver`, what it reads arrives (never for a response Excel refuses). */
  private pendingLoads: ((deliver: boolean) => number)[] = [];
  private pendingWrites: { apply: () => void; bytes: number }[] = [];
  view: WorkbookView;

  constructor(sheets: FakeSheetData[], selection: FakeSelection) {
    this.sheets = sheets;
    this.view = { selection, activeSheet: selection.sheet };
  }

  get selection(): FakeSelection {
    return this.view.selection!;
  }
  set selection(selection: FakeSelection) {
    this.view.selection = selection;
  }

  /** Loads and writes waiting for the next sync. */
  get pending(): number {
    return this.pendingLoads.length + this.pendingWrites.length;
  }

  /** Drops the queued batch unsent, as when the sync that would carry it fails before it runs. */
  discard(): void {
    this.pendingLoads = [];
    this.pendingWrites = [];
  }

  /** Excel's decimal and thousands separators, as Application reports them (ExcelApi 1.11). */
  separators = { decimal: ".", group: "," };

  /** The context handed to the adapter: the same surface as Excel.RequestContext for what we use. */
  get context() {
    return { workbook: this.workbook(), application: this.application(), sync: () => this.sync() };
  }

  private application() {
    const fake = this;
    // Readable after the sync only where the load named it, as every other proxy here.
    let loaded: ((property: string) => boolean) | undefined;
    return {
      load: (list?: string) => {
        fake.pendingLoads.push((deliver) => {
          if (deliver) loaded = loadedBy(list);
          return 64;
        });
      },
      get decimalSeparator() {
        if (!loaded?.("decimalSeparator")) throw new PropertyNotLoaded("decimalSeparator");
        return fake.separators.decimal;
      },
      get thousandsSeparator() {
        if (!loaded?.("thousandsSeparator")) throw new PropertyNotLoaded("thousandsSeparator");
        return fake.separators.group;
      },
    };
  }

  sheet(name: string): FakeSheetData | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  async sync(): Promise<void> {
    this.syncs++;
    const request = this.pendingWrites.reduce((n, w) => n + w.bytes, 0);
    this.requestBytes.push(request);
    const loads = this.pendingLoads;
    const response = loads.reduce((n, load) => n + load(false), 0);
    this.responseBytes.push(response);
    const writes = this.pendingWrites;
    this.pendingLoads = [];
    this.pendingWrites = [];
    if (request > this.payloadLimit)
      throw new ExcelError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    // A refused response delivers nothing: what its loads asked for is still not loaded.
    if (response > this.payloadLimit)
      throw new ExcelError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    for (const load of loads) load(true);
    // In order; a refused write stops the batch, and what ran before it stays done.
    for (const w of writes) w.apply();
  }

  private workbook() {
    const fake = this;
    return {
      getSelectedRange: () => {
        const s = this.selection;
        // Excel: "If there are multiple ranges selected, this method will throw an error" (at the next sync).
        if ((s.areas ?? 1) > 1) {
          this.pendingLoads.push(() => {
            throw Object.assign(new Error("The current selection is invalid for this operation."), {
              code: "InvalidSelection",
            });
          });
        }
        return this.range(this.sheet(s.sheet)!, s.row, s.col, s.rows, s.cols);
      },
      worksheets: {
        getItemOrNullObject: (name: string) => {
          const data = this.sheet(name);
          return data ? this.worksheet(data) : this.nullWorksheet();
        },
        add: (name: string) => {
          const data: FakeSheetData = { name, cells: [], visibility: "Visible" };
          this.pendingWrites.push({
            apply: () => {
              // Sheet names are unique without case, as Excel compares them.
              if (this.sheet(name))
                throw new ExcelError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
              this.sheets.push(data);
            },
            bytes: utf8Bytes(name) + 100,
          });
          return this.worksheet(data);
        },
      },
      settings: {
        add: (key: string, value: unknown) => {
          fake.pendingWrites.push({
            apply: () => fake.settingsStore.set(key, value),
            bytes: bytesOf(value) + 100,
          });
        },
        getItemOrNullObject: (key: string) => {
          // isNullObject comes back with any load; value only where the load names it.
          let loaded: ((property: string) => boolean) | undefined;
          let value: unknown;
          return {
            load: (list?: string) => {
              fake.pendingLoads.push((deliver) => {
                const got = fake.settingsStore.get(key);
                if (deliver) [loaded, value] = [loadedBy(list), got];
                return bytesOf(got);
              });
            },
            get isNullObject() {
              if (!loaded) throw new PropertyNotLoaded("isNullObject");
              return !fake.settingsStore.has(key);
            },
            get value() {
              if (!loaded?.("value")) throw new PropertyNotLoaded("value");
              return value;
            },
          };
        },
      },
    };
  }

  private nullWorksheet() {
    const notThere = () => {
      throw new Error("the worksheet does not exist (a null object)");
    };
    return {
      isNullObject: true,
      load: () => undefined,
      name: "",
      visibility: "",
      activate: notThere,
      getRange: notThere,
      getRangeByIndexes: notThere,
      getUsedRangeOrNullObject: notThere,
    };
  }

  private worksheet(data: FakeSheetData) {
    const fake = this;
    let loaded: ((property: string) => boolean) | undefined;
    return {
      isNullObject: false,
      load: (list?: string) => {
        fake.pendingLoads.push((deliver) => {
          if (deliver) loaded = loadedBy(list);
          return utf8Bytes(data.name) + 16;
        });
      },
      get name() {
        if (!loaded?.("name")) throw new PropertyNotLoaded("name");
        return data.name;
      },
      get visibility() {
        return data.visibility ?? "Visible";
      },
      activate: () => {
        fake.pendingWrites.push({ apply: () => (fake.view.activeSheet = data.name), bytes: 100 });
      },
      set visibility(v: string) {
        fake.pendingWrites.push({
          apply: () => {
            checkEnum("SheetVisibility", v, "visibility");
            data.visibility = v;
          },
          bytes: bytesOf(v) + 100,
        });
      },
      // Cells ("B2", "$B$2:L9"), whole columns ("A:L") or whole rows ("2:9"), as Excel's getRange takes them.
      getRange: (address: string) => {
        const a = address.replace(/\$/g, "");
        const cells = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a);
        const columns = /^([A-Z]+):([A-Z]+)$/i.exec(a);
        const rows = /^(\d+):(\d+)$/.exec(a);
        if (columns) {
          const c0 = columnIndex(columns[1]);
          return fake.range(data, 0, c0, MAX_ROWS, columnIndex(columns[2]) - c0 + 1);
        }
        if (rows) return fake.range(data, Number(rows[1]) - 1, 0, Number(rows[2]) - Number(rows[1]) + 1, MAX_COLUMNS);
        if (!cells) throw new ExcelError("InvalidArgument", `getRange: "${address}" is not a range address.`);
        const r0 = Number(cells[2]) - 1;
        const c0 = columnIndex(cells[1]);
        const r1 = cells[4] ? Number(cells[4]) - 1 : r0;
        const c1 = cells[3] ? columnIndex(cells[3]) : c0;
        return fake.range(data, r0, c0, r1 - r0 + 1, c1 - c0 + 1);
      },
      getRangeByIndexes: (r: number, c: number, rows: number, cols: number) => fake.range(data, r, c, rows, cols),
      getUsedRangeOrNullObject: (valuesOnly = false) => {
        let top = Infinity;
        let bottom = -1;
        let left = Infinity;
        let right = -1;
        const use = (i: number, j: number) => {
          top = Math.min(top, i);
          bottom = Math.max(bottom, i);
          left = Math.min(left, j);
          right = Math.max(right, j);
        };
        data.cells.forEach((row, i) =>
          row.forEach((v, j) => {
            if (v !== null && v !== undefined && v !== "") use(i, j);
          }),
        );
        if (!valuesOnly)
          data.formats?.forEach((row, i) =>
            row?.forEach((f, j) => {
              if (f !== undefined && f !== "General") use(i, j);
            }),
          );
        if (bottom < 0) return fake.range(data, 0, 0, 1, 1, true);
        return fake.range(data, top, left, bottom - top + 1, right - left + 1);
      },
    };
  }

  private range(
    data: FakeSheetData,
    row: number,
    col: number,
    rows: number,
    cols: number,
    nullObject = false,
  ): RangeSubset {
    const fake = this;
    const loaded = new Set<string>();
    const read = (prop: string) => {
      if (!loaded.has(prop)) throw new PropertyNotLoaded(`PropertyNotLoaded: ${prop}`);
    };
    const block = <T>(get: (i: number, j: number) => T): T[][] =>
      Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => get(row + i, col + j)));
    const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(data.name) ? data.name : `'${data.name.replace(/'/g, "''")}'`;
    const address = `${quoted}!${letters(col)}${row + 1}${rows * cols > 1 ? `:${letters(col + cols - 1)}${row + rows}` : ""}`;
    const props: Record<string, () => unknown> = {
      address: () => address,
      rowIndex: () => row,
      columnIndex: () => col,
      rowCount: () => rows,
      columnCount: () => cols,
      values: () => block((i, j) => data.cells[i]?.[j] ?? ""),
      numberFormat: () => block((i, j) => data.formats?.[i]?.[j] ?? "General"),
      columnHidden: () => Array.from({ length: cols }, (_, j) => col + j).every((j) => data.hiddenColumns?.includes(j)),
      rowHidden: () => {
        const hidden = Array.from({ length: rows }, (_, i) => data.hiddenRows?.includes(row + i) ?? false);
        return hidden.every(Boolean) ? true : hidden.some(Boolean) ? null : false;
      },
    };
    const snapshot = new Map<string, unknown>();
    const target: Record<string, unknown> = {
      isNullObject: nullObject,
      worksheet: this.worksheet(data),
      // Selecting a range on another sheet shows that sheet too.
      select: () => {
        fake.pendingWrites.push({
          apply: () => {
            fake.view.selection = { sheet: data.name, row, col, rows, cols };
            fake.view.activeSheet = data.name;
          },
          bytes: 100,
        });
      },
      // Excel's current region: grown from the top-left cell while a neighbouring row or column (diagonals included)
      // holds a value.
      getSurroundingRegion: () => {
        const filled = (r: number, c: number) =>
          r >= 0 && c >= 0 && !["", null, undefined].includes(data.cells[r]?.[c] as never);
        let [t, l, b, rt] = [row, col, row, col];
        const any = (r0: number, r1: number, c0: number, c1: number) => {
          for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (filled(r, c)) return true;
          return false;
        };
        // Rows first, greedily (tables are tall): each step looks at one row's width, so growth is linear.
        for (let grew = true; grew;) {
          grew = false;
          while (t > 0 && any(t - 1, t - 1, l - 1, rt + 1)) {
            t--;
            grew = true;
          }
          while (any(b + 1, b + 1, l - 1, rt + 1)) {
            b++;
            grew = true;
          }
          if (l > 0 && any(t - 1, b + 1, l - 1, l - 1)) {
            l--;
            grew = true;
          }
          if (any(t - 1, b + 1, rt + 1, rt + 1)) {
            rt++;
            grew = true;
          }
        }
        return fake.range(data, t, l, b - t + 1, rt - l + 1);
      },
      // The visible cells as Excel gives them: one area per block of visible rows and visible columns.
      getSpecialCellsOrNullObject: (cellType: string) => {
        checkEnum("SpecialCellType", cellType, "getSpecialCellsOrNullObject");
        const runs = (start: number, count: number, hidden: number[] = []) => {
          const out: [number, number][] = [];
          for (let k = start; k < start + count; k++) {
            if (hidden.includes(k)) continue;
            const last = out[out.length - 1];
            if (last && last[1] === k - 1) last[1] = k;
            else out.push([k, k]);
          }
          return out;
        };
        const areas = runs(row, rows, data.hiddenRows).flatMap(([r0, r1]) =>
          runs(col, cols, data.hiddenColumns).map(
            ([c0, c1]) => `${quoted}!${letters(c0)}${r0 + 1}:${letters(c1)}${r1 + 1}`,
          ),
        );
        // isNullObject comes back with any load; the address only where the load names it.
        let loaded: ((property: string) => boolean) | undefined;
        return {
          load: (list?: string) =>
            fake.pendingLoads.push((deliver) => {
              if (deliver) loaded = loadedBy(list);
              return bytesOf(areas.join(","));
            }),
          get isNullObject() {
            if (!loaded) throw new PropertyNotLoaded("isNullObject");
            return areas.length === 0;
          },
          get address() {
            if (!loaded?.("address")) throw new PropertyNotLoaded("address");
            return areas.join(",");
          },
        };
      },
      load(list: string) {
        const names = list.split(",").map((p) => p.trim());
        fake.pendingLoads.push((deliver) => {
          let bytes = 0;
          for (const p of names) {
            const v = props[p]();
            if (deliver) {
              snapshot.set(p, v);
              loaded.add(p);
            }
            bytes += bytesOf(v);
          }
          return bytes;
        });
        return target;
      },
    };
    for (const p of Object.keys(props)) {
      Object.defineProperty(target, p, {
        get: () => (read(p), snapshot.get(p)),
        set:
          p === "values"
            ? (v: unknown[][]) =>
                fake.pendingWrites.push({
                  bytes: bytesOf(v) + 100,
                  apply: () => {
                    if (!Array.isArray(v) || v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols))
                      throw new ExcelError(
                        "InvalidArgument",
                        `${address}.values: the array must be ${rows} × ${cols}.`,
                      );
                    v.forEach((r, i) =>
                      r.forEach((x, j) => {
                        // Excel drops a leading apostrophe, its text prefix (office-js #6687): the rest is text.
                        if (typeof x === "string" && x.startsWith("'")) x = x.slice(1);
                        else if (typeof x === "string" && x.startsWith("="))
                          fake.formulas.set(`${data.name}!${letters(col + j)}${row + i + 1}`, x);
                        (data.cells[row + i] ??= [])[col + j] = x;
                      }),
                    );
                  },
                })
            : undefined,
        enumerable: true,
      });
    }
    return target as unknown as RangeSubset;
  }
}
