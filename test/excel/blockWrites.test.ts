/**
 * How the Office.js renderer writes cells (src/excel/blockWrites.ts): pattern rows copied down by Excel, number formats
 * by column, requests filled row by row. Each case reads the fake's cells back and compares them with the plan, so a
 * shortcut that changes what a cell holds fails here; the fake copies formulas as HyperFormula does
 * (test/fakes/formulaShift.test.ts).
 */
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/excel/applyPlan";
import { cellWrites } from "../../src/excel/cellWrites";
import { cellIndex } from "../../src/report/cellRefs";
import type { SheetPlan, WorkbookPlan } from "../../src/report/plan";
import { sheetBlocks } from "../../src/report/planCells";
import { RecordingExcel, type FakeSheet } from "../fakes/fakeExcelWriter";
import { runSample } from "../fixtures/kamSample";

const all = () => true;

function letters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Every cell the sheet plan writes, as Range.formulas must receive it (cellWrites), later blocks winning. */
function plannedCells(sheet: SheetPlan): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  for (const block of sheetBlocks(sheet)) {
    const at = cellIndex(block.at);
    const rows = "row" in block.rows ? block.rows.slice(0, block.rows.length) : block.rows;
    cellWrites(rows).formulas.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null) cells.set(`${letters(at.col + j)}${at.row + i}`, v);
      }),
    );
  }
  return cells;
}

async function drawn(plan: WorkbookPlan): Promise<RecordingExcel> {
  const excel = new RecordingExcel();
  await applyPlan(excel.context, plan, all);
  return excel;
}

const cellsOf = (sheet: FakeSheet) => new Map(sheet.formulas);

describe("writing a plan's cells through Office.js", () => {
  it("leaves every cell of the KAM workbook as planned, the Accounts sheet's computed rows copied down by Excel", async () => {
    const { report } = runSample({ messy: true, hostile: true });
    const excel = await drawn(report.plan);
    for (const sheet of report.plan.sheets) expect(cellsOf(excel.byName(sheet.name)!)).toEqual(plannedCells(sheet));
    const accounts = report.plan.sheets.find((s) => s.name === "Accounts")!;
    const pattern = accounts.patterns![0];
    const top = cellIndex(pattern.at);
    // one copy of the first computed row over all the others, instead of a formula string per cell
    const copies = excel.ops(/^Accounts!.*\.copyFrom\(.*,All,false,false\)$/);
    expect(copies.map((o) => o.path.split(".copyFrom")[0])).toEqual([
      `Accounts!${letters(top.col)}${top.row + 1}:${letters(top.col + pattern.pattern.length - 1)}${top.row + pattern.count - 1}`,
    ]);
  });

  it("writes a pattern row by row when a formula would move wrongly in a copy, or a cell is to be left as it is", async () => {
    const sheet: SheetPlan = {
      name: "P",
      blocks: [{ at: "A1", rows: Array.from({ length: 6 }, (_, i) => [i, `keep ${i}`]) }],
      patterns: [
        // B1 has no $ on its row: a copy would move it to B2, B3, … while the plan means B1 on every row
        { at: "C2", count: 4, pattern: [{ f: "A{row}*B1" }, { f: "$A{row}+1" }] },
        // null leaves column B as the block above wrote it: a copy would carry B3's blank down
        { at: "A3", count: 3, pattern: [{ f: "C{row}" }, null] },
      ],
    };
    const excel = await drawn({ sheets: [sheet] });
    expect(cellsOf(excel.byName("P")!)).toEqual(plannedCells(sheet));
    expect(excel.byName("P")!.formulas.get("C5")).toBe("=A5*B1");
    expect(excel.byName("P")!.formulas.get("B5")).toBe("keep 4");
    expect(excel.ops(/\.copyFrom\(.*,All,/)).toHaveLength(0);
  });

  it("gives a text column '@' from its first cell down, rare text its own stretches, and only a mixed column a format per cell", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [
      `Account ${i}`,
      i % 100 === 0 ? "n/a" : i * 10,
      i,
      i % 2 === 0 ? "text" : i,
    ]);
    const excel = await drawn({
      sheets: [{ name: "F", blocks: [{ at: "B2", rows: [["Name", "Revenue", "Id", "Odd"], ...rows] }] }],
    });
    const formats = excel.byName("F")!.formats;
    expect([formats.get("B2"), formats.get("C2"), formats.get("D2"), formats.get("E2")]).toEqual(["@", "@", "@", "@"]);
    for (let i = 0; i < rows.length; i++) {
      const r = i + 3;
      expect([formats.get(`B${r}`), formats.get(`C${r}`), formats.get(`D${r}`), formats.get(`E${r}`)]).toEqual([
        "@",
        i % 100 === 0 ? "@" : undefined,
        undefined,
        i % 2 === 0 ? "@" : undefined,
      ]);
    }
    expect(cellsOf(excel.byName("F")!)).toEqual(
      plannedCells({ name: "F", blocks: [{ at: "B2", rows: [["Name", "Revenue", "Id", "Odd"], ...rows] }] }),
    );
    // the name column's 3,001 formats travel as one cell and a copy
    expect(excel.ops(/^F!B3:B3002\.copyFrom\(F!B2:B2,Formats,false,false\)$/)).toHaveLength(1);
    // Revenue: its header with the first "n/a" under it (2 cells), then each other "n/a" (29 of 1 cell); Id: its
    // header; Odd: a format per cell over its 3,001 rows; and the name column's first cell
    const sets = excel.ops(/^F\.range\.numberFormat$/).map((o) => (o.value as unknown[][]).length);
    expect(sets.sort((a, b) => a - b)).toEqual([...new Array<number>(1 + 29 + 1).fill(1), 2, 3001]);
  });

  it("sets a style's number format on every cell of its range, over the text format a cell had", async () => {
    const sheet: SheetPlan = {
      name: "S",
      blocks: [{ at: "A1", rows: Array.from({ length: 2500 }, (_, i) => [i / 100, i === 7 ? "text" : i]) }],
      styles: [{ range: "A1:B2500", numberFormat: "0.0%" }],
    };
    const excel = await drawn({ sheets: [sheet] });
    const formats = excel.byName("S")!.formats;
    for (let r = 1; r <= 2500; r++) expect([formats.get(`A${r}`), formats.get(`B${r}`)]).toEqual(["0.0%", "0.0%"]);
    expect(cellsOf(excel.byName("S")!)).toEqual(plannedCells(sheet));
  });

  it("fills each request up to its budget, so the syncs follow the bytes", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`Account number ${i}`, i * 1.5, `Region ${i % 7}`]);
    const budget = 256 * 1024;
    const excel = new RecordingExcel();
    const result = await applyPlan(
      excel.context,
      { sheets: [{ name: "B", blocks: [{ at: "A1", rows }] }] },
      all,
      budget,
    );
    const sent = excel.requestBytes.reduce((a, b) => a + b, 0);
    // read and create, then the cells in as few requests as the budget allows, then names and the finish
    expect(result.syncs).toBeLessThanOrEqual(2 + Math.ceil(sent / budget) + 2);
    expect(Math.max(...excel.requestBytes)).toBeLessThanOrEqual(budget);
    expect(cellsOf(excel.byName("B")!)).toEqual(plannedCells({ name: "B", blocks: [{ at: "A1", rows }] }));
  });

  it("writes a column block as the cell block of its rows: the same cells, formats and requests", async () => {
    const n = 4000;
    const revenue = Float64Array.from({ length: n }, (_, i) => (i % 9 === 0 ? Number.NaN : i * 2.5));
    const names = Array.from({ length: n }, (_, i) => (i % 50 === 0 ? null : `Account ${i}`));
    const status = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? "Churned" : i % 7 === 0 ? 12 : "Active"));
    const columnsSheet: SheetPlan = {
      name: "C",
      blocks: [{ at: "B1", rows: [["Name", "Revenue", "Status"]] }],
      columns: [{ at: "B2", count: n, columns: [names, revenue, status] }],
      styles: [{ range: `C2:C${n + 1}`, numberFormat: "#,##0" }],
    };
    const rows = Array.from({ length: n }, (_, i) => [
      names[i],
      Number.isNaN(revenue[i]) ? null : revenue[i],
      status[i],
    ]);
    const rowsSheet: SheetPlan = { ...columnsSheet, columns: [], blocks: [...columnsSheet.blocks, { at: "B2", rows }] };
    const [a, b] = [await drawn({ sheets: [columnsSheet] }), await drawn({ sheets: [rowsSheet] })];
    expect(cellsOf(a.byName("C")!)).toEqual(plannedCells(rowsSheet));
    expect(cellsOf(a.byName("C")!)).toEqual(cellsOf(b.byName("C")!));
    expect(a.byName("C")!.formats).toEqual(b.byName("C")!.formats);
    expect(a.requestBytes).toEqual(b.requestBytes);
  });
});
