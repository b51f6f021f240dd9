/**
 * The writes src/excel/blockWrites.ts plans for a sheet, one by one: which ranges get number formats (a run of
 * neighbouring one-format columns in one write and a copy of formats, a stretch per write, a mixed column with its
 * formulas), the bytes each write reserves in the request (documented in the source: a number-format row and its copy
 * 4 operations of 300 bytes plus its JSON, a stretch 2 operations plus its JSON, a copy of a pattern row 3 operations,
 * a slice of formulas 2 operations per range written plus each row's JSON and its comma), where a slice ends at the
 * budget, and which blocks count as written over an earlier one (their number cells then say "General"). The sheet is
 * the strict recording fake behind a spy that lists each write with its address, so a write of the wrong shape fails
 * in the fake and a write to the wrong place or of the wrong size fails the list.
 */
import { describe, expect, it } from "vitest";
import { columnFormats, writeCells, type Batch } from "../../src/excel/blockWrites";
import type { PlanCell, SheetPlan } from "../../src/report/plan";
import { RecordingExcel } from "../fakes/fakeExcelWriter";

type Write =
  | { reserve: number }
  | "sync"
  | { numberFormat: string; value: unknown[][] }
  | { formulas: string; value: unknown[][] }
  | { copy: string; from: string; type: string };

/** 0-based column → letters. */
function letters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * writeCells over the recording fake with a batch that sends the request when the next write would pass `budget`
 * (applyPlan's rule), every write and reserve listed in order; the fake's sheet after the last sync.
 */
async function written(plan: SheetPlan, budget = 1_000_000) {
  const excel = new RecordingExcel([RecordingExcel.sheet(plan.name, 0)]);
  const inner = excel.context.workbook.worksheets.getItem(plan.name);
  const log: Write[] = [];
  const ranges = new WeakMap<object, { range: Excel.Range; at: string }>();
  const sheet = {
    getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
      const range = inner.getRangeByIndexes(row, col, rows, cols);
      const at = `${letters(col)}${row + 1}:${letters(col + cols - 1)}${row + rows}`;
      const spy = {
        set formulas(value: unknown[][]) {
          log.push({ formulas: at, value });
          range.formulas = value as string[][];
        },
        set numberFormat(value: unknown[][]) {
          log.push({ numberFormat: at, value });
          range.numberFormat = value as string[][];
        },
        copyFrom(source: object, type: Excel.RangeCopyType) {
          const from = ranges.get(source)!;
          log.push({ copy: at, from: from.at, type });
          range.copyFrom(from.range, type);
        },
      };
      ranges.set(spy, { range, at });
      return spy;
    },
  } as unknown as Excel.Worksheet;
  let pending = 0;
  const batch: Batch = {
    budget,
    room: () => budget - pending,
    reserve: async (bytes) => {
      if (pending > 0 && pending + bytes > budget) {
        await excel.context.sync();
        log.push("sync");
        pending = 0;
      }
      log.push({ reserve: bytes });
      pending += bytes;
    },
  };
  await writeCells(sheet, plan, batch);
  await excel.context.sync();
  return { log, sheet: excel.byName(plan.name)! };
}

const OP = 300;

describe("writeCells: number formats by column", () => {
  it("sets neighbouring text columns in one write on the block's first row and copies it down, each run where it is", async () => {
    const rows = [
      [1, "a", "b", 2, "c"],
      [3, "d", "e", 4, "f"],
      [5, "g", "h", 6, "i"],
    ];
    const { log, sheet } = await written({ name: "R", blocks: [{ at: "C3", rows }] });
    expect(log).toEqual([
      // D and E: '[["@","@"]]' is 11 bytes
      { reserve: 11 + 4 * OP },
      { numberFormat: "D3:E3", value: [["@", "@"]] },
      { copy: "D4:E5", from: "D3:E3", type: "Formats" },
      // G on its own: F (numbers) needs no format
      { reserve: 7 + 4 * OP },
      { numberFormat: "G3:G3", value: [["@"]] },
      { copy: "G4:G5", from: "G3:G3", type: "Formats" },
      // one range of formulas (2 operations), its brackets (2) and 3 rows of '[1,"a","b",2,"c"]' (17) and a comma
      { reserve: 2 * OP + 2 + 3 * (17 + 1) },
      { formulas: "C3:G5", value: rows },
    ]);
    expect(Object.fromEntries(sheet.formats)).toEqual(
      Object.fromEntries(["D", "E", "G"].flatMap((c) => [3, 4, 5].map((r) => [`${c}${r}`, "@"]))),
    );
  });

  it("gives a column with a header over numbers its stretch, and sends a mixed column's formats with its formulas", async () => {
    // Id: 3 text cells over 92 numbers, 640 + 3 × 6 = 658 bytes as a stretch against 95 × 7 = 665 cell by cell
    const rows: PlanCell[][] = Array.from({ length: 95 }, (_, i) => [i < 3 ? `h${i}` : i, i % 2 === 0 ? "x" : 7]);
    const { log, sheet } = await written({ name: "S", blocks: [{ at: "B1", rows }] });
    const formats = rows.map((r) => [typeof r[1] === "string" ? "@" : null]);
    const rowBytes = rows.reduce(
      (n, r, i) => n + JSON.stringify(r).length + 1 + JSON.stringify(formats[i]).length + 1,
      0,
    );
    expect(log).toEqual([
      // '[["@"],["@"],["@"]]' is 19 bytes
      { reserve: 19 + 2 * OP },
      { numberFormat: "B1:B3", value: [["@"], ["@"], ["@"]] },
      // two ranges (formulas, the mixed column's formats), 2 operations and 2 brackets each
      { reserve: 2 * 2 * OP + 2 * 2 + rowBytes },
      { numberFormat: "C1:C95", value: formats },
      { formulas: "B1:C95", value: rows },
    ]);
    expect(Object.fromEntries(sheet.formats)).toEqual(
      Object.fromEntries([
        ["B1", "@"],
        ["B2", "@"],
        ["B3", "@"],
        ...rows.flatMap((_, i) => (i % 2 === 0 ? [[`C${i + 1}`, "@"]] : [])),
      ]),
    );
  });

  it("fills each request to its budget, at exactly the budget and one byte under it", async () => {
    // 20 rows: '[1,"a"]' with '["@"]' (8 + 6 = 14 bytes), '[1,2]' with '[null]' (6 + 7 = 13 bytes)
    const rows: PlanCell[][] = Array.from({ length: 20 }, (_, i) => [1, i % 2 === 0 ? "a" : 2]);
    const formats = rows.map((r) => [r[1] === "a" ? "@" : null]);
    // every slice: 2 ranges of 2 operations and 2 brackets each, 1,204 bytes, then its rows
    const base = 2 * 2 * OP + 4;
    const slices = (sizes: number[], reserves: number[]) => {
      const out: Write[] = [];
      let top = 0;
      sizes.forEach((n, k) => {
        if (k > 0) out.push("sync");
        out.push(
          { reserve: reserves[k] },
          { numberFormat: `B${top + 1}:B${top + n}`, value: formats.slice(top, top + n) },
          { formulas: `A${top + 1}:B${top + n}`, value: rows.slice(top, top + n) },
        );
        top += n;
      });
      return out;
    };
    // 6 rows come to 1,204 + 81 = 1,285: at a budget of 1,285 they go together; the last 2 rows take 1,231
    expect((await written({ name: "B", blocks: [{ at: "A1", rows }] }, base + 81)).log).toEqual(
      slices([6, 6, 6, 2], [base + 81, base + 81, base + 81, base + 27]),
    );
    // one byte less: 5 rows a request, 1,272 bytes from an even row, 1,271 from an odd one
    expect((await written({ name: "B", blocks: [{ at: "A1", rows }] }, base + 80)).log).toEqual(
      slices([5, 5, 5, 5], [base + 68, base + 67, base + 68, base + 67]),
    );
  });
});

describe("writeCells: the room left in the request under way", () => {
  // A1 holds 1000 first: 602 bytes of a slice and '[1000]' with its comma, 609 bytes in the request.
  const first = [{ reserve: 2 * OP + 2 + 7 }, { formulas: "A1:A1", value: [[1000]] }];

  it("fills what the request has left when that is an eighth of the budget or more", async () => {
    // 3,000 bytes: 2,391 left. Rows of '[100000000]' and a comma, 12 bytes: 149 of them take 602 + 1,788 = 2,390.
    const rows = Array.from({ length: 200 }, (_, i) => [100_000_000 + i]);
    const { log } = await written(
      {
        name: "M",
        blocks: [
          { at: "A1", rows: [[1000]] },
          { at: "C1", rows },
        ],
      },
      3000,
    );
    expect(log).toEqual([
      ...first,
      { reserve: 602 + 149 * 12 },
      { formulas: "C1:C149", value: rows.slice(0, 149) },
      // 1 byte left: the other 51 rows go in a new request
      "sync",
      { reserve: 602 + 51 * 12 },
      { formulas: "C150:C200", value: rows.slice(149) },
    ]);
  });

  it("at exactly an eighth of the budget left still fills the request under way, a row at a time", async () => {
    // 696 bytes: 87 left, 696 / 8. A slice is 602 bytes before its rows, so each holds the one row that always goes.
    const { log } = await written(
      {
        name: "M",
        blocks: [
          { at: "A1", rows: [[1000]] },
          { at: "C1", rows: [[1], [2], [3]] },
        ],
      },
      696,
    );
    expect(log).toEqual([
      ...first,
      "sync",
      { reserve: 606 },
      { formulas: "C1:C1", value: [[1]] },
      // 90 bytes left: still an eighth or more
      "sync",
      { reserve: 606 },
      { formulas: "C2:C2", value: [[2]] },
      "sync",
      { reserve: 606 },
      { formulas: "C3:C3", value: [[3]] },
    ]);
  });
});

describe("writeCells: copies, empty blocks and styles", () => {
  it("writes a pattern's first row, copies it down, and counts its copies as written for a later pattern", async () => {
    const { log, sheet } = await written({
      name: "P",
      blocks: [],
      patterns: [
        { at: "A1", count: 3, pattern: [{ f: "B{row}*2" }] },
        // over A3, the first pattern's last copy: its formula cells say General
        { at: "A3", count: 2, pattern: [{ f: "C{row}" }] },
      ],
    });
    expect(log).toEqual([
      // '["=B1*2"]' (9 bytes) and its comma
      { reserve: 2 * OP + 2 + 10 },
      { formulas: "A1:A1", value: [["=B1*2"]] },
      { reserve: 3 * OP },
      { copy: "A2:A3", from: "A1:A1", type: "All" },
      // '[["General"]]' is 13 bytes; the copy below carries it down with the formula
      { reserve: 13 + 4 * OP },
      { numberFormat: "A3:A3", value: [["General"]] },
      { reserve: 2 * OP + 2 + 8 },
      { formulas: "A3:A3", value: [["=C3"]] },
      { reserve: 3 * OP },
      { copy: "A4:A4", from: "A3:A3", type: "All" },
    ]);
    expect(Object.fromEntries(sheet.formulas)).toEqual({ A1: "=B1*2", A2: "=B2*2", A3: "=C3", A4: "=C4" });
    expect(Object.fromEntries(sheet.formats)).toEqual({ A3: "General", A4: "General" });
  });

  it("writes nothing for a block of no rows, and a later block over its corner is not over anything", async () => {
    const { log, sheet } = await written({
      name: "E",
      blocks: [
        { at: "B2", rows: [] },
        {
          at: "A1",
          rows: [
            [1, 2],
            [3, 4],
          ],
        },
      ],
      columns: [{ at: "F1", count: 0, columns: [[]] }],
      patterns: [
        { at: "D1", count: 0, pattern: [{ f: "A{row}" }] },
        { at: "E1", count: 1, pattern: [{ f: "A{row}+1" }] },
      ],
    });
    expect(log).toEqual([
      { reserve: 2 * OP + 2 + 2 * 6 },
      {
        formulas: "A1:B2",
        value: [
          [1, 2],
          [3, 4],
        ],
      },
      { reserve: 2 * OP + 2 + 10 }, // '["=A1+1"]' (9 bytes) and its comma
      { formulas: "E1:E1", value: [["=A1+1"]] },
    ]);
    expect(Object.fromEntries(sheet.formats)).toEqual({});
    expect(Object.fromEntries(sheet.formulas)).toEqual({ A1: 1, B1: 2, A2: 3, B2: 4, E1: "=A1+1" });
  });

  it("sets a style's number format on its first row and copies it down, and nothing for a style without one", async () => {
    const { log, sheet } = await written({
      name: "T",
      blocks: [],
      styles: [
        { range: "B2:C4", numberFormat: "0.0%" },
        { range: "A1:A3", font: { bold: true } },
        { range: "E5", numberFormat: "0" },
      ],
    });
    expect(log).toEqual([
      // '[["0.0%","0.0%"]]' is 17 bytes
      { reserve: 17 + 4 * OP },
      { numberFormat: "B2:C2", value: [["0.0%", "0.0%"]] },
      { copy: "B3:C4", from: "B2:C2", type: "Formats" },
      { reserve: 7 + 4 * OP },
      { numberFormat: "E5:E5", value: [["0"]] },
    ]);
    expect(Object.fromEntries(sheet.formats)).toEqual({
      ...Object.fromEntries(["B", "C"].flatMap((c) => [2, 3, 4].map((r) => [`${c}${r}`, "0.0%"]))),
      E5: "0",
    });
  });
});

describe("writeCells: a block over an earlier one", () => {
  // The earlier block: text over B2:C3. The later one: a number in one cell, touching or sharing a cell.
  it.each([
    ["B2", true], // its top-left corner
    ["C3", true], // its bottom-right corner
    ["B1", false], // right above
    ["B4", false], // right below
    ["A2", false], // just left
    ["D2", false], // just right
  ])("a number at %s is over it: %s", async (at, over) => {
    const { log, sheet } = await written({
      name: "O",
      blocks: [
        {
          at: "B2",
          rows: [
            ["x", "x"],
            ["x", "x"],
          ],
        },
        { at, rows: [[5]] },
      ],
    });
    expect(log.slice(0, 5)).toEqual([
      { reserve: 11 + 4 * OP },
      { numberFormat: "B2:C2", value: [["@", "@"]] },
      { copy: "B3:C3", from: "B2:C2", type: "Formats" },
      { reserve: 2 * OP + 2 + 2 * 10 },
      {
        formulas: "B2:C3",
        value: [
          ["x", "x"],
          ["x", "x"],
        ],
      },
    ]);
    expect(log.slice(5)).toEqual([
      // over text, the number's cell says General first, or it would keep "@"
      ...(over ? [{ reserve: 13 + 4 * OP }, { numberFormat: `${at}:${at}`, value: [["General"]] }] : []),
      { reserve: 2 * OP + 2 + 4 },
      { formulas: `${at}:${at}`, value: [[5]] },
    ]);
    expect(sheet.formats.get(at)).toBe(over ? "General" : undefined);
  });
});

describe("columnFormats", () => {
  const column = (cells: PlanCell[]) => cells.map((c) => [c]);

  it("chooses stretches only where they send fewer bytes than a format per cell: 658 against 665, not 658", () => {
    const header = (n: number) => column(Array.from({ length: n }, (_, i) => (i < 3 ? `h${i}` : i)));
    expect(columnFormats(header(94), 1, false)).toEqual([{ kind: "mixed" }]);
    expect(columnFormats(header(95), 1, false)).toEqual([
      { kind: "stretches", stretches: [{ from: 0, to: 3, format: "@" }] },
    ]);
  });

  it("says none, the same format, or the stretches of a column, across chunks of 512 rows", () => {
    const numbers = column([1, 2, 3]);
    expect(columnFormats(numbers, 1, false)).toEqual([{ kind: "none" }]);
    expect(columnFormats(numbers, 1, true)).toEqual([{ kind: "same", format: "General" }]);
    expect(columnFormats(column(["a", "b"]), 1, true)).toEqual([{ kind: "same", format: "@" }]);
    // a text at the bottom only: a stretch that ends with the column but does not start it
    const bottom = column(Array.from({ length: 200 }, (_, i) => (i === 199 ? "total" : i)));
    expect(columnFormats(bottom, 1, false)).toEqual([
      { kind: "stretches", stretches: [{ from: 199, to: 200, format: "@" }] },
    ]);
    const long = Array.from({ length: 1100 }, (_, i): PlanCell[] => [
      (i >= 500 && i <= 520) || i === 1099 ? "n/a" : i,
      i,
    ]);
    expect(columnFormats(long, 2, false)).toEqual([
      {
        kind: "stretches",
        stretches: [
          { from: 500, to: 521, format: "@" },
          { from: 1099, to: 1100, format: "@" },
        ],
      },
      { kind: "none" },
    ]);
  });
});
