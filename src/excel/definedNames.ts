import type { DefinedName } from "../report/plan";
import { parseOwned } from "./sheetOwnership";

/** The defined names the add-in set (lower case, as Excel compares them): only those may be replaced by a rebuild. */
export const OWNED_NAMES_KEY = "kam.ownedNames";

export interface NameLookup {
  readonly existing: readonly Excel.NamedItem[];
  readonly ownedSetting: Excel.Setting;
}

/** Queues what setNames needs to know, for the first sync: which planned names exist, and which the add-in made. */
export function loadNames(context: Excel.RequestContext, names: readonly DefinedName[]): NameLookup {
  const ownedSetting = context.workbook.settings.getItemOrNullObject(OWNED_NAMES_KEY);
  ownedSetting.load("value");
  const existing = names.map((n) => {
    const item = context.workbook.names.getItemOrNullObject(n.name);
    item.load("name");
    return item;
  });
  return { existing, ownedSetting };
}

/**
 * Sets the planned names (ExcelApi 1.4) and records them as the add-in's. A name the add-in made before is replaced;
 * a name the analyst made is theirs: it stays as it is, and `skipped` says the planned one was not set.
 */
export function setNames(
  context: Excel.RequestContext,
  names: readonly DefinedName[],
  lookup: NameLookup,
  skipped: string[],
): void {
  const owned = parseOwned(lookup.ownedSetting.isNullObject ? undefined : lookup.ownedSetting.value);
  names.forEach((n, i) => {
    const current = lookup.existing[i];
    if (!current.isNullObject && !owned.has(n.name.toLowerCase())) {
      skipped.push(
        `The name "${n.name}" already exists in this workbook and is not the add-in's: it was left as it is.`,
      );
      return;
    }
    if (!current.isNullObject) current.delete();
    context.workbook.names.add(n.name, `=${n.refersTo}`);
    owned.add(n.name.toLowerCase());
  });
  if (names.length > 0) context.workbook.settings.add(OWNED_NAMES_KEY, JSON.stringify([...owned]));
}
