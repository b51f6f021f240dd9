/**
 * The test engine's AGGREGATE, ROW and COLUMN (test/support/hyperformulaAggregate.ts) against values worked by hand
 * and Microsoft's example, and its refusal of every form it does not implement.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { describe, expect, it } from "vitest";
import { buildWithAggregate } from "./hyperformulaAggregate";

const CONFIG = { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false } as const;

/** Column A holds `column`; B1 the formula; its value. */
function evaluate(formula: string, column: RawCellContent[] = []): unknown {
  const rows: RawCellContent[][] = column.map((x) => [x]);
  rows[0] = [...(rows[0] ?? [null]), `=${formula}`];
  const hf = buildWithAggregate({ S: rows }, CONFIG);
  try {
    return hf.getCellValue({ sheet: 0, row: 0, col: 1 });
  } finally {
    hf.destroy();
  }
}

const errorOf = (v: unknown) => (v !== null && typeof v === "object" && "type" in v ? String(v.type) : undefined);

// Microsoft's AGGREGATE page, its example column: #DIV/0!, 72, 30, #NUM!, 31, 96, 32, 81, 33, 53, 34.
const MICROSOFT = ["=1/0", 72, 30, "=SQRT(-1)", 31, 96, 32, 81, 33, 53, 34];

describe("AGGREGATE in the test engine", () => {
  it("gives Microsoft's example: the 3rd largest, errors ignored, is 72", () => {
    expect(evaluate("AGGREGATE(14,6,A1:A11,3)", MICROSOFT)).toBe(72);
  });

  it("ranks largest and smallest, ties counted once each, and skips errors, text, logical values and blanks", () => {
    const column = [5, "=1/0", 9, "text", 5, null, "=TRUE()", 1];
    // Numbers 5, 9, 5, 1: largest first 9, 5, 5, 1; smallest first 1, 5, 5, 9.
    expect([1, 2, 3, 4].map((k) => evaluate(`AGGREGATE(14,6,A1:A8,${k})`, column))).toEqual([9, 5, 5, 1]);
    expect([1, 2, 3, 4].map((k) => evaluate(`AGGREGATE(15,6,A1:A8,${k})`, column))).toEqual([1, 5, 5, 9]);
  });

  it("is #NUM! for k beyond the numbers, k below 1 or no number at all", () => {
    expect(errorOf(evaluate("AGGREGATE(14,6,A1:A3,3)", [2, "=1/0", 4]))).toBe("NUM");
    expect(errorOf(evaluate("AGGREGATE(15,6,A1:A3,0)", [2, 3, 4]))).toBe("NUM");
    expect(errorOf(evaluate("AGGREGATE(17,6,A1:A2,2)", ["=1/0", "x"]))).toBe("NUM");
    expect(errorOf(evaluate("AGGREGATE(17,6,A1:A2,5)", [1, 2]))).toBe("NUM");
  });

  it("passes an error in k on, which IFERROR turns into its fallback", () => {
    expect(errorOf(evaluate("AGGREGATE(14,6,A1:A2,1/0)", [1, 2]))).toBe("DIV_BY_ZERO");
    expect(evaluate('IFERROR(AGGREGATE(14,6,A1:A2,3),"")', [1, 2])).toBe("");
  });

  it("takes QUARTILE.INC as Excel's MEDIAN at quart 2 (middle value, mean of the two middle ones) and its ends", () => {
    expect(evaluate("AGGREGATE(17,6,A1:A4,2)", [7, 1, "=1/0", 4])).toBe(4);
    expect(evaluate("AGGREGATE(17,6,A1:A4,2)", [7, 1, 10, 4])).toBe(5.5);
    // Type 7 at 1/4 over 1, 4, 7, 10: h = 3·0.25 = 0.75, 1 + 0.75·3 = 3.25.
    expect(evaluate("AGGREGATE(17,6,A1:A4,1)", [7, 1, 10, 4])).toBe(3.25);
    expect(evaluate("AGGREGATE(17,6,A1:A4,0)", [7, 1, 10, 4])).toBe(1);
    expect(evaluate("AGGREGATE(17,6,A1:A4,4)", [7, 1, 10, 4])).toBe(10);
  });

  it("filters by dividing: x/(x>0) skips blanks and 0s as #DIV/0!, text as #VALUE!", () => {
    // Owners 3 and 8 of 3, blank, 0, "n/a", 8: median 5.5.
    expect(evaluate("AGGREGATE(17,6,A1:A5/(A1:A5>0),2)", [3, null, 0, "n/a", 8])).toBe(5.5);
  });

  for (const formula of [
    "AGGREGATE(9,6,A1:A3)",
    "AGGREGATE(12,6,A1:A3,2)",
    "AGGREGATE(16,6,A1:A3,0.5)",
    "AGGREGATE(14,7,A1:A3,1)",
    "AGGREGATE(14,2,A1:A3,1)",
    "AGGREGATE(15,6,A1:A3)",
    "AGGREGATE(14,6,A1:A3,1.5)",
    "AGGREGATE(14,6,A1:A3,2,3)",
    "AGGREGATE(A1,6,A1:A3,1)",
    "IFERROR(AGGREGATE(9,6,A1:A3),0)",
  ])
    it(`refuses ${formula}, a form it does not implement, by throwing`, () => {
      expect(() => evaluate(formula, [1, 2, 3])).toThrow(/this engine's AGGREGATE/);
    });

  it("leaves HyperFormula without AGGREGATE and with its own ROW after a build", () => {
    evaluate("AGGREGATE(14,6,A1:A3,1)", [1, 2, 3]);
    const hf = HyperFormula.buildFromSheets({ S: [["=ROW(A2:A4)", "=AGGREGATE(14,6,A1,1)"]] }, CONFIG);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe(2);
    expect(errorOf(hf.getCellValue({ sheet: 0, row: 0, col: 1 }))).toBe("NAME");
    hf.destroy();
  });

  it("keeps its AGGREGATE in the engine it built: an edited cell is recomputed", () => {
    const hf = buildWithAggregate({ S: [[1, "=AGGREGATE(14,6,A1:A3,1)"], [2], [3]] }, CONFIG);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe(3);
    hf.setCellContents({ sheet: 0, row: 1, col: 0 }, 40);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe(40);
    hf.destroy();
  });
});

describe("ROW and COLUMN of a range in the test engine", () => {
  it("give the range's row numbers as a vertical array and column numbers as a horizontal one", () => {
    // Rows 2–5 where A holds 1: 3 and 5; SMALL picks the k-th.
    const column = [0, 0, 1, 0, 1];
    expect(evaluate("AGGREGATE(15,6,ROW(A2:A5)/(A2:A5=1),1)", column)).toBe(3);
    expect(evaluate("AGGREGATE(15,6,ROW(A2:A5)/(A2:A5=1),2)", column)).toBe(5);
    expect(evaluate("AGGREGATE(14,6,COLUMN(C1:F1),1)")).toBe(6);
    expect(evaluate("AGGREGATE(15,6,COLUMN(C1:F1),2)")).toBe(4);
    expect(evaluate("SUMPRODUCT(ROW(A2:A5))")).toBe(2 + 3 + 4 + 5);
  });

  it("keep the single-cell and no-argument forms", () => {
    expect(evaluate("ROW(C7)")).toBe(7);
    expect(evaluate("COLUMN(C7)")).toBe(3);
    expect(evaluate("ROW()*10+COLUMN()")).toBe(12);
  });
});

describe("INDEX of a one-row range in the test engine", () => {
  it("takes the lone index as the column, as Excel does; other forms stay HyperFormula's", () => {
    const hf = buildWithAggregate(
      {
        S: [
          ["a", "b", "c", "=INDEX(A1:C1,3)", "=INDEX(A1:C1,1,2)", "=INDEX(A1:A3,2)", "=INDEX(A1:C1,4)"],
          ["x"],
          ["y"],
        ],
      },
      CONFIG,
    );
    const at = (col: number) => hf.getCellValue({ sheet: 0, row: 0, col });
    expect([at(3), at(4), at(5)]).toEqual(["c", "b", "x"]);
    expect(errorOf(at(6))).toBe("REF");
    hf.destroy();
    // And HyperFormula's own INDEX is back after the build.
    const own = HyperFormula.buildFromSheets({ S: [["a", "b", "=INDEX(A1:B1,2)"]] }, CONFIG);
    expect(errorOf(own.getCellValue({ sheet: 0, row: 0, col: 2 }))).toBe("NUM");
    own.destroy();
  });
});
