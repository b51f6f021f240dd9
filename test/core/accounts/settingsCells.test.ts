import { describe, expect, it } from "vitest";
import {
  isKamError,
  parseSettings,
  SETTINGS_CELL_CHARS,
  settingsCells,
  settingsFromCells,
  type KamSettings,
} from "../../../src/core";

const settings = (criteria: number): KamSettings => ({
  version: 1,
  savedAt: "2026-12-01T10:00:00.000Z",
  source: { sheet: "Accounts", address: "A1:R251" },
  columns: { account: "Account", revenue: "Revenue FY25" },
  criteria: Array.from({ length: criteria }, (_, j) => ({ header: `Criterion with a long name ${j}`, weight: j % 5 })),
  scale: { min: 1, max: 5 },
  thresholds: { attractiveness: 50, strength: "median" },
  discountRate: 0.1,
});

describe("the settings sheet's cells", () => {
  it("split settings over several cells below Excel's cell limit and read them back", () => {
    const big = settings(1500);
    const cells = settingsCells(big);
    expect(cells.join("").length).toBeGreaterThan(60_000);
    expect(cells.length).toBeGreaterThan(2);
    for (const c of cells) expect(c.length).toBeLessThanOrEqual(SETTINGS_CELL_CHARS + 1);
    const back = parseSettings(settingsFromCells([...cells, ""]));
    expect(isKamError(back) ? back.message : back).toEqual(big);
  });

  it("read a shorter copy written over a longer one: the empty cell after its last part ends it", () => {
    const long = settingsCells(settings(1500));
    const short = settingsCells(settings(2));
    // The sheet after the shorter save: its parts, the empty cell it writes, then the longer copy's tail.
    const sheet = [...short, "", ...long.slice(short.length + 1)];
    const back = parseSettings(settingsFromCells(sheet));
    expect(isKamError(back) ? back.message : back).toEqual(settings(2));
  });

  it("start each part with a mark, so a part that begins like a formula or an apostrophe stays as it is", () => {
    for (const c of settingsCells(settings(1500))) expect(c.startsWith("~")).toBe(true);
    // A copy from before the mark (its apostrophe dropped by Excel) still reads.
    const json = JSON.stringify(settings(1));
    expect(settingsFromCells([json.slice(0, 10), json.slice(10), null])).toBe(json);
  });
});
