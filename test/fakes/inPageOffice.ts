/**
 * The Office.js globals the taskpane page uses, in the page, over a FakeWorkbook: served by the browser test in place
 * of https://appsforoffice.microsoft.com/lib/1/hosted/office.js, bundled with esbuild as one script whose
 * `install(workbook)` call follows it. Provides Office.onReady (host Excel), Office.context.requirements.isSetSupported,
 * Office.context.officeTheme (when given), Office.HostType and Office.PlatformType, Excel.run, Excel's enums, and
 * CustomFunctions (ErrorCode, Error and associate: the page also loads the functions bundle, as a shared runtime does).
 * The workbook is `window.__kamFake` for the test to read and steer; the functions the bundle associated are
 * `window.__kamFunctions`.
 *
 * Reloading the taskpane leaves Excel's workbook as it is: the workbook is kept in sessionStorage when the page goes
 * away and taken back when it loads again.
 */
import "./customFunctionsRuntime";
import { EXCEL_ENUM_TABLE, OFFICE_ENUM_TABLE } from "./excelEnums";
import { enumObjects } from "./excelEnumTable";
import type { FakeSheetData } from "./fakeExcel";
import { FakeWorkbook, type SavedWorkbook } from "./fakeWorkbook";
import type { FakeSelection } from "./workbookView";

/* global window, sessionStorage */

export interface InitialWorkbook {
  readonly data: FakeSheetData[];
  readonly selection: FakeSelection;
  /** Office.context.officeTheme, where the test wants one. */
  readonly officeTheme?: Record<string, unknown>;
  /** The newest ExcelApi version the fake Excel supports (default: the recording fake's). */
  readonly excelApi?: string;
}

const SAVED_KEY = "kam-fake-workbook";

export function install(initial: InitialWorkbook): FakeWorkbook {
  const saved = sessionStorage.getItem(SAVED_KEY);
  const workbook = saved
    ? FakeWorkbook.restore(JSON.parse(saved) as SavedWorkbook)
    : new FakeWorkbook(structuredClone(initial.data), { ...initial.selection });
  if (!saved && initial.excelApi) workbook.writer.excelApi = initial.excelApi;
  window.addEventListener("pagehide", () => sessionStorage.setItem(SAVED_KEY, JSON.stringify(workbook.save())));

  const officeEnums = enumObjects(OFFICE_ENUM_TABLE);
  const info = { host: officeEnums.HostType.Excel, platform: officeEnums.PlatformType.OfficeOnline };
  // office.js calls onReady's callbacks once it has initialised, never synchronously.
  const ready = new Promise<typeof info>((resolve) => setTimeout(() => resolve(info), 0));
  const associated = new Map<string, unknown>();
  const globals = window as unknown as Record<string, unknown>;
  (globals.CustomFunctions as Record<string, unknown>).associate = (id: unknown, fn: unknown) => {
    if (typeof id === "string") associated.set(id, fn);
    else for (const [key, value] of Object.entries(id as object)) associated.set(key, value);
  };
  globals.Office = {
    ...officeEnums,
    onReady: (callback?: (i: typeof info) => void) => ready.then((i) => (callback?.(i), i)),
    context: {
      host: info.host,
      platform: info.platform,
      requirements: { isSetSupported: (set: string, version?: string) => workbook.supports(set, version ?? "1.1") },
      ...(initial.officeTheme ? { officeTheme: initial.officeTheme } : {}),
    },
  };
  globals.Excel = {
    ...enumObjects(EXCEL_ENUM_TABLE),
    run: (...args: unknown[]) => workbook.run(args[args.length - 1] as Parameters<FakeWorkbook["run"]>[0]),
  };
  globals.__kamFake = workbook;
  globals.__kamFunctions = associated;
  return workbook;
}
