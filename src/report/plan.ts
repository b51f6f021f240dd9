/**
 * A workbook plan: the sheets the add-in generates, described as plain, JSON-serialisable data. Builders in
 * src/report produce plans; the Office.js adapter (src/excel) and the .xlsx writer (src/xlsx) draw them and compute
 * nothing. A snapshot of a plan is a readable test of a report.
 *
 * Big blocks stay cheap: a block is a 2-D array of cells (numbers, text, booleans, blanks, or `{ f }` formulas), a
 * column block holds the report's own columns (a Float64Array of numbers is used as it is, not copied into rows), a
 * pattern block one row of formulas for any number of rows, and styles apply to ranges, never to one cell object at a
 * time. Plain data, JSON-serialisable but for those typed number columns. Ranges are A1 references on the plan's own sheet
 * ("B2:D40"); formulas use Excel's English function names, written without the leading "=", so that no text value can
 * ever be taken for a formula.
 */

/** A formula, without "=": `{ f: "SUM(B2:B9)" }`. Kept apart from text so that text is always written as text. */
export interface FormulaCell {
  readonly f: string;
}

/** `null` writes nothing: the cell stays empty, or keeps what an earlier block put there (both renderers). */
export type PlanCell = string | number | boolean | null | FormulaCell;

export interface CellBlock {
  /** Top-left cell, e.g. "A5". */
  readonly at: string;
  readonly rows: readonly (readonly PlanCell[])[];
}

/** In a pattern block's formulas, the sheet row each written row is on. */
export const ROW_TOKEN = "{row}";

/**
 * `count` rows that follow one pattern, from `at` down: row k is `pattern` with ROW_TOKEN in each formula replaced by
 * its own sheet row number (`{ f: "IF($M{row}>0,1,0)" }`). For computed columns over many accounts: the plan holds
 * one row instead of 100,000 formula strings, and each renderer writes the rows as it streams them out.
 */
export interface PatternBlock {
  readonly at: string;
  readonly count: number;
  readonly pattern: readonly PlanCell[];
}

/**
 * A column of a column block: numbers, where NaN writes nothing (as null does: NaN is how the core marks a blank), or
 * the cells themselves.
 */
export type PlanColumn = Float64Array | readonly PlanCell[];

/**
 * `count` rows from `at` down, given column by column (left to right): for the analyst's data over many accounts. The
 * plan then points at the columns the report already holds (the account table's typed columns, its labels) instead
 * of a row array per account (~450 bytes a row at 1,000,000 accounts), and each renderer makes a row as it writes it.
 * Every column has `count` entries.
 */
export interface ColumnBlock {
  readonly at: string;
  readonly count: number;
  readonly columns: readonly PlanColumn[];
}

export interface FontStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  /** Hex RGB, "1F3864". */
  readonly color?: string;
}

export interface RangeStyle {
  readonly range: string;
  readonly numberFormat?: string;
  readonly font?: FontStyle;
  /** Solid fill, hex RGB. */
  readonly fill?: string;
  readonly border?: {
    readonly edges: "all" | "outline" | "bottom";
    readonly style: "thin" | "medium";
    readonly color?: string;
  };
  readonly horizontalAlignment?: "left" | "center" | "right";
  readonly verticalAlignment?: "top" | "middle" | "bottom";
  readonly wrapText?: boolean;
}

export type ConditionalFormat =
  | { readonly type: "colorScale"; readonly range: string; readonly colors: readonly [string, string, string] }
  | { readonly type: "dataBar"; readonly range: string; readonly color: string }
  | {
      readonly type: "cellValue";
      readonly range: string;
      readonly operator: "greaterThan" | "lessThan" | "between" | "equal";
      /** Formula text without "=", e.g. "0.1" or "$B$2". */
      readonly formula1: string;
      readonly formula2?: string;
      readonly fill?: string;
      readonly fontColor?: string;
    };

export interface TablePlan {
  /** Excel table name: letters, digits, underscores; unique in the workbook. */
  readonly name: string;
  /** The whole table, header row included. */
  readonly range: string;
  readonly style?: string;
}

/** "stackedBar": horizontal bars whose series are stacked end to end, one bar per category (parts of a whole). */
export type ChartKind = "scatter" | "bubble" | "column" | "bar" | "stackedBar" | "doughnut" | "line";

/**
 * Scatter and bubble charts plot x and y on two value axes: their labels take a side of their point, both axes take
 * bounds and crossings, and a #N/A value is a gap. Every renderer and the plan's checks ask this one question.
 */
export const plotsTwoValueAxes = (kind: ChartKind): boolean => kind === "scatter" || kind === "bubble";

/** Where a point's label sits beside its point. */
export type LabelPosition = "right" | "left" | "above" | "below" | "center";

export interface ChartSeries {
  readonly name: string;
  /** Categories (column, bar, line, doughnut) or x values (scatter, bubble): a range on this sheet. */
  readonly categories?: string;
  readonly values: string;
  /** Bubble sizes (bubble charts only). */
  readonly sizes?: string;
  /** Point labels taken from a range (scatter/bubble account names). */
  readonly labels?: string;
  /**
   * The points (0-based, into `labels`) a host that labels point by point sets a label on (Office.js: one operation
   * each); absent: every point. A file's labels (the .xlsx "value from cells") take the whole range and follow it live.
   */
  readonly labelPoints?: readonly number[];
  /** Scatter and bubble charts: the side of its point each label sits on, by point of `labels`; absent: right. */
  readonly labelPositions?: readonly LabelPosition[];
  /** Hex RGB of the series. */
  readonly color?: string;
}

/**
 * Number format and bounds of one chart axis. Bounds apply to value axes only: the y axis of column, bar and line
 * charts, and both axes of scatter and bubble charts (a category axis has no scale; validatePlan refuses them there).
 */
export interface AxisPlan {
  /** Excel number format code for the tick labels, e.g. '#,##0,"k"', '0%', '0.0'. Absent: linked to the cells. */
  readonly numberFormat?: string;
  /** Lower and upper end of the axis, in data units. Absent: Excel chooses. */
  readonly min?: number;
  readonly max?: number;
}

export interface ChartPlan {
  readonly kind: ChartKind;
  readonly title: string;
  /** Where it sits: the cell under its top-left and bottom-right corners. */
  readonly from: string;
  readonly to: string;
  readonly series: readonly ChartSeries[];
  readonly xAxisTitle?: string;
  readonly yAxisTitle?: string;
  /**
   * x and y mean what they mean for the titles: x is the category axis (column, bar, line; for "bar" and "stackedBar" it stands
   * vertical) or the x value axis (scatter, bubble), y the value axis. Doughnuts have no axes.
   */
  readonly xAxis?: AxisPlan;
  readonly yAxis?: AxisPlan;
  /**
   * Where the axes cross, in data units (scatter and bubble only): the vertical axis stands at x = crossAt.x, the
   * horizontal one at y = crossAt.y. A quadrant chart is split by its own axes at the cut values; tick labels then
   * move to the plot's edge.
   */
  readonly crossAt?: { readonly x?: number; readonly y?: number };
  /** Bubble charts: bubble size as a percentage of Excel's default (10–300; default 100 in Excel, 60 here). */
  readonly bubbleScale?: number;
  readonly legend?: "right" | "bottom" | "none";
}

export interface SheetPlan {
  /** Excel's rules apply: 1–31 characters, none of []:*?/\ (see sanitizeSheetName). */
  readonly name: string;
  readonly tabColor?: string;
  /** "veryHidden": only code can show it (Excel's xlVeryHidden), for data the add-in keeps, such as its settings. */
  readonly visibility?: "visible" | "veryHidden";
  readonly showGridlines?: boolean;
  readonly freeze?: { readonly rows: number; readonly columns: number };
  /** Column widths in characters, by column letter. */
  readonly columnWidths?: Readonly<Record<string, number>>;
  /** Row heights in points (Excel's default is 15), by 1-based row number: a title, a tile, a wrapped header. */
  readonly rowHeights?: Readonly<Record<number, number>>;
  readonly merges?: readonly string[];
  readonly blocks: readonly CellBlock[];
  /** Written after `blocks` (a later block wins where they overlap). */
  readonly columns?: readonly ColumnBlock[];
  /** Written after `blocks` and `columns`. */
  readonly patterns?: readonly PatternBlock[];
  readonly styles?: readonly RangeStyle[];
  readonly conditionalFormats?: readonly ConditionalFormat[];
  readonly tables?: readonly TablePlan[];
  readonly charts?: readonly ChartPlan[];
  readonly print?: { readonly landscape?: boolean; readonly fitToOnePage?: boolean; readonly area?: string };
  /**
   * A sheet whose tables are only ever appended to (KAM History): `keptRows` gives, per table name, how many of its
   * data rows (those right under the header) the workbook already holds as planned. A renderer that draws into a
   * fresh file writes the whole sheet; one that finds its own earlier sheet (src/excel) never clears or rewrites it:
   * it adds the rows after the kept ones to each table and touches nothing else.
   */
  readonly appendOnly?: { readonly keptRows: Readonly<Record<string, number>> };
}

/**
 * A defined name for the analyst's own formulas ("=TotalRevenue*1.1"). The Office renderer never replaces a name the
 * analyst made (it says so instead), so the plan's own formulas refer to cells, not to names.
 */
export interface DefinedName {
  readonly name: string;
  /** A reference or formula without "=", e.g. "'KPI Dashboard'!$B$4". */
  readonly refersTo: string;
}

export interface WorkbookPlan {
  readonly sheets: readonly SheetPlan[];
  readonly names?: readonly DefinedName[];
}

export function isFormula(cell: PlanCell): cell is FormulaCell {
  return typeof cell === "object" && cell !== null;
}
