import { numberRules, readNumber } from "./cellValues";
import { FIELDS, headerYear, normaliseHeader } from "./fields";
import type { ColumnMapping } from "./mapping";
import type { TableInput } from "./table";
import type { AccountTable } from "./validate";

/** One year's revenue column of the table, per accepted account (NaN where blank or not a number). */
export interface RevenuePeriod {
  readonly header: string;
  readonly year: number;
  /** The mapped field this column already is, if any: the trend's last two points are revenue and prior revenue. */
  readonly field?: "revenue" | "priorRevenue";
  readonly values: Float64Array;
}

const REVENUE_NAMES = new Set(FIELDS.revenue.synonyms);

/**
 * The table's revenue by year, oldest first, where it has three years or more ("Revenue FY23 | FY24 | FY25", or
 * columns titled by their year): the mapped revenue and prior revenue, and the earlier years beside them, which the
 * account model does not read as fields. The earlier years' cells are read as the model reads numbers; a cell that
 * is not a number is a gap in the trend (those columns feed a chart, never a KPI).
 */
export function revenuePeriods(input: TableInput, mapping: ColumnMapping, table: AccountTable): RevenuePeriod[] {
  const fieldOf = (j: number) =>
    mapping.fields.revenue?.column === j
      ? ("revenue" as const)
      : mapping.fields.priorRevenue?.column === j
        ? ("priorRevenue" as const)
        : undefined;
  const columns = mapping.headers
    .map((header, column) => ({ header, column, year: headerYear(header), field: fieldOf(column) }))
    .filter(
      (c) =>
        c.year !== undefined &&
        (c.field !== undefined || REVENUE_NAMES.has(normaliseHeader(c.header)) || /^\d{4}$/.test(c.header.trim())),
    );
  if (!columns.some((c) => c.field === "revenue")) return [];
  const years = new Set(columns.map((c) => c.year));
  if (years.size < 3 || years.size !== columns.length) return [];
  const rules = numberRules(input.separators);
  return columns
    .sort((a, b) => a.year! - b.year!)
    .map((c) => {
      const mapped = c.field ? table.numbers[c.field] : undefined;
      const values =
        mapped ??
        Float64Array.from(table.sourceRows, (sheetRow) => {
          const n = readNumber(input.values[sheetRow - input.top][c.column], rules);
          return typeof n === "number" ? n : Number.NaN;
        });
      return { header: c.header, year: c.year!, field: c.field, values };
    });
}
