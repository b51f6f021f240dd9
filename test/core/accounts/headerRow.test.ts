import { describe, expect, it } from "vitest";
import { detectHeaderRow, isYear, twoRowHeaders } from "../../../src/core";

describe("the header row of the analyst's table", () => {
  it("skip a title row whose second cell holds only spaces: one cell of text is a title, not a header", () => {
    const values = [
      ["Key accounts FY25", "   "],
      ["Account", "Owner"],
      ["Acme", "Ann"],
    ];
    expect(detectHeaderRow(values)).toBe(1);
  });

  it("skip a totals line whose figures are typed as text (1,200, 3.5%, +4, padded): they are numbers, not headers", () => {
    for (const figure of ["1,200", "3.5%", "+4", "-0.5", " 1,200 ", "12"]) {
      const values = [
        ["Total", figure],
        ["Account", "Revenue"],
        ["Acme", 5],
      ];
      expect(detectHeaderRow(values), figure).toBe(1);
    }
  });

  it("read a header that starts with a figure (12 months revenue) as header text", () => {
    expect(
      detectHeaderRow([
        ["Account", "12 months revenue"],
        ["Acme", 5],
      ]),
    ).toBe(0);
    expect(
      detectHeaderRow([
        ["Account", "3% rebate"],
        ["Acme", 5],
      ]),
    ).toBe(0);
  });

  it("read a year as a header over the next filled row's figures, past a blank row or a blank cell", () => {
    // A blank row between the header and the first account.
    expect(detectHeaderRow([["Account", "Owner", 2024], [], ["Acme", "Ann", 5]])).toBe(0);
    expect(
      detectHeaderRow([
        ["Account", "Owner", 2024],
        ["", "", ""],
        ["Acme", "Ann", 5],
      ]),
    ).toBe(0);
    // The first account has no owner yet.
    expect(
      detectHeaderRow([
        ["Account", "Owner", 2024],
        ["Acme", "", 5],
      ]),
    ).toBe(0);
    // A year over more years is data (Customer since), and three cells with one of them a year is not a header.
    expect(
      detectHeaderRow([
        ["Account", "Owner", 2024],
        ["Acme", "Ann", 2019],
      ]),
    ).toBe(-1);
  });

  it("read 1990 to 2100 as years, and not the numbers just outside", () => {
    expect([1989, 1990, 2025, 2100, 2101].map(isYear)).toEqual([false, true, true, true, false]);
    expect(["1990", " 2100 ", "2101", "20.5"].map(isYear)).toEqual([true, true, false, false]);
    expect(
      detectHeaderRow([
        ["Account", "Owner", 1990],
        ["Acme", "Ann", 5],
      ]),
    ).toBe(0);
    expect(
      detectHeaderRow([
        ["Account", "Owner", 2100],
        ["Acme", "Ann", 5],
      ]),
    ).toBe(0);
  });
});

describe("a second header row under the first (Revenue merged over FY24 | FY25)", () => {
  it("combine a group with its columns, and keep the header cells right of the shorter second row", () => {
    const values = [
      ["Account", "Revenue", "", "Owner"],
      ["", "FY24", "FY25"],
      ["Acme", 5, 6, "Ann"],
    ];
    expect(twoRowHeaders(values, 0)).toEqual(["Account", "Revenue FY24", "Revenue FY25", "Owner"]);
  });

  it("trim the group and its columns as typed with spaces", () => {
    const values = [
      ["Account", " Revenue ", ""],
      ["", " FY24 ", "FY25 "],
      ["Acme", 5, 6],
    ];
    expect(twoRowHeaders(values, 0)).toEqual(["Account", "Revenue FY24", "Revenue FY25"]);
  });

  it("name a column under no group by its second-row cell alone, first column or after a gap", () => {
    const first = [
      ["", "Account", "Owner"],
      ["FY24", "", ""],
      [5, "Acme", "Ann"],
    ];
    expect(twoRowHeaders(first, 0)).toEqual(["FY24", "Account", "Owner"]);
    const afterGap = [
      ["Account", "Revenue", "", "", ""],
      ["", "FY24", "FY25", "", "Notes"],
      ["Acme", 5, 6, "", "call in May"],
    ];
    expect(twoRowHeaders(afterGap, 0)).toEqual(["Account", "Revenue FY24", "Revenue FY25", "", "Notes"]);
  });

  it("find none when no header row was found (-1)", () => {
    const values = [
      ["Revenue", "", "Owner"],
      ["FY24", "FY25", ""],
      [5, 6, "Ann"],
    ];
    expect(twoRowHeaders(values, -1)).toBeUndefined();
  });
});
