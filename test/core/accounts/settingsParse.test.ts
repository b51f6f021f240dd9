import { describe, expect, it } from "vitest";
import {
  parseSettings,
  serializeSettings,
  SETTINGS_CELL_CHARS,
  settingsCells,
  settingsFromCells,
  type KamSettings,
} from "../../../src/core";

const saved = (sheet = "Accounts"): KamSettings => ({
  version: 1,
  savedAt: "2026-12-01T10:00:00.000Z",
  source: { sheet, address: "A1:R251" },
  columns: { account: "Account", revenue: "Revenue FY25" },
  criteria: [{ header: "Growth potential", weight: 2 }],
  scale: { min: 1, max: 5 },
  thresholds: { attractiveness: 50, strength: "median" },
  discountRate: 0.1,
});

describe("saved settings refused with the error the taskpane shows", () => {
  it("a rating scale whose ends are equal, named by the scale", () => {
    expect(parseSettings(JSON.stringify({ ...saved(), scale: { min: 3, max: 3 } }))).toMatchObject({
      code: "value",
      argument: "settings",
      message: "The saved KAM settings are invalid at scale: scale.max must be greater than scale.min.",
    });
    const report = { strength: { relationshipScale: { min: 5, max: 5 } } };
    expect(parseSettings(JSON.stringify({ ...saved(), report }))).toMatchObject({
      code: "value",
      message: expect.stringContaining(
        "report.strength.relationshipScale.max must be greater than report.strength.relationshipScale.min",
      ),
    });
  });

  it("damaged JSON, and JSON that is no settings object at all (invalid at the top)", () => {
    expect(parseSettings("{oops")).toMatchObject({ code: "value", argument: "settings" });
    expect(parseSettings("[]")).toMatchObject({
      code: "value",
      argument: "settings",
      message: expect.stringMatching(/^The saved KAM settings are invalid at the top: /),
    });
  });

  it("an older version: detection is used, not 'update the add-in'", () => {
    const older = parseSettings(JSON.stringify({ ...saved(), version: 0 }));
    expect(older).toMatchObject({
      code: "value",
      argument: "settings",
      message:
        "The saved KAM settings are version 0, from a release before settings were kept; detection is used instead.",
    });
    expect(parseSettings(JSON.stringify({ ...saved(), version: 2 }))).toMatchObject({
      code: "value",
      message: expect.stringContaining("newer than this add-in understands (1): update the add-in."),
    });
  });

  it("segment names that differ other than by case (Strasse, Straße) are two segments", () => {
    const segments = [
      { name: "Strasse", strategy: "" },
      { name: "Straße", strategy: "" },
      { name: "Develop", strategy: "" },
      { name: "Maintain", strategy: "" },
    ];
    const s = { ...saved(), report: { segments } };
    expect(parseSettings(JSON.stringify(s))).toEqual(s);
    expect(
      parseSettings(
        JSON.stringify({ ...s, report: { segments: [...segments.slice(0, 3), { name: "STRASSE", strategy: "" }] } }),
      ),
    ).toMatchObject({ message: expect.stringContaining("distinct names") });
  });
});

describe("the settings sheet's cells at the edges", () => {
  it("settings of exactly one or two cells' worth of JSON take one or two cells, no cell holding only the mark", () => {
    const length = serializeSettings(saved("S")).length;
    const one = saved("S".repeat(SETTINGS_CELL_CHARS - length + 1));
    expect(serializeSettings(one)).toHaveLength(SETTINGS_CELL_CHARS);
    expect(settingsCells(one)).toHaveLength(1);
    const two = saved("S".repeat(2 * SETTINGS_CELL_CHARS - length + 1));
    expect(settingsCells(two)).toHaveLength(2);
    expect(parseSettings(settingsFromCells(settingsCells(two)))).toEqual(two);
  });

  it("stop at a cell the reader gives as undefined or null after the last part", () => {
    const cells = settingsCells(saved());
    expect(parseSettings(settingsFromCells([...cells, undefined, "~stale"]))).toEqual(saved());
    expect(parseSettings(settingsFromCells([...cells, null, "~stale"]))).toEqual(saved());
  });
});
