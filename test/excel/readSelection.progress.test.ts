/**
 * readSelection's progress, cancelling, and reading a saved range (Rebuild) instead of the selection; sourceOf, the
 * range saved with the settings so that Rebuild reads the same table.
 */
import { describe, expect, it } from "vitest";
import { Cancelled } from "../../src/excel/cancel";
import { readSelection, sourceOf, type SelectionRead } from "../../src/excel/readSelection";
import { FakeExcel, type FakeSheetData } from "../fakes/fakeExcel";

const all = () => true;

function accounts(rows: number, name = "Account Data"): FakeSheetData {
  const cells: unknown[][] = [["Account", "Owner", "Revenue", "Notes"]];
  for (let i = 0; i < rows; i++) cells.push([`Account ${i + 1}`, "Lena Maier", 1000 + i, "x".repeat(40)]);
  return { name, cells };
}

describe("readSelection's progress", () => {
  it("says how many rows it reads, with the rows read so far rising chunk by chunk", async () => {
    const sheet = accounts(40_000);
    const excel = new FakeExcel([sheet], { sheet: sheet.name, row: 0, col: 0, rows: 40_001, cols: 4 });
    const heard: [string, number, number][] = [];
    const read = await readSelection(excel.context, all, { onProgress: (...p) => heard.push(p) });
    expect(read.chunks).toBeGreaterThan(1);
    expect(heard[0]).toEqual(["Reading the selection", 0, 1]);
    const rows = heard.slice(1);
    expect(rows).toHaveLength(read.chunks);
    expect(rows.every(([step, , total]) => step === "Reading 40,001 rows" && total === 40_001)).toBe(true);
    const done = rows.map(([, d]) => d);
    expect(done[0]).toBe(0);
    expect(done.every((d, i) => i === 0 || d > done[i - 1])).toBe(true);
  });

  it("reports the search for hidden rows as the last step, with every row read", async () => {
    const sheet = { ...accounts(3), hiddenRows: [2] };
    const excel = new FakeExcel([sheet], { sheet: sheet.name, row: 0, col: 0, rows: 4, cols: 4 });
    const heard: [string, number, number][] = [];
    const read = await readSelection(excel.context, all, { onProgress: (...p) => heard.push(p) });
    expect(heard).toEqual([
      ["Reading the selection", 0, 1],
      ["Reading 4 rows", 0, 4],
      ["Reading 4 rows", 4, 4],
    ]);
    expect(read.input.hiddenRows).toEqual([2]);
  });

  it("lists every row as hidden when no cell of the selection is visible", async () => {
    const sheet = { ...accounts(3), hiddenRows: [0, 1, 2, 3] };
    const excel = new FakeExcel([sheet], { sheet: sheet.name, row: 0, col: 0, rows: 4, cols: 4 });
    const read = await readSelection(excel.context, all);
    expect(read.input.hiddenRows).toEqual([0, 1, 2, 3]);
  });
});

describe("cancelling readSelection", () => {
  it("stops before the next chunk's sync and says nothing was read or written", async () => {
    const sheet = accounts(40_000);
    const excel = new FakeExcel([sheet], { sheet: sheet.name, row: 0, col: 0, rows: 40_001, cols: 4 });
    const controller = new AbortController();
    let syncsAtAbort = -1;
    const error = await readSelection(excel.context, all, {
      signal: controller.signal,
      onProgress: (_step, done) => {
        if (done > 0 && !controller.signal.aborted) {
          syncsAtAbort = excel.syncs;
          controller.abort();
        }
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Cancelled);
    expect((error as Error).message).toBe("Cancelled: the table was not read, and nothing was written.");
    expect(syncsAtAbort).toBeGreaterThan(1);
    expect(excel.syncs).toBe(syncsAtAbort);
  });
});

describe("reading a saved range instead of the selection (Rebuild)", () => {
  it("reads the table around the saved cell, wherever the analyst has clicked since", async () => {
    const data = accounts(5);
    const other: FakeSheetData = { name: "Notes", cells: [["nothing to see"]] };
    const excel = new FakeExcel([data, other], { sheet: "Notes", row: 0, col: 0, rows: 1, cols: 1 });
    const read = await readSelection(excel.context, all, { source: { sheet: "Account Data", address: "B3" } });
    expect(read.input.sheet).toBe("Account Data");
    expect(read.input.values).toEqual(data.cells);
    expect(read.expandedTo).toBe("'Account Data'!A1:D6");
  });

  it("reads a saved block as it is", async () => {
    const data = accounts(5);
    const excel = new FakeExcel([data], { sheet: "Account Data", row: 4, col: 3, rows: 1, cols: 1 });
    const read = await readSelection(excel.context, all, { source: { sheet: "Account Data", address: "$A$1:$C$4" } });
    expect(read.input.values).toEqual(data.cells.slice(0, 4).map((r) => r.slice(0, 3)));
  });

  it("takes any address of cells or whole columns Excel writes, and refuses text around one", async () => {
    const excel = new FakeExcel([accounts(30)], { sheet: "Account Data", row: 0, col: 0, rows: 1, cols: 1 });
    const source = (address: string) => ({ source: { sheet: "Account Data", address } });
    // two-letter columns and two-digit rows on either side of the colon, whole columns with two letters, a 7-digit
    // row: each read (rows of the 31 the sheet holds that the range covers)
    const rows: [string, number][] = [
      ["A10:D31", 22],
      ["$A$1:$D$12", 12],
      ["A1:AB3", 3],
      ["AA1:AB3", 0],
      ["A:AB", 31],
      ["AA:AB", 0],
      ["A1048576", 0],
    ];
    for (const [address, count] of rows) {
      const read = await readSelection(excel.context, all, source(address));
      expect(read.input.values.length, address).toBe(count);
    }
    for (const address of ["notes B2", "B2 notes", "B2:C3 notes", "A:B notes"]) {
      await expect(readSelection(excel.context, all, source(address)), address).rejects.toThrow(
        `The saved settings read the table from ${address}, not from a range in this workbook`,
      );
    }
  });

  it("says what to do when the saved sheet is gone, or the settings came from a file", async () => {
    const excel = new FakeExcel([accounts(3)], { sheet: "Account Data", row: 0, col: 0, rows: 1, cols: 1 });
    await expect(readSelection(excel.context, all, { source: { sheet: "Old data", address: "A1" } })).rejects.toThrow(
      'The saved settings read the table from the sheet "Old data", which this workbook no longer has: select the ' +
        "account table and click Use selection.",
    );
    await expect(
      readSelection(excel.context, all, { source: { sheet: "Accounts", address: "kam-sample-accounts.csv" } }),
    ).rejects.toThrow(/from kam-sample-accounts\.csv, not from a range in this workbook/);
  });
});

describe("sourceOf", () => {
  const read = (selectedAddress: string, extra: Partial<SelectionRead> = {}): SelectionRead => ({
    input: {
      sheet: "Account Data",
      top: 1,
      left: 1,
      values: [
        ["Account", "Revenue"],
        ["Acme", 1],
        ["Bolt", 2],
      ],
    },
    selectedAddress,
    syncs: 2,
    chunks: 1,
    ...extra,
  });

  it("keeps the selection as the analyst made it: one cell, a block, whole columns", () => {
    expect(sourceOf(read("'Account Data'!C4", { expandedTo: "'Account Data'!B2:C4" }))).toEqual({
      sheet: "Account Data",
      address: "C4",
    });
    expect(sourceOf(read("'Account Data'!B2:C4"))).toEqual({ sheet: "Account Data", address: "B2:C4" });
    expect(sourceOf(read("'Account Data'!$B:$C"))).toEqual({ sheet: "Account Data", address: "B:C" });
  });

  it("falls back to the block read when Excel's address is no range it can take again", () => {
    expect(sourceOf(read("'Account Data'!2:4"))).toEqual({ sheet: "Account Data", address: "B2:C4" });
  });

  it("keeps the first cell of an empty selection of whole rows, so Use selection on blank rows does not fail", () => {
    // Rows 6 to 9, below the table: nothing was read (top 5, left 0, no values).
    const empty = read("'Account Data'!6:9", { input: { sheet: "Account Data", top: 5, left: 0, values: [] } });
    expect(sourceOf(empty)).toEqual({ sheet: "Account Data", address: "A6:A6" });
  });

  it("round-trips through readSelection: the saved source reads the same table", async () => {
    const data = accounts(6);
    const excel = new FakeExcel([data], { sheet: "Account Data", row: 2, col: 1, rows: 1, cols: 1 });
    const first = await readSelection(excel.context, all);
    excel.selection = { sheet: "Account Data", row: 0, col: 3, rows: 1, cols: 1 };
    const again = await readSelection(excel.context, all, { source: sourceOf(first) });
    expect(again.input).toEqual(first.input);
  });
});
