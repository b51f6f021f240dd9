/**
 * Table names are unique in a workbook, without case, and share one namespace with defined names: a planned table
 * whose name is taken takes the first free "Name_2", "Name_3", …, and its structured references follow.
 */
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/excel/applyPlan";
import { freeTableNames, renameTables, renameTablesInFormula } from "../../src/excel/tableNames";
import type { WorkbookPlan } from "../../src/report/plan";
import { RecordingExcel } from "../fakes/fakeExcelWriter";

const all = () => true;

describe("freeTableNames", () => {
  it("takes the first free number after the taken ones, comparing names without case", () => {
    expect(freeTableNames(["KamAccounts"], ["KAMACCOUNTS", "kamaccounts_2"])).toEqual(
      new Map([["KamAccounts", "KamAccounts_3"]]),
    );
  });

  it("counts a name it gave to one planned table as taken for the next, in any case", () => {
    // "Kam" is the analyst's; the plan's Kam becomes Kam_2, so the plan's own Kam_2 must move on to Kam_2_2.
    expect(freeTableNames(["Kam", "Kam_2"], ["kam"])).toEqual(
      new Map([
        ["Kam", "Kam_2"],
        ["Kam_2", "Kam_2_2"],
      ]),
    );
  });

  it("cuts a long name to 250 characters before the suffix, so the new name stays within Excel's 255", () => {
    const long = `T${"x".repeat(254)}`; // 255 characters, Excel's longest name
    const renamed = freeTableNames([long], [long]).get(long);
    expect(renamed).toBe(`T${"x".repeat(249)}_2`);
  });
});

describe("renameTablesInFormula", () => {
  const renames = new Map([["Accounts", "Accounts_3"]]);

  it("renames a structured reference after a string literal, in any case", () => {
    expect(renameTablesInFormula('="x"&SUM(accounts[Revenue])', renames)).toBe('="x"&SUM(Accounts_3[Revenue])');
  });

  it("renames a structured reference after an empty string literal", () => {
    expect(renameTablesInFormula('=IF(A1="",0,SUM(Accounts[Revenue]))', renames)).toBe(
      '=IF(A1="",0,SUM(Accounts_3[Revenue]))',
    );
  });

  it("renames a reference at the very start of a formula, and one before a cell at its end", () => {
    expect(renameTablesInFormula("Accounts[Revenue]*B2", renames)).toBe("Accounts_3[Revenue]*B2");
  });

  it("leaves a sheet or name that is spelt like the table alone: only a word followed by [ is a table", () => {
    expect(renameTablesInFormula("SUM(Accounts!B2:B9,Accounts[Revenue],Accounts)", renames)).toBe(
      "SUM(Accounts!B2:B9,Accounts_3[Revenue],Accounts)",
    );
  });

  it("leaves text inside a string literal alone, escaped quotes included", () => {
    expect(renameTablesInFormula('="say ""Accounts[x]"" here"&SUM(Accounts[Revenue])', renames)).toBe(
      '="say ""Accounts[x]"" here"&SUM(Accounts_3[Revenue])',
    );
  });

  it("stops at the formula's end inside text left open, keeping the text and renaming the reference before it", () => {
    // Excel refuses such a formula, but the scan for the closing quote must end at the formula's end, not run past it.
    expect(renameTablesInFormula('=SUM(Accounts[Revenue])&" open', renames)).toBe('=SUM(Accounts_3[Revenue])&" open');
  });
});

describe("a planned table whose name the workbook holds", () => {
  it("is drawn under the next free name, and the formulas that read it follow", async () => {
    const theirs = RecordingExcel.sheet("Notes", 0);
    theirs.tables.push({ name: "Accounts", box: { row: 0, col: 0, rows: 2, cols: 1 } });
    theirs.tables.push({ name: "accounts_2", box: { row: 0, col: 3, rows: 2, cols: 1 } });
    const excel = new RecordingExcel([theirs]);
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "Data",
          blocks: [{ at: "A1", rows: [["Revenue"], [10], [20], [{ f: "SUM(Accounts[Revenue])" }]] }],
          tables: [{ name: "Accounts", range: "A1:A3" }],
        },
      ],
    };
    const result = await applyPlan(excel.context, plan, all);
    expect(result.renamedTables).toEqual([{ planned: "Accounts", used: "Accounts_3" }]);
    const data = excel.byName("Data")!;
    expect(data.tables.map((t) => t.name)).toEqual(["Accounts_3"]);
    expect(data.formulas.get("A4")).toBe("=SUM(Accounts_3[Revenue])");
    expect(theirs.tables.map((t) => t.name)).toEqual(["Accounts", "accounts_2"]);
  });

  it("is drawn under the next free name where the analyst's defined name holds it", async () => {
    const excel = new RecordingExcel([RecordingExcel.sheet("Notes", 0)]);
    excel.names.set("accounts", "=Notes!$A$1");
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "Data",
          blocks: [{ at: "A1", rows: [["Revenue"], [10], [20], [{ f: "SUM(Accounts[Revenue])" }]] }],
          tables: [{ name: "Accounts", range: "A1:A3" }],
        },
      ],
    };
    const result = await applyPlan(excel.context, plan, all);
    expect(result.renamedTables).toEqual([{ planned: "Accounts", used: "Accounts_2" }]);
    const data = excel.byName("Data")!;
    expect(data.tables.map((t) => t.name)).toEqual(["Accounts_2"]);
    expect(data.formulas.get("A4")).toBe("=SUM(Accounts_2[Revenue])");
    expect(excel.names.get("accounts")).toBe("=Notes!$A$1");
  });
});

describe("renameTables", () => {
  it("gives back the plan itself when no table is renamed: its rows are not copied cell by cell", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`Account ${i + 1}`, { f: `Accounts[@Revenue]*${i}` }]);
    const plan: WorkbookPlan = {
      sheets: [{ name: "Data", blocks: [{ at: "A1", rows }], tables: [{ name: "Accounts", range: "A1:B1000" }] }],
      names: [{ name: "Total", refersTo: "SUM(Accounts[Revenue])" }],
    };
    const drawn = renameTables(plan, new Map());
    expect(drawn).toBe(plan);
    expect(drawn.sheets[0].blocks[0].rows).toBe(rows);
  });

  it("copies the plan with each structured reference renamed when a table is", () => {
    const plan: WorkbookPlan = {
      sheets: [{ name: "Data", blocks: [{ at: "A1", rows: [["x", { f: "SUM(Accounts[Revenue])" }]] }] }],
      names: [{ name: "Total", refersTo: "SUM(accounts[Revenue])" }],
    };
    const drawn = renameTables(plan, new Map([["Accounts", "Accounts_2"]]));
    expect(drawn.sheets[0].blocks[0].rows).toEqual([["x", { f: "SUM(Accounts_2[Revenue])" }]]);
    expect(drawn.names).toEqual([{ name: "Total", refersTo: "SUM(Accounts_2[Revenue])" }]);
    expect(plan.sheets[0].blocks[0].rows[0][1]).toEqual({ f: "SUM(Accounts[Revenue])" });
  });
});
