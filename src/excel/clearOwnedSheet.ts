import type { IsSetSupported } from "./sheetFeatures";

/**
 * Empties a sheet the add-in made before it is drawn again, keeping the sheet itself: its id, its tab position, and
 * every reference to it from the analyst's own formulas ('KPI Dashboard'!B4 would turn into #REF! if the sheet were
 * deleted and added again). Charts and tables must have been loaded (`items`); everything a plan can set is reset,
 * so what the new plan does not set does not linger from the old one.
 */
export function clearOwnedSheet(sheet: Excel.Worksheet, supported: IsSetSupported): void {
  for (const chart of sheet.charts.items) chart.delete();
  for (const table of sheet.tables.items) table.delete();
  const all = sheet.getRange();
  if (supported("ExcelApi", "1.6")) all.conditionalFormats.clearAll();
  all.unmerge();
  all.clear();
  if (supported("ExcelApi", "1.7")) {
    all.format.useStandardWidth = true;
    sheet.freezePanes.unfreeze();
    sheet.tabColor = "";
  }
  if (supported("ExcelApi", "1.8")) sheet.showGridlines = true;
}
