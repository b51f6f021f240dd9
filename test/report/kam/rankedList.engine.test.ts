/**
 * The live top-N list (src/report/kam/rankedList.ts) evaluated by HyperFormula with the test engine's AGGREGATE, on
 * a hand-made Accounts sheet: every cell of the list against the ranking worked from its definition (the accounts
 * the filter admits, largest key first, equal keys in sheet order, each once), on a fixed table and on random ones
 * with ties, blanks, text and fewer accounts than the list is long. The matrix's and dashboard's lists over the
 * sample are in reportLists.engine.test.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnLetters } from "../../../src/core";
import type { PlanCell, SheetPlan } from "../../../src/report/plan";
import { rankedList, type RankedListSpec } from "../../../src/report/kam/rankedList";
import { planEngine } from "../../support/planEngine";

type Key = number | string | null;
interface Account {
  readonly name: string;
  readonly owner: string | null;
  readonly revenue: Key;
  readonly admitted: boolean | 0 | 1;
}

interface Layout {
  readonly top: number;
  readonly left: number;
  readonly length: number;
  /** A number in the key column just above the list's header (another block's), or none. */
  readonly above?: number;
}

const HEADERS = ["Account", "Account manager"];

/** The Accounts sheet (A: account, B: owner, C: revenue, D: admitted) and the list sheet, as plans. */
function sheets(accounts: readonly Account[], at: Layout): { sheets: SheetPlan[]; spec: RankedListSpec } {
  const last = accounts.length + 1;
  const range = (c: string) => `'Accounts'!$${c}$2:$${c}$${last}`;
  const spec: RankedListSpec = {
    sheet: "List",
    top: at.top,
    left: at.left,
    length: at.length,
    key: range("C"),
    keyHeader: "Revenue",
    filter: `(${range("D")}*1)`,
    firstRow: 2,
    columns: [
      { header: HEADERS[0], range: range("A") },
      { header: HEADERS[1], range: range("B") },
    ],
  };
  const rows: PlanCell[][] = [
    ["Account", "Account manager", "Revenue", "Admitted"],
    ...accounts.map((a) => [a.name, a.owner, a.revenue, a.admitted]),
  ];
  const blocks = [{ at: `${columnLetters(at.left)}${at.top}`, rows: rankedList(spec) }];
  if (at.above !== undefined) blocks.push({ at: `${columnLetters(at.left + 2)}${at.top - 1}`, rows: [[at.above]] });
  return {
    sheets: [
      { name: "Accounts", blocks: [{ at: "A1", rows }] },
      { name: "List", blocks },
    ],
    spec,
  };
}

/**
 * The list by its definition, worked without the formulas: the admitted accounts whose revenue is a number (a blank
 * counts as 0, as Excel's arithmetic reads an empty cell; text is no number), largest first, equal revenues in sheet
 * order; then empty rows to the list's length. Each row: account, owner ("" for a blank), revenue, Accounts row.
 */
function expectedList(accounts: readonly Account[], length: number): (string | number)[][] {
  const ranked = accounts
    .map((a, i) => ({ a, row: i + 2, key: a.revenue === null ? 0 : a.revenue }))
    .filter((x) => Boolean(x.a.admitted) && typeof x.key === "number")
    .sort((x, y) => (y.key as number) - (x.key as number) || x.row - y.row);
  return Array.from({ length }, (_, k) => {
    const x = ranked[k];
    return x ? [x.a.name, x.a.owner ?? "", x.key as number, x.row] : ["", "", "", ""];
  });
}

/** The list's cells as the engine computes them, header row first. */
function listed(accounts: readonly Account[], at: Layout): unknown[][] {
  const { sheets: plan } = sheets(accounts, at);
  const engine = planEngine(plan);
  try {
    return Array.from({ length: at.length + 1 }, (_, k) =>
      Array.from({ length: 4 }, (_, j) => engine.value("List", `${columnLetters(at.left + j)}${at.top + k}`)),
    );
  } finally {
    engine.destroy();
  }
}

describe("a ranked list in HyperFormula", () => {
  it("lists the admitted accounts by revenue, ties in sheet order, blanks as shown, then empty rows", () => {
    const accounts: Account[] = [
      { name: "Atlas", owner: "Ann", revenue: 300, admitted: 1 },
      { name: "Borealis", owner: null, revenue: 500, admitted: 1 },
      { name: "Cygnus", owner: "Cy", revenue: 300, admitted: 1 },
      { name: "Draco", owner: "Dee", revenue: 900, admitted: 0 },
      { name: "Eridanus", owner: "Eve", revenue: null, admitted: 1 },
      { name: "Fornax", owner: "Fay", revenue: "n/a", admitted: 1 },
      { name: "Gemini", owner: "Gus", revenue: 300, admitted: true },
      { name: "Hydra", owner: "Hal", revenue: -50, admitted: 1 },
    ];
    // Worked by hand: Draco is not admitted, Fornax's "n/a" is no number, Eridanus's blank counts 0; the three 300s
    // in sheet order (rows 2, 4, 8); ten places for six accounts. A 500 just above the header is not the list's.
    const got = listed(accounts, { top: 4, left: 2, length: 10, above: 500 });
    expect(got[0]).toEqual(["Account", "Account manager", "Revenue", "Row"]);
    expect(got.slice(1)).toEqual([
      ["Borealis", "", 500, 3],
      ["Atlas", "Ann", 300, 2],
      ["Cygnus", "Cy", 300, 4],
      ["Gemini", "Gus", 300, 8],
      ["Eridanus", "Eve", 0, 6],
      ["Hydra", "Hal", -50, 9],
      ["", "", "", ""],
      ["", "", "", ""],
      ["", "", "", ""],
      ["", "", "", ""],
    ]);
    expect(expectedList(accounts, 10)).toEqual(got.slice(1));
  });

  it("is as long as asked: the row after the last place is not the list's", () => {
    const accounts: Account[] = [1, 2, 3, 4].map((x) => ({ name: `A${x}`, owner: null, revenue: x, admitted: 1 }));
    const { sheets: plan } = sheets(accounts, { top: 1, left: 0, length: 3 });
    const list = plan[1].blocks[0].rows;
    expect(list.length).toBe(4);
    const engine = planEngine(plan);
    try {
      expect([2, 3, 4].map((r) => engine.value("List", `A${r}`))).toEqual(["A4", "A3", "A2"]);
      expect(engine.value("List", "A5")).toBe(null);
    } finally {
      engine.destroy();
    }
  });

  it("agrees with its definition on random tables: ties, blanks, text, filtered accounts, short tables", () => {
    const key = fc.constantFrom<Key>(null, "n/a", 0, 100, 200, 200, 300, -5, 1e6);
    const account = fc.record({
      owner: fc.constantFrom(null, "Ann", "Bo"),
      revenue: key,
      admitted: fc.constantFrom<Account["admitted"]>(0, 1, 1, true, false),
    });
    fc.assert(
      fc.property(
        fc.array(account, { minLength: 0, maxLength: 12 }),
        fc.record({
          top: fc.integer({ min: 2, max: 6 }),
          left: fc.integer({ min: 0, max: 3 }),
          length: fc.integer({ min: 1, max: 8 }),
          above: fc.constantFrom(100, 200, 300),
        }),
        (drawn, at) => {
          const accounts = drawn.map((a, i) => ({ ...a, name: `Account ${i + 1}` }));
          const got = listed(accounts, at);
          expect(got[0]).toEqual(["Account", "Account manager", "Revenue", "Row"]);
          expect(got.slice(1)).toEqual(expectedList(accounts, at.length));
        },
      ),
      { numRuns: 60, seed: 21 },
    );
  });
});
