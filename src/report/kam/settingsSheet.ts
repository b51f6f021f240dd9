import { SETTINGS_SHEET, settingsCells, type KamSettings } from "../../core";
import type { SheetPlan } from "../plan";

/**
 * The very hidden sheet with the settings a workbook was built with, for files written outside Excel (`kam`): the
 * add-in and `kam settings --from` read it back, so a colleague's rebuild makes the same sheets. In Excel the add-in
 * saves settings itself (src/excel/workbookSettings.ts), so plans applied there leave this sheet out.
 */
export function settingsSheet(settings: KamSettings): SheetPlan {
  return {
    name: SETTINGS_SHEET,
    visibility: "veryHidden",
    blocks: [{ at: "A1", rows: settingsCells(settings).map((c) => [c]) }],
  };
}
