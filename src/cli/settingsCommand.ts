import { extname } from "node:path";
import { isKamError, parseSettings, SETTINGS_SHEET, settingsFromCells, type TableInput } from "../core";
import { prepareReport } from "../report/kam/prepareReport";
import type { Io } from "./reportCommand";
import { InputError } from "./inputError";

/** The settings a build with no choices uses, for the analyst to edit and pass back with --settings. */
function defaults(): string {
  const empty: TableInput = { sheet: "Accounts", top: 0, left: 0, values: [["Account"], ["Example"]] };
  const { settings } = prepareReport(empty, { now: new Date(0) });
  return JSON.stringify({ ...settings, criteria: [], columns: {} }, null, 2);
}

/** The settings saved in a workbook's very hidden KAM Settings sheet (by the add-in or by kam). */
async function fromWorkbook(path: string): Promise<string> {
  if (!/^\.xls[xm]$/i.test(extname(path)))
    throw new InputError(`--from reads an .xlsx or .xlsm workbook, not ${path}.`);
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path).catch(() => {
    throw new InputError(`${path} is not a workbook that can be read.`);
  });
  const sheet = wb.worksheets.find((w) => w.name.toLowerCase() === SETTINGS_SHEET.toLowerCase());
  if (!sheet) throw new InputError(`${path} holds no KAM settings (no "${SETTINGS_SHEET}" sheet).`);
  const cells: unknown[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) cells.push(sheet.getCell(`A${r}`).value);
  const parsed = parseSettings(settingsFromCells(cells));
  if (isKamError(parsed)) throw new InputError(`${path}: ${parsed.message}`);
  return JSON.stringify(parsed, null, 2);
}

export async function runSettings(from: string | undefined, io: Io): Promise<number> {
  io.stdout.write(`${from ? await fromWorkbook(from) : defaults()}\n`);
  return 0;
}
