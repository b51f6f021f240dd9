import "../fakes/customFunctionsRuntime";
import { describe, expect, it } from "vitest";
import { score } from "../../src/functions/functions";
import { shown, thrown } from "../fakes/customFunctionsRuntime";

describe("KAM.SCORE with arguments shaped as Excel passes them", () => {
  it("spills one score per account row", () => {
    const out = score(
      [
        [5, 1],
        [3, 3],
        [1, 1],
      ],
      [[3, 1]],
    );
    expect(out.map((r) => shown(r[0]))).toEqual([75, 50, 0]);
  });

  it("accepts weights as a column, and a custom scale", () => {
    expect(shown(score([[7, 9]], [[1], [1]], 0, 10)[0][0])).toBeCloseTo(80, 12);
  });

  it('reads null and "" as blank ratings, and 0 as blank on a scale starting above 0', () => {
    const out = score(
      [
        [5, null],
        [5, ""],
        [5, 0],
      ],
      [[3, 1]],
    );
    expect(out.map((r) => shown(r[0]))).toEqual([100, 100, 100]);
    // on a 0–10 scale a 0 is a real rating
    expect(shown(score([[10, 0]], [[1, 1]], 0, 10)[0][0])).toBe(50);
  });

  it("gives a bad row its own error and keeps the other rows' scores", () => {
    const out = score(
      [
        [5, 1],
        ["4", 2],
        [true, 1],
        [null, null],
        [9, 1],
        [1, 5],
      ],
      [[1, 1]],
    );
    expect(out.map((r) => shown(r[0]))).toEqual([50, "#VALUE!", "#VALUE!", "#N/A", "#NUM!", 50]);
    const text = out[1][0] as unknown as { message: string };
    expect(text.message).toBe(
      'ratings row 2, criterion 1 is the text "4" (a number stored as text: convert it to a number); ratings must be numbers.',
    );
    expect((out[2][0] as unknown as { message: string }).message).toContain("the logical value TRUE");
    expect((out[3][0] as unknown as { message: string }).message).toBe(
      "ratings row 4 has no rating: nothing to score.",
    );
  });

  it("throws one #VALUE! with a message for a bad call", () => {
    const cases: [() => unknown, string][] = [
      [
        () => score([[1, 2, 3]], [[1, 1]]),
        "ratings has 3 criteria (columns) but weights has 2: give one weight per criterion.",
      ],
      [() => score([[1, 2]], [[1, -2]]), "weight 2 is negative (-2); weights must be 0 or more."],
      [() => score([[1, 2]], [[0, null]]), "all weights are zero: at least one criterion must count."],
      [
        () =>
          score(
            [[1, 2]],
            [
              [1, 2],
              [3, 4],
            ],
          ),
        "weights is 2×2: give a single row or a single column of weights.",
      ],
      [() => score([[1, 2]], [[1, "high"]]), 'weights (column 2) is the text "high"; weights must be numbers.'],
      [
        () => score([[1, 2]], [[1, 1]], 5, 1),
        "scale_max (1) must be greater than scale_min (5): the rating scale is empty.",
      ],
    ];
    for (const [call, message] of cases) expect(thrown(call)).toMatchObject({ code: "#VALUE!", message });
  });
});
