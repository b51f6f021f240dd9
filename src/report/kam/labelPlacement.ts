import type { LabelPosition } from "../plan";

/**
 * A labelled point in data units (both axes 0–100), its label, and its marker's radius in the same units as each
 * renderer draws it: one radius per renderer (Excel draws bubbles at the plan's bubble scale, LibreOffice 7.4 at
 * Excel's default size whatever the scale), so that the side chosen suits each.
 */
export interface LabelledPoint {
  readonly x: number;
  readonly y: number;
  readonly radii: readonly number[];
  readonly text: string;
}

/**
 * How big a label is on the matrix chart, in data units, estimated for the chart as planned (I4:Q32, both axes
 * 0–100, labels in the default 10-point font): the plot is about 490 px wide and 450 px high, so a unit is ~4.9 px
 * across and ~4.5 px up; a character of 10-point text averages ~7 px (1.5 units) and a line ~16 px (3.5 units).
 * Measured on LibreOffice's picture of the chart: "Helix Chemicals SpA" (19 characters) took 27.5 units, a line 3;
 * a longer label wraps at a space, "Crown Telecom Wholesale AG" after 23 characters (lineChars).
 */
export const MATRIX_LABEL_SCALE = {
  charWidth: 1.5,
  lineHeight: 3.5,
  gap: 1.5,
  lineChars: 24,
  pad: 0.5,
  min: 0,
  max: 100,
} as const;

/**
 * The largest bubble's radius at bubble scale 100, in data units: Excel draws it a quarter of the plot's smaller side
 * across (~450 px, so ~56 px, ~11 units); LibreOffice's picture of the chart showed the same (its largest bubble
 * ~10 units across the strength axis), as it draws every bubble chart at that scale.
 */
const LARGEST_BUBBLE_RADIUS = 11;

/** A bubble's radius in data units: area in proportion to its size, the largest at `scale`% of Excel's default. */
export function bubbleRadius(size: number, largest: number, scale: number): number {
  if (!(largest > 0) || !(size > 0)) return 0;
  return ((LARGEST_BUBBLE_RADIUS * scale) / 100) * Math.sqrt(size / largest);
}

type Box = readonly [x0: number, y0: number, x1: number, y1: number];

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) * Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));

/** Right first, as scatter labels usually sit; then left, above, below; on the point itself last. */
const CANDIDATES: readonly LabelPosition[] = ["right", "left", "above", "below", "center"];

/** A label's lines when it wraps at spaces after `lineChars` characters. */
function lines(text: string, lineChars: number): string[] {
  const out: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = out.length - 1;
    if (last >= 0 && out[last].length + 1 + word.length <= lineChars) out[last] += ` ${word}`;
    else out.push(word);
  }
  return out.length ? out : [""];
}

/**
 * Which points to name, and on which side of each its name goes, so that no name covers another: points in order
 * (pass the most important first), each named on the first side where its name stays inside the plot and clear of
 * the names placed before it (by `pad` units all round), in every renderer's drawing (one per radius); a point with
 * no such side stays unnamed (undefined), and naming stops after `limit` names. Chosen for the values when built: a
 * point that moves later keeps its side.
 */
export function placeLabels(
  points: readonly LabelledPoint[],
  limit: number,
  scale: typeof MATRIX_LABEL_SCALE = MATRIX_LABEL_SCALE,
): (LabelPosition | undefined)[] {
  const { charWidth, lineHeight, gap, lineChars, pad, min, max } = scale;
  const views = Math.max(1, ...points.map((p) => p.radii.length));
  /** Names placed so far, in each renderer's drawing. */
  const placed: Box[][] = Array.from({ length: views }, () => []);
  const box = (p: LabelledPoint, side: LabelPosition, view: number): Box => {
    const text = lines(p.text, lineChars);
    const w = Math.max(...text.map((l) => l.length)) * charWidth;
    const h = text.length * lineHeight;
    const off = (p.radii[view] ?? p.radii[0] ?? 0) + gap;
    if (side === "center") return [p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2];
    if (side === "right") return [p.x + off, p.y - h / 2, p.x + off + w, p.y + h / 2];
    if (side === "left") return [p.x - off - w, p.y - h / 2, p.x - off, p.y + h / 2];
    if (side === "above") return [p.x - w / 2, p.y + off, p.x + w / 2, p.y + off + h];
    return [p.x - w / 2, p.y - off - h, p.x + w / 2, p.y - off];
  };
  const clear = (b: Box, earlier: readonly Box[]) =>
    b[0] >= min &&
    b[1] >= min &&
    b[2] <= max &&
    b[3] <= max &&
    earlier.every((q) => overlap([b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad], q) === 0);
  let named = 0;
  return points.map((p) => {
    if (named >= limit || p.text.trim() === "") return undefined;
    const side = CANDIDATES.find((c) => placed.every((earlier, v) => clear(box(p, c, v), earlier)));
    if (side === undefined) return undefined;
    placed.forEach((earlier, v) => earlier.push(box(p, side, v)));
    named++;
    return side;
  });
}
