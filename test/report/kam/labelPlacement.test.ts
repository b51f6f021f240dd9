/**
 * Where the matrix chart's names go (labelPlacement.ts): on a side of their point where they stay inside the plot and
 * clear of the names placed before them, in every renderer's drawing; a point without such a side stays unnamed.
 * And how a header label wraps (look.ts), which sets the parts chart data's header row height.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bubbleRadius, MATRIX_LABEL_SCALE, placeLabels } from "../../../src/report/kam/labelPlacement";
import { wrappedLines, wrappedRowHeight } from "../../../src/report/kam/look";
import type { LabelPosition } from "../../../src/report/plan";

const S = MATRIX_LABEL_SCALE;
const point = (x: number, y: number, text = "Acme Ltd", radii = [2]) => ({ x, y, text, radii });

/** A placed name's box in one drawing, as the placement reckons it (one line: the texts here are short). */
function box(p: ReturnType<typeof point>, side: LabelPosition, view: number) {
  const w = p.text.length * S.charWidth;
  const h = S.lineHeight;
  const off = p.radii[view] + S.gap;
  const c = {
    right: [p.x + off + w / 2, p.y],
    left: [p.x - off - w / 2, p.y],
    above: [p.x, p.y + off + h / 2],
    below: [p.x, p.y - off - h / 2],
    center: [p.x, p.y],
  }[side];
  return [c[0] - w / 2, c[1] - h / 2, c[0] + w / 2, c[1] + h / 2];
}
const apart = (a: number[], b: number[]) => a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1];

describe("placeLabels", () => {
  it("puts a lone name right of its point, and left of a point at the plot's right edge", () => {
    expect(placeLabels([point(50, 50)], 10)).toEqual(["right"]);
    expect(placeLabels([point(95, 50)], 10)).toEqual(["left"]);
    expect(placeLabels([point(95, 98)], 10)).toEqual(["left"]);
  });

  it("moves a name off a side an earlier name took, and leaves a point unnamed when no side is free", () => {
    // Five points in one place: right, then left, above and below of it; its centre is under the first two names.
    const same = Array.from({ length: 5 }, () => point(50, 50));
    expect(placeLabels(same, 10)).toEqual(["right", "left", "above", "below", undefined]);
    // A short name fits on the point itself where every side is taken.
    expect(placeLabels([...same.slice(0, 4), point(50, 50, "A")], 10)[4]).toBe("center");
  });

  it("stops after the limit, and names no point without a name", () => {
    const far = [point(10, 10), point(10, 50, ""), point(10, 90), point(60, 10), point(60, 90)];
    expect(placeLabels(far, 2)).toEqual(["right", undefined, "right", undefined, undefined]);
  });

  it("never lets two names overlap or leave the plot, in any drawing", () => {
    const points = fc.array(
      fc.record({
        x: fc.integer({ min: 0, max: 100 }),
        y: fc.integer({ min: 0, max: 100 }),
        text: fc.string({ unit: fc.constantFrom("a", "b", "c"), minLength: 1, maxLength: 20 }),
        radii: fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 12 })),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(points, fc.integer({ min: 0, max: 12 }), (ps, limit) => {
        const sides = placeLabels(ps, limit);
        const named = ps.flatMap((p, k) => (sides[k] ? [{ p, side: sides[k] }] : []));
        expect(named.length).toBeLessThanOrEqual(limit);
        for (const view of [0, 1]) {
          const boxes = named.map(({ p, side }) => box(p, side, view));
          for (const b of boxes) expect(b[0] >= 0 && b[1] >= 0 && b[2] <= 100 && b[3] <= 100).toBe(true);
          for (let a = 0; a < boxes.length; a++)
            for (let b = a + 1; b < boxes.length; b++) expect(apart(boxes[a], boxes[b])).toBe(true);
        }
      }),
    );
  });
});

describe("bubbleRadius", () => {
  it("gives bubble areas in proportion to their sizes, the largest a quarter of the plot at scale 100", () => {
    expect(bubbleRadius(4, 4, 100)).toBeCloseTo(11);
    expect(bubbleRadius(1, 4, 100)).toBeCloseTo(5.5);
    expect(bubbleRadius(4, 4, 30)).toBeCloseTo(3.3);
    expect(bubbleRadius(0, 4, 30)).toBe(0);
    expect(bubbleRadius(1, 0, 30)).toBe(0);
  });
});

describe("wrappedLines", () => {
  it("wraps at spaces within a column's width less a character, and breaks a longer word", () => {
    expect(wrappedLines("Attractiveness", 15)).toBe(1);
    expect(wrappedLines("Attractiveness", 14)).toBe(2);
    expect(wrappedLines("Innovation partnership", 12)).toBe(2);
    expect(wrappedLines("Innovation partnership", 30)).toBe(1);
    expect(wrappedLines("Growth potential", 10)).toBe(2);
    expect(wrappedLines("a b c d", 4)).toBe(2);
    expect(wrappedLines("", 10)).toBe(1);
    expect(
      wrappedRowHeight([
        { text: "Growth potential", width: 12 },
        { text: "Account", width: 26 },
      ]),
    ).toBe(33);
  });
});
