/**
 * The look of the generated KAM sheets in one place: colours, number formats as a finance reader expects (revenue in
 * thousands, rates as %, scores to one decimal), and the small style pieces every sheet repeats.
 */
import type { Kpi } from "../../core";
import type { RangeStyle } from "../plan";

export const COLOURS = {
  title: "1F3864",
  header: "1F3864",
  headerText: "FFFFFF",
  input: "DDEBF7",
  muted: "595959",
  band: "F2F2F2",
  good: "C6EFCE",
  goodText: "006100",
  bad: "FFC7CE",
  badText: "9C0006",
  revenue: "2E75B6",
  prior: "A5A5A5",
} as const;

/** One colour per portfolio cell, top-left first: strongest position green, weakest grey. */
export const SEGMENT_COLOURS_2X2 = ["70AD47", "4472C4", "FFC000", "A5A5A5"] as const;
export const SEGMENT_COLOURS_3X3 = [
  "548235",
  "70AD47",
  "4472C4",
  "A9D08E",
  "9DC3E6",
  "FFD966",
  "FFC000",
  "F4B183",
  "A5A5A5",
] as const;

export const FORMATS = {
  money: '#,##0,"k";-#,##0,"k";0',
  moneyFull: "#,##0",
  percent: "0.0%",
  score: "0.0",
  count: "#,##0",
  number: "0.0",
  ratio: "0.00",
} as const;

/** A KPI's number format by its kind, wherever its value is shown (tiles, the key figures, the progress trend). */
export const KPI_FORMAT: Record<Kpi["format"], string> = {
  count: FORMATS.count,
  percent: FORMATS.percent,
  money: FORMATS.money,
  number: FORMATS.number,
};

export const title = (range: string): RangeStyle => ({ range, font: { bold: true, size: 16, color: COLOURS.title } });
export const note = (range: string): RangeStyle => ({ range, font: { italic: true, color: COLOURS.muted } });
export const header = (range: string): RangeStyle => ({
  range,
  font: { bold: true, color: COLOURS.headerText },
  fill: COLOURS.header,
  wrapText: true,
  verticalAlignment: "middle",
});
export const section = (range: string): RangeStyle => ({
  range,
  font: { bold: true, size: 12, color: COLOURS.title },
  border: { edges: "bottom", style: "medium", color: COLOURS.title },
});
export const grid = (range: string): RangeStyle => ({ range, border: { edges: "all", style: "thin" } });

/** Points per line of 11-point text: Excel's default row (15) holds one. */
const LINE_POINTS = 15;

/**
 * Lines a label takes when it wraps at spaces in a column `width` characters wide (Excel's unit, the default font's
 * digit): a character to spare for bold header text; a word longer than the line breaks within it.
 */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, Math.floor(width) - 1);
  let lines = 0;
  let used = room; // the first word starts a line
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (used + 1 + word.length <= room) {
      used += 1 + word.length;
      continue;
    }
    lines += Math.ceil(word.length / room);
    used = word.length - (Math.ceil(word.length / room) - 1) * room;
  }
  return Math.max(1, lines);
}

/**
 * The width (characters) a bold header label needs to keep one line by wrappedLines' count (a character to spare),
 * between `min` and `max`: a longer label wraps at `max`.
 */
export function labelWidth(text: string, min: number, max: number): number {
  return Math.min(max, Math.max(min, text.length + 1));
}

/** The widest (characters) labelWidth lets a criterion's column grow to keep its name on one line. */
export const LABEL_MAX_WIDTH = 24;

/**
 * The height (points) a header row needs where some label wraps in its column (Excel does not grow a row for wrapped
 * text written by an add-in or a file), or none where every label keeps one line.
 */
export function wrappedHeaderHeight(labels: readonly { readonly text: string; readonly width: number }[]) {
  return labels.some((l) => wrappedLines(l.text, l.width) > 1) ? wrappedRowHeight(labels) : undefined;
}

/** The height (points) of a header row whose labels wrap in their columns: the longest label's lines, 3 to spare. */
export function wrappedRowHeight(labels: readonly { readonly text: string; readonly width: number }[]): number {
  return Math.max(1, ...labels.map((l) => wrappedLines(l.text, l.width))) * LINE_POINTS + 3;
}
