import { describe, expect, it } from "vitest";
import {
  applyOverrides,
  availableFeatures,
  choicesFromSettings,
  detectMapping,
  parseSettings,
  productMatches,
  productOfHeader,
  serializeSettings,
  settingsColumns,
  validateAccounts,
  type KamSettings,
  type TableInput,
} from "../../../src/core";

const sheet = (values: unknown[][]): TableInput => ({ sheet: "Key accounts", top: 0, left: 0, values });

const block = (t: TableInput) => detectMapping(t).productBlock!.map((p) => [p.column, p.product]);

describe("the product block (issue 19, part 2): one revenue column per product, recognised by header", () => {
  it('reads "Product: name" (and – — - | as the separator, module and the German, French, Spanish words)', () => {
    // The convention of productBlock.ts: a product word, a separator, the product's name.
    expect(productOfHeader("Product: Fleet telematics")).toBe("Fleet telematics");
    expect(productOfHeader("products – Cloud voice")).toBe("Cloud voice");
    expect(productOfHeader("Module - SD-WAN")).toBe("SD-WAN");
    expect(productOfHeader("Produkt | Glasfaser")).toBe("Glasfaser");
    expect(productOfHeader("Produit — Voix")).toBe("Voix");
    // The count of products, and other headers, are no product column.
    for (const h of ["Products", "Products in use", "Product count", "Revenue: Cloud", "Product:", "Modules 2025"])
      expect(productOfHeader(h), h).toBeUndefined();
  });

  it("maps the block beside a products count, which stays the count, and offers none of it as a criterion", () => {
    const t = sheet([
      ["Account", "Revenue", "Products", "Product: Connectivity", "Product: Cloud voice", "Growth potential"],
      ["Acme", 150, 1, 150, null, 4],
      ["Bolt", 90, 2, 60, 30, 2],
    ]);
    const m = detectMapping(t);
    expect(block(t)).toEqual([
      [3, "Connectivity"],
      [4, "Cloud voice"],
    ]);
    expect(m.fields.products?.column).toBe(2);
    expect(m.numericColumns).toEqual([5]);
    const features = availableFeatures(m);
    expect(features.find((f) => f.feature === "Whitespace and total account value")).toEqual({
      feature: "Whitespace and total account value",
      available: true,
    });
  });

  it('reads the products under a merged "Products" group header, and says what is missing without a block', () => {
    const t = sheet([
      ["Account", "Revenue", "Products", null, "Segment"],
      [null, null, "Connectivity", "Cloud voice", null],
      ["Acme", 150, 150, null, "Enterprise"],
    ]);
    expect(block(t)).toEqual([
      [2, "Connectivity"],
      [3, "Cloud voice"],
    ]);
    // "Products Connectivity" is no products count.
    expect(detectMapping(t).fields.products).toBeUndefined();
    const none = detectMapping(
      sheet([
        ["Account", "Revenue"],
        ["Acme", 1],
      ]),
    );
    expect(none.productBlock).toEqual([]);
    expect(availableFeatures(none).find((f) => f.feature === "Whitespace and total account value")).toEqual({
      feature: "Whitespace and total account value",
      available: false,
      reason: 'needs product revenue columns ("Product: name")',
    });
    // The cross-sell ratio comes from either: a count column or the block.
    expect(availableFeatures(detectMapping(t)).find((f) => f.feature === "Cross-sell ratio")?.available).toBe(true);
  });

  it("reads the revenues, blank as NaN; text or a negative revenue is an issue naming the cell, and its row left out", () => {
    const t = sheet([
      ["Account", "Product: Connectivity", "Product: Cloud voice"],
      ["Acme", 150, null],
      ["Bolt", "€1.2m", 30],
      ["Crux", 10, -5],
      ["Dune", 0, "40"],
    ]);
    const table = validateAccounts(t, detectMapping(t));
    expect(table.count).toBe(2);
    expect(table.productRevenue!.map((p) => [p.header, p.product, Array.from(p.values)])).toEqual([
      ["Product: Connectivity", "Connectivity", [150, 0]],
      ["Product: Cloud voice", "Cloud voice", [Number.NaN, 40]],
    ]);
    // The reader's words for any number field, as the README quotes them for a revenue ("Revenue is the text …").
    expect(table.issues.map((i) => [i.code, i.cell, i.message])).toEqual([
      ["not_a_number", "'Key accounts'!B3", 'Product: Connectivity is the text "€1.2m"; expected a number.'],
      ["out_of_range", "'Key accounts'!C4", "Product: Cloud voice is -5; it cannot be negative."],
    ]);
  });
});

describe("the product block in the saved settings", () => {
  const base = {
    version: 1 as const,
    savedAt: "2026-12-02T08:00:00.000Z",
    source: { sheet: "Key accounts", address: "A1" },
    scale: { min: 1, max: 5 },
    thresholds: { attractiveness: 50, strength: 50 },
    discountRate: 0.1,
  };

  it("is saved by header, found again where the columns moved, and may name columns of any header", () => {
    const mine = sheet([
      ["Account", "Product: Connectivity", "Cloud voice", "Notes"],
      ["Acme", 150, 20, "x"],
    ]);
    // The analyst adds "Cloud voice" (no product word) to the block.
    const chosen = applyOverrides(detectMapping(mine), { productColumns: [1, 2] });
    const saved: KamSettings = { ...base, ...settingsColumns(chosen) };
    expect(saved.products).toEqual(["Product: Connectivity", "Cloud voice"]);
    const loaded = parseSettings(serializeSettings(saved)) as KamSettings;
    const theirs = sheet([
      ["Cloud voice", "Account", "Product: Connectivity"],
      [20, "Acme", 150],
    ]);
    const { overrides, notFound } = choicesFromSettings(detectMapping(theirs), loaded);
    const mapping = applyOverrides(detectMapping(theirs), overrides);
    expect(mapping.productBlock!.map((p) => [p.column, p.product, p.reason])).toEqual([
      [2, "Connectivity", "saved in this workbook"],
      [0, "Cloud voice", "saved in this workbook"],
    ]);
    expect(notFound).toEqual([]);
  });

  it("keeps none as none, and says which saved product column is gone", () => {
    const t = sheet([
      ["Account", "Product: Connectivity"],
      ["Acme", 150],
    ]);
    const none = applyOverrides(detectMapping(t), { productColumns: [] });
    expect(none.productBlock).toEqual([]);
    expect(settingsColumns(none, [], true).products).toEqual([]);
    // Never chosen and none in the table: nothing saved, so a block added later is detected.
    expect(
      settingsColumns(
        detectMapping(
          sheet([
            ["Account", "X"],
            ["Acme", 1],
          ]),
        ),
      ).products,
    ).toBeUndefined();
    const { overrides, notFound } = choicesFromSettings(detectMapping(t), {
      ...base,
      columns: {},
      criteria: [],
      products: ["Product: Connectivity", "Product: IoT"],
    });
    expect(overrides.productColumns).toEqual([1]);
    expect(notFound).toEqual([
      'The saved product column "Product: IoT" is not in the selected table; the whitespace leaves it out.',
    ]);
  });

  it("gives a column the analyst maps to a field up from the block", () => {
    const t = sheet([
      ["Account", "Product: Connectivity", "Product: Cloud voice"],
      ["Acme", 150, 20],
    ]);
    const m = applyOverrides(detectMapping(t), { fields: { revenue: 1 } });
    expect(m.productBlock!.map((p) => p.column)).toEqual([2]);
  });
});

describe("the product block's edges (issue 21)", () => {
  it("reads a product header with no space after the colon, and not a header with words before the product word", () => {
    expect(productOfHeader("Product:Fleet telematics")).toBe("Fleet telematics");
    expect(productOfHeader("Product -  Cloud voice")).toBe("Cloud voice");
    expect(productOfHeader("Top product: Cloud voice")).toBeUndefined();
  });

  it("says why each column is in the block: its header, or the group it stands under, trimmed", () => {
    const t = sheet([
      ["Account", "Product: Fleet telematics", " Products ", null, "Revenue"],
      [null, null, " Connectivity ", "Cloud voice", null],
      ["Acme", 10, 150, 20, 180],
    ]);
    expect(detectMapping(t).productBlock).toEqual([
      {
        column: 1,
        header: "Product: Fleet telematics",
        product: "Fleet telematics",
        confidence: 1,
        reason: 'header "Product: Fleet telematics" names a product',
      },
      {
        column: 2,
        header: "Products Connectivity",
        product: "Connectivity",
        confidence: 0.9,
        reason: '"Connectivity" stands under the group "Products"',
      },
      {
        column: 3,
        header: "Products Cloud voice",
        product: "Cloud voice",
        confidence: 0.9,
        reason: '"Cloud voice" stands under the group "Products"',
      },
    ]);
  });

  it("ends the group at a blank under a blank, and leaves out the group's own column when nothing stands under it", () => {
    const t = sheet([
      ["Account", "Products", null, null, null, "Revenue"],
      [null, null, "Connectivity", null, "Notes", null],
      ["Acme", 2, 150, null, "call in May", 180],
    ]);
    expect(block(t)).toEqual([[2, "Connectivity"]]);
  });

  it("names a chosen column past the headers by nothing", () => {
    expect(productMatches(["Account", "Product: Cloud voice"], [1, 4], "chosen by you")).toEqual([
      { column: 1, header: "Product: Cloud voice", product: "Cloud voice", confidence: 1, reason: "chosen by you" },
      { column: 4, header: "", product: "", confidence: 1, reason: "chosen by you" },
    ]);
  });
});
