/**
 * How many lines a header label wraps to (src/report/kam/look.ts wrappedLines), on the text a header can hold: runs of
 * spaces, tabs and newlines between words, spaces at either end, and words longer than the line, which break within
 * them and leave the rest of their last line to the next word. Expected lines counted by hand.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { labelWidth, wrappedLines, wrappedRowHeight } from "../../../src/report/kam/look";

describe("wrappedLines", () => {
  it("counts a run of spaces, tabs or newlines between two words as one space", () => {
    // width 6: 5 characters to a line; "ab cd" is 5
    expect(wrappedLines("ab cd", 6)).toBe(1);
    expect(wrappedLines("ab  cd", 6)).toBe(1);
    expect(wrappedLines("ab \t\n cd", 6)).toBe(1);
    expect(wrappedLines("ab\n\ncd", 6)).toBe(1);
    expect(wrappedLines("ab   cd  ef", 6)).toBe(2);
    // one more character and the second word moves to a line of its own
    expect(wrappedLines("ab  cde", 6)).toBe(2);
  });

  it("ignores spaces before the first word and after the last", () => {
    expect(wrappedLines("   ab cd", 6)).toBe(1);
    expect(wrappedLines("ab cd   ", 6)).toBe(1);
    expect(wrappedLines("\n ab cd \n", 6)).toBe(1);
    expect(wrappedLines("   ", 6)).toBe(1);
  });

  it("breaks a word longer than the line and lets the next word share its last line", () => {
    // 5 to a line: "abcde|fg a" is two lines, the "a" after the 2 left of the long word
    expect(wrappedLines("abcdefg a", 6)).toBe(2);
    expect(wrappedLines("abcdefg ab", 6)).toBe(2);
    expect(wrappedLines("abcdefg abc", 6)).toBe(3);
    // a word of exactly two lines fills its last line: the next word starts a third
    expect(wrappedLines("abcdefghij a", 6)).toBe(3);
    // three lines and 2 left over: "ab" fits beside them ("kl ab")
    expect(wrappedLines("abcdefghijkl ab", 6)).toBe(3);
    expect(wrappedLines("a abcdefghijkl ab", 6)).toBe(4);
    expect(wrappedLines("abcdefghijkl ab cd", 6)).toBe(4);
    // 1 to a line at width 2 (and below): a character a line, spaces free
    expect(wrappedLines("abc d", 2)).toBe(4);
    expect(wrappedLines("abc d", 1)).toBe(4);
  });

  it("gives a header row the longest label's lines at 15 points each, 3 to spare", () => {
    expect(
      wrappedRowHeight([
        { text: "abcdefg a", width: 6 },
        { text: "ab  cd", width: 6 },
      ]),
    ).toBe(33);
    expect(wrappedRowHeight([{ text: "abcdefghij a", width: 6 }])).toBe(48);
    expect(wrappedRowHeight([])).toBe(18);
  });
});

describe("labelWidth", () => {
  it("gives a label that fits under the cap one line, and no column narrower than min or wider than max", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.integer({ min: 2, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        (text, min, extra) => {
          const max = min + extra;
          const w = labelWidth(text, min, max);
          expect(w).toBe(Math.min(max, Math.max(min, text.length + 1)));
          if (text.length + 1 <= max) expect(wrappedLines(text, w)).toBe(1);
        },
      ),
    );
    expect([
      labelWidth("Growth potential", 12, 24),
      labelWidth("Fit", 12, 24),
      labelWidth("x".repeat(30), 12, 24),
    ]).toEqual([17, 12, 24]);
  });
});
