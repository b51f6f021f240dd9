/**
 * Every generated sheet, on tables of every shape the sample generator can make (1 to 80 accounts, messy cells, any
 * optional column left out, a 2×2 or 3×3 grid): no cell is written by two blocks (the later one would silently
 * replace the earlier, as the Whitespace list once lost its accounts to the per-account table), no written cell lies
 * under a chart, and no two charts cover each other. A property over prepareReport, so a layout change in any sheet
 * builder is checked against the others' placements, not only against its own test table.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SAMPLE_HEADERS } from "../../../samples/telecomAccounts";
import { boxOf, cellIndex, type Box } from "../../../src/report/cellRefs";
import type { SheetPlan } from "../../../src/report/plan";
import { rowOf, sheetBlocks } from "../../../src/report/planCells";
import { runSample } from "../../fixtures/kamSample";

/** The sheet's layout faults: cells written twice, written cells under a chart, charts over charts. */
function layoutFaults(sheet: SheetPlan): string[] {
  const faults: string[] = [];
  const charts = (sheet.charts ?? []).map((c) => ({ title: c.title, box: boxOf(`${c.from}:${c.to}`) }));
  const inside = (b: Box, row: number, col: number) =>
    row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
  const writer = new Map<number, string>();
  for (const block of sheetBlocks(sheet)) {
    const at = cellIndex(block.at);
    for (let k = 0; rowOf(block.rows, k) !== undefined; k++)
      rowOf(block.rows, k)!.forEach((cell, j) => {
        const row = at.row + k;
        const col = at.col + j;
        const key = row * 20_000 + col;
        const earlier = writer.get(key);
        if (earlier !== undefined) faults.push(`${sheet.name} R${row}C${col}: written by ${earlier} and ${block.at}`);
        writer.set(key, block.at);
        const under = cell === null ? undefined : charts.find((c) => inside(c.box, row, col));
        if (under) faults.push(`${sheet.name} R${row}C${col} (${block.at}) under the chart "${under.title}"`);
      });
  }
  charts.forEach((a, i) =>
    charts.slice(i + 1).forEach((b) => {
      const apart =
        a.box.right < b.box.left || b.box.right < a.box.left || a.box.bottom < b.box.top || b.box.bottom < a.box.top;
      if (!apart) faults.push(`${sheet.name}: the charts "${a.title}" and "${b.title}" overlap`);
    }),
  );
  return faults;
}

/** Columns a table may lack (the account name is required; revenue kept so that most sheets have something). */
const optionalColumns = () => SAMPLE_HEADERS.filter((h) => h !== "Account" && h !== "Revenue FY25");

describe("every generated sheet's layout", () => {
  it("writes no cell twice, puts no cell under a chart and no chart over another, on tables of any shape", () => {
    fc.assert(
      fc.property(
        fc.record({
          count: fc.integer({ min: 1, max: 80 }),
          seed: fc.integer({ min: 1, max: 1000 }),
          messy: fc.boolean(),
          drop: fc.subarray([...optionalColumns()]),
          grid: fc.constantFrom(2 as const, 3 as const),
        }),
        ({ count, seed, messy, drop, grid }) => {
          // a messy table of one or two rows may lose them all (duplicate, bad revenue): nothing to lay out then
          let report;
          try {
            report = runSample({ count, seed, messy, drop, choices: { grid } }).report;
          } catch (e) {
            expect(String(e)).toContain("the sample gave no accounts");
            return;
          }
          expect(report.plan.sheets.flatMap(layoutFaults)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("finds a cell written twice, a cell under a chart and two charts over each other", () => {
    // the check itself, on a sheet made to fail each way (so the property above cannot pass by checking nothing)
    const sheet: SheetPlan = {
      name: "S",
      blocks: [
        {
          at: "A1",
          rows: [
            ["a", "b"],
            [null, "c"],
          ],
        },
        { at: "B2", rows: [["d"]] },
        { at: "E5", rows: [[1]] },
        { at: "J1", rows: [[null]] },
      ],
      charts: [
        { kind: "column", title: "one", from: "D4", to: "F6", series: [] },
        { kind: "column", title: "two", from: "F6", to: "H9", series: [] },
        { kind: "column", title: "three", from: "J1", to: "K2", series: [] },
      ],
    };
    expect(layoutFaults(sheet)).toEqual([
      "S R2C2: written by A1 and B2",
      'S R5C5 (E5) under the chart "one"',
      'S: the charts "one" and "two" overlap',
    ]);
  });
});
