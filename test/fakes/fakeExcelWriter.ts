/* eslint-disable @typescript-eslint/no-explicit-any -- a recording proxy stands in for any Office.js object */
/**
 * A recording fake of Excel for the plan renderer: every property set and method call on any object reached from the
 * context is queued as an operation with its path ("Data.getRangeByIndexes(0,0,3,2).formulas") and applied or logged
 * at `sync`, as Office.js batches them. The parts the renderer reads back behave as documented: worksheets.items after
 * load + sync, settings items (null objects when absent), new sheet ids, sheet delete/add/position, and the cells
 * written through `formulas` and `numberFormat`, kept per sheet so tests can look at what Excel would hold. Request
 * bytes are the JSON of the queued values; a request over 5 MB fails the sync, as on Excel on the web.
 */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface FakeSheet {
  id: string;
  name: string;
  position: number;
  /** "A1" → what was written through `formulas`; "A1" → number format. */
  formulas: Map<string, unknown>;
  formats: Map<string, string>;
  /** The charts and tables on the sheet, by the call that added them. */
  charts: string[];
  tables: string[];
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

/**
 * Members newer than ExcelApi 1.7 (or with values Excel checks) that the fake knows, by the end of the recorded path,
 * with the version the ChartAxis and ChartDataLabel references give. A fake made for an older Excel fails the sync
 * that carries one with ApiNotFound, as Excel does for an API its build lacks.
 */
const REQUIREMENTS: readonly [RegExp, string][] = [
  [/\.axes\.\w+Axis\.numberFormat$/, "1.8"],
  [/\.axes\.\w+Axis\.setPositionAt\(/, "1.8"],
  [/\.axes\.\w+Axis\.tickLabelPosition$/, "1.7"],
  [/\.dataLabel\.formula$/, "1.8"],
  [/\.bubbleScale$/, "1.9"],
];

const TICK_LABEL_POSITIONS = ["NextToAxis", "High", "Low", "None"];
/** The documented values of Excel.ConditionalCellValueOperator (excel.conditionalcellvalueoperator.yml). */
const CELL_VALUE_OPERATORS = [
  "Invalid",
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqual",
  "LessThanOrEqual",
];

/** Excel's InvalidArgument for a value a member does not take (documented types and enum values). */
function axisRefusal(path: string, value: unknown, args: readonly unknown[] | undefined): string | undefined {
  const number = (v: unknown) => typeof v === "number" && Number.isFinite(v);
  if (/\.axes\.\w+Axis\.setPositionAt\(/.test(path) && !(args?.length === 1 && number(args[0])))
    return "setPositionAt takes one number";
  // "Can be set to a numeric value or an empty string (for automatic axis values)."
  if (/\.axes\.\w+Axis\.(minimum|maximum)$/.test(path) && !(number(value) || value === ""))
    return "minimum and maximum take a number or an empty string";
  if (/\.axes\.\w+Axis\.numberFormat$/.test(path) && typeof value !== "string") return "numberFormat takes a string";
  if (/\.axes\.\w+Axis\.tickLabelPosition$/.test(path) && !TICK_LABEL_POSITIONS.includes(value as string))
    return `tickLabelPosition takes one of ${TICK_LABEL_POSITIONS.join(", ")}`;
  // Excel.ConditionalCellValueOperator: "Equal" and other spellings are refused with InvalidArgument.
  if (
    /\.cellValue\.rule$/.test(path) &&
    !CELL_VALUE_OPERATORS.includes((value as { operator?: string })?.operator ?? "")
  )
    return `operator takes one of ${CELL_VALUE_OPERATORS.join(", ")}`;
  if (/\.bubbleScale$/.test(path) && !(typeof value === "number" && value >= 0 && value <= 300))
    return "bubbleScale takes a number from 0 to 300";
  return undefined;
}

function newer(version: string, than: string): boolean {
  const [a, b] = [version, than].map((v) => v.split(".").map(Number));
  return a[0] !== b[0] ? a[0] > b[0] : a[1] > b[1];
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
  private afterSync: (() => void)[] = [];
  private nextId = 1;

  constructor(public sheets: FakeSheet[] = []) {}

  static sheet(name: string, position: number, id = `user-${name}`): FakeSheet {
    return { id, name, position, formulas: new Map(), formats: new Map(), charts: [], tables: [] };
  }

  get context(): Excel.RequestContext {
    return this.recorder("context", {
      workbook: this.recorder("workbook", {
        worksheets: this.worksheets(),
        settings: this.settingsCollection(),
        names: this.namesCollection(),
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

  /** Excel's answer to the next sync, to test how errors reach the analyst: e.g. { code: "AccessDenied" }. */
  failNextSync?: { code: string; message?: string };

  async sync(): Promise<void> {
    const failure = this.failNextSync;
    if (failure) {
      this.failNextSync = undefined;
      this.queue = [];
      throw Object.assign(new Error(failure.message ?? failure.code), { code: failure.code });
    }
    this.syncs++;
    const bytes = this.queue.reduce((n, q) => n + q.bytes, 0);
    this.requestBytes.push(bytes);
    if (bytes > PAYLOAD_LIMIT_BYTES) throw new Error("RichApi.Error: The request payload size has exceeded the limit.");
    const queue = this.queue;
    this.queue = [];
    for (const q of queue) q.apply();
    const after = this.afterSync;
    this.afterSync = [];
    for (const a of after) a();
  }

  private record(path: string, value?: unknown, apply?: () => void, args?: readonly unknown[]): void {
    const bytes = value === undefined ? path.length : JSON.stringify(value).length;
    const needs = REQUIREMENTS.find(([pattern]) => pattern.test(path))?.[1];
    const refusal =
      needs && newer(needs, this.excelApi)
        ? { code: "ApiNotFound", message: `${path} needs ExcelApi ${needs}; this Excel has ${this.excelApi}.` }
        : ((m) => m && { code: "InvalidArgument", message: `${path}: ${m}.` })(axisRefusal(path, value, args));
    this.queue.push({
      bytes,
      apply: () => {
        if (refusal) throw Object.assign(new Error(refusal.message), { code: refusal.code });
        this.operations.push({ path, value, sync: this.syncs });
        apply?.();
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
    let loaded = false;
    return this.recorder("worksheets", {
      load: () => this.afterSync.push(() => (loaded = true)),
      get items() {
        if (!loaded) throw new Error("PropertyNotLoaded: items");
        return fake.sheets.map((s) => ({ id: s.id, name: s.name, position: s.position }));
      },
      getItem: (id: string) => {
        const sheet = this.sheets.find((s) => s.id === id);
        if (!sheet) throw new Error(`ItemNotFound: no worksheet with id ${id}`);
        return this.sheetProxy(sheet, {
          delete: () => this.record(`sheet(${id}).delete()`, undefined, () => this.removeSheet(id)),
        });
      },
      add: (name: string) => this.addSheet(name),
    });
  }

  private removeSheet(id: string): void {
    const gone = this.sheets.find((s) => s.id === id)!;
    this.sheets = this.sheets.filter((s) => s !== gone);
    for (const s of this.sheets) if (s.position > gone.position) s.position--;
  }

  private addSheet(name: string): any {
    const sheet = RecordingExcel.sheet(name, -1, `kam-${this.nextId++}`);
    this.record(`worksheets.add(${name})`, undefined, () => {
      if (this.byName(name)) throw new Error(`A sheet named "${name}" already exists.`);
      sheet.position = this.sheets.length;
      this.sheets.push(sheet);
    });
    return this.sheetProxy(sheet);
  }

  /**
   * A worksheet whose cells, charts and tables the fake keeps: writes through `formulas` and `numberFormat` land in
   * the sheet's maps, `getRange().clear()` empties them, charts and tables are listed after `load` and can be deleted.
   */
  private sheetProxy(sheet: FakeSheet, extra: Record<string, any> = {}): any {
    const name = sheet.name;
    let idLoaded = false;
    const fake = this; // eslint-disable-line @typescript-eslint/no-this-alias -- read by accessors with their own `this`
    const range = (row: number, col: number, rows: number, cols: number) =>
      this.recorder(`${name}!${letters(col)}${row + 1}:${letters(col + cols - 1)}${row + rows}`, {
        // null in a 2-D array leaves that cell as it is (excel-add-ins-blank-null-values); "" clears it.
        set formulas(v: unknown[][]) {
          fake.record(`${name}.range.formulas`, v, () =>
            v.forEach((r, i) =>
              r.forEach((x, j) => x !== null && sheet.formulas.set(`${letters(col + j)}${row + i + 1}`, x)),
            ),
          );
        },
        set numberFormat(v: (string | null)[][]) {
          fake.record(`${name}.range.numberFormat`, v, () =>
            v.forEach((r, i) =>
              r.forEach((x, j) => x !== null && sheet.formats.set(`${letters(col + j)}${row + i + 1}`, x)),
            ),
          );
        },
      });
    const collection = (kind: "charts" | "tables") => {
      let loaded = false;
      return this.recorder(`${name}.${kind}`, {
        add: (...args: unknown[]) => {
          const call = `${name}.${kind}.add(${args.map(describe).join(",")})`;
          this.record(call, undefined, () => sheet[kind].push(call));
          return this.recorder(call);
        },
        load: () => this.afterSync.push(() => (loaded = true)),
        get items() {
          if (!loaded) throw new Error(`PropertyNotLoaded: ${kind}.items`);
          return sheet[kind].map((added) => ({
            delete: () =>
              fake.record(`${name}.${kind}.delete(${added})`, undefined, () => {
                sheet[kind] = sheet[kind].filter((a) => a !== added);
              }),
          }));
        },
      });
    };
    const charts = collection("charts");
    const tables = collection("tables");
    return this.recorder(name, {
      ...extra,
      load: () => this.afterSync.push(() => (idLoaded = true)),
      get id() {
        if (!idLoaded) throw new Error("PropertyNotLoaded: id");
        return sheet.id;
      },
      set position(p: number) {
        fake.record(`${name}.position`, p, () => {
          fake.sheets = fake.sheets.filter((s) => s !== sheet);
          fake.sheets.splice(p, 0, sheet);
          fake.sheets.forEach((s, i) => (s.position = i));
        });
      },
      getRangeByIndexes: range,
      getRange: (...args: unknown[]) => {
        const call = `${name}.getRange(${args.map(describe).join(",")})`;
        this.record(call);
        const whole =
          args.length === 0
            ? {
                clear: () =>
                  this.record(`${call}.clear()`, undefined, () => {
                    sheet.formulas.clear();
                    sheet.formats.clear();
                  }),
              }
            : {};
        return this.recorder(call, whole);
      },
      charts,
      tables,
    });
  }

  private namesCollection(): any {
    const fake = this; // eslint-disable-line @typescript-eslint/no-this-alias -- read by getters with their own `this`
    return this.recorder("workbook.names", {
      add: (name: string, formula: string) =>
        this.record(`workbook.names.add(${name},${formula})`, undefined, () => {
          if (this.names.has(name.toLowerCase())) throw new Error(`A name "${name}" already exists.`);
          this.names.set(name.toLowerCase(), formula);
        }),
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
        let loaded = false;
        const fake = this; // eslint-disable-line @typescript-eslint/no-this-alias -- read by getters with their own `this`
        return {
          load: () => fake.afterSync.push(() => (loaded = true)),
          get isNullObject() {
            if (!loaded) throw new Error("PropertyNotLoaded: isNullObject");
            return !fake.settings.has(key);
          },
          get value() {
            if (!loaded) throw new Error("PropertyNotLoaded: value");
            return fake.settings.get(key);
          },
        };
      },
    });
  }
}
