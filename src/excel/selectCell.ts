import { splitRangeAddress } from "../core";
import { syncExplained } from "./excelErrors";

/** The sheet named, found in one sync, or a sentence saying it is gone (renamed or deleted since it was read). */
async function findSheet(context: Excel.RequestContext, name: string, then: string): Promise<Excel.Worksheet> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(name);
  sheet.load("name");
  await syncExplained(context);
  if (sheet.isNullObject)
    throw new Error(`This workbook has no sheet "${name}" any more (renamed or deleted?): ${then}`);
  return sheet;
}

/**
 * Shows an issue's cell in Excel: activates its sheet and selects the cell, or the range of a whole-table issue, in
 * two syncs. `address` is as the account model writes it: 'Account Data'!D17.
 */
export async function selectCell(context: Excel.RequestContext, address: string): Promise<void> {
  const at = splitRangeAddress(address);
  if (!at) throw new Error(`"${address}" is not a cell of a sheet in this workbook.`);
  const sheet = await findSheet(context, at.sheet, "click Use selection to read the table where it is now.");
  sheet.activate();
  sheet.getRange(at.range).select();
  await syncExplained(context);
}

/** Brings a sheet to the front ("Open KPI Dashboard" after a build), in two syncs. */
export async function activateSheet(context: Excel.RequestContext, name: string): Promise<void> {
  const sheet = await findSheet(context, name, "build again to make it.");
  sheet.activate();
  await syncExplained(context);
}
