import type { TableInput } from "../core";
import { applyPlan, REQUEST_BUDGET_BYTES } from "../excel/applyPlan";
import { readHistory } from "../excel/readHistory";
import { Cancelled, isCancelled, type Cancellable } from "../excel/cancel";
import { explainExcelError } from "../excel/excelErrors";
import {
  DESKTOP_RESPONSE_BUDGET_BYTES,
  readSelection,
  RESPONSE_BUDGET_BYTES,
  sourceOf,
  type TableSource,
} from "../excel/readSelection";
import { activateSheet, selectCell } from "../excel/selectCell";
import { loadSettings, saveSettings } from "../excel/workbookSettings";
import { prepareReport, type PrepareOptions } from "../report/kam/prepareReport";
import type { BuildOutcome, SavedSettings, TableRead } from "./state/paneTypes";

/**
 * What the taskpane asks of Excel, each in one Excel.run: the Office.js side of the pane, kept out of the components
 * so that tests hand them the fake workbook instead (and the components stay free of Office).
 */
export interface PaneBridge {
  loadSaved(): Promise<SavedSettings>;
  readTable(options?: Cancellable): Promise<TableRead>;
  /** Prepares the report from a table read before, writes it, and saves its settings with the workbook. */
  build(input: TableInput, request: PrepareOptions, options?: Cancellable): Promise<BuildOutcome>;
  /** Both sheets again from the settings saved in the workbook, reading the table where they say it is. */
  rebuild(options?: Cancellable): Promise<BuildOutcome>;
  selectCell(address: string): Promise<void>;
  activateSheet(name: string): Promise<void>;
}

/** Excel.run, or the fake's. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHost {
  readonly run: ExcelRun;
  /** Office.context.requirements.isSetSupported. */
  readonly supported: (set: string, version: string) => boolean;
  /** false where Excel has no 5 MB payload limit (Windows, Mac); absent or true: Excel on the web's limit holds. */
  readonly onTheWeb?: boolean;
}

/** The host as Office gives it: Excel.run and Office's requirement sets. */
export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run(batch),
    supported: (set, version) => Office.context.requirements.isSetSupported(set, version),
    onTheWeb: Office.context.platform === Office.PlatformType.OfficeOnline,
  };
}

/** Every failure as the analyst should read it: Excel's codes in words (excelErrors.ts), a cancel as it is. */
async function explained<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw isCancelled(error) ? error : explainExcelError(error);
  }
}

/** Lets the browser paint the step just announced before a long computation holds the thread. */
const paint = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function officeBridge(host: ExcelHost): PaneBridge {
  const { run, supported } = host;
  const responseBudget = host.onTheWeb === false ? DESKTOP_RESPONSE_BUDGET_BYTES : RESPONSE_BUDGET_BYTES;

  /** prepareReport, applyPlan and saveSettings in one Excel.run. */
  async function write(
    context: Excel.RequestContext,
    input: TableInput,
    request: PrepareOptions,
    { onProgress, signal }: Cancellable,
  ): Promise<BuildOutcome> {
    onProgress?.(`Preparing the report from ${input.values.length.toLocaleString("en-US")} rows`, 0, 1);
    await paint();
    if (signal?.aborted) throw new Cancelled(undefined);
    // The workbook's KAM History, carried forward: the build appends its snapshot to it (issue 19, part 3).
    const history = await readHistory(context, responseBudget);
    const prepared = prepareReport(input, { ...request, history });
    const { report, table } = prepared;
    if (!report) {
      const why = table.issues.find((i) => i.severity === "error")?.message ?? "no row holds an account.";
      throw new Error(`Nothing to build from this table: ${why}`);
    }
    const applied = await applyPlan(context, report.plan, supported, REQUEST_BUDGET_BYTES, { onProgress, signal });
    onProgress?.("Saving the settings in the workbook", applied.sheets.length, applied.sheets.length);
    await saveSettings(context, prepared.settings);
    return {
      sheets: applied.sheets,
      renamed: applied.renamed,
      skipped: [...report.notes, ...applied.skipped],
      accounts: table.summary.accepted,
      leftOut: table.summary.rejected,
      settings: prepared.settings,
    };
  }

  return {
    loadSaved: () => explained(() => run((context) => loadSettings(context))),

    readTable: (options = {}) =>
      explained(() =>
        run(async (context) => {
          const read = await readSelection(context, supported, { ...options, responseBudget });
          return { input: read.input, source: sourceOf(read), expandedTo: read.expandedTo };
        }),
      ),

    build: (input, request, options = {}) => explained(() => run((context) => write(context, input, request, options))),

    rebuild: (options = {}) =>
      explained(() =>
        run(async (context) => {
          // The workbook's settings as they are now: a colleague may have built since the pane opened.
          const { settings: saved, problems } = await loadSettings(context);
          if (!saved)
            throw new Error(
              problems[0]?.message ??
                "This workbook holds no saved KAM settings: select the account table and click Use selection.",
            );
          const source: TableSource = saved.source;
          const read = await readSelection(context, supported, { ...options, source, responseBudget });
          return write(context, read.input, { saved, source }, options);
        }),
      ),

    selectCell: (address) => explained(() => run((context) => selectCell(context, address))),

    activateSheet: (name) => explained(() => run((context) => activateSheet(context, name))),
  };
}
