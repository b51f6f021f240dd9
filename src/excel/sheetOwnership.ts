/**
 * Which sheets the add-in owns, and what a rebuild may do with a planned sheet name. The add-in records the ids of the
 * sheets it creates in workbook.settings under `kam.ownedSheets` (ExcelApi 1.4; ids are stable across renames and
 * reorders). A rebuild replaces its own sheet in place; it never deletes or writes over a sheet the user made, even
 * one with the same name: then the planned sheet gets a free name ("KPI Dashboard (2)") and the result says so.
 */
export const OWNED_SHEETS_KEY = "kam.ownedSheets";

export interface ExistingSheet {
  readonly id: string;
  readonly name: string;
  readonly position: number;
}

export type SheetDecision =
  | { readonly action: "create"; readonly name: string }
  | { readonly action: "replace"; readonly name: string; readonly replaces: ExistingSheet }
  | { readonly action: "rename"; readonly name: string; readonly planned: string };

export function parseOwned(value: unknown): Set<string> {
  if (typeof value !== "string") return new Set();
  try {
    const ids = JSON.parse(value) as unknown;
    return new Set(Array.isArray(ids) ? ids.filter((x): x is string => typeof x === "string") : []);
  } catch {
    return new Set();
  }
}

/** Decides, for each planned sheet name, whether to create it, replace the add-in's own sheet, or take a new name. */
export function decideSheets(
  planned: readonly string[],
  existing: readonly ExistingSheet[],
  owned: ReadonlySet<string>,
): SheetDecision[] {
  // A new name must be free of the workbook's sheets and of every planned name, not only of the names handed out so
  // far: planned ["Summary", "Summary (2)"] beside the analyst's "Summary" would otherwise make "Summary (2)" twice.
  const taken = new Set([...existing.map((s) => s.name), ...planned].map((n) => n.toLowerCase()));
  return planned.map((name) => {
    const same = existing.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!same) return { action: "create", name };
    if (owned.has(same.id)) return { action: "replace", name, replaces: same };
    for (let n = 2; ; n++) {
      const suffix = ` (${n})`;
      const candidate = `${name.slice(0, 31 - suffix.length)}${suffix}`;
      if (!taken.has(candidate.toLowerCase())) {
        taken.add(candidate.toLowerCase());
        return { action: "rename", name: candidate, planned: name };
      }
    }
  });
}
