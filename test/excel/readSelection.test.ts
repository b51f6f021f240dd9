import { describe, expect, it } from "vitest";
import { detectMapping, validateAccounts } from "../../src/core";
import {
  BYTES_PER_CELL_ESTIMATE,
  DESKTOP_RESPONSE_BUDGET_BYTES,
  readSelection,
  RESPONSE_BUDGET_BYTES,
  rowsPerChunk,
} from "../../src/excel/readSelection";
import { FakeExcel, PAYLOAD_LIMIT_BYTES } from "../fakes/fakeExcel";
import { messyAccounts } from "../fixtures/messyAccounts";
import { sampleValues } from "../fixtures/kamSample";

function accountSheet(rows: number) {
  const cells: unknown[][] = [["Account", "KAM", "Revenue FY24", "Revenue FY25", "NPS score", "Modules in use"]];
  for (let i = 0; i < rows; i++)
    cells.push([
      `Account number ${i + 1} GmbH & Co. KG`,
      "Lena Maier",
      123456.78 + i,
      234567.89 + i,
      i % 11,
      1 + (i % 4),
    ]);
  return {
    name: "Account Data",
    cells,
    formats: cells.map(() => ["General", "General", "#,##0.00", "#,##0.00", "0", "0"]),
  };
}

const all = () => true;

describe("readSelection against the recording fake", () => {
  it("reads values, formats and hidden columns of the selection, at the selection's place", async () => {
    const cells: unknown[][] = [];
    messyAccounts.values.forEach((row, i) => (cells[i + 1] = [undefined, ...row]));
    const excel = new FakeExcel([{ name: "Account Data", cells, formats: [], hiddenColumns: [4] }], {
      sheet: "Account Data",
      row: 1,
      col: 1,
      rows: 11,
      cols: 11,
    });
    const read = await readSelection(excel.context, all);
    expect(read.input.top).toBe(1);
    expect(read.input.left).toBe(1);
    expect(read.input.values).toEqual(messyAccounts.values);
    expect(read.input.hiddenColumns?.[3]).toBe(true);
    expect(read.syncs).toBe(2);
    const table = validateAccounts(read.input, detectMapping(read.input));
    expect(table.issues[0]).toMatchObject({ code: "hidden_column", cell: "'Account Data'!E4" });
  });

  it("reads Excel's separators in the first sync where ExcelApi 1.11 allows, so German text numbers read right", async () => {
    const sheet = {
      name: "Konten",
      cells: [
        ["Account", "Revenue"],
        ["Acme", "1.234,5"],
        ["Bolt", "1,25"],
      ],
    };
    const at = { sheet: "Konten", row: 0, col: 0, rows: 3, cols: 2 };
    const excel = new FakeExcel([sheet], at);
    excel.separators = { decimal: ",", group: "." };
    const read = await readSelection(excel.context, all);
    expect(read.input.separators).toEqual({ decimal: ",", group: "." });
    expect(read.syncs).toBe(2);
    const table = validateAccounts(read.input, detectMapping(read.input));
    expect(Array.from(table.numbers.revenue!)).toEqual([1234.5, 1.25]);

    const older = new FakeExcel([sheet], at);
    const old = await readSelection(older.context, (_set, version) => version !== "1.11");
    expect(old.input.separators).toBeUndefined();
    expect(validateAccounts(old.input, detectMapping(old.input)).issues.map((i) => i.cell)).toEqual([
      // where Excel cannot say, "." is the decimal mark: both are refused with advice, neither is misread
      "Konten!B2",
      "Konten!B3",
    ]);
  });

  it("finds rows hidden by a filter, in one more sync only when there are some, and says so", async () => {
    const sheet = { ...accountSheet(8), hiddenRows: [3, 6, 7], hiddenColumns: [2] };
    const excel = new FakeExcel([sheet], { sheet: "Account Data", row: 0, col: 0, rows: 9, cols: 6 });
    const read = await readSelection(excel.context, all);
    expect(read.input.hiddenRows).toEqual([3, 6, 7]);
    expect(read.syncs).toBe(3);
    const table = validateAccounts(read.input, detectMapping(read.input));
    expect(table.issues.find((i) => i.code === "hidden_rows")).toMatchObject({
      cell: "'Account Data'!A4",
      message:
        "Rows 4, 7, 8 are hidden (a filter?); they were read like the others. Show them, or select only the rows to use.",
    });
    expect(table.count).toBe(8);

    const none = new FakeExcel([accountSheet(8)], { sheet: "Account Data", row: 0, col: 0, rows: 9, cols: 6 });
    const plain = await readSelection(none.context, all);
    expect([plain.input.hiddenRows, plain.syncs]).toEqual([undefined, 2]);
  });

  it("numbers hidden rows within a table that starts lower on the sheet, from its header", async () => {
    // The table's header in row 3 (0-based 2); sheet rows 6, 9 and 10 hidden are the table's rows 3, 6 and 7.
    const table = accountSheet(8);
    const sheet = {
      ...table,
      cells: [[], [], ...table.cells],
      formats: [[], [], ...table.formats],
      hiddenRows: [5, 8, 9],
    };
    const excel = new FakeExcel([sheet], { sheet: "Account Data", row: 2, col: 0, rows: 9, cols: 6 });
    const read = await readSelection(excel.context, all);
    expect(read.input.hiddenRows).toEqual([3, 6, 7]);
    expect(read.input.values[3][0]).toBe("Account number 3 GmbH & Co. KG");
  });

  it("reads the table around a single selected cell, and says which range it read", async () => {
    const cells: unknown[][] = [];
    cells[0] = ["Notes: see below"];
    messyAccounts.values.forEach((row, i) => (cells[i + 2] = [undefined, ...row]));
    cells[16] = [undefined, undefined, undefined, "a remark far below"];
    const at = { sheet: "Account Data", row: 6, col: 3, rows: 1, cols: 1 }; // D7, inside the table
    const excel = new FakeExcel([{ name: "Account Data", cells, formats: [] }], at);
    const read = await readSelection(excel.context, all);
    // Excel's region around D7 is B5:L8 (a blank row ends it); the table goes on to the last used row
    expect(read.selectedAddress).toBe("'Account Data'!D7");
    expect(read.expandedTo).toBe("'Account Data'!B5:L17");
    expect(read.input.values.slice(0, 9)).toEqual(messyAccounts.values.slice(2, 11));
    expect(read.syncs).toBe(2);
    const table = validateAccounts(read.input, detectMapping(read.input));
    expect(table.summary).toMatchObject({ accepted: 3, ignoredTotals: 1 });
    expect(table.issues.map((i) => i.code)).toContain("missing_account"); // the remark below is reported, not read
  });

  it("asks for one block of cells when the selection has several areas or is a chart or shape (#2268)", async () => {
    const excel = new FakeExcel([accountSheet(5)], {
      sheet: "Account Data",
      row: 0,
      col: 0,
      rows: 6,
      cols: 6,
      areas: 2,
    });
    await expect(readSelection(excel.context, all)).rejects.toThrow(
      "The selection has several areas, or a chart or shape is selected: select the account table as one block of cells.",
    );
  });

  it("trims a whole-column selection to the used range", async () => {
    const excel = new FakeExcel([accountSheet(50)], {
      sheet: "Account Data",
      row: 0,
      col: 0,
      rows: 1_048_576,
      cols: 6,
    });
    const read = await readSelection(excel.context, all);
    expect(read.input.values).toHaveLength(51);
    expect(read.selectedAddress).toBe("'Account Data'!A1:F1048576");
  });

  it("returns no rows for an empty selection", async () => {
    const excel = new FakeExcel([{ name: "Empty", cells: [] }], { sheet: "Empty", row: 0, col: 0, rows: 10, cols: 3 });
    const read = await readSelection(excel.context, all);
    expect(read.input.values).toEqual([]);
    expect(read.syncs).toBe(1);
  });

  it("needs a bounded number of syncs: 2 for 10 rows, 1 + chunks for 100,000, each response under 5 MB", async () => {
    const small = new FakeExcel([accountSheet(10)], { sheet: "Account Data", row: 0, col: 0, rows: 11, cols: 6 });
    expect((await readSelection(small.context, all)).syncs).toBe(2);
    const big = new FakeExcel([accountSheet(100_000)], {
      sheet: "Account Data",
      row: 0,
      col: 0,
      rows: 100_001,
      cols: 6,
    });
    const read = await readSelection(big.context, all);
    // the first chunk sized at 64 bytes a cell, the others from the bytes the rows took
    expect(read.syncs).toBe(1 + read.chunks);
    const sent = big.responseBytes.reduce((a, b) => a + b, 0);
    expect(read.chunks).toBeGreaterThan(1);
    expect(read.chunks).toBeLessThanOrEqual(Math.ceil(sent / (RESPONSE_BUDGET_BYTES * 0.9)) + 1);
    expect(rowsPerChunk(6)).toBe(Math.floor(RESPONSE_BUDGET_BYTES / (6 * BYTES_PER_CELL_ESTIMATE)));
    expect(Math.max(...big.responseBytes)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(read.input.values).toHaveLength(100_001);
  });

  it("reads 100,000 rows of the KAM sample in 2 syncs (3 with hidden rows) where Excel has no payload limit (Windows, Mac)", async () => {
    const cells = sampleValues({ count: 100_000, messy: true });
    const desktop = new FakeExcel([{ name: "Account Data", cells }], {
      sheet: "Account Data",
      row: 0,
      col: 0,
      rows: cells.length,
      cols: cells[0].length,
    });
    desktop.payloadLimit = Infinity;
    const read = await readSelection(desktop.context, all, { responseBudget: DESKTOP_RESPONSE_BUDGET_BYTES });
    // the shape, then every cell in one response (hidden rows would take a third)
    expect([read.syncs, read.chunks]).toEqual([2, 1]);
    // Excel reads an empty cell as ""; compared as JSON, as a deep comparison of 2 million cells takes minutes
    const asExcel = JSON.stringify(cells.map((r) => r.map((v) => v ?? "")));
    expect(JSON.stringify(read.input.values) === asExcel).toBe(true);
  });

  it("the fake refuses what Excel refuses: a response over 5 MB in one sync", async () => {
    const big = new FakeExcel([accountSheet(100_000)], {
      sheet: "Account Data",
      row: 0,
      col: 0,
      rows: 100_001,
      cols: 6,
    });
    const range = big.context.workbook.getSelectedRange();
    range.load("values,numberFormat");
    await expect(big.sync()).rejects.toThrow(/payload size/);
    expect(() => big.context.workbook.getSelectedRange().values).toThrow(/PropertyNotLoaded/);
  });

  it("reads a table of long texts: chunks follow the bytes read, and a refused response is read again in halves", async () => {
    const cells: unknown[][] = [["Account", "Notes", "Region", "KAM", "Product", "Remarks"]];
    for (let i = 0; i < 12_000; i++) cells.push(Array.from({ length: 6 }, (_, j) => `${i}:${j} ${"é".repeat(60)}`));
    const excel = new FakeExcel([{ name: "Notes", cells }], { sheet: "Notes", row: 0, col: 0, rows: 12_001, cols: 6 });
    const read = await readSelection(excel.context, all);
    expect(read.input.values).toHaveLength(12_001);
    expect(read.input.values[12_000][5]).toBe(`11999:5 ${"é".repeat(60)}`);
    expect(read.input.hiddenColumns).toHaveLength(6);
    // the first chunk, sized at 64 bytes a cell, was refused; every response read after it stayed under the limit
    expect(excel.responseBytes.filter((b) => b > PAYLOAD_LIMIT_BYTES)).toHaveLength(1);
    expect(excel.responseBytes[1]).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    // the refused sync is a round trip too
    expect(read.syncs).toBe(excel.syncs);
  });

  it("sizes every chunk after the first within the response budget, from the bytes the rows before it took", async () => {
    const cells: unknown[][] = [["Account", "Notes", "Region", "KAM", "Product", "Remarks"]];
    for (let i = 0; i < 6_000; i++) cells.push(Array.from({ length: 6 }, (_, j) => `${i}:${j} ${"é".repeat(60)}`));
    const excel = new FakeExcel([{ name: "Notes", cells }], { sheet: "Notes", row: 0, col: 0, rows: 6_001, cols: 6 });
    const budget = 1_000_000;
    const read = await readSelection(excel.context, all, { responseBudget: budget });
    expect(read.input.values[6_000][5]).toBe(`5999:5 ${"é".repeat(60)}`);
    // The shape, then the first chunk: 2,604 rows at 64 bytes a cell, which long texts overrun (Excel still sends it,
    // below its 5 MB); the rest come in chunks of at most the budget.
    expect(excel.responseBytes[1]).toBeGreaterThan(budget);
    expect(excel.responseBytes.slice(2).filter((b) => b > budget)).toEqual([]);
    expect(read.chunks).toBe(excel.responseBytes.length - 1);
  });

  it("reads the hidden columns and rows once: a later chunk refused and read again in halves carries only its cells", async () => {
    // 300 short rows, then 300 long ones: the chunk after the first is sized from the short rows and refused.
    const cells: unknown[][] = [["Account", "Notes"]];
    for (let i = 0; i < 600; i++) cells.push([`A${i}`, i < 300 ? "ok" : "n".repeat(1000)]);
    const excel = new FakeExcel([{ name: "Notes", cells }], { sheet: "Notes", row: 0, col: 0, rows: 601, cols: 2 });
    excel.payloadLimit = 30_000;
    const read = await readSelection(excel.context, all, { responseBudget: 20_000 });
    expect(read.input.values).toEqual(cells);
    expect(read.input.hiddenColumns).toEqual([false, false]);
    const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
    const formats = cells.map(() => ["General", "General"]);
    const cellBytes = (from: number, n: number) =>
      bytes(cells.slice(from, from + n)) + bytes(formats.slice(from, from + n));
    // After the shape and the first chunk (rowsPerChunk rows, with the hidden columns and rows), each response Excel
    // sent holds exactly the cells of the next rows.
    let row = rowsPerChunk(2, 20_000);
    const later = excel.responseBytes.slice(2);
    expect(later.filter((b) => b > 30_000).length).toBeGreaterThan(0);
    for (const b of later.filter((b) => b <= 30_000)) {
      const n = Array.from({ length: 601 - row }, (_, k) => k + 1).find((k) => cellBytes(row, k) === b);
      expect(n, `a response of ${b} bytes from row ${row}`).toBeDefined();
      row += n!;
    }
    expect(row).toBe(601);
  });

  it("says what to do when even one row is more than Excel on the web can send", async () => {
    const row = Array.from({ length: 200 }, () => "x".repeat(30_000));
    const excel = new FakeExcel([{ name: "Wide", cells: [row, row] }], {
      sheet: "Wide",
      row: 0,
      col: 0,
      rows: 2,
      cols: 200,
    });
    await expect(readSelection(excel.context, all)).rejects.toThrow(/could not send even one row/);
  });
});
