/**
 * A column block is written as the cell block of the same cells would be (issue 18), by exceljs row by row and by the
 * XML runs of rowRuns.ts: the sheet parts of the two files are the same bytes, and exceljs reads the values back.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { PlanCell, PlanColumn, SheetPlan, WorkbookPlan } from "../../src/report/plan";
import { columnRows } from "../../src/report/planCells";
import { writeWorkbook } from "../../src/xlsx/writeWorkbook";

async function sheetXml(file: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(file);
  return zip.file("xl/worksheets/sheet1.xml")!.async("string");
}

/** The plan with its column block as a cell block of the same rows, at the same place in the write order. */
function asCellBlock(sheet: SheetPlan): SheetPlan {
  const c = sheet.columns![0];
  return { ...sheet, columns: [], blocks: [...sheet.blocks, { at: c.at, rows: columnRows(c).slice(0, c.count) }] };
}

const cell: fc.Arbitrary<PlanCell> = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom({ f: "A{row}" }, { f: "SUM($A$1:$A$3)" }),
);
const column = (n: number): fc.Arbitrary<PlanColumn> =>
  fc.oneof(
    fc
      .array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(Number.NaN)), {
        minLength: n,
        maxLength: n,
      })
      .map((xs) => Float64Array.from(xs)),
    // a column of one repeated value makes long runs of alike rows
    fc.constantFrom<PlanCell>("Active", 3, null).map((v) => new Array<PlanCell>(n).fill(v)),
    fc.array(cell, { minLength: n, maxLength: n }),
  );

describe("a column block in an .xlsx", () => {
  it("is the same sheet XML as the cell block of its rows, with and without runs (fast-check)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 40 })
          .chain((n) => fc.tuple(fc.constant(n), fc.array(column(n), { minLength: 1, maxLength: 4 }))),
        async ([count, columns]) => {
          const sheet: SheetPlan = {
            name: "Data",
            blocks: [{ at: "A1", rows: [columns.map((_, j) => `Column ${j + 1}`)] }],
            columns: [{ at: "A2", count, columns }],
            styles: [{ range: `A2:A${count + 1}`, numberFormat: "0.0" }],
          };
          for (const minRun of [3, 1000]) {
            const [a, b] = await Promise.all([
              writeWorkbook({ sheets: [sheet] }, { minRun }),
              writeWorkbook({ sheets: [asCellBlock(sheet)] }, { minRun }),
            ]);
            expect(await sheetXml(a)).toBe(await sheetXml(b));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("holds its values as exceljs reads them back: numbers, text, blanks for NaN and null, formulas", async () => {
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "Data",
          blocks: [],
          columns: [
            {
              at: "B2",
              count: 3,
              columns: [Float64Array.from([1.25, Number.NaN, -7]), ["Acme", null, "Beta"], [{ f: "B{row}" }, true, 0]],
            },
          ],
        },
      ],
    };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeWorkbook(plan)) as never);
    const ws = wb.getWorksheet("Data")!;
    const at = (a: string) => ws.getCell(a).value;
    expect([at("B2"), at("B3"), at("B4")]).toEqual([1.25, null, -7]);
    expect([at("C2"), at("C3"), at("C4")]).toEqual(["Acme", null, "Beta"]);
    expect(at("D2")).toMatchObject({ formula: "B{row}" });
    expect([at("D3"), at("D4")]).toEqual([true, 0]);
  });
});
