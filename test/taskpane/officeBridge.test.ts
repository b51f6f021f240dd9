/**
 * The pane's bridge to Excel on the fake workbook the browser test uses (test/fakes/fakeWorkbook.ts): each call in
 * one Excel.run, settings saved with a build and found again, Rebuild from the saved source, Excel's errors and a
 * cancel as the sentences the pane shows.
 */
import { describe, expect, it } from "vitest";
import type { TableInput } from "../../src/core";
import { explainExcelError } from "../../src/excel/excelErrors";
import { SETTINGS_KEY } from "../../src/excel/workbookSettings";
import { prepareReport } from "../../src/report/kam/prepareReport";
import { officeBridge } from "../../src/taskpane/officeBridge";
import { FakeWorkbook } from "../fakes/fakeWorkbook";
import { sampleValues } from "../fixtures/kamSample";

const SHEET = "Account Data";

function workbook(count = 30) {
  const cells = sampleValues({ count }).map((row) => row.map((v) => v ?? ""));
  const fake = new FakeWorkbook([{ name: SHEET, cells }], { sheet: SHEET, row: 3, col: 2, rows: 1, cols: 1 });
  const bridge = officeBridge({ run: (batch) => fake.run(batch), supported: fake.supports });
  return { fake, bridge, cells };
}

describe("the pane's bridge to Excel", () => {
  it("reads the table around the clicked cell and saves where it was", async () => {
    const { bridge, cells } = workbook();
    const steps: string[] = [];
    const table = await bridge.readTable({ onProgress: (step) => steps.push(step) });
    expect(table.input.values).toEqual(cells);
    expect(table.source).toEqual({ sheet: SHEET, address: "C4" });
    // The sample's 24 columns, A to X (samples/telecomAccounts.ts: 18, then six "Product: …" columns).
    expect(cells[0]).toHaveLength(24);
    expect(table.expandedTo).toBe(`'${SHEET}'!A1:X${cells.length}`);
    expect(steps).toContain(`Reading ${cells.length} rows`);
  });

  it("builds what prepareReport plans, saves the settings with the workbook, and finds them again", async () => {
    const { fake, bridge } = workbook();
    expect(await bridge.loadSaved()).toEqual({ settings: undefined, problems: [] });
    const table = await bridge.readTable();
    const request = { source: table.source, choices: { discountRate: 0.07 } };
    const outcome = await bridge.build(table.input, request);
    const expected = prepareReport(table.input, request);
    expect(outcome.sheets).toEqual(expected.report!.plan.sheets.map((s) => s.name));
    expect([outcome.accounts, outcome.leftOut]).toEqual([
      expected.table.summary.accepted,
      expected.table.summary.rejected,
    ]);
    expect(outcome.skipped).toEqual(expected.report!.notes);
    for (const sheet of outcome.sheets) expect(fake.sheetNames()).toContain(sheet);
    expect(fake.writer.settings.has(SETTINGS_KEY)).toBe(true);
    const saved = await bridge.loadSaved();
    expect(saved.settings).toEqual(outcome.settings);
    expect(saved.settings!.discountRate).toBe(0.07);
  });

  it("rebuilds from the saved source and choices wherever the selection is now, redrawing its sheets in place", async () => {
    const { fake, bridge } = workbook();
    const table = await bridge.readTable();
    const chosen = { choices: { discountRate: 0.07 }, overrides: { fields: { nps: null } } };
    const first = await bridge.build(table.input, { source: table.source, ...chosen });
    const sheets = fake.sheetNames();
    fake.view.selection = { sheet: SHEET, row: 500, col: 40, rows: 1, cols: 1 };
    const again = await bridge.rebuild();
    expect(again.sheets).toEqual(first.sheets);
    expect(again.renamed).toEqual([]);
    expect(fake.sheetNames()).toEqual(sheets);
    // the same choices: what the analyst set, and the field set to none
    const { savedAt: _first, ...before } = first.settings;
    const { savedAt: _again, ...after } = again.settings;
    expect(after).toEqual(before);
    expect([after.discountRate, after.columns.nps]).toEqual([0.07, null]);
  });

  it("says what to do when asked to rebuild a workbook without saved settings", async () => {
    const { bridge } = workbook();
    await expect(bridge.rebuild()).rejects.toThrow(
      "This workbook holds no saved KAM settings: select the account table and click Use selection.",
    );
  });

  it("gives Excel's errors as sentences, a cancel as Cancelled, and an empty table as what is wrong", async () => {
    const { fake, bridge } = workbook();
    const table = await bridge.readTable();
    fake.failNextSync = { code: "InvalidOperationInCellEditMode" };
    const sentence = (explainExcelError({ code: "InvalidOperationInCellEditMode" }) as Error).message;
    await expect(bridge.build(table.input, {})).rejects.toThrow(sentence);
    const controller = new AbortController();
    controller.abort();
    await expect(bridge.build(table.input, {}, { signal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
      message: "Cancelled: nothing was written.",
    });
    const empty: TableInput = { sheet: SHEET, top: 0, left: 0, values: [["Account", "Revenue"]] };
    await expect(bridge.build(empty, {})).rejects.toThrow(/^Nothing to build from this table: /);
  });

  it("selects an issue's cell and brings a built sheet to the front", async () => {
    const { fake, bridge } = workbook();
    const table = await bridge.readTable();
    const { sheets } = await bridge.build(table.input, {});
    await bridge.selectCell(`'${SHEET}'!G10`);
    expect(fake.view.selection).toEqual({ sheet: SHEET, row: 9, col: 6, rows: 1, cols: 1 });
    await bridge.activateSheet(sheets[1]);
    expect(fake.view.activeSheet).toBe(sheets[1]);
  });
});
