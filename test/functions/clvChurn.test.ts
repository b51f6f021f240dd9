import "../fakes/customFunctionsRuntime";
import { describe, expect, it } from "vitest";
import { churnRate, clv } from "../../src/core";
import { churn, clv as clvFn } from "../../src/functions/functions";
import { shown, thrown } from "../fakes/customFunctionsRuntime";

describe("KAM.CLV with arguments shaped as Excel passes them", () => {
  it("takes single cells as 1×1 matrices and omitted optionals as null", () => {
    expect(shown(clvFn([[100]], [[0.8]], [[0.1]], null as unknown as [][])[0][0])).toBeCloseTo(80 / 0.3, 10);
    expect(shown(clvFn([[100]], [[0.8]], [[0.1]], [[1]], undefined, [[1]])[0][0])).toBe(100);
  });

  it("broadcasts a column of margins against one retention, and rows against columns", () => {
    const out = clvFn([[100], [200], [300]], [[0.8]], [[0.1]], [[5]]);
    expect(out.map((r) => shown(r[0]))).toEqual([100, 200, 300].map((m) => clv(m, 0.8, 0.1, 5)));
    // margins down a column, retentions across a row: a 2×3 table of CLVs, as =A1:A2*B1:D1 would give
    const table = clvFn([[100], [200]], [[0.7, 0.8, 0.9]], [[0.1]]);
    expect(table.map((r) => r.map(shown))).toEqual(
      [100, 200].map((m) => [0.7, 0.8, 0.9].map((r) => clv(m, r, 0.1, null))),
    );
  });

  it("reads a blank or 0 horizon as no horizon, and blank growth and timing as 0", () => {
    const infinite = clv(100, 0.8, 0.1, null);
    for (const periods of [[[null]], [[""]], [[0]]]) {
      expect(shown(clvFn([[100]], [[0.8]], [[0.1]], periods, [[""]], [[null]])[0][0])).toBe(infinite);
    }
  });

  it("gives each bad element its own error and names it", () => {
    const out = clvFn([[100], ["1,000"], [null], [100]], [[0.8], [0.8], [0.8], [1.5]], [[0.1]]);
    expect(out.map((r) => shown(r[0]))).toEqual([clv(100, 0.8, 0.1, null), "#VALUE!", "#N/A", "#NUM!"]);
    expect(out[1][0]).toMatchObject({
      message:
        'margin (row 2) is the text "1,000" (a number stored as text: convert it to a number); it must be a number.',
    });
    expect(out[2][0]).toMatchObject({ message: "margin (row 3) is blank." });
  });

  it("rejects mismatched shapes for the whole call, thrown", () => {
    expect(thrown(() => clvFn([[1], [2], [3]], [[0.8], [0.9]], [[0.1]]))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("retention is 2×1 but the result is 3×1"),
    });
  });
});

describe("KAM.CHURN with arguments shaped as Excel passes them", () => {
  it("computes single values and broadcasts ranges", () => {
    expect(shown(churn([[1000]], [[957]])[0][0])).toBeCloseTo(0.043, 15);
    const out = churn([[100], [200], [0]], [[95], [150], [10]], [[5]]);
    expect(out.map((r) => shown(r[0]))).toEqual([churnRate(100, 95, 5), churnRate(200, 150, 5), "#DIV/0!"]);
  });

  it("names the bad argument: a call of single cells throws #VALUE! with the reason, a row of a range gets #NUM!", () => {
    expect(thrown(() => churn([[10]], [[5]], [[6]]))).toMatchObject({
      code: "#VALUE!",
      message: "acquired (6) is more than at_end (5): new accounts are part of the accounts at the end.",
    });
    expect(shown(churn([[10], [10]], [[5], [5]], [[0], [6]])[1][0])).toBe("#NUM!");
    expect(thrown(() => churn([["ten"]], [[5]]))).toMatchObject({
      code: "#VALUE!",
      message: 'at_start is the text "ten"; it must be a number.',
    });
  });
});
