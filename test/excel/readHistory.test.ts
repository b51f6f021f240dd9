/**
 * readHistory reads the add-in's own KAM History before a build (issue 19, part 3). Where its tables were moved or a
 * cell is not a history, the build stops with a sentence that says what to do; on the recording fake, after a first
 * build drew the sheet (KPI table at A1, account table at E1).
 */
import { describe, expect, it } from "vitest";
import { readHistory } from "../../src/excel/readHistory";
import { applyPlan } from "../../src/excel/applyPlan";
import { ACCOUNT_HISTORY_TABLE, HISTORY_SHEET, KPI_HISTORY_TABLE } from "../../src/report/kam/historySheet";
import { prepareReport } from "../../src/report/kam/prepareReport";
import { RecordingExcel } from "../fakes/fakeExcelWriter";
import { sampleValues } from "../fixtures/kamSample";

async function builtOnce(): Promise<RecordingExcel> {
  const excel = new RecordingExcel([RecordingExcel.sheet("Account Data", 0)]);
  const values = sampleValues({ count: 5 });
  const { report } = prepareReport(
    { sheet: "Account Data", top: 0, left: 0, values },
    { now: new Date("2026-09-30T08:00:00.000Z") },
  );
  await applyPlan(excel.context, report!.plan, excel.supports);
  return excel;
}

const tableOf = (excel: RecordingExcel, name: string) =>
  excel.byName(HISTORY_SHEET)!.tables.find((t) => t.name === name)!;

describe("readHistory", () => {
  it("reads the snapshot the first build wrote: its label under Snapshot in both tables", async () => {
    const excel = await builtOnce();
    const read = await readHistory(excel.context, 4e6);
    expect(read!.kpis.header).toEqual(["Snapshot", "KPI", "Value"]);
    expect(read!.kpis.rows[0][0]).toBe("2026-09-30T08:00:00.000Z");
    expect(read!.accounts.header.slice(0, 2)).toEqual(["Snapshot", "Account"]);
    expect(read!.accounts.rows).toHaveLength(5);
  });

  it("reads the same tables in chunks, the last one ending exactly at the table's last row", async () => {
    const excel = await builtOnce();
    const whole = await readHistory(excel.context, 4e6);
    // The account table: header + 5 rows of 11 columns (7 + 4 criteria); 1,408 bytes at 64 a cell are 2 rows a read,
    // so its 6 rows come in 3 reads, and a fourth would be a range of no rows.
    expect(await readHistory(excel.context, 1408)).toEqual(whole);
  });

  it("reads no history where one of its two tables is gone, so the build starts a new one", async () => {
    const excel = await builtOnce();
    const sheet = excel.byName(HISTORY_SHEET)!;
    sheet.tables = sheet.tables.filter((t) => t.name !== KPI_HISTORY_TABLE);
    expect(await readHistory(excel.context, 4e6)).toBeUndefined();
  });

  it("refuses a KPI table moved down from A1, naming the table and what to do", async () => {
    const excel = await builtOnce();
    tableOf(excel, KPI_HISTORY_TABLE).box!.row = 2;
    await expect(readHistory(excel.context, 4e6)).rejects.toThrow(
      "KAM History's table KamHistoryKpis was moved from where the add-in put it, so it cannot be continued: " +
        "rename the KAM History sheet to keep it and start a new history.",
    );
  });

  it("refuses an account table moved right from E1", async () => {
    const excel = await builtOnce();
    tableOf(excel, ACCOUNT_HISTORY_TABLE).box!.col = 5;
    await expect(readHistory(excel.context, 4e6)).rejects.toThrow(
      "KAM History's table KamHistoryAccounts was moved from where the add-in put it, so it cannot be continued: " +
        "rename the KAM History sheet to keep it and start a new history.",
    );
  });

  it("names a cell that is not a history's, and says to correct it or start a new history", async () => {
    const excel = await builtOnce();
    // C2: the first KPI row's Value.
    excel.byName(HISTORY_SHEET)!.formulas.set("C2", "n/a");
    await expect(readHistory(excel.context, 4e6)).rejects.toThrow(
      'KAM History, KPI table row 2, Value: "n/a" is not a number. Correct the cell, or rename the KAM History ' +
        "sheet to keep it and start a new history.",
    );
  });
});
