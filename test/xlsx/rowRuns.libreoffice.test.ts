/**
 * Long runs of alike rows are written as sheet XML by rowRuns.ts instead of exceljs (issue 18). The file must be the
 * same workbook either way: LibreOffice recalculates a KAM report written both ways and every cell of every sheet
 * must hold the same value; exceljs reads the styles back the same.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { writeWorkbook } from "../../src/xlsx/writeWorkbook";
import { runSample } from "../fixtures/kamSample";
import { recalculate } from "../support/libreoffice";

describe("a KAM report written with runs is the same workbook", () => {
  it("LibreOffice computes every cell of every sheet the same, and exceljs reads the same styles", async () => {
    const { report } = runSample({ count: 180, seed: 11, messy: true, hostile: true });
    const plan = report.plan;
    const plain = await writeWorkbook(plan); // 180 rows: below MIN_RUN, exceljs writes every row
    const runs = await writeWorkbook(plan, { minRun: 5 });

    // The runs path was taken: shared formulas and inline text in the Accounts sheet, none in the plain file.
    const sheetXml = async (file: Buffer) => {
      const zip = await JSZip.loadAsync(file, { checkCRC32: true });
      const parts = await Promise.all(
        Object.keys(zip.files)
          .filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
          .map((name) => zip.file(name)!.async("string")),
      );
      return parts.join("");
    };
    expect(await sheetXml(plain)).not.toContain('t="shared"');
    const runXml = await sheetXml(runs);
    expect(runXml).toContain('<f t="shared" ref="');
    expect(runXml).toContain('t="inlineStr"');

    const [a, b] = await Promise.all([recalculate(plain), recalculate(runs)]);
    const cellsA = a.cells();
    const cellsB = b.cells();
    expect([...cellsB.keys()]).toEqual([...cellsA.keys()]);
    let compared = 0;
    for (const [sheet, cells] of cellsA) {
      const other = cellsB.get(sheet)!;
      expect([...other.keys()].sort(), sheet).toEqual([...cells.keys()].sort());
      for (const [address, value] of cells) {
        expect(other.get(address), `${sheet}!${address}`).toEqual(value);
        compared++;
      }
    }
    // 180 accounts × about 30 columns on Accounts alone.
    expect(compared).toBeGreaterThan(180 * 25);

    const [wa, wb] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await wa.xlsx.load(plain as never);
    await wb.xlsx.load(runs as never);
    const accountsA = wa.getWorksheet("Accounts")!;
    const accountsB = wb.getWorksheet("Accounts")!;
    for (const row of [2, 20, 90, 150, 181]) {
      for (let col = 1; col <= accountsA.columnCount; col++) {
        const ca = accountsA.getCell(row, col);
        const cb = accountsB.getCell(row, col);
        expect(cb.style, `Accounts row ${row} column ${col}`).toEqual(ca.style);
      }
    }
  });
});
