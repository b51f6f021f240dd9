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

describe("placeLabels at the edges of what it allows", () => {
  const name24 = "abcdefghijklmnopqrstuvwx"; // 24 characters, one line: 36 units wide, 3.5 high

  it("lets a name touch the plot's edge, on each side", () => {
    // radius 13: the name sits 14.5 units from its point; at x 50 it is too wide for the right (50 + 14.5 + 36 =
    // 100.5) and the left (50 - 14.5 - 36 = -0.5)
    // left: from 50.5 - 14.5 - 36 = 0 exactly (the right would end at 101)
    expect(placeLabels([point(50.5, 50, name24, [13])], 10)).toEqual(["left"]);
    // right: up to 49.5 + 14.5 + 36 = 100 exactly
    expect(placeLabels([point(49.5, 50, name24, [13])], 10)).toEqual(["right"]);
    // above: up to 82 + 14.5 + 3.5 = 100 exactly
    expect(placeLabels([point(50, 82, name24, [13])], 10)).toEqual(["above"]);
    // below: radius 46 puts it 47.5 away, down to 51 - 47.5 - 3.5 = 0 exactly (above would end at 102)
    expect(placeLabels([point(50, 51, name24, [46])], 10)).toEqual(["below"]);
  });

  it("keeps a name pad (0.5) clear of an earlier one on every side, and takes a gap of exactly pad", () => {
    // The first name: right of (10, 50), "abcd" 6 units wide: x 11.5 to 17.5, y 48.25 to 51.75.
    const first = point(10, 50, "abcd", [0]);
    // "ab" (3 wide) right of x 16.25 starts 0.25 after it; its left, above, below and centre all cross it
    expect(placeLabels([first, point(16.25, 50, "ab", [0])], 10)).toEqual(["right", undefined]);
    // 0.5 after it: clear
    expect(placeLabels([first, point(16.5, 50, "ab", [0])], 10)).toEqual(["right", "right"]);
    // left of x 12.75 it ends at 11.25, 0.25 before the first; its right and the rest cross it
    expect(placeLabels([first, point(12.75, 50, "ab", [0])], 10)).toEqual(["right", undefined]);
    expect(placeLabels([first, point(12.5, 50, "ab", [0])], 10)).toEqual(["right", "left"]);
    // right of (10, 53.75) its bottom is 52, 0.25 above the first: it goes left (x 5.5 to 8.5, clear of 11.5)
    expect(placeLabels([first, point(10, 53.75, "ab", [0])], 10)).toEqual(["right", "left"]);
    expect(placeLabels([first, point(10, 54, "ab", [0])], 10)).toEqual(["right", "right"]);
    // right of (10, 46.25) its top is 48, 0.25 below the first: left again
    expect(placeLabels([first, point(10, 46.25, "ab", [0])], 10)).toEqual(["right", "left"]);
    expect(placeLabels([first, point(10, 46, "ab", [0])], 10)).toEqual(["right", "right"]);
  });

  it("wraps a name after 24 characters at a space, and sizes it by its longest line", () => {
    // From x 70 (radius 0, 1.5 away) a name 36 units wide ends at 107.5 on the right: it goes left (from 32.5);
    // one 18 wide ends at 89.5: right.
    // 11 + 1 + 12 = 24 characters: one line, 36 wide
    expect(placeLabels([point(70, 50, "abcdefghijk abcdefghijkl", [0])], 10)).toEqual(["left"]);
    // 12 + 1 + 12 = 25: two lines of 12, 18 wide
    expect(placeLabels([point(70, 50, "abcdefghijkl abcdefghijkl", [0])], 10)).toEqual(["right"]);
    // 2 + 1 + 24 = 27: lines of 2 and 24 characters, as wide as the longer (36)
    expect(placeLabels([point(70, 50, `ab ${name24}`, [0])], 10)).toEqual(["left"]);
    // spaces between words are one space however many there are: "abcdefghijk    abcdefghijkl" is the 24 above
    expect(placeLabels([point(70, 50, "abcdefghijk    abcdefghijkl", [0])], 10)).toEqual(["left"]);
  });

  it("places a name with stray spaces around it as the name itself: they start no line", () => {
    // above (82, radius 13) the 24-character name just fits, up to 100; a second line would end at 103.5
    for (const text of [name24, ` ${name24}`, `${name24} `, `  ${name24}\t`])
      expect([text, placeLabels([point(50, 82, text, [13])], 10)]).toEqual([text, ["above"]]);
  });

  it("counts only the names placed towards the limit, and leaves no room taken by a point left unnamed", () => {
    const same = Array.from({ length: 5 }, () => point(50, 50));
    // the fifth point at (50, 50) finds no side and takes no name: the limit of 5 still has room for (10, 10)
    expect(placeLabels([...same, point(10, 10)], 5)).toEqual(["right", "left", "above", "below", undefined, "right"]);
  });

  it("names no point whose name is only spaces", () => {
    expect(placeLabels([point(50, 50, "   ")], 10)).toEqual([undefined]);
    expect(placeLabels([point(50, 50, " \t ")], 10)).toEqual([undefined]);
  });

  it("keeps the next names clear of a name on its point, as wide and high as the name", () => {
    // Radius 46 puts every side off the plot for "abcd" (6 wide): right to 103.5, left from -3.5, above to 101,
    // below from -1. Its name sits on the point: x 47 to 53, y 48.25 to 51.75.
    const onPoint = point(50, 50, "abcd", [46]);
    expect(placeLabels([onPoint], 10)).toEqual(["center"]);
    // "ab" (3 wide, radius 0) right of x 42.25 ends at 46.75, 0.25 before it: it goes left (37.75 to 40.75)
    expect(placeLabels([onPoint, point(42.25, 50, "ab", [0])], 10)).toEqual(["center", "left"]);
    // right of x 52 it starts at 53.5, 0.5 after it: clear
    expect(placeLabels([onPoint, point(52, 50, "ab", [0])], 10)).toEqual(["center", "right"]);
    // right of (48, 53.75) its bottom is 52, 0.25 above it; left of that point it ends at 46.5: clear
    expect(placeLabels([onPoint, point(48, 53.75, "ab", [0])], 10)).toEqual(["center", "left"]);
  });

  it("draws a point given one radius at that radius in every drawing", () => {
    // Two drawings (the second point has two radii); the first point has one: 10 in both, its name right of it at
    // x 21.5 to 57.5 (24 characters), y 48.25 to 51.75, in both drawings.
    // "ab" right of (15, 50) lies at x 16.5 to 19.5, 2 before it: clear in both drawings.
    expect(placeLabels([point(10, 50, name24, [10]), point(15, 50, "ab", [0, 0])], 10)).toEqual(["right", "right"]);
    // Were the first drawn without its radius in the second drawing (x 11.5 to 47.5), no side would be free.
    expect(placeLabels([point(10, 50, name24, [0]), point(15, 50, "ab", [0, 0])], 10)).toEqual(["right", undefined]);
  });
});

describe("bubbleRadius", () => {
  it("gives bubble areas in proportion to their sizes, the largest a quarter of the plot at scale 100", () => {
    expect(bubbleRadius(4, 4, 100)).toBeCloseTo(11);
    expect(bubbleRadius(1, 4, 100)).toBeCloseTo(5.5);
    expect(bubbleRadius(4, 4, 30)).toBeCloseTo(3.3);
    expect(bubbleRadius(0, 4, 30)).toBe(0);
    expect(bubbleRadius(1, 0, 30)).toBe(0);
    // a negative size (a credit-note revenue) draws no bubble
    expect(bubbleRadius(-1, 4, 30)).toBe(0);
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
