import "../fakes/customFunctionsRuntime";
import { describe, expect, it } from "vitest";
import { scoreParts } from "../../src/functions/functions";
import { shown, thrown } from "../fakes/customFunctionsRuntime";
import { loadExcelFunctions } from "./excelRuntime";

// collection-time: loads the custom-functions module and its functions.json; every function is called inside `it`.
const excel = await loadExcelFunctions();

describe("KAM.SCORE.PARTS with arguments shaped as Excel passes them", () => {
  it("is registered with KAM.SCORE's parameters, taking and spilling matrices", () => {
    const meta = excel.metadata.functions.find((f) => f.id === "SCORE.PARTS")!;
    const params = meta.parameters as { name: string; optional?: boolean }[];
    expect(params.map((p) => `${p.name}${p.optional ? "?" : ""}`)).toEqual([
      "ratings",
      "weights",
      "scale_min?",
      "scale_max?",
    ]);
    expect(meta.parameters[0]).toMatchObject({ dimensionality: "matrix", type: "any" });
    expect(meta.result).toMatchObject({ dimensionality: "matrix" });
  });

  it("spills one row of parts per account row, empty for a blank rating", () => {
    // weights 3, 1 on 1–5: row 1 ratings 5, 1 → 100·3·4/16 = 75 and 0 (KAM.SCORE 75);
    // row 2 ratings 3, blank → only the first is rated: 100·3·2/(3·4) = 50, empty.
    const out = scoreParts(
      [
        [5, 1],
        [3, null],
      ],
      [[3], [1]],
    );
    expect(out.map((r) => r.map(shown))).toEqual([
      [75, 0],
      [50, ""],
    ]);
  });

  it('reads "" and, on a scale starting above 0, 0 as blank ratings, as KAM.SCORE does', () => {
    expect(scoreParts([[5, ""]], [[3, 1]])[0].map(shown)).toEqual([100, ""]);
    expect(scoreParts([[5, 0]], [[3, 1]])[0].map(shown)).toEqual([100, ""]);
    // On 0–10 a 0 is a rating: 100·1·10/(2·10) = 50 and 0.
    expect(scoreParts([[10, 0]], [[1, 1]], 0, 10)[0].map(shown)).toEqual([50, 0]);
  });

  it("fills a refused row with its error and keeps the other rows", () => {
    const out = scoreParts(
      [
        [5, 1],
        ["4", 2],
        [null, null],
        [9, 1],
      ],
      [[1, 1]],
    );
    expect(out.map((r) => r.map(shown))).toEqual([
      [50, 0],
      ["#VALUE!", "#VALUE!"],
      ["#N/A", "#N/A"],
      ["#NUM!", "#NUM!"],
    ]);
    expect((out[2][1] as unknown as { message: string }).message).toBe(
      "ratings row 3 has no rating: nothing to score.",
    );
  });

  it("throws KAM.SCORE's #VALUE! for a bad call", () => {
    expect(thrown(() => scoreParts([[1, 2, 3]], [[1, 1]]))).toMatchObject({
      code: "#VALUE!",
      message: "ratings has 3 criteria (columns) but weights has 2: give one weight per criterion.",
    });
    expect(thrown(() => scoreParts([[1, 2]], [[0, null]]))).toMatchObject({
      code: "#VALUE!",
      message: "all weights are zero: at least one criterion must count.",
    });
  });
});
