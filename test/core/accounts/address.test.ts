import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellAddress, columnLetters, parseCell, parseRangeAddress, splitRangeAddress } from "../../../src/core";

describe("columnLetters", () => {
  it("writes a 0-based column as Excel's letters, Z to AA and ZZ to AAA, up to XFD", () => {
    const at = (col: number) => columnLetters(col);
    expect([at(0), at(1), at(25), at(26), at(27), at(51), at(52)]).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA"]);
    expect([at(701), at(702), at(703), at(16_383)]).toEqual(["ZZ", "AAA", "AAB", "XFD"]);
    expect(cellAddress("Account Data", 16, 3)).toBe("'Account Data'!D17");
  });

  it("is read back by parseCell as the same column, for every column of a sheet", () => {
    fc.assert(
      fc.property(fc.nat({ max: 16_383 }), fc.nat({ max: 1_048_575 }), (col, row) => {
        expect(parseCell(`${columnLetters(col)}${row + 1}`)).toEqual({ row, col });
      }),
    );
  });
});

describe("splitRangeAddress", () => {
  it("gives the sheet unquoted and the cells as getRange takes them", () => {
    expect(splitRangeAddress("'Account Data'!D17")).toEqual({ sheet: "Account Data", range: "D17" });
    expect(splitRangeAddress("'Account Data'!B3:K120")).toEqual({ sheet: "Account Data", range: "B3:K120" });
    expect(splitRangeAddress("'Q1''s data'!$A$1:$C$9")).toEqual({ sheet: "Q1's data", range: "A1:C9" });
    expect(splitRangeAddress("Accounts!A1")).toEqual({ sheet: "Accounts", range: "A1" });
  });

  it("refuses what is not a sheet and A1 cells", () => {
    for (const bad of ["D17", "Accounts!", "Accounts!A1:B2:C3", "Accounts!A1:zz", "report.csv", "Accounts!R1C1"])
      expect(splitRangeAddress(bad)).toBeUndefined();
  });

  it("reads back every address cellAddress writes, whatever the sheet is called", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !/[:\\/?*[\]]/.test(s)),
        fc.nat({ max: 1_048_575 }),
        fc.nat({ max: 16_383 }),
        (sheet, row, col) => {
          expect(splitRangeAddress(cellAddress(sheet, row, col))).toEqual({
            sheet,
            range: `${columnLetters(col)}${row + 1}`,
          });
        },
      ),
    );
  });
});

describe("addresses typed with spaces, or without a sheet (issue 21, mutation survivors)", () => {
  it("reads a cell reference with spaces around it", () => {
    expect(parseCell(" $D$17 ")).toEqual({ row: 16, col: 3 });
    expect(parseCell("\tB3 ")).toEqual({ row: 2, col: 1 });
    expect(parseRangeAddress("'Account Data'! D17:F20")).toEqual({ sheet: "Account Data", row: 16, col: 3 });
  });

  it("gives the cells as getRange takes them, without the spaces around the colon", () => {
    expect(splitRangeAddress("Accounts!A1 :B2")).toEqual({ sheet: "Accounts", range: "A1:B2" });
    expect(splitRangeAddress("Accounts!A1: B2")).toEqual({ sheet: "Accounts", range: "A1:B2" });
    expect(splitRangeAddress("'Account Data'! $B$3 : $K$120 ")).toEqual({ sheet: "Account Data", range: "B3:K120" });
  });

  it("refuses an address whose sheet part is empty: it names no sheet", () => {
    expect(parseRangeAddress("!A1")).toBeUndefined();
    expect(splitRangeAddress("!A1:B2")).toBeUndefined();
  });
});
