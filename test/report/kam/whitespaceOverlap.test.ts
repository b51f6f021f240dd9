/**
 * The Whitespace sheet's summary (benchmarks, then the top-opportunities list: Account, [Segment,] Product, Potential,
 * Position) and its per-account table to the right must not share a column: with one or two products the list is the
 * wider of the two, and 30 accounts reach its rows (the per-account pattern, written after the blocks, overwrote its
 * Position column and the list lost its accounts and products).
 */
import { describe, expect, it } from "vitest";
import type { Cell } from "../../../samples/telecomAccounts";
import { cellIndex } from "../../../src/report/cellRefs";
import { rowOf, sheetBlocks } from "../../../src/report/planCells";
import { prepareReport } from "../../../src/report/kam/prepareReport";
import { withPlanEngine } from "../../support/planEngine";

function table(products: number, withSegment: boolean): Cell[][] {
  const names = ["Cloud", "Voice", "IoT"].slice(0, products);
  return [
    ["Account", ...(withSegment ? ["Segment"] : []), "Revenue FY25", ...names.map((p) => `Product: ${p}`)],
    ...Array.from({ length: 30 }, (_, i): Cell[] => [
      `Acc ${i + 1}`,
      ...(withSegment ? [i % 2 ? "Ent" : "SMB"] : []),
      1000 + i,
      ...names.map((_, j) => ((i + j) % 3 === 0 ? null : 10 * (i + 1) + j)),
    ]),
  ];
}

describe("the Whitespace sheet with one to three products and 30 accounts", () => {
  for (const [products, withSegment] of [
    [1, false],
    [1, true],
    [2, false],
    [2, true],
    [3, false],
    [3, true],
  ] as const)
    it(`writes no cell twice (${products} product(s), ${withSegment ? "with" : "without"} segments)`, () => {
      const { report } = prepareReport({
        sheet: "Account Data",
        top: 0,
        left: 0,
        values: table(products, withSegment),
      });
      const sheet = report!.plan.sheets.find((s) => s.name === "Whitespace")!;
      const seen = new Map<string, string>();
      const clashes: string[] = [];
      for (const b of sheetBlocks(sheet)) {
        const at = cellIndex(b.at);
        for (let k = 0; rowOf(b.rows, k) !== undefined; k++)
          rowOf(b.rows, k)!.forEach((_, j) => {
            const key = `${at.row + k},${at.col + j}`;
            if (seen.has(key)) clashes.push(`${key} (${seen.get(key)} and ${b.at})`);
            else seen.set(key, b.at);
          });
      }
      expect(clashes.slice(0, 3)).toEqual([]);
    });

  it("lists the top opportunity's account (2 products, with segments)", () => {
    const { report } = prepareReport({ sheet: "Account Data", top: 0, left: 0, values: table(2, true) });
    withPlanEngine(report!.plan, (e) => {
      // the list's header row is "Account", "Segment", "Product", "Potential", "Position"; its first entry below it
      let top = 1;
      while (e.value("Whitespace", `A${top}`) !== "Account") top++;
      expect(e.value("Whitespace", `E${top}`)).toBe("Position");
      expect(e.value("Whitespace", `A${top + 1}`)).toMatch(/^Acc \d+$/);
    });
  });
});
