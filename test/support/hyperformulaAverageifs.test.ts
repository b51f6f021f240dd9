/**
 * The test engine's AVERAGEIFS (test/support/hyperformulaAverageifs.ts) against Microsoft's examples and values
 * worked by hand, and its refusal of every form it does not implement.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { describe, expect, it } from "vitest";
import { buildWithAggregate } from "./hyperformulaAggregate";
import { hfBooleans } from "./planEngine";

const CONFIG = { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false } as const;

/** The rows as a sheet (formulas as Excel writes them: TRUE, FALSE as literals), and the value of `formula` in Z1. */
function evaluate(formula: string, rows: RawCellContent[][] = []): unknown {
  const sheet = rows.map((r) => r.map((c) => (typeof c === "string" && c.startsWith("=") ? hfBooleans(c) : c)));
  sheet[0] = [...(sheet[0] ?? [])];
  sheet[0][25] = `=${hfBooleans(formula)}`;
  const hf = buildWithAggregate({ S: sheet }, CONFIG);
  try {
    return hf.getCellValue({ sheet: 0, row: 0, col: 25 });
  } finally {
    hf.destroy();
  }
}

/** Columns given side by side (A, B, …), row 1 first. */
const columns = (...cols: RawCellContent[][]): RawCellContent[][] =>
  Array.from({ length: Math.max(...cols.map((c) => c.length)) }, (_, i) => cols.map((c) => c[i] ?? null));

const errorOf = (v: unknown) => (v !== null && typeof v === "object" && "type" in v ? String(v.type) : undefined);

describe("AVERAGEIFS in the test engine: Microsoft's examples", () => {
  // Microsoft's AVERAGEIFS page, example 1: student, first quiz, second quiz, final exam (rows 2–5), with the
  // comparisons of its criteria computed in helper columns (this engine takes logical criteria only).
  const quiz = [
    ["Student", "First Quiz Grade", "Second Quiz Grade", "Final Exam Grade"],
    ["Emilio", 75, 85, 87],
    ["Julie", 94, 80, 88],
    ["Hans", 86, 93, "Incomplete"],
    ["Frederique", "Incomplete", 75, 75],
  ].map((r, i) =>
    i === 0
      ? r
      : [...r, `=B${i + 1}>70`, `=B${i + 1}<90`, `=C${i + 1}>95`, `=D${i + 1}<>"Incomplete"`, `=D${i + 1}>80`],
  );

  it('averages the first quiz grades between 70 and 90 (">70", "<90"): 75 and 86, 80.5', () => {
    expect(evaluate("AVERAGEIFS(B2:B5,E2:E5,TRUE,F2:F5,TRUE)", quiz)).toBe(80.5);
  });

  it('is #DIV/0! for the second quiz grades above 95 (">95"): none', () => {
    expect(errorOf(evaluate("AVERAGEIFS(C2:C5,G2:G5,TRUE)", quiz))).toBe("DIV_BY_ZERO");
  });

  it('averages the final exam grades other than "Incomplete" above 80: 87 and 88, 87.5', () => {
    expect(evaluate("AVERAGEIFS(D2:D5,H2:H5,TRUE,I2:I5,TRUE)", quiz)).toBe(87.5);
  });

  // Example 2: type, price, town, bedrooms, garage (rows 2–7), the criteria's comparisons in helper columns.
  const houses = [
    ["Type", "Price", "Town", "Number of Bedrooms", "Garage?"],
    ["Cozy Rambler", 230000, "Issaquah", 3, "No"],
    ["Snug Bungalow", 197000, "Bellevue", 2, "Yes"],
    ["Cool Cape Codder", 345678, "Bellevue", 4, "Yes"],
    ["Splendid Split Level", 321900, "Issaquah", 2, "Yes"],
    ["Exclusive Tudor", 450000, "Bellevue", 5, "Yes"],
    ["Classy Colonial", 395000, "Bellevue", 4, "No"],
  ].map((r, i) =>
    i === 0
      ? r
      : [
          ...r,
          `=C${i + 1}="Bellevue"`,
          `=D${i + 1}>2`,
          `=E${i + 1}="Yes"`,
          `=C${i + 1}="Issaquah"`,
          `=D${i + 1}<=3`,
          `=E${i + 1}="No"`,
        ],
  );

  it("averages the price in Bellevue with more than 2 bedrooms and a garage: (345678 + 450000)/2 = 397839", () => {
    expect(evaluate("AVERAGEIFS(B2:B7,F2:F7,TRUE,G2:G7,TRUE,H2:H7,TRUE)", houses)).toBe(397839);
  });

  it("averages the price in Issaquah with up to 3 bedrooms and no garage: 230000", () => {
    expect(evaluate("AVERAGEIFS(B2:B7,I2:I7,TRUE,J2:J7,TRUE,K2:K7,TRUE)", houses)).toBe(230000);
  });
});

describe("AVERAGEIFS in the test engine: values worked by hand", () => {
  it("averages only where the criterion holds, blank and text cells of average_range ignored", () => {
    // Rows where B is TRUE: 4, blank, "n/a", 10 → (4 + 10)/2; the FALSE row's 100 is left out.
    const rows = columns([4, null, "n/a", 10, 100], ["=TRUE", "=TRUE", "=TRUE", "=TRUE", "=FALSE"]);
    expect(evaluate("AVERAGEIFS(A1:A5,B1:B5,TRUE)", rows)).toBe(7);
    expect(evaluate("AVERAGEIFS(A1:A5,B1:B5,FALSE)", rows)).toBe(100);
  });

  it("matches TRUE to the logical TRUE only: not 1, not the text TRUE, not a blank (which a criterion reads as 0)", () => {
    const rows = columns([2, 4, 8, 16, 32], ["=TRUE", null, 1, "'TRUE", "=FALSE"]);
    expect(evaluate("AVERAGEIFS(A1:A5,B1:B5,TRUE)", rows)).toBe(2);
    // FALSE matches the logical FALSE only, not the blank (0) nor anything else.
    expect(evaluate("AVERAGEIFS(A1:A5,B1:B5,FALSE)", rows)).toBe(32);
  });

  it("counts TRUE as 1 and FALSE as 0 in average_range, as Microsoft documents", () => {
    const rows = columns(["=TRUE", "=FALSE", 5, "=TRUE"], ["=TRUE", "=TRUE", "=TRUE", "=FALSE"]);
    expect(evaluate("AVERAGEIFS(A1:A4,B1:B4,TRUE)", rows)).toBe(2); // (1 + 0 + 5)/3
  });

  it("needs every criterion to hold", () => {
    // A: 1, 2, 4, 8; B true for rows 1–3, C true for rows 2–4: rows 2 and 3, (2 + 4)/2.
    const rows = columns([1, 2, 4, 8], ["=TRUE", "=TRUE", "=TRUE", "=FALSE"], ["=FALSE", "=TRUE", "=TRUE", "=TRUE"]);
    expect(evaluate("AVERAGEIFS(A1:A4,B1:B4,TRUE,C1:C4,TRUE)", rows)).toBe(3);
    expect(evaluate("AVERAGEIFS(A1:A4,B1:B4,TRUE,C1:C4,FALSE)", rows)).toBe(1);
    expect(evaluate("AVERAGEIFS(A1:A4,B1:B4,FALSE,C1:C4,TRUE)", rows)).toBe(8);
  });

  it('takes "<>" as any cell that is not blank, a formula\'s "" included', () => {
    // B: "a", blank, "" (a formula's), 0, FALSE: all but the blank qualify, (1 + 4 + 8 + 16)/4.
    const rows = columns([1, 2, 4, 8, 16], ["a", null, '=""', 0, "=FALSE"]);
    expect(evaluate('AVERAGEIFS(A1:A5,B1:B5,"<>")', rows)).toBe(29 / 4);
  });

  it('takes ">=0" as a number 0 or more: not text, "", a blank, a logical value, an error or a negative number', () => {
    // B: "a", blank, "" (a formula's), 0, FALSE, 5, -1, #N/A: rows 4 and 6 qualify, (8 + 32)/2.
    const rows = columns([1, 2, 4, 8, 16, 32, 64, 128], ["a", null, '=""', 0, "=FALSE", 5, -1, "=NA()"]);
    expect(evaluate('AVERAGEIFS(A1:A8,B1:B8,">=0")', rows)).toBe(20);
  });

  it("takes a cell holding a name as equal to it, ignoring case, with wildcards", () => {
    // B: segments; C1 names one. "Invest" matches rows 1 and 3 (any case); "Inv*" also row 4 ("Investigate").
    const rows = columns([10, 20, 30, 40], ["Invest", "Harvest", "INVEST", "Investigate"], ["Invest", "Inv*"]);
    expect(evaluate("AVERAGEIFS(A1:A4,B1:B4,C1)", rows)).toBe(20);
    expect(evaluate("AVERAGEIFS(A1:A4,B1:B4,C2)", rows)).toBe((10 + 30 + 40) / 3);
    // With a second criterion, as the Portfolio Matrix writes it: the segment's active accounts.
    const active = columns(
      [10, 20, 30, 40],
      ["Invest", "Harvest", "Invest", "Invest"],
      ["Invest"],
      ["=TRUE", "=TRUE", "=FALSE", "=TRUE"],
    );
    expect(evaluate("AVERAGEIFS(A1:A4,B1:B4,C1,D1:D4,TRUE)", active)).toBe(25);
  });

  it("is #DIV/0! where no cell qualifies or those that do are blank or text; IFERROR takes it", () => {
    expect(errorOf(evaluate("AVERAGEIFS(A1:A2,B1:B2,TRUE)", columns([1, 2], ["=FALSE", null])))).toBe("DIV_BY_ZERO");
    const blankOrText = columns([null, "x", 9], ["=TRUE", "=TRUE", "=FALSE"]);
    expect(errorOf(evaluate("AVERAGEIFS(A1:A3,B1:B3,TRUE)", blankOrText))).toBe("DIV_BY_ZERO");
    expect(evaluate('IFERROR(AVERAGEIFS(A1:A3,B1:B3,TRUE),"")', blankOrText)).toBe("");
  });

  it("is #VALUE! where a criteria range differs from average_range in size or shape", () => {
    const rows = columns([1, 2, 3, 4], ["=TRUE", "=TRUE", "=TRUE", "=TRUE"], ["=TRUE", "=TRUE"]);
    expect(errorOf(evaluate("AVERAGEIFS(A1:A3,B1:B4,TRUE)", rows))).toBe("VALUE");
    expect(errorOf(evaluate("AVERAGEIFS(A1:A4,B1:C2,TRUE)", rows))).toBe("VALUE");
    expect(errorOf(evaluate("AVERAGEIFS(A1:A4,B1:B4,TRUE,C1:C2,TRUE)", rows))).toBe("VALUE");
  });

  it("passes on an error in a cell that qualifies, and ignores one in a cell that does not", () => {
    const rows = columns([1, "=1/0", 3], ["=TRUE", "=FALSE", "=TRUE"]);
    expect(evaluate("AVERAGEIFS(A1:A3,B1:B3,TRUE)", rows)).toBe(2);
    expect(errorOf(evaluate("AVERAGEIFS(A1:A3,B1:B3,FALSE)", rows))).toBe("DIV_BY_ZERO");
    const na = columns([1, "=NA()", 3], ["=TRUE", "=TRUE", "=TRUE"]);
    expect(errorOf(evaluate("AVERAGEIFS(A1:A3,B1:B3,TRUE)", na))).toBe("NA");
  });

  it("takes the values of other sheets' ranges, as the dashboard reads the Accounts sheet", () => {
    const hf = buildWithAggregate(
      {
        Accounts: columns([10, 20, 60], ["=TRUE()", "=FALSE()", "=TRUE()"]),
        "KPI Dashboard": [[hfBooleans("=AVERAGEIFS('Accounts'!$A$1:$A$3,'Accounts'!$B$1:$B$3,TRUE)")]],
      },
      CONFIG,
    );
    try {
      expect(hf.getCellValue({ sheet: 1, row: 0, col: 0 })).toBe(35);
      // An edit is recomputed: the churned account's value does not count, a new active one does.
      hf.setCellContents({ sheet: 0, row: 1, col: 0 }, 1000);
      expect(hf.getCellValue({ sheet: 1, row: 0, col: 0 })).toBe(35);
      hf.setCellContents({ sheet: 0, row: 1, col: 1 }, "=TRUE()");
      expect(hf.getCellValue({ sheet: 1, row: 0, col: 0 })).toBe((10 + 1000 + 60) / 3);
      hf.setCellContents({ sheet: 0, row: 2, col: 0 }, "'n/a");
      expect(hf.getCellValue({ sheet: 1, row: 0, col: 0 })).toBe(505);
    } finally {
      hf.destroy();
    }
  });
});

describe("AVERAGEIFS in the test engine: forms it refuses", () => {
  const rows = columns([1, 2, 3], ["=TRUE", "=TRUE", "=FALSE"], ["=TRUE", 1, ">1", null, "Invest"]);
  for (const formula of [
    'AVERAGEIFS(A1:A3,B1:B3,">0")',
    'AVERAGEIFS(A1:A3,B1:B3,"TRUE")',
    "AVERAGEIFS(A1:A3,B1:B3,1)",
    'AVERAGEIFS(A1:A3,B1:B3,"<>x")',
    'AVERAGEIFS(A1:A3,B1:B3,"")',
    "AVERAGEIFS(A1:A3,B1:B3,C1)",
    "AVERAGEIFS(A1:A3,B1:B3,C2)",
    "AVERAGEIFS(A1:A3,B1:B3,C3)",
    "AVERAGEIFS(A1:A3,B1:B3,C4)",
    "AVERAGEIFS(A1:A3,B1:B3,C5:C6)",
    "AVERAGEIFS(A1:A3,B1:B3,NOT(FALSE))",
    "AVERAGEIFS(A1:A3,B1:B3,TRUE,C1:C3)",
    "AVERAGEIFS(A1:A3,B1:B3)",
    "AVERAGEIFS(A1:A3)",
    "AVERAGEIFS({1;2;3},B1:B3,TRUE)",
    "AVERAGEIFS(A1:A3,B1:B3=TRUE,TRUE)",
    'IFERROR(AVERAGEIFS(A1:A3,B1:B3,">0"),0)',
  ])
    it(`refuses ${formula} by throwing`, () => {
      expect(() => evaluate(formula, rows)).toThrow(/AVERAGEIFS/);
    });

  it("leaves HyperFormula without AVERAGEIFS after a build", () => {
    evaluate("AVERAGEIFS(A1:A3,B1:B3,TRUE)", rows);
    const hf = HyperFormula.buildFromSheets({ S: [[1, "=TRUE()", "=AVERAGEIFS(A1,B1,TRUE())"]] }, CONFIG);
    expect(errorOf(hf.getCellValue({ sheet: 0, row: 0, col: 2 }))).toBe("NAME");
    hf.destroy();
  });
});
