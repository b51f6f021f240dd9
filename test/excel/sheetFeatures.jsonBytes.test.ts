/** jsonBytes: what a value adds to a request, as UTF-8 JSON (the budget that keeps requests under 5 MB counts it). */
import { describe, expect, it } from "vitest";
import { jsonBytes } from "../../src/excel/sheetFeatures";

describe("jsonBytes", () => {
  it("counts UTF-8 bytes of the JSON: a euro sign is 3 bytes, its quotes 2 more", () => {
    expect(jsonBytes("€")).toBe(5);
    expect(jsonBytes([["", ""]])).toBe(9);
  });

  it("counts nothing for a value JSON leaves out (undefined)", () => {
    expect(jsonBytes(undefined)).toBe(0);
  });
});
