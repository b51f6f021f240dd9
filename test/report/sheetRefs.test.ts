import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { absoluteRef, quoteSheet, renameSheets, renameSheetsInFormula } from "../../src/report/sheetRefs";

const rename = (f: string, from: string, to: string) => renameSheetsInFormula(f, new Map([[from.toLowerCase(), to]]));

describe("absoluteRef and quoteSheet", () => {
  it("make a quoted, absolute reference of a cell or a range, whatever was absolute before", () => {
    expect(absoluteRef("KPI Dashboard", "B2:B9")).toBe("'KPI Dashboard'!$B$2:$B$9");
    expect(absoluteRef("Matrix", "$AB12:AC$140")).toBe("'Matrix'!$AB$12:$AC$140");
    expect(absoluteRef("O'Brien", "XFD1048576")).toBe("'O''Brien'!$XFD$1048576");
    expect(quoteSheet("It's ''two''")).toBe("'It''s ''''two'''''");
  });
});

describe("renameSheetsInFormula", () => {
  it("follows the renamed sheet, quoted or not, in any case, and nothing else", () => {
    expect(rename("SUM(Data!A1:A9)+data!B2", "Data", "Data (2)")).toBe("SUM('Data (2)'!A1:A9)+'Data (2)'!B2");
    expect(rename("'Key accounts'!$B$2*2", "Key accounts", "Key accounts (2)")).toBe("'Key accounts (2)'!$B$2*2");
    expect(rename("'O''Brien'!A1", "O'Brien", "O'Brien (2)")).toBe("'O''Brien (2)'!A1");
    // another sheet whose name starts the same, a function, a cell, a defined name: untouched
    expect(rename("Data2!A1+DATA(1)+A1+Database", "Data", "X")).toBe("Data2!A1+DATA(1)+A1+Database");
    // text in a formula is text
    expect(rename('IF(A1="Data!A1","Data!",Data!A1)', "Data", "D2")).toBe(`IF(A1="Data!A1","Data!",'D2'!A1)`);
    expect(rename('"say ""Data!A1"""&Data!A1', "Data", "D2")).toBe(`"say ""Data!A1"""&'D2'!A1`);
    // a reference written anywhere inside a text, after other words, is still text
    expect(rename('"see Data!A1"&"x"&Data!A1', "Data", "D2")).toBe(`"see Data!A1"&"x"&'D2'!A1`);
  });

  it("keeps a quoted reference to another sheet as written, and still follows the renamed one after it", () => {
    // 'Data 2' and 'Old data' are other sheets: their quoted references stay exactly as written, apostrophes and all
    expect(rename("'Data 2'!A1+'Old data'!$B$2+'Data'!C3", "Data", "New")).toBe("'Data 2'!A1+'Old data'!$B$2+'New'!C3");
    expect(rename("SUM('It''s'!A1:A3)", "Data", "New")).toBe("SUM('It''s'!A1:A3)");
    // a quoted text that is no sheet reference (no ! after it) stays as well
    expect(rename("'Data'&Data!A1", "Data", "New")).toBe("'Data'&'New'!A1");
  });

  it("leaves string literals alone and keeps formulas a spreadsheet engine can evaluate", () => {
    const hf = HyperFormula.buildFromSheets({ Data: [[2, 3]], "Data (2)": [[20, 30]] }, { licenseKey: "gpl-v3" });
    const sheet = hf.getSheetId("Data")!;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("Data!A1", "'Data'!B1", '"Data!A1"', "1", "data!$A$1"), {
          minLength: 1,
          maxLength: 6,
        }),
        (terms) => {
          const formula = terms.map((t) => (t.startsWith('"') ? `LEN(${t})` : t)).join("+");
          const renamed = rename(formula, "Data", "Data (2)");
          const before = hf.calculateFormula(`=${formula}`, sheet) as number;
          const after = hf.calculateFormula(`=${renamed}`, sheet) as number;
          // each reference now reads the renamed sheet (10x the values); literal lengths and numbers are unchanged
          const refs = terms.filter((t) => t.includes("!") && !t.startsWith('"'));
          const refSum = refs.reduce((s, t) => s + (t.includes("B1") ? 3 : 2), 0);
          return after === before + 9 * refSum;
        },
      ),
    );
    hf.destroy();
  });
});

describe("renameSheets", () => {
  it("renames the sheet and carries formulas, conditional formats and names along", () => {
    const plan = renameSheets(
      {
        sheets: [
          { name: "Data", blocks: [{ at: "A1", rows: [[1, { f: "Data!A1*2" }]] }] },
          {
            name: "Summary",
            blocks: [{ at: "A1", rows: [["Total", { f: "SUM(Data!A1:A9)" }]] }],
            conditionalFormats: [{ type: "cellValue", range: "B1", operator: "greaterThan", formula1: "Data!$A$1" }],
          },
        ],
        names: [{ name: "Total", refersTo: "Summary!$B$1" }],
      },
      new Map([["Data", "Data (2)"]]),
    );
    expect(plan.sheets.map((s) => s.name)).toEqual(["Data (2)", "Summary"]);
    expect(plan.sheets[0].blocks[0].rows[0][1]).toEqual({ f: "'Data (2)'!A1*2" });
    expect(plan.sheets[1].blocks[0].rows[0][1]).toEqual({ f: "SUM('Data (2)'!A1:A9)" });
    expect(plan.sheets[1].conditionalFormats?.[0]).toMatchObject({ formula1: "'Data (2)'!$A$1" });
    expect(plan.names).toEqual([{ name: "Total", refersTo: "Summary!$B$1" }]);
  });

  it("carries blanks, colour scales and data bars as they are, and both bounds of a between rule", () => {
    const plan = renameSheets(
      {
        sheets: [
          {
            name: "Summary",
            blocks: [{ at: "A1", rows: [[null, "Data!A1", 3, { f: "Data!A1" }]] }],
            conditionalFormats: [
              { type: "colorScale", range: "B1:B9", colors: ["F8696B", "FFEB84", "63BE7B"] },
              { type: "dataBar", range: "C1:C9", color: "638EC6" },
              {
                type: "cellValue",
                range: "D1:D9",
                operator: "between",
                formula1: "Data!$A$1",
                formula2: "Data!$A$2*2",
              },
            ],
          },
        ],
      },
      new Map([["Data", "Figures"]]),
    );
    // a blank stays blank and a text that only reads like a reference stays text: only the formula follows
    expect(plan.sheets[0].blocks[0].rows[0]).toEqual([null, "Data!A1", 3, { f: "'Figures'!A1" }]);
    expect(plan.sheets[0].conditionalFormats).toEqual([
      { type: "colorScale", range: "B1:B9", colors: ["F8696B", "FFEB84", "63BE7B"] },
      { type: "dataBar", range: "C1:C9", color: "638EC6" },
      {
        type: "cellValue",
        range: "D1:D9",
        operator: "between",
        formula1: "'Figures'!$A$1",
        formula2: "'Figures'!$A$2*2",
      },
    ]);
  });

  it("passes on the plan itself when no sheet was renamed: nothing of a large plan is copied", () => {
    const plan = {
      sheets: [{ name: "Data", blocks: [{ at: "A1", rows: [[{ f: "Data!B1" }]] }] }],
    };
    expect(renameSheets(plan, new Map())).toBe(plan);
  });
});
