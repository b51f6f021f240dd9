import type ExcelJS from "exceljs";
import type { RangeStyle } from "../report/plan";
import { boxOf, type Box } from "../report/cellRefs";

const argb = (hex: string) => `FF${hex.toUpperCase()}`;

/**
 * The styles of a plan's ranges, looked up row by row for a writer that streams rows out in order.
 *
 * A 100,000-row sheet styled by five ranges has only a handful of distinct row shapes (header row, first data row,
 * body rows, last row): each shape's per-column styles are built once and the same objects are handed to every row
 * of that shape, so styling costs no allocation per cell.
 */
export class RowStyles {
  private readonly ranges: readonly { readonly style: RangeStyle; readonly box: Box }[];
  private readonly shapes = new Map<string, ReadonlyMap<number, Partial<ExcelJS.Style>>>();
  /** Last row any style reaches (0 when there are none). */
  readonly lastRow: number;

  constructor(styles: readonly RangeStyle[]) {
    this.ranges = styles.map((style) => ({ style, box: boxOf(style.range) }));
    this.lastRow = this.ranges.reduce((m, r) => Math.max(m, r.box.bottom), 0);
  }

  /** Column (1-based) → style for the cells of row `row` (1-based); empty when no range covers the row. */
  forRow(row: number): ReadonlyMap<number, Partial<ExcelJS.Style>> {
    let key = "";
    for (let i = 0; i < this.ranges.length; i++) {
      const { box } = this.ranges[i];
      if (row < box.top || row > box.bottom) continue;
      // Borders differ on a range's first and last row; everything else is the same all the way down.
      key += `${i}${row === box.top ? "t" : ""}${row === box.bottom ? "b" : ""},`;
    }
    let shape = this.shapes.get(key);
    if (!shape) {
      shape = this.buildShape(row);
      this.shapes.set(key, shape);
    }
    return shape;
  }

  private buildShape(row: number): Map<number, Partial<ExcelJS.Style>> {
    const byColumn = new Map<number, Partial<ExcelJS.Style>>();
    for (const { style: s, box } of this.ranges) {
      if (row < box.top || row > box.bottom) continue;
      for (let col = box.left; col <= box.right; col++) {
        const cell = byColumn.get(col) ?? {};
        byColumn.set(col, layer(cell, s, box, row, col));
      }
    }
    return byColumn;
  }
}

/** One range's style laid over what earlier ranges gave the cell: later ranges win, property by property. */
function layer(
  base: Partial<ExcelJS.Style>,
  s: RangeStyle,
  box: Box,
  row: number,
  col: number,
): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = { ...base };
  if (s.numberFormat) out.numFmt = s.numberFormat;
  if (s.font) {
    out.font = defined({
      ...base.font,
      bold: s.font.bold,
      italic: s.font.italic,
      size: s.font.size,
      color: s.font.color ? { argb: argb(s.font.color) } : undefined,
    });
  }
  if (s.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.horizontalAlignment || s.verticalAlignment || s.wrapText) {
    out.alignment = defined({
      ...base.alignment,
      horizontal: s.horizontalAlignment,
      vertical: s.verticalAlignment,
      wrapText: s.wrapText,
    });
  }
  if (s.border) {
    const line = { style: s.border.style, color: { argb: argb(s.border.color ?? "BFBFBF") } } as const;
    const edges =
      s.border.edges === "all"
        ? { top: line, bottom: line, left: line, right: line }
        : s.border.edges === "bottom"
          ? { bottom: row === box.bottom ? line : undefined }
          : {
              top: row === box.top ? line : undefined,
              bottom: row === box.bottom ? line : undefined,
              left: col === box.left ? line : undefined,
              right: col === box.right ? line : undefined,
            };
    out.border = defined({ ...base.border, ...defined(edges) });
  }
  return out;
}

/** Drops undefined properties, so that a range that says nothing about bold leaves an earlier range's bold alone. */
function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
