/* eslint-disable @typescript-eslint/no-explicit-any -- the context joins two fakes' proxies, as loosely typed as they are */
/**
 * One workbook for the taskpane, made of the two fakes: the analyst's data sheets live in the reading fake (values,
 * number formats, hidden rows and columns, the selection: what readSelection meets), everything the add-in writes
 * (report sheets, its settings sheet, names, tables, charts, workbook settings) in the recording fake (what applyPlan
 * and saveSettings meet). Both share one view (active sheet, selection); the recording fake also lists the data
 * sheets, so a rebuild sees every sheet of the workbook. A selection must lie on a data sheet.
 *
 * `context` is what Excel.run hands the add-in; `sync` runs the reading fake's batch, then the recording fake's (the
 * adapter never mixes them in one batch); `failNextSync` makes the next sync fail with an Excel error code, before
 * anything of its batch runs; `syncDelayMs` slows every sync down, to watch the pane's progress. `save` and `restore` carry the workbook across a reload of the taskpane, which in Excel
 * leaves the workbook as it is.
 */
import { FakeExcel, type FakeSheetData } from "./fakeExcel";
import { ExcelError, RecordingExcel, type FakeSheet } from "./fakeExcelWriter";
import type { FakeSelection, WorkbookView } from "./workbookView";

type SavedSheet = Omit<FakeSheet, "formulas" | "formats"> & {
  formulas: [string, unknown][];
  formats: [string, string][];
};

/** Everything the workbook holds, as JSON. */
export interface SavedWorkbook {
  readonly data: FakeSheetData[];
  readonly sheets: SavedSheet[];
  readonly settings: [string, unknown][];
  readonly names: [string, string][];
  readonly view: WorkbookView;
  readonly nextId: number;
  readonly nextTable: number;
  readonly excelApi: string;
}

export class FakeWorkbook {
  readonly reader: FakeExcel;
  readonly writer: RecordingExcel;
  syncs = 0;
  /** Excel's answer to the next sync: e.g. { code: "InvalidOperationInCellEditMode" }. */
  failNextSync?: { code: string; message?: string };
  /** How long each sync takes, as a round trip to Excel on the web does: 0 (none) unless a test wants to watch. */
  syncDelayMs = 0;

  constructor(data: FakeSheetData[], selection: FakeSelection, writer?: RecordingExcel) {
    this.reader = new FakeExcel(data, selection);
    this.writer = writer ?? new RecordingExcel(data.map((d, i) => RecordingExcel.sheet(d.name, i)));
    this.writer.view = this.reader.view;
  }

  get view(): WorkbookView {
    return this.reader.view;
  }

  /** Whether ExcelApi `version` (or older) is supported, as Office.context.requirements.isSetSupported answers. */
  readonly supports = (set: string, version: string): boolean => this.writer.supports(set, version);

  /** The sheets in tab order. */
  sheetNames(): string[] {
    return [...this.writer.sheets].sort((a, b) => a.position - b.position).map((s) => s.name);
  }

  get context(): any {
    const reader = this.reader.context;
    const writer = this.writer.context as any;
    const isData = (key: string) => this.reader.sheet(key) !== undefined;
    const worksheets = writer.workbook.worksheets;
    const app = reader.application as any;
    return {
      workbook: {
        getSelectedRange: () => reader.workbook.getSelectedRange(),
        worksheets: {
          load: (properties: string) => worksheets.load(properties),
          get items() {
            return worksheets.items;
          },
          getItem: (key: string) =>
            isData(key) ? reader.workbook.worksheets.getItemOrNullObject(key) : worksheets.getItem(key),
          getItemOrNullObject: (key: string) =>
            isData(key) ? reader.workbook.worksheets.getItemOrNullObject(key) : worksheets.getItemOrNullObject(key),
          add: (name: string) => worksheets.add(name),
        },
        settings: writer.workbook.settings,
        names: writer.workbook.names,
        tables: writer.workbook.tables,
      },
      // The separators are read; suspending calculation and screen updating is recorded.
      application: new Proxy(writer.application, {
        get: (target, prop) =>
          (["load", "decimalSeparator", "thousandsSeparator"].includes(String(prop)) ? app : target)[prop],
      }),
      sync: () => this.sync(),
    };
  }

  async sync(): Promise<void> {
    this.syncs++;
    if (this.syncDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.syncDelayMs));
    const failure = this.failNextSync;
    if (failure) {
      this.failNextSync = undefined;
      this.reader.discard();
      this.writer.discard();
      throw new ExcelError(failure.code, failure.message ?? failure.code);
    }
    try {
      await this.reader.sync();
    } catch (error) {
      this.writer.discard();
      throw error;
    }
    await this.writer.sync();
  }

  /** Excel.run: the batch, then one more sync for anything it queued and did not sync. */
  async run<T>(batch: (context: any) => Promise<T>): Promise<T> {
    const context = this.context;
    const result = await batch(context);
    if (this.reader.pending + this.writer.pending > 0) await context.sync();
    return result;
  }

  save(): SavedWorkbook {
    const w = this.writer;
    return {
      data: this.reader.sheets,
      sheets: w.sheets.map((s) => ({ ...s, formulas: [...s.formulas], formats: [...s.formats] })),
      settings: [...w.settings],
      names: [...w.names],
      view: this.view,
      nextId: w.nextId,
      nextTable: w.nextTable,
      excelApi: w.excelApi,
    };
  }

  static restore(saved: SavedWorkbook): FakeWorkbook {
    const writer = new RecordingExcel(
      saved.sheets.map((s) => ({ ...s, formulas: new Map(s.formulas), formats: new Map(s.formats) })),
    );
    for (const [key, value] of saved.settings) writer.settings.set(key, value);
    for (const [name, formula] of saved.names) writer.names.set(name, formula);
    writer.nextId = saved.nextId;
    writer.nextTable = saved.nextTable;
    writer.excelApi = saved.excelApi;
    const workbook = new FakeWorkbook(saved.data, saved.view.selection!, writer);
    workbook.view.activeSheet = saved.view.activeSheet;
    return workbook;
  }
}
