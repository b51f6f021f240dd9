import { FIELDS, headerYear, normaliseHeader, type FieldId } from "./fields";
import type { ColumnMapping, MappingOverrides } from "./mapping";
import type { KamSettings } from "./settings";

/**
 * The bridge between a mapping and the settings saved in the workbook. Settings name columns by their header text
 * (a colleague may have inserted or moved columns since), so saving keeps the header of each mapped column, and
 * loading finds each saved header again in the table now selected: exactly, else by its normalised form and year
 * tag ("Revenue FY25" = "revenue fy 25"). A saved column that is gone is said, never silently replaced.
 */

/** What loading found: the analyst's earlier choices as overrides, and a sentence for each that could not be kept. */
export interface SavedChoices {
  readonly overrides: MappingOverrides;
  readonly notFound: readonly string[];
}

/** Column index of `header` among `headers`: the same text first, then the same normalised text and year. */
function findHeader(headers: readonly string[], header: string): number | undefined {
  const exact = headers.findIndex((h) => h.trim() === header.trim());
  if (exact >= 0) return exact;
  const key = normaliseHeader(header);
  const year = headerYear(header);
  const loose = headers.findIndex((h) => normaliseHeader(h) === key && headerYear(h) === year);
  return loose >= 0 ? loose : undefined;
}

/** The saved column choices and criteria, applied to the table now selected (see applyOverrides). */
export function choicesFromSettings(mapping: ColumnMapping, settings: KamSettings): SavedChoices {
  const fields: Partial<Record<FieldId, number | null>> = {};
  const notFound: string[] = [];
  for (const [field, header] of Object.entries(settings.columns) as [FieldId, string | null][]) {
    if (header === null) {
      fields[field] = null;
      continue;
    }
    const column = findHeader(mapping.headers, header);
    if (column === undefined) {
      notFound.push(
        `The saved column "${header}" (${FIELDS[field].label}) is not in the selected table; ` +
          `${FIELDS[field].label} is detected again.`,
      );
    } else fields[field] = column;
  }
  const criteria: { column: number; weight: number }[] = [];
  for (const c of settings.criteria) {
    const column = findHeader(mapping.headers, c.header);
    if (column === undefined) {
      notFound.push(`The saved criterion "${c.header}" is not in the selected table; the score leaves it out.`);
    } else criteria.push({ column, weight: c.weight });
  }
  let productColumns: number[] | undefined;
  if (settings.products) {
    productColumns = [];
    for (const header of settings.products) {
      const column = findHeader(mapping.headers, header);
      if (column === undefined) {
        notFound.push(
          `The saved product column "${header}" is not in the selected table; the whitespace leaves it out.`,
        );
      } else productColumns.push(column);
    }
  }
  const overrides = {
    fields,
    criteria,
    ...(productColumns ? { productColumns } : {}),
    reason: "saved in this workbook",
  };
  return { overrides, notFound };
}

/**
 * The mapping's choices in the settings' terms: each mapped field and criterion by its header text, the fields the
 * analyst set to no column (`unmapped`) as null, and the product block by its headers.
 */
export function settingsColumns(
  mapping: ColumnMapping,
  unmapped: readonly FieldId[] = [],
  productsChosen = false,
): Pick<KamSettings, "columns" | "criteria" | "products"> {
  const columns: Partial<Record<FieldId, string | null>> = {};
  for (const field of unmapped) columns[field] = null;
  for (const [field, match] of Object.entries(mapping.fields) as [FieldId, { header: string } | undefined][]) {
    if (match && match.header.trim() !== "") columns[field] = match.header;
  }
  const criteria = mapping.criteria
    .filter((c) => c.header.trim() !== "")
    .map((c) => ({ header: c.header, weight: c.weight }));
  // The block is saved where there is one, or where the analyst chose it (even none): a table without one, never
  // chosen, saves nothing, so a block added to the table later is detected.
  const products = (mapping.productBlock ?? []).map((p) => p.header).filter((h) => h.trim() !== "");
  return { columns, criteria, ...(products.length > 0 || productsChosen ? { products } : {}) };
}
