/**
 * Which report features the mapped columns switch on, and what a switched-off feature says it needs (issue 21, found
 * by the mutation run of src/core/accounts/features.ts): a feature needs every column of one of its groups, and its
 * reason names only the columns still missing.
 */
import { describe, expect, it } from "vitest";
import { applyOverrides, availableFeatures, detectMapping, type TableInput } from "../../../src/core";

const table = (headers: string[]): TableInput => ({
  sheet: "Accounts",
  top: 0,
  left: 0,
  values: [headers, headers.map((_, j) => (j === 0 ? "Acme" : 3))],
});
const feature = (headers: string[], criteria: number[], name: string) =>
  availableFeatures(
    applyOverrides(detectMapping(table(headers)), { criteria: criteria.map((column) => ({ column, weight: 1 })) }),
  ).find((f) => f.feature === name);

describe("availableFeatures", () => {
  it("switches the segmentation matrix on with criteria and the share of wallet, or criteria and the relationship", () => {
    expect(feature(["Account", "Innovation", "Share of wallet"], [1], "Segmentation matrix")).toEqual({
      feature: "Segmentation matrix",
      available: true,
    });
    expect(feature(["Account", "Innovation", "Relationship strength"], [1], "Segmentation matrix")).toEqual({
      feature: "Segmentation matrix",
      available: true,
    });
  });

  it("keeps a feature off while one column of its group is missing, naming only that column", () => {
    expect(feature(["Account", "Innovation", "Revenue"], [1], "Segmentation matrix")).toEqual({
      feature: "Segmentation matrix",
      available: false,
      reason: "needs Relationship strength",
    });
    expect(feature(["Account", "Revenue"], [], "Revenue and revenue growth")).toEqual({
      feature: "Revenue and revenue growth",
      available: false,
      reason: "needs Prior revenue",
    });
    expect(feature(["Account", "Share of wallet"], [], "Segmentation matrix")).toEqual({
      feature: "Segmentation matrix",
      available: false,
      reason: "needs attractiveness criteria and Relationship strength",
    });
  });
});
