/**
 * The very hidden settings sheet `kam` writes into its .xlsx (src/report/kam/settingsSheet.ts): read back from A1 down
 * as the add-in and `kam settings --from` read it (core settingsFromCells, parseSettings), it gives the settings the
 * workbook was built with.
 */
import { describe, expect, it } from "vitest";
import { parseSettings, settingsFromCells, SETTINGS_SHEET } from "../../../src/core";
import { planCellAt } from "../../../src/report/planCells";
import { prepareReport } from "../../../src/report/kam/prepareReport";
import { settingsSheet } from "../../../src/report/kam/settingsSheet";
import { sampleValues } from "../../fixtures/kamSample";

describe("the settings sheet", () => {
  it("holds the build's settings in column A from A1, very hidden, and they read back as they were", () => {
    const input = { sheet: "Account Data", top: 0, left: 0, values: sampleValues({ count: 40, seed: 2 }) };
    const { settings } = prepareReport(input, { choices: { grid: 3, topN: 12 } });
    const sheet = settingsSheet(settings);
    expect(sheet.name).toBe(SETTINGS_SHEET);
    expect(sheet.visibility).toBe("veryHidden");
    const cells: unknown[] = [];
    for (let r = 1; planCellAt(sheet, r, 1) !== null; r++) cells.push(planCellAt(sheet, r, 1));
    expect(cells.length).toBeGreaterThan(0);
    // Nothing beside column A: the reader takes A1 downwards only.
    expect(planCellAt(sheet, 1, 2)).toBe(null);
    const read = parseSettings(settingsFromCells(cells));
    expect(read).toEqual(settings);
  });
});
