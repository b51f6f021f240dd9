import "../fakes/customFunctionsRuntime";
import { describe, expect, it } from "vitest";
import { whitespace } from "../../src/functions/functions";
import { cellError, shown, thrown } from "../fakes/customFunctionsRuntime";
import { loadExcelFunctions } from "./excelRuntime";

// collection-time: loads the custom-functions module and its functions.json; every function is called inside `it`.
const excel = await loadExcelFunctions();

describe("KAM.WHITESPACE with arguments shaped as Excel passes them", () => {
  it("is registered with product_revenue and an optional segments, taking and spilling matrices", () => {
    const meta = excel.metadata.functions.find((f) => f.id === "WHITESPACE")!;
    const params = meta.parameters as { name: string; optional?: boolean }[];
    expect(params.map((p) => `${p.name}${p.optional ? "?" : ""}`)).toEqual(["product_revenue", "segments?"]);
    for (const p of meta.parameters) expect(p).toMatchObject({ dimensionality: "matrix", type: "any" });
    expect(meta.result).toMatchObject({ dimensionality: "matrix" });
  });

  it("spills one potential per account row; blank, empty text and 0 are not owned", () => {
    // Product A: owners 10, 30 → median 20; B: owner 200 → 200. Row 1 lacks B (""), row 2 lacks A (0),
    // row 3 lacks B (blank): 200, 20, 200.
    const out = excel.call("WHITESPACE", [
      [10, ""],
      [0, 200],
      [30, null],
    ]) as unknown[][];
    expect(out.map((r) => r.map(shown))).toEqual([[200], [20], [200]]);
  });

  it("benchmarks within a segment of 3 owners, else among all owners; a blank segment uses all owners", () => {
    // A's owners: North 10, 20, 30 (median 20), South 100; all four: (20 + 30)/2 = 25.
    // Row 5 (North) lacks A → 20; row 6 (South, 1 owner) → 25; row 7 (no segment) → 25.
    const revenue = [[10], [20], [30], [100], [null], [null], [null]];
    const segments = [["North"], ["north"], ["North"], ["South"], ["North"], ["South"], [""]];
    expect(whitespace(revenue, segments).map((r) => r.map(shown))).toEqual([[0], [0], [0], [0], [20], [25], [25]]);
    // Numbers as segment names, and a 0 (what some Excel versions pass for an empty cell) as no segment.
    expect(whitespace([[1], [2], [3], [null]], [[7], [7], [7], [0]]).map((r) => r.map(shown))).toEqual([
      [0],
      [0],
      [0],
      [2],
    ]);
  });

  it("throws one #VALUE! naming the cell for text, a negative revenue or a bad segment, and passes an error value on", () => {
    expect(
      thrown(() =>
        whitespace([
          [1, 2],
          ["€5", 3],
        ]),
      ),
    ).toMatchObject({
      code: "#VALUE!",
      message: 'product_revenue (row 2, column 1) is the text "€5"; it must be a revenue (a number).',
    });
    expect(thrown(() => whitespace([[1], [-3]]))).toMatchObject({
      code: "#VALUE!",
      message: "product_revenue (row 2) is -3; a revenue cannot be negative.",
    });
    expect(thrown(() => whitespace([[1], [2]], [["a"], [true]]))).toMatchObject({
      code: "#VALUE!",
      message: "segments (row 2) is the logical value TRUE; a segment is a name (text).",
    });
    expect(thrown(() => whitespace([[1], [2]], [["a", "b"]]))).toMatchObject({
      code: "#VALUE!",
      message: "segments is 1×2 but product_revenue has 2 account rows: give one segment per row, as a single column.",
    });
    expect(thrown(() => whitespace([]))).toMatchObject({ code: "#VALUE!", message: "product_revenue is empty." });
    const na = cellError("#N/A");
    expect(thrown(() => excel.call("WHITESPACE", [[1], [na]]))).toBe(na);
    expect(thrown(() => excel.call("WHITESPACE", [[1], [cellError("#REF!")]]))).toMatchObject({
      code: "#VALUE!",
      message: "product_revenue (row 2) is the error #REF!.",
    });
  });

  it("reads a 0, an empty text and a blank in segments as no segment, not as segments of their own", () => {
    // Product A owned by three accounts of each "segment" column value below and three of North. The last two rows
    // lack A: without a segment the benchmark is the median of all six owners, (30 + 100)/2 = 65; in North (3
    // owners) it is 200. Read as a segment of its own, the first three would give 20 instead of 65.
    const revenue = [[10], [20], [30], [100], [200], [300], [null], [null]];
    for (const none of [0, "", null]) {
      const segments = [[none], [none], [none], ["North"], ["North"], ["North"], [none], ["North"]];
      const out = excel.call("WHITESPACE", revenue, segments) as unknown[][];
      expect(
        out.map((r) => r.map(shown)),
        `segment ${JSON.stringify(none)}`,
      ).toEqual([[0], [0], [0], [0], [0], [0], [65], [200]]);
    }
  });

  it("refuses segments of the wrong shape, naming both sizes, and an empty product_revenue", () => {
    const twoRows = [[1], [2]];
    const shape = (segments: unknown[][], n = 2) =>
      thrown(() => whitespace(n === 2 ? twoRows : [[1]], segments as never)).message;
    expect(shape([])).toBe(
      "segments is 0×0 but product_revenue has 2 account rows: give one segment per row, as a single column.",
    );
    expect(
      shape([
        ["a", "b"],
        ["c", "d"],
      ]),
    ).toBe("segments is 2×2 but product_revenue has 2 account rows: give one segment per row, as a single column.");
    expect(shape([["a"], ["b"], ["c"]])).toBe(
      "segments is 3×1 but product_revenue has 2 account rows: give one segment per row, as a single column.",
    );
    expect(shape([["a", "b"]], 1)).toBe(
      "segments is 1×2 but product_revenue has 1 account row: give one segment per row, as a single column.",
    );
    expect(thrown(() => whitespace([[]]))).toMatchObject({ code: "#VALUE!", message: "product_revenue is empty." });
  });

  it("shows #NUM! for a potential too large to be a number", () => {
    // Each lacks the other's product, benchmarked at 1e308: a number. Lacking both, 2e308 overflows.
    expect(
      (
        excel.call("WHITESPACE", [
          [1e308, null],
          [null, 1e308],
        ]) as unknown[][]
      ).map((r) => r.map(shown)),
    ).toEqual([[1e308], [1e308]]);
    const out = excel.call("WHITESPACE", [
      [1e308, 1e308],
      [null, null],
    ]) as unknown[][];
    expect(out.map((r) => r.map(shown))).toEqual([[0], ["#NUM!"]]);
  });
});
