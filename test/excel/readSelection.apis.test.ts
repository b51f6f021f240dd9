/**
 * What readSelection asks Excel for: Application's separators only where the host has ExcelApi 1.11 (the requirement
 * set named as Office.js names it), and the used range by values alone, so an analyst's formatting below the table
 * adds no empty rows to what is read.
 */
import { describe, expect, it } from "vitest";
import { detectMapping, validateAccounts } from "../../src/core";
import { readSelection } from "../../src/excel/readSelection";
import { FakeExcel } from "../fakes/fakeExcel";

/** Office.context.requirements.isSetSupported for an Excel with ExcelApi 1.1 to `newest` and no other set. */
const excelApiUpTo = (newest: number) => (set: string, version: string) =>
  set === "ExcelApi" && /^1\.\d+$/.test(version) && Number(version.slice(2)) <= newest;

describe("readSelection's requests", () => {
  it("loads decimalSeparator and thousandsSeparator where isSetSupported says ExcelApi 1.11, and only then", async () => {
    const sheet = {
      name: "Konten",
      cells: [
        ["Account", "Revenue"],
        ["Acme", "1.234,5"],
        ["Bolt", "2.000"],
      ],
    };
    const at = { sheet: "Konten", row: 0, col: 0, rows: 3, cols: 2 };
    const asked: string[] = [];
    const supports = excelApiUpTo(11);
    const excel = new FakeExcel([sheet], at);
    excel.separators = { decimal: ",", group: "." };
    const read = await readSelection(excel.context, (set, version) => {
      asked.push(`${set} ${version}`);
      return supports(set, version);
    });
    expect(asked).toEqual(["ExcelApi 1.11"]);
    expect(read.input.separators).toEqual({ decimal: ",", group: "." });
    // Both in the sync that learns the selection's shape, and one for the cells.
    expect(read.syncs).toBe(2);
    const table = validateAccounts(read.input, detectMapping(read.input));
    expect(Array.from(table.numbers.revenue!)).toEqual([1234.5, 2000]);

    const older = new FakeExcel([sheet], at);
    older.separators = { decimal: ",", group: "." };
    expect((await readSelection(older.context, excelApiUpTo(10))).input.separators).toBeUndefined();
  });

  it("reads whole columns down to the last value, not to number formats the analyst set further down", async () => {
    // Revenue formatted as "#,##0" down to row 500 ahead of new accounts; three rows hold values.
    const formats = Array.from({ length: 500 }, () => ["General", "#,##0"]);
    const cells = [
      ["Account", "Revenue"],
      ["Acme", 1200],
      ["Bolt", 800],
    ];
    const excel = new FakeExcel([{ name: "Data", cells, formats }], {
      sheet: "Data",
      row: 0,
      col: 0,
      rows: 1048576,
      cols: 2,
    });
    const read = await readSelection(excel.context, excelApiUpTo(11));
    expect(read.selectedAddress).toBe("Data!A1:B1048576");
    expect(read.input.values).toEqual(cells);
    expect(read.input.numberFormats).toEqual([
      ["General", "#,##0"],
      ["General", "#,##0"],
      ["General", "#,##0"],
    ]);
    expect(read.input.hiddenRows).toBeUndefined();
    expect(read.chunks).toBe(1);
  });
});
