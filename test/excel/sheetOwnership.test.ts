/**
 * Which sheets the add-in owns (the ids recorded under kam.ownedSheets), and the name a planned sheet takes where the
 * analyst has a sheet of that name.
 */
import { describe, expect, it } from "vitest";
import { decideSheets, parseOwned } from "../../src/excel/sheetOwnership";

describe("parseOwned", () => {
  it("reads the ids of a recorded list, skipping anything that is not an id", () => {
    expect(parseOwned('["kam-1", 7, null, "kam-2"]')).toEqual(new Set(["kam-1", "kam-2"]));
  });

  it("owns nothing where the record is damaged: not JSON, not a list, or no text", () => {
    expect(parseOwned('{"ids":["kam-1"]}')).toEqual(new Set());
    expect(parseOwned("kam-1,kam-2")).toEqual(new Set());
    expect(parseOwned(undefined)).toEqual(new Set());
  });
});

describe("decideSheets", () => {
  const sheet = (id: string, name: string, position: number) => ({ id, name, position });

  it("gives a planned sheet the first free number where the analyst has the name and its (2)", () => {
    const existing = [sheet("a", "Summary", 0), sheet("b", "summary (2)", 1)];
    expect(decideSheets(["Summary"], existing, new Set())).toEqual([
      { action: "rename", name: "Summary (3)", planned: "Summary" },
    ]);
  });

  it("never hands a planned sheet a name another planned sheet will take", () => {
    // The analyst's "Summary" sends the planned "Summary" to a new name; "Summary (2)" is planned too, so it gets (3).
    const decisions = decideSheets(["Summary", "Summary (2)"], [sheet("a", "Summary", 0)], new Set());
    expect(decisions).toEqual([
      { action: "rename", name: "Summary (3)", planned: "Summary" },
      { action: "create", name: "Summary (2)" },
    ]);
  });

  it("shortens a 31-character name to make room for its number, and numbers two names that shorten alike apart", () => {
    // Excel refuses a sheet name over 31 characters; both planned names lose their last 4 to " (2)".
    const existing = [
      sheet("a", "Key Account Revenue Forecast Q1", 0),
      sheet("b", "Key Account Revenue Forecast Q2", 1),
    ];
    expect(
      decideSheets(["Key Account Revenue Forecast Q1", "Key Account Revenue Forecast Q2"], existing, new Set()),
    ).toEqual([
      { action: "rename", name: "Key Account Revenue Forecas (2)", planned: "Key Account Revenue Forecast Q1" },
      { action: "rename", name: "Key Account Revenue Forecas (3)", planned: "Key Account Revenue Forecast Q2" },
    ]);
  });

  it("replaces the add-in's own sheet of the name, and creates one the workbook lacks", () => {
    const existing = [sheet("kam-1", "Summary", 0)];
    expect(decideSheets(["Summary", "Data"], existing, new Set(["kam-1"]))).toEqual([
      { action: "replace", name: "Summary", replaces: existing[0] },
      { action: "create", name: "Data" },
    ]);
  });
});
