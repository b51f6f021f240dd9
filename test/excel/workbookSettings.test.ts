import { describe, expect, it } from "vitest";
import { SETTINGS_CELL_CHARS, serializeSettings, type KamSettings } from "../../src/core";
import { loadSettings, saveSettings, SETTINGS_KEY, SETTINGS_SHEET } from "../../src/excel/workbookSettings";
import { FakeExcel } from "../fakes/fakeExcel";

const settings: KamSettings = {
  version: 1,
  savedAt: "2026-11-23T23:00:00.000Z",
  source: { sheet: "Account Data", address: "'Account Data'!A1:L300" },
  columns: { account: "Account Name", revenue: "Revenue FY25" },
  criteria: [{ header: "Growth potential", weight: 2 }],
  scale: { min: 1, max: 5 },
  thresholds: { attractiveness: "median", strength: "median" },
  discountRate: 0.1,
};

function workbook() {
  return new FakeExcel([{ name: "Account Data", cells: [["Account"]] }], {
    sheet: "Account Data",
    row: 0,
    col: 0,
    rows: 1,
    cols: 1,
  });
}

describe("settings in the workbook", () => {
  it("round-trip through workbook.settings and a very hidden sheet, in two syncs each way", async () => {
    const excel = workbook();
    await saveSettings(excel.context, settings);
    expect(excel.syncs).toBe(2);
    expect(excel.sheet(SETTINGS_SHEET)?.visibility).toBe("VeryHidden");
    expect((await loadSettings(excel.context)).settings).toEqual(settings);
  });

  it("survive the loss of either copy", async () => {
    const excel = workbook();
    await saveSettings(excel.context, settings);
    excel.settingsStore.delete(SETTINGS_KEY);
    expect((await loadSettings(excel.context)).settings).toEqual(settings);
    const other = workbook();
    await saveSettings(other.context, settings);
    other.sheets.splice(
      other.sheets.findIndex((s) => s.name === SETTINGS_SHEET),
      1,
    );
    expect((await loadSettings(other.context)).settings).toEqual(settings);
  });

  it("keep the newest valid copy and say why another was not used", async () => {
    const excel = workbook();
    await saveSettings(excel.context, settings);
    excel.settingsStore.set(SETTINGS_KEY, JSON.stringify({ ...settings, version: 9 }));
    const loaded = await loadSettings(excel.context);
    expect(loaded.settings).toEqual(settings);
    expect(loaded.problems[0].message).toContain("version 9");
    await saveSettings(excel.context, { ...settings, savedAt: "2026-11-24T08:00:00.000Z", discountRate: 0.08 });
    expect((await loadSettings(excel.context)).settings?.discountRate).toBe(0.08);
  });

  it("has nothing to load in a new workbook", async () => {
    expect(await loadSettings(workbook().context)).toEqual({ settings: undefined, problems: [] });
  });

  it("survive a part that starts with an apostrophe or =, though Excel drops a leading apostrophe (office-js #6687)", async () => {
    for (const ch of ["'", "="]) {
      // an account column header long enough that the second part of the JSON starts with `ch`
      const base = { ...settings, columns: { ...settings.columns, account: "x" } };
      const at = serializeSettings(base).indexOf('"account":"x"') + '"account":"'.length;
      const header = "A".repeat(SETTINGS_CELL_CHARS - at) + `${ch}Brien & Co`;
      const long: KamSettings = { ...base, columns: { ...base.columns, account: header } };
      expect(serializeSettings(long)[SETTINGS_CELL_CHARS]).toBe(ch);
      const excel = workbook();
      await saveSettings(excel.context, long);
      excel.settingsStore.delete(SETTINGS_KEY); // only the sheet's copy is left
      expect((await loadSettings(excel.context)).settings?.columns.account).toBe(header);
    }
  });

  it("explain Excel's errors as every other sync does", async () => {
    const excel = workbook();
    excel.sync = () => Promise.reject(Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" }));
    await expect(saveSettings(excel.context, settings)).rejects.toThrow(/busy editing a cell/);
    await expect(loadSettings(excel.context)).rejects.toThrow(/busy editing a cell/);
  });
});

describe("saving settings again", () => {
  it("writes the new copy over the old one in the same hidden sheet", async () => {
    const excel = workbook();
    await saveSettings(excel.context, settings);
    const later = { ...settings, savedAt: "2026-11-24T08:00:00.000Z", discountRate: 0.08 };
    await saveSettings(excel.context, later);
    expect(excel.sheets.filter((s) => s.name === SETTINGS_SHEET)).toHaveLength(1);
    excel.settingsStore.delete(SETTINGS_KEY); // only the sheet's copy is left
    expect((await loadSettings(excel.context)).settings).toEqual(later);
  });
});

describe("loading settings from two copies", () => {
  const older = settings; // saved 2026-11-23 23:00
  const newer: KamSettings = { ...settings, savedAt: "2026-11-24T08:00:00.000Z", discountRate: 0.08 };

  it("keeps the newer copy whichever place holds it", async () => {
    const excel = workbook();
    await saveSettings(excel.context, older);
    excel.settingsStore.set(SETTINGS_KEY, serializeSettings(newer)); // workbook.settings newer than the sheet
    expect((await loadSettings(excel.context)).settings).toEqual(newer);

    const other = workbook();
    await saveSettings(other.context, newer);
    other.settingsStore.set(SETTINGS_KEY, serializeSettings(older)); // the sheet newer than workbook.settings
    expect((await loadSettings(other.context)).settings).toEqual(newer);
  });

  it("keeps the workbook.settings copy where both were saved at the same moment", async () => {
    const excel = workbook();
    await saveSettings(excel.context, settings);
    const same = { ...settings, discountRate: 0.12 };
    excel.settingsStore.set(SETTINGS_KEY, serializeSettings(same));
    expect((await loadSettings(excel.context)).settings?.discountRate).toBe(0.12);
  });

  it("finds no problem in an empty settings sheet: there is simply no copy in it", async () => {
    const excel = workbook();
    excel.sheets.push({ name: SETTINGS_SHEET, cells: [], visibility: "VeryHidden" });
    excel.settingsStore.set(SETTINGS_KEY, serializeSettings(settings));
    expect(await loadSettings(excel.context)).toEqual({ settings, problems: [] });
  });
});
