/**
 * Empties a sheet the add-in made before it is drawn again, keeping the sheet itself: its id, its tab position, and
 * every reference to it from the analyst's own formulas ('KPI Dashboard'!B4 would turn into #REF! if the sheet were
 * deleted and added again). Charts and tables must have been loaded (`items`); everything a plan can set is reset,
 * so what the new plan does not set does not linger from the old one. All of it is ExcelApi 1.10 or older.
 */
export function clearOwnedSheet(sheet: Excel.Worksheet): void {
  for (const chart of sheet.charts.items) chart.delete();
  for (const table of sheet.tables.items) table.delete();
  const all = sheet.getRange();
  all.conditionalFormats.clearAll();
  all.unmerge();
  all.clear();
  all.format.useStandardWidth = true;
  sheet.freezePanes.unfreeze();
  sheet.tabColor = "";
  sheet.showGridlines = true;
}
