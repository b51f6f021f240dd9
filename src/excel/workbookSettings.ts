import {
  isKamError,
  parseSettings,
  serializeSettings,
  SETTINGS_SHEET,
  settingsCells,
  settingsFromCells,
  type KamError,
  type KamSettings,
} from "../core";
import { syncExplained } from "./excelErrors";
import type { ContextSubset } from "./excelSubset";

/** The key in workbook.settings (ExcelApi 1.4): per file and per add-in, travels with the workbook. */
export const SETTINGS_KEY = "kam.settings";
/**
 * A second copy goes in a very hidden sheet the add-in owns (SETTINGS_SHEET, core/accounts/settings.ts):
 * workbook.settings persistence has had platform bugs (office-js#6091 on Mac, #5206 on the web), and a colleague's
 * rebuild should never depend on one mechanism.
 */
export { SETTINGS_SHEET };

/** Saves settings to both places in one sync. */
export async function saveSettings(context: ContextSubset, settings: KamSettings): Promise<void> {
  context.workbook.settings.add(SETTINGS_KEY, serializeSettings(settings));
  let sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  sheet.load("name");
  await syncExplained(context);
  if (sheet.isNullObject) sheet = context.workbook.worksheets.add(SETTINGS_SHEET);
  sheet.visibility = "VeryHidden";
  const parts: string[][] = settingsCells(settings).map((c) => [c]);
  parts.push([""]); // an empty cell ends the copy, so a shorter save never leaves a longer one's tail behind
  sheet.getRange(`A1:A${parts.length}`).values = parts;
  await syncExplained(context);
}

export interface LoadedSettings {
  /** The newest valid copy, if any. */
  readonly settings?: KamSettings;
  /** Why a copy was not used (damaged, newer version, …), for the taskpane to show. */
  readonly problems: readonly KamError[];
}

/** Reads both copies in one sync and keeps the newest valid one. */
export async function loadSettings(context: ContextSubset, maxCells = 64): Promise<LoadedSettings> {
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  item.load("value");
  const sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  sheet.load("name");
  await syncExplained(context);
  const copies: string[] = [];
  if (!item.isNullObject && typeof item.value === "string") copies.push(item.value);
  if (!sheet.isNullObject) {
    const cells = sheet.getRange(`A1:A${maxCells}`);
    cells.load("values");
    await syncExplained(context);
    const json = settingsFromCells(cells.values.map(([v]) => v));
    if (json) copies.push(json);
  }
  const problems: KamError[] = [];
  let best: KamSettings | undefined;
  for (const copy of copies) {
    const parsed = parseSettings(copy);
    if (isKamError(parsed)) problems.push(parsed);
    else if (!best || parsed.savedAt > best.savedAt) best = parsed;
  }
  return { settings: best, problems };
}
