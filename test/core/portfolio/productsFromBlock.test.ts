/**
 * Products per account (the cross-sell ratio) from the product block where no column counts the products (issue 19,
 * part 2): a product is owned where its revenue is above 0, and the KPI is the mean over the active accounts. Only the
 * LibreOffice test checked this before; the mutation run of src/core needs a fast test (issue 21).
 */
import { describe, expect, it } from "vitest";
import { portfolioOptionsWith } from "../../fixtures/portfolioOptions";
import { portfolioKpis, type AccountTable } from "../../../src/core";

const NaN_ = Number.NaN;

/** Four accounts, the third churned, with a block of three products (revenue per product, NaN where blank). */
function table(products?: number[]): AccountTable {
  const block = [
    [60, 10, 5, 0],
    [0, 20, 5, 0],
    [NaN_, 30, 5, NaN_],
  ];
  return {
    sheet: "S",
    count: 4,
    sourceRows: Int32Array.of(1, 2, 3, 4),
    labels: {},
    numbers: products ? { products: Float64Array.from(products) } : {},
    status: Int8Array.of(0, 0, 1, 0),
    criteria: [],
    productRevenue: block.map((values, p) => ({
      header: `Product: P${p + 1}`,
      product: `P${p + 1}`,
      values: Float64Array.from(values),
    })),
    issues: [],
    summary: { read: 4, accepted: 4, rejected: 0, ignoredBlank: 0, ignoredTotals: 0 },
  };
}

const productsKpi = (t: AccountTable) =>
  portfolioKpis(t, portfolioOptionsWith()).kpis.find((k) => k.id === "ProductsPerAccount")!;

describe("products per account from the product block", () => {
  it("counts the products with revenue above 0 and averages over the active accounts", () => {
    // owned: 1 (60), 3 (10, 20, 30), churned (3, left out), 0 (0, 0, blank): (1 + 3 + 0) / 3
    expect(productsKpi(table()).value).toBeCloseTo(4 / 3, 12);
  });

  it("gives way to a column that counts the products", () => {
    // the column's 2, 2 and 5 over the active accounts, the churned account's 9 left out
    expect(productsKpi(table([2, 2, 9, 5])).value).toBe(3);
  });

  it("without a block or a column, says which columns would bring it", () => {
    const t = { ...table(), productRevenue: [] };
    expect(productsKpi(t)).toEqual({
      id: "ProductsPerAccount",
      label: "Products per account",
      format: "number",
      value: undefined,
      reason: 'needs a Products column (products or modules in use), or product revenue columns ("Product: name")',
    });
  });
});
