import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCuts, SEGMENTS_2X2, SEGMENTS_3X3, segmentIndex } from "../../../src/core";

const name2 = (a: number, s: number, ac = 50, sc = 50) => SEGMENTS_2X2[segmentIndex(a, s, [ac], [sc])]?.name;

describe("segmentIndex on the 2×2 grid (McDonald, Millman & Rogers 1997)", () => {
  it("names the four cells, top-left first", () => {
    expect(SEGMENTS_2X2.map((s) => s.name)).toEqual(["Strategic", "Star", "Status", "Streamline"]);
    expect(name2(80, 80)).toBe("Strategic"); // high attractiveness, high strength
    expect(segmentIndex(70, 20, [50], [50])).toBe(1); // the doc comment's example: Star (high, low)
    expect(name2(20, 90)).toBe("Status"); // low, high
    expect(name2(10, 10)).toBe("Streamline"); // low, low
  });

  it("counts a score equal to the cut as high", () => {
    expect(name2(50, 50)).toBe("Strategic");
    expect(name2(49.999, 50)).toBe("Status");
    expect(name2(50, 49.999)).toBe("Star");
    expect(name2(60, 40, 60, 40)).toBe("Strategic");
  });

  it("gives −1 when a score is missing", () => {
    expect(segmentIndex(Number.NaN, 50, [50], [50])).toBe(-1);
    expect(segmentIndex(50, Number.NaN, [50], [50])).toBe(-1);
  });

  it("is monotone: more attractiveness or more strength never moves an account down or left", () => {
    const score = fc.double({ min: 0, max: 100, noNaN: true });
    fc.assert(
      fc.property(score, score, score, score, (a, s, da, ds) => {
        const before = segmentIndex(a, s, [50], [50]);
        const after = segmentIndex(Math.min(100, a + da), Math.min(100, s + ds), [50], [50]);
        // row = 1 − band(attractiveness), column = 1 − band(strength): both can only fall
        return Math.floor(after / 2) <= Math.floor(before / 2) && after % 2 <= before % 2;
      }),
    );
  });
});

describe("segmentIndex on the 3×3 grid", () => {
  it("uses cuts at thirds and names the nine cells, top-left first", () => {
    const thirds = defaultCuts(3);
    expect(defaultCuts(2)).toEqual([50]);
    expect(thirds).toEqual([100 / 3, 200 / 3]);
    // row by row from the top-left (highest attractiveness, highest strength first), as the module documents
    expect(SEGMENTS_3X3.map((s) => s.name)).toEqual([
      "Invest",
      "Grow",
      "Develop",
      "Protect",
      "Selective",
      "Opportunistic",
      "Maintain",
      "Harvest",
      "Streamline",
    ]);
    const name3 = (a: number, s: number) => SEGMENTS_3X3[segmentIndex(a, s, thirds, thirds)].name;
    expect(name3(90, 90)).toBe("Invest");
    expect(name3(90, 10)).toBe("Develop");
    expect(name3(50, 50)).toBe("Selective");
    expect(name3(10, 90)).toBe("Maintain");
    expect(name3(10, 10)).toBe("Streamline");
    // on the cut: 200/3 is high, 100/3 middle
    expect(name3(200 / 3, 100 / 3)).toBe("Grow");
  });

  it("gives every pair of scores a cell of the grid", () => {
    const thirds = defaultCuts(3);
    const score = fc.double({ min: 0, max: 100, noNaN: true });
    fc.assert(
      fc.property(score, score, (a, s) => {
        const i = segmentIndex(a, s, thirds, thirds);
        return Number.isInteger(i) && i >= 0 && i < 9;
      }),
    );
  });
});
